import { cluster } from './fixtures';
import { GpuNodePool, GpuPartitioning } from '../../../constructs/accelerators/gpu-node-pool';
import { BatchDataSource, GpuBatchJob, WhisperModel, WhisperTranscriptionJob } from '../../../constructs/batch/batch-job';
import { GpuResourceFlavor, TenantQueue } from '../../../constructs/batch/kueue';
import { BucketModelStore, ShareModelStore } from '../../../constructs/storage/model-store';
import { ShareTypeCatalog } from '../../../constructs/storage/share-type-catalog';
import { GpuModel } from '../../../lib/hardware/gpu';
import { ObjectStorageService } from '../../../lib/storage/object-storage';
import { ShareType } from '../../../lib/storage/share-type';
import { onlyObject, stdoutOf, synthChart, testStack } from '../../util';
import { tenant } from '../identity/fixtures';

function withQueue() {
  const c = cluster();
  const mig2g = new GpuResourceFlavor(c.chart, 'Mig2g', { pool: c.h100, migProfile: '2g.20gb' });
  const queue = new TenantQueue(c.chart, 'A', {
    queueName: 'team-a',
    namespaces: [c.teamA],
    cohort: c.cohort,
    computeFlavor: c.compute,
    cpuCores: 64,
    memoryGib: 512,
    gpuQuotas: [{ flavor: c.mig3g, nominal: 4, borrowingLimit: 2 }, { flavor: mig2g, nominal: 4 }, { flavor: c.h200Gpu, nominal: 8 }],
  });
  return { ...c, queue, mig2g };
}

describe('GpuBatchJob environment names (k8s.io/apimachinery IsEnvVarName / IsRelaxedEnvVarName)', () => {
  const jobWith = (environment: { [key: string]: string }) => {
    const c = withQueue();
    new GpuBatchJob(c.chart, 'Job', { jobName: 'embed', queue: c.queue, tenantNamespace: c.teamA, flavor: c.h200Gpu, image: 'registry.example.net/embed:1', environment });
    return c.chart;
  };

  test('names every release accepts print nothing and reach the container', () => {
    const chart = jobWith({ 'MY_VAR': '1', 'my.env-name': '2', '_x': '3' });
    let env: unknown;
    expect(stdoutOf(() => { env = onlyObject(synthChart(chart), 'Job').spec.template.spec.containers[0].env; })).toEqual([]);
    expect(env).toEqual(expect.arrayContaining([{ name: 'MY_VAR', value: '1' }, { name: 'my.env-name', value: '2' }, { name: '_x', value: '3' }]));
  });

  test.each(['MY VAR', '1ST', '..x', 'a:b'])('%j (valid from Kubernetes 1.32 only) is kept, with a warning on the console during synth', (name) => {
    const chart = jobWith({ [name]: 'x' });
    expect(stdoutOf(() => synthChart(chart))).toEqual([
      `WARN [test/Job]: environment variable ${JSON.stringify(name)} is accepted only by Kubernetes 1.32 or later (relaxed environment variable ` +
        "validation); older API servers refuse the Job: use letters, digits, '_', '-' and '.', not starting with a digit or '..'",
    ]);
  });

  test.each(['', 'A=B', 'ÜBER', 'tab\there'])('fails when the name is %j: no release accepts it', (name) => {
    expect(() => jobWith({ [name]: 'x' })).toThrow(
      `test/Job: environment variable ${JSON.stringify(name)} is refused by every Kubernetes API server (empty, '=' or not printable ASCII); ` +
        "use letters, digits, '_', '-' and '.', e.g. MY_VAR");
  });
});

