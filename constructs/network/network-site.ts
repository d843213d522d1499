import { Annotations } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { NetworkAllocation, AllocationStrategy } from '../../lib/net/allocation';
import { CidrAllocator } from '../../lib/net/cidr-allocator';
import { cidrOf, overlaps, parseCidr } from '../../lib/net/ipv4';
import { Encapsulation, NetworkMtu } from '../../lib/net/mtu';
import { LinkType, PhysicalNetwork } from '../../lib/net/physical-network';
import { NetworkCapabilities } from '../../lib/net/port-binding';
import { Pkey, PkeyAllocator, VlanAllocator } from '../../lib/net/segmentation';
import { childId } from '../../lib/tenancy/construct-id';
import { IProject } from '../common/project';
import { guard, invalid } from '../common/validation';

/** Props of {@link NetworkSite}. */
export interface NetworkSiteProps {
  /**
   * IPv4 supernet the tenants' address blocks are carved from, e.g. `10.64.0.0/10`. Site provider networks and
   * `reservedCidrs` must lie outside it or not overlap what is carved.
   */
  readonly tenantSupernet: string;
  /**
   * Size of each tenant's address block (its networks are carved from it).
   * @default 16
   */
  readonly tenantBlockPrefixLength?: number;
  /**
   * The site's physical networks (Neutron physnets).
   * @default - none: only overlay networks
   */
  readonly physicalNetworks?: PhysicalNetwork[];
  /**
   * MTU of the underlay that carries the overlay's tunnels (`global_physnet_mtu`, or `[ml2] path_mtu`): overlay
   * networks get this minus the encapsulation overhead (9000 → 8942 with Geneve).
   * @default 1500
   */
  readonly overlayUnderlayMtuBytes?: number;
  /**
   * Encapsulation of overlay tenant networks: Geneve with OVN, VXLAN with ML2/OVS.
   * @default Encapsulation.GENEVE
   */
  readonly overlayEncapsulation?: Encapsulation;
  /**
   * Compute hosts offload OVN to their NICs (switchdev VFs in Nova's `device_spec` with `physical_network: null`),
   * so `direct` ports can bind on overlay networks (openstack/neutron doc/source/admin/config-ovs-offload.rst).
   * @default false
   */
  readonly overlaySriov?: boolean;
  /**
   * BlueField DPUs serve overlay networks (`remote_managed` VFs with `physical_network: null`), so `remote-managed`
   * ports can bind on them.
   * @default false
   */
  readonly overlayRemoteManaged?: boolean;
  /**
   * Address ranges in use outside Neutron's tenant space (BMC, storage, management networks): no tenant block or
   * network may overlap them.
   * @default - none
   */
  readonly reservedCidrs?: string[];
  /**
   * How CIDR blocks, VLAN ids and pkeys are picked when not pinned.
   * @default AllocationStrategy.HASHED
   */
  readonly allocationStrategy?: AllocationStrategy;
}

/** Options of {@link NetworkSite.addTenant}. */
export interface NetworkTenantOptions {
  /**
   * The tenant's project: networks created for the tenant belong to it (creating them for another project needs
   * admin rights).
   * @default - the project of the provider credentials
   */
  readonly project?: IProject;
  /**
   * Pin the tenant's address block instead of allocating one (it must lie inside the tenant supernet).
   * @default - a free block of `tenantBlockPrefixLength` picked by the site's allocation strategy
   */
  readonly cidr?: string;
}

/** What kind of value a {@link SiteAllocation} is. */
export enum SiteAllocationKind {
  /** An IPv4 block. */
  CIDR = 'cidr',
  /** A VLAN id on an Ethernet physnet. */
  VLAN = 'vlan',
  /** An InfiniBand partition key on a fabric. */
  PKEY = 'pkey',
  /** A segmentation id (the pkey) on an InfiniBand physnet. */
  IB_SEGMENT = 'ib-segment',
}

/** One value the site handed out. */
export interface SiteAllocation extends NetworkAllocation {
  /** What it is. */
  readonly kind: SiteAllocationKind;
  /** Where it is unique: `supernet 10.64.0.0/10`, `tenant acme`, `physnet baremetal`, `fabric compute`. */
  readonly scope: string;
}

