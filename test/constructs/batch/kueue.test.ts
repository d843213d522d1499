import { cluster } from './fixtures';
import { ComputeResourceFlavor, GpuResourceFlavor, KueueApi, QueueCohort, TenantQueue } from '../../../constructs/batch/kueue';
import { TenantNamespace } from '../../../constructs/cluster/tenant-namespace';
import { objectsOf, onlyObject, synthChart, testChart } from '../../util';
import { h100Pool } from '../serving/pools';

describe('GpuResourceFlavor', () => {
  test('one ResourceFlavor per pool offer: node labels and tolerations from the pool, capacity from its size', () => {
    const c = cluster();
    expect([c.mig3g.flavorName, c.mig3g.resourceName, c.mig3g.capacity]).toEqual(['h100-mig-3g.40gb', 'nvidia.com/mig-3g.40gb', 16]);
    expect([c.h200Gpu.flavorName, c.h200Gpu.resourceName, c.h200Gpu.capacity]).toEqual(['h200-gpu', 'nvidia.com/gpu', 16]);
    const flavors = objectsOf(synthChart(c.chart), 'ResourceFlavor');
    expect(flavors.map((f) => f.metadata.name)).toEqual(['default-flavor', 'h100-mig-3g.40gb', 'h200-gpu']);
    expect(flavors[1]).toEqual({
      apiVersion: 'kueue.x-k8s.io/v1beta2',
      kind: 'ResourceFlavor',
      metadata: { name: 'h100-mig-3g.40gb', labels: { 'ai-factory.dev/gpu-pool': 'h100' } },
      spec: { nodeLabels: { 'ai-factory.dev/gpu-pool': 'h100' }, tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }] },
    });
    expect(flavors[0].metadata.namespace).toBeUndefined();
  });

  test('fails when the flavor names a MIG profile the pool does not offer', () => {
    const c = cluster();
    expect(() => new GpuResourceFlavor(c.chart, 'Mig1g', { pool: c.h100, migProfile: '1g.10gb' })).toThrow(
      'test/Mig1g: MIG profile 1g.10gb is not offered by pool h100; its MIG layout offers 2g.20gb or 3g.40gb',
    );
    expect(() => new GpuResourceFlavor(c.chart, 'Mig', { pool: c.h200, migProfile: '3g.71gb' })).toThrow(
      'test/Mig: MIG profile 3g.71gb is not offered by pool h200: its GPUs are not partitioned with MIG (it offers nvidia.com/gpu)',
    );
  });

  test('fails when a MIG-only pool gets a flavor without a profile', () => {
    const c = cluster();
    expect(() => new GpuResourceFlavor(c.chart, 'Any', { pool: c.h100 })).toThrow(
      'test/Any: pool h100 offers only MIG instances (2g.20gb or 3g.40gb); name one with migProfile',
    );
  });

  test('fails when two flavors stand for the same GPUs', () => {
    const c = cluster();
    expect(() => new GpuResourceFlavor(c.chart, 'Again', { pool: c.h200, flavorName: 'again' })).toThrow(
      'test/Again: nvidia.com/gpu of pool h200 already has the flavor h200-gpu; quotas on two flavors for the same GPUs would double-count them, reuse that flavor',
    );
  });
});

