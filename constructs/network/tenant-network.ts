import { Construct, IConstruct } from 'constructs';
import { Address4 } from 'ip-address';
import { IExternalNetwork } from './external-network';
import { NetworkingNetworkV2 } from '../../generated/terraform/openstack/networking-network-v2';
import { NetworkingRouterInterfaceV2 } from '../../generated/terraform/openstack/networking-router-interface-v2';
import { NetworkingRouterV2 } from '../../generated/terraform/openstack/networking-router-v2';
import { NetworkingSubnetV2 } from '../../generated/terraform/openstack/networking-subnet-v2';
import { Encapsulation, NetworkMtu } from '../../lib/net/mtu';
import { guard, invalid } from '../common/validation';
import { IProject } from '../identity/project';

/** A tenant's Ethernet network with one IPv4 subnet. */
export interface ITenantNetwork extends IConstruct {
  /** Network id (a Terraform reference). */
  readonly networkId: string;
  /** Subnet id (a Terraform reference). */
  readonly subnetId: string;
  /** The subnet's CIDR, e.g. `10.20.0.0/24`. */
  readonly cidr: string;
  /** The network's MTU in bytes. */
  readonly mtu: number;
}

/** Props of {@link TenantNetwork}. */
export interface TenantNetworkProps {
  /** IPv4 CIDR of the subnet, e.g. `10.20.0.0/24`. */
  readonly cidr: string;
  /**
   * Network name.
   * @default - the construct id, lower-cased
   */
  readonly networkName?: string;
  /**
   * Encapsulation; OVN tenant networks are Geneve.
   * @default Encapsulation.GENEVE
   */
  readonly encapsulation?: Encapsulation;
  /**
   * MTU of the physical network underneath (Neutron's `global_physnet_mtu`); the tenant MTU is this minus the
   * encapsulation overhead (1500 → 1442, 9000 → 8942 with Geneve).
   * @default 1500
   */
  readonly physicalMtuBytes?: number;
  /**
   * DNS servers handed out by DHCP.
   * @default - none (Neutron's DNS resolution)
   */
  readonly dnsNameservers?: string[];
  /**
   * Connect the subnet to this external network through a router (Neutron enables SNAT by default; changing it is admin-only).
   * @default - no router: the network is isolated
   */
  readonly externalNetwork?: IExternalNetwork;
  /**
   * Project (tenant) that owns the network; creating it for another project needs admin rights.
   * @default - the project of the provider credentials
   */
  readonly project?: IProject;
}

/**
 * An OVN tenant network with an IPv4 subnet, DHCP, port security on, and an optional router to an external
 * network. The MTU is derived from the physical MTU and the encapsulation (shared/reference/openstack-network.md §2).
 */
export class TenantNetwork extends Construct implements ITenantNetwork {
  public readonly networkId: string;
  public readonly subnetId: string;
  public readonly cidr: string;
  public readonly mtu: number;
  /** The router id, when the network has a router. */
  public readonly routerId?: string;

  constructor(scope: Construct, id: string, props: TenantNetworkProps) {
    super(scope, id);
    if (!Address4.isValid(props.cidr) || !props.cidr.includes('/')) {
      invalid(this, `cidr ${JSON.stringify(props.cidr)} is not an IPv4 CIDR; use e.g. 10.20.0.0/24`);
    }
    const subnet = new Address4(props.cidr);
    if (subnet.startAddress().address !== subnet.addressMinusSuffix) {
      invalid(this, `cidr ${props.cidr} has host bits set; use ${subnet.startAddress().address}/${subnet.subnetMask}`);
    }
    if (subnet.subnetMask > 29) {
      invalid(this, `cidr ${props.cidr} is too small for a DHCP subnet (a /${subnet.subnetMask}); use /29 or larger`);
    }
    const encapsulation = props.encapsulation ?? Encapsulation.GENEVE;
    this.mtu = guard(this, () => NetworkMtu.tenantMtu(props.physicalMtuBytes ?? 1500, encapsulation));
    this.cidr = props.cidr;
    const name = props.networkName ?? id.toLowerCase();

    const network = new NetworkingNetworkV2(this, 'Resource', {
      name,
      mtu: this.mtu,
      adminStateUp: true,
      portSecurityEnabled: true,
      tenantId: props.project?.projectId,
    });
    const sub = new NetworkingSubnetV2(this, 'Subnet', {
      name: `${name}-v4`,
      networkId: network.id,
      cidr: props.cidr,
      ipVersion: 4,
      enableDhcp: true,
      dnsNameservers: props.dnsNameservers,
      tenantId: props.project?.projectId,
    });
    this.networkId = network.id;
    this.subnetId = sub.id;

    if (props.externalNetwork) {
      const router = new NetworkingRouterV2(this, 'Router', {
        name: `${name}-router`,
        externalNetworkId: props.externalNetwork.networkId,
        tenantId: props.project?.projectId,
      });
      new NetworkingRouterInterfaceV2(this, 'RouterInterface', { routerId: router.id, subnetId: sub.id });
      this.routerId = router.id;
    }
  }
}
