import { createHash } from 'crypto';
import { Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { Address6 } from 'ip-address';
import { idFrom } from './internal';
import { ITenantNetwork } from './network';
import type { NetworkingSecgroupRuleV2 } from '../../generated/terraform/openstack/networking-secgroup-rule-v2';
import { fail } from '../../lib/errors';
import { isWholeSpace, parseCidr } from '../../lib/net/ipv4';
import { TrafficPort, TrafficProtocol } from '../../lib/net/traffic';
import { openStackNameProblem } from '../../lib/tenancy/openstack-limits';
import { bindings } from '../common/bindings';
import { IProject } from '../common/project';
import { invalid } from '../common/validation';

/** A Neutron security group. */
export interface ISecurityGroup extends IConstruct {
  /** Security group id (a Terraform reference). */
  readonly securityGroupId: string;
  /** Security group name. */
  readonly securityGroupName: string;
}

/** The other end of a security rule: an address range, a tenant network, or the members of a security group. */
export class Peer {
  /** An IPv4 CIDR (needs a rule description on ingress: say who is there). */
  public static ipv4(cidr: string): Peer {
    const block = parseCidr(cidr, 'peer');
    return new Peer(block.networkForm(), undefined, false, undefined);
  }

  /** An IPv6 CIDR (needs a rule description on ingress). */
  public static ipv6(cidr: string): Peer {
    if (!cidr.includes('/') || !Address6.isValid(cidr)) fail(`peer ${JSON.stringify(cidr)} is not an IPv6 CIDR; use e.g. 2001:db8::/64`);
    const block = new Address6(cidr);
    return new Peer(`${block.startAddress().correctForm()}/${block.subnetMask}`, undefined, true, undefined);
  }

  /** Every IPv4 address (`0.0.0.0/0`): never allowed to reach a management port without an override. */
  public static anyIpv4(): Peer {
    return new Peer('0.0.0.0/0', undefined, false, undefined);
  }

  /** Every IPv6 address (`::/0`). */
  public static anyIpv6(): Peer {
    return new Peer('::/0', undefined, true, undefined);
  }

  /** The members of a security group (by reference, IPv4). */
  public static securityGroup(group: ISecurityGroup): Peer {
    return new Peer(undefined, group, false, `members of ${group.securityGroupName}`);
  }

  /** The addresses of a tenant network's subnet. */
  public static network(network: ITenantNetwork): Peer {
    return new Peer(network.cidr, undefined, false, `network ${network.networkName} (${network.cidr})`);
  }

  /**
   * The CIDR.
   * @default - none: a security group peer
   */
  public readonly cidr?: string;
  /**
   * The security group whose members are the peer.
   * @default - none: an address peer
   */
  public readonly group?: ISecurityGroup;
  /** Whether the peer is IPv6. */
  public readonly isIpv6: boolean;
  /**
   * Description the peer brings along (networks and groups name themselves; raw CIDRs do not).
   * @default - none
   */
  public readonly label?: string;

  private constructor(cidr: string | undefined, group: ISecurityGroup | undefined, ipv6: boolean, label: string | undefined) {
    this.cidr = cidr;
    this.group = group;
    this.isIpv6 = ipv6;
    this.label = label;
  }

  /** Whether the peer is the whole address space of its family. */
  public get isWorld(): boolean {
    return this.cidr !== undefined && isWholeSpace(this.cidr);
  }

  /** `10.0.0.0/8`, `members of web`. */
  public toString(): string {
    return this.cidr ?? this.label ?? 'peer';
  }
}

/** Options of a security rule. */
export interface SecurityRuleOptions {
  /**
   * What the rule is for. Required for ingress from a CIDR (say who is there), optional otherwise.
   * @default - the peer's own label (networks and groups), or none
   */
  readonly description?: string;
  /**
   * Why a management port (SSH, RDP, the Kubernetes API, etcd, kubelet, IPMI) must be open to the whole internet.
   * Without it such a rule is refused.
   * @default - no override
   */
  readonly worldOpenReason?: string;
}

/** Props of {@link SecurityGroup}. */
export interface SecurityGroupProps {
  /**
   * Group name.
   * @default - the construct id, lower-cased
   */
  readonly groupName?: string;
  /**
   * Description.
   * @default - none
   */
  readonly description?: string;
  /**
   * Project that owns the group.
   * @default - the project of the provider credentials
   */
  readonly project?: IProject;
  /**
   * Stateful (connection tracking) or stateless. Stateless groups suit data-plane networks (storage, RDMA over
   * Ethernet, NCCL) where conntrack costs throughput, but return traffic then needs its own rules
   * (`allowInternally` adds both directions). It can only change while no port uses the group.
   * @default true
   */
  readonly stateful?: boolean;
  /**
   * Allow all outbound traffic (explicit IPv4 and IPv6 egress rules). With false, egress is denied too, except what
   * `allowTo` opens (note that instances then also need `allowTo` for DNS, NTP and the metadata service at
   * 169.254.169.254:80).
   * @default true
   */
  readonly allowAllOutbound?: boolean;
}

interface RuleSpec {
  readonly direction: 'ingress' | 'egress';
  readonly port: TrafficPort;
  readonly peer: Peer;
  readonly description?: string;
}

/**
 * A security group that denies by default: nothing comes in unless a rule lets it (`allowFrom`, `allowInternally`),
 * and Neutron's two implicit allow-all egress rules are deleted (`delete_default_rules`), so the rules in the
 * Terraform code are exactly the rules in effect. Outbound traffic is then allowed by explicit rules unless
 * `allowAllOutbound` is false (deny both ways; open with `allowTo`).
 *
 * Ingress from a CIDR needs a description; SSH, RDP, VNC, the Kubernetes API, etcd, the kubelet and IPMI are never
 * opened to `0.0.0.0/0` or `::/0` without `worldOpenReason`. Duplicate rules are emitted once (Neutron rejects
 * duplicates).
 */
export class SecurityGroup extends Construct implements ISecurityGroup {
  /**
   * An existing security group, looked up by name (`data.openstack_networking_secgroup_v2`); give the project when
   * the name is not unique (every project has a group named `default`). The plan fails when none or several match.
   * @param project the project that owns the group; any visible project when omitted
   */
  public static fromSecurityGroupName(scope: Construct, id: string, securityGroupName: string, project?: IProject): ISecurityGroup {
    return new ImportedSecurityGroup(scope, id, securityGroupName, project);
  }

  public readonly securityGroupId: string;
  public readonly securityGroupName: string;
  /** Whether the group is stateful. */
  public readonly stateful: boolean;
  private readonly project?: IProject;
  private readonly rules = new Map<string, NetworkingSecgroupRuleV2>();

  constructor(scope: Construct, id: string, props: SecurityGroupProps = {}) {
    super(scope, id);
    this.securityGroupName = props.groupName ?? id.toLowerCase();
    const nameProblem = openStackNameProblem('groupName', this.securityGroupName);
    if (nameProblem) invalid(this, nameProblem);
    this.stateful = props.stateful ?? true;
    this.project = props.project;
    const group = new (bindings.networkingSecgroupV2().NetworkingSecgroupV2)(this, 'Resource', {
      name: this.securityGroupName,
      description: props.description,
      deleteDefaultRules: true,
      // only sent when false: `stateful` needs the stateful-security-group extension
      stateful: this.stateful ? undefined : false,
      tenantId: props.project?.projectId,
    });
    this.securityGroupId = group.id;
    if (props.allowAllOutbound ?? true) {
      this.addRule({ direction: 'egress', port: TrafficPort.allTraffic(), peer: Peer.anyIpv4(), description: 'all outbound IPv4' });
      this.addRule({ direction: 'egress', port: TrafficPort.allTraffic(), peer: Peer.anyIpv6(), description: 'all outbound IPv6' });
    }
  }

  /** Lets `peer` reach members of this group on `port`. */
  public allowFrom(peer: Peer, port: TrafficPort, options: SecurityRuleOptions = {}): void {
    const description = options.description ?? peer.label;
    if (peer.cidr !== undefined && peer.label === undefined && !options.description) {
      invalid(this, `ingress from ${peer.cidr} on ${port} needs a description saying who is there (SecurityRuleOptions.description)`);
    }
    const exposed = port.managementServices();
    if (peer.isWorld && exposed.length > 0 && !options.worldOpenReason) {
      invalid(this, `ingress from ${peer.cidr} on ${port} opens ${exposed.map((s) => s.name).join(', ')} to the world; restrict the peer `
        + '(e.g. a bastion or VPN CIDR) or give worldOpenReason to say why it must be open');
    }
    const reason = options.worldOpenReason ? ` (open to the world: ${options.worldOpenReason})` : '';
    this.addRule({ direction: 'ingress', port, peer, description: description === undefined ? undefined : `${description}${reason}` });
  }

  /** Lets members of this group reach `peer` on `port` (needed only with `allowAllOutbound: false`). */
  public allowTo(peer: Peer, port: TrafficPort, options: SecurityRuleOptions = {}): void {
    this.addRule({ direction: 'egress', port, peer, description: options.description ?? peer.label });
  }

  /**
   * Lets members of this group reach each other on `port` (all traffic by default): ingress from the group, and
   * egress to it when outbound traffic is not otherwise allowed or the group is stateless.
   */
  public allowInternally(port: TrafficPort = TrafficPort.allTraffic()): void {
    const self = Peer.securityGroup(this);
    this.addRule({ direction: 'ingress', port, peer: self, description: `from members of ${this.securityGroupName}` });
    this.addRule({ direction: 'egress', port, peer: self, description: `to members of ${this.securityGroupName}` });
  }

  /** Number of rules in the group (Neutron's default quota is 100 rules per project). */
  public get ruleCount(): number {
    return this.rules.size;
  }

  private addRule(rule: RuleSpec): void {
    const ethertype = rule.peer.isIpv6 ? 'IPv6' : 'IPv4';
    const protocol = rule.port.protocol === TrafficProtocol.ALL ? undefined
      : rule.port.protocol === TrafficProtocol.ICMP && rule.peer.isIpv6 ? 'ipv6-icmp' : rule.port.protocol;
    const remote = rule.peer.cidr ?? rule.peer.group?.node.path ?? '';
    const key = [rule.direction, ethertype, protocol ?? 'any', rule.port.fromPort ?? '', rule.port.toPort ?? '', remote].join('|');
    if (this.rules.has(key)) return;
    const hash = createHash('sha256').update(key).digest('hex').slice(0, 8);
    const id = `${idFrom(rule.direction)}${idFrom(rule.port.toString())}${hash}`;
    const resource = new (bindings.networkingSecgroupRuleV2().NetworkingSecgroupRuleV2)(this, id, {
      securityGroupId: this.securityGroupId,
      direction: rule.direction,
      ethertype,
      protocol,
      portRangeMin: rule.port.fromPort,
      portRangeMax: rule.port.toPort,
      remoteIpPrefix: rule.peer.cidr,
      remoteGroupId: rule.peer.group?.securityGroupId,
      description: rule.description,
      tenantId: this.project?.projectId,
    });
    this.rules.set(key, resource);
  }
}

/** A security group that exists already (see {@link SecurityGroup.fromSecurityGroupName}). */
class ImportedSecurityGroup extends Construct implements ISecurityGroup {
  public readonly securityGroupId: string;
  public readonly securityGroupName: string;

  constructor(scope: Construct, id: string, securityGroupName: string, project?: IProject) {
    super(scope, id);
    if (!Token.isUnresolved(securityGroupName) && securityGroupName.trim() === '') {
      invalid(this, 'securityGroupName "" is empty; give the name of the existing security group');
    }
    this.securityGroupName = securityGroupName;
    this.securityGroupId = new (bindings.dataOpenstackNetworkingSecgroupV2().DataOpenstackNetworkingSecgroupV2)(this, 'Resource', { name: securityGroupName, tenantId: project?.projectId }).id;
  }
}
