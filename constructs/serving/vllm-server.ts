import { Chart, Lazy } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { VllmAutoscalingOptions } from './autoscaling';
import { IInferencePool, InferencePool, ServingRole } from './inference-pool';
import { ModelSource, SecretKeyReference } from './model-source';
import { LlmdRouterRelease } from './releases';
import type { PodMonitorSpecPodMetricsEndpointsMetricRelabelings } from '../../generated/k8s/prometheus-operator';
import { FactoryError, fail } from '../../lib/errors';
import { GpuVendor } from '../../lib/hardware/gpu';
import { LlmModel, ModelTask, NumericFormat } from '../../lib/models/llm';
import { ServingPlan, ServingPlanAnnotations, ServingPlanner, ServingRequest } from '../../lib/models/serving-plan';
import { AmdGpuNodePool } from '../accelerators/amd-gpu';
import { GpuNodePool, GpuOffer, IGpuNodePool } from '../accelerators/gpu-node-pool';
import { RdmaPodWiring } from '../accelerators/rdma-pod-wiring';
import { checkImage } from '../common/image';
import { guard, invalid } from '../common/validation';
import { VllmAutoscaler } from './private/autoscaler';
import {
  Container,
  EnvVar,
  PodSpec,
  Volume,
  containerSecurityContext,
  env,
  httpProbe,
  isDnsLabel,
  labelValue,
  podSecurityContext,
  resources,
  secretEnv,
  shellQuote,
} from './private/pod';
import { bindings } from '../common/bindings';

/** How the pods of a multi-node replica run one vLLM engine together. */
export enum MultiNodeBackend {
  /**
   * vLLM's own multiprocessing executor across nodes, no Ray: every pod runs `vllm serve` with `--nnodes`,
   * `--node-rank`, `--master-addr` and `--master-port`; the workers add `--headless` (no API server).
   */
  MULTIPROCESSING = 'mp',
  /** A Ray cluster: the leader starts the Ray head and serves with `--distributed-executor-backend=ray`, workers join it. */
  RAY = 'ray',
}

/** A LoRA adapter a server loads at start and serves under its own model name. */
export interface LoraAdapter {
  /** Model name clients put in the `model` field to use the adapter, e.g. `support-bot`. */
  readonly name: string;
  /** Hugging Face repository id or path in the pod of the adapter (`adapter_config.json` and weights). */
  readonly source: string;
  /** Rank of the adapter (`r` in its `adapter_config.json`). */
  readonly rank: number;
}

/** Props of {@link VllmServer}. */
export interface VllmServerProps {
  /** The model to serve. */
  readonly model: LlmModel;
  /** The GPU node pool to run on: GPU or MIG resources, node selector, tolerations and RDMA come from it. */
  readonly pool: IGpuNodePool;
  /**
   * Which of the pool's offers to use, by resource name (e.g. `nvidia.com/mig-3g.40gb`).
   * @default - the pool's whole-GPU offer, else its only offer
   */
  readonly gpuResourceName?: string;
  /**
   * Where the weights come from.
   * @default ModelSource.huggingFace() - the hub, without a token
   */
  readonly modelSource?: ModelSource;
  /**
   * Longest request in tokens (`--max-model-len`).
   * @default - the model's maximum context
   */
  readonly maxModelLen?: number;
  /**
   * Weight format; FP8 on a 16-bit model quantizes on the fly (`--quantization fp8`).
   * @default - the model's native format
   */
  readonly weightFormat?: NumericFormat;
  /**
   * KV-cache format (`--kv-cache-dtype`).
   * @default - the model's 16-bit activation format
   */
  readonly kvCacheFormat?: NumericFormat;
  /**
   * `--gpu-memory-utilization`.
   * @default 0.9
   */
  readonly gpuMemoryUtilization?: number;
  /**
   * Memory per GPU kept for activations and CUDA graphs in GB.
   * @default 3
   */
  readonly activationReserveGb?: number;
  /**
   * Pin `--tensor-parallel-size`.
   * @default - the smallest that fits
   */
  readonly tensorParallelSize?: number;
  /**
   * Pin `--pipeline-parallel-size` (nodes per replica).
   * @default - the smallest that fits
   */
  readonly pipelineParallelSize?: number;
  /**
   * Pin `--data-parallel-size`: attention ranks of one server whose experts spread over all their GPUs (wide expert
   * parallelism for a mixture-of-experts model).
   * @default - the smallest layout that fits; data parallelism only for mixture-of-experts models
   */
  readonly dataParallelSize?: number;
  /**
   * LoRA adapters loaded at start (`--enable-lora --lora-modules name=source ...`), each served as its own model
   * name next to the base model. Their slots are sized into the VRAM plan.
   * @default - none
   */
  readonly loraAdapters?: LoraAdapter[];
  /**
   * Adapters served at once (`--max-loras`).
   * @default - the number of loraAdapters
   */
  readonly maxLoras?: number;
  /**
   * `--max-lora-rank`, one of vLLM's 1, 8, 16, 32, 64, 128, 256, 320, 512.
   * @default - the smallest of those that holds every adapter's rank
   */
  readonly maxLoraRank?: number;
  /**
   * Pin `--enable-expert-parallel`.
   * @default - on for a mixture-of-experts model with data parallelism
   */
  readonly expertParallel?: boolean;
  /**
   * Nodes one replica may span. Above 1 the planner may choose pipeline stages, or data-parallel ranks of a
   * mixture-of-experts model, across nodes, rendered as a LeaderWorkerSet (needs the LWS controller in the cluster).
   * @default 1
   */
  readonly maxNodesPerReplica?: number;
  /**
   * How a multi-node replica's pods run one engine. Ray needs an image with Ray and the vLLM image's
   * `examples/online_serving/multi-node-serving.sh`.
   * @default MultiNodeBackend.MULTIPROCESSING
   */
  readonly multiNodeBackend?: MultiNodeBackend;
  /**
   * Replicas of the server (LeaderWorkerSet groups for a multi-node layout).
   * @default 1, or the autoscaler's minimum
   */
  readonly replicas?: number;
  /**
   * Name of the workload and its Service.
   * @default - `vllm-<model name>` with dots replaced by dashes, plus `-prefill` / `-decode` for those roles
   */
  readonly serverName?: string;
  /**
   * Name clients put in the `model` field (`--served-model-name`).
   * @default - the model's Hugging Face id
   */
  readonly servedModelName?: string;
  /**
   * Container image. It must accept `vllm serve` and, for P/D roles, ship NIXL (upstream `vllm/vllm-openai` images do).
   * @default 'vllm/vllm-openai:v0.21.0' - the vLLM release llm-d-router v0.10.0 deploys; on an AMD pool AMD's ROCm
   * build `rocm/vllm:rocm7.14.0_cdna_ubuntu24.04_py3.14_pytorch_2.11.0_vllm_0.23.0`
   */
  readonly image?: string;
  /**
   * Group ids the pod joins (`supplementalGroups`), for devices owned by a group: on AMD nodes the GIDs of the
   * node's `video` and `render` groups, which own `/dev/dri` and `/dev/kfd` (vLLM runs as a non-root user).
   * @default - none; on an AMD pool a warning asks for them
   */
  readonly deviceGroupIds?: number[];
  /**
   * Secret key holding the API key clients must send as a Bearer token (`VLLM_API_KEY`).
   * @default - no API key
   */
  readonly apiKey?: SecretKeyReference;
  /**
   * Automatic prefix caching (`--enable-prefix-caching`); not used for transcription models.
   * @default true
   */
  readonly enablePrefixCaching?: boolean;
  /**
   * The llm-d InferencePool this server joins; its endpoint picker routes to it. An {@link InferencePool} of this
   * app, or one that exists already ({@link InferencePool.fromPoolName}); the server must be in the pool's namespace.
   * @default - none: clients reach the server through its Service
   */
  readonly inferencePool?: IInferencePool;
  /**
   * Role in a prefill/decode-disaggregated pool.
   * @default ServingRole.PREFILL_DECODE - prefill and decode in the same pod
   */
  readonly role?: ServingRole;
  /**
   * Image of the llm-d routing sidecar that decode pods run.
   * @default - the image the pool's `routerRelease` publishes, `ghcr.io/llm-d/llm-d-router-disagg-sidecar:v0.10.0`
   */
  readonly routingSidecarImage?: string;
  /**
   * UCX transports for the NIXL KV transfer of P/D roles (`UCX_TLS`).
   * @default 'rc,cuda_ipc,cuda_copy' - RDMA reliable connection plus CUDA IPC and copies
   */
  readonly ucxTransports?: string;
  /**
   * Whether to render a PodMonitor for the vLLM metrics (Prometheus Operator).
   * @default true
   */
  readonly monitoring?: boolean;
  /**
   * How long a pod may take to download and load the model before Kubernetes restarts it, in seconds.
   * @default - 600 s plus 2 s per GB of weights (about 500 MB/s)
   */
  readonly startupTimeoutSeconds?: number;
  /**
   * More `vllm serve` flags, appended as given (e.g. `--max-num-seqs=128`).
   * @default - none
   */
  readonly extraArgs?: string[];
}

