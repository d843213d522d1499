import { FakeProject, siteFixture } from './fixtures';
import { ExternalNetwork } from '../../../constructs/network/external-network';
import { NetworkQosPolicy } from '../../../constructs/network/qos-policy';
import { TenantRouter } from '../../../constructs/network/router';
import { TenantNetwork } from '../../../constructs/network/tenant-network';
import { Encapsulation } from '../../../lib/net/mtu';
import { LinkType, PhysicalNetwork } from '../../../lib/net/physical-network';
import { dataSourcesOf, onlyResource, resourcesOf, synthStack, testStack } from '../../util';

describe('TenantNetwork', () => {
  test('an isolated OVN network: Geneve MTU, DHCP subnet, port security, no router', () => {
    const stack = testStack();
    new TenantNetwork(stack, 'Data', { cidr: '10.1.0.0/24' });
    const tf = synthStack(stack);
    expect(onlyResource(tf, 'openstack_networking_network_v2')).toMatchObject({ name: 'data', mtu: 1442, port_security_enabled: true });
    expect(onlyResource(tf, 'openstack_networking_subnet_v2')).toMatchObject({
      name: 'data-v4',
      cidr: '10.1.0.0/24',
      ip_version: 4,
      enable_dhcp: true,
      network_id: expect.stringMatching(/^\$\{openstack_networking_network_v2\.Data_\w+\.id\}$/),
    });
    expect(resourcesOf(tf, 'openstack_networking_router_v2')).toEqual({});
  });

  test('an isolated network has no gateway, so multi-homed hosts get no default route into it', () => {
    const stack = testStack();
    const net = new TenantNetwork(stack, 'Data', { cidr: '10.1.0.0/24' });
    expect(net.gatewayIp).toBeUndefined();
    expect(onlyResource(synthStack(stack), 'openstack_networking_subnet_v2')).toMatchObject({
      no_gateway: true,
      allocation_pool: [{ start: '10.1.0.1', end: '10.1.0.254' }],
    });
  });

  test('jumbo frames and a router to the external network', () => {
    const stack = testStack();
    const ext = new ExternalNetwork(stack, 'Public', { networkName: 'public' });
    const net = new TenantNetwork(stack, 'Net', { networkName: 'n', cidr: '10.2.0.0/16', physicalMtuBytes: 9000, externalNetwork: ext });
    const tf = synthStack(stack);
    expect(net.mtu).toBe(8942);
    expect(Object.values(dataSourcesOf(tf, 'openstack_networking_network_v2'))[0]).toMatchObject({ name: 'public', external: true });
    const router = onlyResource(tf, 'openstack_networking_router_v2');
    expect(router).toEqual(expect.objectContaining({ name: 'n-router', external_network_id: expect.stringContaining('data.openstack_networking_network_v2.Public_') }));
    expect(router.enable_snat).toBeUndefined();
    expect(onlyResource(tf, 'openstack_networking_router_interface_v2').subnet_id).toContain('openstack_networking_subnet_v2.Net_Subnet_');
    expect(onlyResource(tf, 'openstack_networking_subnet_v2')).toMatchObject({
      gateway_ip: '10.2.0.1',
      allocation_pool: [{ start: '10.2.0.2', end: '10.2.255.254' }],
    });
  });

  test('VLAN networks use the physical MTU unchanged', () => {
    const stack = testStack();
    const net = new TenantNetwork(stack, 'Vlan', { cidr: '10.3.0.0/24', encapsulation: Encapsulation.VLAN, physicalMtuBytes: 9000 });
    expect(net.mtu).toBe(9000);
  });

  test('fails when the CIDR is not an IPv4 CIDR', () => {
    expect(() => new TenantNetwork(testStack(), 'Bad', { cidr: '10.0.0.0' })).toThrow(
      'test/Bad: cidr "10.0.0.0" is not an IPv4 CIDR; use e.g. 10.20.0.0/24',
    );
  });

  test('fails when the CIDR has host bits set', () => {
    expect(() => new TenantNetwork(testStack(), 'Bad', { cidr: '10.0.0.1/24' })).toThrow('test/Bad: cidr 10.0.0.1/24 has host bits set; use 10.0.0.0/24');
  });

  test('fails when the subnet is smaller than a /29', () => {
    expect(() => new TenantNetwork(testStack(), 'Bad', { cidr: '10.0.0.0/30' })).toThrow(
      'test/Bad: cidr 10.0.0.0/30 is too small for a DHCP subnet (a /30); use /29 or larger',
    );
  });

  test('fails when the physical MTU is out of range', () => {
    expect(() => new TenantNetwork(testStack(), 'Bad', { cidr: '10.0.0.0/24', physicalMtuBytes: 576 })).toThrow(
      'test/Bad: physical MTU 576 must be an integer between 1280 and 9216 bytes',
    );
  });

  test('fails when the MTU is larger than the physical network allows', () => {
    expect(() => new TenantNetwork(testStack(), 'Bad', { cidr: '10.0.0.0/24', physicalMtuBytes: 9000, mtuBytes: 9000 })).toThrow(
      'test/Bad: mtuBytes 9000 is larger than the 8942 bytes a geneve network on a 9000-byte underlay allows; use 8942 or less');
  });

  test('fails when a standalone network has no CIDR', () => {
    expect(() => new TenantNetwork(testStack(), 'Bad', {})).toThrow('test/Bad: cidr is required for a network without a tenant; give cidr or tenant');
  });

  test('fails when asked to be a flat network', () => {
    expect(() => new TenantNetwork(testStack(), 'Bad', { cidr: '10.0.0.0/24', encapsulation: Encapsulation.FLAT })).toThrow(
      'test/Bad: flat networks belong to the site (one per physnet); use a ProviderNetwork, or a VLAN tenant network');
  });
});

