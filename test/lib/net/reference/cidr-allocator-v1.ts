// The CidrAllocator as it was before it kept its blocks as sorted integer ranges (commit 979c237): the reference
// the faster one must agree with, call for call and byte for byte (test/lib/net/cidr-allocator.test.ts).
import { Address4 } from 'ip-address';
import { check, fail } from '../../../../lib/errors';
import { AllocationStrategy, NetworkAllocation } from '../../../../lib/net/allocation';
import { blockAt, blockSize, bounds, checkInteger, cidrOf, containsBlock, overlaps, parseCidr, stableHash } from '../../../../lib/net/ipv4';

interface CidrEntry {
  readonly owner: string;
  readonly block: Address4;
  readonly pinned: boolean;
  readonly preferred?: Address4;
  readonly displacedBy?: string;
}

/**
 * Carves IPv4 blocks out of a supernet and guarantees that no two owners' blocks overlap.
 *
 * Blocks are aligned to their size (a /24 starts on a /24 boundary). `allocate` picks a free block
 * ({@link AllocationStrategy.HASHED} by default, so an owner keeps its block when others come and go); `reserve`
 * pins a given block inside the supernet; `reserveAnywhere` records a block that may also lie outside it (a provider
 * network, a BMC range) so that nothing handed out overlaps it. Every block `allocate` or `reserve` returns lies
 * inside the supernet. Same input, same output: no randomness, no dependence on anything but the calls made.
 * Address arithmetic is the `ip-address` library's.
 */
export class CidrAllocatorV1 {
  /** The supernet blocks are carved from, e.g. `10.64.0.0/10`. */
  public readonly supernet: string;
  private readonly net: Address4;
  private readonly label: string;
  private readonly entries: CidrEntry[] = [];

  /**
   * @param supernet IPv4 CIDR blocks are carved from
   * @param label what the supernet is called in messages
   */
  constructor(supernet: string, label: string = 'supernet') {
    this.label = label;
    this.net = parseCidr(supernet, label);
    this.supernet = cidrOf(this.net);
  }

  /**
   * Pins `cidr`, which must lie inside the supernet, to `owner`. Fails when it lies outside the supernet, overlaps a
   * block of another owner, or when the owner already holds a different block. Pinning the block an owner already
   * holds is a no-op.
   * @returns the CIDR in canonical form
   */
  public reserve(owner: string, cidr: string): string {
    checkOwner(owner);
    const block = parseCidr(cidr);
    check(containsBlock(this.net, block), () => `cidr ${cidrOf(block)} of ${owner} lies outside ${this.label} ${this.supernet}; `
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
    return this.pin(owner, parseCidr(cidr));
  }

  private pin(owner: string, block: Address4): string {
    const held = this.entryOf(owner);
    if (held) {
      check(cidrOf(held.block) === cidrOf(block), () => `${owner} already holds ${cidrOf(held.block)}; it cannot also take ${cidrOf(block)}`);
      return cidrOf(block);
    }
    const clash = this.entries.find((e) => overlaps(e.block, block));
    if (clash) {
      fail(`cidr ${cidrOf(block)} of ${owner} overlaps ${cidrOf(clash.block)} of ${clash.owner}; every network needs its own address range`);
    }
    this.entries.push({ owner, block, pinned: true });
    return cidrOf(block);
  }

  /**
   * Allocates a free block of `prefixLength` inside the supernet to `owner`, or returns the block the owner already
   * holds (when it has that size).
   */
  public allocate(owner: string, prefixLength: number, strategy: AllocationStrategy = AllocationStrategy.HASHED): string {
    checkOwner(owner);
    const min = this.net.subnetMask;
    checkInteger(prefixLength, min, 30, () => `prefix length /${prefixLength} does not fit supernet ${this.supernet}; use /${min} to /30`);
    const held = this.entryOf(owner);
    if (held) {
      check(held.block.subnetMask === prefixLength,
        () => `${owner} already holds ${cidrOf(held.block)}, not a /${prefixLength}; give each network its own owner name`);
      // the fix the fuzz harness called for, applied to the reference too so the equivalence keeps checking the rest
      check(containsBlock(this.net, held.block), () => `${owner} already holds ${cidrOf(held.block)}, outside ${this.label} ${this.supernet}; `
        + 'give each network its own owner name');
      return cidrOf(held.block);
    }
    const size = blockSize(prefixLength);
    const slots = blockSize(min) / size;
    const start = strategy === AllocationStrategy.HASHED ? stableHash(owner) % slots : 0;
    const base = bounds(this.net).first;
    const found = this.scan(base, size, start, slots) ?? this.scan(base, size, 0, start);
    if (found === undefined) {
      fail(`supernet ${this.supernet} has no free /${prefixLength} left for ${owner} (${this.entries.length} blocks taken); `
        + 'use a larger supernet or smaller networks');
    }
    const block = blockAt(base + found * size, prefixLength);
    const preferred = blockAt(base + start * size, prefixLength);
    const displacedBy = found === start ? undefined : this.entries.find((e) => overlaps(e.block, preferred))?.owner;
    this.entries.push({ owner, block, pinned: false, preferred, displacedBy });
    return cidrOf(block);
  }

  /** The block `owner` holds, if any. */
  public lookup(owner: string): string | undefined {
    const held = this.entryOf(owner);
    return held ? cidrOf(held.block) : undefined;
  }

  /** Whether `cidr` lies inside the supernet. */
  public covers(cidr: string): boolean {
    return containsBlock(this.net, parseCidr(cidr));
  }

  /** Every block handed out or pinned, in address order. */
  public get allocations(): NetworkAllocation[] {
    return [...this.entries]
      .sort((a, b) => bounds(a.block).first - bounds(b.block).first)
      .map((e) => ({
        owner: e.owner,
        value: cidrOf(e.block),
        pinned: e.pinned,
        preferred: e.preferred ? cidrOf(e.preferred) : undefined,
        displacedBy: e.displacedBy,
      }));
  }

  /** First free slot index in [from, to), jumping over taken blocks. */
  private scan(base: number, size: number, from: number, to: number): number | undefined {
    let slot = from;
    while (slot < to) {
      const first = base + slot * size;
      const last = first + size - 1;
      const clash = this.entries
        .map((e) => bounds(e.block))
        .filter((b) => b.first <= last && b.last >= first)
        .sort((a, b) => b.last - a.last)[0];
      if (!clash) return slot;
      // the first aligned slot after the taken block that blocks this one
      slot = Math.max(slot + 1, Math.ceil((clash.last + 1 - base) / size));
    }
    return undefined;
  }

  private entryOf(owner: string): CidrEntry | undefined {
    return this.entries.find((e) => e.owner === owner);
  }
}

function checkOwner(owner: string): void {
  check(typeof owner === 'string' && owner.trim().length > 0, 'an allocation needs an owner name');
}
