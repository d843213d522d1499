import { IConstruct } from 'constructs';
import { Encapsulation } from '../../lib/net/mtu';
import { LinkType } from '../../lib/net/physical-network';
import { NetworkCapabilities } from '../../lib/net/port-binding';
import { IProject } from '../common/project';

/** Any Neutron network: a tenant network, a site provider network, an external network. */
export interface INetwork extends IConstruct {
  /** Network id (a Terraform reference). */
  readonly networkId: string;
}

/** A tenant's network with one IPv4 subnet: Ethernet (OVN overlay or VLAN) or InfiniBand. */
export interface ITenantNetwork extends INetwork {
  /** Subnet id (a Terraform reference). */
  readonly subnetId: string;
  /** The subnet's CIDR, e.g. `10.20.0.0/24`. */
  readonly cidr: string;
  /** The network's MTU in bytes. */
  readonly mtu: number;
  /** Network name. */
  readonly networkName: string;
  /** Ethernet or InfiniBand. */
  readonly linkType: LinkType;
  /** How the network is carried: geneve/vxlan overlay, or vlan (InfiniBand networks are vlan: the id is the pkey). */
  readonly encapsulation: Encapsulation;
  /**
   * The physnet the network is on.
   * @default - none: an overlay, or a VLAN Neutron allocates itself
   */
  readonly physicalNetworkName?: string;
  /**
   * The segmentation id: the VLAN id, or the pkey on InfiniBand.
   * @default - none, or chosen by Neutron
   */
  readonly segmentationId?: number;
  /**
   * The subnet's gateway.
   * @default - none: the subnet has no gateway (not routed)
   */
  readonly gatewayIp?: string;
  /** Whether port security (anti-spoofing, security groups) applies to the network's ports. */
  readonly portSecurityEnabled: boolean;
  /** What kinds of ports can bind on the network. */
  readonly capabilities: NetworkCapabilities;
  /**
   * The project that owns the network.
   * @default - the project of the provider credentials
   */
  readonly project?: IProject;
}

/** Options of a network's IPv4 subnet. */
export interface SubnetOptions {
  /**
   * IPv4 CIDR of the subnet, e.g. `10.20.0.0/24`. With a `tenant` it may be left out: the tenant's block provides one.
   * @default - a free `/prefixLength` of the tenant's block (required without a tenant)
   */
  readonly cidr?: string;
  /**
   * Size of the subnet allocated from the tenant's block when `cidr` is not given.
   * @default 24
   */
  readonly prefixLength?: number;
  /**
   * Gateway address of the subnet.
   * @default - the first host address when the network is routed, otherwise no gateway (so hosts with several
   * networks do not get a default route into an isolated one)
   */
  readonly gatewayIp?: string;
  /**
   * DNS servers handed out by DHCP (at most 5).
   * @default - none (Neutron's DNS resolution)
   */
  readonly dnsNameservers?: string[];
  /**
   * Host addresses kept out of the DHCP pool for static use (VIPs, MetalLB, keepalived), right after the gateway.
   * @default 0
   */
  readonly reservedAddressCount?: number;
}
