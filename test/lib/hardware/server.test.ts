import { GpuModel } from '../../../lib/hardware/gpu';
import { NetworkAdapterKind, ServerProfile } from '../../../lib/hardware/server';

describe('ServerProfile', () => {
  test('HGX H200: GPUs spread over two NUMA nodes, each with four GPUs and four NDR HCAs, one BlueField-3 each', () => {
    const hgx = ServerProfile.HGX_H200_8GPU;
    expect(hgx.numaNodes.map((n) => [n.id, n.socket, n.cores, n.threads, n.memoryGib, n.gpus])).toEqual([
      [0, 0, 56, 112, 1024, 4],
      [1, 1, 56, 112, 1024, 4],
    ]);
    expect(hgx.gpuModel).toBe(GpuModel.H200_SXM_141GB);
    const ib = hgx.adaptersOfKind(NetworkAdapterKind.INFINIBAND);
    expect(ib.map((a) => `${a.name}@${a.numaNode}:${a.portSpeedGbps}`)).toEqual([
      'ib0@0:400', 'ib1@0:400', 'ib2@0:400', 'ib3@0:400', 'ib4@1:400', 'ib5@1:400', 'ib6@1:400', 'ib7@1:400',
    ]);
    expect(hgx.adaptersOfKind(NetworkAdapterKind.DPU).map((a) => `${a.name}@${a.numaNode}`)).toEqual(['bf3-0@0', 'bf3-1@1']);
    expect(hgx.nvme).toEqual({ count: 8, sizeGb: 3840, numaNodes: [0, 0, 0, 0, 1, 1, 1, 1] });
    expect(hgx.totalThreads).toBe(224);
    expect(hgx.ethernetPorts).toEqual(['lom0/0', 'bf3-0/0', 'bf3-0/1', 'bf3-1/0', 'bf3-1/1']);
  });

  test('L40S + BlueField-3: GPUs and DPU concentrated on NUMA node 0', () => {
    const l40s = ServerProfile.L40S_4GPU_BF3;
    expect(l40s.numaNodes.map((n) => n.gpus)).toEqual([4, 0]);
    expect(l40s.adaptersOfKind(NetworkAdapterKind.DPU)).toEqual([
      { name: 'bf3-0', kind: NetworkAdapterKind.DPU, numaNode: 0, ports: 2, portSpeedGbps: 200, model: 'BlueField-3', pciId: '15b3:a2dc' },
    ]);
    expect(l40s.gpusOnNumaNode(1)).toBe(0);
  });

  test('sub-NUMA clustering splits cores and memory evenly', () => {
    const snc = new ServerProfile({ name: 'snc', displayName: 'SNC2', sockets: 2, numaNodesPerSocket: 2, coresPerSocket: 48, memoryGib: 1024 });
    expect(snc.numaNodes.map((n) => [n.socket, n.cores, n.memoryGib])).toEqual([
      [0, 24, 256],
      [0, 24, 256],
      [1, 24, 256],
      [1, 24, 256],
    ]);
  });

  test('fails when a GPU sits on a NUMA node the profile does not have', () => {
    expect(
      () => new ServerProfile({ name: 'x', displayName: 'x', sockets: 1, coresPerSocket: 8, memoryGib: 64, gpus: { model: GpuModel.L40S_48GB, numaNodes: [1] } }),
    ).toThrow('server profile x: GPU NUMA node 1 does not exist (the profile has NUMA nodes 0..0)');
  });

  test('fails when two adapters share a name', () => {
    const nic = { name: 'eth', kind: NetworkAdapterKind.ETHERNET, numaNode: 0, ports: 1, portSpeedGbps: 25, model: 'x' };
    expect(() => new ServerProfile({ name: 'x', displayName: 'x', sockets: 1, coresPerSocket: 8, memoryGib: 64, networkAdapters: [nic, nic] })).toThrow(
      'server profile x: network adapter name eth is used twice',
    );
  });
});
