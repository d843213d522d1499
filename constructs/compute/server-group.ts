import { Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { openStackNameProblem } from '../../lib/tenancy/openstack-limits';
import { bindings } from '../common/bindings';
import { invalid } from '../common/validation';

/** Nova server group policies (compute API; soft policies need microversion 2.15). */
export enum ServerGroupPolicy {
  /** All members on one host (e.g. the ranks of a job that must share NVLink or a local cache). Fails when they do not fit. */
  AFFINITY = 'affinity',
  /** Every member on a different host (e.g. replicas, or the nodes of a multi-node job that each need a whole server). */
  ANTI_AFFINITY = 'anti-affinity',
  /** Same host when possible. */
  SOFT_AFFINITY = 'soft-affinity',
  /** Different hosts when possible. */
  SOFT_ANTI_AFFINITY = 'soft-anti-affinity',
}

/** Props of {@link ServerGroup}. */
export interface ServerGroupProps {
  /** Server group name. */
  readonly serverGroupName: string;
  /** Placement policy. */
  readonly policy: ServerGroupPolicy;
  /**
   * With anti-affinity: at most this many members per host (rule `max_server_per_host`, microversion 2.64).
   * @default 1
   */
  readonly maxServersPerHost?: number;
}

/** A Nova server group. */
export interface IServerGroup extends IConstruct {
  /** Server group id (a Terraform reference), the `group` scheduler hint of its members. */
  readonly serverGroupId: string;
  /** Server group name. */
  readonly serverGroupName: string;
  /** Placement policy. */
  readonly policy: ServerGroupPolicy;
}

/**
 * A Nova server group that places the VMs (or bare-metal instances) of a multi-node job: affinity, anti-affinity or their
 * soft variants. Members join with the scheduler hint `group=<serverGroupId>`.
 */
export class ServerGroup extends Construct implements IServerGroup {
  /**
   * An existing server group, looked up by name (`data.openstack_compute_servergroup_v2`) among the groups of the
   * credentials' project, so this app's servers can join it. The plan fails when it does not exist or its policy is
   * not `policy` (a postcondition on the group's `policies`).
   */
  public static fromServerGroupName(scope: Construct, id: string, serverGroupName: string, policy: ServerGroupPolicy): IServerGroup {
    return new ImportedServerGroup(scope, id, serverGroupName, policy);
  }

  public readonly serverGroupId: string;
  public readonly serverGroupName: string;
  public readonly policy: ServerGroupPolicy;

  constructor(scope: Construct, id: string, props: ServerGroupProps) {
    super(scope, id);
    const nameProblem = Token.isUnresolved(props.serverGroupName) ? undefined : openStackNameProblem('serverGroupName', props.serverGroupName);
    if (nameProblem) invalid(this, nameProblem);
    this.serverGroupName = props.serverGroupName;
    this.policy = props.policy;
    const max = props.maxServersPerHost;
    if (max !== undefined) {
      if (props.policy !== ServerGroupPolicy.ANTI_AFFINITY) {
        invalid(this, `maxServersPerHost applies only to the anti-affinity policy, not ${props.policy}; drop it or use ServerGroupPolicy.ANTI_AFFINITY`);
      }
      if (!Number.isInteger(max) || max < 1) invalid(this, `maxServersPerHost ${max} must be a positive integer`);
    }
    const group = new (bindings.computeServergroupV2().ComputeServergroupV2)(this, 'Resource', {
      name: props.serverGroupName,
      policies: [props.policy],
      rules: max !== undefined && max > 1 ? { maxServerPerHost: max } : undefined,
    });
    this.serverGroupId = group.id;
  }
}

/** A server group that exists already (see {@link ServerGroup.fromServerGroupName}). */
class ImportedServerGroup extends Construct implements IServerGroup {
  public readonly serverGroupId: string;
  public readonly serverGroupName: string;
  public readonly policy: ServerGroupPolicy;

  constructor(scope: Construct, id: string, serverGroupName: string, policy: ServerGroupPolicy) {
    super(scope, id);
    if (!Token.isUnresolved(serverGroupName) && (serverGroupName.trim() === '' || serverGroupName.length > 255)) {
      invalid(this, `serverGroupName ${JSON.stringify(serverGroupName)} must be 1 to 255 characters (Nova's limit); give the name of the existing group`);
    }
    this.serverGroupName = serverGroupName;
    this.policy = policy;
    // the provider reports the policy as a one-element list for every microversion (data_source_openstack_compute_servergroup_v2.go)
    this.serverGroupId = new (bindings.dataOpenstackComputeServergroupV2().DataOpenstackComputeServergroupV2)(this, 'Resource', {
      name: serverGroupName,
      lifecycle: {
        postcondition: [{
          condition: `\${contains(self.policies, "${policy}")}`,
          errorMessage: `Server group ${serverGroupName}: its policy is not ${policy}.`,
        }],
      },
    }).id;
  }
}