describe('TenantQueue', () => {
  test('ClusterQueue in the cohort: CPU, memory and RDMA on the compute flavor, one resource group per GPU resource', () => {
    const c = cluster();
    new TenantQueue(c.chart, 'A', {
      queueName: 'team-a',
      namespaces: [c.teamA],
      cohort: c.cohort,
      computeFlavor: c.compute,
      cpuCores: 32,
      memoryGib: 256,
      gpuQuotas: [{ flavor: c.mig3g, nominal: 8, borrowingLimit: 4 }, { flavor: c.h200Gpu, nominal: 8 }],
    });
    const out = synthChart(c.chart);
    const cq = onlyObject(out, 'ClusterQueue');
    expect(cq.metadata).toEqual({ name: 'team-a' });
    expect(cq.spec).toEqual({
      cohortName: 'ai',
      namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['team-a'] }] },
      queueingStrategy: 'BestEffortFIFO',
      preemption: { reclaimWithinCohort: 'Any', withinClusterQueue: 'LowerPriority' },
      resourceGroups: [
        {
          coveredResources: ['cpu', 'memory', 'rdma/ib'],
          flavors: [{
            name: 'default-flavor',
            resources: [
              { name: 'cpu', nominalQuota: 32 }, { name: 'memory', nominalQuota: '256Gi' }, { name: 'rdma/ib', nominalQuota: 16 },
            ],
          }],
        },
        { coveredResources: ['nvidia.com/mig-3g.40gb'], flavors: [{ name: 'h100-mig-3g.40gb', resources: [{ name: 'nvidia.com/mig-3g.40gb', nominalQuota: 8, borrowingLimit: 4 }] }] },
        { coveredResources: ['nvidia.com/gpu'], flavors: [{ name: 'h200-gpu', resources: [{ name: 'nvidia.com/gpu', nominalQuota: 8 }] }] },
      ],
    });
    expect(onlyObject(out, 'LocalQueue')).toEqual({
      apiVersion: 'kueue.x-k8s.io/v1beta2',
      kind: 'LocalQueue',
      metadata: { name: 'team-a', namespace: 'team-a' },
      spec: { clusterQueue: 'team-a' },
    });
    expect(onlyObject(out, 'Cohort').metadata).toEqual({ name: 'ai' });
  });

  test('fails when the queues together exceed a pool offer', () => {
    const c = cluster();
    new TenantQueue(c.chart, 'A', { queueName: 'team-a', namespaces: [c.teamA], cohort: c.cohort, computeFlavor: c.compute, cpuCores: 1, memoryGib: 1, gpuQuotas: [{ flavor: c.mig3g, nominal: 12 }] });
    expect(() => new TenantQueue(c.chart, 'B', {
      queueName: 'team-b', namespaces: [c.teamB], cohort: c.cohort, computeFlavor: c.compute, cpuCores: 1, memoryGib: 1, gpuQuotas: [{ flavor: c.mig3g, nominal: 8 }],
    })).toThrow(
      'test/B: nominal quota 8 nvidia.com/mig-3g.40gb on flavor h100-mig-3g.40gb for queue team-b brings the total across queues to 20, more than the 16 pool h100 has ' +
        '(8 per node x 2 nodes); lower the quotas (queues borrow unused quota through their cohort) or grow the pool',
    );
  });

  test('fails when one queue alone exceeds the pool', () => {
    const c = cluster();
    expect(() => new TenantQueue(c.chart, 'A', {
      queueName: 'team-a', namespaces: [c.teamA], computeFlavor: c.compute, cpuCores: 1, memoryGib: 1, gpuQuotas: [{ flavor: c.h200Gpu, nominal: 17 }],
    })).toThrow('test/A: nominal quota 17 nvidia.com/gpu on flavor h200-gpu for queue team-a brings the total across queues to 17, more than the 16 pool h200 has');
  });

  test('fails when a borrowing limit has no cohort to borrow from', () => {
    const c = cluster();
    expect(() => new TenantQueue(c.chart, 'A', {
      queueName: 'team-a', namespaces: [c.teamA], computeFlavor: c.compute, cpuCores: 1, memoryGib: 1, gpuQuotas: [{ flavor: c.h200Gpu, nominal: 1, borrowingLimit: 2 }],
    })).toThrow('test/A: borrowingLimit on flavor h200-gpu needs a cohort to borrow from; set cohort or drop the limit');
  });

  test('fails when a queue has no namespace', () => {
    const c = cluster();
    expect(() => new TenantQueue(c.chart, 'A', { queueName: 'team-a', namespaces: [], computeFlavor: c.compute, cpuCores: 1, memoryGib: 1, gpuQuotas: [] })).toThrow(
      'test/A: a tenant queue needs at least one namespace to submit from',
    );
  });
});

