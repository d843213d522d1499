import * as fc from 'fast-check';
import { Address4 } from 'ip-address';
import { bounds, parseCidr, parseCidrRange, splitCidr } from '../../../lib/net/ipv4';

describe('parseCidrRange', () => {
  test('reads a canonical block as integers', () => {
    expect(parseCidrRange('10.1.2.0/24')).toEqual({ first: 0x0a010200, last: 0x0a0102ff, prefixLength: 24 });
    expect(parseCidrRange('0.0.0.0/0')).toEqual({ first: 0, last: 2 ** 32 - 1, prefixLength: 0 });
    expect(parseCidrRange('255.255.255.255/32')).toEqual({ first: 2 ** 32 - 1, last: 2 ** 32 - 1, prefixLength: 32 });
  });

  test('fails with the messages of parseCidr', () => {
    expect(() => parseCidrRange('10.0.0.1/24', 'tenantSupernet')).toThrow('tenantSupernet 10.0.0.1/24 has host bits set; use 10.0.0.0/24');
    expect(() => parseCidrRange('10.0.0.0')).toThrow('cidr "10.0.0.0" is not an IPv4 CIDR; use e.g. 10.20.0.0/24');
    expect(() => parseCidrRange('10.0.0.256/24')).toThrow('cidr "10.0.0.256/24" is not an IPv4 CIDR; use e.g. 10.20.0.0/24');
    expect(() => parseCidrRange('10.0.0.0/33')).toThrow('cidr "10.0.0.0/33" is not an IPv4 CIDR; use e.g. 10.20.0.0/24');
  });

  test('agrees with ip-address on every block it accepts and refuses what parseCidr refuses', () => {
    fc.assert(fc.property(fc.ipV4(), fc.integer({ min: 0, max: 32 }), (ip, prefix) => {
      const text = `${ip}/${prefix}`;
      let expected: unknown;
      try {
        const block = parseCidr(text);
        expected = { ...bounds(block), prefixLength: block.subnetMask };
      } catch (e) {
        expected = (e as Error).message;
      }
      let actual: unknown;
      try {
        actual = parseCidrRange(text);
      } catch (e) {
        actual = (e as Error).message;
      }
      expect(actual).toEqual(expected);
    }), { numRuns: 2000 });
  });

  test('splitCidr writes the blocks as ip-address does', () => {
    const blocks = splitCidr('10.8.16.0/20', 23, 8);
    expect(blocks).toEqual(blocks.map((b) => new Address4(b).networkForm()));
    expect(blocks).toEqual(['10.8.16.0/23', '10.8.18.0/23', '10.8.20.0/23', '10.8.22.0/23', '10.8.24.0/23', '10.8.26.0/23', '10.8.28.0/23', '10.8.30.0/23']);
  });
});
