import { Construct } from 'constructs';
import { planSubnet, projectOf, shareNetwork } from './internal';
import { ITenantNetwork, SubnetOptions } from './network';
import { NetworkTenant } from './network-site';
import { NetworkRbacPolicy } from './rbac-policy';
import { splitCidr } from '../../lib/net/ipv4';
import { Encapsulation, NetworkMtu } from '../../lib/net/mtu';
import { LinkType, PhysicalNetwork } from '../../lib/net/physical-network';
import { NetworkCapabilities } from '../../lib/net/port-binding';
import { Pkey } from '../../lib/net/segmentation';
import { SubnetPlan, SubnetPlanner } from '../../lib/net/subnet-plan';
import { openStackNameProblem } from '../../lib/tenancy/openstack-limits';
import { bindings } from '../common/bindings';
import { IProject } from '../common/project';
import { guard, invalid } from '../common/validation';

/**
 * An InfiniBand partition network: IPoIB on one physnet (always set in `physicalNetworkName`: one HCA port's
 * network, a rail), isolated by its pkey (also its `segmentationId`).
 */
export interface IInfiniBandNetwork extends ITenantNetwork {
  /** The partition key (the network's segmentation id), e.g. 291. */
  readonly pkey: number;
  /** The partition key in hex, e.g. `0x0123` (the form OpenSM, UFM and ib-kubernetes use). */
  readonly pkeyHex: string;
  /** The InfiniBand fabric (subnet manager) the pkey belongs to. */
  readonly fabricName: string;
  /**
   * The rail index, when the network is one rail of an {@link InfiniBandRails} set.
   * @default - not a rail
   */
  readonly railIndex?: number;
}

/** Props of {@link InfiniBandNetwork}. */
export interface InfiniBandNetworkProps extends SubnetOptions {
  /** The tenant: its site allocates the pkey, its block the CIDR. */
  readonly tenant: NetworkTenant;
  /** The InfiniBand physnet the network is on. */
  readonly physicalNetwork: PhysicalNetwork;
  /**
   * Network name; keys the network's allocations (`<tenant>/<name>`).
   * @default - the construct id, lower-cased
   */
  readonly networkName?: string;
  /**
   * The partition the network belongs to: networks of one partition on several physnets of the same fabric share
   * its pkey (one partition spanning the rails).
   * @default - the network name: a partition of its own
   */
  readonly partitionName?: string;
  /**
   * Pin the pkey (the 15-bit partition number, inside the fabric's ranges, never 0x7fff).
   * @default - allocated on the physnet's fabric
   */
  readonly pkey?: number;
  /**
   * The network's MTU; at most the physnet's IPoIB MTU.
   * @default - the physnet's MTU
   */
  readonly mtuBytes?: number;
  /**
   * The rail index (set by {@link InfiniBandRails}).
   * @default - not a rail
   */
  readonly railIndex?: number;
  /**
   * Project that owns the network; creating it for another project needs admin rights.
   * @default - the tenant's project
   */
  readonly project?: IProject;
}

/**
 * An InfiniBand network the networking-mlnx way (networking-mlnx: `mlnx_infiniband` mechanism driver, eswitchd `eswitch_handler.py`): a Neutron VLAN provider
 * network on an IB physnet whose segmentation id is the tenant's pkey, with an IPoIB subnet that has DHCP but no
 * gateway and no router (IPoIB is not routed). The pkey comes from the site, unique on the fabric; the subnet
 * manager (OpenSM `partitions.conf` or UFM) must know the partition.
 *
 * Port security is off: isolation is the partition, and security groups are not enforced on IB VFs, so the
 * network does not pretend otherwise (boot servers on it with pre-created ports, without security groups).
 * Creating it needs admin rights (provider attributes).
 */
export class InfiniBandNetwork extends Construct implements IInfiniBandNetwork {
  public readonly networkId: string;
  public readonly subnetId: string;
  public readonly cidr: string;
  public readonly mtu: number;
  public readonly networkName: string;
  public readonly linkType: LinkType = LinkType.INFINIBAND;
  public readonly encapsulation: Encapsulation = Encapsulation.VLAN;
  public readonly physicalNetworkName?: string;
  public readonly segmentationId?: number;
  public readonly gatewayIp?: string;
  public readonly portSecurityEnabled: boolean = false;
  public readonly capabilities: NetworkCapabilities;
  public readonly project?: IProject;
  public readonly pkey: number;
  public readonly pkeyHex: string;
  public readonly fabricName: string;
  public readonly railIndex?: number;
  /** The partition the network belongs to. */
  public readonly partitionName: string;
  /** The address plan of the subnet. */
  public readonly subnetPlan: SubnetPlan;
  private readonly shares = new Map<string, NetworkRbacPolicy>();