/**
 * A site's networking: its physical networks and the allocators that hand out tenant address blocks, VLAN ids and
 * InfiniBand pkeys, so that nothing overlaps or collides anywhere in the app.
 *
 * Allocation is deterministic: the same code gives the same CIDRs, VLANs and pkeys on every synth. With the default
 * {@link AllocationStrategy.HASHED} a value follows from the owner's name (`acme/data`), so adding or removing a
 * tenant or network leaves the others' values alone, whatever order the constructs are created in; only when two
 * owners prefer the same value does the order decide, and the site then says so (an info annotation with the value
 * to pin).
 */
export class NetworkSite extends Construct {
  /** The tenant supernet. */
  public readonly tenantSupernet: string;
  /** Prefix length of a tenant's block. */
  public readonly tenantBlockPrefixLength: number;
  /** Underlay MTU of the overlay. */
  public readonly overlayUnderlayMtuBytes: number;
  /** Encapsulation of overlay networks. */
  public readonly overlayEncapsulation: Encapsulation;
  /** What overlay networks can bind. */
  public readonly overlayCapabilities: NetworkCapabilities;
  /** The allocation strategy. */
  public readonly allocationStrategy: AllocationStrategy;
  private readonly physnets = new Map<string, PhysicalNetwork>();
  private readonly cidrs: CidrAllocator;
  private readonly vlans = new Map<string, VlanAllocator>();
  private readonly fabrics = new Map<string, PkeyAllocator>();
  private readonly ibSegments = new Map<string, VlanAllocator>();
  private readonly tenants = new Map<string, NetworkTenant>();
  private readonly flatPhysnets = new Map<string, string>();

  constructor(scope: Construct, id: string, props: NetworkSiteProps) {
    super(scope, id);
    this.allocationStrategy = props.allocationStrategy ?? AllocationStrategy.HASHED;
    this.cidrs = guard(this, () => new CidrAllocator(props.tenantSupernet, 'tenantSupernet'));
    this.tenantSupernet = this.cidrs.supernet;
    const supernetPrefix = parseCidr(this.tenantSupernet).subnetMask;
    this.tenantBlockPrefixLength = props.tenantBlockPrefixLength ?? 16;
    if (!Number.isInteger(this.tenantBlockPrefixLength) || this.tenantBlockPrefixLength < supernetPrefix || this.tenantBlockPrefixLength > 28) {
      invalid(this, `tenantBlockPrefixLength /${this.tenantBlockPrefixLength} does not fit tenantSupernet ${this.tenantSupernet}; `
        + `use /${supernetPrefix} to /28`);
    }
    this.overlayEncapsulation = props.overlayEncapsulation ?? Encapsulation.GENEVE;
    if (this.overlayEncapsulation !== Encapsulation.GENEVE && this.overlayEncapsulation !== Encapsulation.VXLAN) {
      invalid(this, `overlayEncapsulation ${this.overlayEncapsulation} is not an overlay; use geneve (OVN) or vxlan (ML2/OVS)`);
    }
    this.overlayUnderlayMtuBytes = props.overlayUnderlayMtuBytes ?? 1500;
    guard(this, () => NetworkMtu.tenantMtu(this.overlayUnderlayMtuBytes, this.overlayEncapsulation));
    this.overlayCapabilities = {
      sriov: props.overlaySriov ?? false,
      remoteManaged: props.overlayRemoteManaged ?? false,
      baremetal: false,
      declaredBy: `the site's ${this.overlayEncapsulation} overlay (NetworkSiteProps)`,
    };
    (props.reservedCidrs ?? []).forEach((cidr) => guard(this, () => this.cidrs.reserveAnywhere(`site reserved ${cidr}`, cidr)));
    (props.physicalNetworks ?? []).forEach((p) => this.addPhysicalNetwork(p));
  }

  /** The declared physnets, in declaration order. */
  public get physicalNetworks(): PhysicalNetwork[] {
    return [...this.physnets.values()];
  }

  /** The physnet named `name`; fails when the site does not declare it. */
  public physicalNetwork(name: string): PhysicalNetwork {
    const found = this.physnets.get(name);
    if (!found) invalid(this, `physnet ${name} is not declared; declared: ${[...this.physnets.keys()].join(', ') || 'none'}`);
    return found;
  }

  /** The InfiniBand physnets, in declaration order (e.g. the eight rails of an HGX cluster). */
  public get infiniBandPhysicalNetworks(): PhysicalNetwork[] {
    return this.physicalNetworks.filter((p) => p.linkType === LinkType.INFINIBAND);
  }

