import { k8s } from 'cdk8s-plus-28';
import { GpuNodePool } from '../../../constructs/accelerators/gpu-node-pool';
import { InfinibandFabric } from '../../../constructs/accelerators/infiniband-fabric';
import { RdmaPodWiring } from '../../../constructs/accelerators/rdma-pod-wiring';
import { GpuModel } from '../../../lib/hardware/gpu';
import { testChart } from '../../util';

function rdmaPool() {
  const chart = testChart();
  const fabric = new InfinibandFabric(chart, 'Ib', { fabricName: 'ib', rails: [{ interfaceName: 'ib0', hcaName: 'mlx5_0' }, { interfaceName: 'ib1', hcaName: 'mlx5_1' }] });
  return { chart, pool: new GpuNodePool(chart, 'H200', { poolName: 'h200', gpuModel: GpuModel.H200_SXM_141GB, gpusPerNode: 8, rdma: fabric.attachment }) };
}

describe('RdmaPodWiring', () => {
  test('parts: Multus annotation, RDMA resource, IPC_LOCK and NCCL environment', () => {
    const { chart, pool } = rdmaPool();
    const wiring = RdmaPodWiring.forPool(chart, pool);
    expect(wiring.podAnnotations).toEqual({ 'k8s.v1.cni.cncf.io/networks': 'default/ib-rail0,default/ib-rail1' });
    expect(wiring.resourceRequests).toEqual({ 'rdma/ib': 1 });
    expect(wiring.capabilities).toEqual(['IPC_LOCK']);
    expect(wiring.envVars()).toEqual([
      { name: 'NCCL_IB_HCA', value: '=mlx5_0:1,mlx5_1:1' },
      { name: 'NCCL_SOCKET_IFNAME', value: '=eth0' },
    ]);
  });

  test('applied to a pod template: keeps what the container has and adds the rest', () => {
    const { chart, pool } = rdmaPool();
    const template: k8s.PodTemplateSpec = {
      metadata: { annotations: { keep: 'me' } },
      spec: {
        containers: [
          {
            name: 'vllm',
            env: [{ name: 'NCCL_SOCKET_IFNAME', value: 'net1' }],
            resources: { requests: { 'nvidia.com/gpu': k8s.Quantity.fromNumber(8) }, limits: { 'nvidia.com/gpu': k8s.Quantity.fromNumber(8) } },
            securityContext: { capabilities: { drop: ['ALL'] } },
          },
          { name: 'sidecar' },
        ],
      },
    };
    const wired = RdmaPodWiring.forPool(chart, pool).applyToPodTemplate(template, ['vllm']);
    expect(wired.metadata!.annotations).toEqual({ 'keep': 'me', 'k8s.v1.cni.cncf.io/networks': 'default/ib-rail0,default/ib-rail1' });
    const vllm = wired.spec!.containers[0];
    expect(Object.keys(vllm.resources!.requests!)).toEqual(['nvidia.com/gpu', 'rdma/ib']);
    expect(vllm.resources!.limits!['rdma/ib']).toEqual(k8s.Quantity.fromNumber(1));
    expect(vllm.securityContext!.capabilities).toEqual({ drop: ['ALL'], add: ['IPC_LOCK'] });
    expect(vllm.env).toEqual([{ name: 'NCCL_SOCKET_IFNAME', value: 'net1' }, { name: 'NCCL_IB_HCA', value: '=mlx5_0:1,mlx5_1:1' }]);
    expect(wired.spec!.containers[1]).toEqual({ name: 'sidecar' });
    expect(template.spec!.containers[0].env).toHaveLength(1); // the input is not modified
  });

  test('fails when the pool has no RDMA network', () => {
    const chart = testChart();
    const pool = new GpuNodePool(chart, 'H100', { poolName: 'h100', gpuModel: GpuModel.H100_SXM5_80GB, gpusPerNode: 8 });
    expect(() => RdmaPodWiring.forPool(chart, pool)).toThrow(
      'test: RDMA was requested on pool h100, which has no InfiniBand/RDMA network; give the pool an rdma attachment (e.g. InfinibandFabric.attachment) or run without RDMA',
    );
  });
});
