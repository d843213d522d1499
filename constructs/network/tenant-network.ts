import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { IExternalNetwork } from './external-network';
import { checkExternal, noCapabilities, planSubnet, projectOf, shareNetwork } from './internal';
import { ITenantNetwork, SubnetOptions } from './network';
import { NetworkTenant } from './network-site';
import { INetworkQosPolicy } from './qos-policy';
import { NetworkRbacPolicy } from './rbac-policy';
import { ITenantRouter } from './router';
import { Encapsulation, NetworkMtu } from '../../lib/net/mtu';
import { LinkType, PhysicalNetwork } from '../../lib/net/physical-network';
import { NetworkCapabilities } from '../../lib/net/port-binding';
import { SubnetPlan, SubnetPlanner } from '../../lib/net/subnet-plan';
import { openStackNameProblem } from '../../lib/tenancy/openstack-limits';
import { bindings } from '../common/bindings';
import { IProject } from '../common/project';
import { guard, invalid } from '../common/validation';

export type { ITenantNetwork } from './network';

/** Props of {@link TenantNetwork}. */
export interface TenantNetworkProps extends SubnetOptions {
  /**
   * The tenant (from `NetworkSite.addTenant`) the network belongs to: its CIDR comes from the tenant's block, its
   * VLAN from the site, and its project from the tenant.
   * @default - a standalone network: `cidr` is required and no physnet can be used
   */
  readonly tenant?: NetworkTenant;
  /**
   * Network name; with a tenant it keys the network's allocations (`<tenant>/<name>`), so it is unique per tenant.
   * @default - the construct id, lower-cased
   */
  readonly networkName?: string;
  /**
   * How the network is carried: an overlay (Geneve with OVN, VXLAN with ML2/OVS) or a VLAN.
   * @default - VLAN with a `physicalNetwork`, otherwise the site's overlay (Geneve without a site)
   */
  readonly encapsulation?: Encapsulation;
  /**
   * Put the network on this physnet of the tenant's site as a VLAN provider network (bare metal with
   * networking-generic-switch, SR-IOV). Creating provider networks needs admin rights (Neutron's
   * `create_network:segments` policy).
   * @default - no physnet: an overlay network, or with `Encapsulation.VLAN` a VLAN Neutron picks itself
   */
  readonly physicalNetwork?: PhysicalNetwork;
  /**
   * Pin the VLAN id (inside the physnet's tenant ranges); needs `physicalNetwork`.
   * @default - allocated by the site
   */
  readonly vlanId?: number;
  /**
   * MTU of the physical network underneath a standalone network (Neutron's `global_physnet_mtu`); the largest
   * tenant MTU is this minus the encapsulation overhead (1500 → 1442, 9000 → 8942 with Geneve). With a tenant the
   * site's `overlayUnderlayMtuBytes` applies, and VLAN networks on a physnet use the physnet's MTU.
   * @default - the site's overlay underlay MTU, or 1500
   */
  readonly physicalMtuBytes?: number;
  /**
   * The network's MTU; at most what the physical network allows.
   * @default - the largest MTU the physical network allows
   */
  readonly mtuBytes?: number;
  /**
   * Connect the subnet through a router of its own to this external network (Neutron enables SNAT by default;
   * changing it is admin-only, so it is left alone).
   * @default - no router of its own
   */
  readonly externalNetwork?: IExternalNetwork;
  /**
   * Attach the subnet to this (shared) router; the subnet then gets a gateway.
   * @default - no router: the network is isolated (unless `externalNetwork` is given)
   */
  readonly router?: ITenantRouter;
  /**
   * QoS policy applied to every port of the network.
   * @default - none
   */
  readonly qosPolicy?: INetworkQosPolicy;
  /**
   * Project (tenant) that owns the network; creating it for another project needs admin rights.
   * @default - the tenant's project, or the project of the provider credentials
   */
  readonly project?: IProject;
}

