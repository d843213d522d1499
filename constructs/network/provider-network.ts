import { Construct } from 'constructs';
import { IExternalNetwork } from './external-network';
import { idFrom, planSubnet } from './internal';
import { NetworkSite } from './network-site';
import { NetworkRbacPolicy, RbacAction } from './rbac-policy';
import { BootInterfaceType, IronicBootNeeds } from '../../lib/hardware/ironic-boot';
import { Encapsulation, NetworkMtu } from '../../lib/net/mtu';
import { LinkType, PhysicalNetwork } from '../../lib/net/physical-network';
import { SubnetPlan, SubnetPlanner } from '../../lib/net/subnet-plan';
import { bindings } from '../common/bindings';
import { IProject } from '../common/project';
import { guard, invalid } from '../common/validation';

/** What a site provider network is for. */
export enum ProviderNetworkRole {
  /** `router:external`: tenant routers' gateways and floating IPs. */
  EXTERNAL = 'external',
  /** Ironic's provisioning network (`[neutron] provisioning_network`): nodes PXE boot and get deployed here. */
  PROVISIONING = 'provisioning',
  /** Ironic's cleaning network (`[neutron] cleaning_network`): nodes are wiped here between tenants. */
  CLEANING = 'cleaning',
  /** Ironic's rescue network (`[neutron] rescuing_network`). */
  RESCUING = 'rescuing',
  /** Ironic's inspection network (`[neutron] inspection_network`). */
  INSPECTION = 'inspection',
}

/** Props of {@link ProviderNetwork}. */
export interface ProviderNetworkProps {
  /** The site the network belongs to (it checks the CIDR and VLAN against everything else). */
  readonly site: NetworkSite;
  /** What the network is for. */
  readonly role: ProviderNetworkRole;
  /** The Ethernet physnet it is on. */
  readonly physicalNetwork: PhysicalNetwork;
  /**
   * VLAN id, outside the physnet's tenant ranges.
   * @default - a flat network (untagged; one per physnet)
   */
  readonly vlanId?: number;
  /** IPv4 CIDR, outside the tenant supernet. */
  readonly cidr: string;
  /**
   * Gateway address (the upstream router on external networks).
   * @default - the first host address
   */
  readonly gatewayIp?: string;
  /**
   * Whether the subnet has a gateway.
   * @default true
   */
  readonly gateway?: boolean;
  /**
   * Host addresses kept out of Neutron's allocation pool (upstream routers, VIPs, addresses used outside Neutron).
   * @default 0
   */
  readonly reservedAddressCount?: number;
  /**
   * DNS servers handed out by DHCP.
   * @default - none
   */
  readonly dnsNameservers?: string[];
  /**
   * The Ironic boot interfaces of the nodes that boot on this network (Ironic networks only). They decide the
   * default of `dhcp`: only `redfish-virtual-media` boots without DHCP.
   * @default - not known: DHCP on, which every boot interface and every deploy ramdisk works with
   */
  readonly bootInterfaces?: BootInterfaceType[];
  /**
   * Whether the subnet runs DHCP (`enable_dhcp`). Turn it off only for DHCP-less virtual-media boot: the deploy
   * ramdisk must then be built with the `simple-init` element and be booted from a kernel and ramdisk Ironic
   * builds the ISO from (a pre-built `deploy_iso` gets no network data).
   * @default - external networks: false; Ironic networks: true, or false when every one of `bootInterfaces` boots without DHCP
   */
  readonly dhcp?: boolean;
  /**
   * Network name.
   * @default - the construct id, lower-cased
   */
  readonly networkName?: string;
  /**
   * Network MTU, at most the physnet's.
   * @default - the physnet's MTU
   */
  readonly mtuBytes?: number;
  /**
   * Project that owns the network (usually the admin or service project).
   * @default - the project of the provider credentials
   */
  readonly project?: IProject;
}

/**
 * A site provider network: the external network tenant routers use, or one of Ironic's networks (provisioning,
 * cleaning, rescuing, inspection). It is kept apart from tenant networks: its CIDR lies outside the tenant
 * supernet and its VLAN outside the physnet's tenant ranges, and tenants cannot attach to it unless it is shared
 * through RBAC. Creating provider networks (and `router:external`) needs admin rights.
 *
 * External networks get no DHCP (Neutron assigns router gateways and floating IPs from the pool). Ironic's networks
 * get DHCP, which PXE, iPXE, HTTP and Redfish HTTPS boot need, unless the nodes that boot on them all use
 * `redfish-virtual-media` (`bootInterfaces`): Ironic then writes each node's Neutron addresses onto the boot ISO
 * and the deploy runs without DHCP (openstack/ironic `doc/source/admin/dhcp-less.rst`). Point Ironic at them with
 * the option in {@link ironicConfigOption}.
 */