  /** Declares a physnet after construction. */
  public addPhysicalNetwork(physnet: PhysicalNetwork): void {
    if (this.physnets.has(physnet.name)) invalid(this, `physnet ${physnet.name} is declared twice; physnet names are unique`);
    this.physnets.set(physnet.name, physnet);
    if (physnet.linkType === LinkType.ETHERNET) {
      this.vlans.set(physnet.name, guard(this, () => new VlanAllocator(physnet.name, physnet.segmentationRanges)));
      return;
    }
    const fabric = physnet.fabricName ?? physnet.name;
    const sibling = this.physicalNetworks.find((p) => p !== physnet && p.fabricName === fabric);
    if (sibling) {
      const space = (p: PhysicalNetwork) => JSON.stringify([p.segmentationRanges, p.reservedPkeys]);
      if (space(sibling) !== space(physnet)) {
        invalid(this, `physnets ${sibling.name} and ${physnet.name} are on fabric ${fabric} but declare different pkey ranges or reserved `
          + 'pkeys; a fabric has one pkey space, declare the same on each');
      }
    } else {
      this.fabrics.set(fabric, guard(this, () => new PkeyAllocator(fabric, physnet.segmentationRanges, physnet.reservedPkeys)));
    }
    this.ibSegments.set(physnet.name, guard(this, () => new VlanAllocator(physnet.name, physnet.segmentationRanges)));
  }

  /** Adds a tenant: the site allocates (or pins) its address block. */
  public addTenant(tenantName: string, options: NetworkTenantOptions = {}): NetworkTenant {
    if (this.tenants.has(tenantName)) invalid(this, `tenant ${tenantName} is added twice; tenant names are unique in a site`);
    const tenant = new NetworkTenant(this, tenantName, options);
    this.tenants.set(tenantName, tenant);
    return tenant;
  }

  /** Whether `physnet` is one of the site's (the same declaration). */
  public declares(physnet: PhysicalNetwork): boolean {
    return this.physnets.get(physnet.name) === physnet;
  }

  /**
   * A tenant VLAN on an Ethernet physnet for `owner`: `vlanId` pinned (inside the physnet's tenant ranges, free) or
   * allocated.
   */
  public allocateVlan(physnet: PhysicalNetwork, owner: string, vlanId?: number): number {
    const vlans = this.vlansOf(physnet);
    if (vlanId !== undefined) return guard(this, () => vlans.reserve(owner, vlanId));
    if (physnet.segmentationRanges.length === 0) {
      invalid(this, `physnet ${physnet.name} declares no tenant VLAN ranges, so ${owner} cannot get a VLAN; declare vlanRanges on it`);
    }
    const vlan = guard(this, () => vlans.allocate(owner, this.allocationStrategy));
    this.warnIfDisplaced(vlans.allocationOf(owner), owner, `VLAN on physnet ${physnet.name}`, 'vlanId');
    return vlan;
  }

  /** A site provider network's VLAN: outside the physnet's tenant ranges and free. */
  public reserveProviderVlan(physnet: PhysicalNetwork, owner: string, vlanId: number): number {
    return guard(this, () => this.vlansOf(physnet).reserveOutsideRanges(owner, vlanId));
  }

  /** Records the one flat network a physnet can carry. */
  public reserveFlat(physnet: PhysicalNetwork, owner: string): void {
    this.vlansOf(physnet);
    const holder = this.flatPhysnets.get(physnet.name);
    if (holder !== undefined && holder !== owner) {
      invalid(this, `physnet ${physnet.name} already carries flat network ${holder}; a physnet carries one flat network, use a VLAN`);
    }
    this.flatPhysnets.set(physnet.name, owner);
  }