/** Props of {@link TenantNetwork.fromNetworkName}: the network's name, and what synth must know about it. */
export interface TenantNetworkLookupProps {
  /** Name of the existing network. */
  readonly networkName: string;
  /** CIDR of the network's IPv4 subnet, e.g. `10.20.0.0/24` (the subnet is looked up by it). */
  readonly cidr: string;
  /**
   * The project that owns the network; needed when the name is not unique among the networks the credentials see.
   * @default - any network the credentials see
   */
  readonly project?: IProject;
  /**
   * The physnet of a VLAN or flat network (its MTU and the port kinds it binds: SR-IOV, bare metal).
   * @default - an overlay network: normal ports only
   */
  readonly physicalNetwork?: PhysicalNetwork;
  /**
   * How the network is carried.
   * @default - Encapsulation.VLAN with physicalNetwork, otherwise Encapsulation.GENEVE
   */
  readonly encapsulation?: Encapsulation;
  /**
   * The network's VLAN id.
   * @default - unknown
   */
  readonly segmentationId?: number;
  /**
   * The network's MTU in bytes.
   * @default - the most the carrier allows: the physnet's MTU, or 1442 for Geneve (1450 for VXLAN) on a 1500-byte underlay
   */
  readonly mtuBytes?: number;
  /**
   * The subnet's gateway.
   * @default - none: the subnet is not routed
   */
  readonly gatewayIp?: string;
  /**
   * Whether port security applies to the network's ports.
   * @default true
   */
  readonly portSecurityEnabled?: boolean;
}

/**
 * A tenant's Ethernet network: an OVN Geneve overlay by default, or a VLAN provider network on a named physnet (for
 * bare metal with networking-generic-switch, SR-IOV). It has one IPv4 subnet with DHCP pools and DNS, port security
 * on, an MTU derived from the physical MTU (jumbo frames supported; openstack/neutron `neutron/plugins/ml2/drivers/type_geneve.py`), and
 * a router to an external network when asked.
 *
 * With a `tenant`, the site allocates the CIDR and the VLAN id, unique across the app.
 */
export class TenantNetwork extends Construct implements ITenantNetwork {
  /**
   * An existing network and its subnet, looked up by name and CIDR (`data.openstack_networking_network_v2`,
   * `data.openstack_networking_subnet_v2`), e.g. one another repository manages, so ports, shares and clusters of
   * this app can use it; the plan fails when none or several match. What synth needs but cannot read (CIDR, MTU,
   * encapsulation, physnet) comes from `props` and must match the network.
   */
  public static fromNetworkName(scope: Construct, id: string, props: TenantNetworkLookupProps): ITenantNetwork {
    return new ImportedTenantNetwork(scope, id, props);
  }

  public readonly networkId: string;
  public readonly subnetId: string;
  public readonly cidr: string;
  public readonly mtu: number;
  public readonly networkName: string;
  public readonly linkType: LinkType = LinkType.ETHERNET;
  public readonly encapsulation: Encapsulation;
  public readonly physicalNetworkName?: string;
  public readonly segmentationId?: number;
  public readonly gatewayIp?: string;
  public readonly portSecurityEnabled: boolean = true;
  public readonly capabilities: NetworkCapabilities;
  public readonly project?: IProject;
  /** The address plan of the subnet (gateway, DHCP pools, reserved addresses). */
  public readonly subnetPlan: SubnetPlan;
  /** The router id, when the network has a router of its own (`externalNetwork`). */
  public readonly routerId?: string;
  private readonly shares = new Map<string, NetworkRbacPolicy>();

