import { IConstruct } from 'constructs';
import { siteFixture } from './fixtures';
import { InfiniBandNetwork } from '../../../constructs/network/infiniband-network';
import { NetworkPort } from '../../../constructs/network/port';
import { NetworkQosPolicy } from '../../../constructs/network/qos-policy';
import { SecurityGroup } from '../../../constructs/network/security-group';
import { TenantNetwork } from '../../../constructs/network/tenant-network';
import { VnicType } from '../../../lib/net/port-binding';
import { QosDirection } from '../../../lib/net/qos';
import { onlyResource, synthStack, testStack } from '../../util';

const warningsOf = (scope: IConstruct) => scope.node.metadata.filter((m) => m.type.includes('warn')).map((m) => String(m.data));

describe('NetworkPort', () => {
  test('a normal port: pinned to the subnet, no implicit default security group, no binding profile', () => {
    const stack = testStack();
    const network = new TenantNetwork(stack, 'Net', { cidr: '10.1.0.0/24' });
    new NetworkPort(stack, 'Vm', { network });
    expect(onlyResource(synthStack(stack), 'openstack_networking_port_v2')).toEqual({
      name: 'vm',
      network_id: expect.stringContaining('openstack_networking_network_v2.Net_'),
      admin_state_up: true,
      fixed_ip: [{ subnet_id: expect.stringContaining('openstack_networking_subnet_v2.Net_Subnet_') }],
      binding: { vnic_type: 'normal' },
      no_security_groups: true,
    });
  });

  test('an SR-IOV port on a physnet with VFs, with security groups, a fixed IP and a QoS policy', () => {
    const { stack, site } = siteFixture();
    const network = new TenantNetwork(stack, 'Bm', { tenant: site.addTenant('acme'), physicalNetwork: site.physicalNetwork('baremetal'), cidr: '10.70.1.0/24' });
    const sg = new SecurityGroup(stack, 'Data');
    const qos = new NetworkQosPolicy(stack, 'Limit');
    new NetworkPort(stack, 'Vf', { network, vnicType: VnicType.DIRECT, securityGroups: [sg], fixedIp: '10.70.1.10', qosPolicy: qos });
    expect(onlyResource(synthStack(stack), 'openstack_networking_port_v2')).toMatchObject({
      binding: { vnic_type: 'direct' },
      fixed_ip: [{ ip_address: '10.70.1.10' }],
      security_group_ids: [expect.stringContaining('openstack_networking_secgroup_v2.Data_')],
      qos_policy_id: expect.stringContaining('openstack_networking_qos_policy_v2.Limit_'),
    });
  });

  test('a bare-metal port on the generic-switch VLAN network', () => {
    const { stack, site } = siteFixture();
    const network = new TenantNetwork(stack, 'Bm', { tenant: site.addTenant('acme'), physicalNetwork: site.physicalNetwork('baremetal') });
    const port = new NetworkPort(stack, 'Node', { network, vnicType: VnicType.BAREMETAL });
    expect(port.vnicType).toBe(VnicType.BAREMETAL);
    expect(onlyResource(synthStack(stack), 'openstack_networking_port_v2').binding).toEqual({ vnic_type: 'baremetal' });
  });

  test('a BlueField port on an overlay the site declares DPUs for', () => {
    const { stack, site } = siteFixture({ overlayRemoteManaged: true });
    const network = new TenantNetwork(stack, 'Net', { tenant: site.addTenant('acme') });
    new NetworkPort(stack, 'Dpu', { network, vnicType: VnicType.REMOTE_MANAGED });
    const port = onlyResource(synthStack(stack), 'openstack_networking_port_v2');
    expect(port.binding).toEqual({ vnic_type: 'remote-managed' });
  });

  test('an offloaded OVN VF asks for switchdev through the port attribute, not the binding profile', () => {
    const { stack, site } = siteFixture({ overlaySriov: true });
    const network = new TenantNetwork(stack, 'Net', { tenant: site.addTenant('acme') });
    new NetworkPort(stack, 'Vf', { network, vnicType: VnicType.DIRECT, hardwareOffload: true });
    const port = onlyResource(synthStack(stack), 'openstack_networking_port_v2');
    expect(port.value_specs).toEqual({ hardware_offload_type: 'switchdev' });
    expect(port.binding.profile).toBeUndefined();
  });

  test('an IB port: a direct VF, no security groups (port security is off)', () => {
    const { stack, site } = siteFixture();
    const network = new InfiniBandNetwork(stack, 'Ib', { tenant: site.addTenant('acme'), physicalNetwork: site.physicalNetwork('ibrail0') });
    new NetworkPort(stack, 'Hca', { network, vnicType: VnicType.DIRECT });
    const port = onlyResource(synthStack(stack), 'openstack_networking_port_v2');
    expect(port.binding).toEqual({ vnic_type: 'direct' });
    expect(port.no_security_groups).toBeUndefined();
    expect(port.security_group_ids).toBeUndefined();
  });

  test('an explicit binding profile is written, with a warning about the service role', () => {
    const { stack, site } = siteFixture();
    const network = new TenantNetwork(stack, 'Bm', { tenant: site.addTenant('acme'), physicalNetwork: site.physicalNetwork('baremetal') });
    const port = new NetworkPort(stack, 'Vf', { network, vnicType: VnicType.DIRECT, bindingProfileJson: '{"capabilities":["switchdev"]}' });
    expect(onlyResource(synthStack(stack), 'openstack_networking_port_v2').binding.profile).toBe('{"capabilities":["switchdev"]}');
    expect(warningsOf(port)).toEqual(["binding:profile needs the service role under Neutron's default policy; Terraform gets a 403 with admin or member credentials"]);
  });

  test('the QoS policy warns when an SR-IOV port would ignore its burst', () => {
    const { stack, site } = siteFixture();
    const network = new TenantNetwork(stack, 'Bm', { tenant: site.addTenant('acme'), physicalNetwork: site.physicalNetwork('baremetal') });
    const qos = new NetworkQosPolicy(stack, 'Limit');
    new NetworkPort(stack, 'Vf', { network, vnicType: VnicType.DIRECT, qosPolicy: qos });
    qos.addBandwidthLimit({ maxKbps: 10_000_000, maxBurstKbps: 1_000_000 });
    expect(warningsOf(qos)).toEqual(['SR-IOV port test/Vf uses this policy, but the SR-IOV NIC agent sets only the VF\'s max_tx_rate; '
      + 'its burst is ignored there']);
  });

  test('a minimum bandwidth on an SR-IOV port warns that the SR-IOV agent must report its bandwidth to Placement', () => {
    const { stack, site } = siteFixture();
    const network = new TenantNetwork(stack, 'Bm', { tenant: site.addTenant('acme'), physicalNetwork: site.physicalNetwork('baremetal') });
    const qos = new NetworkQosPolicy(stack, 'Min');
    qos.addMinimumBandwidth({ minKbps: 25_000_000 });
    new NetworkPort(stack, 'Vf', { network, vnicType: VnicType.DIRECT, qosPolicy: qos });
    expect(warningsOf(qos)).toEqual(['SR-IOV port test/Vf gets a minimum bandwidth: Nova schedules it only on hosts whose SR-IOV NIC agent '
      + 'reports resource_provider_bandwidths for the VF\'s device (physnet baremetal); without it the server fails with "No valid host"']);
  });

  test('fails when a policy with a DSCP marking rule is attached to a direct port', () => {
    const { stack, site } = siteFixture();
    const network = new TenantNetwork(stack, 'Bm', { tenant: site.addTenant('acme'), physicalNetwork: site.physicalNetwork('baremetal') });
    const qos = new NetworkQosPolicy(stack, 'Ef');
    qos.addDscpMarking(46);
    expect(() => new NetworkPort(stack, 'Vf', { network, vnicType: VnicType.DIRECT, qosPolicy: qos })).toThrow(
      'test/Vf: QoS policy ef has a dscp_marking rule, but Neutron\'s only QoS driver for direct ports (sriovnicswitch) supports '
      + 'bandwidth_limit (egress) and minimum_bandwidth, not dscp_marking; Neutron refuses the port (QosRuleNotSupported): '
      + 'use a policy without it for this port (DSCP marking works on normal ports through OVN)');
  });

  test('fails when a DSCP marking rule is added to a policy a direct port already uses', () => {
    const { stack, site } = siteFixture();
    const network = new TenantNetwork(stack, 'Bm', { tenant: site.addTenant('acme'), physicalNetwork: site.physicalNetwork('baremetal') });
    const qos = new NetworkQosPolicy(stack, 'Ef');
    new NetworkPort(stack, 'Vf', { network, vnicType: VnicType.MACVTAP, qosPolicy: qos });
    expect(() => qos.addDscpMarking(46)).toThrow(
      'test/Ef: port test/Vf (macvtap) uses this policy, but Neutron\'s only QoS driver for macvtap ports (sriovnicswitch) supports '
      + 'bandwidth_limit (egress) and minimum_bandwidth, not dscp_marking; Neutron refuses the port (QosRuleNotSupported): '
      + 'use a policy without it for this port (DSCP marking works on normal ports through OVN)');
  });

  test('fails when an SR-IOV port would get an ingress bandwidth limit', () => {
    const { stack, site } = siteFixture();
    const network = new TenantNetwork(stack, 'Bm', { tenant: site.addTenant('acme'), physicalNetwork: site.physicalNetwork('baremetal') });
    const qos = new NetworkQosPolicy(stack, 'Limit');
    new NetworkPort(stack, 'Vf', { network, vnicType: VnicType.DIRECT, qosPolicy: qos });
    expect(() => qos.addBandwidthLimit({ maxKbps: 10_000_000, direction: QosDirection.INGRESS })).toThrow(
      'test/Limit: port test/Vf (direct) uses this policy, but Neutron\'s only QoS driver for direct ports (sriovnicswitch) supports '
      + 'bandwidth_limit (egress) and minimum_bandwidth, not an ingress bandwidth_limit; Neutron refuses the port (QosRuleNotSupported): '
      + 'use a policy without it for this port (ingress limits work on normal ports through OVN)');
  });

  test('fails when a bare-metal port gets a QoS policy', () => {
    const { stack, site } = siteFixture();
    const network = new TenantNetwork(stack, 'Bm', { tenant: site.addTenant('acme'), physicalNetwork: site.physicalNetwork('baremetal') });
    const qos = new NetworkQosPolicy(stack, 'Limit');
    qos.addBandwidthLimit({ maxKbps: 10_000_000 });
    expect(() => new NetworkPort(stack, 'Node', { network, vnicType: VnicType.BAREMETAL, qosPolicy: qos })).toThrow(
      'test/Node: QoS policy limit has a bandwidth_limit rule, but no Neutron QoS driver accepts baremetal ports (OVN takes normal ports, '
      + 'sriovnicswitch direct, macvtap and direct-physical); Neutron refuses the port (QosRuleNotSupported): drop qosPolicy, '
      + 'and shape the traffic on the switch');
  });

  test('an OVN port takes every rule: limits both ways with burst, DSCP and a minimum', () => {
    const { stack, site } = siteFixture();
    const network = new TenantNetwork(stack, 'Net', { tenant: site.addTenant('acme') });
    const qos = new NetworkQosPolicy(stack, 'All');
    qos.addBandwidthLimit({ maxKbps: 10_000_000, maxBurstKbps: 1_000_000, direction: QosDirection.INGRESS });
    qos.addBandwidthLimit({ maxKbps: 10_000_000 });
    qos.addMinimumBandwidth({ minKbps: 1_000_000 });
    qos.addDscpMarking(46);
    new NetworkPort(stack, 'Vm', { network, qosPolicy: qos });
    expect(warningsOf(qos)).toEqual([]);
  });

  test('fails when an SR-IOV port is on a network whose physnet declares no SR-IOV capability', () => {
    const { stack, site } = siteFixture();
    const network = new TenantNetwork(stack, 'Vlan', { tenant: site.addTenant('acme'), physicalNetwork: site.physicalNetwork('tenant-vlan') });
    expect(() => new NetworkPort(stack, 'Vf', { network, vnicType: VnicType.DIRECT })).toThrow(
      "test/Vf: vnic type direct needs SR-IOV VFs, but physnet tenant-vlan declares no SR-IOV capability; declare it (sriov: true) where Nova's [pci] device_spec exposes VFs for network vlan");
  });

  test('fails when an SR-IOV port is on an overlay the site declares no offload for', () => {
    const { stack, site } = siteFixture();
    const network = new TenantNetwork(stack, 'Net', { tenant: site.addTenant('acme') });
    expect(() => new NetworkPort(stack, 'Vf', { network, vnicType: VnicType.DIRECT })).toThrow(
      "test/Vf: vnic type direct needs SR-IOV VFs, but the site's geneve overlay (NetworkSiteProps) declares no SR-IOV capability; "
      + "declare it (sriov: true) where Nova's [pci] device_spec exposes VFs for network net");
  });

  test('fails when an SR-IOV port is on a standalone network', () => {
    const stack = testStack();
    const network = new TenantNetwork(stack, 'Net', { cidr: '10.0.0.0/24' });
    expect(() => new NetworkPort(stack, 'Vf', { network, vnicType: VnicType.DIRECT_PHYSICAL })).toThrow(
      'test/Vf: vnic type direct-physical bypasses OVN and needs a VLAN or flat physnet; network net is a geneve overlay');
  });

  test('fails when a bare-metal port is on an overlay', () => {
    const { stack, site } = siteFixture();
    const network = new TenantNetwork(stack, 'Net', { tenant: site.addTenant('acme') });
    expect(() => new NetworkPort(stack, 'Node', { network, vnicType: VnicType.BAREMETAL })).toThrow(
      'test/Node: vnic type baremetal needs a VLAN network on a physnet whose switch ports networking-generic-switch manages; network net is a geneve overlay');
  });

  test('fails when a DPU port is on a physnet without DPUs', () => {
    const { stack, site } = siteFixture();
    const network = new TenantNetwork(stack, 'Bm', { tenant: site.addTenant('acme'), physicalNetwork: site.physicalNetwork('baremetal') });
    expect(() => new NetworkPort(stack, 'Dpu', { network, vnicType: VnicType.REMOTE_MANAGED })).toThrow(
      "test/Dpu: vnic type remote-managed needs BlueField DPUs, but physnet baremetal declares none; declare remoteManaged: true where Nova's [pci] device_spec has remote_managed VFs for network bm");
  });

  test('fails when a virtio port is on InfiniBand, or security groups are given there', () => {
    const { stack, site } = siteFixture();
    const network = new InfiniBandNetwork(stack, 'Ib', { tenant: site.addTenant('acme'), physicalNetwork: site.physicalNetwork('ibrail0') });
    expect(() => new NetworkPort(stack, 'A', { network })).toThrow(
      'test/A: vnic type normal cannot bind on InfiniBand network ib: networking-mlnx binds direct (an IB VF) and baremetal ports only');
    expect(() => new NetworkPort(stack, 'B', { network, vnicType: VnicType.DIRECT, securityGroups: [new SecurityGroup(stack, 'Sg')] })).toThrow(
      'test/B: network ib has port security off, so security groups cannot apply to its ports; drop securityGroups');
  });

  test('fails when the fixed IP is outside the subnet or is the gateway', () => {
    const stack = testStack();
    const network = new TenantNetwork(stack, 'Net', { cidr: '10.1.0.0/24', gatewayIp: '10.1.0.1' });
    expect(() => new NetworkPort(stack, 'A', { network, fixedIp: '10.2.0.5' })).toThrow("test/A: fixedIp 10.2.0.5 is outside net's subnet 10.1.0.0/24");
    expect(() => new NetworkPort(stack, 'B', { network, fixedIp: '10.1.0.1' })).toThrow('test/B: fixedIp 10.1.0.1 is the gateway of 10.1.0.0/24; use another address');
  });

  test('fails when hardware offload is asked for a port that is not a direct VF', () => {
    const stack = testStack();
    const network = new TenantNetwork(stack, 'Net', { cidr: '10.1.0.0/24' });
    expect(() => new NetworkPort(stack, 'A', { network, hardwareOffload: true })).toThrow(
      'test/A: hardwareOffload asks OVN to offload a direct VF; this port is normal on a ethernet network');
  });

  test('fails when address pairs are given on a network without port security', () => {
    const { stack, site } = siteFixture();
    const network = new InfiniBandNetwork(stack, 'Ib', { tenant: site.addTenant('acme'), physicalNetwork: site.physicalNetwork('ibrail0') });
    expect(() => new NetworkPort(stack, 'A', { network, vnicType: VnicType.DIRECT, allowedAddressPairs: ['10.0.0.5'] })).toThrow(
      'test/A: network ib has port security off; allowedAddressPairs only matter with port security, drop them');
  });

  test('fails when a MAC address, an address pair or a binding profile is malformed', () => {
    const stack = testStack();
    const network = new TenantNetwork(stack, 'Net', { cidr: '10.1.0.0/24' });
    expect(() => new NetworkPort(stack, 'A', { network, macAddress: 'FA-16-3E-00-00-01' })).toThrow(
      'test/A: macAddress "FA-16-3E-00-00-01" is not a MAC address; use lower-case colon form, e.g. fa:16:3e:12:34:56');
    expect(() => new NetworkPort(stack, 'B', { network, allowedAddressPairs: ['10.1.0.300'] })).toThrow(
      'test/B: allowed address pair "10.1.0.300" is not an IPv4 address; use e.g. 10.20.0.10');
    expect(() => new NetworkPort(stack, 'C', { network, bindingProfileJson: '{nope' })).toThrow('test/C: bindingProfileJson is not JSON: {nope');
    expect(() => new NetworkPort(stack, 'D', { network, bindingProfileJson: '[1]' })).toThrow(
      'test/D: bindingProfileJson must be a JSON object, e.g. {"capabilities":["switchdev"]}');
  });

  test('VIPs as allowed address pairs', () => {
    const stack = testStack();
    const network = new TenantNetwork(stack, 'Net', { cidr: '10.1.0.0/24' });
    new NetworkPort(stack, 'Lb', { network, allowedAddressPairs: ['10.1.0.200', '10.244.0.0/16'] });
    expect(onlyResource(synthStack(stack), 'openstack_networking_port_v2').allowed_address_pairs).toEqual([
      { ip_address: '10.1.0.200' }, { ip_address: '10.244.0.0/16' },
    ]);
  });
});
