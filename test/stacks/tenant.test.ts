import { Testing } from 'cdktf';
import { Address4 } from 'ip-address';
import { BaremetalFlavor } from '../../constructs/compute/baremetal-flavor';
import { BaremetalNodePool } from '../../constructs/compute/baremetal-node-pool';
import { GpuFlavor } from '../../constructs/compute/gpu-flavor';
import { NovaUnifiedLimits } from '../../constructs/identity/nova-limits';
import { NetworkSite } from '../../constructs/network/network-site';
import { Share } from '../../constructs/storage/share';
import { ShareTypeCatalog } from '../../constructs/storage/share-type-catalog';
import { Volume } from '../../constructs/storage/volume';
import { VolumeType } from '../../constructs/storage/volume-type';
import { ServerProfile } from '../../lib/hardware/server';
import { PhysicalNetwork } from '../../lib/net/physical-network';
import { BlockStorageBackend } from '../../lib/storage/block-backend';
import { ShareType } from '../../lib/storage/share-type';
import { GpuResourceClass } from '../../lib/tenancy/gpu-resource-class';
import { FactoryStack } from '../../stacks/factory-stack';
import { Tenant } from '../../stacks/tenant';
import { ironicStack } from '../constructs/compute/helpers';
import { synthValidated, tenant } from '../constructs/identity/fixtures';
import { rail } from '../constructs/network/fixtures';
import { onlyResource, resourcesOf, synthStack, testStack } from '../util';

function h200x4(stack: any): GpuFlavor {
  return new GpuFlavor(stack, 'H200x4', { server: ServerProfile.HGX_H200_8GPU, gpuCount: 4 });
}

const limitsOf = (tf: any) => Object.fromEntries(Object.values(resourcesOf(tf, 'openstack_identity_limit_v3')).map((l: any) => [l.resource_name, l.resource_limit]));

