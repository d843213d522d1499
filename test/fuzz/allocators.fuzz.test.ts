/**
 * Fuzzing the allocators (issue 16 item 2): random sequences of pins and allocations with type-correct but careless
 * values. Each call either fails with our FactoryError or returns a value that keeps the allocator's promises:
 * canonical CIDRs inside the supernet (for reserve and allocate), no two owners overlapping, ids inside the ranges
 * and never a reserved one, the same answer again for the same owner.
 */
import * as fc from 'fast-check';
import { Address4 } from 'ip-address';
import { fuzzName, fuzzNumber, params } from './harness';
import { FactoryError } from '../../lib/errors';
import { AllocationStrategy } from '../../lib/net/allocation';
import { CidrAllocator } from '../../lib/net/cidr-allocator';
import { PkeyAllocator, VlanAllocator } from '../../lib/net/segmentation';

/** Runs `f`; our error is an accepted outcome (undefined), anything else thrown fails the property. */
function ours<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (e) {
    if (e instanceof FactoryError) return undefined;
    throw new Error(`crash instead of a validation error: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  }
}

const range = (cidr: string) => {
  const a = new Address4(cidr);
  return [Number(a.startAddress().bigInt()), Number(a.endAddress().bigInt())] as const;
};

const cidrText = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.tuple(fc.constantFrom(10, 11, 172, 192), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 8, max: 30 }))
      .map(([a, b, p]) => new Address4(`${a}.${b}.0.0/${p}`).startAddress().address + `/${p}`),
  },
  fc.constantFrom('10.0.0.0/8', '11.0.0.0/9', '0.0.0.0/0', '10.1.0.1/24', '10.0.0.0/33', '10.0.0.0/-1', '10.0.0.0', '', ' 10.0.0.0/8', '::/0', '10.0.0.0/08', '010.0.0.0/8', '10.0.0.0/8 '),
  fc.string({ maxLength: 10 }),
);
const strategy = fc.constantFrom(...Object.values(AllocationStrategy));
const owner = fuzzName(fc.constantFrom('a', 'b', 'c', 'tenant-a/net', 'tenant-b/net'));

describe('fuzz: allocators', () => {
  test('CidrAllocator: our error, or canonical blocks inside the supernet that never overlap', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('reserve' as const), owner, cidr: cidrText }),
      fc.record({ kind: fc.constant('reserveAnywhere' as const), owner, cidr: cidrText }),
      fc.record({ kind: fc.constant('allocate' as const), owner, prefix: fuzzNumber(fc.integer({ min: 8, max: 32 })), strategy }),
    );
    fc.assert(fc.property(fc.constantFrom('10.0.0.0/8', '10.64.0.0/10', '192.168.0.0/24', '0.0.0.0/0', '10.0.0.1/8', ''), fc.array(op, { maxLength: 12 }), (supernet, ops) => {
      const alloc = ours(() => new CidrAllocator(supernet));
      if (alloc === undefined) return;
      const [lo, hi] = range(alloc.supernet);
      for (const o of ops) {
        const got = ours(() => (o.kind === 'allocate' ? alloc.allocate(o.owner, o.prefix, o.strategy)
          : o.kind === 'reserve' ? alloc.reserve(o.owner, o.cidr) : alloc.reserveAnywhere(o.owner, o.cidr)));
        if (got === undefined) continue;
        expect(new Address4(got).startAddress().address + `/${new Address4(got).subnetMask}`).toBe(got);
        expect(alloc.lookup(o.owner)).toBe(got);
        if (o.kind !== 'reserveAnywhere') {
          const [first, last] = range(got);
          expect(first >= lo && last <= hi).toBe(true);
        }
      }
      const held = alloc.allocations.map((a) => range(a.value)).sort((x, y) => x[0] - y[0]);
      for (let i = 1; i < held.length; i++) expect(held[i][0]).toBeGreaterThan(held[i - 1][1]);
      expect(new Set(alloc.allocations.map((a) => a.owner)).size).toBe(alloc.allocations.length);
    }), params({ numRuns: Math.max(200, Number(process.env.FUZZ_RUNS ?? 0)) }));
  });

  test('VlanAllocator and PkeyAllocator: our error, or ids in range, unique, never reserved', () => {
    const bound = fuzzNumber(fc.integer({ min: 0, max: 0x7fff }));
    fc.assert(fc.property(
      fc.array(fc.record({ min: bound, max: bound }), { maxLength: 3 }),
      fc.array(bound, { maxLength: 3 }),
      fc.array(fc.record({ owner, pin: fc.option(bound, { nil: undefined }), strategy }), { maxLength: 10 }),
      fc.boolean(),
      (ranges, reserved, ops, pkeys) => {
        const alloc = ours(() => (pkeys ? new PkeyAllocator('gpu', ranges, reserved) : new VlanAllocator('tenant', ranges)));
        if (alloc === undefined) return;
        const held = new Map<string, number>();
        for (const o of ops) {
          const got = ours(() => (o.pin === undefined ? alloc.allocate(o.owner, o.strategy) : alloc.reserve(o.owner, o.pin)));
          if (got === undefined) continue;
          expect(Number.isInteger(got)).toBe(true);
          expect(ranges.some((r) => got >= r.min && got <= r.max)).toBe(true);
          if (pkeys) expect(reserved.includes(got)).toBe(false);
          expect(alloc.lookup(o.owner)).toBe(got);
          held.set(o.owner, got);
        }
        expect(new Set(held.values()).size).toBe(held.size);
      }), params({ numRuns: Math.max(200, Number(process.env.FUZZ_RUNS ?? 0)) }));
  });
});
