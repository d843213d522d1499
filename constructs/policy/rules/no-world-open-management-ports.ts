import { PolicyLevel, PolicyPlatform, PolicyRule, PolicySubject } from '../policy-rule';

/**
 * Management ports: SSH 22, Telnet 23, IPMI/RMCP 623 (BMCs), etcd 2379-2380, RDP 3389, VNC 5900, the Kubernetes
 * API 6443 and the kubelet 10250.
 */
const MANAGEMENT_PORTS: { port: number; name: string }[] = [
  { port: 22, name: 'ssh' }, { port: 23, name: 'telnet' }, { port: 623, name: 'ipmi' }, { port: 2379, name: 'etcd' },
  { port: 2380, name: 'etcd peer' }, { port: 3389, name: 'rdp' }, { port: 5900, name: 'vnc' },
  { port: 6443, name: 'kubernetes api' }, { port: 10250, name: 'kubelet' },
];
const WORLD = ['0.0.0.0/0', '::/0'];

/**
 * No security group rule lets the whole internet reach a management port. In Neutron a rule without
 * `remote_ip_prefix` and without `remote_group_id` matches every source
 * (https://docs.openstack.org/api-ref/network/v2/#security-group-rules-security-group-rules), and a rule without a
 * port range or without a protocol matches every port.
 */
export class NoWorldOpenManagementPorts extends PolicyRule {
  public readonly id = 'AIF-NET-001';
  public readonly rationale = 'management ports open to 0.0.0.0/0 are scanned and brute-forced within minutes; a BMC or an API server reachable from anywhere is a way into the whole factory';
  public readonly fix = 'give the rule remote_ip_prefix of the operators\' network (or remote_group_id of a bastion group), or reach the port through a VPN or bastion';
  public readonly level = PolicyLevel.ERROR;

  public evaluate(subject: PolicySubject): string[] {
    if (subject.platform !== PolicyPlatform.TERRAFORM || subject.kind !== 'openstack_networking_secgroup_rule_v2') return [];
    const rule = subject.body;
    if (rule.direction !== 'ingress') return [];
    const remote = rule.remote_ip_prefix;
    const open = (remote === undefined && rule.remote_group_id === undefined && rule.remote_address_group_id === undefined)
      || WORLD.includes(String(remote).trim());
    if (!open) return [];
    const protocol = rule.protocol === undefined ? 'any' : String(rule.protocol).toLowerCase();
    if (!['any', 'tcp', 'udp', '6', '17'].includes(protocol)) return [];
    const min = typeof rule.port_range_min === 'number' ? rule.port_range_min : 1;
    const max = typeof rule.port_range_max === 'number' ? rule.port_range_max : 65535;
    const hit = MANAGEMENT_PORTS.filter((p) => p.port >= min && p.port <= max);
    if (hit.length === 0) return [];
    const from = remote === undefined ? 'any source (no remote_ip_prefix or remote_group_id)' : remote;
    return [`ingress from ${from} reaches management port${hit.length > 1 ? 's' : ''} ${hit.map((p) => `${p.port} (${p.name})`).join(', ')}`];
  }
}
