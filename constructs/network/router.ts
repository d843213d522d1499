import { Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { IExternalNetwork } from './external-network';
import { checkExternal, projectOf } from './internal';
import { ITenantNetwork } from './network';
import { LinkType } from '../../lib/net/physical-network';
import { bindings } from '../common/bindings';
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
  /**
   * An existing router, looked up by name (`data.openstack_networking_router_v2`), e.g. the project's router another
   * repository manages, so this app's networks can be attached to it (`addInterface`); give the project when the name
   * is not unique. The plan fails when none or several match.
   * @param project the project that owns the router; any router the credentials see when omitted
   */
  public static fromRouterName(scope: Construct, id: string, routerName: string, project?: IProject): ITenantRouter {
    return new ImportedTenantRouter(scope, id, routerName, project);
  }

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
    const router = new (bindings.networkingRouterV2().NetworkingRouterV2)(this, 'Resource', {
      name: this.routerName,
      externalNetworkId: props.externalNetwork?.networkId,
      tenantId: props.project?.projectId,
    });
    this.routerId = router.id;
  }

  public addInterface(network: ITenantNetwork): void {
    attachInterface(this, this.attached, network);
  }
}

/** Attaches a network's subnet to a router of this app or a looked-up one, once per network. */
function attachInterface(router: Construct & { readonly routerId: string; readonly project?: IProject }, attached: Set<ITenantNetwork>,
  network: ITenantNetwork): void {
  if (attached.has(network)) return;
  if (network.linkType === LinkType.INFINIBAND) {
    invalid(router, `InfiniBand network ${network.networkName} cannot be attached to a router: IPoIB subnets have no gateway `
      + 'and networking-mlnx does not route them');
  }
  if (network.gatewayIp === undefined) {
    invalid(router, `network ${network.networkName} has no gateway address, so it cannot be attached; create it with `
      + '`router` (or `gatewayIp`) in its props');
  }
  projectOf(router, router.project, network.project, `network ${network.networkName}`);
  const id = router.node.tryFindChild(`${network.node.id}Interface`) ? `${network.node.id}Interface${attached.size}` : `${network.node.id}Interface`;
  new (bindings.networkingRouterInterfaceV2().NetworkingRouterInterfaceV2)(router, id, { routerId: router.routerId, subnetId: network.subnetId });
  attached.add(network);
}

/** A router that exists already (see {@link TenantRouter.fromRouterName}). */
class ImportedTenantRouter extends Construct implements ITenantRouter {
  public readonly routerId: string;
  public readonly project?: IProject;
  private readonly attached = new Set<ITenantNetwork>();

  constructor(scope: Construct, id: string, routerName: string, project?: IProject) {
    super(scope, id);
    if (!Token.isUnresolved(routerName) && (routerName.trim() === '' || routerName.length > 255)) {
      invalid(this, `routerName ${JSON.stringify(routerName)} must be 1 to 255 characters (Neutron's limit); give the name of the existing router`);
    }
    this.project = project;
    this.routerId = new (bindings.dataOpenstackNetworkingRouterV2().DataOpenstackNetworkingRouterV2)(this, 'Resource', { name: routerName, tenantId: project?.projectId }).id;
  }

  public addInterface(network: ITenantNetwork): void {
    attachInterface(this, this.attached, network);
  }
}
