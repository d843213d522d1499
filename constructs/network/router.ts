import { Construct, IConstruct } from 'constructs';
import { IExternalNetwork } from './external-network';
import { checkExternal, projectOf } from './internal';
import { ITenantNetwork } from './network';
import { NetworkingRouterInterfaceV2 } from '../../generated/terraform/openstack/networking-router-interface-v2';
import { NetworkingRouterV2 } from '../../generated/terraform/openstack/networking-router-v2';
import { LinkType } from '../../lib/net/physical-network';
import { IProject } from '../common/project';
import { invalid } from '../common/validation';

/** A Neutron router that tenant networks attach to. */
export interface ITenantRouter extends IConstruct {
  /** Router id (a Terraform reference). */
  readonly routerId: string;
  /** Attaches the network's subnet (through its gateway address). */
  addInterface(network: ITenantNetwork): void;
}

/** Props of {@link TenantRouter}. */
export interface TenantRouterProps {
  /**
   * External network for the router's gateway: the tenant's networks reach it with SNAT (Neutron's default;
   * changing `enable_snat` is admin-only, so it is left alone).
   * @default - no gateway: the router only routes between the tenant's networks
   */
  readonly externalNetwork?: IExternalNetwork;
  /**
   * Router name.
   * @default - the construct id, lower-cased
   */
  readonly routerName?: string;
  /**
   * Project that owns the router; creating it for another project needs admin rights.
   * @default - the project of the provider credentials
   */
  readonly project?: IProject;
}

/**
 * A router shared by several of a tenant's networks: `router.addInterface(network)`, or `router` in a network's
 * props. InfiniBand networks cannot be attached: IPoIB is not routed.
 */
export class TenantRouter extends Construct implements ITenantRouter {
  public readonly routerId: string;
  /** Router name. */
  public readonly routerName: string;
  /**
   * The router's project.
   * @default - the project of the provider credentials
   */
  public readonly project?: IProject;
  private readonly attached = new Set<ITenantNetwork>();

  constructor(scope: Construct, id: string, props: TenantRouterProps = {}) {
    super(scope, id);
    if (props.externalNetwork) checkExternal(this, props.externalNetwork);
    this.routerName = props.routerName ?? id.toLowerCase();
    this.project = props.project;
    const router = new NetworkingRouterV2(this, 'Resource', {
      name: this.routerName,
      externalNetworkId: props.externalNetwork?.networkId,
      tenantId: props.project?.projectId,
    });
    this.routerId = router.id;
  }

  public addInterface(network: ITenantNetwork): void {
    if (this.attached.has(network)) return;
    if (network.linkType === LinkType.INFINIBAND) {
      invalid(this, `InfiniBand network ${network.networkName} cannot be attached to a router: IPoIB subnets have no gateway `
        + 'and networking-mlnx does not route them');
    }
    if (network.gatewayIp === undefined) {
      invalid(this, `network ${network.networkName} has no gateway address, so it cannot be attached; create it with `
        + '`router` (or `gatewayIp`) in its props');
    }
    projectOf(this, this.project, network.project, `network ${network.networkName}`);
    const id = this.node.tryFindChild(`${network.node.id}Interface`) ? `${network.node.id}Interface${this.attached.size}` : `${network.node.id}Interface`;
    new NetworkingRouterInterfaceV2(this, id, { routerId: this.routerId, subnetId: network.subnetId });
    this.attached.add(network);
  }
}
