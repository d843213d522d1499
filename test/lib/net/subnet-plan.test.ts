import * as fc from 'fast-check';
import { Address4 } from 'ip-address';
import { SubnetPlanner } from '../../../lib/net/subnet-plan';

const toInt = (a: string) => Number(new Address4(a).bigInt());

describe('SubnetPlanner', () => {
  test('a routed /24: gateway on the first host, DHCP on the rest', () => {
    expect(SubnetPlanner.plan({ cidr: '10.0.0.0/24' })).toEqual({
      cidr: '10.0.0.0/24',
      gatewayIp: '10.0.0.1',
      allocationPools: [{ start: '10.0.0.2', end: '10.0.0.254' }],
      reservedRange: undefined,
      dhcpAddressCount: 253,
      dnsNameservers: [],
    });
  });

  test('no gateway: DHCP from the first host; reserved addresses come first', () => {
    const plan = SubnetPlanner.plan({ cidr: '10.0.0.0/24', gateway: false, reservedAddressCount: 10 });
    expect(plan.gatewayIp).toBeUndefined();
    expect(plan.reservedRange).toEqual({ start: '10.0.0.1', end: '10.0.0.10' });
    expect(plan.allocationPools).toEqual([{ start: '10.0.0.11', end: '10.0.0.254' }]);
  });

  test('a gateway at the end of the subnet splits nothing off the front', () => {
    const plan = SubnetPlanner.plan({ cidr: '10.0.0.0/24', gatewayIp: '10.0.0.254' });
    expect(plan.allocationPools).toEqual([{ start: '10.0.0.1', end: '10.0.0.253' }]);
  });

  test('a gateway in the middle splits the pool in two', () => {
    const plan = SubnetPlanner.plan({ cidr: '10.0.0.0/29', gatewayIp: '10.0.0.3' });
    expect(plan.allocationPools).toEqual([{ start: '10.0.0.1', end: '10.0.0.2' }, { start: '10.0.0.4', end: '10.0.0.6' }]);
  });

  test('fails when the gateway is outside the subnet', () => {
    expect(() => SubnetPlanner.plan({ cidr: '10.0.0.0/24', gatewayIp: '10.0.1.1' })).toThrow(
      'gatewayIp 10.0.1.1 is outside 10.0.0.0/24; use an address inside it');
  });

  test('fails when the gateway is the broadcast address', () => {
    expect(() => SubnetPlanner.plan({ cidr: '10.0.0.0/24', gatewayIp: '10.0.0.255' })).toThrow(
      'gatewayIp 10.0.0.255 is the network or broadcast address of 10.0.0.0/24; use a host address');
  });

  test('fails when reserved addresses leave no room for DHCP', () => {
    expect(() => SubnetPlanner.plan({ cidr: '10.0.0.0/29', reservedAddressCount: 5 })).toThrow(
      'reservedAddressCount 5 leaves fewer than 2 addresses for DHCP in 10.0.0.0/29 (5 host addresses besides the gateway); reserve at most 3 or use a larger subnet');
  });

  test('fails when more than 5 DNS servers are given', () => {
    const dns = ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5', '10.0.0.6'];
    expect(() => SubnetPlanner.plan({ cidr: '10.0.0.0/24', dnsNameservers: dns })).toThrow(
      '6 DNS servers are more than the 5 Neutron accepts by default (max_dns_nameservers); give at most 5');
  });

  test('fails when a DNS server is listed twice or is not an address', () => {
    expect(() => SubnetPlanner.plan({ cidr: '10.0.0.0/24', dnsNameservers: ['1.1.1.1', '1.1.1.1'] })).toThrow(
      'DNS server 1.1.1.1 is listed twice; Neutron rejects duplicate nameservers');
    expect(() => SubnetPlanner.plan({ cidr: '10.0.0.0/24', dnsNameservers: ['dns.example'] })).toThrow(
      'DNS server "dns.example" is not an IPv4 address; use e.g. 10.20.0.10');
  });

  test('property: pools lie inside the subnet, avoid the gateway and the reserved block, and add up', () => {
    fc.assert(fc.property(fc.integer({ min: 16, max: 29 }), fc.integer({ min: 0, max: 64 }), fc.boolean(), (prefix, reserved, routed) => {
      const cidr = `10.8.0.0/${prefix}`;
      const hosts = 2 ** (32 - prefix) - 2 - (routed ? 1 : 0);
      fc.pre(reserved <= hosts - 2);
      const plan = SubnetPlanner.plan({ cidr, gateway: routed, reservedAddressCount: reserved });
      const block = new Address4(cidr);
      let count = 0;
      for (const p of plan.allocationPools) {
        const [a, b] = [toInt(p.start), toInt(p.end)];
        expect(a).toBeLessThanOrEqual(b);
        expect(new Address4(p.start).isInSubnet(block) && new Address4(p.end).isInSubnet(block)).toBe(true);
        expect(a).toBeGreaterThan(toInt('10.8.0.0'));
        if (plan.gatewayIp) expect(toInt(plan.gatewayIp) < a || toInt(plan.gatewayIp) > b).toBe(true);
        if (plan.reservedRange) expect(toInt(plan.reservedRange.end)).toBeLessThan(a);
        count += b - a + 1;
      }
      expect(count).toBe(plan.dhcpAddressCount);
      expect(count).toBe(hosts - reserved);
    }));
  });
});
