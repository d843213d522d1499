import { ApiObject, JsonPatch } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { checkCpu, gibQuantity } from './amounts';
import { GpuOffer, IGpuNodePool } from '../accelerators/gpu-node-pool';
import { offerCapacity, selectOffer } from '../accelerators/k8s-util';
import { ITenantNamespace } from '../cluster/tenant-namespace';
import { bindings } from '../common/bindings';
import { clusterScoped, isDnsLabel, isDnsSubdomain } from '../common/k8s';
import { guard, invalid } from '../common/validation';


/**
 * The Kueue API a cluster serves. Two shapes exist: `kueue.x-k8s.io/v1beta2`, served from Kueue v0.15.0 (the
 * storage version in v0.19), and `v1beta1`, which Kueue v0.13 and v0.14 serve (and later releases still serve,
 * deprecated). Between the two, the ClusterQueue's cohort moved from `spec.cohort` to `spec.cohortName`
 * (kubernetes-sigs/kueue v0.15.0 `apis/kueue/v1beta1/clusterqueue_types.go` and `apis/kueue/v1beta2/clusterqueue_types.go`);
 * the ResourceFlavor, LocalQueue and Cohort fields we write are the same in both. Kueue before v0.13 served Cohort
 * only as `v1alpha1` and is not supported.
 */
export class KueueApi {
  /** `kueue.x-k8s.io/v1beta2`: Kueue v0.15.0 or later. */
  public static readonly V1BETA2 = new KueueApi('kueue.x-k8s.io/v1beta2', 'v0.15.0');
  /** `kueue.x-k8s.io/v1beta1`: Kueue v0.13.0 to v0.14.x (deprecated from v0.15). */
  public static readonly V1BETA1 = new KueueApi('kueue.x-k8s.io/v1beta1', 'v0.13.0');

  /** The apiVersion of the Kueue objects. */
  public readonly apiVersion: string;
  /** The oldest Kueue release that serves it. */
  public readonly minimumKueueVersion: string;

  private constructor(apiVersion: string, minimumKueueVersion: string) {
    this.apiVersion = apiVersion;
    this.minimumKueueVersion = minimumKueueVersion;
  }
}

/** A generated Kueue binding (v1beta2): its constructor and its `manifest()` renderer. */
interface KueueKind<P> {
  new (scope: Construct, id: string, props: P): ApiObject;
  manifest(props: P): any;
}

/**
 * The Kueue object `kind` with `props`, in `api`'s shape. The bindings are generated from the v1beta2 CRDs and their
 * `toJson()` rewrites apiVersion and drops unknown fields, so another version is a plain ApiObject holding the
 * binding's rendering, with `renames` (v1beta2 path to v1beta1 path) applied as JSON patches.
 */
function kueueObject<P>(scope: Construct, id: string, api: KueueApi, kind: KueueKind<P>, props: P,
  renames: { [from: string]: string } = {}): ApiObject {
  if (api === KueueApi.V1BETA2) return new kind(scope, id, props);
  const obj = new ApiObject(scope, id, { ...kind.manifest(props), apiVersion: api.apiVersion });
  for (const [from, to] of Object.entries(renames)) obj.addJsonPatch(JsonPatch.move(from, to));
  return obj;
}

/** Refuses a queue whose flavors or cohort were written for another Kueue API than the queue. */
function sameApi(queue: IConstruct, api: KueueApi, parts: { name: string; kueueApi: KueueApi }[]): void {
  for (const p of parts) {
    if (p.kueueApi !== api) {
      invalid(queue, `${p.name} is written as ${p.kueueApi.apiVersion} but the queue as ${api.apiVersion}; a cluster serves one Kueue ` +
        'release, give every Kueue construct the same kueueApi');
    }
  }
}