describe('TenantQueue numbers', () => {
  const props = (c: ReturnType<typeof cluster>, over: object) => ({
    queueName: 'team-a', namespaces: [c.teamA], cohort: c.cohort, computeFlavor: c.compute, cpuCores: 1, memoryGib: 1, gpuQuotas: [{ flavor: c.h200Gpu, nominal: 1 }], ...over,
  });

  test('fractional CPU and memory quotas are plain decimals; zero is allowed', () => {
    const c = cluster();
    new TenantQueue(c.chart, 'A', props(c, { cpuCores: 0.5, memoryGib: 0 }));
    const resources = onlyObject(synthChart(c.chart), 'ClusterQueue').spec.resourceGroups[0].flavors[0].resources;
    expect(resources.slice(0, 2)).toEqual([{ name: 'cpu', nominalQuota: 0.5 }, { name: 'memory', nominalQuota: '0Gi' }]);
  });

  test.each([
    [{ cpuCores: Infinity }, 'cpuCores Infinity must be a finite number of at least 0 and below 2^53'],
    [{ cpuCores: -1 }, 'cpuCores -1 must be a finite number of at least 0 and below 2^53'],
    [{ cpuCores: 1e-9 }, 'cpuCores 1e-9 is finer than 1m, the smallest CPU amount Kubernetes takes; give at least 0.001'],
    [{ memoryGib: NaN }, 'memoryGib NaN must be a finite number of at least 0 and below 2^53'],
    [{ memoryGib: 5e-324 }, 'memoryGib 5e-324 is less than 0.001 GiB (about 1 MiB); give the size in GiB, e.g. 0.5 for 512 MiB'],
  ])('fails when %j', (bad, message) => {
    const c = cluster();
    expect(() => new TenantQueue(c.chart, 'A', props(c, bad))).toThrow(`test/A: ${message}`);
  });

  test('fails when a borrowing limit is more than the pool has', () => {
    const c = cluster();
    expect(() => new TenantQueue(c.chart, 'A', props(c, { gpuQuotas: [{ flavor: c.h200Gpu, nominal: 1, borrowingLimit: 1e300 }] }))).toThrow(
      'test/A: borrowingLimit 1e+300 on flavor h200-gpu must be a non-negative integer (at most 16, what pool h200 has)',
    );
  });
});

describe('existing Kueue objects', () => {
  test('a queue on existing flavors and cohort renders only its ClusterQueue and LocalQueues', () => {
    const c = cluster();
    const compute = ComputeResourceFlavor.fromFlavorName(c.chart, 'Default', 'default-flavor');
    const cohort = QueueCohort.fromCohortName(c.chart, 'Org', 'research');
    const mig2g = GpuResourceFlavor.fromFlavorName(c.chart, 'Mig2g', { flavorName: 'h100-2g', pool: c.h100, migProfile: '2g.20gb' });
    expect([mig2g.resourceName, mig2g.capacity, mig2g.offer.migProfile]).toEqual(['nvidia.com/mig-2g.20gb', 16, '2g.20gb']);
    new TenantQueue(c.chart, 'A', { queueName: 'team-a', namespaces: [c.teamA], cohort, computeFlavor: compute, cpuCores: 1, memoryGib: 1, gpuQuotas: [{ flavor: mig2g, nominal: 4 }] });
    const out = synthChart(c.chart);
    expect(objectsOf(out, 'ResourceFlavor').map((f) => f.metadata.name)).toEqual(['default-flavor', 'h100-mig-3g.40gb', 'h200-gpu']); // the fixture's own
    expect(objectsOf(out, 'Cohort').map((f) => f.metadata.name)).toEqual(['ai']);
    const cq = onlyObject(out, 'ClusterQueue').spec;
    expect(cq.cohortName).toBe('research');
    expect(cq.resourceGroups[1]).toEqual({ coveredResources: ['nvidia.com/mig-2g.20gb'], flavors: [{ name: 'h100-2g', resources: [{ name: 'nvidia.com/mig-2g.20gb', nominalQuota: 4 }] }] });
  });

  test('fails when an existing flavor and a new one stand for the same GPUs', () => {
    const c = cluster();
    expect(() => GpuResourceFlavor.fromFlavorName(c.chart, 'Old', { flavorName: 'h200', pool: c.h200 })).toThrow(
      'test/Old: nvidia.com/gpu of pool h200 already has the flavor h200-gpu; quotas on two flavors for the same GPUs would double-count them, reuse that flavor',
    );
  });

  test('the quotas of an existing queue count against the pool', () => {
    const c = cluster();
    TenantQueue.fromQueueName(c.chart, 'Old', { queueName: 'legacy', namespaceNames: ['legacy'], gpuQuotas: [{ flavor: c.h200Gpu, nominal: 12 }] });
    expect(() => new TenantQueue(c.chart, 'A', {
      queueName: 'team-a', namespaces: [c.teamA], computeFlavor: c.compute, cpuCores: 1, memoryGib: 1, gpuQuotas: [{ flavor: c.h200Gpu, nominal: 8 }],
    })).toThrow('test/A: nominal quota 8 nvidia.com/gpu on flavor h200-gpu for queue team-a brings the total across queues to 20, more than the 16 pool h200 has');
  });

  test('fails when an existing object has an invalid name', () => {
    const c = cluster();
    expect(() => ComputeResourceFlavor.fromFlavorName(c.chart, 'F', 'Default Flavor')).toThrow('test/F: flavorName "Default Flavor" is not a DNS subdomain');
    expect(() => QueueCohort.fromCohortName(c.chart, 'C', '')).toThrow('test/C: cohortName "" is not a DNS subdomain');
    expect(() => GpuResourceFlavor.fromFlavorName(c.chart, 'G', { flavorName: 'H100', pool: c.h100, migProfile: '2g.20gb' })).toThrow('test/G: flavorName "H100" is not a DNS subdomain');
  });

  test('fails when an existing flavor and the queue are written for different Kueue APIs', () => {
    const c = cluster();
    const compute = ComputeResourceFlavor.fromFlavorName(c.chart, 'Old', 'default-flavor', KueueApi.V1BETA1);
    expect(() => new TenantQueue(c.chart, 'A', { queueName: 'team-a', namespaces: [c.teamA], computeFlavor: compute, cpuCores: 1, memoryGib: 1, gpuQuotas: [] })).toThrow(
      'test/A: flavor default-flavor is written as kueue.x-k8s.io/v1beta1 but the queue as kueue.x-k8s.io/v1beta2',
    );
  });
});