/** Port clients and the InferencePool use (vLLM's default; the routing sidecar's in decode pods). */
const VLLM_PORT = 8000;
/** Port vLLM moves to behind the routing sidecar in decode pods. */
const VLLM_BEHIND_SIDECAR_PORT = 8200;
/** NIXL side channel port (`VLLM_NIXL_SIDE_CHANNEL_PORT` default). */
const NIXL_PORT = 5600;
/**
 * vLLM v0.21.0, the image llm-d-router v0.10.0 deploys in its own manifests (llm-d/llm-d-router v0.10.0
 * `config/manifests/vllm/gpu-deployment.yaml`, `Makefile` `VLLM_RENDER_IMAGE` vllm/vllm-openai-cpu:v0.21.0). Upstream
 * vLLM images ship NIXL: llm-d's P/D guide runs them with the NixlConnector (llm-d/llm-d
 * `guides/pd-disaggregation/modelserver/gpu/vllm/base/`, image docker.io/vllm/vllm-openai, "vLLM 0.19.X and 0.20.X
 * images ship both nixl-cu13 and nixl-cu12").
 */
const DEFAULT_IMAGE = 'vllm/vllm-openai:v0.21.0';
/**
 * AMD's ROCm build of vLLM for Instinct (CDNA: MI300X, MI350X), the image AMD's vLLM guide pulls
 * (https://rocm.docs.amd.com/projects/ai-ecosystem/en/latest/inference/vllm.html, "Pull the ROCm vLLM 0.23.0 Docker
 * image"). Not pulled here: verify the tag on Docker Hub `rocm/vllm` before relying on it.
 */
const DEFAULT_ROCM_IMAGE = 'rocm/vllm:rocm7.14.0_cdna_ubuntu24.04_py3.14_pytorch_2.11.0_vllm_0.23.0';
/** Writable home of the non-root user: every cache vLLM, torch, Triton, FlashInfer and CUDA write goes here. */
const HOME = '/var/lib/vllm';
/** LeaderWorkerSet worker-index label (kubernetes-sigs/lws `api/leaderworkerset/v1/leaderworkerset_types.go`). */
const LWS_WORKER_INDEX = 'leaderworkerset.sigs.k8s.io/worker-index';
/**
 * Port of the torch.distributed store on the leader for the multiprocessing backend: vLLM's default `master_port`
 * (vllm-project/vllm `vllm/config/parallel.py` `ParallelConfig.master_port = 29501`), written out so that network
 * policies can name it.
 */
const MASTER_PORT = 29501;
/**
 * Port of the data-parallel coordinator on the leader (`--data-parallel-rpc-port`), the one vLLM's data-parallel
 * deployment guide uses (vllm-project/vllm `docs/serving/data_parallel_deployment.md`), written out so that network
 * policies can name it.
 */
const DP_RPC_PORT = 13345;
/** Env var holding the pod's node rank, from the LWS worker-index label through the downward API. */
const NODE_RANK_ENV = 'NODE_RANK';
/** Ray helper of the vLLM image (`COPY examples examples` into /vllm-workspace; the LWS vLLM example runs it). */
const MULTI_NODE_SCRIPT = '/vllm-workspace/examples/online_serving/multi-node-serving.sh';

