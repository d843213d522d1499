import * as fc from 'fast-check';
import { AllocationStrategy } from '../../../lib/net/allocation';
import { IdPool } from '../../../lib/net/id-pool';

describe('IdPool', () => {
  test('property: allocations are every id held, in id order, whatever order they were taken in', () => {
    fc.assert(fc.property(fc.array(fc.oneof(
      fc.record({ owner: fc.stringMatching(/^[a-z]{1,4}$/), id: fc.integer({ min: 100, max: 160 }) }),
      fc.record({ owner: fc.stringMatching(/^[a-z]{1,4}$/), strategy: fc.constantFrom(AllocationStrategy.HASHED, AllocationStrategy.FIRST_FREE) }),
    ), { maxLength: 60 }), (ops) => {
      const pool = new IdPool([{ min: 100, max: 120 }, { min: 140, max: 160 }], new Set([105]), (id) => `#${id}`);
      const held = new Map<string, number>();
      const pinned = new Map<string, boolean>();
      for (const o of ops) {
        try {
          const id = 'id' in o ? pool.take(o.owner, o.id, `id ${o.id}`) : pool.allocate(o.owner, o.strategy, 'the pool');
          if (!held.has(o.owner)) pinned.set(o.owner, 'id' in o);
          held.set(o.owner, id);
        } catch (e) {
          expect((e as Error).message).toMatch(/already|no free id|outside/);
        }
      }
      const expected = [...held.entries()].sort(([, a], [, b]) => a - b).map(([owner, id]) => [owner, `#${id}`]);
      expect(pool.allocations().map((a) => [a.owner, a.value])).toEqual(expected);
      pool.allocations().forEach((a) => expect(a.pinned).toBe(pinned.get(a.owner)));
    }));
  });
});
