/**
 * The integer pool behind the VLAN and pkey allocators. Not jsii API (kept out of the barrel).
 */
import { AllocationStrategy, NetworkAllocation, SegmentationRange } from './allocation';
import { stableHash } from './ipv4';
import { check, fail } from '../errors';

interface Held {
  readonly value: number;
  readonly pinned: boolean;
  readonly preferred?: number;
  readonly displacedBy?: string;
}

/** A pool of integer ids in one or more ranges, each id held by at most one owner. */
export class IdPool {
  private readonly owners = new Map<string, Held>();
  private readonly holders = new Map<number, string>();
  /** Every id held as reported by `allocations`, kept in id order as ids are taken (no sort per call). */
  private readonly sorted: NetworkAllocation[] = [];
  private readonly sortedIds: number[] = [];
  private readonly size: number;

  /**
   * @param ranges the ids the pool hands out (sorted, not overlapping)
   * @param excluded ids inside the ranges that are never handed out
   * @param format how an id is written in messages
   */
  constructor(
    private readonly ranges: readonly SegmentationRange[],
    private readonly excluded: ReadonlySet<number>,
    private readonly format: (id: number) => string,
  ) {
    this.size = ranges.reduce((n, r) => n + r.max - r.min + 1, 0);
  }

  /** Whether the id lies in one of the ranges. */
  public inRanges(id: number): boolean {
    return this.ranges.some((r) => id >= r.min && id <= r.max);
  }

  /** The owner holding `id`, if any. */
  public holderOf(id: number): string | undefined {
    return this.holders.get(id);
  }

  /** The id `owner` holds, if any. */
  public heldBy(owner: string): number | undefined {
    return this.owners.get(owner)?.value;
  }

  /**
   * Records `id` for `owner`; `describe` names the id in messages (`VLAN 712 on physnet tenant`).
   * Fails when another owner holds it or when the owner holds a different id.
   */
  public take(owner: string, id: number, describe: string): number {
    const held = this.owners.get(owner);
    if (held) {
      check(held.value === id, () => `${owner} already holds ${this.format(held.value)}; it cannot also take ${this.format(id)}`);
      return id;
    }
    const holder = this.holders.get(id);
    if (holder !== undefined) fail(`${describe} is already used by ${holder}; every network needs its own`);
    this.hold(owner, { value: id, pinned: true });
    return id;
  }

  /**
   * Allocates a free id in the ranges to `owner`, or returns the id it already holds. `what` names the pool in the
   * message when it is exhausted.
   */
  public allocate(owner: string, strategy: AllocationStrategy, what: string): number {
    const held = this.owners.get(owner);
    if (held) return held.value;
    check(this.size > 0, () => `${what} has no ids to allocate from; declare its ranges`);
    const start = strategy === AllocationStrategy.HASHED ? stableHash(owner) % this.size : 0;
    for (let step = 0; step < this.size; step++) {
      const id = this.idAt((start + step) % this.size);
      if (!this.excluded.has(id) && !this.holders.has(id)) {
        const preferred = this.idAt(start);
        this.hold(owner, { value: id, pinned: false, preferred, displacedBy: step === 0 ? undefined : this.holders.get(preferred) ?? 'the site' });
        return id;
      }
    }
    return fail(`${what} has no free id left for ${owner} (${this.holders.size} of ${this.size} taken); widen its ranges`);
  }

  /** The allocation `owner` holds, as {@link allocations} reports it, if any. */
  public allocationOf(owner: string): NetworkAllocation | undefined {
    const held = this.owners.get(owner);
    return held === undefined ? undefined : this.sorted[this.insertionPoint(held.value)];
  }

  /** Every id held, in id order. */
  public allocations(): NetworkAllocation[] {
    return [...this.sorted];
  }

  /** The ranges, written for messages: `700-799, 900-949`. */
  public describeRanges(): string {
    return this.ranges.map((r) => (r.min === r.max ? this.format(r.min) : `${this.format(r.min)}-${this.format(r.max)}`)).join(', ');
  }

  private hold(owner: string, held: Held): void {
    this.owners.set(owner, held);
    this.holders.set(held.value, owner);
    // ids are unique, so inserting at the binary-search point keeps the order sorting by id gives
    const lo = this.insertionPoint(held.value);
    this.sortedIds.splice(lo, 0, held.value);
    this.sorted.splice(lo, 0, {
      owner,
      value: this.format(held.value),
      pinned: held.pinned,
      preferred: held.preferred === undefined ? undefined : this.format(held.preferred),
      displacedBy: held.displacedBy,
    });
  }

  /** Where `id` is, or would go, in the ids held (binary search). */
  private insertionPoint(id: number): number {
    let [lo, hi] = [0, this.sortedIds.length];
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.sortedIds[mid] < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The n-th id across the ranges. */
  private idAt(n: number): number {
    let rest = n;
    for (const r of this.ranges) {
      const count = r.max - r.min + 1;
      if (rest < count) return r.min + rest;
      rest -= count;
    }
    return fail(`id index ${n} is outside the pool`);
  }
}

/**
 * Validates ranges of ids: integers inside [lowest, highest], min ≤ max, not overlapping. Returns them sorted.
 */
export function checkRanges(ranges: readonly SegmentationRange[], lowest: number, highest: number, what: string,
  format: (id: number) => string): SegmentationRange[] {
  const sorted = [...ranges].sort((a, b) => a.min - b.min);
  for (const r of sorted) {
    check(Number.isInteger(r.min) && Number.isInteger(r.max) && r.min <= r.max,
      () => `${what} range ${format(r.min)}-${format(r.max)} is not a range of integers with min <= max`);
    check(r.min >= lowest && r.max <= highest,
      () => `${what} range ${format(r.min)}-${format(r.max)} leaves ${format(lowest)}-${format(highest)}; keep it inside`);
  }
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1], sorted[i]];
    check(b.min > a.max, () => `${what} ranges ${format(a.min)}-${format(a.max)} and ${format(b.min)}-${format(b.max)} overlap`);
  }
  return sorted;
}