describe('GpuBatchJob', () => {
  test('a suspended Job with the queue label, the flavor resource, the pool placement and the data volumes', () => {
    const c = withQueue();
    new GpuBatchJob(c.chart, 'Job', {
      jobName: 'embed',
      queue: c.queue,
      tenantNamespace: c.teamA,
      flavor: c.mig3g,
      image: 'registry.example.net/embed:1',
      args: ['--all'],
      completions: 4,
      parallelism: 2,
      volumes: [{ source: BatchDataSource.persistentVolumeClaim('share', { subPath: 'in' }), mountPath: '/in' }],
    });
    const job = onlyObject(synthChart(c.chart), 'Job');
    expect(job.metadata).toEqual({ name: 'embed', namespace: 'team-a', labels: { 'kueue.x-k8s.io/queue-name': 'team-a' } });
    expect(job.spec).toMatchObject({ suspend: true, completions: 4, parallelism: 2, completionMode: 'Indexed', backoffLimit: 3, ttlSecondsAfterFinished: 86400 });
    const pod = job.spec.template.spec;
    expect(pod.nodeSelector).toEqual({ 'ai-factory.dev/gpu-pool': 'h100' });
    expect(pod.containers[0].resources).toEqual({
      requests: { 'cpu': 4, 'memory': '16Gi', 'nvidia.com/mig-3g.40gb': 1 },
      limits: { 'memory': '16Gi', 'nvidia.com/mig-3g.40gb': 1 },
    });
    expect(pod.containers[0].volumeMounts).toEqual([
      { name: 'dshm', mountPath: '/dev/shm' },
      { name: 'data-0', mountPath: '/in', subPath: 'in', readOnly: true },
    ]);
    expect(pod.volumes[1]).toEqual({ name: 'data-0', persistentVolumeClaim: { claimName: 'share', readOnly: true } });
  });

  test('rdma: the pods get the fabric wiring', () => {
    const c = withQueue();
    new GpuBatchJob(c.chart, 'Job', { jobName: 'train', queue: c.queue, tenantNamespace: c.teamA, flavor: c.h200Gpu, gpusPerPod: 8, image: 'registry.example.net/train:1', rdma: true });
    const tpl = onlyObject(synthChart(c.chart), 'Job').spec.template;
    expect(tpl.metadata.annotations).toEqual({ 'k8s.v1.cni.cncf.io/networks': 'default/ib-rail0' });
    expect(tpl.spec.containers[0].resources.limits['rdma/ib']).toBe(1);
    expect(tpl.spec.containers[0].securityContext.capabilities).toEqual({ drop: ['ALL'], add: ['IPC_LOCK'] });
  });

  test('fails when an RDMA job runs on a pool with no IB network', () => {
    const c = withQueue();
    expect(() => new GpuBatchJob(c.chart, 'Job', { jobName: 'train', queue: c.queue, tenantNamespace: c.teamA, flavor: c.mig3g, image: 'registry.example.net/train:1', rdma: true })).toThrow(
      'test/Job: RDMA was requested on pool h100, which has no InfiniBand/RDMA network; give the pool an rdma attachment (e.g. InfinibandFabric.attachment) or run without RDMA',
    );
  });

  test('fails when the queue has no quota on the flavor', () => {
    const c = cluster();
    const queue = new TenantQueue(c.chart, 'A', { queueName: 'team-a', namespaces: [c.teamA], computeFlavor: c.compute, cpuCores: 1, memoryGib: 1, gpuQuotas: [{ flavor: c.h200Gpu, nominal: 1 }] });
    expect(() => new GpuBatchJob(c.chart, 'Job', { jobName: 'j', queue, tenantNamespace: c.teamA, flavor: c.mig3g, image: 'registry.example.net/train:1' })).toThrow(
      'test/Job: queue team-a has no quota on flavor h100-mig-3g.40gb; the job would wait forever, add a GPU quota for it',
    );
  });

  test('fails when the job needs more units at once than the queue can ever hold', () => {
    const c = withQueue();
    expect(() => new GpuBatchJob(c.chart, 'Job', { jobName: 'j', queue: c.queue, tenantNamespace: c.teamA, flavor: c.mig3g, image: 'registry.example.net/train:1', completions: 8 })).toThrow(
      'test/Job: 8 pods x 1 nvidia.com/mig-3g.40gb need 8 units at once, but queue team-a can hold at most 6 on flavor h100-mig-3g.40gb; lower parallelism',
    );
  });

  test('fails when the namespace has no LocalQueue of the queue', () => {
    const c = withQueue();
    expect(() => new GpuBatchJob(c.chart, 'Job', { jobName: 'j', queue: c.queue, tenantNamespace: c.teamB, flavor: c.mig3g, image: 'registry.example.net/train:1' })).toThrow(
      'test/Job: namespace team-b has no LocalQueue of queue team-a (it serves team-a); add the namespace to the queue',
    );
  });
});