/** Props of {@link GpuResourceFlavor}. */
export interface GpuResourceFlavorProps {
  /** The node pool the flavor's quota lives on. */
  readonly pool: IGpuNodePool;
  /**
   * The MIG profile the flavor stands for.
   * @default - the pool's whole-GPU (or shared) offer
   */
  readonly migProfile?: string;
  /**
   * ResourceFlavor name.
   * @default - `<pool>-gpu`, `<pool>-gpu-shared` or `<pool>-mig-<profile>`
   */
  readonly flavorName?: string;
  /**
   * The Kueue API the cluster serves.
   * @default KueueApi.V1BETA2
   */
  readonly kueueApi?: KueueApi;
}

/**
 * A Kueue ResourceFlavor for one GPU offer of one pool, created here (`GpuResourceFlavor`) or one the cluster already
 * has (`GpuResourceFlavor.fromFlavorName`).
 */
export interface IGpuResourceFlavor extends IConstruct {
  /** ResourceFlavor name. */
  readonly flavorName: string;
  /** The pool whose nodes the flavor's labels select. */
  readonly pool: IGpuNodePool;
  /** The offer the flavor stands for. */
  readonly offer: GpuOffer;
  /** The extended resource quotas on this flavor cover, e.g. `nvidia.com/mig-3g.40gb`. */
  readonly resourceName: string;
  /** Units of the resource the pool has at its largest size. */
  readonly capacity: number;
  /** The Kueue API the flavor is written in. */
  readonly kueueApi: KueueApi;
}

/** Props of {@link GpuResourceFlavor.fromFlavorName}. */
export interface GpuResourceFlavorLookupProps {
  /** Name of the ResourceFlavor the cluster has. */
  readonly flavorName: string;
  /** The node pool its node labels select. */
  readonly pool: IGpuNodePool;
  /**
   * The MIG profile it stands for.
   * @default - the pool's whole-GPU (or shared) offer
   */
  readonly migProfile?: string;
  /**
   * The Kueue API the cluster serves.
   * @default KueueApi.V1BETA2
   */
  readonly kueueApi?: KueueApi;
}

/** Units of each (pool, resource) already given out as nominal quota, and the flavor that stands for it. */
const ledger = new WeakMap<IGpuNodePool, Map<string, { flavor: IGpuResourceFlavor; nominal: number }>>();

/** The offer, resource, capacity and name of a flavor of `pool`, checked (with `scope`'s path). */
function describeFlavor(scope: IConstruct, pool: IGpuNodePool, migProfile: string | undefined, flavorName: string | undefined) {
  const offer = guard(scope, () => selectOffer(pool, migProfile));
  const suffix = offer.migProfile ? `mig-${offer.migProfile.replace('+', '.')}` : offer.shared ? 'gpu-shared' : 'gpu';
  const name = flavorName ?? `${pool.poolName}-${suffix}`;
  if (!isDnsSubdomain(name)) invalid(scope, `flavorName ${JSON.stringify(name)} is not a DNS subdomain`);
  return { offer, resourceName: offer.resourceName, capacity: offerCapacity(pool, offer), flavorName: name };
}

/** Records `flavor` as the one flavor of its pool's resource; throws when the pool's resource already has another. */
function registerFlavor(flavor: IGpuResourceFlavor): { flavor: IGpuResourceFlavor; nominal: number } {
  let byResource = ledger.get(flavor.pool);
  if (!byResource) ledger.set(flavor.pool, (byResource = new Map()));
  const existing = byResource.get(flavor.resourceName);
  if (existing && existing.flavor !== flavor) {
    invalid(flavor, `${flavor.resourceName} of pool ${flavor.pool.poolName} already has the flavor ${existing.flavor.flavorName}; quotas on two flavors for the same GPUs would double-count them, reuse that flavor`);
  }
  if (existing) return existing;
  const entry = { flavor, nominal: 0 };
  byResource.set(flavor.resourceName, entry);
  return entry;
}

