import { Chart } from 'cdk8s';
import { GpuNodePool, GpuPartitioning, MigLayout } from '../../../constructs/accelerators/gpu-node-pool';
import { InfinibandFabric } from '../../../constructs/accelerators/infiniband-fabric';
import { ComputeResourceFlavor, GpuResourceFlavor, QueueCohort } from '../../../constructs/batch/kueue';
import { TenantNamespace } from '../../../constructs/cluster/tenant-namespace';
import { GpuModel } from '../../../lib/hardware/gpu';
import { testChart } from '../../util';

/** An H100 MIG pool (2 nodes: 8 x 3g.40gb and 8 x 2g.20gb each), an H200 pool on InfiniBand (2 nodes x 8 GPUs) and two tenants. */
export function cluster(): {
  chart: Chart;
  h100: GpuNodePool;
  h200: GpuNodePool;
  teamA: TenantNamespace;
  teamB: TenantNamespace;
  compute: ComputeResourceFlavor;
  cohort: QueueCohort;
  mig3g: GpuResourceFlavor;
  h200Gpu: GpuResourceFlavor;
} {
  const chart = testChart();
  const fabric = new InfinibandFabric(chart, 'Ib', { fabricName: 'ib', rails: [{ interfaceName: 'ib0', hcaName: 'mlx5_0' }] });
  const h100 = new GpuNodePool(chart, 'H100', {
    poolName: 'h100',
    gpuModel: GpuModel.H100_SXM5_80GB,
    gpusPerNode: 8,
    nodeCount: 2,
    partitioning: GpuPartitioning.mig(MigLayout.uniform('h100-mixed', [{ profile: '3g.40gb', count: 1 }, { profile: '2g.20gb', count: 1 }])),
  });
  const h200 = new GpuNodePool(chart, 'H200', { poolName: 'h200', gpuModel: GpuModel.H200_SXM_141GB, gpusPerNode: 8, nodeCount: 2, rdma: fabric.attachment });
  const teamA = new TenantNamespace(chart, 'TeamA', { namespaceName: 'team-a', cpuCores: 64, memoryGib: 512 });
  const teamB = new TenantNamespace(chart, 'TeamB', { namespaceName: 'team-b', cpuCores: 64, memoryGib: 512 });
  return {
    chart,
    h100,
    h200,
    teamA,
    teamB,
    compute: new ComputeResourceFlavor(chart, 'Compute'),
    cohort: new QueueCohort(chart, 'Cohort', { cohortName: 'ai' }),
    mig3g: new GpuResourceFlavor(chart, 'Mig3g', { pool: h100, migProfile: '3g.40gb' }),
    h200Gpu: new GpuResourceFlavor(chart, 'H200Gpu', { pool: h200 }),
  };
}
