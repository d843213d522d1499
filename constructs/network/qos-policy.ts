import { Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { idFrom } from './internal';
import { VnicType } from '../../lib/net/port-binding';
import { QosDirection, QosLimits } from '../../lib/net/qos';
import { QosRuleShape, qosRuleProblem } from '../../lib/net/qos-support';
import { bindings } from '../common/bindings';
import { IProject } from '../common/project';
import { guard, invalid } from '../common/validation';
import { warn } from '../common/warnings';

/** A Neutron QoS policy, attachable to networks and ports. */
export interface INetworkQosPolicy extends IConstruct {
  /** QoS policy id (a Terraform reference). */
  readonly qosPolicyId: string;
}

/** Props of {@link NetworkQosPolicy}. */
export interface NetworkQosPolicyProps {
  /**
   * Policy name.
   * @default - the construct id, lower-cased
   */
  readonly policyName?: string;
  /**
   * Description.
   * @default - none
   */
  readonly description?: string;
  /**
   * Project that owns the policy.
   * @default - the project of the provider credentials
   */
  readonly project?: IProject;
}

/** A bandwidth limit (`max_kbps`, `max_burst_kbps`). */
export interface BandwidthLimitOptions {
  /** Largest rate, in kilobits per second (100 Gbit/s = 100000000). */
  readonly maxKbps: number;
  /**
   * Burst size, in kilobits.
   * @default - Neutron's default (0: the backend picks, e.g. 80% of maxKbps on OVS)
   */
  readonly maxBurstKbps?: number;
  /**
   * Direction.
   * @default QosDirection.EGRESS
   */
  readonly direction?: QosDirection;
}

/** A minimum bandwidth guarantee (`min_kbps`). */
export interface MinimumBandwidthOptions {
  /** Guaranteed rate, in kilobits per second. */
  readonly minKbps: number;
  /**
   * Direction.
   * @default QosDirection.EGRESS
   */
  readonly direction?: QosDirection;
}

/**
 * A QoS policy with the rules OVN enforces (bandwidth limit, minimum bandwidth, DSCP marking; openstack/neutron
 * `neutron/services/qos/drivers/ovn/driver.py` SUPPORTED_RULES). Packet-rate rules are not offered: OVN does not enforce them and the
 * Terraform provider has no resource for them.
 *
 * Creating QoS policies and rules needs admin rights under Neutron's default policy (`create_policy`,
 * `create_policy_*_rule` are PROJECT_ADMIN). Attach it with `qosPolicy` on a network or a port; share it with a
 * tenant's project with `shareWith`. Minimum bandwidth is enforced through Placement: the port needs the policy
 * before its server boots, and the agents need `resource_provider_bandwidths`. Ports check the rules against
 * their vnic type (SR-IOV ports take no DSCP and no ingress limit, bare-metal and DPU ports no rule at all: Neutron
 * would refuse the port), and the SR-IOV agent ignores a burst.
 */
export class NetworkQosPolicy extends Construct implements INetworkQosPolicy {
  /**
   * An existing QoS policy, looked up by name (`data.openstack_networking_qos_policy_v2`), for networks and ports of
   * this app; give the project when the name is not unique. Its rules are not known at synth, so they are not checked
   * against the ports' vnic types as a policy of this app is: Neutron checks them when the port binds.
   * @param project the project that owns the policy; any policy the credentials see when omitted
   */
  public static fromPolicyName(scope: Construct, id: string, policyName: string, project?: IProject): INetworkQosPolicy {
    return new ImportedQosPolicy(scope, id, policyName, project);
  }

  public readonly qosPolicyId: string;
  /** Policy name. */
  public readonly policyName: string;
  private readonly limits = new Map<QosDirection, BandwidthLimitOptions>();
  private readonly minimums = new Map<QosDirection, MinimumBandwidthOptions>();
  private dscp?: number;
  private readonly ports: AttachedPort[] = [];
  private readonly shared = new Set<string>();
  private readonly warned = new Set<string>();

  constructor(scope: Construct, id: string, props: NetworkQosPolicyProps = {}) {
    super(scope, id);
    this.policyName = props.policyName ?? id.toLowerCase();
    const policy = new (bindings.networkingQosPolicyV2().NetworkingQosPolicyV2)(this, 'Resource', {
      name: this.policyName,
      description: props.description,
      projectId: props.project?.projectId,
    });
    this.qosPolicyId = policy.id;
  }

  /** Limits the bandwidth in one direction (one limit per direction). */
  public addBandwidthLimit(options: BandwidthLimitOptions): void {
    const direction = options.direction ?? QosDirection.EGRESS;
    guard(this, () => QosLimits.checkKbps('maxKbps', options.maxKbps));
    if (options.maxBurstKbps !== undefined) guard(this, () => QosLimits.checkKbps('maxBurstKbps', options.maxBurstKbps!, true));
    if (this.limits.has(direction)) invalid(this, `the policy already has an ${direction} bandwidth limit; Neutron allows one per direction`);
    const min = this.minimums.get(direction);
    if (min && min.minKbps > options.maxKbps) {
      invalid(this, `${direction} limit ${options.maxKbps} kbps is below the ${min.minKbps} kbps minimum the policy guarantees; raise the limit`);
    }
    this.checkRuleForPorts({ kind: 'bandwidth_limit', direction });
    this.limits.set(direction, options);
    new (bindings.networkingQosBandwidthLimitRuleV2().NetworkingQosBandwidthLimitRuleV2)(this, `BandwidthLimit${idFrom(direction)}`, {
      qosPolicyId: this.qosPolicyId,
      maxKbps: options.maxKbps,
      maxBurstKbps: options.maxBurstKbps,
      direction,
    });
    this.warnForSriov();
  }

  /** Guarantees a minimum bandwidth in one direction (one per direction). */
  public addMinimumBandwidth(options: MinimumBandwidthOptions): void {
    const direction = options.direction ?? QosDirection.EGRESS;
    guard(this, () => QosLimits.checkKbps('minKbps', options.minKbps));
    if (this.minimums.has(direction)) invalid(this, `the policy already has an ${direction} minimum bandwidth; Neutron allows one per direction`);
    const limit = this.limits.get(direction);
    if (limit && options.minKbps > limit.maxKbps) {
      invalid(this, `${direction} minimum ${options.minKbps} kbps is above the ${limit.maxKbps} kbps limit of the policy; lower it`);
    }
    this.checkRuleForPorts({ kind: 'minimum_bandwidth', direction });
    this.minimums.set(direction, options);
    new (bindings.networkingQosMinimumBandwidthRuleV2().NetworkingQosMinimumBandwidthRuleV2)(this, `MinimumBandwidth${idFrom(direction)}`, {
      qosPolicyId: this.qosPolicyId,
      minKbps: options.minKbps,
      direction,
    });
    this.warnForSriov();
  }

  /** Marks egress packets with a DSCP value (one per policy), e.g. 46 (EF) for latency-sensitive traffic. */
  public addDscpMarking(dscpMark: number): void {
    guard(this, () => QosLimits.checkDscpMark(dscpMark));
    if (this.dscp !== undefined) invalid(this, `the policy already marks DSCP ${this.dscp}; Neutron allows one DSCP rule per policy`);
    this.checkRuleForPorts({ kind: 'dscp_marking' });
    this.dscp = dscpMark;
    new (bindings.networkingQosDscpMarkingRuleV2().NetworkingQosDscpMarkingRuleV2)(this, 'DscpMarking', { qosPolicyId: this.qosPolicyId, dscpMark });
  }

  /**
   * Lets `project` attach the policy to its networks and ports (an RBAC policy, `access_as_shared` on the
   * `qos_policy`), instead of `shared = true`, which would offer it to every project.
   */
  public shareWith(project: IProject): void {
    if (this.shared.has(project.node.path)) return;
    this.shared.add(project.node.path);
    new (bindings.networkingRbacPolicyV2().NetworkingRbacPolicyV2)(this, `SharedWith${idFrom(project.node.id)}`, {
      action: 'access_as_shared',
      objectType: 'qos_policy',
      objectId: this.qosPolicyId,
      targetTenant: project.projectId,
    });
  }

  /**
   * @internal records a port that uses the policy: refuses the rules Neutron's QoS drivers cannot apply to its vnic
   * type (checked again for every rule added later) and warns about what the SR-IOV NIC agent does not enforce.
   * `sriovPhysnet` is the physnet when the SR-IOV NIC agent serves the port (a VF on an Ethernet physnet).
   */
  public _attachPort(port: IConstruct, vnicType: VnicType, sriovPhysnet?: string): void {
    const attached = { path: port.node.path, vnicType, sriovPhysnet };
    for (const rule of this.rules()) {
      const problem = qosRuleProblem(vnicType, rule);
      if (problem) invalid(port, `QoS policy ${this.policyName} has a ${rule.kind} rule, but ${problem}`);
    }
    this.ports.push(attached);
    this.warnForSriov();
  }

  private rules(): QosRuleShape[] {
    return [
      ...[...this.limits.keys()].map((direction): QosRuleShape => ({ kind: 'bandwidth_limit', direction })),
      ...[...this.minimums.keys()].map((direction): QosRuleShape => ({ kind: 'minimum_bandwidth', direction })),
      ...(this.dscp === undefined ? [] : [{ kind: 'dscp_marking' } as QosRuleShape]),
    ];
  }

  private checkRuleForPorts(rule: QosRuleShape): void {
    for (const port of this.ports) {
      const problem = qosRuleProblem(port.vnicType, rule);
      if (problem) invalid(this, `port ${port.path} (${port.vnicType}) uses this policy, but ${problem}`);
    }
  }

  private warnForSriov(): void {
    const port = this.ports.find((p) => p.sriovPhysnet !== undefined);
    if (!port) return;
    const burst = [...this.limits.values()].some((l) => l.maxBurstKbps !== undefined && l.maxBurstKbps > 0);
    if (burst) {
      this.warnOnce(`SR-IOV port ${port.path} uses this policy, but the SR-IOV NIC agent sets only the VF's max_tx_rate; its burst is ignored there`);
    }
    if (this.minimums.size > 0) {
      // the SR-IOV agent reports bandwidth inventory only for devices listed in its resource_provider_bandwidths
      // (neutron/conf/plugins/ml2/drivers/mech_sriov/agent_common.py); the port's resource_request then finds no provider
      this.warnOnce(`SR-IOV port ${port.path} gets a minimum bandwidth: Nova schedules it only on hosts whose SR-IOV NIC agent `
        + `reports resource_provider_bandwidths for the VF's device (physnet ${port.sriovPhysnet}); without it the server fails with "No valid host"`);
    }
  }

  private warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    warn(this, message);
  }
}

interface AttachedPort {
  readonly path: string;
  readonly vnicType: VnicType;
  readonly sriovPhysnet?: string;
}

/** A QoS policy that exists already (see {@link NetworkQosPolicy.fromPolicyName}). */
class ImportedQosPolicy extends Construct implements INetworkQosPolicy {
  public readonly qosPolicyId: string;

  constructor(scope: Construct, id: string, policyName: string, project?: IProject) {
    super(scope, id);
    if (!Token.isUnresolved(policyName) && (policyName.trim() === '' || policyName.length > 255)) {
      invalid(this, `policyName ${JSON.stringify(policyName)} must be 1 to 255 characters (Neutron's limit); give the name of the existing policy`);
    }
    this.qosPolicyId = new (bindings.dataOpenstackNetworkingQosPolicyV2().DataOpenstackNetworkingQosPolicyV2)(this, 'Resource', { name: policyName, projectId: project?.projectId }).id;
  }
}
