import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { checkCount, checkCpu, gibQuantity } from './amounts';
import { IGpuResourceFlavor, ITenantQueue } from './kueue';
import { fail } from '../../lib/errors';
import { RdmaPodWiring } from '../accelerators/rdma-pod-wiring';
import { ITenantNamespace } from '../cluster/tenant-namespace';
import { checkImage } from '../common/image';
import { checkEnvVarName, EnvVarNameCheck, isDnsLabel } from '../common/k8s';
import { invalid } from '../common/validation';
import { warn } from '../common/warnings';
import { IModelStore, ModelStoreKind } from '../storage/model-store';

/**
 * Most completions and parallelism of an Indexed Job the API server takes (kubernetes/kubernetes
 * `pkg/apis/batch/validation/validation.go`: `maxParallelismForIndexedJob = 100000`; above `completionsSoftLimit`,
 * 100000, parallelism is held to 10000).
 */
const MAX_INDEXED = 100_000;
/** int32 fields of the Job and pod API (backoffLimit, ttlSecondsAfterFinished, runAsUser, runAsGroup). */
const MAX_INT32 = 2 ** 31 - 1;
/** activeDeadlineSeconds is an int64; we stop where JavaScript numbers are exact. */
const MAX_INT53 = Number.MAX_SAFE_INTEGER;

/** The Kueue label that names the LocalQueue a Job is submitted to. */
export const KUEUE_QUEUE_LABEL = 'kueue.x-k8s.io/queue-name';

/**
 * Where a batch job reads or writes data: a PersistentVolumeClaim in the job's namespace, for example the claim of a
 * tenant's Manila share exposed as a store (`ShareModelStore` with its `ModelStoreClaim`).
 */
export class BatchDataSource {
  /** An existing PersistentVolumeClaim in the job's namespace. */
  public static persistentVolumeClaim(claimName: string, options: BatchDataSourceOptions = {}): BatchDataSource {
    return new BatchDataSource(claimName, options.subPath);
  }

  /**
   * A tenant's share-backed store (model weights, audio, datasets) through its PersistentVolumeClaim; render the
   * claim with `ModelStoreClaim` in the job's namespace. Object-bucket stores cannot be mounted: fetch them in the job.
   */
  public static fromStore(store: IModelStore, options: BatchDataSourceOptions = {}): BatchDataSource {
    if (store.storeKind !== ModelStoreKind.SHARED_FILE_SYSTEM || store.fileSystem === undefined) {
      fail(`store ${store.storeName} is an object bucket, which a pod cannot mount; use a share-backed store (ShareModelStore) or fetch the objects in the job`);
    }
    return new BatchDataSource(store.fileSystem.claimName, options.subPath);
  }

  /** Name of the claim. */
  public readonly claimName: string;
  /** Folder inside the volume, if any. */
  public readonly subPath?: string;

  private constructor(claimName: string, subPath: string | undefined) {
    this.claimName = claimName;
    this.subPath = subPath;
  }
}

/** Options of {@link BatchDataSource.persistentVolumeClaim}. */
export interface BatchDataSourceOptions {
  /**
   * Mount only this folder of the volume.
   * @default - the whole volume
   */
  readonly subPath?: string;
}

/** A data source mounted into a batch job's containers. */
export interface BatchVolume {
  /** The data. */
  readonly source: BatchDataSource;
  /** Where the container sees it. */
  readonly mountPath: string;
  /**
   * Mount read-only.
   * @default true
   */
  readonly readOnly?: boolean;
}

