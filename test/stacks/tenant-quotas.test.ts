import { ClusterTemplate } from '../../constructs/cluster/cluster-template';
import { MagnumCluster } from '../../constructs/cluster/magnum-cluster';
import { TenantCloud } from '../../constructs/cluster/tenant-cloud';
import { BaremetalFlavor } from '../../constructs/compute/baremetal-flavor';
import { BaremetalNodePool } from '../../constructs/compute/baremetal-node-pool';
import { GpuFlavor } from '../../constructs/compute/gpu-flavor';
import { NovaUnifiedLimits } from '../../constructs/identity/nova-limits';
import { ServerProfile } from '../../lib/hardware/server';
import { cluster, h200Pool, magnumSite } from '../constructs/cluster/magnum-fixtures';
import { ironicStack } from '../constructs/compute/helpers';
import { synthValidated, tenant } from '../constructs/identity/fixtures';
import { onlyResource, resourcesOf, synthStack } from '../util';

const limitsOf = (tf: any) => Object.fromEntries(Object.values(resourcesOf(tf, 'openstack_identity_limit_v3')).map((l: any) => [l.resource_name, l.resource_limit]));

function bareMetal() {
  const stack = ironicStack();
  const pool = new BaremetalNodePool(stack, 'Pool', {
    poolName: 'hgx',
    server: ServerProfile.HGX_H200_8GPU,
    nodes: [{ nodeName: 'gpu-01', bmcAddress: '10.0.0.1', macAddresses: { 'lom0/0': '3c:ec:ef:00:00:01' } }],
  });
  return { stack, flavor: new BaremetalFlavor(stack, 'Bm', { pool }) };
}

