import { App, Chart, Testing as K8sTesting } from 'cdk8s';
import { Testing } from 'cdktf';
import { GpuNodePool } from '../../constructs/accelerators/gpu-node-pool';
import { ComputeResourceFlavor, GpuResourceFlavor } from '../../constructs/batch/kueue';
import { GpuModel } from '../../lib/hardware/gpu';
import { FactoryTenant } from '../../stacks/factory-tenant';
import { ServingChart } from '../../stacks/serving-chart';
import { Tenant } from '../../stacks/tenant';
import { objectsOf, onlyObject, synthChart, testStack } from '../util';

const project = { projectScope: { cloud: 'acme', userName: 'svc-acme' } };

function cluster(app: App = K8sTesting.app()) {
  const chart = new Chart(app, 'tenancy', { disableResourceNameHashes: true });
  const pool = new GpuNodePool(chart, 'H200', { poolName: 'h200', gpuModel: GpuModel.H200_SXM_141GB, gpusPerNode: 8, nodeCount: 2 });
  return { app, chart, pool, compute: new ComputeResourceFlavor(chart, 'Compute'), h200: new GpuResourceFlavor(chart, 'H200Gpu', { pool }) };
}

describe('FactoryTenant', () => {
  test('is a Tenant with the same Terraform output, so a Tenant that becomes one keeps its addresses', () => {
    const a = testStack();
    new Tenant(a, 'Acme', { projectName: 'Acme-Research', ...project });
    const b = testStack();
    const t = new FactoryTenant(b, 'Acme', { projectName: 'Acme-Research', ...project });
    expect(Testing.synth(b)).toEqual(Testing.synth(a));
    expect(t.tenantName).toBe('acme-research');
  });

  test('addNamespace labels the namespace with the tenant and serving charts reuse it', () => {
    const t = new FactoryTenant(testStack(), 'Acme', { projectName: 'acme', ...project });
    const c = cluster();
    const ns = t.addNamespace(c.chart, { namespaceName: 'acme-llm', cpuCores: 32, memoryGib: 256, gpuLimits: [{ pool: c.pool, count: 8 }] });
    expect(ns.node.path).toBe('tenancy/acme-llm');
    expect([ns.tenantName, t.namespaces]).toEqual(['acme', [ns]]);
    expect(onlyObject(synthChart(c.chart), 'Namespace').metadata).toEqual({
      name: 'acme-llm',
      labels: { 'ai-factory.dev/tenant': 'acme', 'pod-security.kubernetes.io/enforce': 'baseline' },
    });
    const serving = new ServingChart(c.app, 'serving', { tenantNamespace: ns });
    expect(objectsOf(synthChart(serving), 'Namespace')).toEqual([]);
  });

  test('addQueue: a queue named after the tenant with a LocalQueue in each of its namespaces on that cluster', () => {
    const t = new FactoryTenant(testStack(), 'Acme', { projectName: 'acme', ...project });
    const c = cluster();
    t.addNamespace(c.chart, { namespaceName: 'acme-train', cpuCores: 32, memoryGib: 256 });
    t.addNamespace(c.chart, { namespaceName: 'acme-eval', cpuCores: 8, memoryGib: 64 });
    // a namespace on another cluster is not part of this cluster's queue
    t.addNamespace(cluster().chart, { namespaceName: 'acme-train', cpuCores: 8, memoryGib: 64 });
    const q = t.addQueue(c.chart, 'Queue', { computeFlavor: c.compute, cpuCores: 40, memoryGib: 320, gpuQuotas: [{ flavor: c.h200, nominal: 8 }] });
    expect([q.queueName, q.namespaceNames]).toEqual(['acme', ['acme-train', 'acme-eval']]);
    const objects = synthChart(c.chart);
    expect(onlyObject(objects, 'ClusterQueue').spec.namespaceSelector).toEqual({
      matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['acme-train', 'acme-eval'] }],
    });
    expect(objectsOf(objects, 'LocalQueue').map((l) => [l.metadata.namespace, l.spec.clusterQueue])).toEqual([['acme-train', 'acme'], ['acme-eval', 'acme']]);
  });

  test('fails when the derived tenant name is empty', () => {
    expect(() => new FactoryTenant(testStack(), 'T', { projectName: '__', ...project })).toThrow(
      'test/T: the tenant name "" derived from project name "__" is not a DNS label (1 to 63 lower-case letters, digits and dashes, starting and ending with a letter or digit); give tenantName',
    );
  });

  test('fails when tenantName is not a DNS label', () => {
    expect(() => new FactoryTenant(testStack(), 'T', { projectName: 'acme', tenantName: 'Acme Corp', ...project })).toThrow(
      'test/T: tenantName "Acme Corp" is not a DNS label (1 to 63 lower-case letters, digits and dashes, starting and ending with a letter or digit); give tenantName',
    );
  });

  test('fails when a namespace is added outside a chart', () => {
    const t = new FactoryTenant(testStack(), 'T', { projectName: 'acme', ...project });
    expect(() => t.addNamespace(K8sTesting.app(), { namespaceName: 'acme', cpuCores: 1, memoryGib: 1 })).toThrow(
      "test/T: namespace acme must be added to a cdk8s chart, not to the app root; pass a Chart of the cluster's cdk8s app",
    );
  });

  test('fails when the namespace name is not a DNS label', () => {
    const t = new FactoryTenant(testStack(), 'T', { projectName: 'acme', ...project });
    expect(() => t.addNamespace(cluster().chart, { namespaceName: 'acme/llm', cpuCores: 1, memoryGib: 1 })).toThrow(
      'test/T: namespaceName "acme/llm" is not a DNS label (1 to 63 lower-case letters, digits and dashes, starting and ending with a letter or digit); rename the namespace',
    );
  });

  test('fails when the namespace names another tenant', () => {
    const t = new FactoryTenant(testStack(), 'T', { projectName: 'acme', ...project });
    expect(() => t.addNamespace(cluster().chart, { namespaceName: 'acme', tenantName: 'globex', cpuCores: 1, memoryGib: 1 })).toThrow(
      'test/T: namespace acme names tenant globex; the namespaces of tenant acme carry its name, leave tenantName out',
    );
  });

  test('fails when two tenants define the same namespace on one cluster', () => {
    const stack = testStack();
    const a = new FactoryTenant(stack, 'A', { projectName: 'acme', ...project });
    const b = new FactoryTenant(stack, 'B', { projectName: 'globex', projectScope: { cloud: 'globex', userName: 'svc-globex' } });
    const c = cluster();
    a.addNamespace(c.chart, { namespaceName: 'shared', cpuCores: 1, memoryGib: 1 });
    const other = new Chart(c.app, 'other');
    expect(() => b.addNamespace(other, { namespaceName: 'shared', cpuCores: 1, memoryGib: 1 })).toThrow(
      'test/B: namespace shared is already defined in this cluster\'s app by tenancy/shared; a namespace is defined once, reuse it or pick another name',
    );
  });

  test('fails when a queue names a namespace of another tenant', () => {
    const stack = testStack();
    const a = new FactoryTenant(stack, 'A', { projectName: 'acme', ...project });
    const b = new FactoryTenant(stack, 'B', { projectName: 'globex', projectScope: { cloud: 'globex', userName: 'svc-globex' } });
    const c = cluster();
    a.addNamespace(c.chart, { namespaceName: 'acme', cpuCores: 1, memoryGib: 1 });
    const theirs = b.addNamespace(c.chart, { namespaceName: 'globex', cpuCores: 1, memoryGib: 1 });
    expect(() => a.addQueue(c.chart, 'Q', { namespaces: [theirs], computeFlavor: c.compute, cpuCores: 1, memoryGib: 1 })).toThrow(
      'test/A: queue Q names namespace globex of tenant globex; a tenant\'s queue serves only its own namespaces (acme)',
    );
  });

  test('fails when a queue names a namespace on another cluster', () => {
    const a = new FactoryTenant(testStack(), 'A', { projectName: 'acme', ...project });
    const c = cluster();
    const elsewhere = a.addNamespace(cluster().chart, { namespaceName: 'acme', cpuCores: 1, memoryGib: 1 });
    expect(() => a.addQueue(c.chart, 'Q', { namespaces: [elsewhere], computeFlavor: c.compute, cpuCores: 1, memoryGib: 1 })).toThrow(
      'test/A: queue Q names namespace acme, which is on another cluster (another cdk8s app); create the queue on the namespace\'s cluster',
    );
  });

  test('fails when the tenant has no namespace on the queue\'s cluster', () => {
    const a = new FactoryTenant(testStack(), 'A', { projectName: 'acme', ...project });
    a.addNamespace(cluster().chart, { namespaceName: 'acme', cpuCores: 1, memoryGib: 1 });
    const c = cluster();
    expect(() => a.addQueue(c.chart, 'Q', { computeFlavor: c.compute, cpuCores: 1, memoryGib: 1 })).toThrow(
      'test/A: queue Q has no namespace of tenant acme on its cluster to submit from; add one first with addNamespace(chart, ...)',
    );
  });
});