/** Props of {@link GpuBatchJob}. */
export interface GpuBatchJobProps {
  /** Job name (DNS label). */
  readonly jobName: string;
  /** The tenant queue the job is admitted through (its LocalQueue in `tenantNamespace`). */
  readonly queue: ITenantQueue;
  /** Namespace the job runs in; must have the queue's LocalQueue. */
  readonly tenantNamespace: ITenantNamespace;
  /** The GPU flavor (pool offer) each pod gets its GPU units from. */
  readonly flavor: IGpuResourceFlavor;
  /**
   * GPU units each pod requests.
   * @default 1
   */
  readonly gpusPerPod?: number;
  /** Container image. */
  readonly image: string;
  /**
   * Entrypoint.
   * @default - the image's
   */
  readonly command?: string[];
  /**
   * Arguments.
   * @default - the image's
   */
  readonly args?: string[];
  /**
   * Environment variables.
   * @default - none
   */
  readonly environment?: { [key: string]: string };
  /**
   * Pods that must succeed; with more than one, the job is Indexed and each pod sees `JOB_COMPLETION_INDEX`.
   * @default 1
   */
  readonly completions?: number;
  /**
   * Pods running at once; Kueue admits the job only when quota for all of them is free.
   * @default - completions
   */
  readonly parallelism?: number;
  /**
   * CPU cores each pod requests.
   * @default 4
   */
  readonly cpuPerPod?: number;
  /**
   * Memory each pod requests and is limited to, in GiB.
   * @default 16
   */
  readonly memoryGibPerPod?: number;
  /**
   * Shared memory (`/dev/shm`) of each pod in GiB.
   * @default 1
   */
  readonly sharedMemoryGib?: number;
  /**
   * Data mounted into the container.
   * @default - none
   */
  readonly volumes?: BatchVolume[];
  /**
   * Retries before the job fails.
   * @default 3
   */
  readonly backoffLimit?: number;
  /**
   * Seconds the job may run before it is stopped.
   * @default - no deadline
   */
  readonly activeDeadlineSeconds?: number;
  /**
   * Seconds a finished job is kept.
   * @default 86400
   */
  readonly ttlSecondsAfterFinished?: number;
  /**
   * Wire the pods for GPUDirect RDMA on the pool's fabric (Multus networks, RDMA devices, IPC_LOCK, NCCL environment).
   * The namespace must allow the IPC_LOCK capability (PodSecurityLevel.PRIVILEGED).
   * @default false
   */
  readonly rdma?: boolean;
  /**
   * User id the containers run as. The pods run as non-root (`runAsNonRoot`) with no privilege escalation and every
   * capability dropped (but `IPC_LOCK` with `rdma`); a numeric user lets images whose default user is root run
   * unchanged (the kubelet refuses `runAsNonRoot` with an image user of root only when no `runAsUser` is set). The
   * user must be able to read the image's files and write the mounted volumes.
   * @default 1000
   */
  readonly runAsUser?: number;
  /**
   * Group id of the containers' processes.
   * @default - the runAsUser
   */
  readonly runAsGroup?: number;
}


/**
 * A batch Job on GPUs, admitted through a tenant's Kueue LocalQueue: created suspended with the
 * `kueue.x-k8s.io/queue-name` label, so Kueue starts it when the queue has quota for all its pods. It requests the
 * flavor's resource, lands on the flavor's pool (node selector and tolerations), and refuses at synth time what Kueue
 * would leave pending forever: a flavor the queue has no quota for, or more units than the queue can ever hold.
 */
export class GpuBatchJob extends Construct {
  /** Job name. */
  public readonly jobName: string;
  /** Namespace of the job. */
  public readonly namespaceName: string;
  /** GPU resource each pod requests. */
  public readonly gpuResourceName: string;