/** Records `nominal` units of `flavor` given to `queue`; throws when the pool's capacity would be exceeded. */
function reserveQuota(flavor: IGpuResourceFlavor, queue: IConstruct, queueName: string, nominal: number): void {
  const entry = registerFlavor(flavor);
  const total = entry.nominal + nominal;
  if (total > flavor.capacity) {
    invalid(queue,
      `nominal quota ${nominal} ${flavor.resourceName} on flavor ${flavor.flavorName} for queue ${queueName} brings the total across queues to ${total}, ` +
      `more than the ${flavor.capacity} pool ${flavor.pool.poolName} has (${flavor.offer.countPerNode} per node x ${flavor.pool.maxNodeCount} nodes); ` +
      'lower the quotas (queues borrow unused quota through their cohort) or grow the pool');
  }
  entry.nominal = total;
}

/** A ResourceFlavor the cluster already has: nothing is rendered. */
class ImportedGpuResourceFlavor extends Construct implements IGpuResourceFlavor {
  public readonly flavorName: string;
  public readonly pool: IGpuNodePool;
  public readonly offer: GpuOffer;
  public readonly resourceName: string;
  public readonly capacity: number;
  public readonly kueueApi: KueueApi;

  constructor(scope: Construct, id: string, props: GpuResourceFlavorLookupProps) {
    super(scope, id);
    this.pool = props.pool;
    const d = describeFlavor(this, props.pool, props.migProfile, props.flavorName);
    this.offer = d.offer;
    this.resourceName = d.resourceName;
    this.capacity = d.capacity;
    this.flavorName = d.flavorName;
    this.kueueApi = props.kueueApi ?? KueueApi.V1BETA2;
    registerFlavor(this);
  }
}

/**
 * A Kueue ResourceFlavor for one GPU offer of one pool (a GPU model as whole GPUs, one MIG profile, or shared
 * replicas): its node labels are the pool's selector, so Kueue steers admitted pods onto the pool, and its tolerations
 * are the pool's, which Kueue adds to admitted pods. Quotas on it are checked against the pool's real capacity.
 */
export class GpuResourceFlavor extends Construct implements IGpuResourceFlavor {
  /**
   * A ResourceFlavor the cluster already has (for example one a platform team manages), standing for one offer of
   * `pool`: queues put quotas on it and jobs run on it like on a flavor this app creates, and its quotas count
   * against the pool's capacity. Nothing is rendered; the flavor's node labels must select the pool's nodes.
   */
  public static fromFlavorName(scope: Construct, id: string, props: GpuResourceFlavorLookupProps): IGpuResourceFlavor {
    return new ImportedGpuResourceFlavor(scope, id, props);
  }

  /** ResourceFlavor name. */
  public readonly flavorName: string;
  /** The pool. */
  public readonly pool: IGpuNodePool;
  /** The offer the flavor stands for. */
  public readonly offer: GpuOffer;
  /** The extended resource quotas on this flavor cover, e.g. `nvidia.com/mig-3g.40gb`. */
  public readonly resourceName: string;
  /** Units of the resource the pool has at its largest size. */
  public readonly capacity: number;
  /** The Kueue API the objects are written in. */
  public readonly kueueApi: KueueApi;

  constructor(scope: Construct, id: string, props: GpuResourceFlavorProps) {
    super(scope, id);
    const pool = props.pool;
    this.pool = pool;
    const d = describeFlavor(this, pool, props.migProfile, props.flavorName);
    this.offer = d.offer;
    this.resourceName = d.resourceName;
    this.capacity = d.capacity;
    this.flavorName = d.flavorName;
    this.kueueApi = props.kueueApi ?? KueueApi.V1BETA2;
    registerFlavor(this);

    const flavor = kueueObject(this, 'Resource', this.kueueApi, bindings.kueue().ResourceFlavor, {
      metadata: { name: this.flavorName, labels: { 'ai-factory.dev/gpu-pool': pool.poolName } },
      spec: {
        nodeLabels: { ...pool.nodeSelector },
        tolerations: pool.tolerations.map((t) => ({
          key: t.key, operator: t.operator, value: t.value, effect: t.effect, tolerationSeconds: t.tolerationSeconds,
        })),
      },
    });
    clusterScoped(flavor);
  }