  constructor(scope: Construct, id: string, props: InfiniBandNetworkProps) {
    super(scope, id);
    const { tenant, physicalNetwork: physnet } = props;
    const site = tenant.site;
    this.networkName = props.networkName ?? id.toLowerCase();
    this.partitionName = props.partitionName ?? this.networkName;
    this.project = projectOf(this, props.project, tenant.project, `tenant ${tenant.tenantName}`);
    tenant._claimName(this.networkName, this);
    if (physnet.linkType !== LinkType.INFINIBAND) {
      invalid(this, `physnet ${physnet.name} is Ethernet; an InfiniBand network needs a physnet declared with PhysicalNetwork.infiniBand`);
    }
    if (!site.declares(physnet)) invalid(this, `physnet ${physnet.name} is not declared by site ${site.node.path}`);
    if (props.gatewayIp !== undefined) {
      invalid(this, `gatewayIp ${props.gatewayIp} is given, but IPoIB subnets have no gateway: networking-mlnx does not route `
        + 'InfiniBand, and DHCP would hand out a default route into the fabric; drop it');
    }
    this.physicalNetworkName = physnet.name;
    this.fabricName = physnet.fabricName ?? physnet.name;
    this.railIndex = props.railIndex;
    this.capabilities = { sriov: physnet.sriov, remoteManaged: false, baremetal: physnet.baremetal, declaredBy: `physnet ${physnet.name}` };

    if (props.cidr !== undefined) guard(this, () => SubnetPlanner.plan({ cidr: props.cidr!, gateway: false }));
    this.cidr = tenant.cidrFor(this.networkName, props.prefixLength ?? 24, props.cidr);
    this.subnetPlan = guard(this, () => SubnetPlanner.plan({
      cidr: this.cidr,
      gateway: false,
      reservedAddressCount: props.reservedAddressCount,
      dnsNameservers: props.dnsNameservers,
    }));
    this.mtu = guard(this, () => NetworkMtu.choose(physnet.mtuBytes, `InfiniBand physnet ${physnet.name}`, props.mtuBytes));
    this.pkey = site.allocatePkey(physnet, tenant.ownerOf(this.partitionName), tenant.ownerOf(this.networkName), props.pkey);
    this.pkeyHex = Pkey.format(this.pkey);
    this.segmentationId = this.pkey;

    const network = new (bindings.networkingNetworkV2().NetworkingNetworkV2)(this, 'Resource', {
      name: this.networkName,
      description: `IPoIB, pkey ${this.pkeyHex} on fabric ${this.fabricName}`,
      mtu: this.mtu,
      adminStateUp: true,
      portSecurityEnabled: false,
      tenantId: this.project?.projectId,
      segments: [{ networkType: 'vlan', physicalNetwork: physnet.name, segmentationId: this.pkey }],
    });
    this.networkId = network.id;
    const subnet = planSubnet(this, `${this.networkName}-ipoib`, this.networkId, this.subnetPlan, true, this.project);
    this.subnetId = subnet.id;
  }

  /** Shares the partition network with another project through an explicit RBAC policy. */
  public shareWith(project: IProject): NetworkRbacPolicy {
    return shareNetwork(this, this.shares, project, this.project);
  }
}

/** What a Kubernetes RDMA network needs to know about one rail. */
export interface InfiniBandRailInfo {
  /** Rail index (0-based; rail i is the HCA next to GPU i). */
  readonly railIndex: number;
  /** The rail's physnet. */
  readonly physicalNetworkName: string;
  /** The InfiniBand fabric. */
  readonly fabricName: string;
  /** The partition key. */
  readonly pkey: number;
  /** The partition key in hex (`0x0123`), as ib-kubernetes and the NVIDIA network operator write it. */
  readonly pkeyHex: string;
  /** The rail's IPoIB subnet. */
  readonly cidr: string;
  /** The rail's MTU. */
  readonly mtu: number;
  /** Network name. */
  readonly networkName: string;
  /** Network id (a Terraform reference). */
  readonly networkId: string;
  /** Subnet id (a Terraform reference). */
  readonly subnetId: string;
}

