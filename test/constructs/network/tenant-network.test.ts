import { ExternalNetwork } from '../../../constructs/network/external-network';
import { TenantNetwork } from '../../../constructs/network/tenant-network';
import { Encapsulation } from '../../../lib/net/mtu';
import { dataSourcesOf, onlyResource, resourcesOf, synthStack, testStack } from '../../util';

describe('TenantNetwork', () => {
  test('an isolated OVN network: Geneve MTU, DHCP subnet, port security, no router', () => {
    const stack = testStack();
    new TenantNetwork(stack, 'Data', { cidr: '10.1.0.0/24' });
    const tf = synthStack(stack);
    expect(onlyResource(tf, 'openstack_networking_network_v2')).toMatchObject({ name: 'data', mtu: 1442, port_security_enabled: true });
    expect(onlyResource(tf, 'openstack_networking_subnet_v2')).toMatchObject({
      name: 'data-v4',
      cidr: '10.1.0.0/24',
      ip_version: 4,
      enable_dhcp: true,
      network_id: expect.stringMatching(/^\$\{openstack_networking_network_v2\.Data_\w+\.id\}$/),
    });
    expect(resourcesOf(tf, 'openstack_networking_router_v2')).toEqual({});
  });

  test('jumbo frames and a router to the external network', () => {
    const stack = testStack();
    const ext = new ExternalNetwork(stack, 'Public', { networkName: 'public' });
    const net = new TenantNetwork(stack, 'Net', { networkName: 'n', cidr: '10.2.0.0/16', physicalMtuBytes: 9000, externalNetwork: ext });
    const tf = synthStack(stack);
    expect(net.mtu).toBe(8942);
    expect(Object.values(dataSourcesOf(tf, 'openstack_networking_network_v2'))[0]).toMatchObject({ name: 'public', external: true });
    const router = onlyResource(tf, 'openstack_networking_router_v2');
    expect(router).toEqual(expect.objectContaining({ name: 'n-router', external_network_id: expect.stringContaining('data.openstack_networking_network_v2.Public_') }));
    expect(router.enable_snat).toBeUndefined();
    expect(onlyResource(tf, 'openstack_networking_router_interface_v2').subnet_id).toContain('openstack_networking_subnet_v2.Net_Subnet_');
  });

  test('VLAN networks use the physical MTU unchanged', () => {
    const stack = testStack();
    const net = new TenantNetwork(stack, 'Vlan', { cidr: '10.3.0.0/24', encapsulation: Encapsulation.VLAN, physicalMtuBytes: 9000 });
    expect(net.mtu).toBe(9000);
  });

  test('fails when the CIDR is not an IPv4 CIDR', () => {
    expect(() => new TenantNetwork(testStack(), 'Bad', { cidr: '10.0.0.0' })).toThrow(
      'test/Bad: cidr "10.0.0.0" is not an IPv4 CIDR; use e.g. 10.20.0.0/24',
    );
  });

  test('fails when the CIDR has host bits set', () => {
    expect(() => new TenantNetwork(testStack(), 'Bad', { cidr: '10.0.0.1/24' })).toThrow('test/Bad: cidr 10.0.0.1/24 has host bits set; use 10.0.0.0/24');
  });

  test('fails when the subnet is smaller than a /29', () => {
    expect(() => new TenantNetwork(testStack(), 'Bad', { cidr: '10.0.0.0/30' })).toThrow(
      'test/Bad: cidr 10.0.0.0/30 is too small for a DHCP subnet (a /30); use /29 or larger',
    );
  });

  test('fails when the physical MTU is out of range', () => {
    expect(() => new TenantNetwork(testStack(), 'Bad', { cidr: '10.0.0.0/24', physicalMtuBytes: 576 })).toThrow(
      'test/Bad: physical MTU 576 must be an integer between 1280 and 9216 bytes',
    );
  });
});
