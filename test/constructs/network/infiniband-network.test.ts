import { FakeProject, rail, siteFixture } from './fixtures';
import { InfiniBandNetwork, InfiniBandRails } from '../../../constructs/network/infiniband-network';
import { TenantRouter } from '../../../constructs/network/router';
import { PhysicalNetwork } from '../../../lib/net/physical-network';
import { onlyResource, resourcesOf, synthStack } from '../../util';

describe('InfiniBandNetwork', () => {
  test('a VLAN network on the IB physnet whose segmentation id is the pkey; IPoIB subnet without gateway; port security off', () => {
    const { stack, site } = siteFixture();
    const tenant = site.addTenant('acme', { project: new FakeProject(stack, 'Acme') });
    const ib = new InfiniBandNetwork(stack, 'Ib', { tenant, physicalNetwork: site.physicalNetwork('ibrail0'), pkey: 0x123 });
    expect(ib.pkey).toBe(0x123);
    expect(ib.pkeyHex).toBe('0x0123');
    expect(ib.segmentationId).toBe(0x123);
    expect(ib.fabricName).toBe('gpu');
    expect(ib.gatewayIp).toBeUndefined();
    expect(ib.mtu).toBe(4092);
    const tf = synthStack(stack);
    expect(onlyResource(tf, 'openstack_networking_network_v2')).toEqual({
      name: 'ib',
      description: 'IPoIB, pkey 0x0123 on fabric gpu',
      mtu: 4092,
      admin_state_up: true,
      port_security_enabled: false,
      tenant_id: 'acme-id',
      segments: [{ network_type: 'vlan', physical_network: 'ibrail0', segmentation_id: 291 }],
    });
    expect(onlyResource(tf, 'openstack_networking_subnet_v2')).toMatchObject({
      name: 'ib-ipoib', cidr: ib.cidr, enable_dhcp: true, no_gateway: true, ip_version: 4,
    });
    expect(resourcesOf(tf, 'openstack_networking_router_interface_v2')).toEqual({});
  });

  test('an allocated pkey stays in the fabric range and avoids the reserved pkey', () => {
    const { stack, site } = siteFixture();
    const ib = new InfiniBandNetwork(stack, 'Ib', { tenant: site.addTenant('acme'), physicalNetwork: site.physicalNetwork('ibrail0') });
    expect(ib.pkey).toBeGreaterThanOrEqual(0x100);
    expect(ib.pkey).toBeLessThan(0x1ff);
  });

  test('fails when an IB network is given a gateway', () => {
    const { stack, site } = siteFixture();
    expect(() => new InfiniBandNetwork(stack, 'Ib', { tenant: site.addTenant('acme'), physicalNetwork: site.physicalNetwork('ibrail0'), gatewayIp: '10.1.0.1' })).toThrow(
      'test/Ib: gatewayIp 10.1.0.1 is given, but IPoIB subnets have no gateway: networking-mlnx does not route InfiniBand, and DHCP would hand out a default route into the fabric; drop it');
  });

  test('fails when an IB network is given a router', () => {
    const { stack, site } = siteFixture();
    const ib = new InfiniBandNetwork(stack, 'Ib', { tenant: site.addTenant('acme'), physicalNetwork: site.physicalNetwork('ibrail0') });
    expect(() => new TenantRouter(stack, 'Router').addInterface(ib)).toThrow(
      'test/Router: InfiniBand network ib cannot be attached to a router: IPoIB subnets have no gateway and networking-mlnx does not route them');
  });

  test('fails when two tenants pin the same pkey (pkey collision)', () => {
    const { stack, site } = siteFixture();
    const physicalNetwork = site.physicalNetwork('ibrail0');
    new InfiniBandNetwork(stack, 'A', { tenant: site.addTenant('acme'), physicalNetwork, pkey: 0x123, networkName: 'ib' });
    expect(() => new InfiniBandNetwork(stack, 'B', { tenant: site.addTenant('beta'), physicalNetwork: site.physicalNetwork('ibrail1'), pkey: 0x123, networkName: 'ib' })).toThrow(
      'test/Site: pkey 0x0123 on fabric gpu is already the partition of acme/ib; every tenant partition needs its own pkey');
  });

  test('fails when the pkey is out of range', () => {
    const { stack, site } = siteFixture();
    expect(() => new InfiniBandNetwork(stack, 'A', { tenant: site.addTenant('acme'), physicalNetwork: site.physicalNetwork('ibrail0'), pkey: 0x200 })).toThrow(
      "test/Site: pkey 0x0200 is outside fabric gpu's pkey ranges (0x0100-0x01ff); use one of them");
  });

  test('fails when the pkey is reserved', () => {
    const { stack, site } = siteFixture();
    const tenant = site.addTenant('acme');
    const physicalNetwork = site.physicalNetwork('ibrail0');
    expect(() => new InfiniBandNetwork(stack, 'A', { tenant, physicalNetwork, pkey: 0x7fff })).toThrow(
      'test/Site: pkey 0x7fff is the default partition, which every port belongs to; it isolates nothing, use another pkey');
    expect(() => new InfiniBandNetwork(stack, 'B', { tenant, physicalNetwork, pkey: 0x1ff })).toThrow(
      'test/Site: pkey 0x01ff is reserved by the site on fabric gpu; use another pkey');
  });

  test('fails when one physnet would carry two networks of the same partition', () => {
    const { stack, site } = siteFixture();
    const tenant = site.addTenant('acme');
    const physicalNetwork = site.physicalNetwork('ibrail0');
    new InfiniBandNetwork(stack, 'A', { tenant, physicalNetwork, partitionName: 'p' });
    expect(() => new InfiniBandNetwork(stack, 'B', { tenant, physicalNetwork, partitionName: 'p' })).toThrow(
      /^test\/Site: pkey 0x0[0-9a-f]{3} is already used on physnet ibrail0 by network acme\/a; a physnet carries one network per pkey, give the second network its own partition$/);
  });

  test('fails when the physnet is Ethernet', () => {
    const { stack, site } = siteFixture();
    expect(() => new InfiniBandNetwork(stack, 'A', { tenant: site.addTenant('acme'), physicalNetwork: site.physicalNetwork('baremetal') })).toThrow(
      'test/A: physnet baremetal is Ethernet; an InfiniBand network needs a physnet declared with PhysicalNetwork.infiniBand');
  });
});

