import { FakeProject, siteFixture } from './fixtures';
import { ProviderNetwork, ProviderNetworkRole } from '../../../constructs/network/provider-network';
import { RbacAction } from '../../../constructs/network/rbac-policy';
import { TenantRouter } from '../../../constructs/network/router';
import { TenantNetwork } from '../../../constructs/network/tenant-network';
import { BootInterfaceType } from '../../../lib/hardware/ironic-boot';
import { onlyResource, resourcesOf, synthStack } from '../../util';

describe('ProviderNetwork', () => {
  test('an external flat network: router:external, no DHCP, a pool that skips the upstream routers', () => {
    const { stack, site } = siteFixture();
    const ext = new ProviderNetwork(stack, 'Public', {
      site, role: ProviderNetworkRole.EXTERNAL, physicalNetwork: site.physicalNetwork('provider'), cidr: '203.0.113.0/24', reservedAddressCount: 9,
    });
    expect(ext.ironicConfigOption).toBeUndefined();
    const tf = synthStack(stack);
    expect(onlyResource(tf, 'openstack_networking_network_v2')).toEqual({
      name: 'public', mtu: 1500, admin_state_up: true, external: true, segments: [{ network_type: 'flat', physical_network: 'provider' }],
    });
    expect(onlyResource(tf, 'openstack_networking_subnet_v2')).toMatchObject({
      enable_dhcp: false, gateway_ip: '203.0.113.1', allocation_pool: [{ start: '203.0.113.11', end: '203.0.113.254' }],
    });
  });

  test("Ironic's provisioning and cleaning networks: VLANs outside the tenant range, DHCP on", () => {
    const { stack, site } = siteFixture();
    const physicalNetwork = site.physicalNetwork('baremetal');
    const prov = new ProviderNetwork(stack, 'Provisioning', { site, role: ProviderNetworkRole.PROVISIONING, physicalNetwork, vlanId: 100, cidr: '172.16.0.0/22', gateway: false });
    new ProviderNetwork(stack, 'Cleaning', { site, role: ProviderNetworkRole.CLEANING, physicalNetwork, vlanId: 101, cidr: '172.16.4.0/22', gateway: false });
    expect(prov.ironicConfigOption).toBe('[neutron] provisioning_network = provisioning');
    const tf = synthStack(stack);
    expect(Object.values(resourcesOf(tf, 'openstack_networking_network_v2')).map((n: any) => n.segments[0].segmentation_id).sort()).toEqual([100, 101]);
    expect(Object.values(resourcesOf(tf, 'openstack_networking_subnet_v2')).every((s: any) => s.enable_dhcp && s.no_gateway)).toBe(true);
  });

  test('a provisioning network whose nodes all boot from Redfish virtual media runs without DHCP', () => {
    const { stack, site } = siteFixture();
    const prov = new ProviderNetwork(stack, 'Provisioning', {
      site,
      role: ProviderNetworkRole.PROVISIONING,
      physicalNetwork: site.physicalNetwork('baremetal'),
      vlanId: 100,
      cidr: '172.16.0.0/22',
      bootInterfaces: [BootInterfaceType.REDFISH_VIRTUAL_MEDIA],
    });
    expect(prov.dhcp).toBe(false);
    // Neutron still allocates the ports' fixed IPs from the pool, which Ironic writes onto the boot ISO
    expect(onlyResource(synthStack(stack), 'openstack_networking_subnet_v2')).toMatchObject({
      enable_dhcp: false, allocation_pool: [{ start: '172.16.0.2', end: '172.16.3.254' }],
    });
  });

  test('DHCP stays on when one boot interface needs it, and follows an explicit dhcp', () => {
    const { stack, site } = siteFixture();
    const physicalNetwork = site.physicalNetwork('baremetal');
    const mixed = new ProviderNetwork(stack, 'Provisioning', {
      site,
      role: ProviderNetworkRole.PROVISIONING,
      physicalNetwork,
      vlanId: 100,
      cidr: '172.16.0.0/22',
      bootInterfaces: [BootInterfaceType.REDFISH_VIRTUAL_MEDIA, BootInterfaceType.REDFISH_HTTPS],
    });
    const off = new ProviderNetwork(stack, 'Cleaning', { site, role: ProviderNetworkRole.CLEANING, physicalNetwork, vlanId: 101, cidr: '172.16.4.0/22', dhcp: false });
    const on = new ProviderNetwork(stack, 'Rescuing', {
      site, role: ProviderNetworkRole.RESCUING, physicalNetwork, vlanId: 102, cidr: '172.16.8.0/22', dhcp: true, bootInterfaces: [BootInterfaceType.REDFISH_VIRTUAL_MEDIA],
    });
    expect([mixed.dhcp, off.dhcp, on.dhcp]).toEqual([true, false, true]);
    const subnets = Object.values(resourcesOf(synthStack(stack), 'openstack_networking_subnet_v2')) as any[];
    expect(Object.fromEntries(subnets.map((s) => [s.name, s.enable_dhcp]))).toEqual({ 'provisioning-v4': true, 'cleaning-v4': false, 'rescuing-v4': true });
  });

  test('fails when dhcp is off for a boot interface that needs it', () => {
    const { stack, site } = siteFixture();
    expect(() => new ProviderNetwork(stack, 'Prov', {
      site,
      role: ProviderNetworkRole.PROVISIONING,
      physicalNetwork: site.physicalNetwork('baremetal'),
      vlanId: 100,
      cidr: '172.16.0.0/22',
      dhcp: false,
      bootInterfaces: [BootInterfaceType.REDFISH_VIRTUAL_MEDIA, BootInterfaceType.IPXE],
    })).toThrow('test/Prov: dhcp is false, but boot interface ipxe gets its addresses from DHCP; only redfish-virtual-media boots without it, so keep dhcp on or boot every node on this network from virtual media');
  });

  test('fails when an external network names boot interfaces', () => {
    const { stack, site } = siteFixture();
    expect(() => new ProviderNetwork(stack, 'Public', {
      site, role: ProviderNetworkRole.EXTERNAL, physicalNetwork: site.physicalNetwork('provider'), cidr: '203.0.113.0/24', bootInterfaces: [BootInterfaceType.PXE],
    })).toThrow('test/Public: bootInterfaces are for Ironic networks; nodes do not boot on an external network, drop them');
  });

  test('tenant routers use the external provider network; one project may be granted it as external', () => {
    const { stack, site } = siteFixture();
    const ext = new ProviderNetwork(stack, 'Public', { site, role: ProviderNetworkRole.EXTERNAL, physicalNetwork: site.physicalNetwork('provider'), cidr: '203.0.113.0/24' });
    new TenantRouter(stack, 'Router', { externalNetwork: ext });
    ext.shareWith(new FakeProject(stack, 'Acme'), RbacAction.ACCESS_AS_EXTERNAL);
    const tf = synthStack(stack);
    expect(onlyResource(tf, 'openstack_networking_router_v2').external_network_id).toContain('openstack_networking_network_v2.Public_');
    expect(onlyResource(tf, 'openstack_networking_rbac_policy_v2')).toMatchObject({ action: 'access_as_external', target_tenant: 'acme-id' });
  });

  test('fails when a provider CIDR overlaps the tenant supernet', () => {
    const { stack, site } = siteFixture();
    expect(() => new ProviderNetwork(stack, 'P', { site, role: ProviderNetworkRole.PROVISIONING, physicalNetwork: site.physicalNetwork('baremetal'), vlanId: 100, cidr: '10.64.0.0/24' }))
      .toThrow('test/Site: cidr 10.64.0.0/24 of site:p overlaps the tenant supernet 10.64.0.0/10; site provider networks stay outside it so tenant networks never collide with them');
  });

  test('fails when two provider networks overlap', () => {
    const { stack, site } = siteFixture();
    const physicalNetwork = site.physicalNetwork('baremetal');
    new ProviderNetwork(stack, 'A', { site, role: ProviderNetworkRole.PROVISIONING, physicalNetwork, vlanId: 100, cidr: '172.16.0.0/22' });
    expect(() => new ProviderNetwork(stack, 'B', { site, role: ProviderNetworkRole.CLEANING, physicalNetwork, vlanId: 101, cidr: '172.16.2.0/24' }))
      .toThrow('test/Site: cidr 172.16.2.0/24 of site:b overlaps 172.16.0.0/22 of site:a; every network needs its own address range');
  });

  test('fails when a provider VLAN is inside the tenant range', () => {
    const { stack, site } = siteFixture();
    expect(() => new ProviderNetwork(stack, 'P', { site, role: ProviderNetworkRole.PROVISIONING, physicalNetwork: site.physicalNetwork('baremetal'), vlanId: 750, cidr: '172.16.0.0/22' }))
      .toThrow("test/Site: VLAN 750 is inside physnet baremetal's tenant VLAN ranges (700-799); site provider networks use VLANs outside them so tenant networks never get them");
  });

  test('fails when a physnet gets a second flat network', () => {
    const { stack, site } = siteFixture();
    const physicalNetwork = site.physicalNetwork('provider');
    new ProviderNetwork(stack, 'A', { site, role: ProviderNetworkRole.EXTERNAL, physicalNetwork, cidr: '203.0.113.0/24' });
    expect(() => new ProviderNetwork(stack, 'B', { site, role: ProviderNetworkRole.EXTERNAL, physicalNetwork, cidr: '198.51.100.0/24' }))
      .toThrow('test/Site: physnet provider already carries flat network site:a; a physnet carries one flat network, use a VLAN');
  });

  test('fails when a router gateway is an Ironic network', () => {
    const { stack, site } = siteFixture();
    const prov = new ProviderNetwork(stack, 'Prov', { site, role: ProviderNetworkRole.PROVISIONING, physicalNetwork: site.physicalNetwork('baremetal'), vlanId: 100, cidr: '172.16.0.0/22' });
    expect(() => new TenantNetwork(stack, 'N', { tenant: site.addTenant('acme'), externalNetwork: prov })).toThrow(
      'test/N: provider network prov is a provisioning network, not an external one; router gateways need a ProviderNetwork with role EXTERNAL');
  });
});
