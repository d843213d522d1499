import { IConstruct } from 'constructs';
import { ShareDemand, VolumeDemand } from '../../lib/tenancy/quota';

type Kind = 'volume' | 'share';

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
  private readonly listeners = new Map<Kind, Array<() => void>>();

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
