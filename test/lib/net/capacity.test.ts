import { Address4 } from 'ip-address';
import { AllocationStrategy } from '../../../lib/net/allocation';
import { CidrAllocator } from '../../../lib/net/cidr-allocator';
import { PkeyAllocator, VlanAllocator } from '../../../lib/net/segmentation';

// A site of 1,000 tenants (issue 16): the allocators hold it when their ranges are sized for it, and refuse with how
// to widen them when they are not. No timing is asserted here (bench/ measures speed).
const tenants = Array.from({ length: 1000 }, (_, t) => `t${String(t).padStart(4, '0')}`);

describe('allocators at 1,000 tenants', () => {
  test.each([AllocationStrategy.HASHED, AllocationStrategy.FIRST_FREE])('a 10.0.0.0/8 supernet holds 1,000 /20 tenant blocks with their networks (%s)', (strategy) => {
    const site = new CidrAllocator('10.0.0.0/8', 'tenantSupernet');
    const blocks = tenants.map((t) => site.allocate(`tenant ${t}`, 20, strategy));
    expect(new Set(blocks).size).toBe(1000);
    expect(site.allocations).toHaveLength(1000);
    const starts = site.allocations.map((a) => Number(new Address4(a.value).bigInt()));
    starts.forEach((s, i) => i > 0 && expect(s).toBeGreaterThanOrEqual(starts[i - 1] + 4096));
    tenants.forEach((t, i) => {
      const block = new CidrAllocator(blocks[i], `tenant ${t} block`);
      const control = block.allocate(`${t}/control`, 24, strategy);
      const rails = block.allocate(`${t}/gpu`, 21, strategy);
      for (const cidr of [control, rails]) expect(new Address4(cidr).isInSubnet(new Address4(blocks[i]))).toBe(true);
    });
  });

  test('a fabric with pkeys 0x0100-0x0ffe gives 1,000 tenant partitions their own pkey', () => {
    const fabric = new PkeyAllocator('gpu-fabric', [{ min: 0x0100, max: 0x0ffe }], [0x0100]);
    const pkeys = tenants.map((t) => fabric.allocate(`${t}/gpu`));
    expect(new Set(pkeys).size).toBe(1000);
    expect(pkeys).not.toContain(0x0100);
    expect(fabric.allocations).toHaveLength(1000);
  });

  test('fails when the pkey ranges cannot hold the tenants, saying to widen them', () => {
    const fabric = new PkeyAllocator('gpu-fabric', [{ min: 0x0100, max: 0x01ff }]);
    tenants.slice(0, 256).forEach((t) => fabric.allocate(`${t}/gpu`));
    expect(() => fabric.allocate('t0256/gpu')).toThrow(
      "fabric gpu-fabric's pkey ranges (0x0100-0x01ff) has no free id left for t0256/gpu (256 of 256 taken); widen its ranges");
  });

  test('fails when a VLAN range of 100 ids meets the 101st tenant network, saying to widen it', () => {
    const vlans = new VlanAllocator('tenant', [{ min: 700, max: 799 }]);
    tenants.slice(0, 100).forEach((t) => vlans.allocate(`${t}/data`));
    expect(() => vlans.allocate('t0100/data')).toThrow(
      "physnet tenant's tenant VLAN ranges (700-799) has no free id left for t0100/data (100 of 100 taken); widen its ranges");
  });

  test('fails when the supernet cannot hold the tenant blocks, saying how to make room', () => {
    const site = new CidrAllocator('10.64.0.0/10', 'tenantSupernet');
    tenants.slice(0, 64).forEach((t) => site.allocate(`tenant ${t}`, 16));
    expect(() => site.allocate('tenant t0064', 16)).toThrow(
      'supernet 10.64.0.0/10 has no free /16 left for tenant t0064 (64 blocks taken); use a larger supernet or smaller networks');
  });
});
