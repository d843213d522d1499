import { GpuNodePool, GpuPartitioning, MigLayout } from '../../../constructs/accelerators/gpu-node-pool';
import { InfinibandFabric } from '../../../constructs/accelerators/infiniband-fabric';
import { PodSecurityLevel, TenantNamespace } from '../../../constructs/cluster/tenant-namespace';
import { GpuModel } from '../../../lib/hardware/gpu';
import { objectsOf, onlyObject, stdoutOf, synthChart, testChart } from '../../util';

function pools() {
  const chart = testChart('ignored');
  const mig = new GpuNodePool(chart, 'H100', {
    poolName: 'h100',
    gpuModel: GpuModel.H100_SXM5_80GB,
    gpusPerNode: 8,
    nodeCount: 2,
    partitioning: GpuPartitioning.mig(MigLayout.uniform('h100-mixed', [{ profile: '3g.40gb', count: 1 }, { profile: '2g.20gb', count: 1 }])),
  });
  const whole = new GpuNodePool(chart, 'H200', { poolName: 'h200', gpuModel: GpuModel.H200_SXM_141GB, gpusPerNode: 8, nodeCount: 4 });
  return { chart, mig, whole };
}

describe('TenantNamespace', () => {
  test('namespace with tenant label and Pod Security level, quota, defaults and default-deny policies', () => {
    const { chart, mig, whole } = pools();
    new TenantNamespace(chart, 'A', {
      namespaceName: 'team-a',
      tenantName: 'acme',
      cpuCores: 64,
      memoryGib: 512,
      maxPods: 200,
      storageGib: 1000,
      gpuLimits: [{ pool: mig, migProfile: '3g.40gb', count: 4 }, { pool: whole, count: 16 }],
      allowIngressFromNamespaces: ['ai-gateway'],
    });
    const out = synthChart(chart);
    expect(onlyObject(out, 'Namespace').metadata).toEqual({
      name: 'team-a', labels: { 'ai-factory.dev/tenant': 'acme', 'pod-security.kubernetes.io/enforce': 'baseline' },
    });
    const quota = onlyObject(out, 'ResourceQuota');
    expect(quota.metadata).toEqual({ name: 'tenant-quota', namespace: 'team-a', labels: { 'ai-factory.dev/tenant': 'acme' } });
    expect(quota.spec.hard).toEqual({
      'requests.cpu': '64',
      'requests.memory': '512Gi',
      'limits.memory': '512Gi',
      'pods': '200',
      'requests.storage': '1000Gi',
      'requests.nvidia.com/mig-3g.40gb': '4',
      'requests.nvidia.com/gpu': '16',
      'requests.nvidia.com/mig-2g.20gb': '0',
    });
    expect(onlyObject(out, 'LimitRange').spec.limits).toEqual([{ type: 'Container', defaultRequest: { cpu: '500m', memory: '1Gi' }, default: { memory: '1Gi' } }]);
    const policies = objectsOf(out, 'NetworkPolicy');
    expect(policies.map((p) => p.metadata.name)).toEqual(['default-deny', 'allow-same-namespace', 'allow-dns', 'allow-ingress-from-namespaces']);
    expect(policies[0].spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    expect(policies[2].spec.egress[0].ports).toEqual([{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }]);
    expect(policies[3].spec.ingress).toEqual([{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ai-gateway' } } }] }]);
  });

  test('without GPU limits the namespace may request no GPUs; RDMA tenants run privileged', () => {
    const { chart } = pools();
    new TenantNamespace(chart, 'B', { namespaceName: 'team-b', cpuCores: 8, memoryGib: 32, podSecurity: PodSecurityLevel.PRIVILEGED, allowDns: false });
    const out = synthChart(chart);
    expect(onlyObject(out, 'ResourceQuota').spec.hard['requests.nvidia.com/gpu']).toBe('0');
    expect(onlyObject(out, 'Namespace').metadata.labels['pod-security.kubernetes.io/enforce']).toBe('privileged');
    expect(objectsOf(out, 'NetworkPolicy').map((p) => p.metadata.name)).toEqual(['default-deny', 'allow-same-namespace']);
  });

  test('fails when a GPU limit exceeds the pool', () => {
    const { chart, mig } = pools();
    expect(() => new TenantNamespace(chart, 'A', { namespaceName: 'a', cpuCores: 1, memoryGib: 1, gpuLimits: [{ pool: mig, migProfile: '3g.40gb', count: 17 }] })).toThrow(
      'test/A: GPU limit 17 nvidia.com/mig-3g.40gb exceeds the 16 pool h100 has (8 per node x 2 nodes); lower it or grow the pool',
    );
  });

  test('fails when a GPU limit names a MIG profile the pool does not offer', () => {
    const { chart, mig } = pools();
    expect(() => new TenantNamespace(chart, 'A', { namespaceName: 'a', cpuCores: 1, memoryGib: 1, gpuLimits: [{ pool: mig, migProfile: '7g.80gb', count: 1 }] })).toThrow(
      'test/A: MIG profile 7g.80gb is not offered by pool h100; its MIG layout offers 2g.20gb or 3g.40gb',
    );
  });

  test('fails when memory, CPU or a cap is not a finite number (no InfinityGi in the ResourceQuota)', () => {
    expect(() => new TenantNamespace(testChart(), 'A', { namespaceName: 'a', cpuCores: 1, memoryGib: Infinity })).toThrow(
      'test/A: memoryGib Infinity must be a finite number above 0 and below 2^53');
    expect(() => new TenantNamespace(testChart(), 'A', { namespaceName: 'a', cpuCores: NaN, memoryGib: 1 })).toThrow(
      'test/A: cpuCores NaN must be a finite number above 0 and below 2^53');
    expect(() => new TenantNamespace(testChart(), 'A', { namespaceName: 'a', cpuCores: 1, memoryGib: 1, maxPods: 2.5 })).toThrow(
      'test/A: maxPods 2.5 must be a whole number of at least 0 and below 2^53');
    expect(() => new TenantNamespace(testChart(), 'A', { namespaceName: 'a', cpuCores: 1, memoryGib: 1, storageGib: Infinity })).toThrow(
      'test/A: storageGib Infinity must be a finite number of at least 0 and below 2^53');
  });

  test('fails when a LimitRange default is not a Kubernetes quantity', () => {
    expect(() => new TenantNamespace(testChart(), 'A', { namespaceName: 'a', cpuCores: 1, memoryGib: 1, defaultMemory: '1GB' })).toThrow(
      'test/A: defaultMemory "1GB" is not a Kubernetes quantity; use a number with an optional suffix such as 2, 500m, 512Mi or 1Gi '
      + '(binary suffixes Ki to Ei, decimal k, M, G; no K, no B, no spaces)');
    expect(() => new TenantNamespace(testChart(), 'A', { namespaceName: 'a', cpuCores: 1, memoryGib: 1, defaultCpuRequest: '0.5 cores' })).toThrow(
      'test/A: defaultCpuRequest "0.5 cores" is not a Kubernetes quantity');
  });

  test('fails when the namespace name is not a DNS label', () => {
    expect(() => new TenantNamespace(testChart(), 'A', { namespaceName: 'Team_A', cpuCores: 1, memoryGib: 1 })).toThrow(
      'test/A: namespaceName "Team_A" is not a DNS label; use lower-case letters, digits and dashes',
    );
  });
});

describe('TenantNamespace on a shared InfiniBand fabric', () => {
  function fabricChart() {
    const chart = testChart();
    const fabric = new InfinibandFabric(chart, 'Ib', { fabricName: 'ib', rails: [{ interfaceName: 'ib0', hcaName: 'mlx5_0' }] });
    const onIb = new GpuNodePool(chart, 'H200', { poolName: 'h200', gpuModel: GpuModel.H200_SXM_141GB, gpusPerNode: 8, nodeCount: 2, rdma: fabric.attachment });
    const plain = new GpuNodePool(chart, 'L40s', { poolName: 'l40s', gpuModel: GpuModel.L40S_48GB, gpusPerNode: 4, nodeCount: 2 });
    return { chart, onIb, plain };
  }

  test('two tenants with GPUs on one fabric get a warning on the console during synth: InfiniBand does not isolate them', () => {
    const { chart, onIb } = fabricChart();
    new TenantNamespace(chart, 'A', { namespaceName: 'team-a', cpuCores: 8, memoryGib: 64, gpuLimits: [{ pool: onIb, count: 8 }] });
    new TenantNamespace(chart, 'A2', { namespaceName: 'team-a-dev', tenantName: 'team-a', cpuCores: 8, memoryGib: 64, gpuLimits: [{ pool: onIb, count: 8 }] });
    new TenantNamespace(chart, 'B', { namespaceName: 'team-b', cpuCores: 8, memoryGib: 64, gpuLimits: [{ pool: onIb, count: 8 }] });
    expect(stdoutOf(() => synthChart(chart))).toEqual([
      'WARN [test/B]: tenants team-a (namespace team-a) and team-b both get GPUs on InfiniBand fabric rdma/ib (pool h200): its IPoIB rails and ' +
        'RDMA devices share the default partition, so their pods can reach each other over InfiniBand (NetworkPolicies do not apply there); ' +
        'give each tenant nodes of its own in its own partition (pkey) set by the subnet manager, or SR-IOV VFs with ib-kubernetes',
    ]);
  });

  test('no warning for one tenant on the fabric, or a second tenant on a pool without InfiniBand', () => {
    const { chart, onIb, plain } = fabricChart();
    new TenantNamespace(chart, 'A', { namespaceName: 'team-a', cpuCores: 8, memoryGib: 64, gpuLimits: [{ pool: onIb, count: 8 }] });
    new TenantNamespace(chart, 'B', { namespaceName: 'team-b', cpuCores: 8, memoryGib: 64, gpuLimits: [{ pool: plain, count: 4 }, { pool: onIb, count: 0 }] });
    expect(stdoutOf(() => synthChart(chart))).toEqual([]);
  });
});
