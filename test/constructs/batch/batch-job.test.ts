import { cluster } from './fixtures';
import { GpuNodePool, GpuPartitioning } from '../../../constructs/accelerators/gpu-node-pool';
import { BatchDataSource, GpuBatchJob, WhisperModel, WhisperTranscriptionJob } from '../../../constructs/batch/batch-job';
import { GpuResourceFlavor, TenantQueue } from '../../../constructs/batch/kueue';
import { BucketModelStore, ShareModelStore } from '../../../constructs/storage/model-store';
import { ShareTypeCatalog } from '../../../constructs/storage/share-type-catalog';
import { GpuModel } from '../../../lib/hardware/gpu';
import { ObjectStorageService } from '../../../lib/storage/object-storage';
import { ShareType } from '../../../lib/storage/share-type';
import { onlyObject, synthChart, testStack } from '../../util';
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

describe('GpuBatchJob', () => {
  test('a suspended Job with the queue label, the flavor resource, the pool placement and the data volumes', () => {
    const c = withQueue();
    new GpuBatchJob(c.chart, 'Job', {
      jobName: 'embed',
      queue: c.queue,
      namespace: c.teamA,
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
    new GpuBatchJob(c.chart, 'Job', { jobName: 'train', queue: c.queue, namespace: c.teamA, flavor: c.h200Gpu, gpusPerPod: 8, image: 'img', rdma: true });
    const tpl = onlyObject(synthChart(c.chart), 'Job').spec.template;
    expect(tpl.metadata.annotations).toEqual({ 'k8s.v1.cni.cncf.io/networks': 'default/ib-rail0' });
    expect(tpl.spec.containers[0].resources.limits['rdma/ib']).toBe(1);
    expect(tpl.spec.containers[0].securityContext.capabilities).toEqual({ drop: ['ALL'], add: ['IPC_LOCK'] });
  });

  test('fails when an RDMA job runs on a pool with no IB network', () => {
    const c = withQueue();
    expect(() => new GpuBatchJob(c.chart, 'Job', { jobName: 'train', queue: c.queue, namespace: c.teamA, flavor: c.mig3g, image: 'img', rdma: true })).toThrow(
      'test/Job: RDMA was requested on pool h100, which has no InfiniBand/RDMA network; give the pool an rdma attachment (e.g. InfinibandFabric.attachment) or run without RDMA',
    );
  });

  test('fails when the queue has no quota on the flavor', () => {
    const c = cluster();
    const queue = new TenantQueue(c.chart, 'A', { queueName: 'team-a', namespaces: [c.teamA], computeFlavor: c.compute, cpuCores: 1, memoryGib: 1, gpuQuotas: [{ flavor: c.h200Gpu, nominal: 1 }] });
    expect(() => new GpuBatchJob(c.chart, 'Job', { jobName: 'j', queue, namespace: c.teamA, flavor: c.mig3g, image: 'img' })).toThrow(
      'test/Job: queue team-a has no quota on flavor h100-mig-3g.40gb; the job would wait forever, add a GPU quota for it',
    );
  });

  test('fails when the job needs more units at once than the queue can ever hold', () => {
    const c = withQueue();
    expect(() => new GpuBatchJob(c.chart, 'Job', { jobName: 'j', queue: c.queue, namespace: c.teamA, flavor: c.mig3g, image: 'img', completions: 8 })).toThrow(
      'test/Job: 8 pods x 1 nvidia.com/mig-3g.40gb need 8 units at once, but queue team-a can hold at most 6 on flavor h100-mig-3g.40gb; lower parallelism',
    );
  });

  test('fails when the namespace has no LocalQueue of the queue', () => {
    const c = withQueue();
    expect(() => new GpuBatchJob(c.chart, 'Job', { jobName: 'j', queue: c.queue, namespace: c.teamB, flavor: c.mig3g, image: 'img' })).toThrow(
      'test/Job: namespace team-b has no LocalQueue of queue team-a (it serves team-a); add the namespace to the queue',
    );
  });
});

describe('WhisperTranscriptionJob', () => {
  test('an Indexed job that shards the recordings and runs whisper on the GPU', () => {
    const c = withQueue();
    new WhisperTranscriptionJob(c.chart, 'Whisper', {
      jobName: 'transcribe',
      queue: c.queue,
      namespace: c.teamA,
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
      namespace: c.teamA,
      flavor: small,
      image: 'w',
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
      namespace: c.teamB,
      flavor: shared,
      image: 'w',
      model: WhisperModel.LARGE_V3,
      audio: BatchDataSource.persistentVolumeClaim('a'),
      transcripts: BatchDataSource.persistentVolumeClaim('t'),
    })).toThrow('test/Big: Whisper large-v3 needs 10 GB of GPU memory but one nvidia.com/gpu.shared of flavor l40s-gpu-shared has 6 GB; use a smaller model or a larger GPU unit');
  });
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
