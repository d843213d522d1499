/** How an allocator picks a free value (a CIDR block, a VLAN id, a pkey). */
export enum AllocationStrategy {
  /**
   * Start at a slot derived from a hash of the owner's name and take the first free value from there (wrapping
   * around). An owner keeps its value when other owners are added or removed, whatever order the requests come in,
   * unless two owners prefer the same slot: then the one asking second gets the next free value, and the allocator
   * reports the collision so the value can be pinned.
   */
  HASHED = 'hashed',
  /** The lowest free value: compact and easy to read, but it depends on the order of the requests. */
  FIRST_FREE = 'first-free',
}

/** One value an allocator handed out or had pinned. */
export interface NetworkAllocation {
  /** Who holds it, e.g. `acme/data`. */
  readonly owner: string;
  /** The value: a CIDR (`10.64.3.0/24`), a VLAN id (`712`) or a pkey (`0x0123`). */
  readonly value: string;
  /** Whether the owner asked for exactly this value (a pin) instead of getting one allocated. */
  readonly pinned: boolean;
  /**
   * For hashed allocations: the value the owner's hash preferred. When it differs from `value`, the preferred one
   * was taken and the result depends on the order of requests; pin `value` to keep it.
   * @default - same as `value`
   */
  readonly preferred?: string;
  /**
   * For hashed allocations that did not get their preferred value: who held it at the time.
   * @default - nobody: the preferred value was free
   */
  readonly displacedBy?: string;
}

/** An inclusive range of segmentation ids: a VLAN range (`network_vlan_ranges = physnet:700:799`) or a pkey range. */
export interface SegmentationRange {
  /** First id of the range. */
  readonly min: number;
  /** Last id of the range (inclusive). */
  readonly max: number;
}