describe('TenantNetwork in a site', () => {
  test('an OVN network: CIDR from the tenant block, MTU from the site underlay, the tenant\'s project', () => {
    const { stack, site } = siteFixture();
    const project = new FakeProject(stack, 'Acme');
    const tenant = site.addTenant('acme', { project });
    const net = new TenantNetwork(stack, 'Data', { tenant, prefixLength: 22, dnsNameservers: ['10.0.0.53'], reservedAddressCount: 8 });
    expect(net.mtu).toBe(8942);
    expect(net.encapsulation).toBe(Encapsulation.GENEVE);
    expect(net.linkType).toBe(LinkType.ETHERNET);
    expect(net.cidr).toMatch(/\/22$/);
    expect(site.allocations().find((a) => a.owner === 'acme/data')?.value).toBe(net.cidr);
    const tf = synthStack(stack);
    expect(onlyResource(tf, 'openstack_networking_network_v2')).toEqual({
      name: 'data', mtu: 8942, admin_state_up: true, port_security_enabled: true, tenant_id: 'acme-id',
    });
    const subnet = onlyResource(tf, 'openstack_networking_subnet_v2');
    expect(subnet).toMatchObject({ cidr: net.cidr, dns_nameservers: ['10.0.0.53'], no_gateway: true, tenant_id: 'acme-id' });
    expect(net.subnetPlan.reservedRange?.end).toBe(subnet.allocation_pool[0].start.replace(/\d+$/, (d: string) => String(Number(d) - 1)));
  });

  test('a VLAN provider network on the bare-metal physnet: segment, physnet MTU, VLAN from the range', () => {
    const { stack, site } = siteFixture();
    const tenant = site.addTenant('acme');
    const net = new TenantNetwork(stack, 'Bm', { tenant, physicalNetwork: site.physicalNetwork('baremetal') });
    expect(net.encapsulation).toBe(Encapsulation.VLAN);
    expect(net.mtu).toBe(9000);
    expect(net.segmentationId).toBeGreaterThanOrEqual(700);
    expect(net.segmentationId).toBeLessThanOrEqual(799);
    expect(net.capabilities).toEqual({ sriov: true, remoteManaged: false, baremetal: true, declaredBy: 'physnet baremetal' });
    expect(onlyResource(synthStack(stack), 'openstack_networking_network_v2').segments).toEqual([
      { network_type: 'vlan', physical_network: 'baremetal', segmentation_id: net.segmentationId },
    ]);
  });

  test('a pinned VLAN id is used as given', () => {
    const { stack, site } = siteFixture();
    const net = new TenantNetwork(stack, 'Bm', { tenant: site.addTenant('acme'), physicalNetwork: site.physicalNetwork('baremetal'), vlanId: 742 });
    expect(net.segmentationId).toBe(742);
  });

  test('two tenants get different VLANs and CIDRs', () => {
    const { stack, site } = siteFixture();
    const nets = ['acme', 'beta'].map((t) => new TenantNetwork(stack, `${t}Bm`, {
      tenant: site.addTenant(t), networkName: 'bm', physicalNetwork: site.physicalNetwork('baremetal'),
    }));
    expect(nets[0].segmentationId).not.toBe(nets[1].segmentationId);
    expect(nets[0].cidr).not.toBe(nets[1].cidr);
  });

  test('several networks share one router with a gateway to the external network', () => {
    const { stack, site } = siteFixture();
    const tenant = site.addTenant('acme');
    const router = new TenantRouter(stack, 'Router', { externalNetwork: new ExternalNetwork(stack, 'Public', { networkName: 'public' }) });
    const a = new TenantNetwork(stack, 'A', { tenant, router });
    const b = new TenantNetwork(stack, 'B', { tenant, router, physicalNetwork: site.physicalNetwork('tenant-vlan') });
    expect(a.gatewayIp).toBeDefined();
    expect(b.gatewayIp).toBeDefined();
    const tf = synthStack(stack);
    expect(Object.keys(resourcesOf(tf, 'openstack_networking_router_v2'))).toHaveLength(1);
    expect(Object.values(resourcesOf(tf, 'openstack_networking_router_interface_v2')).map((i: any) => i.subnet_id)).toEqual([
      expect.stringContaining('openstack_networking_subnet_v2.A_Subnet_'), expect.stringContaining('openstack_networking_subnet_v2.B_Subnet_'),
    ]);
  });

  test('a QoS policy applies to the whole network', () => {
    const { stack, site } = siteFixture();
    const qos = new NetworkQosPolicy(stack, 'Gold');
    new TenantNetwork(stack, 'A', { tenant: site.addTenant('acme'), qosPolicy: qos });
    expect(onlyResource(synthStack(stack), 'openstack_networking_network_v2').qos_policy_id).toContain('openstack_networking_qos_policy_v2.Gold_');
  });

  test('sharing goes through one RBAC policy per project', () => {
    const { stack, site } = siteFixture();
    const acme = new FakeProject(stack, 'Acme');
    const beta = new FakeProject(stack, 'Beta');
    const net = new TenantNetwork(stack, 'A', { tenant: site.addTenant('acme', { project: acme }) });
    expect(net.shareWith(beta)).toBe(net.shareWith(beta));
    expect(onlyResource(synthStack(stack), 'openstack_networking_rbac_policy_v2')).toEqual({
      action: 'access_as_shared', object_type: 'network', object_id: expect.stringMatching(/^\$\{openstack_networking_network_v2\.A_\w+\.id\}$/), target_tenant: 'beta-id',
    });
  });

  test('fails when sharing a network with its own project', () => {
    const { stack, site } = siteFixture();
    const acme = new FakeProject(stack, 'Acme');
    const net = new TenantNetwork(stack, 'A', { tenant: site.addTenant('acme', { project: acme }) });
    expect(() => net.shareWith(acme)).toThrow('test/A/SharedWithAcme: network already belongs to project acme; share it with another project');
  });

  test('fails when a VLAN id is outside the physnet range', () => {
    const { stack, site } = siteFixture();
    expect(() => new TenantNetwork(stack, 'Bm', { tenant: site.addTenant('acme'), physicalNetwork: site.physicalNetwork('baremetal'), vlanId: 900 })).toThrow(
      "test/Site: VLAN 900 is outside physnet baremetal's tenant VLAN ranges (700-799); use one of them (they are network_vlan_ranges in ml2_conf.ini)");
  });

  test('fails when a VLAN id is already used', () => {
    const { stack, site } = siteFixture();
    const physicalNetwork = site.physicalNetwork('baremetal');
    new TenantNetwork(stack, 'A', { tenant: site.addTenant('acme'), physicalNetwork, vlanId: 742, networkName: 'bm' });
    expect(() => new TenantNetwork(stack, 'B', { tenant: site.addTenant('beta'), physicalNetwork, vlanId: 742, networkName: 'bm' })).toThrow(
      'test/Site: VLAN 742 on physnet baremetal is already used by acme/bm; every network needs its own VLAN');
  });

  test('fails when pinned CIDRs of two tenants overlap', () => {
    const { stack, site } = siteFixture();
    const acme = site.addTenant('acme');
    const net = new TenantNetwork(stack, 'A', { tenant: acme });
    expect(() => new TenantNetwork(stack, 'B', { tenant: site.addTenant('beta'), cidr: net.cidr })).toThrow(
      `test/Site: cidr ${net.cidr} of beta/b overlaps ${acme.cidrBlock} of tenant acme; every network needs its own address range`);
  });

  test('fails when the MTU is larger than the physnet allows', () => {
    const { stack, site } = siteFixture();
    expect(() => new TenantNetwork(stack, 'Bm', { tenant: site.addTenant('acme'), physicalNetwork: site.physicalNetwork('provider'), mtuBytes: 9000 })).toThrow(
      'test/Bm: mtuBytes 9000 is larger than the 1500 bytes physnet provider allows; use 1500 or less');
  });

  test('fails when an Ethernet network is put on an InfiniBand physnet', () => {
    const { stack, site } = siteFixture();
    expect(() => new TenantNetwork(stack, 'X', { tenant: site.addTenant('acme'), physicalNetwork: site.physicalNetwork('ibrail0') })).toThrow(
      'test/X: physnet ibrail0 is InfiniBand; use InfiniBandNetwork (IPoIB subnets have no gateway or router)');
  });

  test('fails when a physnet is used without a tenant', () => {
    const { stack, site } = siteFixture();
    expect(() => new TenantNetwork(stack, 'X', { cidr: '10.0.0.0/24', physicalNetwork: site.physicalNetwork('baremetal') })).toThrow(
      'test/X: physicalNetwork baremetal needs a tenant: the NetworkSite declares the physnet and allocates its VLAN ids');
  });

  test('fails when both a router and an external network are given', () => {
    const { stack, site } = siteFixture();
    const ext = new ExternalNetwork(stack, 'Public', { networkName: 'public' });
    expect(() => new TenantNetwork(stack, 'X', { tenant: site.addTenant('acme'), router: new TenantRouter(stack, 'R'), externalNetwork: ext })).toThrow(
      'test/X: router and externalNetwork are both given; attach to the shared router, or let the network make its own');
  });

  test('fails when a VLAN id is given without a physnet', () => {
    const { stack, site } = siteFixture();
    expect(() => new TenantNetwork(stack, 'X', { tenant: site.addTenant('acme'), vlanId: 710 })).toThrow(
      'test/X: vlanId 710 needs physicalNetwork: a VLAN id means something only on a physnet');
  });

  test('fails when an overlay is put on a physnet', () => {
    const { stack, site } = siteFixture();
    expect(() => new TenantNetwork(stack, 'X', { tenant: site.addTenant('acme'), physicalNetwork: site.physicalNetwork('baremetal'), encapsulation: Encapsulation.GENEVE }))
      .toThrow('test/X: a geneve overlay is not on a physnet; drop physicalNetwork or use Encapsulation.VLAN');
  });

  test('fails when the physnet is not the site\'s', () => {
    const { stack, site } = siteFixture();
    const foreign = siteFixture().site.physicalNetwork('baremetal');
    expect(() => new TenantNetwork(stack, 'X', { tenant: site.addTenant('acme'), physicalNetwork: foreign })).toThrow(
      'test/X: physnet baremetal is not declared by site test/Site');
  });

  test('fails when a physical MTU is given for a VLAN network on a physnet', () => {
    const { stack, site } = siteFixture();
    expect(() => new TenantNetwork(stack, 'X', { tenant: site.addTenant('acme'), physicalNetwork: site.physicalNetwork('baremetal'), physicalMtuBytes: 9000 }))
      .toThrow("test/X: physicalMtuBytes does not apply to a VLAN network on physnet baremetal: its MTU is the physnet's 9000 bytes; drop it");
  });

  test('fails when the physical MTU is above the site\'s overlay underlay', () => {
    const { stack, site } = siteFixture();
    expect(() => new TenantNetwork(stack, 'X', { tenant: site.addTenant('acme'), physicalMtuBytes: 9216 })).toThrow(
      "test/X: physicalMtuBytes 9216 is more than the 9000 bytes of the site's overlay underlay; drop it or lower it");
  });

  test('fails when a physnet without tenant VLAN ranges is asked for a VLAN', () => {
    const { stack, site } = siteFixture({ physicalNetworks: [PhysicalNetwork.ethernet({ name: 'flatonly' })] });
    expect(() => new TenantNetwork(stack, 'X', { tenant: site.addTenant('acme'), physicalNetwork: site.physicalNetwork('flatonly') })).toThrow(
      'test/Site: physnet flatonly declares no tenant VLAN ranges, so acme/x cannot get a VLAN; declare vlanRanges on it');
  });
});
