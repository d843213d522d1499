import { App, Chart, Testing } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { TenantNamespace } from '../../constructs/cluster/tenant-namespace';
import { ServingChart } from '../../stacks/serving-chart';
import { objectsOf, synthChart } from '../util';

function tenantNamespace(app: App = Testing.app()): TenantNamespace {
  const tenancy = new Chart(app, 'tenancy', { disableResourceNameHashes: true });
  return new TenantNamespace(tenancy, 'TeamA', { namespaceName: 'team-a', tenantName: 'acme', cpuCores: 16, memoryGib: 64 });
}

describe('ServingChart', () => {
  test('without a tenant namespace it renders its own Namespace', () => {
    const chart = new ServingChart(Testing.app(), 'serving', { namespaceName: 'llm' });
    new k8s.KubeConfigMap(chart, 'Config', { metadata: { name: 'cfg' } });
    const objects = synthChart(chart);
    expect(objectsOf(objects, 'Namespace')).toEqual([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'llm' } }]);
    expect(objectsOf(objects, 'ConfigMap')[0].metadata.namespace).toBe('llm');
  });

  test('given the tenant namespace it emits no Namespace, its objects land in it and it applies after it', () => {
    const ns = tenantNamespace();
    const chart = new ServingChart(ns.node.root as App, 'serving', { tenantNamespace: ns });
    new k8s.KubeConfigMap(chart, 'Config', { metadata: { name: 'cfg' } });
    const objects = synthChart(chart);
    expect(objectsOf(objects, 'Namespace')).toEqual([]);
    expect(objects.map((o) => o.metadata.namespace)).toEqual(['team-a']);
    expect(chart.namespaceName).toBe('team-a');
    expect(chart.tenantNamespace).toBe(ns);
    expect(chart.node.dependencies).toEqual([Chart.of(ns)]);
    // the one Namespace object is the tenant's, with its labels
    expect(objectsOf(synthChart(Chart.of(ns)), 'Namespace')).toEqual([{
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'team-a', labels: { 'ai-factory.dev/tenant': 'acme', 'pod-security.kubernetes.io/enforce': 'baseline' } },
    }]);
  });

  test('a namespaceName equal to the tenant namespace is accepted', () => {
    const ns = tenantNamespace();
    expect(new ServingChart(ns.node.root as App, 'serving', { tenantNamespace: ns, namespaceName: 'team-a' }).namespaceName).toBe('team-a');
  });

  test('fails when neither namespaceName nor tenantNamespace is given', () => {
    expect(() => new ServingChart(Testing.app(), 'serving', {})).toThrow(
      "serving: a serving chart needs a namespace; give namespaceName, or tenantNamespace to reuse a tenant's namespace",
    );
  });

  test('fails when namespaceName differs from the tenant namespace', () => {
    const ns = tenantNamespace();
    expect(() => new ServingChart(ns.node.root as App, 'serving', { tenantNamespace: ns, namespaceName: 'llm' })).toThrow(
      'serving: namespaceName "llm" differs from the tenant namespace team-a; leave namespaceName out when you give tenantNamespace',
    );
  });

  test('fails when the namespace name is not a DNS label', () => {
    expect(() => new ServingChart(Testing.app(), 'serving', { namespaceName: 'LLM_models' })).toThrow(
      'serving: namespaceName "LLM_models" is not a DNS label (at most 63 lower-case letters, digits and dashes, starting and ending with a letter or digit); rename the namespace',
    );
  });

  test('fails when the tenant namespace belongs to another cdk8s app', () => {
    const ns = tenantNamespace();
    expect(() => new ServingChart(Testing.app(), 'serving', { tenantNamespace: ns })).toThrow(
      "serving: tenant namespace tenancy/TeamA belongs to another cdk8s app (another cluster); give the namespace of a chart in this chart's app",
    );
  });

  test('fails when it defines a namespace a tenant namespace of the same app defines already', () => {
    const ns = tenantNamespace();
    const serving = new ServingChart(ns.node.root as App, 'serving', { namespaceName: 'team-a' });
    expect(serving.node.findAll().flatMap((n) => n.node.validate())).toEqual([
      'namespace team-a is also defined by tenancy/TeamA/Resource; a namespace is defined once: give the chart tenantNamespace to reuse it',
    ]);
  });
});