  /** Nominal quota already given out on this flavor, across every queue. */
  public get allocatedNominal(): number {
    return registerFlavor(this).nominal;
  }
}

/** Props of {@link ComputeResourceFlavor}. */
export interface ComputeResourceFlavorProps {
  /**
   * ResourceFlavor name.
   * @default 'default-flavor'
   */
  readonly flavorName?: string;
  /**
   * The Kueue API the cluster serves.
   * @default KueueApi.V1BETA2
   */
  readonly kueueApi?: KueueApi;
}

/** The ResourceFlavor CPU, memory and RDMA quotas are on, created here or one the cluster already has. */
export interface IComputeResourceFlavor extends IConstruct {
  /** ResourceFlavor name. */
  readonly flavorName: string;
  /** The Kueue API the flavor is written in. */
  readonly kueueApi: KueueApi;
}

/** A Kueue object the cluster already has, known by name: nothing is rendered. */
class ImportedKueueObject extends Construct {
  public readonly kueueApi: KueueApi;

  constructor(scope: Construct, id: string, field: string, name: string, kueueApi: KueueApi | undefined) {
    super(scope, id);
    if (!isDnsSubdomain(name)) invalid(this, `${field} ${JSON.stringify(name)} is not a DNS subdomain`);
    this.kueueApi = kueueApi ?? KueueApi.V1BETA2;
  }
}

class ImportedComputeResourceFlavor extends ImportedKueueObject implements IComputeResourceFlavor {
  constructor(scope: Construct, id: string, public readonly flavorName: string, kueueApi: KueueApi | undefined) {
    super(scope, id, 'flavorName', flavorName, kueueApi);
  }
}

/**
 * The Kueue ResourceFlavor for CPU, memory and RDMA device quotas: no node labels, so it fits pods on any pool (their
 * GPU flavor decides where they land).
 */
export class ComputeResourceFlavor extends Construct implements IComputeResourceFlavor {
  /**
   * A ResourceFlavor the cluster already has (Kueue's setup guides name it `default-flavor`), for the CPU, memory and
   * RDMA quotas of new queues. Nothing is rendered.
   */
  public static fromFlavorName(scope: Construct, id: string, flavorName: string, kueueApi?: KueueApi): IComputeResourceFlavor {
    return new ImportedComputeResourceFlavor(scope, id, flavorName, kueueApi);
  }

  /** ResourceFlavor name. */
  public readonly flavorName: string;
  /** The Kueue API the objects are written in. */
  public readonly kueueApi: KueueApi;

  constructor(scope: Construct, id: string, props: ComputeResourceFlavorProps = {}) {
    super(scope, id);
    this.flavorName = props.flavorName ?? 'default-flavor';
    if (!isDnsSubdomain(this.flavorName)) invalid(this, `flavorName ${JSON.stringify(this.flavorName)} is not a DNS subdomain`);
    this.kueueApi = props.kueueApi ?? KueueApi.V1BETA2;
    const flavor = kueueObject(this, 'Resource', this.kueueApi, bindings.kueue().ResourceFlavor, { metadata: { name: this.flavorName } });
    clusterScoped(flavor);
  }
}

/** Props of {@link QueueCohort}. */
export interface QueueCohortProps {
  /** Cohort name. */
  readonly cohortName: string;
  /**
   * The Kueue API the cluster serves.
   * @default KueueApi.V1BETA2
   */
  readonly kueueApi?: KueueApi;
}

/** A Kueue Cohort, created here or one the cluster already has. */
export interface IQueueCohort extends IConstruct {
  /** Cohort name. */
  readonly cohortName: string;
  /** The Kueue API the cohort is written in. */
  readonly kueueApi: KueueApi;
}

