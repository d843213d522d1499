import { Encapsulation, NetworkMtu } from '../../../lib/net/mtu';

describe('NetworkMtu', () => {
  test('OVN Geneve costs 58 bytes on IPv4: 1500 → 1442, 9000 → 8942', () => {
    expect(NetworkMtu.tenantMtu(1500, Encapsulation.GENEVE)).toBe(1442);
    expect(NetworkMtu.tenantMtu(9000, Encapsulation.GENEVE)).toBe(8942);
  });

  test('VXLAN costs 50 bytes; VLAN and flat cost nothing', () => {
    expect(NetworkMtu.tenantMtu(1500, Encapsulation.VXLAN)).toBe(1450);
    expect(NetworkMtu.tenantMtu(9000, Encapsulation.VLAN)).toBe(9000);
    expect(NetworkMtu.tenantMtu(9216, Encapsulation.FLAT)).toBe(9216);
  });

  test('an IPv6 underlay adds 20 bytes', () => {
    expect(NetworkMtu.tenantMtu(9000, Encapsulation.GENEVE, true)).toBe(8922);
  });

  test('fails when the physical MTU is outside 1280..9216', () => {
    expect(() => NetworkMtu.tenantMtu(10000, Encapsulation.GENEVE)).toThrow('physical MTU 10000 must be an integer between 1280 and 9216 bytes');
  });
});

describe('NetworkMtu.choose', () => {
  test('the largest MTU unless one is asked for', () => {
    expect(NetworkMtu.choose(8942, 'x')).toBe(8942);
    expect(NetworkMtu.choose(8942, 'x', 1500)).toBe(1500);
  });

  test('fails when the MTU is larger than the physical network allows', () => {
    expect(() => NetworkMtu.choose(8942, 'a geneve network on a 9000-byte underlay', 9000)).toThrow(
      'mtuBytes 9000 is larger than the 8942 bytes a geneve network on a 9000-byte underlay allows; use 8942 or less');
  });

  test('fails when the MTU is below the IPv6 minimum', () => {
    expect(() => NetworkMtu.choose(1500, 'x', 1000)).toThrow('mtuBytes 1000 is below 1280, the smallest MTU IPv6 works with; use 1280 to 1500');
  });
});
