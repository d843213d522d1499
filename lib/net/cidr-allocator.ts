import { AllocationStrategy, NetworkAllocation } from './allocation';
import { addressText, blockSize, checkInteger, parseCidrRange, stableHash } from './ipv4';
import { check, fail } from '../errors';

/** A block held, as integers: address arithmetic on numbers, `ip-address` only where user text is parsed. */
interface CidrEntry {
  readonly owner: string;
  /** First and last address of the block as integers. */
  readonly first: number;
  readonly last: number;
  readonly prefixLength: number;
  /** The block in canonical form (`10.0.0.0/24`). */
  readonly cidr: string;
  /** Order of insertion: when several blocks overlap a request, messages name the one taken first. */
  readonly seq: number;
  /** The entry as reported by `allocations`. */
  readonly allocation: NetworkAllocation;
}

/**
 * Carves IPv4 blocks out of a supernet and guarantees that no two owners' blocks overlap.
 *
 * Blocks are aligned to their size (a /24 starts on a /24 boundary). `allocate` picks a free block
 * ({@link AllocationStrategy.HASHED} by default, so an owner keeps its block when others come and go); `reserve`
 * pins a given block inside the supernet; `reserveAnywhere` records a block that may also lie outside it (a provider
 * network, a BMC range) so that nothing handed out overlaps it. Every block `allocate` or `reserve` returns lies
 * inside the supernet. Same input, same output: no randomness, no dependence on anything but the calls made.
 * CIDR text is parsed by the `ip-address` library; the blocks held are kept as integer ranges sorted by address, so
 * finding a free block or a clash is a binary search instead of a pass over every block (a site with 1,000 tenants
 * allocates in milliseconds).
 */
export class CidrAllocator {
  /** The supernet blocks are carved from, e.g. `10.64.0.0/10`. */
  public readonly supernet: string;
  private readonly first: number;
  private readonly prefixLength: number;
  private readonly label: string;
  /** Blocks held, sorted by first address (they never overlap, so also by last address). */
  private readonly sorted: CidrEntry[] = [];
  private readonly byOwner = new Map<string, CidrEntry>();

  /**
   * @param supernet IPv4 CIDR blocks are carved from
   * @param label what the supernet is called in messages
   */
  constructor(supernet: string, label: string = 'supernet') {
    this.label = label;
    const net = rangeOf(supernet, label);
    this.first = net.first;
    this.prefixLength = net.prefixLength;
    this.supernet = net.cidr;
  }

  /**
   * Pins `cidr`, which must lie inside the supernet, to `owner`. Fails when it lies outside the supernet, overlaps a
   * block of another owner, or when the owner already holds a different block. Pinning the block an owner already
   * holds is a no-op.
   * @returns the CIDR in canonical form
   */
  public reserve(owner: string, cidr: string): string {
    checkOwner(owner);
    const block = rangeOf(cidr);
    check(this.inside(block), () => `cidr ${block.cidr} of ${owner} lies outside ${this.label} ${this.supernet}; `
      + `pin a block inside ${this.supernet}, or widen the supernet`);
    return this.pin(owner, block);
  }

  /**
   * Records `cidr` for `owner` wherever it lies, inside or outside the supernet (a site provider network, a BMC
   * range, a network pinned outside its tenant's block): allocations never overlap it. Fails like {@link reserve}
   * on overlaps and on a second, different block for the same owner.
   * @returns the CIDR in canonical form
   */
  public reserveAnywhere(owner: string, cidr: string): string {
    checkOwner(owner);
    return this.pin(owner, rangeOf(cidr));
  }

  /**
   * Allocates a free block of `prefixLength` inside the supernet to `owner`, or returns the block the owner already
   * holds (when it has that size).
   */
  public allocate(owner: string, prefixLength: number, strategy: AllocationStrategy = AllocationStrategy.HASHED): string {
    checkOwner(owner);
    const min = this.prefixLength;
    checkInteger(prefixLength, min, 30, () => `prefix length /${prefixLength} does not fit supernet ${this.supernet}; use /${min} to /30`);
    const held = this.byOwner.get(owner);
    if (held) {
      check(held.prefixLength === prefixLength,
        () => `${owner} already holds ${held.cidr}, not a /${prefixLength}; give each network its own owner name`);
      // a block recorded with reserveAnywhere may lie outside: allocate only ever returns blocks inside the supernet
      check(this.inside(held), () => `${owner} already holds ${held.cidr}, outside ${this.label} ${this.supernet}; `
        + 'give each network its own owner name');
      return held.cidr;
    }
    const size = blockSize(prefixLength);
    const slots = blockSize(min) / size;
    const start = strategy === AllocationStrategy.HASHED ? stableHash(owner) % slots : 0;
    const base = this.first;
    const found = this.scan(base, size, start, slots) ?? this.scan(base, size, 0, start);
    if (found === undefined) {
      fail(`supernet ${this.supernet} has no free /${prefixLength} left for ${owner} (${this.sorted.length} blocks taken); `
        + 'use a larger supernet or smaller networks');
    }
    const block = rangeAt(base + found * size, prefixLength);
    const preferred = rangeAt(base + start * size, prefixLength);
    const displacedBy = found === start ? undefined : this.firstOverlapping(preferred.first, preferred.last)?.owner;
    this.hold(owner, block, false, preferred.cidr, displacedBy);
    return block.cidr;
  }