describe('Tenant', () => {
  test('unified limits: servers, pinned cores, RAM and the flavor\'s GPU class, derived from flavors × counts', () => {
    const stack = testStack();
    const flavor = h200x4(stack);
    const nova = new NovaUnifiedLimits(stack, 'Nova');
    const t = tenant(stack, 'Research', 'research', {
      gpuServers: [{ flavor, count: 2 }],
      servers: [{ name: 'k8s-control', count: 3, vcpus: 4, ramMb: 8192 }],
      novaLimits: nova,
    });
    const tf = synthStack(stack);
    expect(limitsOf(tf)).toEqual({
      'servers': 6,
      'class:VCPU': 14,
      'class:PCPU': Math.ceil(2 * flavor.vcpus * 1.1),
      'class:MEMORY_MB': t.computeQuota.ramMb,
      'class:CUSTOM_PCI_10DE_2335': 8,
    });
    // the GPU class is registered with a default of 0, so projects without a limit get no GPUs
    expect(onlyResource(tf, 'openstack_identity_registered_limit_v3')).toMatchObject({ resource_name: 'class:CUSTOM_PCI_10DE_2335', default_limit: 0 });
    const gpuLimit = Object.values(resourcesOf(tf, 'openstack_identity_limit_v3')).find((l: any) => l.resource_name.startsWith('class:CUSTOM')) as any;
    expect(gpuLimit.depends_on[0]).toMatch(/^openstack_identity_registered_limit_v3\.Nova_Registered-class-CUSTOM_PCI_10DE_2335_/);
    expect(resourcesOf(tf, 'openstack_compute_quotaset_v2')).toEqual({});
  });

  test('vGPU and bare-metal resource classes come from the allocation', () => {
    const stack = testStack();
    const flavor = h200x4(stack);
    tenant(stack, 'T', 't', { gpuServers: [{ flavor, count: 2, gpuResourceClass: GpuResourceClass.vgpu() }], novaLimits: new NovaUnifiedLimits(stack, 'Nova') });
    expect(limitsOf(synthStack(stack))['class:VGPU']).toBe(8);
  });

  test('a bare-metal flavor is limited by its own resource class, one unit per server; private flavors are granted to the tenant', () => {
    const stack = ironicStack();
    const pool = new BaremetalNodePool(stack, 'Pool', {
      poolName: 'hgx',
      server: ServerProfile.HGX_H200_8GPU,
      nodes: [{ nodeName: 'gpu-01', bmcAddress: '10.0.0.1', macAddresses: { 'lom0/0': '3c:ec:ef:00:00:01' } }],
    });
    const flavor = new BaremetalFlavor(stack, 'Bm', { pool });
    tenant(stack, 'T', 't', { gpuServers: [{ flavor, count: 3 }], novaLimits: new NovaUnifiedLimits(stack, 'Nova') });
    const tf = synthStack(stack);
    expect(limitsOf(tf)[`class:${flavor.gpuResourceClass}`]).toBe(3);
    expect(onlyResource(tf, 'openstack_compute_flavor_access_v2')).toEqual(expect.objectContaining({
      flavor_id: expect.stringContaining('openstack_compute_flavor_v2.Bm_'),
      tenant_id: expect.stringMatching(/^\$\{openstack_identity_project_v3\.T_Project_\w+\.id\}$/),
    }));
  });

  test('with a network site, the tenant joins it under its project name and its networks get CIDRs and VLANs from it', () => {
    const stack = testStack();
    const site = new NetworkSite(stack, 'Site', {
      tenantSupernet: '10.64.0.0/10',
      physicalNetworks: [PhysicalNetwork.ethernet({ name: 'baremetal', mtuBytes: 9000, vlanRanges: [{ min: 700, max: 799 }], baremetal: true })],
    });
    const a = tenant(stack, 'A', 'team-a', { networkSite: site });
    const b = tenant(stack, 'B', 'team-b', { networkSite: site });
    const control = a.addNetwork('Control');
    const metal = a.addNetwork('Metal', { physicalNetwork: site.physicalNetwork('baremetal') });
    const other = b.addNetwork('Control');
    expect(a.networkTenant?.tenantName).toBe('team-a');
    expect(a.networkTenant?.project).toBe(a);
    for (const n of [control, metal]) expect(new Address4(n.cidr).isInSubnet(new Address4(a.networkTenant!.cidrBlock))).toBe(true);
    expect(new Address4(other.cidr).isInSubnet(new Address4(a.networkTenant!.cidrBlock))).toBe(false);
    expect(metal.segmentationId).toBeGreaterThanOrEqual(700);
    const tf = synthStack(stack);
    const networks = Object.values(resourcesOf(tf, 'openstack_networking_network_v2')) as any[];
    expect(networks.filter((n) => n.tenant_id.includes('A_Project_'))).toHaveLength(2);
  });

  test('fails when a network of the tenant names another network tenant', () => {
    const stack = testStack();
    const site = new NetworkSite(stack, 'Site', { tenantSupernet: '10.64.0.0/10', physicalNetworks: [] });
    const a = tenant(stack, 'A', 'team-a', { networkSite: site });
    const other = site.addTenant('someone-else');
    expect(() => a.addNetwork('N', { tenant: other })).toThrow(
      "test/A: network N names network tenant someone-else; a tenant's networks come from its own allocation, leave tenant out",
    );
  });

  test('addInfiniBandRails: one rail per InfiniBand physnet of the site, owned by the project, one pkey, counted in the Neutron quota', () => {
    const stack = testStack();
    const site = new NetworkSite(stack, 'Site', { tenantSupernet: '10.64.0.0/10', physicalNetworks: [rail(0), rail(1)] });
    const t = tenant(stack, 'T', 'team-t', { networkSite: site });
    const rails = t.addInfiniBandRails('Gpu');
    expect(rails.rails).toHaveLength(2);
    for (const r of rails.rails) expect(new Address4(r.cidr).isInSubnet(new Address4(t.networkTenant!.cidrBlock))).toBe(true);
    const tf = synthStack(stack);
    const networks = Object.values(resourcesOf(tf, 'openstack_networking_network_v2')) as any[];
    expect(networks).toHaveLength(2);
    expect(networks.every((n) => /openstack_identity_project_v3\.T_Project_/.test(n.tenant_id))).toBe(true);
    expect(new Set(networks.map((n) => n.segments[0].segmentation_id)).size).toBe(1);
    expect(onlyResource(tf, 'openstack_networking_quota_v2')).toMatchObject({ network: 3, subnet: 3 });
  });

  test('fails when InfiniBand rails are added to a tenant without a network site', () => {
    const stack = testStack();
    const t = tenant(stack, 'T', 'team-t');
    expect(() => t.addInfiniBandRails('Gpu')).toThrow(
      "test/T: InfiniBand rails Gpu need the tenant's networkSite (the site hands out the partition's pkey per fabric); give the tenant networkSite",
    );
  });

  test('legacy quotas without unified limits, and a warning that GPUs stay unlimited', () => {
    const stack = testStack();
    const t = tenant(stack, 'T', 't', { gpuServers: [{ flavor: h200x4(stack), count: 1 }] });
    expect(onlyResource(synthStack(stack), 'openstack_compute_quotaset_v2')).toMatchObject({ instances: 2, cores: t.computeQuota.cores, ram: t.computeQuota.ramMb });
    expect(t.node.metadata.find((m) => m.type === '@cdktf/warn')?.data).toBe(
      'legacy Nova quotas cannot limit GPUs (CUSTOM_PCI_10DE_2335); pass novaLimits to limit them through Keystone unified limits, or rely on private flavors granted per project',
    );
  });

  test('networks added to the tenant belong to its project and grow the Neutron quota', () => {
    const stack = testStack();
    const t = tenant(stack, 'T', 't', { gpuServers: [{ flavor: h200x4(stack), count: 4 }] });
    t.addNetwork('Data', { cidr: '10.40.0.0/24' });
    t.addNetwork('Storage', { cidr: '10.41.0.0/24' });
    const tf = synthStack(stack);
    expect(Object.values(resourcesOf(tf, 'openstack_networking_network_v2')).every((n: any) => /openstack_identity_project_v3\.T_Project_/.test(n.tenant_id))).toBe(true);
    expect(onlyResource(tf, 'openstack_networking_quota_v2')).toMatchObject({ network: 3, subnet: 3, router: 0, port: 4 + 2 + 1, security_group: 10, security_group_rule: 100 });
    expect(t.subnetCidrs).toEqual(['10.40.0.0/24', '10.41.0.0/24']);
  });

  test('volumes and shares of the tenant grow its Cinder quota and the Manila quota command', () => {
    const stack = testStack();
    const t = tenant(stack, 'T', 'tenant-t', { headroomPercent: 0 });
    const type = new VolumeType(stack, 'Gold', { volumeTypeName: 'gold', backend: BlockStorageBackend.cephRbd({ backendName: 'ceph-ssd' }) });
    new Volume(stack, 'Ckpt', { tenant: t, sizeGb: 500, volumeType: type });
    new Volume(stack, 'More', { tenant: t, sizeGb: 100, volumeType: type });
    new ShareTypeCatalog(stack, 'Types', { shareTypes: [ShareType.cephfsNative()] });
    new Share(stack, 'Data', { tenant: t, shareType: ShareType.cephfsNative(), sizeGb: 1000 });
    const tf = synthValidated(stack);
    expect(onlyResource(tf, 'openstack_blockstorage_quotaset_v3')).toMatchObject({ volumes: 2, gigabytes: 600, volume_type_quota: { volumes_gold: '2', gigabytes_gold: '600' } });
    expect(tf.output.manila_quota_tenant_t.value).toMatch(/^openstack share quota set --shares 1 --gigabytes 1000 --share-networks 0 \$\{openstack_identity_project_v3\.T_Project_\w+\.id\}$/);
  });

  test('no Cinder or Manila quota for a tenant without volumes or shares', () => {
    const stack = testStack();
    tenant(stack, 'T', 't');
    const tf = synthStack(stack);
    expect(resourcesOf(tf, 'openstack_blockstorage_quotaset_v3')).toEqual({});
    expect(tf.output).toBeUndefined();
  });

  test('the project-scoped provider and the scope user\'s role assignment', () => {
    const stack = testStack();
    const t = new Tenant(stack, 'T', { projectName: 'vision', projectScope: { cloud: 'vision-admin', userName: 'provisioner', userDomainId: 'svc', roles: ['member', 'load-balancer_member'] } });
    const tf = synthStack(stack);
    expect(tf.provider.openstack).toContainEqual({ alias: 'project_vision', cloud: 'vision-admin' });
    const binding = t.bindProjectScope(t);
    expect(binding.roles).toEqual(['load-balancer_member', 'member']);
    expect(binding.dependsOn).toHaveLength(3);
  });

  test('fails when the quota is smaller than the tenant\'s own servers', () => {
    const stack = testStack();
    expect(() => tenant(stack, 'T', 't', { gpuServers: [{ flavor: h200x4(stack), count: 2 }], computeQuota: { instances: 1 } })).toThrow(
      'test/T: quota instances 1 is below the 2 the tenant\'s own servers use (2× gpu.h200-sxm-141gb.4x); raise it to at least 2 or give the tenant fewer servers',
    );
  });

  test('fails when the Cinder quota is smaller than the tenant\'s own volumes', () => {
    const stack = testStack();
    const t = tenant(stack, 'T', 't', { blockStorageQuota: { gigabytes: 100 } });
    const type = new VolumeType(stack, 'Gold', { volumeTypeName: 'gold', backend: BlockStorageBackend.cephRbd({ backendName: 'ceph-ssd' }) });
    new Volume(stack, 'Ckpt', { tenant: t, sizeGb: 500, volumeType: type });
    expect(() => synthValidated(stack)).toThrow(
      '[test/T] quota gigabytes 100 is below the 500 the tenant\'s 1 volume(s) use (500 GB); raise it to at least 500 or give the tenant fewer or smaller volumes',
    );
  });

  test('fails when a resource inside the project is added to a tenant without a project scope', () => {
    const stack = testStack();
    const t = new Tenant(stack, 'T', { projectName: 't' });
    const type = new VolumeType(stack, 'Gold', { volumeTypeName: 'gold', backend: BlockStorageBackend.cephRbd({ backendName: 'ceph-ssd' }) });
    expect(() => new Volume(stack, 'V', { tenant: t, sizeGb: 1, volumeType: type })).toThrow(
      'test/V: tenant test/T has no projectScope; the OpenStack provider creates volumes, shares, containers and application credentials in the project its token is scoped to, ' +
        'so give the tenant projectScope { cloud, userName } (a clouds.yaml entry scoped to project t)',
    );
  });

  test('fails when a network names another project', () => {
    const stack = testStack();
    const t = tenant(stack, 'T', 't');
    const other = tenant(stack, 'O', 'o');
    expect(() => t.addNetwork('N', { cidr: '10.0.0.0/24', project: other })).toThrow(
      'test/T: network N names project o; a tenant\'s networks belong to its own project, leave project out',
    );
  });

  test('fails when two tenants share a project name across stacks of one app', () => {
    const app = Testing.app({ stackTraces: false });
    tenant(new FactoryStack(app, 'one'), 'T', 'shared');
    expect(() => tenant(new FactoryStack(app, 'two'), 'T', 'shared')).toThrow('two/T/Project: project name "shared" in domain default is already used by one/T/Project');
  });
});