/**
 * A vLLM OpenAI-compatible server sized from the model and the GPU pool.
 *
 * The planner picks the smallest layout whose GPUs hold the weights, a reserve and at least one full-length sequence
 * of KV cache — tensor parallelism within a node, pipeline stages across nodes only when `maxNodesPerReplica` allows
 * and one node is not enough — or the constructor refuses with the shortfall and a layout that fits
 * A single-node layout renders a Deployment, a multi-node one a LeaderWorkerSet of `size` pods running one engine with
 * vLLM's multiprocessing backend (the leader serves the API, the workers run `--headless`), or with Ray when
 * `multiNodeBackend` says so.
 *
 * Every pod: GPU or MIG resources, node selector and tolerations from the pool; a memory-backed `/dev/shm`; startup,
 * readiness and liveness probes on `/health`; non-root with a writable home for every cache; RDMA and NCCL
 * environment from the pool when it spans nodes or transfers KV. Plus a ClusterIP Service, a PodDisruptionBudget and
 * a PodMonitor that keeps the KV-cache metric under its current name for old and new vLLM versions.
 */
export class VllmServer extends Construct {
  /** The sizing decision the manifests were rendered from. */
  public readonly plan: ServingPlan;
  /** Workload and Service name. */
  public readonly serverName: string;
  /** In-cluster URL of the OpenAI-compatible API (through the Service). */
  public readonly url: string;
  /** Name clients put in the `model` field. */
  public readonly servedModelName: string;
  /** Every model name the server answers to: the base model's, then each LoRA adapter's. */
  public readonly servedModelNames: string[];
  /** The model. */
  public readonly model: LlmModel;
  /** Role in an llm-d pool. */
  public readonly role: ServingRole;
  /** Whether a replica spans several nodes (a LeaderWorkerSet). */
  public readonly multiNode: boolean;
  /** The multi-node backend (meaningful when `multiNode`). */
  public readonly multiNodeBackend: MultiNodeBackend;
  /** The Kubernetes kind of the workload: `Deployment` or `LeaderWorkerSet`. */
  public readonly workloadKind: string;
  /** The API version of the workload (`apps/v1` or `leaderworkerset.x-k8s.io/v1`). */
  public readonly workloadApiVersion: string;
  /** Labels on every pod of the server. */
  public readonly podLabels: { [key: string]: string };
  /** The GPU resource one pod requests (`nvidia.com/gpu`, `nvidia.com/mig-3g.40gb`, ...). */
  public readonly gpuResourceName: string;
  /** Replicas given at construction (groups for a LeaderWorkerSet). */
  public readonly replicas: number;
  /** Whether the PodMonitor is rendered. */
  public readonly monitoring: boolean;

  private readonly replicasGiven: boolean;
  private autoscaler?: VllmAutoscaler;

