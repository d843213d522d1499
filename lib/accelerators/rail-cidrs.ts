import { check } from '../errors';

/**
 * Splits an IPv4 CIDR into `parts` equal subnets (the next power of two of them, first `parts` returned), e.g.
 * `172.16.0.0/16` into 8 rails → `172.16.0.0/19`, `172.16.32.0/19`, ... Each subnet keeps at least 4 addresses.
 */
export function splitIpv4Cidr(cidr: string, parts: number): string[] {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
  check(m !== null, () => `CIDR ${JSON.stringify(cidr)} is not an IPv4 CIDR such as 172.16.0.0/16`);
  const octets = m!.slice(1, 5).map(Number);
  const prefix = Number(m![5]);
  check(octets.every((o) => o <= 255) && prefix <= 32, () => `CIDR ${cidr} is not a valid IPv4 CIDR`);
  const base = octets.reduce((n, o) => n * 256 + o, 0);
  const hostBits = 32 - prefix;
  check(hostBits === 32 || base % 2 ** hostBits === 0, () => `CIDR ${cidr} has host bits set; use its network address`);
  check(Number.isInteger(parts) && parts >= 1, () => `cannot split ${cidr} into ${parts} subnets`);
  const extra = Math.ceil(Math.log2(parts));
  const subPrefix = prefix + extra;
  check(subPrefix <= 30, () => `CIDR ${cidr} is too small for ${parts} subnets of at least 4 addresses; use a shorter prefix`);
  const size = 2 ** (32 - subPrefix);
  return Array.from({ length: parts }, (_, i) => `${ipv4(base + i * size)}/${subPrefix}`);
}

function ipv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}