  constructor(scope: Construct, id: string, props: TenantNetworkProps) {
    super(scope, id);
    const tenant = props.tenant;
    const site = tenant?.site;
    const physnet = props.physicalNetwork;
    this.networkName = props.networkName ?? id.toLowerCase();
    const nameProblem = openStackNameProblem('networkName', this.networkName);
    if (nameProblem) invalid(this, nameProblem);
    this.project = projectOf(this, props.project, tenant?.project, `tenant ${tenant?.tenantName}`);
    tenant?._claimName(this.networkName, this);

    const encapsulation = props.encapsulation ?? (physnet ? Encapsulation.VLAN : site?.overlayEncapsulation ?? Encapsulation.GENEVE);
    if (encapsulation === Encapsulation.FLAT) {
      invalid(this, 'flat networks belong to the site (one per physnet); use a ProviderNetwork, or a VLAN tenant network');
    }
    this.encapsulation = encapsulation;
    if (physnet) {
      if (!site) invalid(this, `physicalNetwork ${physnet.name} needs a tenant: the NetworkSite declares the physnet and allocates its VLAN ids`);
      if (physnet.linkType !== LinkType.ETHERNET) {
        invalid(this, `physnet ${physnet.name} is InfiniBand; use InfiniBandNetwork (IPoIB subnets have no gateway or router)`);
      }
      if (encapsulation !== Encapsulation.VLAN) {
        invalid(this, `a ${encapsulation} overlay is not on a physnet; drop physicalNetwork or use Encapsulation.VLAN`);
      }
      if (!site.declares(physnet)) invalid(this, `physnet ${physnet.name} is not declared by site ${site.node.path}`);
    } else if (props.vlanId !== undefined) {
      invalid(this, `vlanId ${props.vlanId} needs physicalNetwork: a VLAN id means something only on a physnet`);
    }

    // addresses
    if (props.cidr === undefined && !tenant) invalid(this, 'cidr is required for a network without a tenant; give cidr or tenant');
    const routed = props.router !== undefined || props.externalNetwork !== undefined;
    if (props.router && props.externalNetwork) {
      invalid(this, 'router and externalNetwork are both given; attach to the shared router, or let the network make its own');
    }
    if (props.cidr !== undefined) guard(this, () => SubnetPlanner.plan({ cidr: props.cidr!, gateway: false }));
    this.cidr = tenant ? tenant.cidrFor(this.networkName, props.prefixLength ?? 24, props.cidr) : props.cidr!;
    this.subnetPlan = guard(this, () => SubnetPlanner.plan({
      cidr: this.cidr,
      gateway: routed || props.gatewayIp !== undefined,
      gatewayIp: props.gatewayIp,
      reservedAddressCount: props.reservedAddressCount,
      dnsNameservers: props.dnsNameservers,
    }));
    this.gatewayIp = this.subnetPlan.gatewayIp;

    // MTU and segmentation
    if (physnet && site) {
      if (props.physicalMtuBytes !== undefined) {
        invalid(this, `physicalMtuBytes does not apply to a VLAN network on physnet ${physnet.name}: its MTU is the physnet's `
          + `${physnet.mtuBytes} bytes; drop it`);
      }
      this.mtu = guard(this, () => NetworkMtu.choose(physnet.mtuBytes, `physnet ${physnet.name}`, props.mtuBytes));
      this.physicalNetworkName = physnet.name;
      this.segmentationId = site.allocateVlan(physnet, tenant!.ownerOf(this.networkName), props.vlanId);
      this.capabilities = { sriov: physnet.sriov, remoteManaged: physnet.remoteManaged, baremetal: physnet.baremetal, declaredBy: `physnet ${physnet.name}` };
    } else {
      const underlay = props.physicalMtuBytes ?? site?.overlayUnderlayMtuBytes ?? 1500;
      if (site && underlay > site.overlayUnderlayMtuBytes) {
        invalid(this, `physicalMtuBytes ${underlay} is more than the ${site.overlayUnderlayMtuBytes} bytes of the site's overlay underlay; `
          + 'drop it or lower it');
      }
      const max = guard(this, () => NetworkMtu.tenantMtu(underlay, encapsulation));
      const carrier = encapsulation === Encapsulation.VLAN ? `a ${underlay}-byte physical network`
        : `a ${encapsulation} network on a ${underlay}-byte underlay`;
      this.mtu = guard(this, () => NetworkMtu.choose(max, carrier, props.mtuBytes));
      this.capabilities = encapsulation !== Encapsulation.VLAN && site ? site.overlayCapabilities
        : noCapabilities(site ? `nothing (network ${this.networkName} has no physnet)` : `nothing (network ${this.networkName} is not from a NetworkSite)`);
    }

    const network = new (bindings.networkingNetworkV2().NetworkingNetworkV2)(this, 'Resource', {
      name: this.networkName,
      mtu: this.mtu,
      adminStateUp: true,
      portSecurityEnabled: true,
      tenantId: this.project?.projectId,
      qosPolicyId: props.qosPolicy?.qosPolicyId,
      segments: this.segmentationId !== undefined
        ? [{ networkType: 'vlan', physicalNetwork: this.physicalNetworkName, segmentationId: this.segmentationId }]
        : undefined,
    });
    this.networkId = network.id;
    const subnet = planSubnet(this, `${this.networkName}-v4`, this.networkId, this.subnetPlan, true, this.project);
    this.subnetId = subnet.id;

    if (props.externalNetwork) {
      checkExternal(this, props.externalNetwork);
      const router = new (bindings.networkingRouterV2().NetworkingRouterV2)(this, 'Router', {
        name: `${this.networkName}-router`,
        externalNetworkId: props.externalNetwork.networkId,
        tenantId: this.project?.projectId,
      });
      this.routerId = router.id;
      new (bindings.networkingRouterInterfaceV2().NetworkingRouterInterfaceV2)(this, 'RouterInterface', { routerId: this.routerId, subnetId: this.subnetId });
    }
    props.router?.addInterface(this);
  }