  constructor(scope: Construct, id: string, props: GpuBatchJobProps) {
    super(scope, id);
    if (!isDnsLabel(props.jobName)) invalid(this, `jobName ${JSON.stringify(props.jobName)} is not a DNS label`);
    checkImage(this, 'image', props.image);
    this.jobName = props.jobName;
    this.namespaceName = props.tenantNamespace.namespaceName;
    const { queue, flavor } = props;
    if (!queue.namespaceNames.includes(this.namespaceName)) {
      invalid(this, `namespace ${this.namespaceName} has no LocalQueue of queue ${queue.queueName} (it serves ${queue.namespaceNames.join(', ')}); add the namespace to the queue`);
    }
    if (queue.maxUnits(flavor) !== undefined && !queue.quotaFor(flavor)) {
      invalid(this, `queue ${queue.queueName} has no quota on flavor ${flavor.flavorName}; the job would wait forever, add a GPU quota for it`);
    }
    const gpus = props.gpusPerPod ?? 1;
    const completions = props.completions ?? 1;
    const parallelism = props.parallelism ?? completions;
    checkCount(this, 'gpusPerPod', gpus, 1, MAX_INDEXED);
    checkCount(this, 'completions', completions, 1, MAX_INDEXED);
    checkCount(this, 'parallelism', parallelism, 1, MAX_INDEXED);
    if (parallelism > completions) invalid(this, `parallelism ${parallelism} is more than completions ${completions}; extra pods would have nothing to do`);
    const offer = flavor.offer;
    if (gpus > offer.countPerNode) {
      invalid(this, `gpusPerPod ${gpus} is more than the ${offer.countPerNode} ${offer.resourceName} one node of pool ${flavor.pool.poolName} has`);
    }
    if (offer.shared && gpus > 1) {
      invalid(this, `gpusPerPod ${gpus} on shared flavor ${flavor.flavorName}: shared replicas of one GPU add no capacity; request 1`);
    }
    const most = queue.maxUnits(flavor);
    if (most !== undefined && gpus * parallelism > most) {
      invalid(this, `${parallelism} pods x ${gpus} ${offer.resourceName} need ${gpus * parallelism} units at once, but queue ${queue.queueName} can hold at most ${most} on flavor ${flavor.flavorName}; lower parallelism`);
    }
    this.gpuResourceName = offer.resourceName;

    const cpu = checkCpu(this, 'cpuPerPod', props.cpuPerPod ?? 4);
    const memory = gibQuantity(this, 'memoryGibPerPod', props.memoryGibPerPod ?? 16);
    const shm = gibQuantity(this, 'sharedMemoryGib', props.sharedMemoryGib ?? 1);
    const backoffLimit = checkCount(this, 'backoffLimit', props.backoffLimit ?? 3, 0, MAX_INT32);
    const deadline = props.activeDeadlineSeconds === undefined ? undefined : checkCount(this, 'activeDeadlineSeconds', props.activeDeadlineSeconds, 1, MAX_INT53);
    const ttl = checkCount(this, 'ttlSecondsAfterFinished', props.ttlSecondsAfterFinished ?? 86400, 0, MAX_INT32);
    const runAsUser = checkCount(this, 'runAsUser', props.runAsUser ?? 1000, 1, MAX_INT32);
    const runAsGroup = checkCount(this, 'runAsGroup', props.runAsGroup ?? runAsUser, 0, MAX_INT32);
    const env = Object.entries(props.environment ?? {}).map(([name, value]) => {
      const check = checkEnvVarName(name);
      if (check === EnvVarNameCheck.INVALID) {
        invalid(this, `environment variable ${JSON.stringify(name)} is refused by every Kubernetes API server (empty, '=' or not printable ASCII); `
          + 'use letters, digits, \'_\', \'-\' and \'.\', e.g. MY_VAR');
      }
      if (check === EnvVarNameCheck.RELAXED_ONLY) {
        warn(this, `environment variable ${JSON.stringify(name)} is accepted only by Kubernetes 1.32 or later (relaxed environment variable `
          + 'validation); older API servers refuse the Job: use letters, digits, \'_\', \'-\' and \'.\', not starting with a digit or \'..\'');
      }
      return { name, value };
    });
    const volumes: k8s.Volume[] = [{ name: 'dshm', emptyDir: { medium: 'Memory', sizeLimit: k8s.Quantity.fromString(shm) } }];
    const mounts: k8s.VolumeMount[] = [{ name: 'dshm', mountPath: '/dev/shm' }];
    (props.volumes ?? []).forEach((v, i) => {
      const name = `data-${i}`;
      const readOnly = v.readOnly ?? true;
      volumes.push({ name, persistentVolumeClaim: { claimName: v.source.claimName, readOnly } });
      mounts.push({ name, mountPath: v.mountPath, subPath: v.source.subPath, readOnly });
    });

    const memoryQuantity = k8s.Quantity.fromString(memory);
    const gpuQuantity = k8s.Quantity.fromNumber(gpus);
    let template: k8s.PodTemplateSpec = {
      metadata: { labels: { 'app.kubernetes.io/name': this.jobName, [KUEUE_QUEUE_LABEL]: queue.queueName } },
      spec: {
        restartPolicy: 'Never',
        nodeSelector: { ...flavor.pool.nodeSelector },
        tolerations: flavor.pool.tolerations,
        // non-root with a numeric user: the kubelet then runs images whose default user is root as that user instead
        // of refusing them (https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#security-context)
        securityContext: { runAsNonRoot: true, runAsUser, runAsGroup, seccompProfile: { type: 'RuntimeDefault' } },
        containers: [{
          name: 'main',
          image: props.image,
          command: props.command,
          args: props.args,
          env: env.length > 0 ? env : undefined,
          resources: {
            requests: { cpu: k8s.Quantity.fromNumber(cpu), memory: memoryQuantity, [offer.resourceName]: gpuQuantity },
            limits: { memory: memoryQuantity, [offer.resourceName]: gpuQuantity },
          },
          securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
          volumeMounts: mounts,
        }],
        volumes,
      },
    };
    if (props.rdma) template = RdmaPodWiring.forPool(this, flavor.pool).applyToPodTemplate(template);

    new k8s.KubeJob(this, 'Resource', {
      metadata: { name: this.jobName, namespace: this.namespaceName, labels: { [KUEUE_QUEUE_LABEL]: queue.queueName } },
      spec: {
        // Kueue unsuspends the job once it is admitted
        suspend: true,
        completions,
        parallelism,
        completionMode: completions > 1 ? 'Indexed' : 'NonIndexed',
        backoffLimit,
        activeDeadlineSeconds: deadline,
        ttlSecondsAfterFinished: ttl,
        template,
      },
    });
  }
}

