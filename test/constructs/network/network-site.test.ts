import { IConstruct } from 'constructs';
import { FakeProject, baremetal, rail, siteFixture } from './fixtures';
import { NetworkSite } from '../../../constructs/network/network-site';
import { TenantNetwork } from '../../../constructs/network/tenant-network';
import { AllocationStrategy } from '../../../lib/net/allocation';
import { Encapsulation } from '../../../lib/net/mtu';
import { PhysicalNetwork } from '../../../lib/net/physical-network';
import { VlanAllocator } from '../../../lib/net/segmentation';
import { testStack } from '../../util';

describe('NetworkSite', () => {
  test('tenants get disjoint /16 blocks of the supernet, the same on every run', () => {
    const run = () => {
      const { site } = siteFixture();
      return ['acme', 'beta', 'gamma'].map((t) => site.addTenant(t).cidrBlock);
    };
    const blocks = run();
    expect(new Set(blocks).size).toBe(3);
    blocks.forEach((b) => expect(b).toMatch(/^10\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.0\.0\/16$/));
    expect(run()).toEqual(blocks);
  });

  test('a tenant keeps its block when another tenant is added before it', () => {
    const alone = siteFixture().site.addTenant('acme').cidrBlock;
    const { site } = siteFixture();
    site.addTenant('zeta');
    expect(site.addTenant('acme').cidrBlock).toBe(alone);
  });

  test('a pinned tenant block and the site reservations are honoured', () => {
    const { site } = siteFixture({ reservedCidrs: ['10.64.0.0/16'], allocationStrategy: AllocationStrategy.FIRST_FREE });
    expect(site.addTenant('acme', { cidr: '10.100.0.0/16' }).cidrBlock).toBe('10.100.0.0/16');
    expect(site.addTenant('beta').cidrBlock).toBe('10.65.0.0/16');
  });

  test('the allocation report lists every block, VLAN and pkey', () => {
    const { site } = siteFixture();
    const tenant = site.addTenant('acme');
    site.allocatePkey(site.physicalNetwork('ibrail0'), 'acme/gpu', 'acme/gpu-rail0', 0x123);
    site.allocateVlan(site.physicalNetwork('baremetal'), 'acme/bm', 710);
    expect(site.allocations().map((a) => [a.kind, a.scope, a.owner, a.value])).toEqual([
      ['cidr', 'supernet 10.64.0.0/10', 'tenant acme', tenant.cidrBlock],
      ['vlan', 'physnet baremetal', 'acme/bm', '710'],
      ['pkey', 'fabric gpu', 'acme/gpu', '0x0123'],
      ['ib-segment', 'physnet ibrail0', 'acme/gpu-rail0', '291'],
    ]);
  });

  test('notes the value to pin when a hashed VLAN was taken by another network', () => {
    const stack = testStack();
    const ranges = [{ min: 10, max: 11 }];
    const site = new NetworkSite(stack, 'Site', { tenantSupernet: '10.64.0.0/10', physicalNetworks: [PhysicalNetwork.ethernet({ name: 'p', vlanRanges: ranges })] });
    const first = site.allocateVlan(site.physicalNetwork('p'), 'a/one');
    // an owner whose hash prefers the same VLAN (deterministic: the hash is sha256 of the name)
    let n = 0;
    while (new VlanAllocator('p', ranges).allocate(`b/${n}`) !== first) n++;
    const second = site.allocateVlan(site.physicalNetwork('p'), `b/${n}`);
    expect(second).toBe(first === 10 ? 11 : 10);
    expect(notesOf(site)).toEqual([`b/${n} got VLAN on physnet p ${second} because its preferred ${first} is held by a/one; `
      + `which of the two gets it depends on construct order: pin vlanId: ${second} to keep it`]);
  });

  test('fails when a tenant is added twice', () => {
    const { site } = siteFixture();
    site.addTenant('acme');
    expect(() => site.addTenant('acme')).toThrow('test/Site: tenant acme is added twice; tenant names are unique in a site');
  });

  test('fails when two networks of a tenant share a name', () => {
    const { stack, site } = siteFixture();
    const tenant = site.addTenant('acme');
    new TenantNetwork(stack, 'A', { tenant, networkName: 'data' });
    expect(() => new TenantNetwork(stack, 'B', { tenant, networkName: 'data' })).toThrow(
      "test/B: tenant acme already has a network named data (test/A); network names key the tenant's allocations, give this one its own networkName");
  });

  test('fails when a pinned tenant block overlaps another tenant (overlapping CIDRs)', () => {
    const { site } = siteFixture();
    const acme = site.addTenant('acme');
    expect(() => site.addTenant('beta', { cidr: acme.cidrBlock })).toThrow(
      `test/Site/beta: cidr ${acme.cidrBlock} of tenant beta overlaps ${acme.cidrBlock} of tenant acme; every network needs its own address range`);
  });

  test('fails when a tenant block is pinned outside the supernet', () => {
    expect(() => siteFixture().site.addTenant('acme', { cidr: '192.168.0.0/16' })).toThrow(
      'test/Site/acme: cidr 192.168.0.0/16 is outside the tenant supernet 10.64.0.0/10; pin a block inside it');
  });

  test('fails when physnets of one fabric declare different pkey spaces', () => {
    const other = PhysicalNetwork.infiniBand({ name: 'ibrail1', fabricName: 'gpu', pkeyRanges: [{ min: 0x200, max: 0x2ff }] });
    expect(() => siteFixture({ physicalNetworks: [rail(0), other] })).toThrow(
      'test/Site: physnets ibrail0 and ibrail1 are on fabric gpu but declare different pkey ranges or reserved pkeys; a fabric has one pkey space, declare the same on each');
  });

  test('fails when a physnet is declared twice or looked up but not declared', () => {
    expect(() => siteFixture({ physicalNetworks: [baremetal(), baremetal()] })).toThrow(
      'test/Site: physnet baremetal is declared twice; physnet names are unique');
    expect(() => siteFixture().site.physicalNetwork('nope')).toThrow(
      'test/Site: physnet nope is not declared; declared: baremetal, tenant-vlan, provider, ibrail0, ibrail1');
  });

  test('fails when the overlay encapsulation is not an overlay', () => {
    expect(() => siteFixture({ overlayEncapsulation: Encapsulation.VLAN })).toThrow(
      'test/Site: overlayEncapsulation vlan is not an overlay; use geneve (OVN) or vxlan (ML2/OVS)');
  });

  test('fails when the tenant block size does not fit the supernet', () => {
    expect(() => siteFixture({ tenantBlockPrefixLength: 8 })).toThrow(
      'test/Site: tenantBlockPrefixLength /8 does not fit tenantSupernet 10.64.0.0/10; use /10 to /28');
  });

  test('fails when a project differs from the tenant\'s', () => {
    const { stack, site } = siteFixture();
    const tenant = site.addTenant('acme', { project: new FakeProject(stack, 'Acme') });
    expect(() => new TenantNetwork(stack, 'N', { tenant, project: new FakeProject(stack, 'Beta') })).toThrow(
      'test/N: project beta differs from acme, the project of tenant acme; leave project out or use the same');
  });
});

function notesOf(scope: IConstruct): string[] {
  return scope.node.metadata.filter((m) => m.type.includes('info')).map((m) => String(m.data));
}