describe('InfiniBandRails', () => {
  const eightRails = () => Array.from({ length: 8 }, (_, i) => rail(i));

  test('eight rails on one fabric: one partition per tenant, unique between tenants, disjoint CIDRs', () => {
    const { stack, site } = siteFixture({ physicalNetworks: eightRails() });
    const sets = ['acme', 'beta'].map((t) => new InfiniBandRails(stack, `${t}Gpu`, {
      tenant: site.addTenant(t), physicalNetworks: site.infiniBandPhysicalNetworks, railSetName: 'gpu',
    }));
    for (const set of sets) {
      expect(set.railCount).toBe(8);
      expect(set.pkeys).toHaveLength(1);
      expect(set.railInfo.map((r) => r.physicalNetworkName)).toEqual(['ibrail0', 'ibrail1', 'ibrail2', 'ibrail3', 'ibrail4', 'ibrail5', 'ibrail6', 'ibrail7']);
      expect(set.railInfo.map((r) => r.railIndex)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    }
    expect(sets[0].pkeys[0]).not.toBe(sets[1].pkeys[0]);
    const cidrs = sets.flatMap((s) => s.rails.map((r) => r.cidr));
    expect(new Set(cidrs).size).toBe(16);
    // rail i is the i-th /24 of the set's /21
    const [a, b, c] = sets[0].cidrBlock.split(/[./]/).map(Number);
    expect(sets[0].cidrBlock).toMatch(/\/21$/);
    expect(sets[0].rails.map((r) => r.cidr)).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((i) => `${a}.${b}.${c + i}.0/24`));
    expect(sets[0].rail(3)).toMatchObject({ networkName: 'gpu-rail3', physicalNetworkName: 'ibrail3', railIndex: 3, fabricName: 'gpu' });
    expect(sets[0].railInfo[3]).toMatchObject({ pkeyHex: sets[0].rails[3].pkeyHex, mtu: 4092, cidr: sets[0].rails[3].cidr });
    expect(Object.keys(resourcesOf(synthStack(stack), 'openstack_networking_network_v2'))).toHaveLength(16);
  });

  test('rails on separate fabrics each get a pkey from their own fabric', () => {
    const own = (i: number) => PhysicalNetwork.infiniBand({ name: `ib${i}`, pkeyRanges: [{ min: 0x10, max: 0x11 }] });
    const { stack, site } = siteFixture({ physicalNetworks: [own(0), own(1)] });
    const set = new InfiniBandRails(stack, 'Gpu', { tenant: site.addTenant('acme'), physicalNetworks: site.infiniBandPhysicalNetworks, pkey: 0x11 });
    expect(set.railInfo.map((r) => [r.fabricName, r.pkeyHex])).toEqual([['ib0', '0x0011'], ['ib1', '0x0011']]);
  });

  test('a pinned rail block, /26 rails', () => {
    const { stack, site } = siteFixture();
    const tenant = site.addTenant('acme', { cidr: '10.100.0.0/16' });
    const set = new InfiniBandRails(stack, 'Gpu', { tenant, physicalNetworks: site.infiniBandPhysicalNetworks, cidr: '10.100.8.0/25', prefixLength: 26 });
    expect(set.rails.map((r) => r.cidr)).toEqual(['10.100.8.0/26', '10.100.8.64/26']);
  });

  test('fails when the rail block overlaps a network of the tenant', () => {
    const { stack, site } = siteFixture();
    const tenant = site.addTenant('acme', { cidr: '10.100.0.0/16' });
    new InfiniBandNetwork(stack, 'Ib', { tenant, physicalNetwork: site.physicalNetwork('ibrail0'), cidr: '10.100.8.0/24' });
    expect(() => new InfiniBandRails(stack, 'Gpu', { tenant, physicalNetworks: site.infiniBandPhysicalNetworks, cidr: '10.100.8.0/23' })).toThrow(
      'test/Site/acme: cidr 10.100.8.0/23 of acme/gpu overlaps 10.100.8.0/24 of acme/ib; every network needs its own address range');
  });

  test('fails when the rail subnets are too large for the rail count', () => {
    const { stack, site } = siteFixture();
    expect(() => new InfiniBandRails(stack, 'Gpu', { tenant: site.addTenant('acme'), physicalNetworks: site.infiniBandPhysicalNetworks, prefixLength: 1 }))
      .toThrow('test/Gpu: prefixLength /1 cannot hold 2 rails; use /2 to /29');
  });

  test('fails when a rail does not exist', () => {
    const { stack, site } = siteFixture();
    const set = new InfiniBandRails(stack, 'Gpu', { tenant: site.addTenant('acme'), physicalNetworks: site.infiniBandPhysicalNetworks });
    expect(() => set.rail(2)).toThrow('test/Gpu: rail 2 does not exist; rails are 0 to 1');
  });

  test('fails when no physnet or a physnet twice is given', () => {
    const { stack, site } = siteFixture();
    const tenant = site.addTenant('acme');
    expect(() => new InfiniBandRails(stack, 'A', { tenant, physicalNetworks: [] })).toThrow(
      'test/A: physicalNetworks is empty; give one InfiniBand physnet per rail (8 for an HGX server)');
    const r0 = site.physicalNetwork('ibrail0');
    expect(() => new InfiniBandRails(stack, 'B', { tenant, physicalNetworks: [r0, r0] })).toThrow('test/B: physnet ibrail0 appears twice; each rail is its own physnet');
  });
});
