/**
 * GPU pools for the serving tests, built with the accelerator constructs the way users build them.
 */
import { Construct } from 'constructs';
import { GpuNodePool, GpuPartitioning, MigLayout, RdmaAttachment } from '../../../constructs/accelerators/gpu-node-pool';
import { GpuModel } from '../../../lib/hardware/gpu';

/** A two-rail RDMA fabric as `InfinibandFabric.attachment` describes one. */
export const RDMA: RdmaAttachment = {
  networkNames: ['default/rdma-rail-0', 'default/rdma-rail-1'],
  resourceName: 'rdma/rdma_shared_device_a',
  resourcesPerPod: 1,
  ncclEnvironment: { NCCL_IB_HCA: 'mlx5_0:1,mlx5_1:1', NCCL_SOCKET_IFNAME: 'eth0' },
};

/** 8× H100 SXM nodes, whole GPUs. */
export function h100Pool(scope: Construct, rdma?: RdmaAttachment): GpuNodePool {
  return new GpuNodePool(scope, 'H100', { poolName: 'h100', gpuModel: GpuModel.H100_SXM5_80GB, gpusPerNode: 8, rdma });
}

/**
 * H100 nodes whose every GPU is split into one MIG profile (mixed strategy): `perNode` instances per node,
 * e.g. 16× 3g.40gb (2 per GPU) or 56× 1g.10gb (7 per GPU).
 */
export function migPool(scope: Construct, profile = '3g.40gb', perNode = 16): GpuNodePool {
  return new GpuNodePool(scope, 'Mig', {
    poolName: 'h100-mig',
    gpuModel: GpuModel.H100_SXM5_80GB,
    gpusPerNode: 8,
    partitioning: GpuPartitioning.mig(MigLayout.uniform(`all-${profile}`, [{ profile, count: perNode / 8 }])),
  });
}
