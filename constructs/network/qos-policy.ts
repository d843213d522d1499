import { Annotations } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { idFrom } from './internal';
import { NetworkingQosBandwidthLimitRuleV2 } from '../../generated/terraform/openstack/networking-qos-bandwidth-limit-rule-v2';
import { NetworkingQosDscpMarkingRuleV2 } from '../../generated/terraform/openstack/networking-qos-dscp-marking-rule-v2';
import { NetworkingQosMinimumBandwidthRuleV2 } from '../../generated/terraform/openstack/networking-qos-minimum-bandwidth-rule-v2';
import { NetworkingQosPolicyV2 } from '../../generated/terraform/openstack/networking-qos-policy-v2';
import { NetworkingRbacPolicyV2 } from '../../generated/terraform/openstack/networking-rbac-policy-v2';
import { QosDirection, QosLimits } from '../../lib/net/qos';
import { IProject } from '../common/project';
import { guard, invalid } from '../common/validation';

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
 * A QoS policy with the rules OVN enforces (bandwidth limit, minimum bandwidth, DSCP marking;
 * shared/reference/openstack-network.md §5). Packet-rate rules are not offered: OVN does not enforce them and the
 * Terraform provider has no resource for them.
 *
 * Creating QoS policies and rules needs admin rights under Neutron's default policy (`create_policy`,
 * `create_policy_*_rule` are PROJECT_ADMIN). Attach it with `qosPolicy` on a network or a port; share it with a
 * tenant's project with `shareWith`. Minimum bandwidth is enforced through Placement: the port needs the policy
 * before its server boots, and the agents need `resource_provider_bandwidths`. The SR-IOV agent enforces only
 * egress limits without burst.
 */
export class NetworkQosPolicy extends Construct implements INetworkQosPolicy {
  public readonly qosPolicyId: string;
  /** Policy name. */
  public readonly policyName: string;
  private readonly limits = new Map<QosDirection, BandwidthLimitOptions>();
  private readonly minimums = new Map<QosDirection, MinimumBandwidthOptions>();
  private dscp?: number;
  private readonly sriovPorts: string[] = [];
  private readonly shared = new Set<string>();
  private warned = false;

  constructor(scope: Construct, id: string, props: NetworkQosPolicyProps = {}) {
    super(scope, id);
    this.policyName = props.policyName ?? id.toLowerCase();
    const policy = new NetworkingQosPolicyV2(this, 'Resource', {
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
    this.limits.set(direction, options);
    new NetworkingQosBandwidthLimitRuleV2(this, `BandwidthLimit${idFrom(direction)}`, {
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
    this.minimums.set(direction, options);
    new NetworkingQosMinimumBandwidthRuleV2(this, `MinimumBandwidth${idFrom(direction)}`, {
      qosPolicyId: this.qosPolicyId,
      minKbps: options.minKbps,
      direction,
    });
  }

  /** Marks egress packets with a DSCP value (one per policy), e.g. 46 (EF) for latency-sensitive traffic. */
  public addDscpMarking(dscpMark: number): void {
    guard(this, () => QosLimits.checkDscpMark(dscpMark));
    if (this.dscp !== undefined) invalid(this, `the policy already marks DSCP ${this.dscp}; Neutron allows one DSCP rule per policy`);
    this.dscp = dscpMark;
    new NetworkingQosDscpMarkingRuleV2(this, 'DscpMarking', { qosPolicyId: this.qosPolicyId, dscpMark });
  }

  /**
   * Lets `project` attach the policy to its networks and ports (an RBAC policy, `access_as_shared` on the
   * `qos_policy`), instead of `shared = true`, which would offer it to every project.
   */
  public shareWith(project: IProject): void {
    if (this.shared.has(project.node.path)) return;
    this.shared.add(project.node.path);
    new NetworkingRbacPolicyV2(this, `SharedWith${idFrom(project.node.id)}`, {
      action: 'access_as_shared',
      objectType: 'qos_policy',
      objectId: this.qosPolicyId,
      targetTenant: project.projectId,
    });
  }

  /** @internal records an SR-IOV port using the policy (for the enforcement warnings). */
  public _attachSriovPort(port: IConstruct): void {
    this.sriovPorts.push(port.node.path);
    this.warnForSriov();
  }

  private warnForSriov(): void {
    if (this.sriovPorts.length === 0 || this.warned) return;
    const ingress = this.limits.get(QosDirection.INGRESS);
    const burst = [...this.limits.values()].some((l) => l.maxBurstKbps !== undefined);
    if (ingress || burst) {
      this.warned = true;
      Annotations.of(this).addWarning(`SR-IOV port ${this.sriovPorts[0]} uses this policy, but the SR-IOV NIC agent enforces only egress `
        + 'bandwidth limits without burst; its ingress limit and burst are ignored there');
    }
  }
}
