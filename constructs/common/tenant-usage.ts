import { IConstruct } from 'constructs';
import { ShareDemand, VolumeDemand } from '../../lib/tenancy/quota';

type Kind = 'volume' | 'share';

/** What a node group's flavor claims, as its tenant's quotas count it (an `IGpuFlavor` is one). */
export interface NodeGroupFlavor {
  readonly flavorName: string;
  readonly vcpus: number;
  readonly ramMb: number;
  readonly gpuCount: number;
  readonly gpuResourceClass: string;
  readonly bareMetal: boolean;
  readonly placementResources: { [resourceClass: string]: number };
}

/** Servers a Magnum node group may run in its tenant's project (at its pool's largest size). */
export interface NodeGroupDemand {
  /** Construct path of the node group, for messages. */
  readonly path: string;
  /** The node group's flavor. */
  readonly flavor: NodeGroupFlavor;
  /** Most servers the group runs. */
  readonly count: number;
}

/**
 * What storage constructs record against a tenant (any `ITenant`), so the tenant's quotas can be derived from its
 * own resources at synthesis. Internal: not part of the jsii API.
 */
export class TenantUsage {
  /** The usage record of a tenant. */
  public static of(tenant: IConstruct): TenantUsage {
    let usage = TenantUsage.records.get(tenant);
    if (!usage) {
      usage = new TenantUsage();
      TenantUsage.records.set(tenant, usage);
    }
    return usage;
  }

  private static readonly records = new WeakMap<IConstruct, TenantUsage>();

  /** Volumes created in the tenant. */
  public readonly volumes: VolumeDemand[] = [];
  /** Shares created in the tenant. */
  public readonly shares: ShareDemand[] = [];
  /** Share networks created in the tenant. */
  public shareNetworks = 0;
  /** Magnum node groups whose servers are created in the tenant's project. */
  public readonly nodeGroups: NodeGroupDemand[] = [];
  private readonly listeners = new Map<Kind, Array<() => void>>();
  private readonly nodeGroupListeners: Array<(demand: NodeGroupDemand) => void> = [];

  /** Records a volume. */
  public addVolume(volume: VolumeDemand): void {
    this.volumes.push(volume);
    if (this.volumes.length === 1) this.fire('volume');
  }

  /** Records a share. */
  public addShare(share: ShareDemand): void {
    this.shares.push(share);
    if (this.shares.length === 1 && this.shareNetworks === 0) this.fire('share');
  }

  /** Records a share network. */
  public addShareNetwork(): void {
    this.shareNetworks += 1;
    if (this.shareNetworks === 1 && this.shares.length === 0) this.fire('share');
  }

  /** Records the servers of a Magnum node group created with the tenant's credentials. */
  public addNodeGroup(owner: IConstruct, flavor: NodeGroupFlavor, count: number): void {
    const demand = { path: owner.node.path, flavor, count };
    this.nodeGroups.push(demand);
    for (const l of this.nodeGroupListeners) l(demand);
  }

  /** Calls `listener` for every node group recorded, those recorded already included. */
  public onNodeGroup(listener: (demand: NodeGroupDemand) => void): void {
    this.nodeGroupListeners.push(listener);
    for (const d of this.nodeGroups) listener(d);
  }

  /** Calls `listener` once, when the first resource of `kind` is recorded (at once if one already is). */
  public onFirst(kind: Kind, listener: () => void): void {
    const recorded = kind === 'volume' ? this.volumes.length : this.shares.length + this.shareNetworks;
    if (recorded > 0) {
      listener();
      return;
    }
    this.listeners.set(kind, [...(this.listeners.get(kind) ?? []), listener]);
  }

  private fire(kind: Kind): void {
    for (const l of this.listeners.get(kind) ?? []) l();
    this.listeners.delete(kind);
  }
}