describe('GpuBatchJob security and numbers', () => {
  test('non-root by default: uid and gid 1000, no privilege escalation, every capability dropped', () => {
    const c = withQueue();
    new GpuBatchJob(c.chart, 'Job', { jobName: 'embed', queue: c.queue, tenantNamespace: c.teamA, flavor: c.mig3g, image: 'registry.example.net/train:1' });
    const pod = onlyObject(synthChart(c.chart), 'Job').spec.template.spec;
    expect(pod.securityContext).toEqual({ runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod.containers[0].securityContext).toEqual({ allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
  });

  test('runAsUser and runAsGroup are the pod user and group', () => {
    const c = withQueue();
    new GpuBatchJob(c.chart, 'Job', { jobName: 'embed', queue: c.queue, tenantNamespace: c.teamA, flavor: c.mig3g, image: 'registry.example.net/train:1', runAsUser: 65532, runAsGroup: 0 });
    const pod = onlyObject(synthChart(c.chart), 'Job').spec.template.spec;
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 65532, runAsGroup: 0 });
  });

  test('fractional CPU and memory are plain decimal quantities', () => {
    const c = withQueue();
    new GpuBatchJob(c.chart, 'Job', { jobName: 'embed', queue: c.queue, tenantNamespace: c.teamA, flavor: c.mig3g, image: 'registry.example.net/train:1', cpuPerPod: 0.5, memoryGibPerPod: 0.25, sharedMemoryGib: 0.5 });
    const pod = onlyObject(synthChart(c.chart), 'Job').spec.template.spec;
    expect(pod.containers[0].resources.requests).toMatchObject({ cpu: 0.5, memory: '0.25Gi' });
    expect(pod.volumes[0].emptyDir).toEqual({ medium: 'Memory', sizeLimit: '0.5Gi' });
  });

  test.each([
    [{ runAsUser: 0 }, 'runAsUser 0 must be a positive integer (at most 2147483647)'],
    [{ runAsGroup: -1 }, 'runAsGroup -1 must be a non-negative integer (at most 2147483647)'],
    [{ memoryGibPerPod: -5e-324 }, 'memoryGibPerPod -5e-324 must be a finite number above 0 and below 2^53'],
    [{ memoryGibPerPod: 5e-324 }, 'memoryGibPerPod 5e-324 is less than 0.001 GiB (about 1 MiB); give the size in GiB, e.g. 0.5 for 512 MiB'],
    [{ memoryGibPerPod: Infinity }, 'memoryGibPerPod Infinity must be a finite number above 0 and below 2^53'],
    [{ sharedMemoryGib: NaN }, 'sharedMemoryGib NaN must be a finite number above 0 and below 2^53'],
    [{ cpuPerPod: 0 }, 'cpuPerPod 0 must be a finite number above 0 and below 2^53'],
    [{ cpuPerPod: 0.0001 }, 'cpuPerPod 0.0001 is finer than 1m, the smallest CPU amount Kubernetes takes; give at least 0.001'],
    [{ completions: 1e300 }, 'completions 1e+300 must be a positive integer (at most 100000)'],
    [{ gpusPerPod: 1.5 }, 'gpusPerPod 1.5 must be a positive integer (at most 100000)'],
    [{ backoffLimit: -1 }, 'backoffLimit -1 must be a non-negative integer (at most 2147483647)'],
    [{ activeDeadlineSeconds: 0 }, 'activeDeadlineSeconds 0 must be a positive integer (at most 9007199254740991)'],
    [{ ttlSecondsAfterFinished: 2 ** 31 }, 'ttlSecondsAfterFinished 2147483648 must be a non-negative integer (at most 2147483647)'],
  ])('fails when %j', (bad, message) => {
    const c = withQueue();
    expect(() => new GpuBatchJob(c.chart, 'Job', { jobName: 'j', queue: c.queue, tenantNamespace: c.teamA, flavor: c.h200Gpu, image: 'registry.example.net/train:1', ...bad })).toThrow(`test/Job: ${message}`);
  });

  test('a LocalQueue the cluster has, with its quotas: the job is checked against them', () => {
    const c = cluster();
    const flavor = GpuResourceFlavor.fromFlavorName(c.chart, 'Existing', { flavorName: 'h100-3g', pool: c.h100, migProfile: '2g.20gb' });
    const queue = TenantQueue.fromQueueName(c.chart, 'Q', { queueName: 'research', namespaceNames: ['team-a'], gpuQuotas: [{ flavor, nominal: 2 }] });
    new GpuBatchJob(c.chart, 'Job', { jobName: 'j', queue, tenantNamespace: c.teamA, flavor, image: 'registry.example.net/train:1', completions: 2 });
    const objects = synthChart(c.chart);
    const job = onlyObject(objects, 'Job');
    expect(job.metadata.labels).toEqual({ 'kueue.x-k8s.io/queue-name': 'research' });
    expect(job.spec.template.spec.containers[0].resources.limits['nvidia.com/mig-2g.20gb']).toBe(1);
    expect(objects.filter((o) => o.kind === 'LocalQueue' || o.kind === 'ClusterQueue' || o.metadata.name === 'h100-3g')).toEqual([]);
    expect(() => new GpuBatchJob(c.chart, 'Job3', { jobName: 'k', queue, tenantNamespace: c.teamA, flavor, image: 'registry.example.net/train:1', completions: 3 })).toThrow(
      'test/Job3: 3 pods x 1 nvidia.com/mig-2g.20gb need 3 units at once, but queue research can hold at most 2 on flavor h100-3g; lower parallelism',
    );
    expect(() => new GpuBatchJob(c.chart, 'Other', { jobName: 'k', queue, tenantNamespace: c.teamA, flavor: c.mig3g, image: 'registry.example.net/train:1' })).toThrow(
      'test/Other: queue research has no quota on flavor h100-mig-3g.40gb; the job would wait forever, add a GPU quota for it',
    );
  });

  test('a LocalQueue the cluster has, without its quotas: only the namespace is checked', () => {
    const c = cluster();
    const queue = TenantQueue.fromQueueName(c.chart, 'Q', { queueName: 'research', namespaceNames: ['team-a'] });
    expect(queue.maxUnits(c.h200Gpu)).toBeUndefined();
    new GpuBatchJob(c.chart, 'Job', { jobName: 'j', queue, tenantNamespace: c.teamA, flavor: c.h200Gpu, image: 'registry.example.net/train:1', gpusPerPod: 8, completions: 2 });
    expect(onlyObject(synthChart(c.chart), 'Job').spec.parallelism).toBe(2);
    expect(() => new GpuBatchJob(c.chart, 'B', { jobName: 'b', queue, tenantNamespace: c.teamB, flavor: c.h200Gpu, image: 'registry.example.net/train:1' })).toThrow(
      'test/B: namespace team-b has no LocalQueue of queue research (it serves team-a); add the namespace to the queue',
    );
  });

  test('fails when a looked-up queue names no namespace or an invalid one', () => {
    const c = cluster();
    expect(() => TenantQueue.fromQueueName(c.chart, 'Q', { queueName: 'research', namespaceNames: [] })).toThrow(
      'test/Q: a queue needs at least one namespace with its LocalQueue; give namespaceNames',
    );
    expect(() => TenantQueue.fromQueueName(c.chart, 'R', { queueName: 'research', namespaceNames: ['Team A'] })).toThrow('test/R: namespace "Team A" is not a DNS label');
    expect(() => TenantQueue.fromQueueName(c.chart, 'S', { queueName: 'Research', namespaceNames: ['a'] })).toThrow('test/S: queueName "Research" is not a DNS subdomain');
  });
});

describe('WhisperTranscriptionJob', () => {
  test('an Indexed job that shards the recordings and runs whisper on the GPU', () => {
    const c = withQueue();
    new WhisperTranscriptionJob(c.chart, 'Whisper', {
      jobName: 'transcribe',
      queue: c.queue,
      tenantNamespace: c.teamA,
      flavor: c.mig3g,
      image: 'whisper:1',
      model: WhisperModel.LARGE_V3,
      language: 'de',
      shards: 2,
      audio: BatchDataSource.persistentVolumeClaim('share', { subPath: 'audio' }),
      transcripts: BatchDataSource.persistentVolumeClaim('share', { subPath: 'text' }),
      modelCache: BatchDataSource.persistentVolumeClaim('models'),
    });
    const job = onlyObject(synthChart(c.chart), 'Job');
    expect(job.spec).toMatchObject({ completions: 2, parallelism: 2, completionMode: 'Indexed' });
    const main = job.spec.template.spec.containers[0];
    expect(main.command.slice(0, 2)).toEqual(['/bin/sh', '-c']);
    expect(main.command[2]).toContain("awk -v n=2 -v i=\"${JOB_COMPLETION_INDEX:-0}\" '(NR - 1) % n == i'");
    expect(main.command[2]).toContain('xargs -0 whisper --model large-v3 --model_dir /models --device cuda --output_dir /data/transcripts --output_format all --language de');
    expect(main.volumeMounts.map((m: any) => `${m.mountPath}:${m.readOnly ?? false}`)).toEqual(['/dev/shm:false', '/data/audio:true', '/data/transcripts:false', '/models:true']);
  });

  test('fails when the GPU unit is smaller than the model needs', () => {
    const c = cluster();
    const chart = c.chart;
    const small = new GpuResourceFlavor(chart, 'Small', { pool: c.h100, migProfile: '2g.20gb' });
    const queue = new TenantQueue(chart, 'A', { queueName: 'team-a', namespaces: [c.teamA], computeFlavor: c.compute, cpuCores: 1, memoryGib: 1, gpuQuotas: [{ flavor: small, nominal: 1 }] });
    // a 2g.20gb slice holds large-v3 (10 GB); a time-sliced replica of an L40S split 8 ways (6 GB) does not
    expect(() => new WhisperTranscriptionJob(chart, 'Ok', {
      jobName: 'ok',
      queue,
      tenantNamespace: c.teamA,
      flavor: small,
      image: 'registry.example.net/whisper:1',
      model: WhisperModel.LARGE_V3,
      audio: BatchDataSource.persistentVolumeClaim('a'),
      transcripts: BatchDataSource.persistentVolumeClaim('t'),
    })).not.toThrow();
    const l40s = new GpuNodePool(chart, 'L40S', { poolName: 'l40s', gpuModel: GpuModel.L40S_48GB, gpusPerNode: 4, partitioning: GpuPartitioning.timeSlicing(8) });
    const shared = new GpuResourceFlavor(chart, 'Shared', { pool: l40s });
    const q2 = new TenantQueue(chart, 'B', { queueName: 'team-b', namespaces: [c.teamB], computeFlavor: c.compute, cpuCores: 1, memoryGib: 1, gpuQuotas: [{ flavor: shared, nominal: 1 }] });
    expect(() => new WhisperTranscriptionJob(chart, 'Big', {
      jobName: 'big',
      queue: q2,
      tenantNamespace: c.teamB,
      flavor: shared,
      image: 'registry.example.net/whisper:1',
      model: WhisperModel.LARGE_V3,
      audio: BatchDataSource.persistentVolumeClaim('a'),
      transcripts: BatchDataSource.persistentVolumeClaim('t'),
    })).toThrow('test/Big: Whisper large-v3 needs 10 GB of GPU memory but one nvidia.com/gpu.shared of flavor l40s-gpu-shared has 6 GB; use a smaller model or a larger GPU unit');
  });
});

function whisperProps(c: ReturnType<typeof withQueue>) {
  return {
    jobName: 'transcribe',
    queue: c.queue,
    tenantNamespace: c.teamA,
    flavor: c.mig3g,
    image: 'registry.example.net/whisper:1',
    audio: BatchDataSource.persistentVolumeClaim('audio'),
    transcripts: BatchDataSource.persistentVolumeClaim('out'),
  };
}

test('WhisperTranscriptionJob runs as non-root, as the user it is given', () => {
  const c = withQueue();
  new WhisperTranscriptionJob(c.chart, 'Whisper', {
    ...whisperProps(c),
    runAsUser: 2000,
  });
  const pod = onlyObject(synthChart(c.chart), 'Job').spec.template.spec;
  expect(pod.securityContext).toEqual({ runAsNonRoot: true, runAsUser: 2000, runAsGroup: 2000, seccompProfile: { type: 'RuntimeDefault' } });
  expect(pod.containers[0].env).toEqual([{ name: 'HOME', value: '/tmp' }, { name: 'XDG_CACHE_HOME', value: '/tmp/.cache' }]);
});

test.each([[0], [1.5], [Infinity]])('fails when WhisperTranscriptionJob gets shards %p', (shards) => {
  const c = withQueue();
  expect(() => new WhisperTranscriptionJob(c.chart, 'Whisper', { ...whisperProps(c), shards })).toThrow(`test/Whisper: shards ${shards} must be a positive integer (at most 100000)`);
});

describe('BatchDataSource', () => {
  test('a share-backed store mounts through its claim', () => {
    const stack = testStack();
    new ShareTypeCatalog(stack, 'ShareTypes', { shareTypes: [ShareType.cephfsNative()] });
    const store = new ShareModelStore(stack, 'Audio', { tenant: tenant(stack, 'T', 'team-a'), storeName: 'call-audio', shareType: ShareType.cephfsNative(), sizeGb: 500 });
    const source = BatchDataSource.fromStore(store, { subPath: 'recordings' });
    expect(source.claimName).toBe(store.fileSystem!.claimName);
    expect(source.subPath).toBe('recordings');
  });

  test('fails when the store is an object bucket', () => {
    const stack = testStack();
    const rgw = ObjectStorageService.cephRgw({ s3EndpointUrl: 'https://rgw.example.net', s3Region: 'eu-1' });
    const store = new BucketModelStore(stack, 'B', { tenant: tenant(stack, 'T', 'team-a'), storeName: 'audio', service: rgw, capacityGb: 10, credentialUserName: 'r' });
    expect(() => BatchDataSource.fromStore(store)).toThrow(
      'store audio is an object bucket, which a pod cannot mount; use a share-backed store (ShareModelStore) or fetch the objects in the job',
    );
  });
});