/** Props of {@link InfiniBandRails}. */
export interface InfiniBandRailsProps {
  /** The tenant. */
  readonly tenant: NetworkTenant;
  /**
   * One InfiniBand physnet per rail, in rail order: rail i is the HCA next to GPU i (8 on an HGX server), e.g.
   * `site.infiniBandPhysicalNetworks`.
   */
  readonly physicalNetworks: PhysicalNetwork[];
  /**
   * Name of the rail set: it names the networks (`<name>-rail<i>`) and is the partition the rails share.
   * @default - the construct id, lower-cased
   */
  readonly railSetName?: string;
  /**
   * Pin the block the rails' subnets are carved from (rail i gets the i-th `/prefixLength` of it).
   * @default - a block of the tenant's, allocated for the rail set (a /21 for eight /24 rails)
   */
  readonly cidr?: string;
  /**
   * Pin the pkey of the rails (on every fabric they use).
   * @default - allocated per fabric
   */
  readonly pkey?: number;
  /**
   * Size of each rail's subnet.
   * @default 24
   */
  readonly prefixLength?: number;
  /**
   * The rails' MTU.
   * @default - each physnet's IPoIB MTU
   */
  readonly mtuBytes?: number;
  /**
   * DNS servers handed out by DHCP on the rails.
   * @default - none
   */
  readonly dnsNameservers?: string[];
}

/**
 * A tenant's GPU fabric: one {@link InfiniBandNetwork} per rail (`Rail0` … `Rail<n-1>`), all in one partition, their
 * subnets carved in rail order from one block of the tenant's (rail i = the i-th /24 of a /21).
 * Rails on one fabric share the tenant's pkey; rails on separate fabrics each get one from their fabric. No two
 * tenants ever share a pkey on a fabric. Each rail exposes its physnet, pkey, CIDR and rail index (for the
 * Kubernetes RDMA networks of the accelerator side).
 */
export class InfiniBandRails extends Construct {
  /** The rail networks, in rail order. */
  public readonly rails: IInfiniBandNetwork[];
  /** The rail set's name (the partition). */
  public readonly railSetName: string;
  /** The block the rails' subnets are carved from (rail i has the i-th subnet). */
  public readonly cidrBlock: string;

  constructor(scope: Construct, id: string, props: InfiniBandRailsProps) {
    super(scope, id);
    if (props.physicalNetworks.length === 0) {
      invalid(this, 'physicalNetworks is empty; give one InfiniBand physnet per rail (8 for an HGX server)');
    }
    const names = props.physicalNetworks.map((p) => p.name);
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup !== undefined) invalid(this, `physnet ${dup} appears twice; each rail is its own physnet`);
    this.railSetName = props.railSetName ?? id.toLowerCase();
    const railSetProblem = openStackNameProblem('railSetName', this.railSetName);
    if (railSetProblem) invalid(this, railSetProblem);
    const prefixLength = props.prefixLength ?? 24;
    const setPrefix = prefixLength - Math.ceil(Math.log2(props.physicalNetworks.length));
    if (!Number.isInteger(prefixLength) || setPrefix < 1 || prefixLength > 29) {
      invalid(this, `prefixLength /${prefixLength} cannot hold ${props.physicalNetworks.length} rails; use /${Math.ceil(Math.log2(props.physicalNetworks.length)) + 1} to /29`);
    }
    props.tenant._claimName(this.railSetName, this);
    this.cidrBlock = props.tenant.addAddressGroup(this.railSetName, setPrefix, props.cidr);
    const cidrs = guard(this, () => splitCidr(this.cidrBlock, prefixLength, props.physicalNetworks.length));
    // a loop, not Array.map: every cdktf token the rails make records the whole call stack, two frames more in a map
    const rails: IInfiniBandNetwork[] = [];
    for (let i = 0; i < props.physicalNetworks.length; i++) {
      rails.push(new InfiniBandNetwork(this, `Rail${i}`, {
        tenant: props.tenant,
        physicalNetwork: props.physicalNetworks[i],
        networkName: `${this.railSetName}-rail${i}`,
        partitionName: this.railSetName,
        pkey: props.pkey,
        cidr: cidrs[i],
        mtuBytes: props.mtuBytes,
        dnsNameservers: props.dnsNameservers,
        railIndex: i,
      }));
    }
    this.rails = rails;
  }

  /** Number of rails. */
  public get railCount(): number {
    return this.rails.length;
  }

  /** The rail with index `index`. */
  public rail(index: number): IInfiniBandNetwork {
    const rail = this.rails[index];
    if (!rail) invalid(this, `rail ${index} does not exist; rails are 0 to ${this.rails.length - 1}`);
    return rail;
  }

  /** Per-rail data, in rail order. */
  public get railInfo(): InfiniBandRailInfo[] {
    return this.rails.map((r, i) => ({
      railIndex: i,
      physicalNetworkName: r.physicalNetworkName ?? '',
      fabricName: r.fabricName,
      pkey: r.pkey,
      pkeyHex: r.pkeyHex,
      cidr: r.cidr,
      mtu: r.mtu,
      networkName: r.networkName,
      networkId: r.networkId,
      subnetId: r.subnetId,
    }));
  }

  /** The distinct pkeys of the rails (one per fabric). */
  public get pkeys(): number[] {
    return [...new Set(this.rails.map((r) => r.pkey))].sort((a, b) => a - b);
  }
}