class ImportedQueueCohort extends ImportedKueueObject implements IQueueCohort {
  constructor(scope: Construct, id: string, public readonly cohortName: string, kueueApi: KueueApi | undefined) {
    super(scope, id, 'cohortName', cohortName, kueueApi);
  }
}

/** A Kueue Cohort: ClusterQueues in it lend unused quota to each other and borrow from each other. */
export class QueueCohort extends Construct implements IQueueCohort {
  /**
   * A cohort the cluster already has (or one that exists only as the `cohortName` other ClusterQueues name: Kueue
   * forms a cohort from the queues that name it). Nothing is rendered.
   */
  public static fromCohortName(scope: Construct, id: string, cohortName: string, kueueApi?: KueueApi): IQueueCohort {
    return new ImportedQueueCohort(scope, id, cohortName, kueueApi);
  }

  /** Cohort name. */
  public readonly cohortName: string;
  /** The Kueue API the objects are written in. */
  public readonly kueueApi: KueueApi;

  constructor(scope: Construct, id: string, props: QueueCohortProps) {
    super(scope, id);
    if (!isDnsSubdomain(props.cohortName)) invalid(this, `cohortName ${JSON.stringify(props.cohortName)} is not a DNS subdomain`);
    this.cohortName = props.cohortName;
    this.kueueApi = props.kueueApi ?? KueueApi.V1BETA2;
    const cohort = kueueObject(this, 'Resource', this.kueueApi, bindings.kueue().Cohort, { metadata: { name: this.cohortName } });
    clusterScoped(cohort);
  }
}

/** A GPU quota of a tenant queue on one flavor. */
export interface GpuQuota {
  /** The flavor (pool offer) the quota is on. */
  readonly flavor: IGpuResourceFlavor;
  /** Units guaranteed to the queue. */
  readonly nominal: number;
  /**
   * Most units the queue may borrow from its cohort beyond `nominal`.
   * @default - no limit when the queue is in a cohort
   */
  readonly borrowingLimit?: number;
}

/**
 * A tenant's Kueue queue as jobs see it: the LocalQueue name and the namespaces that have it, and the GPU quotas
 * its ClusterQueue holds (when known) so jobs are checked against them at synth time. Created here (`TenantQueue`) or
 * one the cluster already has (`TenantQueue.fromQueueName`).
 */
export interface ITenantQueue extends IConstruct {
  /** Name of the LocalQueue jobs name with the `kueue.x-k8s.io/queue-name` label. */
  readonly queueName: string;
  /** Namespaces with that LocalQueue. */
  readonly namespaceNames: string[];
  /** The Kueue API the queue is written in. */
  readonly kueueApi: KueueApi;
  /**
   * The GPU quota on a flavor; `undefined` when the queue has none or its quotas are unknown (see `quotasKnown`).
   */
  quotaFor(flavor: IGpuResourceFlavor): GpuQuota | undefined;
  /**
   * Most units of a flavor one admitted workload of this queue can hold: nominal plus what it may borrow; 0 without a
   * quota on the flavor, `undefined` when the queue's quotas are unknown.
   */
  maxUnits(flavor: IGpuResourceFlavor): number | undefined;
}

/** Props of {@link TenantQueue.fromQueueName}. */
export interface TenantQueueLookupProps {
  /** Name of the LocalQueue (and, for the synth-time checks, of nothing else: its ClusterQueue may be named otherwise). */
  readonly queueName: string;
  /** Namespaces that have the LocalQueue. */
  readonly namespaceNames: string[];
  /**
   * The GPU quotas the queue's ClusterQueue holds, so jobs are checked against them at synth time; they count
   * against the pools' capacity like the quotas of queues this app creates.
   * @default - unknown: jobs are not checked against quotas (Kueue keeps a job it can never admit pending)
   */
  readonly gpuQuotas?: GpuQuota[];
  /**
   * The cohort its ClusterQueue borrows in (with gpuQuotas: a quota without borrowingLimit may borrow up to the
   * pool's capacity).
   * @default - no borrowing
   */
  readonly cohort?: IQueueCohort;
  /**
   * The Kueue API the cluster serves.
   * @default KueueApi.V1BETA2
   */
  readonly kueueApi?: KueueApi;
}

