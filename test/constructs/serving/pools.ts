/**
 * Test pools implementing IGpuNodePool: the accelerators room builds the real MIG and RDMA pools; these stand in for
 * them so the serving constructs can be tested against the interface.
 */
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { GpuOffer, GpuNodePool, IGpuNodePool, RdmaAttachment } from '../../../constructs/accelerators/gpu-node-pool';
import { GpuModel } from '../../../lib/hardware/gpu';

export const RDMA: RdmaAttachment = {
  networkNames: ['rdma-rail-0', 'rdma-rail-1'],
  resourceName: 'rdma/rdma_shared_device_a',
  resourcesPerPod: 1,
  ncclEnvironment: { NCCL_IB_HCA: 'mlx5_0:1,mlx5_1:1', NCCL_SOCKET_IFNAME: 'eth0' },
};

/** A pool of given offers (MIG layouts, shared GPUs), optionally on an RDMA fabric. */
export class TestPool extends Construct implements IGpuNodePool {
  public readonly nodeSelector: { [key: string]: string };
  public readonly tolerations: k8s.Toleration[] = [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }];

  constructor(
    scope: Construct,
    id: string,
    public readonly poolName: string,
    public readonly gpuModel: GpuModel,
    public readonly gpusPerNode: number,
    public readonly offers: GpuOffer[],
    public readonly rdma?: RdmaAttachment,
  ) {
    super(scope, id);
    this.nodeSelector = { 'ai-factory.dev/gpu-pool': poolName };
  }
}

/** 8× H100 SXM nodes, whole GPUs. */
export function h100Pool(scope: Construct, rdma?: RdmaAttachment): GpuNodePool {
  return new GpuNodePool(scope, 'H100', { poolName: 'h100', gpuModel: GpuModel.H100_SXM5_80GB, gpusPerNode: 8, rdma });
}

/** H100 nodes partitioned as 2× 3g.40gb per GPU (mixed strategy), 16 instances per node. */
export function migPool(scope: Construct, profile = '3g.40gb', perNode = 16): TestPool {
  const memoryGb = GpuModel.H100_SXM5_80GB.migProfile(profile).memoryGb;
  return new TestPool(scope, 'Mig', 'h100-mig', GpuModel.H100_SXM5_80GB, 8, [
    { resourceName: `nvidia.com/mig-${profile}`, countPerNode: perNode, memoryGb, migProfile: profile },
  ]);
}