  /**
   * Shares the network with another project through an explicit RBAC policy (`access_as_shared`): the only way
   * this library shares a network (never `shared = true`, which shares with every project).
   */
  public shareWith(project: IProject): NetworkRbacPolicy {
    return shareNetwork(this, this.shares, project, this.project);
  }
}

/** A network that exists already (see {@link TenantNetwork.fromNetworkName}). */
class ImportedTenantNetwork extends Construct implements ITenantNetwork {
  public readonly networkId: string;
  public readonly subnetId: string;
  public readonly cidr: string;
  public readonly mtu: number;
  public readonly networkName: string;
  public readonly linkType: LinkType = LinkType.ETHERNET;
  public readonly encapsulation: Encapsulation;
  public readonly physicalNetworkName?: string;
  public readonly segmentationId?: number;
  public readonly gatewayIp?: string;
  public readonly portSecurityEnabled: boolean;
  public readonly capabilities: NetworkCapabilities;
  public readonly project?: IProject;

  constructor(scope: Construct, id: string, props: TenantNetworkLookupProps) {
    super(scope, id);
    const name = props.networkName;
    if (!Token.isUnresolved(name) && (name.trim() === '' || name.length > 255)) {
      invalid(this, `networkName ${JSON.stringify(name)} must be 1 to 255 characters (Neutron's limit); give the name of the existing network`);
    }
    const physnet = props.physicalNetwork;
    if (physnet && physnet.linkType !== LinkType.ETHERNET) {
      invalid(this, `physnet ${physnet.name} is InfiniBand; an existing InfiniBand network cannot be looked up as a tenant network`);
    }
    const encapsulation = props.encapsulation ?? (physnet ? Encapsulation.VLAN : Encapsulation.GENEVE);
    if (physnet && encapsulation !== Encapsulation.VLAN && encapsulation !== Encapsulation.FLAT) {
      invalid(this, `a ${encapsulation} overlay is not on a physnet; drop physicalNetwork or use Encapsulation.VLAN`);
    }
    if (!physnet && (encapsulation === Encapsulation.VLAN || encapsulation === Encapsulation.FLAT)) {
      invalid(this, `a ${encapsulation} network is on a physnet; give physicalNetwork`);
    }
    if (props.segmentationId !== undefined && encapsulation !== Encapsulation.VLAN) {
      invalid(this, `segmentationId ${props.segmentationId} needs Encapsulation.VLAN; drop it`);
    }
    if (props.segmentationId !== undefined && (!Number.isInteger(props.segmentationId) || props.segmentationId < 1 || props.segmentationId > 4094)) {
      invalid(this, `segmentationId ${props.segmentationId} must be a VLAN id from 1 to 4094`);
    }
    // the same CIDR and gateway rules as a network we create
    const plan = guard(this, () => SubnetPlanner.plan({ cidr: props.cidr, gateway: props.gatewayIp !== undefined, gatewayIp: props.gatewayIp }));
    // a looked-up overlay may sit on a jumbo underlay: any MTU a Geneve/VXLAN network on a 9216-byte underlay can have
    const max = physnet ? physnet.mtuBytes : NetworkMtu.tenantMtu(9216, encapsulation);
    const carrier = physnet ? `physnet ${physnet.name}` : `a ${encapsulation} network on the largest (9216-byte) underlay`;
    this.mtu = props.mtuBytes === undefined ? (physnet ? physnet.mtuBytes : NetworkMtu.tenantMtu(1500, encapsulation))
      : guard(this, () => NetworkMtu.choose(max, carrier, props.mtuBytes));
    this.networkName = name;
    this.cidr = props.cidr;
    this.gatewayIp = plan.gatewayIp;
    this.encapsulation = encapsulation;
    this.physicalNetworkName = physnet?.name;
    this.segmentationId = props.segmentationId;
    this.portSecurityEnabled = props.portSecurityEnabled ?? true;
    this.capabilities = physnet
      ? { sriov: physnet.sriov, remoteManaged: physnet.remoteManaged, baremetal: physnet.baremetal, declaredBy: `physnet ${physnet.name}` }
      : noCapabilities(`nothing (existing network ${name} has no physnet)`);
    this.project = props.project;
    const network = new (bindings.dataOpenstackNetworkingNetworkV2().DataOpenstackNetworkingNetworkV2)(this, 'Resource', { name, tenantId: props.project?.projectId });
    this.networkId = network.id;
    this.subnetId = new (bindings.dataOpenstackNetworkingSubnetV2().DataOpenstackNetworkingSubnetV2)(this, 'Subnet', { networkId: network.id, cidr: props.cidr }).id;
  }
}