/** Props of {@link TenantQueue}. */
export interface TenantQueueProps {
  /** Name of the ClusterQueue and of the LocalQueue in each namespace. */
  readonly queueName: string;
  /** The tenant's namespaces; each gets a LocalQueue and may submit to the ClusterQueue. */
  readonly namespaces: ITenantNamespace[];
  /** The flavor CPU, memory and RDMA quotas are on. */
  readonly computeFlavor: IComputeResourceFlavor;
  /** CPU cores guaranteed to the queue (0, or at least 0.001). */
  readonly cpuCores: number;
  /** Memory guaranteed to the queue, in GiB (0, or at least 0.001). */
  readonly memoryGib: number;
  /** GPU quotas, one per flavor. */
  readonly gpuQuotas: GpuQuota[];
  /**
   * Cohort to lend and borrow quota in.
   * @default - no borrowing
   */
  readonly cohort?: IQueueCohort;
  /**
   * The Kueue API the cluster serves.
   * @default KueueApi.V1BETA2
   */
  readonly kueueApi?: KueueApi;
}

/** Checks `quotas` (one per flavor, whole units, borrowing only in a cohort) and reserves them on their pools. */
function checkQuotas(queue: IConstruct, queueName: string, quotas: GpuQuota[], cohort: IQueueCohort | undefined): void {
  const seen = new Set<IGpuResourceFlavor>();
  for (const q of quotas) {
    if (seen.has(q.flavor)) invalid(queue, `flavor ${q.flavor.flavorName} has two quotas; give it one`);
    seen.add(q.flavor);
    if (!Number.isInteger(q.nominal) || q.nominal < 0) invalid(queue, `nominal quota ${q.nominal} on flavor ${q.flavor.flavorName} must be a non-negative integer`);
    if (q.borrowingLimit !== undefined) {
      if (!cohort) invalid(queue, `borrowingLimit on flavor ${q.flavor.flavorName} needs a cohort to borrow from; set cohort or drop the limit`);
      // more than the pool has can never be borrowed; the bound keeps the RDMA quota derived from it finite
      const b = q.borrowingLimit;
      if (!Number.isInteger(b) || b < 0 || b > q.flavor.capacity) {
        invalid(queue, `borrowingLimit ${b} on flavor ${q.flavor.flavorName} must be a non-negative integer (at most ${q.flavor.capacity}, what pool ${q.flavor.pool.poolName} has)`);
      }
    }
    reserveQuota(q.flavor, queue, queueName, q.nominal);
  }
}

/** Nominal plus what the quota may borrow: up to its limit, or the rest of the pool in a cohort. */
function mostUnits(q: GpuQuota, cohort: IQueueCohort | undefined): number {
  return q.nominal + (q.borrowingLimit ?? (cohort ? q.flavor.capacity - q.nominal : 0));
}

/** A LocalQueue the cluster already has: nothing is rendered. */
class ImportedTenantQueue extends Construct implements ITenantQueue {
  public readonly queueName: string;
  public readonly namespaceNames: string[];
  public readonly kueueApi: KueueApi;
  private readonly gpuQuotas?: GpuQuota[];
  private readonly cohort?: IQueueCohort;

