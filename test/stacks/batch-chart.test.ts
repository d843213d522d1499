import { App } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { GpuBatchJob } from '../../constructs/batch/batch-job';
import { TenantQueue } from '../../constructs/batch/kueue';
import { BatchChart } from '../../stacks/batch-chart';
import { cluster } from '../constructs/batch/fixtures';
import { objectsOf, synthChart } from '../util';

/** The batch fixtures' cluster chart (namespaces team-a, team-b, pools, flavors) and a queue serving both namespaces. */
function tenancy() {
  const c = cluster();
  const queue = new TenantQueue(c.chart, 'Queue', {
    queueName: 'team-a', namespaces: [c.teamA, c.teamB], computeFlavor: c.compute, cpuCores: 64, memoryGib: 512, gpuQuotas: [{ flavor: c.h200Gpu, nominal: 8 }],
  });
  return { ...c, queue, app: c.chart.node.root as App };
}

describe('BatchChart', () => {
  test('its jobs land in the tenant namespace, it emits no Namespace and applies after the namespace\'s chart', () => {
    const c = tenancy();
    const chart = new BatchChart(c.app, 'batch', { tenantNamespace: c.teamA });
    new GpuBatchJob(chart, 'Train', { jobName: 'train', queue: c.queue, tenantNamespace: c.teamA, flavor: c.h200Gpu, image: 'img' });
    new k8s.KubeConfigMap(chart, 'Config', { metadata: { name: 'cfg' } });
    expect(chart.node.validate()).toEqual([]);
    const objects = synthChart(chart);
    expect(objectsOf(objects, 'Namespace')).toEqual([]);
    expect(objects.map((o) => [o.kind, o.metadata.namespace])).toEqual([['Job', 'team-a'], ['ConfigMap', 'team-a']]);
    expect(chart.node.dependencies).toEqual([c.chart]);
    expect([chart.namespaceName, chart.tenantNamespace]).toEqual(['team-a', c.teamA]);
  });

  test('fails when a batch job in the chart runs in another namespace', () => {
    const c = tenancy();
    const chart = new BatchChart(c.app, 'batch', { tenantNamespace: c.teamA });
    new GpuBatchJob(chart, 'Train', { jobName: 'train', queue: c.queue, tenantNamespace: c.teamB, flavor: c.h200Gpu, image: 'img' });
    expect(chart.node.validate()).toEqual([
      'batch job train (batch/Train) runs in namespace team-b, but this chart is for namespace team-a; create the job in the batch chart of its namespace',
    ]);
  });

  test('fails when the tenant namespace belongs to another cdk8s app', () => {
    const c = tenancy();
    expect(() => new BatchChart(new App(), 'batch', { tenantNamespace: c.teamA })).toThrow(
      `batch: tenant namespace ${c.teamA.node.path} belongs to another cdk8s app (another cluster); give the namespace of a chart in this chart's app`,
    );
  });

});
