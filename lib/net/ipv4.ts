/**
 * IPv4 helpers shared by the allocators and the subnet planner. Not jsii API (kept out of the barrel): the address
 * arithmetic itself is the `ip-address` library's; these functions only add our error messages.
 */
import { createHash } from 'crypto';
import { Address4 } from 'ip-address';
import { check, fail } from '../errors';

/** Parses an IPv4 CIDR (network address and prefix), failing with a message that names the field. */
export function parseCidr(text: string, field = 'cidr'): Address4 {
  if (typeof text !== 'string' || !text.includes('/') || !Address4.isValid(text)) {
    fail(`${field} ${JSON.stringify(text)} is not an IPv4 CIDR; use e.g. 10.20.0.0/24`);
  }
  const block = new Address4(text);
  const network = block.startAddress().correctForm();
  if (network !== block.correctForm()) {
    fail(`${field} ${text} has host bits set; use ${network}/${block.subnetMask}`);
  }
  return block;
}

/** A CIDR block as integers: its first and last address and its prefix length. */
export interface CidrRange {
  readonly first: number;
  readonly last: number;
  readonly prefixLength: number;
}

const OCTET = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
/** `a.b.c.d/p` written canonically: decimal octets without leading zeros, a prefix of 0 to 32. */
const CANONICAL_CIDR = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}/(3[0-2]|[12]?[0-9])$`);

/**
 * Parses an IPv4 CIDR into integers, failing like {@link parseCidr}. CIDR text in canonical form without host bits
 * (what the allocators hand out and most users write) is read with one regular expression; anything else goes
 * through `ip-address` and {@link parseCidr}'s messages. Building an `Address4` (and its BigInt) for every block a
 * site plans was the largest cost of the address plan in CPU profiles of 200-tenant sites.
 */
export function parseCidrRange(text: string, field = 'cidr'): CidrRange {
  const m = typeof text === 'string' ? CANONICAL_CIDR.exec(text) : null;
  if (m) {
    const prefixLength = Number(m[5]);
    const address = ((Number(m[1]) * 256 + Number(m[2])) * 256 + Number(m[3])) * 256 + Number(m[4]);
    const size = blockSize(prefixLength);
    if (address % size === 0) return { first: address, last: address + size - 1, prefixLength };
  }
  const block = parseCidr(text, field);
  return { ...bounds(block), prefixLength: block.subnetMask };
}

/** Parses a single IPv4 address (no prefix). */
export function parseAddress(text: string, field: string): Address4 {
  if (typeof text !== 'string' || text.includes('/') || !Address4.isValid(text)) {
    fail(`${field} ${JSON.stringify(text)} is not an IPv4 address; use e.g. 10.20.0.10`);
  }
  return new Address4(text);
}

/** `10.0.0.0/24` form of a block. */
export function cidrOf(block: Address4): string {
  return block.networkForm();
}

/**
 * The block's first and last address as integers (IPv4 fits a JavaScript number exactly). Plain arithmetic on the
 * parsed address: `startAddress()`/`endAddress()` would re-parse two new addresses per call, which showed in CPU
 * profiles of sites with hundreds of tenants.
 */
export function bounds(block: Address4): { first: number; last: number } {
  const size = blockSize(block.subnetMask);
  const first = Math.floor(Number(block.bigInt()) / size) * size;
  return { first, last: first + size - 1 };
}

/** Whether two blocks share at least one address (for CIDRs: one contains the other). */
export function overlaps(a: Address4, b: Address4): boolean {
  return a.isInSubnet(b) || b.isInSubnet(a);
}

/** Whether `inner` lies inside `outer`. */
export function containsBlock(outer: Address4, inner: Address4): boolean {
  return inner.isInSubnet(outer);
}

/** Whether the address lies inside the block. */
export function containsAddress(block: Address4, address: Address4): boolean {
  return address.isHostInSubnet(block);
}

/** The address `n` (an integer 0 to 2^32 - 1) as dotted decimal, as `Address4.fromInteger(n).correctForm()` writes it. */
export function addressText(n: number): string {
  return `${Math.floor(n / 2 ** 24) % 256}.${Math.floor(n / 2 ** 16) % 256}.${Math.floor(n / 2 ** 8) % 256}.${n % 256}`;
}

/** The block of `prefixLength` bits that starts at integer address `first`. */
export function blockAt(first: number, prefixLength: number): Address4 {
  return new Address4(`${addressText(first)}/${prefixLength}`);
}

/** The first `count` blocks of `prefixLength` inside `cidr`, in address order. */
export function splitCidr(cidr: string, prefixLength: number, count: number): string[] {
  const block = parseCidrRange(cidr);
  check(prefixLength >= block.prefixLength && count <= blockSize(block.prefixLength) / blockSize(prefixLength),
    () => `${cidr} does not hold ${count} blocks of /${prefixLength}`);
  // aligned blocks: the text `cidrOf(blockAt(...))` would write, without building an Address4 per block
  return Array.from({ length: count }, (_, i) => `${addressText(block.first + i * blockSize(prefixLength))}/${prefixLength}`);
}

/** Number of addresses in a block of this prefix length. */
export function blockSize(prefixLength: number): number {
  return 2 ** (32 - prefixLength);
}

/** Whether the CIDR is the whole address space of its family (`0.0.0.0/0`, `::/0`). */
export function isWholeSpace(cidr: string): boolean {
  return /\/0$/.test(cidr.trim());
}

/**
 * A stable, platform-independent hash of a name, used as the preferred slot of hashed allocation: the same owner
 * name prefers the same value on every run, whatever else is allocated.
 */
export function stableHash(name: string): number {
  return parseInt(createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 12), 16);
}

/** Checks that a value is an integer in [min, max]. */
export function checkInteger(value: number, min: number, max: number, message: () => string): void {
  check(Number.isInteger(value) && value >= min && value <= max, message);
}