  /**
   * The pkey of partition `partitionOwner` on an InfiniBand physnet, for network `networkOwner`: pinned (`pkey`) or
   * allocated on the physnet's fabric. Networks of one partition on several physnets of a fabric share its pkey;
   * one physnet carries one network per pkey.
   */
  public allocatePkey(physnet: PhysicalNetwork, partitionOwner: string, networkOwner: string, pkey?: number): number {
    if (!this.declares(physnet) || physnet.linkType !== LinkType.INFINIBAND) {
      invalid(this, `physnet ${physnet.name} is not an InfiniBand physnet of this site; declare it with PhysicalNetwork.infiniBand`);
    }
    const fabricName = physnet.fabricName ?? physnet.name;
    const fabric = this.fabrics.get(fabricName)!;
    const value = pkey !== undefined
      ? guard(this, () => fabric.reserve(partitionOwner, pkey))
      : guard(this, () => fabric.allocate(partitionOwner, this.allocationStrategy));
    if (pkey === undefined) this.warnIfDisplaced(fabric.allocationOf(partitionOwner), partitionOwner, `pkey on fabric ${fabricName}`, 'pkey');
    const segments = this.ibSegments.get(physnet.name)!;
    const holder = segments.holderOf(value);
    if (holder !== undefined && holder !== networkOwner) {
      invalid(this, `pkey ${Pkey.format(value)} is already used on physnet ${physnet.name} by network ${holder}; `
        + 'a physnet carries one network per pkey, give the second network its own partition');
    }
    guard(this, () => segments.reserve(networkOwner, value));
    return value;
  }

  /** Pins `cidr` for `owner` in the site's address registry (it must not overlap anything else). */
  public reserveCidr(owner: string, cidr: string): string {
    return guard(this, () => this.cidrs.reserveAnywhere(owner, cidr));
  }

  /** Pins a site provider network's CIDR: outside the tenant supernet and overlapping nothing. */
  public reserveProviderCidr(owner: string, cidr: string): string {
    const block = guard(this, () => parseCidr(cidr));
    if (overlaps(block, parseCidr(this.tenantSupernet))) {
      invalid(this, `cidr ${cidrOf(block)} of ${owner} overlaps the tenant supernet ${this.tenantSupernet}; `
        + 'site provider networks stay outside it so tenant networks never collide with them');
    }
    return this.reserveCidr(owner, cidr);
  }

  /** Every value handed out: tenant blocks and networks, VLANs, pkeys. */
  public allocations(): SiteAllocation[] {
    const out: SiteAllocation[] = [];
    const add = (kind: SiteAllocationKind, scope: string, list: NetworkAllocation[]) => list.forEach((a) => out.push({ ...a, kind, scope }));
    add(SiteAllocationKind.CIDR, `supernet ${this.tenantSupernet}`, this.cidrs.allocations);
    for (const t of this.tenants.values()) add(SiteAllocationKind.CIDR, `tenant ${t.tenantName}`, t.cidrAllocations);
    for (const [name, v] of this.vlans) add(SiteAllocationKind.VLAN, `physnet ${name}`, v.allocations);
    for (const [name, f] of this.fabrics) add(SiteAllocationKind.PKEY, `fabric ${name}`, f.allocations);
    for (const [name, s] of this.ibSegments) add(SiteAllocationKind.IB_SEGMENT, `physnet ${name}`, s.allocations);
    return out;
  }

  /** @internal notes when a hashed allocation did not get the value the owner's hash prefers. */
  public _warnIfDisplaced(allocation: NetworkAllocation | undefined, owner: string, what: string, pin: string): void {
    this.warnIfDisplaced(allocation, owner, what, pin);
  }

  private warnIfDisplaced(a: NetworkAllocation | undefined, owner: string, what: string, pin: string): void {
    if (!a || a.displacedBy === undefined) return;
    Annotations.of(this).addInfo(`${owner} got ${what} ${a.value} because its preferred ${a.preferred} is held by ${a.displacedBy}; `
      + `which of the two gets it depends on construct order: pin ${pin}: ${pin === 'cidr' ? JSON.stringify(a.value) : a.value} to keep it`);
  }

  private vlansOf(physnet: PhysicalNetwork): VlanAllocator {
    if (!this.declares(physnet)) {
      invalid(this, `physnet ${physnet.name} is not declared by this site; add it to NetworkSiteProps.physicalNetworks`);
    }
    const vlans = this.vlans.get(physnet.name);
    if (!vlans) invalid(this, `physnet ${physnet.name} is InfiniBand; Ethernet networks need an Ethernet physnet`);
    return vlans;
  }