describe('Tenant quotas count each Placement class as Nova does', () => {
  test('bare-metal servers claim only their resource class: no class:PCPU or class:MEMORY_MB for them', () => {
    const { stack, flavor } = bareMetal();
    tenant(stack, 'T', 't', {
      gpuServers: [{ flavor, count: 3 }],
      servers: [{ name: 'k8s-control', count: 3, vcpus: 4, ramMb: 8192 }],
      novaLimits: new NovaUnifiedLimits(stack, 'Nova'),
    });
    expect(limitsOf(synthStack(stack))).toEqual({
      'servers': 7,
      'class:VCPU': 14,
      'class:PCPU': 0,
      'class:MEMORY_MB': 27034,
      [`class:${flavor.gpuResourceClass}`]: 3,
    });
  });

  test('legacy quotas count the bare-metal flavor\'s vcpus and RAM (Nova counts the instances\' columns)', () => {
    const { stack, flavor } = bareMetal();
    tenant(stack, 'T', 't', { gpuServers: [{ flavor, count: 2 }], headroomPercent: 0 });
    expect(onlyResource(synthStack(stack), 'openstack_compute_quotaset_v2')).toMatchObject({
      instances: 2,
      cores: 2 * flavor.vcpus,
      ram: 2 * flavor.ramMb,
    });
  });

  test('the GPUs, cores and RAM of the tenant\'s Magnum node groups count into its limits', () => {
    const site = magnumSite();
    const nova = new NovaUnifiedLimits(site.stack, 'Nova');
    const t = tenant(site.stack, 'TeamA', 'team-a', { novaLimits: nova, headroomPercent: 0 });
    const credentials = new TenantCloud(site.stack, 'TeamACloud', { cloud: 'team-a-app', project: t });
    const c = cluster(site, { credentials, autoScaling: true });
    c.addNodeGroup('Gpu', { pool: h200Pool(site, { nodeCount: 2, maxNodeCount: 3 }), flavor: site.h200Vm });
    expect(limitsOf(synthValidated(site.stack))).toEqual({
      'servers': 3,
      'class:VCPU': 0,
      'class:PCPU': 3 * site.h200Vm.vcpus,
      'class:MEMORY_MB': 3 * site.h200Vm.ramMb,
      'class:CUSTOM_PCI_10DE_2335': 24,
    });
    expect(t.computeQuota.gpuLimits).toEqual([{ resourceClass: 'CUSTOM_PCI_10DE_2335', limitResourceName: 'class:CUSTOM_PCI_10DE_2335', used: 24, limit: 24 }]);
  });

  test('node groups added to a looked-up cluster, on a looked-up GPU flavor, count into the limits the same way', () => {
    const site = magnumSite();
    const t = tenant(site.stack, 'TeamA', 'team-a', { novaLimits: new NovaUnifiedLimits(site.stack, 'Nova'), headroomPercent: 0 });
    const credentials = new TenantCloud(site.stack, 'TeamACloud', { cloud: 'team-a-app', project: t });
    const flavor = GpuFlavor.fromFlavorName(site.stack, 'Legacy', { flavorName: 'legacy.h200.8x', server: ServerProfile.HGX_H200_8GPU, gpuCount: 8 });
    const template = ClusterTemplate.fromTemplateName(site.stack, 'Shared', { templateName: 'k8s', image: site.vmImage });
    const prod = MagnumCluster.fromClusterName(site.stack, 'Prod', { clusterName: 'prod', template, credentials, autoScaling: true });
    prod.addNodeGroup('Gpu', { pool: h200Pool(site, { nodeCount: 2, maxNodeCount: 3 }), flavor });
    expect(limitsOf(synthValidated(site.stack))).toEqual({
      'servers': 3,
      'class:VCPU': 0,
      'class:PCPU': 3 * flavor.vcpus,
      'class:MEMORY_MB': 3 * flavor.ramMb,
      'class:CUSTOM_PCI_10DE_2335': 24,
    });
  });

  test('node groups on a flavor the tenant bought use its purchase and add nothing', () => {
    const site = magnumSite();
    const t = tenant(site.stack, 'TeamA', 'team-a', { novaLimits: new NovaUnifiedLimits(site.stack, 'Nova'), gpuServers: [{ flavor: site.h200Vm, count: 4 }] });
    const c = cluster(site, { credentials: new TenantCloud(site.stack, 'TeamACloud', { cloud: 'team-a-app', project: t.project }) });
    c.addNodeGroup('Gpu', { pool: h200Pool(site, { nodeCount: 4 }), flavor: site.h200Vm });
    expect(limitsOf(synthValidated(site.stack))['class:CUSTOM_PCI_10DE_2335']).toBe(32);
  });

  test('fails when the node groups need more servers of a flavor than the tenant bought', () => {
    const site = magnumSite();
    const t = tenant(site.stack, 'TeamA', 'team-a', { novaLimits: new NovaUnifiedLimits(site.stack, 'Nova'), gpuServers: [{ flavor: site.h200Vm, count: 2 }] });
    const c = cluster(site, { credentials: new TenantCloud(site.stack, 'TeamACloud', { cloud: 'team-a-app', project: t }), autoScaling: true });
    c.addNodeGroup('Gpu', { pool: h200Pool(site, { nodeCount: 2, maxNodeCount: 3 }), flavor: site.h200Vm });
    expect(() => synthValidated(site.stack)).toThrow(
      `[test/TeamA] node groups test/Cluster/Gpu may run 3 servers of flavor ${site.h200Vm.flavorName} at their pools' maxNodeCount, but the tenant was given 2 ` +
        `(24 GPUs where it bought 16), so Nova would refuse the nodes beyond its limits; give the tenant 3 servers of ${site.h200Vm.flavorName} in gpuServers, ` +
        'or lower the pools\' maxNodeCount',
    );
  });

  test('fails when an explicit quota is below what the node groups need', () => {
    const site = magnumSite();
    const t = tenant(site.stack, 'TeamA', 'team-a', {
      novaLimits: new NovaUnifiedLimits(site.stack, 'Nova'),
      computeQuota: { gpus: { CUSTOM_PCI_10DE_2335: 16 } },
    });
    const c = cluster(site, { credentials: new TenantCloud(site.stack, 'TeamACloud', { cloud: 'team-a-app', project: t }) });
    c.addNodeGroup('Gpu', { pool: h200Pool(site, { nodeCount: 3 }), flavor: site.h200Vm });
    expect(() => synthValidated(site.stack)).toThrow(
      `[test/TeamA] quota gpus[CUSTOM_PCI_10DE_2335] 16 is below the 24 units the tenant's own servers use (${site.h200Vm.flavorName} (node groups test/Cluster/Gpu)); ` +
        'raise it to at least 24 or give the tenant fewer GPU servers',
    );
  });
});
