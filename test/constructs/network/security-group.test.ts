import { siteFixture } from './fixtures';
import { Peer, SecurityGroup } from '../../../constructs/network/security-group';
import { TenantNetwork } from '../../../constructs/network/tenant-network';
import { TrafficPort } from '../../../lib/net/traffic';
import { onlyResource, resourcesOf, synthStack, testStack } from '../../util';

const rulesOf = (tf: any) => Object.values(resourcesOf(tf, 'openstack_networking_secgroup_rule_v2')).map((r: any) => {
  const { security_group_id: _, ...rest } = r;
  return rest;
});

describe('SecurityGroup', () => {
  test('deny by default: Neutron defaults deleted, no ingress, explicit allow-all egress', () => {
    const stack = testStack();
    new SecurityGroup(stack, 'Web');
    const tf = synthStack(stack);
    expect(onlyResource(tf, 'openstack_networking_secgroup_v2')).toEqual({ name: 'web', delete_default_rules: true });
    expect(rulesOf(tf)).toEqual([
      { direction: 'egress', ethertype: 'IPv4', remote_ip_prefix: '0.0.0.0/0', description: 'all outbound IPv4' },
      { direction: 'egress', ethertype: 'IPv6', remote_ip_prefix: '::/0', description: 'all outbound IPv6' },
    ]);
  });

  test('deny both ways when outbound traffic is not allowed', () => {
    const stack = testStack();
    const sg = new SecurityGroup(stack, 'Locked', { allowAllOutbound: false });
    sg.allowTo(Peer.ipv4('10.0.0.53/32'), TrafficPort.udp(53), { description: 'site DNS' });
    expect(rulesOf(synthStack(stack))).toEqual([{
      direction: 'egress', ethertype: 'IPv4', protocol: 'udp', port_range_min: 53, port_range_max: 53, remote_ip_prefix: '10.0.0.53/32', description: 'site DNS',
    }]);
  });

  test('intent rules: from another group, from a network, within the group', () => {
    const { stack, site } = siteFixture();
    const network = new TenantNetwork(stack, 'Mgmt', { tenant: site.addTenant('acme') });
    const bastion = new SecurityGroup(stack, 'Bastion');
    const nodes = new SecurityGroup(stack, 'Nodes', { allowAllOutbound: false });
    nodes.allowFrom(Peer.securityGroup(bastion), TrafficPort.tcp(22));
    nodes.allowFrom(Peer.network(network), TrafficPort.tcp(6443));
    nodes.allowInternally();
    const rules = rulesOf(synthStack(stack)).filter((r: any) => r.description !== 'all outbound IPv4' && r.description !== 'all outbound IPv6');
    expect(rules).toHaveLength(4);
    expect(rules).toEqual(expect.arrayContaining([
      {
        direction: 'ingress',
        ethertype: 'IPv4',
        protocol: 'tcp',
        port_range_min: 22,
        port_range_max: 22,
        remote_group_id: expect.stringContaining('openstack_networking_secgroup_v2.Bastion_'),
        description: 'members of bastion',
      },
      {
        direction: 'ingress',
        ethertype: 'IPv4',
        protocol: 'tcp',
        port_range_min: 6443,
        port_range_max: 6443,
        remote_ip_prefix: network.cidr,
        description: `network mgmt (${network.cidr})`,
      },
      { direction: 'ingress', ethertype: 'IPv4', remote_group_id: expect.stringContaining('openstack_networking_secgroup_v2.Nodes_'), description: 'from members of nodes' },
      { direction: 'egress', ethertype: 'IPv4', remote_group_id: expect.stringContaining('openstack_networking_secgroup_v2.Nodes_'), description: 'to members of nodes' },
    ]));
  });

  test('a stateless data-plane group', () => {
    const stack = testStack();
    const sg = new SecurityGroup(stack, 'Rdma', { stateful: false });
    sg.allowInternally(TrafficPort.udp(4791));
    expect(onlyResource(synthStack(stack), 'openstack_networking_secgroup_v2')).toMatchObject({ stateful: false });
    expect(sg.ruleCount).toBe(4);
  });

  test('the same rule twice is emitted once', () => {
    const stack = testStack();
    const sg = new SecurityGroup(stack, 'Web');
    sg.allowFrom(Peer.anyIpv4(), TrafficPort.tcp(443), { description: 'public HTTPS' });
    sg.allowFrom(Peer.anyIpv4(), TrafficPort.tcp(443), { description: 'public HTTPS' });
    expect(sg.ruleCount).toBe(3);
  });

  test('ICMP from an IPv6 peer is ipv6-icmp', () => {
    const stack = testStack();
    const sg = new SecurityGroup(stack, 'Web', { allowAllOutbound: false });
    sg.allowFrom(Peer.ipv6('2001:db8::/64'), TrafficPort.icmp(), { description: 'monitoring' });
    expect(rulesOf(synthStack(stack))).toEqual([
      { direction: 'ingress', ethertype: 'IPv6', protocol: 'ipv6-icmp', remote_ip_prefix: '2001:db8::/64', description: 'monitoring' },
    ]);
  });

  test('SSH from the world with a reason: allowed, and the reason is in the rule', () => {
    const stack = testStack();
    const sg = new SecurityGroup(stack, 'Bastion');
    sg.allowFrom(Peer.anyIpv4(), TrafficPort.tcp(22), { description: 'bastion SSH', worldOpenReason: 'break-glass bastion, MFA on the host' });
    expect(rulesOf(synthStack(stack)).find((r: any) => r.direction === 'ingress').description).toBe(
      'bastion SSH (open to the world: break-glass bastion, MFA on the host)');
  });

  test('fails when a security rule opens SSH to the world without an override', () => {
    const sg = new SecurityGroup(testStack(), 'Bastion');
    expect(() => sg.allowFrom(Peer.anyIpv4(), TrafficPort.tcp(22), { description: 'ssh' })).toThrow(
      'test/Bastion: ingress from 0.0.0.0/0 on tcp/22 opens SSH to the world; restrict the peer (e.g. a bastion or VPN CIDR) or give worldOpenReason to say why it must be open');
  });

  test('fails when a security rule opens the Kubernetes API to the IPv6 world', () => {
    const sg = new SecurityGroup(testStack(), 'Api');
    expect(() => sg.allowFrom(Peer.anyIpv6(), TrafficPort.tcp(6443), { description: 'k8s' })).toThrow(
      'test/Api: ingress from ::/0 on tcp/6443 opens the Kubernetes API to the world');
  });

  test('fails when all traffic is opened to the world', () => {
    const sg = new SecurityGroup(testStack(), 'Open');
    expect(() => sg.allowFrom(Peer.anyIpv4(), TrafficPort.allTraffic(), { description: 'everything' })).toThrow(
      'test/Open: ingress from 0.0.0.0/0 on all traffic opens SSH, RDP, VNC, the Kubernetes API, etcd, the kubelet API, IPMI to the world');
  });

  test('fails when ingress from a CIDR has no description', () => {
    const sg = new SecurityGroup(testStack(), 'Web');
    expect(() => sg.allowFrom(Peer.ipv4('192.0.2.0/24'), TrafficPort.tcp(443))).toThrow(
      'test/Web: ingress from 192.0.2.0/24 on tcp/443 needs a description saying who is there (SecurityRuleOptions.description)');
  });

  test('fails when a peer is not a CIDR', () => {
    expect(() => Peer.ipv4('192.0.2.1/24')).toThrow('peer 192.0.2.1/24 has host bits set; use 192.0.2.0/24');
    expect(() => Peer.ipv6('2001:db8::')).toThrow('peer "2001:db8::" is not an IPv6 CIDR; use e.g. 2001:db8::/64');
  });
});