  /** @internal the tenant block allocation (used by NetworkTenant). */
  public _tenantBlock(tenant: NetworkTenant, cidr: string | undefined): string {
    const owner = `tenant ${tenant.tenantName}`;
    if (cidr !== undefined) {
      const block = guard(tenant, () => parseCidr(cidr));
      if (!block.isInSubnet(parseCidr(this.tenantSupernet))) {
        invalid(tenant, `cidr ${cidr} is outside the tenant supernet ${this.tenantSupernet}; pin a block inside it`);
      }
      return guard(tenant, () => this.cidrs.reserve(owner, cidr));
    }
    const block = guard(tenant, () => this.cidrs.allocate(owner, this.tenantBlockPrefixLength, this.allocationStrategy));
    this.warnIfDisplaced(this.cidrs.allocationOf(owner), owner, 'block', 'cidr');
    return block;
  }
}

/**
 * A tenant's share of a {@link NetworkSite}: its project and its address block. Networks built with
 * `tenant: ...` get their CIDRs from the block and their VLANs and pkeys from the site, keyed by
 * `<tenant>/<network name>`.
 */
export class NetworkTenant extends Construct {
  /** Tenant name (the allocation key). */
  public readonly tenantName: string;
  /** The tenant's address block. */
  public readonly cidrBlock: string;
  /** The site. */
  public readonly site: NetworkSite;
  /**
   * The tenant's project.
   * @default - the project of the provider credentials
   */
  public readonly project?: IProject;
  private readonly cidrs: CidrAllocator;
  private readonly groups: CidrAllocator[] = [];
  private readonly names = new Map<string, string>();

  constructor(site: NetworkSite, tenantName: string, options: NetworkTenantOptions = {}) {
    // checked before the construct exists: an empty or '/'-containing name would fail inside constructs or be rewritten
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/.test(tenantName)) {
      invalid(site, `tenant name ${JSON.stringify(tenantName)} must be 1-63 letters, digits, '.', '_' or '-'; it keys the tenant's allocations`);
    }
    super(site, childId(tenantName));
    this.site = site;
    this.tenantName = tenantName;
    this.project = options.project;
    this.cidrBlock = site._tenantBlock(this, options.cidr);
    this.cidrs = new CidrAllocator(this.cidrBlock, `tenant ${tenantName} block`);
  }

  /** The allocation owner of the tenant's network `networkName`: `<tenant>/<network>`. */
  public ownerOf(networkName: string): string {
    return `${this.tenantName}/${networkName}`;
  }

  /**
   * A CIDR for the tenant's network `networkName`: `cidr` pinned (inside the tenant's block, or elsewhere in the
   * site registry) or a free `/prefixLength` of the tenant's block.
   */
  public cidrFor(networkName: string, prefixLength: number, cidr?: string): string {
    const owner = this.ownerOf(networkName);
    if (cidr === undefined) {
      const allocated = guard(this, () => this.cidrs.allocate(owner, prefixLength, this.site.allocationStrategy));
      this.site._warnIfDisplaced(this.cidrs.allocationOf(owner), owner, 'cidr', 'cidr');
      return allocated;
    }
    const group = this.groups.find((g) => guard(this, () => g.covers(cidr)));
    if (group) return guard(this, () => group.reserve(owner, cidr));
    const inside = guard(this, () => this.cidrs.covers(cidr));
    return inside ? guard(this, () => this.cidrs.reserve(owner, cidr)) : this.site.reserveCidr(owner, cidr);
  }

  /**
   * Carves one block of `prefixLength` from the tenant's block for a group of networks (the rails of an
   * {@link InfiniBandRails} set): networks whose pinned CIDR lies inside it are registered in it. Allocated like a
   * network's CIDR (owner `<tenant>/<groupName>`), or pinned with `cidr`.
   */
  public addAddressGroup(groupName: string, prefixLength: number, cidr?: string): string {
    const block = this.cidrFor(groupName, prefixLength, cidr);
    this.groups.push(guard(this, () => new CidrAllocator(block, `address group ${groupName}`)));
    return block;
  }

  /** The CIDRs handed out inside the tenant's block. */
  public get cidrAllocations(): NetworkAllocation[] {
    return this.cidrs.allocations;
  }

  /** @internal Records that `scope` uses `networkName`; names key the tenant's allocations, so they are unique. */
  public _claimName(networkName: string, scope: IConstruct): void {
    const holder = this.names.get(networkName);
    if (holder !== undefined && holder !== scope.node.path) {
      invalid(scope, `tenant ${this.tenantName} already has a network named ${networkName} (${holder}); network names key the `
        + "tenant's allocations, give this one its own networkName");
    }
    this.names.set(networkName, scope.node.path);
  }
}