describe('KueueApi', () => {
  function queues(api?: KueueApi) {
    const chart = testChart();
    const pool = h100Pool(chart);
    const ns = new TenantNamespace(chart, 'Ns', { namespaceName: 'team-a', cpuCores: 8, memoryGib: 64 });
    const compute = new ComputeResourceFlavor(chart, 'Compute', { kueueApi: api });
    const gpu = new GpuResourceFlavor(chart, 'Gpu', { pool, kueueApi: api });
    const cohort = new QueueCohort(chart, 'Cohort', { cohortName: 'ai', kueueApi: api });
    new TenantQueue(chart, 'Q', {
      queueName: 'team-a',
      namespaces: [ns],
      computeFlavor: compute,
      cpuCores: 8,
      memoryGib: 64,
      gpuQuotas: [{ flavor: gpu, nominal: 1 }],
      cohort,
      kueueApi: api,
    });
    return synthChart(chart).filter((o) => o.apiVersion.startsWith('kueue.x-k8s.io/'));
  }

  test('v1beta2 by default (Kueue v0.15.0 or later): the ClusterQueue names its cohort in cohortName', () => {
    const out = queues();
    expect(new Set(out.map((o) => o.apiVersion))).toEqual(new Set(['kueue.x-k8s.io/v1beta2']));
    expect(out.map((o) => o.kind).sort()).toEqual(['ClusterQueue', 'Cohort', 'LocalQueue', 'ResourceFlavor', 'ResourceFlavor']);
    const cq = out.find((o) => o.kind === 'ClusterQueue');
    expect(cq.spec.cohortName).toBe('ai');
    expect(cq.spec.cohort).toBeUndefined();
    expect(KueueApi.V1BETA2.minimumKueueVersion).toBe('v0.15.0');
  });

  test('v1beta1 for Kueue v0.13 and v0.14: every object in v1beta1, the cohort in spec.cohort', () => {
    const v2 = queues();
    const v1 = queues(KueueApi.V1BETA1);
    expect(new Set(v1.map((o) => o.apiVersion))).toEqual(new Set(['kueue.x-k8s.io/v1beta1']));
    const cq = v1.find((o) => o.kind === 'ClusterQueue');
    expect(cq.spec.cohort).toBe('ai');
    expect(cq.spec.cohortName).toBeUndefined();
    // nothing else differs between the two shapes
    const { cohortName, ...v2Spec } = v2.find((o) => o.kind === 'ClusterQueue').spec;
    const { cohort, ...v1Spec } = cq.spec;
    expect([cohort, v1Spec]).toEqual([cohortName, v2Spec]);
    expect(v1.map((o) => ({ ...o, apiVersion: undefined })).filter((o) => o.kind !== 'ClusterQueue'))
      .toEqual(v2.map((o) => ({ ...o, apiVersion: undefined })).filter((o) => o.kind !== 'ClusterQueue'));
  });

  test('fails when a queue and its flavors or cohort are written for different Kueue APIs', () => {
    const chart = testChart();
    const ns = new TenantNamespace(chart, 'Ns', { namespaceName: 'team-a', cpuCores: 8, memoryGib: 64 });
    const compute = new ComputeResourceFlavor(chart, 'Compute', { kueueApi: KueueApi.V1BETA1 });
    expect(() => new TenantQueue(chart, 'Q', { queueName: 'team-a', namespaces: [ns], computeFlavor: compute, cpuCores: 1, memoryGib: 1, gpuQuotas: [] })).toThrow(
      'test/Q: flavor default-flavor is written as kueue.x-k8s.io/v1beta1 but the queue as kueue.x-k8s.io/v1beta2; a cluster serves one Kueue release, give every Kueue construct the same kueueApi');
  });
});