  /** The block `owner` holds, if any. */
  public lookup(owner: string): string | undefined {
    return this.byOwner.get(owner)?.cidr;
  }

  /** Whether `cidr` lies inside the supernet. */
  public covers(cidr: string): boolean {
    return this.inside(rangeOf(cidr));
  }

  /** The allocation of the block `owner` holds, if any. */
  public allocationOf(owner: string): NetworkAllocation | undefined {
    return this.byOwner.get(owner)?.allocation;
  }

  /** Every block handed out or pinned, in address order. */
  public get allocations(): NetworkAllocation[] {
    return this.sorted.map((e) => e.allocation);
  }

  private inside(block: Range): boolean {
    return block.prefixLength >= this.prefixLength && block.first >= this.first && block.last <= this.first + blockSize(this.prefixLength) - 1;
  }

  private pin(owner: string, block: Range): string {
    const held = this.byOwner.get(owner);
    if (held) {
      check(held.cidr === block.cidr, () => `${owner} already holds ${held.cidr}; it cannot also take ${block.cidr}`);
      return block.cidr;
    }
    const clash = this.firstOverlapping(block.first, block.last);
    if (clash) {
      fail(`cidr ${block.cidr} of ${owner} overlaps ${clash.cidr} of ${clash.owner}; every network needs its own address range`);
    }
    this.hold(owner, block, true);
    return block.cidr;
  }

  private hold(owner: string, block: Range, pinned: boolean, preferred?: string, displacedBy?: string): void {
    const entry: CidrEntry = {
      owner,
      ...block,
      seq: this.byOwner.size,
      allocation: { owner, value: block.cidr, pinned, preferred: pinned ? undefined : preferred, displacedBy },
    };
    this.sorted.splice(this.lastStartingAtOrBefore(block.first) + 1, 0, entry);
    this.byOwner.set(owner, entry);
  }

  /** Index of the last block whose first address is at most `address` (-1 when none). */
  private lastStartingAtOrBefore(address: number): number {
    let [lo, hi] = [0, this.sorted.length - 1];
    let found = -1;
    while (lo <= hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.sorted[mid].first <= address) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  /**
   * The blocks that share an address with [first, last]: a run of the sorted list ending at the last block that
   * starts at or before `last`.
   */
  private overlapping(first: number, last: number): CidrEntry[] {
    const run: CidrEntry[] = [];
    for (let i = this.lastStartingAtOrBefore(last); i >= 0 && this.sorted[i].last >= first; i--) run.push(this.sorted[i]);
    return run;
  }

  /** Of the blocks overlapping [first, last], the one taken first (messages name it). */
  private firstOverlapping(first: number, last: number): CidrEntry | undefined {
    return this.overlapping(first, last).reduce<CidrEntry | undefined>((a, e) => (a === undefined || e.seq < a.seq ? e : a), undefined);
  }

  /** First free slot index in [from, to), jumping over taken blocks. */
  private scan(base: number, size: number, from: number, to: number): number | undefined {
    let slot = from;
    while (slot < to) {
      const first = base + slot * size;
      const last = first + size - 1;
      // blocks never overlap, so of those overlapping the slot the last one in address order ends last
      const i = this.lastStartingAtOrBefore(last);
      const clash = i >= 0 && this.sorted[i].last >= first ? this.sorted[i] : undefined;
      if (!clash) return slot;
      // the first aligned slot after the taken block that blocks this one
      slot = Math.max(slot + 1, Math.ceil((clash.last + 1 - base) / size));
    }
    return undefined;
  }
}

/** A block as integers. */
interface Range {
  readonly first: number;
  readonly last: number;
  readonly prefixLength: number;
  readonly cidr: string;
}

/** Parses CIDR text (with our messages) into integers, once. */
function rangeOf(text: string, field?: string): Range {
  const block = parseCidrRange(text, field);
  return rangeAt(block.first, block.prefixLength);
}

function rangeAt(first: number, prefixLength: number): Range {
  return { first, last: first + blockSize(prefixLength) - 1, prefixLength, cidr: `${addressText(first)}/${prefixLength}` };
}

function checkOwner(owner: string): void {
  check(typeof owner === 'string' && owner.trim().length > 0, 'an allocation needs an owner name');
}