export class ProviderNetwork extends Construct implements IExternalNetwork {
  public readonly networkId: string;
  /** Subnet id (a Terraform reference). */
  public readonly subnetId: string;
  /** The subnet's CIDR. */
  public readonly cidr: string;
  /** The network's MTU in bytes. */
  public readonly mtu: number;
  /** Network name. */
  public readonly networkName: string;
  /** VLAN, or FLAT when untagged. */
  public readonly encapsulation: Encapsulation;
  /** The physnet. */
  public readonly physicalNetworkName: string;
  /**
   * The VLAN id.
   * @default - none: a flat network
   */
  public readonly segmentationId?: number;
  /**
   * The subnet's gateway.
   * @default - none
   */
  public readonly gatewayIp?: string;
  /**
   * The project owning the network.
   * @default - the project of the provider credentials
   */
  public readonly project?: IProject;
  /** What the network is for. */
  public readonly role: ProviderNetworkRole;
  /** Whether the subnet runs DHCP. */
  public readonly dhcp: boolean;
  /** The address plan of the subnet. */
  public readonly subnetPlan: SubnetPlan;
  private readonly shares = new Map<string, NetworkRbacPolicy>();

  constructor(scope: Construct, id: string, props: ProviderNetworkProps) {
    super(scope, id);
    const { site, physicalNetwork: physnet } = props;
    this.role = props.role;
    this.networkName = props.networkName ?? id.toLowerCase();
    this.project = props.project;
    const owner = `site:${this.networkName}`; // ":" cannot appear in tenant names, so no tenant network shares the key
    if (physnet.linkType !== LinkType.ETHERNET) {
      invalid(this, `physnet ${physnet.name} is InfiniBand; site provider networks are Ethernet`);
    }
    if (!site.declares(physnet)) invalid(this, `physnet ${physnet.name} is not declared by site ${site.node.path}`);
    this.physicalNetworkName = physnet.name;
    this.dhcp = this.chooseDhcp(props.bootInterfaces ?? [], props.dhcp);

    this.subnetPlan = guard(this, () => SubnetPlanner.plan({
      cidr: props.cidr,
      gateway: props.gateway ?? true,
      gatewayIp: props.gatewayIp,
      reservedAddressCount: props.reservedAddressCount,
      dnsNameservers: props.dnsNameservers,
    }));
    this.cidr = site.reserveProviderCidr(owner, props.cidr);
    this.gatewayIp = this.subnetPlan.gatewayIp;
    this.mtu = guard(this, () => NetworkMtu.choose(physnet.mtuBytes, `physnet ${physnet.name}`, props.mtuBytes));
    if (props.vlanId !== undefined) {
      this.encapsulation = Encapsulation.VLAN;
      this.segmentationId = site.reserveProviderVlan(physnet, owner, props.vlanId);
    } else {
      this.encapsulation = Encapsulation.FLAT;
      site.reserveFlat(physnet, owner);
    }

    const network = new (bindings.networkingNetworkV2().NetworkingNetworkV2)(this, 'Resource', {
      name: this.networkName,
      mtu: this.mtu,
      adminStateUp: true,
      external: this.role === ProviderNetworkRole.EXTERNAL ? true : undefined,
      tenantId: props.project?.projectId,
      segments: [{
        networkType: this.encapsulation,
        physicalNetwork: physnet.name,
        segmentationId: this.segmentationId,
      }],
    });
    this.networkId = network.id;
    const subnet = planSubnet(this, `${this.networkName}-v4`, this.networkId, this.subnetPlan, this.dhcp, props.project);
    this.subnetId = subnet.id;
  }

  private chooseDhcp(boots: BootInterfaceType[], dhcp: boolean | undefined): boolean {
    if (this.role === ProviderNetworkRole.EXTERNAL) {
      if (boots.length > 0) invalid(this, 'bootInterfaces are for Ironic networks; nodes do not boot on an external network, drop them');
      return dhcp ?? false;
    }
    const needing = boots.filter((b) => IronicBootNeeds.needsDhcp(b));
    if (dhcp === false && needing.length > 0) {
      invalid(this, `dhcp is false, but boot interface ${needing[0]} gets its addresses from DHCP; only ${BootInterfaceType.REDFISH_VIRTUAL_MEDIA} boots without it, so keep dhcp on or boot every node on this network from virtual media`);
    }
    return dhcp ?? IronicBootNeeds.networkNeedsDhcp(boots);
  }

  /** The ironic.conf option that names this network (`[neutron] provisioning_network = <name>`), if any. */
  public get ironicConfigOption(): string | undefined {
    return this.role === ProviderNetworkRole.EXTERNAL ? undefined : `[neutron] ${this.role}_network = ${this.networkName}`;
  }

  /**
   * Lets one project use the network: `ACCESS_AS_EXTERNAL` for an external network only that project's routers
   * may use as a gateway, `ACCESS_AS_SHARED` to attach ports.
   */
  public shareWith(project: IProject, action: RbacAction = RbacAction.ACCESS_AS_SHARED): NetworkRbacPolicy {
    const key = `${project.node.path} ${action}`;
    const existing = this.shares.get(key);
    if (existing) return existing;
    const suffix = action === RbacAction.ACCESS_AS_EXTERNAL ? 'AsExternal' : '';
    const policy = new NetworkRbacPolicy(this, `SharedWith${idFrom(project.node.id)}${suffix}`, {
      network: this,
      targetProject: project,
      ownerProject: this.project,
      action,
    });
    this.shares.set(key, policy);
    return policy;
  }
}
