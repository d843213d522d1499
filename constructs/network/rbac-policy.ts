import { Construct } from 'constructs';
import { INetwork } from './network';
import { bindings } from '../common/bindings';
import { IProject } from '../common/project';
import { invalid } from '../common/validation';

/** What an RBAC policy grants on a network (openstack/neutron doc/source/admin/config-rbac.rst). */
export enum RbacAction {
  /** The target project can attach ports and subnets' addresses to the network. */
  ACCESS_AS_SHARED = 'access_as_shared',
  /** The target project can use the network as a router gateway (an external network for it only). */
  ACCESS_AS_EXTERNAL = 'access_as_external',
}

/** Props of {@link NetworkRbacPolicy}. */
export interface NetworkRbacPolicyProps {
  /** The network to share. */
  readonly network: INetwork;
  /** The one project it is shared with (never `*`: sharing with every project is what this construct avoids). */
  readonly targetProject: IProject;
  /**
   * What the target project may do.
   * @default RbacAction.ACCESS_AS_SHARED
   */
  readonly action?: RbacAction;
  /**
   * The project owning the network, when known: sharing a network with its own project is refused.
   * @default - not checked
   */
  readonly ownerProject?: IProject;
}

/**
 * Shares one network with one other project (`openstack_networking_rbac_policy_v2`). This is the only way the
 * library shares networks: `shared = true` would share with every project (and is admin-only). The network's owner
 * can create it under Neutron's default policy.
 */
export class NetworkRbacPolicy extends Construct {
  /** RBAC policy id (a Terraform reference). */
  public readonly rbacPolicyId: string;
  /** What is granted. */
  public readonly action: RbacAction;

  constructor(scope: Construct, id: string, props: NetworkRbacPolicyProps) {
    super(scope, id);
    if (props.ownerProject && props.ownerProject === props.targetProject) {
      invalid(this, `network already belongs to project ${props.targetProject.projectName}; share it with another project`);
    }
    this.action = props.action ?? RbacAction.ACCESS_AS_SHARED;
    const policy = new (bindings.networkingRbacPolicyV2().NetworkingRbacPolicyV2)(this, 'Resource', {
      action: this.action,
      objectType: 'network',
      objectId: props.network.networkId,
      targetTenant: props.targetProject.projectId,
    });
    this.rbacPolicyId = policy.id;
  }
}
