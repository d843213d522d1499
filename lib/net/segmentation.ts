import { AllocationStrategy, NetworkAllocation, SegmentationRange } from './allocation';
import { IdPool, checkRanges } from './id-pool';
import { check, fail } from '../errors';

/**
 * VLAN ids of one physical network. Tenant networks get ids from the physnet's tenant ranges (the
 * `network_vlan_ranges = physnet:700:799` of ml2_conf.ini); site provider networks use ids outside them, so Neutron's
 * own tenant allocation and ours never hand out a provider VLAN. Every id is used by at most one network.
 */
export class VlanAllocator {
  /** Lowest VLAN id Neutron accepts (openstack/neutron-lib `neutron_lib/constants.py` MIN_VLAN_TAG). */
  public static readonly MIN_VLAN_ID = 1;
  /** Highest VLAN id Neutron accepts (MAX_VLAN_TAG; 802.1Q reserves 4095). */
  public static readonly MAX_VLAN_ID = 4094;

  /** The physical network, e.g. `baremetal`. */
  public readonly physicalNetworkName: string;
  private readonly pool: IdPool;
  private readonly outside: IdPool;
  /** `allocations`, until the next id is taken. */

  /**
   * @param physicalNetworkName the physnet the ids belong to
   * @param ranges the tenant VLAN ranges
   */
  constructor(physicalNetworkName: string, ranges: SegmentationRange[]) {
    this.physicalNetworkName = physicalNetworkName;
    const sorted = checkRanges(ranges, VlanAllocator.MIN_VLAN_ID, VlanAllocator.MAX_VLAN_ID, `physnet ${physicalNetworkName} VLAN`, String);
    this.pool = new IdPool(sorted, new Set(), String);
    this.outside = new IdPool([], new Set(), String);
  }

  /** The tenant ranges, written for messages (`700-799`), or `none`. */
  public get rangesText(): string {
    return this.pool.describeRanges() || 'none';
  }

  /**
   * Pins a tenant VLAN: it must lie in the physnet's tenant ranges and be free.
   * @returns the VLAN id
   */
  public reserve(owner: string, vlanId: number): number {
    this.checkId(vlanId);
    check(this.pool.inRanges(vlanId), () => `VLAN ${vlanId} is outside physnet ${this.physicalNetworkName}'s tenant VLAN ranges `
      + `(${this.rangesText}); use one of them (they are network_vlan_ranges in ml2_conf.ini)`);
    this.checkFree(owner, vlanId);
    return this.pool.take(owner, vlanId, this.describe(vlanId));
  }

  /**
   * Pins a site provider network's VLAN: it must lie outside the tenant ranges (so tenant allocation never takes it)
   * and be free.
   * @returns the VLAN id
   */
  public reserveOutsideRanges(owner: string, vlanId: number): number {
    this.checkId(vlanId);
    check(!this.pool.inRanges(vlanId), () => `VLAN ${vlanId} is inside physnet ${this.physicalNetworkName}'s tenant VLAN ranges `
      + `(${this.rangesText}); site provider networks use VLANs outside them so tenant networks never get them`);
    this.checkFree(owner, vlanId);
    return this.outside.take(owner, vlanId, this.describe(vlanId));
  }

  /** Allocates a free tenant VLAN to `owner`, or returns the one it holds. */
  public allocate(owner: string, strategy: AllocationStrategy = AllocationStrategy.HASHED): number {
    const held = this.lookup(owner);
    if (held !== undefined) return held;
    return this.pool.allocate(owner, strategy, `physnet ${this.physicalNetworkName}'s tenant VLAN ranges (${this.rangesText})`);
  }

  /** The VLAN `owner` holds, if any. */
  public lookup(owner: string): number | undefined {
    return this.pool.heldBy(owner) ?? this.outside.heldBy(owner);
  }

  /** The VLAN allocation `owner` holds, tenant or provider, if any. */
  public allocationOf(owner: string): NetworkAllocation | undefined {
    return this.pool.allocationOf(owner) ?? this.outside.allocationOf(owner);
  }

  /** The owner of VLAN `vlanId`, tenant or provider, if any. */
  public holderOf(vlanId: number): string | undefined {
    return this.pool.holderOf(vlanId) ?? this.outside.holderOf(vlanId);
  }

  /** Every VLAN in use on the physnet, tenant and provider, in id order. */
  public get allocations(): NetworkAllocation[] {
    return [...this.pool.allocations(), ...this.outside.allocations()].sort((a, b) => Number(a.value) - Number(b.value));
  }

  private checkId(vlanId: number): void {
    check(Number.isInteger(vlanId) && vlanId >= VlanAllocator.MIN_VLAN_ID && vlanId <= VlanAllocator.MAX_VLAN_ID,
      () => `VLAN ${vlanId} is not a VLAN id; use ${VlanAllocator.MIN_VLAN_ID} to ${VlanAllocator.MAX_VLAN_ID} (802.1Q reserves 0 and 4095)`);
  }

  private checkFree(owner: string, vlanId: number): void {
    const holder = this.holderOf(vlanId);
    if (holder !== undefined && holder !== owner) {
      fail(`${this.describe(vlanId)} is already used by ${holder}; every network needs its own VLAN`);
    }
  }

  private describe(vlanId: number): string {
    return `VLAN ${vlanId} on physnet ${this.physicalNetworkName}`;
  }
}

/**
 * InfiniBand partition keys as networking-mlnx uses them (`eswitchd/eswitch_handler.py`: `DEFAULT_MASK=0x7fff`,
 * `DEFAULT_PKEY='0xffff'`; read from the stackhpc/networking-mlnx mirror).
 *
 * An IB network is a Neutron VLAN network on an IB physnet whose segmentation id is the pkey. So a pkey is the
 * 15-bit partition number without the membership bit (0x8000; full or limited membership is the subnet manager's
 * business), it can never be 0x7fff (the default partition every port belongs to: 0xffff with full membership), and
 * Neutron's VLAN type driver caps it at 4094 (0x0ffe).
 */
