import { Construct } from 'constructs';
import { IExternalNetwork } from './external-network';
import { checkExternal, noCapabilities, planSubnet, projectOf, shareNetwork } from './internal';
import { ITenantNetwork, SubnetOptions } from './network';
import { NetworkTenant } from './network-site';
import { INetworkQosPolicy } from './qos-policy';
import { NetworkRbacPolicy } from './rbac-policy';
import { ITenantRouter } from './router';
import { NetworkingNetworkV2 } from '../../generated/terraform/openstack/networking-network-v2';
import { NetworkingRouterInterfaceV2 } from '../../generated/terraform/openstack/networking-router-interface-v2';
import { NetworkingRouterV2 } from '../../generated/terraform/openstack/networking-router-v2';
import { Encapsulation, NetworkMtu } from '../../lib/net/mtu';
import { LinkType, PhysicalNetwork } from '../../lib/net/physical-network';
import { NetworkCapabilities } from '../../lib/net/port-binding';
import { SubnetPlan, SubnetPlanner } from '../../lib/net/subnet-plan';
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

/**
 * A tenant's Ethernet network: an OVN Geneve overlay by default, or a VLAN provider network on a named physnet (for
 * bare metal with networking-generic-switch, SR-IOV). It has one IPv4 subnet with DHCP pools and DNS, port security
 * on, an MTU derived from the physical MTU (jumbo frames supported; openstack/neutron `neutron/plugins/ml2/drivers/type_geneve.py`), and
 * a router to an external network when asked.
 *
 * With a `tenant`, the site allocates the CIDR and the VLAN id, unique across the app.
 */
export class TenantNetwork extends Construct implements ITenantNetwork {
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

    const network = new NetworkingNetworkV2(this, 'Resource', {
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
    const subnet = planSubnet(this, `${this.networkName}-v4`, network.id, this.subnetPlan, true, this.project);
    this.networkId = network.id;
    this.subnetId = subnet.id;

    if (props.externalNetwork) {
      checkExternal(this, props.externalNetwork);
      const router = new NetworkingRouterV2(this, 'Router', {
        name: `${this.networkName}-router`,
        externalNetworkId: props.externalNetwork.networkId,
        tenantId: this.project?.projectId,
      });
      new NetworkingRouterInterfaceV2(this, 'RouterInterface', { routerId: router.id, subnetId: subnet.id });
      this.routerId = router.id;
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