/**
 * A Whisper model size, with the GPU memory it needs (openai/whisper README, "Available models and languages":
 * tiny and base ~1 GB, small ~2 GB, medium ~5 GB, large ~10 GB, turbo ~6 GB).
 */
export class WhisperModel {
  /** tiny (39 M parameters). */
  public static readonly TINY = new WhisperModel('tiny', 1);
  /** base (74 M). */
  public static readonly BASE = new WhisperModel('base', 1);
  /** small (244 M). */
  public static readonly SMALL = new WhisperModel('small', 2);
  /** medium (769 M). */
  public static readonly MEDIUM = new WhisperModel('medium', 5);
  /** large-v3 (1550 M). */
  public static readonly LARGE_V3 = new WhisperModel('large-v3', 10);
  /** turbo (809 M; large-v3 with a pruned decoder). */
  public static readonly TURBO = new WhisperModel('turbo', 6);

  /** Name the `whisper` CLI takes with `--model`. */
  public readonly modelName: string;
  /** GPU memory the model needs, in GB. */
  public readonly requiredMemoryGb: number;

  private constructor(modelName: string, requiredMemoryGb: number) {
    this.modelName = modelName;
    this.requiredMemoryGb = requiredMemoryGb;
  }
}

/** Props of {@link WhisperTranscriptionJob}. */
export interface WhisperTranscriptionJobProps {
  /** Job name (DNS label). */
  readonly jobName: string;
  /** The tenant queue the job is admitted through. */
  readonly queue: ITenantQueue;
  /** Namespace the job runs in. */
  readonly tenantNamespace: ITenantNamespace;
  /** GPU flavor each shard runs on (one unit per pod); a MIG slice is enough for every Whisper size. */
  readonly flavor: IGpuResourceFlavor;
  /**
   * An image with the openai-whisper CLI (`whisper`), ffmpeg and a POSIX shell. The job runs it as a non-root user
   * (`runAsUser`). openai/whisper publishes no image, and the images built around it commonly set no `USER` and so
   * default to root (for example ahmetoner/whisper-asr-webservice `Dockerfile.gpu`, on `nvidia/cuda`); they run
   * unchanged as another user, since pip installs world-readable files and the job points `HOME` and
   * `XDG_CACHE_HOME` at `/tmp`, where whisper downloads the model (`$XDG_CACHE_HOME/whisper`, openai/whisper
   * `whisper/__init__.py` `load_model`).
   */
  readonly image: string;
  /** Audio to transcribe (every .wav, .mp3, .flac, .m4a, .ogg, .opus and .webm file below it), mounted read-only. */
  readonly audio: BatchDataSource;
  /** Where transcripts go (one set of files per recording), mounted read-write. */
  readonly transcripts: BatchDataSource;
  /**
   * Model size.
   * @default WhisperModel.TURBO
   */
  readonly model?: WhisperModel;
  /**
   * Spoken language (e.g. `de`).
   * @default - detected per file
   */
  readonly language?: string;
  /**
   * Pods the recordings are split across (file `n` goes to shard `n mod shards`).
   * @default 1
   */
  readonly shards?: number;
  /**
   * A volume with the model files (`--model_dir`), for sites without internet access.
   * @default - downloaded into the pod on start
   */
  readonly modelCache?: BatchDataSource;
  /**
   * User id the transcription runs as (non-root; see `GpuBatchJobProps.runAsUser`): the image's Python packages and
   * `whisper` must be readable by it, and the transcripts volume writable.
   * @default 1000
   */
  readonly runAsUser?: number;
  /**
   * Group id of the transcription's processes.
   * @default - the runAsUser
   */
  readonly runAsGroup?: number;
}

