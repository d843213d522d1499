import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { ITenantNamespace } from '../constructs/cluster/tenant-namespace';
import { invalid } from '../constructs/common/validation';

// Helpers of the workload charts (ServingChart, BatchChart); not jsii API, not in the barrel.

/**
 * Lets `chart` put its objects into a tenant's namespace defined by another chart of the same cdk8s app: the chart
 * then applies after the namespace's chart (its quota, limits and network policies exist before the workloads).
 */
export function useTenantNamespace(chart: Chart, namespace: ITenantNamespace): void {
  if (namespace.node.root !== chart.node.root) {
    invalid(chart, `tenant namespace ${namespace.node.path} belongs to another cdk8s app (another cluster); ` +
      'give the namespace of a chart in this chart\'s app');
  }
  const owner = Chart.of(namespace);
  if (owner === chart) {
    invalid(chart, `tenant namespace ${namespace.node.path} is inside this chart; a chart that defines its namespace needs no tenantNamespace`);
  }
  chart.addDependency(owner);
}

/**
 * Refuses, at synth, a second Namespace object of the same name in the cdk8s app of `namespace` (e.g. a tenant's
 * `TenantNamespace` and a chart that renders its own): the later `kubectl apply` would replace the first one's
 * labels, so the Pod Security level or the tenant label silently change.
 */
export function checkNamespaceDefinedOnce(namespace: ApiObject): void {
  namespace.node.addValidation({
    validate: () => {
      const others = namespace.node.root.node.findAll()
        .filter((c: IConstruct): c is ApiObject => c !== namespace && ApiObject.isApiObject(c) && c.kind === 'Namespace' && c.name === namespace.name);
      return others.map((o) =>
        `namespace ${namespace.name} is also defined by ${o.node.path}; a namespace is defined once: give the chart tenantNamespace to reuse it`);
    },
  });
}