export class Pkey {
  /** Lowest usable pkey (0x0000 is invalid in InfiniBand). */
  public static readonly MIN = 0x0001;
  /** Highest pkey Neutron can carry: the VLAN segmentation id stops at 4094. */
  public static readonly MAX = 4094;
  /** The default partition (full membership form 0xffff): never a tenant's. */
  public static readonly DEFAULT_PARTITION = 0x7fff;
  /** The full-membership bit. */
  public static readonly FULL_MEMBERSHIP_BIT = 0x8000;

  /** `0x0123`. */
  public static format(pkey: number): string {
    return `0x${pkey.toString(16).padStart(4, '0')}`;
  }

  /** Throws unless `pkey` can be a tenant partition's segmentation id. */
  public static check(pkey: number): void {
    check(Number.isInteger(pkey) && pkey >= 0 && pkey <= 0xffff, () => `pkey ${pkey} is not a 16-bit partition key`);
    if (pkey === Pkey.DEFAULT_PARTITION || pkey === Pkey.DEFAULT_PARTITION + Pkey.FULL_MEMBERSHIP_BIT) {
      fail(`pkey ${Pkey.format(pkey)} is the default partition, which every port belongs to; it isolates nothing, use another pkey`);
    }
    if (pkey >= Pkey.FULL_MEMBERSHIP_BIT) {
      fail(`pkey ${Pkey.format(pkey)} has the full-membership bit (0x8000) set; the segmentation id is the 15-bit partition `
        + `number and the subnet manager sets membership: use ${Pkey.format(pkey - Pkey.FULL_MEMBERSHIP_BIT)}`);
    }
    check(pkey >= Pkey.MIN && pkey <= Pkey.MAX, () => `pkey ${Pkey.format(pkey)} is outside ${Pkey.format(Pkey.MIN)}-${Pkey.format(Pkey.MAX)}: `
      + `Neutron carries the pkey as a VLAN segmentation id, which stops at ${VlanAllocator.MAX_VLAN_ID}`);
  }

  private constructor() {}
}

/**
 * Partition keys of one InfiniBand fabric (one subnet manager). Pkeys are fabric-wide: two physnets cabled to the
 * same fabric (e.g. the eight rails of a rail-optimized cluster under one UFM) share one pkey space, so two tenants
 * must never get the same pkey on any of them. An owner is a partition: the networks of one tenant's partition on
 * several physnets of the fabric share its pkey.
 */
export class PkeyAllocator {
  /** The fabric, e.g. `compute-fabric`. */
  public readonly fabricName: string;
  private readonly pool: IdPool;
  private readonly reserved: ReadonlySet<number>;

  /**
   * @param fabricName the fabric (subnet manager) the pkeys belong to
   * @param ranges pkeys the fabric lets tenants use (its physnets' `network_vlan_ranges`)
   * @param reserved pkeys inside the ranges kept for the site (e.g. a storage partition)
   */
  constructor(fabricName: string, ranges: SegmentationRange[], reserved: number[] = []) {
    this.fabricName = fabricName;
    for (const r of ranges) {
      Pkey.check(r.min);
      Pkey.check(r.max);
    }
    const sorted = checkRanges(ranges, Pkey.MIN, Pkey.MAX, `fabric ${fabricName} pkey`, Pkey.format);
    reserved.forEach((p) => Pkey.check(p));
    this.reserved = new Set(reserved);
    this.pool = new IdPool(sorted, this.reserved, Pkey.format);
  }

  /** The pkey ranges, written for messages. */
  public get rangesText(): string {
    return this.pool.describeRanges() || 'none';
  }

  /**
   * Pins `pkey` to the partition `owner`. Fails when it is not a valid tenant pkey, lies outside the fabric's ranges,
   * is reserved by the site or belongs to another partition. Pinning the pkey the owner holds is a no-op.
   */
  public reserve(owner: string, pkey: number): number {
    Pkey.check(pkey);
    check(!this.reserved.has(pkey), () => `pkey ${Pkey.format(pkey)} is reserved by the site on fabric ${this.fabricName}; use another pkey`);
    check(this.pool.inRanges(pkey), () => `pkey ${Pkey.format(pkey)} is outside fabric ${this.fabricName}'s pkey ranges (${this.rangesText}); `
      + 'use one of them');
    const holder = this.pool.holderOf(pkey);
    if (holder !== undefined && holder !== owner) {
      fail(`pkey ${Pkey.format(pkey)} on fabric ${this.fabricName} is already the partition of ${holder}; `
        + 'every tenant partition needs its own pkey');
    }
    return this.pool.take(owner, pkey, `pkey ${Pkey.format(pkey)} on fabric ${this.fabricName}`);
  }

  /** Allocates a free pkey to the partition `owner`, or returns the one it holds. */
  public allocate(owner: string, strategy: AllocationStrategy = AllocationStrategy.HASHED): number {
    return this.pool.allocate(owner, strategy, `fabric ${this.fabricName}'s pkey ranges (${this.rangesText})`);
  }

  /** The pkey the partition `owner` holds, if any. */
  public lookup(owner: string): number | undefined {
    return this.pool.heldBy(owner);
  }

  /** The pkey allocation the partition `owner` holds, if any. */
  public allocationOf(owner: string): NetworkAllocation | undefined {
    return this.pool.allocationOf(owner);
  }

  /** Every pkey in use on the fabric, in pkey order. */
  public get allocations(): NetworkAllocation[] {
    return this.pool.allocations();
  }
}
