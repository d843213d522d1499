import { InfinibandFabric, NetworkOperatorRelease, RailIpam } from '../../../constructs/accelerators/infiniband-fabric';
import { objectsOf, onlyObject, synthChart, testChart } from '../../util';

const rails = (n: number) => Array.from({ length: n }, (_, i) => ({ interfaceName: `ibp${i}s0`, hcaName: `mlx5_${i}` }));

describe('InfinibandFabric', () => {
  test('NicClusterPolicy: DOCA driver, RDMA shared device plugin over every rail, Multus, CNI plugins and IPoIB CNI', () => {
    const chart = testChart();
    new InfinibandFabric(chart, 'Ib', { fabricName: 'h200-ib', rails: rails(2) });
    const policy = onlyObject(synthChart(chart), 'NicClusterPolicy');
    expect(policy.apiVersion).toBe('mellanox.com/v1alpha1');
    expect(policy.metadata).toEqual({ name: 'nic-cluster-policy' });
    // Mellanox/network-operator v26.1.2 hack/release.yaml (Mofed, Multus, CniPlugins, Ipoib, nvIpam)
    expect(policy.spec.ofedDriver).toMatchObject({ repository: 'nvcr.io/nvidia/mellanox', image: 'doca-driver', version: 'doca3.3.0-26.01-1.0.0.0-0' });
    expect(JSON.parse(policy.spec.rdmaSharedDevicePlugin.config)).toEqual({
      configList: [{ resourceName: 'h200_ib', rdmaHcaMax: 63, selectors: { ifNames: ['ibp0s0', 'ibp1s0'] } }],
    });
    expect(policy.spec.secondaryNetwork).toEqual({
      cniPlugins: { repository: 'nvcr.io/nvidia/mellanox', image: 'plugins', version: 'network-operator-v26.1.2' },
      multus: { repository: 'nvcr.io/nvidia/mellanox', image: 'multus-cni', version: 'network-operator-v26.1.2' },
      ipoib: { repository: 'nvcr.io/nvidia/mellanox', image: 'ipoib-cni', version: 'network-operator-v26.1.2' },
    });
    expect(policy.spec.nvIpam).toBeUndefined();
  });

  test('each release names the images of its own tag (no component left at another release)', () => {
    const cases: [NetworkOperatorRelease, string, string][] = [
      [NetworkOperatorRelease.V26_1, 'v26.1.1', 'doca3.3.0-26.01-1.0.0.0-4'],
      [NetworkOperatorRelease.V26_1_2, 'v26.1.2', 'doca3.3.0-26.01-1.0.0.0-0'],
      [NetworkOperatorRelease.V26_4_1, 'v26.4.1', 'doca3.4.1-26.04-1.1.0.0-1'],
    ];
    for (const [release, version, doca] of cases) {
      const chart = testChart();
      new InfinibandFabric(chart, 'Ib', { fabricName: 'ib', rails: rails(1), ipam: RailIpam.nvIpam(), release });
      const spec = onlyObject(synthChart(chart), 'NicClusterPolicy').spec;
      expect(release.props.operatorVersion).toBe(version);
      expect(spec.ofedDriver.version).toBe(doca);
      const components = [spec.rdmaSharedDevicePlugin, spec.nvIpam, ...Object.values(spec.secondaryNetwork)];
      expect(components.map((c: any) => c.version)).toEqual(components.map(() => `network-operator-${version}`));
    }
  });

  test('one IPoIB NetworkAttachmentDefinition per rail with its own whereabouts subnet', () => {
    const chart = testChart();
    const fabric = new InfinibandFabric(chart, 'Ib', { fabricName: 'ib', rails: rails(8), ipam: RailIpam.whereabouts('10.200.0.0/16') });
    const nads = objectsOf(synthChart(chart), 'NetworkAttachmentDefinition');
    expect(nads).toHaveLength(8);
    expect(nads[3].metadata).toEqual({ name: 'ib-rail3', namespace: 'default' });
    expect(JSON.parse(nads[3].spec.config)).toEqual({
      cniVersion: '0.3.1', name: 'ib-rail3', type: 'ipoib', master: 'ibp3s0', ipam: { type: 'whereabouts', range: '10.200.96.0/19' },
    });
    expect(fabric.attachment).toEqual({
      networkNames: Array.from({ length: 8 }, (_, i) => `default/ib-rail${i}`),
      resourceName: 'rdma/ib',
      resourcesPerPod: 1,
      ncclEnvironment: {
        NCCL_IB_HCA: '=mlx5_0:1,mlx5_1:1,mlx5_2:1,mlx5_3:1,mlx5_4:1,mlx5_5:1,mlx5_6:1,mlx5_7:1',
        NCCL_SOCKET_IFNAME: '=eth0',
      },
    });
  });

  test('nv-ipam: pools named after the rails, nv-ipam deployed; host driver leaves the DOCA driver out', () => {
    const chart = testChart();
    new InfinibandFabric(chart, 'Ib', { fabricName: 'ib', rails: rails(1), ipam: RailIpam.nvIpam(), deployDriver: false, networkNamespace: 'fabric' });
    const out = synthChart(chart);
    const policy = onlyObject(out, 'NicClusterPolicy');
    expect(policy.spec.ofedDriver).toBeUndefined();
    expect(policy.spec.nvIpam).toEqual({ repository: 'nvcr.io/nvidia/mellanox', image: 'nvidia-k8s-ipam', version: 'network-operator-v26.1.2', enableWebhook: false });
    const nad = onlyObject(out, 'NetworkAttachmentDefinition');
    expect(nad.metadata.namespace).toBe('fabric');
    expect(JSON.parse(nad.spec.config).ipam).toEqual({ type: 'nv-ipam', poolName: 'ib-rail0' });
  });

  test('fails when two rails share an HCA', () => {
    expect(() => new InfinibandFabric(testChart(), 'Ib', {
      fabricName: 'ib', rails: [{ interfaceName: 'ib0', hcaName: 'mlx5_0' }, { interfaceName: 'ib1', hcaName: 'mlx5_0' }],
    })).toThrow('test/Ib: mlx5_0 appears in two rails; every rail has its own interface and HCA');
  });

  test('fails when there are no rails', () => {
    expect(() => new InfinibandFabric(testChart(), 'Ib', { fabricName: 'ib', rails: [] })).toThrow('test/Ib: an InfiniBand fabric needs at least one rail');
  });

  test('fails when the IPoIB CIDR is too small for the rails', () => {
    expect(() => new InfinibandFabric(testChart(), 'Ib', { fabricName: 'ib', rails: rails(8), ipam: RailIpam.whereabouts('10.0.0.0/28') })).toThrow(
      'test/Ib: CIDR 10.0.0.0/28 is too small for 8 subnets of at least 4 addresses; use a shorter prefix',
    );
  });
});