  constructor(scope: Construct, id: string, props: TenantQueueLookupProps) {
    super(scope, id);
    if (!isDnsSubdomain(props.queueName)) invalid(this, `queueName ${JSON.stringify(props.queueName)} is not a DNS subdomain`);
    if (props.namespaceNames.length === 0) invalid(this, 'a queue needs at least one namespace with its LocalQueue; give namespaceNames');
    for (const ns of props.namespaceNames) {
      if (!isDnsLabel(ns)) invalid(this, `namespace ${JSON.stringify(ns)} is not a DNS label`);
    }
    this.queueName = props.queueName;
    this.namespaceNames = [...props.namespaceNames];
    this.kueueApi = props.kueueApi ?? KueueApi.V1BETA2;
    this.cohort = props.cohort;
    if (props.gpuQuotas) {
      this.gpuQuotas = [...props.gpuQuotas];
      checkQuotas(this, this.queueName, this.gpuQuotas, this.cohort);
    }
  }

  public quotaFor(flavor: IGpuResourceFlavor): GpuQuota | undefined {
    return this.gpuQuotas?.find((q) => q.flavor === flavor);
  }

  public maxUnits(flavor: IGpuResourceFlavor): number | undefined {
    if (!this.gpuQuotas) return undefined;
    const q = this.quotaFor(flavor);
    return q ? mostUnits(q, this.cohort) : 0;
  }
}

/**
 * A tenant's Kueue queues: a ClusterQueue with nominal quotas (CPU and memory on the compute flavor, GPUs per
 * pool offer, RDMA devices for pools on a fabric) in a cohort for borrowing, and a LocalQueue in each of the tenant's
 * namespaces that jobs name with the `kueue.x-k8s.io/queue-name` label. The GPU quotas of all queues together must fit
 * the pools' real capacity.
 */
export class TenantQueue extends Construct implements ITenantQueue {
  /**
   * A LocalQueue the cluster already has (its ClusterQueue managed elsewhere), for jobs of this app. Give the GPU
   * quotas its ClusterQueue holds to have jobs checked against them at synth time. Nothing is rendered.
   */
  public static fromQueueName(scope: Construct, id: string, props: TenantQueueLookupProps): ITenantQueue {
    return new ImportedTenantQueue(scope, id, props);
  }

  /** ClusterQueue and LocalQueue name. */
  public readonly queueName: string;
  /** Namespaces with a LocalQueue. */
  public readonly namespaceNames: string[];
  /** The GPU quotas. */
  public readonly gpuQuotas: GpuQuota[];
  /** The cohort, if any. */
  public readonly cohort?: IQueueCohort;
  /** The Kueue API the objects are written in. */
  public readonly kueueApi: KueueApi;