const AUDIO_DIR = '/data/audio';
const OUTPUT_DIR = '/data/transcripts';
const MODEL_DIR = '/models';

/**
 * Transcribes a tenant's recordings with Whisper as an Indexed Kueue job: each shard lists the audio files, takes its
 * share by index and runs `whisper` on the GPU. Fails at synth time when the flavor's GPU unit is smaller than the
 * model needs.
 */
export class WhisperTranscriptionJob extends Construct {
  /** The underlying job. */
  public readonly job: GpuBatchJob;

  constructor(scope: Construct, id: string, props: WhisperTranscriptionJobProps) {
    super(scope, id);
    const model = props.model ?? WhisperModel.TURBO;
    checkImage(this, 'image', props.image);
    const unit = props.flavor.offer;
    if (unit.memoryGb < model.requiredMemoryGb) {
      invalid(this, `Whisper ${model.modelName} needs ${model.requiredMemoryGb} GB of GPU memory but one ${unit.resourceName} of flavor ${props.flavor.flavorName} has ${unit.memoryGb} GB; use a smaller model or a larger GPU unit`);
    }
    if (props.language !== undefined && !/^[a-z]{2,3}$/.test(props.language)) {
      invalid(this, `language ${JSON.stringify(props.language)} must be a language code such as en or de`);
    }
    const shards = checkCount(this, 'shards', props.shards ?? 1, 1, MAX_INDEXED);
    const whisper = [
      'whisper', '--model', model.modelName, ...(props.modelCache ? ['--model_dir', MODEL_DIR] : []), '--device', 'cuda',
      '--output_dir', OUTPUT_DIR, '--output_format', 'all',
      ...(props.language ? ['--language', props.language] : []),
    ].join(' ');
    const script = [
      'set -eu',
      `find ${AUDIO_DIR} -type f \\( -iname '*.wav' -o -iname '*.mp3' -o -iname '*.flac' -o -iname '*.m4a' -o -iname '*.ogg' -o -iname '*.opus' -o -iname '*.webm' \\) | sort \\`,
      `  | awk -v n=${shards} -v i="\${JOB_COMPLETION_INDEX:-0}" '(NR - 1) % n == i' > /tmp/shard.txt`,
      'if [ ! -s /tmp/shard.txt ]; then echo "shard ${JOB_COMPLETION_INDEX:-0}: no audio files"; exit 0; fi',
      `tr '\\n' '\\0' < /tmp/shard.txt | xargs -0 ${whisper}`,
    ].join('\n');

    const volumes: BatchVolume[] = [
      { source: props.audio, mountPath: AUDIO_DIR, readOnly: true },
      { source: props.transcripts, mountPath: OUTPUT_DIR, readOnly: false },
    ];
    if (props.modelCache) volumes.push({ source: props.modelCache, mountPath: MODEL_DIR, readOnly: true });

    this.job = new GpuBatchJob(this, 'Job', {
      jobName: props.jobName,
      queue: props.queue,
      tenantNamespace: props.tenantNamespace,
      flavor: props.flavor,
      runAsUser: props.runAsUser,
      runAsGroup: props.runAsGroup,
      gpusPerPod: 1,
      image: props.image,
      command: ['/bin/sh', '-c', script],
      completions: shards,
      parallelism: shards,
      cpuPerPod: 4,
      memoryGibPerPod: 16,
      environment: { HOME: '/tmp', XDG_CACHE_HOME: '/tmp/.cache' },
      volumes,
    });
  }
}