  constructor(scope: Construct, id: string, props: VllmServerProps) {
    super(scope, id);
    const { model, pool } = props;
    this.model = model;
    this.role = props.role ?? ServingRole.PREFILL_DECODE;
    const disaggregated = this.role !== ServingRole.PREFILL_DECODE;
    const offer = this.chooseOffer(pool, props.gpuResourceName);
    this.gpuResourceName = offer.resourceName;

    const adapters = props.loraAdapters ?? [];
    const loraRanks = ServingPlanner.loraRanks();
    const highestRank = Math.max(0, ...adapters.map((a) => a.rank));
    const maxLoraRank = props.maxLoraRank ?? (adapters.length > 0 ? loraRanks.find((r) => r >= highestRank) : undefined);
    const maxLoras = props.maxLoras ?? (adapters.length > 0 ? adapters.length : undefined);
    if (adapters.length === 0 && (props.maxLoras !== undefined || props.maxLoraRank !== undefined)) {
      invalid(this, 'maxLoras and maxLoraRank size LoRA adapters, but loraAdapters is empty; give the adapters to load');
    }
    if (adapters.length > 0) this.checkAdapters(adapters, maxLoraRank, props.servedModelName ?? model.huggingFaceId);

    const request: ServingRequest = {
      model,
      gpu: pool.gpuModel,
      gpusPerNode: offer.countPerNode,
      gpuMemoryGb: offer.memoryGb,
      migProfile: offer.migProfile,
      sharedGpu: offer.shared,
      maxNodesPerReplica: props.maxNodesPerReplica,
      maxModelLen: props.maxModelLen,
      weightFormat: props.weightFormat,
      kvCacheFormat: props.kvCacheFormat,
      gpuMemoryUtilization: props.gpuMemoryUtilization,
      activationReserveGb: props.activationReserveGb,
      tensorParallelSize: props.tensorParallelSize,
      pipelineParallelSize: props.pipelineParallelSize,
      dataParallelSize: props.dataParallelSize,
      expertParallel: props.expertParallel,
      maxLoras,
      maxLoraRank,
    };
    this.plan = guard(this, () => {
      try {
        return ServingPlanner.plan(request);
      } catch (e) {
        // a refusal also names the other pools of the app whose GPUs would hold the model
        const elsewhere = e instanceof FactoryError ? otherPoolsThatFit(this, pool, request) : undefined;
        if (elsewhere) fail(`${(e as Error).message}; ${elsewhere}`);
        throw e;
      }
    });
    this.multiNode = this.plan.nodesPerReplica > 1;
    this.multiNodeBackend = props.multiNodeBackend ?? MultiNodeBackend.MULTIPROCESSING;
    this.workloadKind = this.multiNode ? 'LeaderWorkerSet' : 'Deployment';
    this.workloadApiVersion = this.multiNode ? bindings.lws().LeaderWorkerSet.GVK.apiVersion : 'apps/v1';

    this.replicasGiven = props.replicas !== undefined;
    this.replicas = props.replicas ?? 1;
    if (!Number.isInteger(this.replicas) || this.replicas < 1) invalid(this, `replicas ${this.replicas} must be a positive integer`);

    const suffix = disaggregated ? `-${this.role}` : '';
    this.serverName = props.serverName ?? `vllm-${model.name.replace(/\./g, '-')}${suffix}`;
    if (!isDnsLabel(this.serverName)) {
      invalid(this, `serverName ${JSON.stringify(this.serverName)} is not a DNS-1035 label; use lower-case letters, digits and dashes, starting with a letter`);
    }
    this.servedModelName = props.servedModelName ?? model.huggingFaceId;
    this.servedModelNames = [this.servedModelName, ...adapters.map((a) => a.name)];
    this.url = `http://${this.serverName}:${VLLM_PORT}/v1`;
    this.monitoring = props.monitoring ?? true;

    // rules of roles and pools
    const transcription = model.task === ModelTask.TRANSCRIPTION;
    const embedding = model.task === ModelTask.EMBEDDING;
    if (props.inferencePool && transcription) {
      invalid(this, `${model.name} serves /v1/audio/transcriptions (multipart audio), which the endpoint picker's scorers do not parse; ` +
        'serve it through its Service, without inferencePool');
    }
    if (props.inferencePool && embedding) {
      invalid(this, `${model.name} is an embedding model (/v1/embeddings); the endpoint picker's prefix and KV scorers are for generation, ` +
        'so serve it through its Service, without inferencePool');
    }
    if (disaggregated) {
      if (!props.inferencePool) invalid(this, `role ${this.role} needs an inferencePool whose endpoint picker pairs prefill and decode pods`);
      if (transcription || embedding) {
        invalid(this, `role ${this.role}: prefill/decode disaggregation is for text generation; ${model.name} is a ${model.task} model`);
      }
      if (!pool.rdma) {
        invalid(this, `role ${this.role} (prefill/decode disaggregation) moves the KV cache between pods with NIXL over RDMA, ` +
          `but GPU pool ${pool.poolName} has no RDMA network; give the pool an RdmaAttachment or serve with role prefill-decode`);
      }
      if (this.multiNode) {
        invalid(this, `role ${this.role} with a ${this.plan.nodesPerReplica}-node layout is not supported: the routing sidecar and NIXL ` +
          'side channel are wired for single-node pods; use a single-node layout (more GPUs per node, FP8 weights) for P/D');
      }
    }
    const dataParallelAcrossNodes = this.multiNode && this.plan.dataParallelSize > 1;
    if (dataParallelAcrossNodes && this.multiNodeBackend === MultiNodeBackend.RAY) {
      invalid(this, `multiNodeBackend ray with ${this.plan.dataParallelSize} data-parallel ranks on ${this.plan.nodesPerReplica} nodes is not rendered: ` +
        'the pods of a data-parallel group start their own ranks with vLLM\'s multiprocessing backend; use MultiNodeBackend.MULTIPROCESSING');
    }
    if (this.multiNode && !pool.rdma) {
      Annotations.of(this).addWarning(
        `${this.plan.nodesPerReplica}-node layout on GPU pool ${pool.poolName} without an RDMA network: NCCL falls back to TCP sockets between nodes`);
    }
    const amd = pool.gpuModel.vendor === GpuVendor.AMD;
    const image = props.image ?? (amd ? DEFAULT_ROCM_IMAGE : DEFAULT_IMAGE);
    checkImage(this, 'image', image);
    const rocmImage = /rocm/i.test(image);
    if (amd && !rocmImage) {
      invalid(this, `image ${image} is a CUDA build, but GPU pool ${pool.poolName} has ${pool.gpuModel.displayName}; ` +
        `use a ROCm build of vLLM (e.g. ${DEFAULT_ROCM_IMAGE}) or an NVIDIA pool`);
    }
    if (!amd && rocmImage) {
      invalid(this, `image ${image} is a ROCm build for AMD GPUs, but GPU pool ${pool.poolName} has ${pool.gpuModel.displayName}; ` +
        `use a CUDA build (e.g. ${DEFAULT_IMAGE}) or an AMD pool`);
    }
    if (amd && props.deviceGroupIds === undefined) {
      Annotations.of(this).addWarning(`GPU pool ${pool.poolName} is AMD: vLLM runs as a non-root user and needs the node's video and render ` +
        'group ids to open /dev/kfd and /dev/dri; set deviceGroupIds (getent group video render on a node)');
    }
    for (const gid of props.deviceGroupIds ?? []) {
      if (!Number.isInteger(gid) || gid < 0 || gid > 2147483647) invalid(this, `deviceGroupIds: ${gid} is not a group id (0 to 2147483647)`);
    }
    if (offer.shared) {
      Annotations.of(this).addWarning(`GPU offer ${offer.resourceName} is shared (time-slicing or MPS): other pods on the same GPU can take its memory`);
    }

    const baseLabels = {
      'app.kubernetes.io/name': 'vllm',
      'app.kubernetes.io/instance': this.serverName,
      'app.kubernetes.io/component': 'model-server',
      'ai-factory.dev/model': model.name,
    };
    this.podLabels = {
      ...baseLabels,
      ...(props.inferencePool
        ? { ...props.inferencePool.podSelectorLabels, 'llm-d.ai/model': labelValue(this.servedModelName), 'llm-d.ai/role': this.role }
        : {}),
    };
    // the workers of a multi-node replica serve no API (headless, or Ray workers): they stay out of the pool's selection,
    // or the endpoint picker would send requests to pods that do not listen
    const workerLabels = { ...baseLabels, 'ai-factory.dev/lws-role': 'worker' };
    if (props.inferencePool) this.joinPool(props.inferencePool, workerLabels);

    const source = (props.modelSource ?? ModelSource.huggingFace())._bind(model);
    const useRdma = pool.rdma !== undefined && (this.multiNode || disaggregated);
    const rdma = useRdma ? RdmaPodWiring.forPool(this, pool) : undefined;
    const vllmPort = this.role === ServingRole.DECODE ? VLLM_BEHIND_SIDECAR_PORT : VLLM_PORT;
    const startupSeconds = props.startupTimeoutSeconds ?? 600 + 60 * Math.ceil((2 * model.weightsGb(this.plan.weightFormat)) / 60);
    if (!Number.isInteger(startupSeconds) || startupSeconds < 60) invalid(this, `startupTimeoutSeconds ${startupSeconds} must be an integer of at least 60`);

    // vLLM arguments, from the plan (`vllm serve --help`; vllm-project/vllm `vllm/engine/arg_utils.py`)
    const args = [
      source.modelArgument,
      `--served-model-name=${this.servedModelName}`,
      `--port=${vllmPort}`,
      `--tensor-parallel-size=${this.plan.tensorParallelSize}`,
      ...(this.multiNode && !dataParallelAcrossNodes
        ? [`--pipeline-parallel-size=${this.plan.pipelineParallelSize}`, `--distributed-executor-backend=${this.multiNodeBackend}`]
        : []),
      ...(this.plan.dataParallelSize > 1 ? [`--data-parallel-size=${this.plan.dataParallelSize}`] : []),
      ...(this.plan.expertParallel ? ['--enable-expert-parallel'] : []),
      `--max-model-len=${this.plan.maxModelLen}`,
      `--gpu-memory-utilization=${this.plan.gpuMemoryUtilization}`,
    ];
    // embeddings: vLLM's pooling runner (vllm-project/vllm docs, "vllm serve intfloat/e5-small --runner pooling")
    if (embedding) args.push('--runner=pooling');
    if (!transcription && !embedding) args.push((props.enablePrefixCaching ?? true) ? '--enable-prefix-caching' : '--no-enable-prefix-caching');
    if (adapters.length > 0) {
      // one --lora-modules followed by every adapter: vLLM's LoRAParserAction keeps only the last occurrence of the flag
      args.push('--enable-lora', `--max-loras=${this.plan.maxLoras}`, `--max-lora-rank=${this.plan.maxLoraRank}`,
        '--lora-modules', ...adapters.map((a) => `${a.name}=${a.source}`));
    }
    if (this.plan.quantization) args.push(`--quantization=${this.plan.quantization}`);
    if (this.plan.kvCacheFormat === NumericFormat.FP8) args.push('--kv-cache-dtype=fp8');
    if (disaggregated) args.push('--kv-transfer-config={"kv_connector":"NixlConnector","kv_role":"kv_both"}');
    args.push(...source.args, ...(props.extraArgs ?? []));

    const vars: EnvVar[] = [
      env('HOME', HOME),
      env('USER', 'vllm'),
      env('LOGNAME', 'vllm'),
      env('XDG_CACHE_HOME', `${HOME}/.cache`),
      env('XDG_CONFIG_HOME', `${HOME}/.config`),
      env('VLLM_CACHE_ROOT', `${HOME}/.cache/vllm`),
      env('TRITON_CACHE_DIR', `${HOME}/.triton/cache`),
      env('TORCHINDUCTOR_CACHE_DIR', `${HOME}/.cache/torchinductor`),
      env('CUDA_CACHE_PATH', `${HOME}/.nv/ComputeCache`),
      env('FLASHINFER_WORKSPACE_BASE', HOME),
      env('VLLM_ENGINE_READY_TIMEOUT_S', String(startupSeconds)),
      ...source.env,
    ];
    if (props.apiKey) vars.push(secretEnv('VLLM_API_KEY', props.apiKey.secretName, props.apiKey.key));
    if (props.inferencePool) vars.push(env('PYTHONHASHSEED', '42'));
    if (disaggregated) {
      vars.push(
        { name: 'VLLM_NIXL_SIDE_CHANNEL_HOST', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
        env('VLLM_NIXL_SIDE_CHANNEL_PORT', String(NIXL_PORT)),
        env('UCX_TLS', props.ucxTransports ?? 'rc,cuda_ipc,cuda_copy'),
      );
    }
    if (rdma) vars.push(...rdma.envVars());

    // GPUs of one pod: a pipeline stage (TP), or the data-parallel ranks of one node (TP × local DP)
    const gpus = this.plan.gpusPerReplica / this.plan.nodesPerReplica;
    const shmGib = gpus > 1 || this.multiNode ? 16 : 4;
    const volumes: Volume[] = [
      { name: 'shm', emptyDir: { medium: 'Memory', sizeLimit: k8s.Quantity.fromString(`${shmGib}Gi`) } },
      { name: 'home', emptyDir: { sizeLimit: k8s.Quantity.fromString('20Gi') } },
      ...source.volumes,
    ];
    const devices: { [name: string]: number } = {
      [offer.resourceName]: offer.migProfile || offer.shared ? 1 : gpus,
      ...(rdma?.resourceRequests ?? {}),
    };
    // /dev/shm is memory-backed and counts against the container's memory limit
    const container = (command: string[] | undefined, containerArgs: string[], serving: boolean, extraEnv: EnvVar[] = []): Container => ({
      name: 'vllm',
      image,
      command,
      args: containerArgs,
      env: [...vars, ...extraEnv],
      ports: serving
        ? [
          { name: 'http', containerPort: vllmPort, protocol: 'TCP' },
          ...(disaggregated ? [{ name: 'nixl', containerPort: NIXL_PORT, protocol: 'TCP' }] : []),
        ]
        : undefined,
      resources: resources(4 * gpus, 16 * gpus + shmGib, devices),
      startupProbe: serving ? httpProbe('/health', 'http', 10, Math.ceil(startupSeconds / 10)) : undefined,
      readinessProbe: serving ? httpProbe('/health', 'http', 5, 3) : undefined,
      livenessProbe: serving ? httpProbe('/health', 'http', 10, 3) : undefined,
      securityContext: containerSecurityContext(rdma?.capabilities),
      volumeMounts: [
        { name: 'shm', mountPath: '/dev/shm' },
        { name: 'home', mountPath: HOME },
        ...source.mounts,
      ],
    });
    const sidecarImage = props.routingSidecarImage ?? (props.inferencePool?.routerRelease ?? LlmdRouterRelease.V0_10_0).routingSidecarImage;
    const podSpec = (main: Container): PodSpec => ({
      securityContext: props.deviceGroupIds ? { ...podSecurityContext(), supplementalGroups: props.deviceGroupIds } : podSecurityContext(),
      nodeSelector: pool.nodeSelector,
      tolerations: pool.tolerations,
      terminationGracePeriodSeconds: 60,
      initContainers: this.role === ServingRole.DECODE ? [routingSidecar(sidecarImage)] : undefined,
      containers: [main],
      volumes,
    });
    const podAnnotations = rdma ? rdma.podAnnotations : undefined;
    const selector = { 'app.kubernetes.io/instance': this.serverName };
    const replicas = Lazy.any({ produce: () => (this.autoscaler ? undefined : this.replicas) });
    const objectLabels = { ...this.podLabels };
    // the plan, where operators and the capacity report read it
    const workloadAnnotations = ServingPlanAnnotations.of(this.plan);

    if (!this.multiNode) {
      new k8s.KubeDeployment(this, 'Resource', {
        metadata: { name: this.serverName, labels: objectLabels, annotations: workloadAnnotations },
        spec: {
          replicas,
          selector: { matchLabels: selector },
          // a GPU pod cannot surge onto GPUs its predecessor still holds
          strategy: { type: 'Recreate' },
          template: { metadata: { labels: this.podLabels, annotations: podAnnotations }, spec: podSpec(container(['vllm', 'serve'], args, true)) },
        },
      });
    } else {
      const [leaderMain, workerMain] = dataParallelAcrossNodes
        ? dataParallelCommands(args, this.plan.dataParallelSize / this.plan.nodesPerReplica)
        : this.multiNodeBackend === MultiNodeBackend.RAY
          ? rayCommands(args)
          : multiprocessingCommands(args, this.plan.nodesPerReplica);
      new (bindings.lws().LeaderWorkerSet)(this, 'Resource', {
        metadata: { name: this.serverName, labels: objectLabels, annotations: workloadAnnotations },
        spec: {
          replicas,
          startupPolicy: bindings.lws().LeaderWorkerSetSpecStartupPolicy.LEADER_CREATED,
          leaderWorkerTemplate: {
            size: this.plan.nodesPerReplica,
            restartPolicy: bindings.lws().LeaderWorkerSetSpecLeaderWorkerTemplateRestartPolicy.RECREATE_GROUP_ON_POD_RESTART,
            leaderTemplate: {
              metadata: { labels: { ...this.podLabels, 'ai-factory.dev/lws-role': 'leader' }, annotations: podAnnotations },
              spec: podSpec(container(leaderMain.command, leaderMain.args, true, leaderMain.env)),
            },
            workerTemplate: {
              metadata: { labels: workerLabels, annotations: podAnnotations },
              spec: podSpec(container(workerMain.command, workerMain.args, false, workerMain.env)),
            },
          },
        },
      });
    }

    // the API is served by single-node pods and by LWS leaders (worker index 0)
    const servingSelector = this.multiNode ? { ...selector, [LWS_WORKER_INDEX]: '0' } : selector;
    new k8s.KubeService(this, 'Service', {
      metadata: { name: this.serverName, labels: objectLabels },
      spec: {
        type: 'ClusterIP',
        selector: servingSelector,
        ports: [{ name: 'http', port: VLLM_PORT, targetPort: k8s.IntOrString.fromNumber(VLLM_PORT), protocol: 'TCP' }],
      },
    });

    new k8s.KubePodDisruptionBudget(this, 'DisruptionBudget', {
      metadata: { name: this.serverName, labels: objectLabels },
      spec: { maxUnavailable: k8s.IntOrString.fromNumber(1), selector: { matchLabels: selector } },
    });

    if (this.monitoring) {
      new (bindings.prometheusOperator().PodMonitor)(this, 'PodMonitor', {
        metadata: { name: this.serverName, labels: objectLabels },
        spec: {
          selector: { matchLabels: servingSelector },
          podTargetLabels: ['app.kubernetes.io/instance', 'llm-d.ai/role'],
          podMetricsEndpoints: [{ port: 'http', path: '/metrics', interval: '15s', metricRelabelings: metricRenames() }],
        },
      });
    }
  }

  /**
   * Scales the server with KEDA on its vLLM metrics: queue depth (`vllm:num_requests_waiting`) and KV-cache usage.
   * Bounds are in replicas of the workload — pods of a Deployment, groups of a LeaderWorkerSet — so a replica is
   * never smaller than the layout needs.
   */
  public autoscale(options: VllmAutoscalingOptions): void {
    if (this.autoscaler) invalid(this, 'autoscale() was already called; a server has one autoscaler');
    if (!this.monitoring) {
      invalid(this, 'autoscaling reads the vLLM metrics its PodMonitor scrapes, but monitoring is false; enable monitoring');
    }
    if (this.replicasGiven && (this.replicas < options.minReplicas || this.replicas > options.maxReplicas)) {
      invalid(this, `replicas ${this.replicas} contradicts the autoscaling bounds ${options.minReplicas}..${options.maxReplicas}; ` +
        'drop replicas (the autoscaler starts at minReplicas) or widen the bounds');
    }
    const namespace = Chart.of(this).namespace;
    this.autoscaler = new VllmAutoscaler(this, 'Autoscaler', {
      ...options,
      targetApiVersion: this.workloadApiVersion,
      targetKind: this.workloadKind,
      targetName: this.serverName,
      namespaceName: namespace ?? 'default',
      gpusPerReplica: this.plan.gpusPerReplica,
      nodesPerReplica: this.plan.nodesPerReplica,
    });
  }

  private checkAdapters(adapters: LoraAdapter[], maxLoraRank: number | undefined, baseName: string): void {
    const names = new Set<string>([baseName]);
    for (const a of adapters) {
      if (!/^[A-Za-z0-9][A-Za-z0-9._\/-]*$/.test(a.name)) {
        invalid(this, `LoRA adapter name ${JSON.stringify(a.name)} must be letters, digits, dots, dashes, underscores and slashes (it is a model name and ` +
          'the left side of --lora-modules name=source)');
      }
      if (names.has(a.name)) invalid(this, `LoRA adapter name ${a.name} is used twice (or is the base model's name); give each adapter its own name`);
      names.add(a.name);
      if (a.source.length === 0 || /\s/.test(a.source)) invalid(this, `LoRA adapter ${a.name}: source ${JSON.stringify(a.source)} must be a repository id or path without spaces`);
      if (!Number.isInteger(a.rank) || a.rank < 1) invalid(this, `LoRA adapter ${a.name}: rank ${a.rank} must be a positive integer`);
      if (maxLoraRank === undefined) {
        invalid(this, `LoRA adapter ${a.name} has rank ${a.rank}, above vLLM's largest --max-lora-rank 512; use an adapter of rank 512 or less`);
      } else if (a.rank > maxLoraRank) {
        invalid(this, `LoRA adapter ${a.name} has rank ${a.rank}, above the server's maxLoraRank ${maxLoraRank}; raise maxLoraRank to ` +
          `${ServingPlanner.loraRanks().find((r) => r >= a.rank) ?? 512} or use an adapter of rank ${maxLoraRank} or less`);
      }
    }
  }

  /** Joins an InferencePool of this app (which then checks its members at synth) or one that exists already. */
  private joinPool(pool: IInferencePool, workerLabels: { [key: string]: string }): void {
    const namespace = Chart.of(this).namespace ?? 'default';
    if (this.multiNode && Object.entries(pool.podSelectorLabels).every(([k, v]) => workerLabels[k] === v)) {
      invalid(this, `inference pool ${pool.poolName} selects ${Object.entries(pool.podSelectorLabels).map(([k, v]) => `${k}=${v}`).join(', ')}, ` +
        'which the headless workers of this multi-node server also carry; give the pool a selector label of its own (e.g. llm-d.ai/inference-serving=true)');
    }
    if (pool.namespaceName !== namespace) {
      invalid(this, `inference pool ${pool.poolName} is in namespace ${pool.namespaceName}, but the server is in ${namespace}; ` +
        'an InferencePool selects pods of its own namespace, so put the server in the pool\'s chart namespace');
    }
    if (pool.targetPortNumber !== VLLM_PORT) {
      invalid(this, `inference pool ${pool.poolName} routes to port ${pool.targetPortNumber}, but vLLM (or the routing sidecar) listens on ${VLLM_PORT}; ` +
        `set the pool's targetPorts to ${VLLM_PORT}`);
    }
    const member = { path: this.node.path, role: this.role, servedModelName: this.servedModelName };
    if (pool instanceof InferencePool) {
      pool._register(member);
    } else {
      const error = InferencePool._memberError(pool, member);
      if (error) invalid(this, error);
    }
  }

  private chooseOffer(pool: IGpuNodePool, resourceName: string | undefined): GpuOffer {
    const names = pool.offers.map((o) => o.resourceName);
    if (pool.offers.length === 0) invalid(this, `GPU pool ${pool.poolName} offers no GPU resources`);
    let offer: GpuOffer;
    if (resourceName !== undefined) {
      offer = pool.offers.find((o) => o.resourceName === resourceName) ??
        invalid(this, `gpuResourceName ${resourceName} is not offered by GPU pool ${pool.poolName}; it offers ${names.join(', ')}`);
    } else {
      const whole = pool.offers.filter((o) => !o.migProfile && !o.shared);
      offer = whole.length === 1 ? whole[0] : pool.offers.length === 1 ? pool.offers[0]
        : invalid(this, `GPU pool ${pool.poolName} offers ${names.join(', ')}; choose one with gpuResourceName`);
    }
    // a pool built outside this library (an IGpuNodePool of your own) is checked here: the count becomes the pod's
    // request of the resource, the memory the planner's budget
    if (!Number.isInteger(offer.countPerNode) || offer.countPerNode < 1) {
      invalid(this, `GPU pool ${pool.poolName} offers ${offer.countPerNode} ${offer.resourceName} per node; ` +
        'the count must be a positive integer (a pod requests whole units of an extended resource)');
    }
    if (!Number.isFinite(offer.memoryGb) || offer.memoryGb <= 0) {
      invalid(this, `GPU pool ${pool.poolName}: ${offer.resourceName} has ${offer.memoryGb} GB of memory; it must be a finite positive number`);
    }
    return offer;
  }
}

/**
 * Other GPU pools of the app (defined before this server) whose whole-GPU offer holds the model as requested, each
 * with its layout and KV budget; undefined when none does. Pins of the layout are dropped: another pool has other
 * GPUs per node.
 */
function otherPoolsThatFit(scope: Construct, pool: IGpuNodePool, request: ServingRequest): string | undefined {
  const found: string[] = [];
  const pools = scope.node.root.node.findAll().filter((c): c is GpuNodePool | AmdGpuNodePool =>
    c !== pool && (c instanceof GpuNodePool || c instanceof AmdGpuNodePool));
  for (const other of pools.sort((a, b) => a.poolName.localeCompare(b.poolName))) {
    const whole = other.offers.find((o) => !o.migProfile && !o.shared);
    if (!whole) continue;
    try {
      const plan = ServingPlanner.plan({
        ...request,
        gpu: other.gpuModel,
        gpusPerNode: whole.countPerNode,
        gpuMemoryGb: whole.memoryGb,
        migProfile: undefined,
        sharedGpu: false,
        tensorParallelSize: undefined,
        pipelineParallelSize: undefined,
        dataParallelSize: undefined,
      });
      const layout = `TP=${plan.tensorParallelSize}${plan.pipelineParallelSize > 1 ? ` × PP=${plan.pipelineParallelSize}` : ''}` +
        `${plan.dataParallelSize > 1 ? ` × DP=${plan.dataParallelSize}` : ''}${plan.nodesPerReplica > 1 ? ` on ${plan.nodesPerReplica} nodes` : ''}`;
      found.push(`pool ${other.poolName} (${whole.countPerNode}× ${other.gpuModel.displayName}) holds it with ${layout}, ` +
        `KV cache ${plan.kvCacheTokens} tokens (${plan.maxConcurrentSequences} × ${plan.maxModelLen})`);
    } catch (e) {
      if (!(e instanceof FactoryError)) throw e;
    }
  }
  return found.length > 0 ? `or serve it on another pool: ${found.join('; ')}` : undefined;
}

/** The command, arguments and extra environment of one pod of a multi-node group. */
interface GroupMember {
  readonly command: string[];
  readonly args: string[];
  readonly env: EnvVar[];
}

/**
 * vLLM's multiprocessing backend across the nodes of an LWS group (vllm-project/vllm `docs/serving/parallelism_scaling.md`
 * "Running vLLM with MultiProcessing"; flags from `ParallelConfig` `nnodes`, `node_rank`, `master_addr`, `master_port`
 * in `vllm/config/parallel.py`, `--headless` on the nodes without an API server). Every pod runs the same engine
 * arguments; the leader (node rank 0) serves the API, the workers run headless. The node rank is the pod's LWS
 * worker index (label `leaderworkerset.sigs.k8s.io/worker-index`, 0 for the leader) and the master address the
 * leader's DNS name LWS injects as `LWS_LEADER_ADDRESS`; Kubernetes expands `$(VAR)` in arguments.
 */
function multiprocessingCommands(args: string[], nodes: number): [GroupMember, GroupMember] {
  const distributed = (rank: string) => [`--nnodes=${nodes}`, `--node-rank=${rank}`, '--master-addr=$(LWS_LEADER_ADDRESS)', `--master-port=${MASTER_PORT}`];
  const rankEnv: EnvVar = { name: NODE_RANK_ENV, valueFrom: { fieldRef: { fieldPath: `metadata.labels['${LWS_WORKER_INDEX}']` } } };
  return [
    { command: ['vllm', 'serve'], args: [...args, ...distributed('0')], env: [] },
    { command: ['vllm', 'serve'], args: [...args, ...distributed(`$(${NODE_RANK_ENV})`), '--headless'], env: [rankEnv] },
  ];
}

/**
 * Data-parallel ranks across the nodes of an LWS group, the layout of llm-d's wide expert parallelism: every pod runs
 * `localRanks` ranks of TP GPUs (`--data-parallel-size-local`); the leader runs ranks 0.. and the API server, each
 * worker the ranks from worker index × localRanks on, `--headless`; all reach the leader's coordinator at
 * `--data-parallel-address` / `--data-parallel-rpc-port` (vllm-project/vllm `docs/serving/data_parallel_deployment.md`,
 * "Internal Load Balancing", two-node example). The start rank needs arithmetic on the worker index, so the worker
 * runs through a shell.
 */
function dataParallelCommands(args: string[], localRanks: number): [GroupMember, GroupMember] {
  const coordinator = [`--data-parallel-size-local=${localRanks}`, '--data-parallel-address=$(LWS_LEADER_ADDRESS)', `--data-parallel-rpc-port=${DP_RPC_PORT}`];
  const rankEnv: EnvVar = { name: NODE_RANK_ENV, valueFrom: { fieldRef: { fieldPath: `metadata.labels['${LWS_WORKER_INDEX}']` } } };
  const workerScript = `exec vllm serve ${[...args, '--headless', `--data-parallel-size-local=${localRanks}`].map(shellQuote).join(' ')} ` +
    `--data-parallel-address="\${LWS_LEADER_ADDRESS}" --data-parallel-rpc-port=${DP_RPC_PORT} ` +
    `--data-parallel-start-rank="$((\${${NODE_RANK_ENV}} * ${localRanks}))"`;
  return [
    { command: ['vllm', 'serve'], args: [...args, ...coordinator], env: [] },
    { command: ['/bin/bash', '-c'], args: [workerScript], env: [rankEnv] },
  ];
}

/** Ray: the leader starts the Ray head, waits for the group, then serves; workers join the leader's Ray cluster. */
function rayCommands(args: string[]): [GroupMember, GroupMember] {
  const leaderScript = `bash ${MULTI_NODE_SCRIPT} leader --ray_cluster_size="\${LWS_GROUP_SIZE}" && exec vllm serve ${args.map(shellQuote).join(' ')}`;
  const workerScript = `exec bash ${MULTI_NODE_SCRIPT} worker --ray_address="\${LWS_LEADER_ADDRESS}"`;
  return [
    { command: ['/bin/bash', '-c'], args: [leaderScript], env: [] },
    { command: ['/bin/bash', '-c'], args: [workerScript], env: [] },
  ];
}

/** The llm-d routing sidecar of decode pods: a native sidecar on 8000 in front of vLLM on 8200 (§5). */
function routingSidecar(image: string): Container {
  return {
    name: 'routing-proxy',
    image,
    restartPolicy: 'Always',
    // nixlv2 is the connector vLLM's NixlConnector speaks; --vllm-port and --secure-proxy are accepted by every
    // llm-d-router release (deprecated aliases in the newest)
    args: [`--port=${VLLM_PORT}`, `--vllm-port=${VLLM_BEHIND_SIDECAR_PORT}`, '--kv-connector=nixlv2', '--secure-proxy=false'],
    ports: [{ name: 'proxy', containerPort: VLLM_PORT, protocol: 'TCP' }],
    resources: resources(1, 1, {}),
    securityContext: containerSecurityContext(),
  };
}

/**
 * Metric renames on scrape: vLLM renamed `vllm:gpu_cache_usage_perc` to `vllm:kv_cache_usage_perc` and
 * `vllm:time_per_output_token_seconds` to `vllm:inter_token_latency_seconds` (vllm-project/vllm `vllm/v1/metrics/loggers.py`);
 * storing the old names under the new ones lets one dashboard and one autoscaler query serve both image generations.
 */
function metricRenames(): PodMonitorSpecPodMetricsEndpointsMetricRelabelings[] {
  return [
    {
      sourceLabels: ['__name__'],
      regex: 'vllm:gpu_cache_usage_perc',
      targetLabel: '__name__',
      replacement: 'vllm:kv_cache_usage_perc',
      action: bindings.prometheusOperator().PodMonitorSpecPodMetricsEndpointsMetricRelabelingsAction.REPLACE,
    },
    {
      sourceLabels: ['__name__'],
      regex: 'vllm:time_per_output_token_seconds(_bucket|_sum|_count)',
      targetLabel: '__name__',
      replacement: 'vllm:inter_token_latency_seconds$1',
      action: bindings.prometheusOperator().PodMonitorSpecPodMetricsEndpointsMetricRelabelingsAction.REPLACE,
    },
  ];
}