  constructor(scope: Construct, id: string, props: TenantQueueProps) {
    super(scope, id);
    if (!isDnsLabel(props.queueName)) invalid(this, `queueName ${JSON.stringify(props.queueName)} is not a DNS label`);
    if (props.namespaces.length === 0) invalid(this, 'a tenant queue needs at least one namespace to submit from');
    const cpuCores = checkCpu(this, 'cpuCores', props.cpuCores, true);
    const memory = gibQuantity(this, 'memoryGib', props.memoryGib, true);
    this.queueName = props.queueName;
    this.namespaceNames = props.namespaces.map((n) => n.namespaceName);
    this.gpuQuotas = [...props.gpuQuotas];
    this.cohort = props.cohort;
    this.kueueApi = props.kueueApi ?? KueueApi.V1BETA2;
    sameApi(this, this.kueueApi, [
      { name: `flavor ${props.computeFlavor.flavorName}`, kueueApi: props.computeFlavor.kueueApi },
      ...props.gpuQuotas.map((q) => ({ name: `flavor ${q.flavor.flavorName}`, kueueApi: q.flavor.kueueApi })),
      ...(props.cohort ? [{ name: `cohort ${props.cohort.cohortName}`, kueueApi: props.cohort.kueueApi }] : []),
    ]);
    checkQuotas(this, this.queueName, this.gpuQuotas, props.cohort);

    // RDMA devices of fabric-attached pools are covered on the compute flavor: every RDMA pod also holds a GPU unit,
    // so the GPU quotas (nominal + borrowing) bound them; Kueue refuses pods whose resources the queue does not cover.
    const rdma = new Map<string, number>();
    for (const q of props.gpuQuotas) {
      const att = q.flavor.pool.rdma;
      if (!att) continue;
      rdma.set(att.resourceName, (rdma.get(att.resourceName) ?? 0) + mostUnits(q, props.cohort) * att.resourcesPerPod);
    }
    const computeResources = [
      { name: 'cpu', nominalQuota: bindings.kueue().ClusterQueueSpecResourceGroupsFlavorsResourcesNominalQuota.fromNumber(cpuCores) },
      { name: 'memory', nominalQuota: bindings.kueue().ClusterQueueSpecResourceGroupsFlavorsResourcesNominalQuota.fromString(memory) },
      ...[...rdma.entries()].map(([name, n]) => ({
        name,
        nominalQuota: bindings.kueue().ClusterQueueSpecResourceGroupsFlavorsResourcesNominalQuota.fromNumber(n),
      })),
    ];
    // One resource group per GPU resource (a flavor and a resource may each be in one group only).
    const byResource = new Map<string, GpuQuota[]>();
    for (const q of props.gpuQuotas) byResource.set(q.flavor.resourceName, [...(byResource.get(q.flavor.resourceName) ?? []), q]);

    const clusterQueue = kueueObject(this, 'Resource', this.kueueApi, bindings.kueue().ClusterQueue, {
      metadata: { name: this.queueName },
      spec: {
        cohortName: props.cohort?.cohortName,
        namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: this.namespaceNames }] },
        queueingStrategy: bindings.kueue().ClusterQueueSpecQueueingStrategy.BEST_EFFORT_FIFO,
        preemption: props.cohort
          ? {
            reclaimWithinCohort: bindings.kueue().ClusterQueueSpecPreemptionReclaimWithinCohort.ANY,
            withinClusterQueue: bindings.kueue().ClusterQueueSpecPreemptionWithinClusterQueue.LOWER_PRIORITY,
          }
          : { withinClusterQueue: bindings.kueue().ClusterQueueSpecPreemptionWithinClusterQueue.LOWER_PRIORITY },
        resourceGroups: [
          { coveredResources: computeResources.map((r) => r.name), flavors: [{ name: props.computeFlavor.flavorName, resources: computeResources }] },
          ...[...byResource.entries()].map(([resource, quotas]) => ({
            coveredResources: [resource],
            flavors: quotas.map((q) => ({
              name: q.flavor.flavorName,
              resources: [{
                name: resource,
                nominalQuota: bindings.kueue().ClusterQueueSpecResourceGroupsFlavorsResourcesNominalQuota.fromNumber(q.nominal),
                borrowingLimit: q.borrowingLimit === undefined
                  ? undefined
                  : bindings.kueue().ClusterQueueSpecResourceGroupsFlavorsResourcesBorrowingLimit.fromNumber(q.borrowingLimit),
              }],
            })),
          })),
        ],
      },
    }, props.cohort ? { '/spec/cohortName': '/spec/cohort' } : {});
    clusterScoped(clusterQueue);

    for (const ns of props.namespaces) {
      kueueObject(this, `Local-${ns.namespaceName}`, this.kueueApi, bindings.kueue().LocalQueue, {
        metadata: { name: this.queueName, namespace: ns.namespaceName },
        spec: { clusterQueue: this.queueName },
      });
    }
  }

  /** The quota on a flavor, if the queue has one. */
  public quotaFor(flavor: IGpuResourceFlavor): GpuQuota | undefined {
    return this.gpuQuotas.find((q) => q.flavor === flavor);
  }

  /**
   * Most units of a flavor one admitted workload of this queue can hold: nominal plus what it may borrow; 0 without a
   * quota on the flavor (never `undefined`: this queue's quotas are known).
   */
  public maxUnits(flavor: IGpuResourceFlavor): number | undefined {
    const q = this.quotaFor(flavor);
    return q ? mostUnits(q, this.cohort) : 0;
  }
}
