/**
 * GPU cluster: the inside of a tenant-shared GPU cluster (the Magnum cluster and node groups that carry it come later).
 *
 * Cluster side (Kubernetes YAML, `dist/gpu-cluster.k8s.yaml`):
 *   - an H100 node pool (2 nodes x 8 GPUs) with a mixed MIG layout: 3g.40gb + 2g.20gb + 2 x 1g.10gb on every GPU,
 *   - an H200 node pool (4 nodes x 8 GPUs) with whole GPUs and 8 InfiniBand rails for GPUDirect RDMA,
 *   - the GPU Operator's ClusterPolicy with the MIG manager's layouts and a DCGM exporter ServiceMonitor,
 *   - the Network Operator's NicClusterPolicy and one IPoIB network per rail,
 *   - two tenants with isolated namespaces and Kueue queues that borrow from each other in one cohort,
 *   - a Whisper transcription job of tenant A, admitted through its LocalQueue onto a 3g.40gb MIG slice.
 * The node groups must carry each pool's `nodeLabels` and `nodeTaints`.
 *
 *   npx cdktf synth          # from this folder (or `npm run synth` at the repository root)
 */
import * as path from 'path';
import * as cdk8s from 'cdk8s';
import { App } from 'cdktf';
import {
  BatchDataSource,
  ComputeResourceFlavor,
  GpuModel,
  GpuNodePool,
  GpuOperatorPolicy,
  GpuPartitioning,
  GpuResourceFlavor,
  InfinibandFabric,
  MigLayout,
  PodSecurityLevel,
  QueueCohort,
  TenantNamespace,
  TenantQueue,
  WhisperModel,
  WhisperTranscriptionJob,
} from 'cdk-ai-factory';

/** Builds and synthesizes the example into `outdir` (cdktf.out/ and dist/). */
export function synth(outdir: string = __dirname): void {
  // No Terraform stack yet: the Magnum cluster template, cluster and GPU node groups are added here later.
  const app = new App({ outdir: process.env.CDKTF_OUTDIR || path.join(outdir, 'cdktf.out'), stackTraces: false });
  app.synth();

  const k8sApp = new cdk8s.App({ outdir: path.join(outdir, 'dist') });
  const cluster = new cdk8s.Chart(k8sApp, 'gpu-cluster', { disableResourceNameHashes: true });

  // 8 InfiniBand rails of an HGX H200 node: one ConnectX-7 port per GPU
  const fabric = new InfinibandFabric(cluster, 'H200Fabric', {
    fabricName: 'h200-ib',
    rails: [0, 1, 2, 3, 4, 5, 6, 7].map((i) => ({ interfaceName: `ibp${i}s0`, hcaName: `mlx5_${i}` })),
  });

  const h100 = new GpuNodePool(cluster, 'H100', {
    poolName: 'h100',
    gpuModel: GpuModel.H100_SXM5_80GB,
    gpusPerNode: 8,
    nodeCount: 2,
    partitioning: GpuPartitioning.mig(
      MigLayout.uniform('h100-mixed', [
        { profile: '3g.40gb', count: 1 },
        { profile: '2g.20gb', count: 1 },
        { profile: '1g.10gb', count: 2 },
      ]),
    ),
  });
  const h200 = new GpuNodePool(cluster, 'H200', {
    poolName: 'h200',
    gpuModel: GpuModel.H200_SXM_141GB,
    gpusPerNode: 8,
    nodeCount: 4,
    rdma: fabric.attachment,
  });

  new GpuOperatorPolicy(cluster, 'GpuOperator', {
    pools: [h100, h200],
    serviceMonitorLabels: { release: 'kube-prometheus-stack' },
  });

  const teamA = new TenantNamespace(cluster, 'TeamA', {
    namespaceName: 'team-a',
    cpuCores: 256,
    memoryGib: 2048,
    gpuLimits: [
      { pool: h100, migProfile: '3g.40gb', count: 8 },
      { pool: h100, migProfile: '1g.10gb', count: 16 },
      { pool: h200, count: 16 },
    ],
    podSecurity: PodSecurityLevel.PRIVILEGED, // RDMA pods add IPC_LOCK
  });
  const teamB = new TenantNamespace(cluster, 'TeamB', {
    namespaceName: 'team-b',
    cpuCores: 256,
    memoryGib: 2048,
    gpuLimits: [
      { pool: h100, migProfile: '3g.40gb', count: 8 },
      { pool: h100, migProfile: '2g.20gb', count: 16 },
      { pool: h200, count: 16 },
    ],
  });

  const compute = new ComputeResourceFlavor(cluster, 'Compute');
  const mig3g = new GpuResourceFlavor(cluster, 'H100Mig3g', { pool: h100, migProfile: '3g.40gb' });
  const mig2g = new GpuResourceFlavor(cluster, 'H100Mig2g', { pool: h100, migProfile: '2g.20gb' });
  const mig1g = new GpuResourceFlavor(cluster, 'H100Mig1g', { pool: h100, migProfile: '1g.10gb' });
  const h200Gpu = new GpuResourceFlavor(cluster, 'H200Gpu', { pool: h200 });
  const cohort = new QueueCohort(cluster, 'Cohort', { cohortName: 'ai-factory' });

  const queueA = new TenantQueue(cluster, 'TeamAQueue', {
    queueName: 'team-a',
    namespaces: [teamA],
    cohort,
    computeFlavor: compute,
    cpuCores: 128,
    memoryGib: 1024,
    gpuQuotas: [
      { flavor: mig3g, nominal: 8 },
      { flavor: mig1g, nominal: 16 },
      { flavor: h200Gpu, nominal: 16 },
    ],
  });
  new TenantQueue(cluster, 'TeamBQueue', {
    queueName: 'team-b',
    namespaces: [teamB],
    cohort,
    computeFlavor: compute,
    cpuCores: 128,
    memoryGib: 1024,
    gpuQuotas: [
      { flavor: mig3g, nominal: 8 },
      { flavor: mig2g, nominal: 16 },
      { flavor: h200Gpu, nominal: 16, borrowingLimit: 8 },
    ],
  });

  new WhisperTranscriptionJob(cluster, 'Transcribe', {
    jobName: 'transcribe-interviews',
    queue: queueA,
    namespace: teamA,
    flavor: mig3g,
    image: 'registry.example.net/team-a/whisper:20250625',
    model: WhisperModel.LARGE_V3,
    audio: BatchDataSource.persistentVolumeClaim('team-a-share', { subPath: 'interviews' }),
    transcripts: BatchDataSource.persistentVolumeClaim('team-a-share', { subPath: 'transcripts' }),
    shards: 4,
  });
  k8sApp.synth();
}

if (require.main === module) {
  synth();
}
