import * as fc from 'fast-check';
import { Address4 } from 'ip-address';
import { CidrAllocatorV1 } from './reference/cidr-allocator-v1';
import { AllocationStrategy } from '../../../lib/net/allocation';
import { CidrAllocator } from '../../../lib/net/cidr-allocator';
import { addressText, bounds } from '../../../lib/net/ipv4';

const owners = fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/), { minLength: 1, maxLength: 20 });

function overlap(a: string, b: string): boolean {
  const [x, y] = [new Address4(a), new Address4(b)];
  return x.isInSubnet(y) || y.isInSubnet(x);
}

describe('CidrAllocator', () => {
  test('first-free carves aligned blocks in address order', () => {
    const cidrs = new CidrAllocator('10.0.0.0/16');
    expect(cidrs.allocate('a', 24, AllocationStrategy.FIRST_FREE)).toBe('10.0.0.0/24');
    expect(cidrs.allocate('b', 22, AllocationStrategy.FIRST_FREE)).toBe('10.0.4.0/22');
    expect(cidrs.allocate('c', 24, AllocationStrategy.FIRST_FREE)).toBe('10.0.1.0/24');
  });

  test('an owner asking again gets its block back', () => {
    const cidrs = new CidrAllocator('10.0.0.0/16');
    const first = cidrs.allocate('a', 24);
    expect(cidrs.allocate('a', 24)).toBe(first);
    expect(cidrs.lookup('a')).toBe(first);
  });

  test('allocation skips reserved blocks, also ones reserved outside the supernet', () => {
    const cidrs = new CidrAllocator('10.0.0.0/22');
    cidrs.reserve('provider', '10.0.0.0/23');
    cidrs.reserveAnywhere('elsewhere', '192.168.0.0/16');
    expect(cidrs.allocate('a', 24, AllocationStrategy.FIRST_FREE)).toBe('10.0.2.0/24');
    expect(cidrs.allocations.map((a) => a.owner)).toEqual(['provider', 'a', 'elsewhere']);
  });

  test('fails when a pinned block lies outside the supernet (regression: 11.0.0.0/9 pinned in 10.0.0.0/8)', () => {
    const cidrs = new CidrAllocator('10.0.0.0/8', 'tenantSupernet');
    expect(() => cidrs.reserve('tenant acme', '11.0.0.0/9')).toThrow(
      'cidr 11.0.0.0/9 of tenant acme lies outside tenantSupernet 10.0.0.0/8; pin a block inside 10.0.0.0/8, or widen the supernet');
    expect(() => cidrs.reserve('tenant acme', '10.0.0.0/7')).toThrow(
      'cidr 10.0.0.0/7 of tenant acme lies outside tenantSupernet 10.0.0.0/8; pin a block inside 10.0.0.0/8, or widen the supernet');
    expect(cidrs.allocations).toEqual([]);
    expect(cidrs.reserve('tenant acme', '10.128.0.0/9')).toBe('10.128.0.0/9');
  });

  test('reserveAnywhere records a block outside the supernet that allocations then avoid', () => {
    const cidrs = new CidrAllocator('10.0.0.0/23');
    expect(cidrs.reserveAnywhere('provider', '10.0.0.0/16')).toBe('10.0.0.0/16');
    expect(() => cidrs.allocate('a', 24)).toThrow('supernet 10.0.0.0/23 has no free /24 left for a (1 blocks taken); use a larger supernet or smaller networks');
    expect(() => cidrs.reserveAnywhere('other', '10.0.1.0/24')).toThrow(
      'cidr 10.0.1.0/24 of other overlaps 10.0.0.0/16 of provider; every network needs its own address range');
  });

  test('fails when an owner pinned outside the supernet asks allocate for a block (found by the fuzz harness)', () => {
    const cidrs = new CidrAllocator('10.0.0.0/8');
    cidrs.reserveAnywhere('a', '11.0.0.0/21');
    expect(() => cidrs.allocate('a', 21)).toThrow('a already holds 11.0.0.0/21, outside supernet 10.0.0.0/8; give each network its own owner name');
  });

  test('fails when a pinned CIDR overlaps another owner', () => {
    const cidrs = new CidrAllocator('10.0.0.0/16');
    cidrs.reserve('acme/data', '10.0.0.0/22');
    expect(() => cidrs.reserve('beta/data', '10.0.2.0/24')).toThrow(
      'cidr 10.0.2.0/24 of beta/data overlaps 10.0.0.0/22 of acme/data; every network needs its own address range');
  });

  test('fails when an owner pins a second, different block', () => {
    const cidrs = new CidrAllocator('10.0.0.0/16');
    cidrs.reserve('a', '10.0.0.0/24');
    expect(() => cidrs.reserve('a', '10.0.1.0/24')).toThrow('a already holds 10.0.0.0/24; it cannot also take 10.0.1.0/24');
  });

  test('fails when the supernet is full', () => {
    const cidrs = new CidrAllocator('10.0.0.0/23');
    cidrs.allocate('a', 24);
    cidrs.allocate('b', 24);
    expect(() => cidrs.allocate('c', 24)).toThrow(
      'supernet 10.0.0.0/23 has no free /24 left for c (2 blocks taken); use a larger supernet or smaller networks');
  });

  test('fails when the prefix length does not fit the supernet', () => {
    expect(() => new CidrAllocator('10.0.0.0/16').allocate('a', 12)).toThrow(
      'prefix length /12 does not fit supernet 10.0.0.0/16; use /16 to /30');
  });

  test('fails when the supernet is not a CIDR', () => {
    expect(() => new CidrAllocator('10.0.0.1/16', 'tenantSupernet')).toThrow('tenantSupernet 10.0.0.1/16 has host bits set; use 10.0.0.0/16');
  });

  test('hashed allocation reports the preferred block when it was taken', () => {
    const a = new CidrAllocator('10.0.0.0/23').allocate('a', 24);
    const fresh = new CidrAllocator('10.0.0.0/23');
    fresh.reserve('squatter', a);
    const got = fresh.allocate('a', 24);
    expect(got).not.toBe(a);
    expect(fresh.allocations.find((x) => x.owner === 'a')).toEqual({ owner: 'a', value: got, pinned: false, preferred: a, displacedBy: 'squatter' });
  });

  test('property: blocks never overlap, stay inside the supernet and are aligned', () => {
    fc.assert(fc.property(owners, fc.array(fc.integer({ min: 20, max: 28 }), { minLength: 20, maxLength: 20 }),
      fc.constantFrom(AllocationStrategy.HASHED, AllocationStrategy.FIRST_FREE), (names, sizes, strategy) => {
        const cidrs = new CidrAllocator('10.64.0.0/16');
        cidrs.reserve('provider', '10.64.128.0/20');
        const got = names.map((n, i) => cidrs.allocate(n, sizes[i], strategy));
        const all = [...got, '10.64.128.0/20'];
        for (let i = 0; i < all.length; i++) {
          const block = new Address4(all[i]);
          expect(block.isInSubnet(new Address4('10.64.0.0/16'))).toBe(true);
          expect(block.startAddress().correctForm()).toBe(block.correctForm());
          for (let j = i + 1; j < all.length; j++) expect(overlap(all[i], all[j])).toBe(false);
        }
      }));
  });

  test('property: every block reserve or allocate hands out lies inside the supernet, whatever is pinned', () => {
    const cidr = fc.tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 4, max: 30 })).map(([n, bits]) => {
      const first = Math.floor(n / 2 ** (32 - bits)) * 2 ** (32 - bits);
      return `${[24, 16, 8, 0].map((s) => Math.floor(first / 2 ** s) % 256).join('.')}/${bits}`;
    });
    const op = fc.oneof(
      fc.record({ pin: cidr }),
      fc.record({ anywhere: cidr }),
      fc.record({ size: fc.integer({ min: 8, max: 30 }), strategy: fc.constantFrom(AllocationStrategy.HASHED, AllocationStrategy.FIRST_FREE) }),
    );
    fc.assert(fc.property(fc.constantFrom('10.0.0.0/8', '10.64.0.0/10', '172.16.0.0/12', '192.168.0.0/16'), fc.array(op, { maxLength: 30 }),
      (supernet, ops) => {
        const cidrs = new CidrAllocator(supernet);
        const outer = new Address4(supernet);
        const inside = new Set<string>();
        ops.forEach((o, i) => {
          let got: string;
          try {
            if ('pin' in o) got = cidrs.reserve(`pin${i}`, o.pin);
            else if ('anywhere' in o) return void cidrs.reserveAnywhere(`any${i}`, o.anywhere);
            else got = cidrs.allocate(`alloc${i}`, o.size, o.strategy);
          } catch (e) {
            expect((e as Error).message).toMatch(/lies outside supernet|overlaps|has no free|does not fit supernet/);
            return;
          }
          expect(new Address4(got).isInSubnet(outer)).toBe(true);
          inside.add(got);
        });
        const held = cidrs.allocations.filter((a) => !a.owner.startsWith('any')).map((a) => a.value);
        expect(new Set(held)).toEqual(inside);
        held.forEach((b) => expect(new Address4(b).isInSubnet(outer)).toBe(true));
        const all = cidrs.allocations.map((a) => a.value);
        for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) expect(overlap(all[i], all[j])).toBe(false);
      }));
  });

  test('property: the same requests give the same blocks (deterministic)', () => {
    fc.assert(fc.property(owners, (names) => {
      const run = () => { const c = new CidrAllocator('10.0.0.0/8'); return names.map((n) => c.allocate(n, 16)); };
      expect(run()).toEqual(run());
    }));
  });

  test('property: hashed blocks do not depend on request order unless two owners prefer the same block', () => {
    fc.assert(fc.property(owners.chain((names) => fc.tuple(fc.constant(names), fc.shuffledSubarray(names, { minLength: names.length }))),
      ([names, shuffled]) => {
        const run = (order: string[]) => {
          const c = new CidrAllocator('10.0.0.0/8');
          order.forEach((n) => c.allocate(n, 16));
          return c.allocations;
        };
        const [a, b] = [run(names), run(shuffled)];
        const displaced = [...a, ...b].some((x) => x.displacedBy !== undefined);
        if (!displaced) expect(new Map(a.map((x) => [x.owner, x.value]))).toEqual(new Map(b.map((x) => [x.owner, x.value])));
      }));
  });

  test('property: adding an owner in front leaves the others alone unless it takes a block they held', () => {
    fc.assert(fc.property(owners, fc.stringMatching(/^new-[a-z0-9]{1,8}$/), (names, newcomer) => {
      const before = new CidrAllocator('10.0.0.0/8');
      const old = new Map(names.map((n) => [n, before.allocate(n, 16)]));
      const after = new CidrAllocator('10.0.0.0/8');
      const itsBlock = after.allocate(newcomer, 16);
      for (const n of names) {
        const now = after.allocate(n, 16);
        if (old.get(n) !== itsBlock && ![...old.values()].includes(itsBlock)) expect(now).toBe(old.get(n));
      }
    }));
  });

  test('property: the same results as the allocator before the sorted ranges, call for call, including messages', () => {
    const cidr = fc.tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 8, max: 30 })).map(([n, bits]) => {
      const first = Math.floor(n / 2 ** (32 - bits)) * 2 ** (32 - bits);
      return `${addressText(first)}/${bits}`;
    });
    const near = fc.tuple(fc.integer({ min: 0, max: 2 ** 16 - 1 }), fc.integer({ min: 17, max: 28 })).map(([n, bits]) => {
      const first = 10 * 2 ** 24 + 64 * 2 ** 16 + Math.floor(n / 2 ** (32 - bits)) * 2 ** (32 - bits) % 2 ** 16;
      return `${addressText(first)}/${bits}`;
    });
    const owner = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'acme/data', 'beta/gpu');
    const op = fc.oneof(
      fc.record({ kind: fc.constant('reserve'), owner, cidr: fc.oneof(cidr, near) }),
      fc.record({ kind: fc.constant('anywhere'), owner, cidr: fc.oneof(cidr, near) }),
      fc.record({
        kind: fc.constant('allocate'),
        owner,
        size: fc.integer({ min: 14, max: 30 }),
        strategy: fc.constantFrom(AllocationStrategy.HASHED, AllocationStrategy.FIRST_FREE),
      }),
      fc.record({ kind: fc.constant('covers'), owner, cidr: fc.oneof(cidr, near) }),
    );
    fc.assert(fc.property(fc.constantFrom('10.64.0.0/16', '10.64.0.0/20', '10.0.0.0/8'), fc.array(op, { maxLength: 40 }), (supernet, ops) => {
      const [now, before] = [new CidrAllocator(supernet), new CidrAllocatorV1(supernet)];
      const outcome = (f: () => unknown) => {
        try {
          return JSON.stringify(f());
        } catch (e) {
          return `error: ${(e as Error).message}`;
        }
      };
      for (const o of ops) {
        const call = (c: any) => (o.kind === 'reserve' ? c.reserve(o.owner, (o as any).cidr)
          : o.kind === 'anywhere' ? c.reserveAnywhere(o.owner, (o as any).cidr)
            : o.kind === 'covers' ? c.covers((o as any).cidr) : c.allocate(o.owner, (o as any).size, (o as any).strategy));
        expect(outcome(() => call(now))).toBe(outcome(() => call(before)));
        expect(JSON.stringify(now.allocations)).toBe(JSON.stringify(before.allocations));
        expect(now.lookup(o.owner)).toBe(before.lookup(o.owner));
      }
    }), { numRuns: 300 });
  });

  test('property: bounds and addressText agree with ip-address', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 32 }), (n, bits) => {
      const text = Address4.fromInteger(n).correctForm();
      expect(addressText(n)).toBe(text);
      const block = new Address4(`${text}/${bits}`);
      expect(bounds(block)).toEqual({ first: Number(block.startAddress().bigInt()), last: Number(block.endAddress().bigInt()) });
    }));
  });
});
