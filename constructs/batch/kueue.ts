import { ApiObject, JsonPatch } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { ClusterQueue, ClusterQueueSpecPreemptionReclaimWithinCohort, ClusterQueueSpecPreemptionWithinClusterQueue, ClusterQueueSpecQueueingStrategy, ClusterQueueSpecResourceGroupsFlavorsResourcesBorrowingLimit, ClusterQueueSpecResourceGroupsFlavorsResourcesNominalQuota, Cohort, LocalQueue, ResourceFlavor } from '../../generated/k8s/kueue';
import { GpuOffer, IGpuNodePool } from '../accelerators/gpu-node-pool';
import { offerCapacity, selectOffer } from '../accelerators/k8s-util';
import { ITenantNamespace } from '../cluster/tenant-namespace';
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

/** Units of each (pool, resource) already given out as nominal quota, and the flavor that stands for it. */
const ledger = new WeakMap<IGpuNodePool, Map<string, { flavor: GpuResourceFlavor; nominal: number }>>();

/**
 * A Kueue ResourceFlavor for one GPU offer of one pool (a GPU model as whole GPUs, one MIG profile, or shared
 * replicas): its node labels are the pool's selector, so Kueue steers admitted pods onto the pool, and its tolerations
 * are the pool's, which Kueue adds to admitted pods. Quotas on it are checked against the pool's real capacity.
 */
export class GpuResourceFlavor extends Construct {
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
    this.offer = guard(this, () => selectOffer(pool, props.migProfile));
    this.resourceName = this.offer.resourceName;
    this.capacity = offerCapacity(pool, this.offer);
    const suffix = this.offer.migProfile ? `mig-${this.offer.migProfile.replace('+', '.')}` : this.offer.shared ? 'gpu-shared' : 'gpu';
    this.flavorName = props.flavorName ?? `${pool.poolName}-${suffix}`;
    if (!isDnsSubdomain(this.flavorName)) {
      invalid(this, `flavorName ${JSON.stringify(this.flavorName)} is not a DNS subdomain`);
    }
    let byResource = ledger.get(pool);
    if (!byResource) ledger.set(pool, (byResource = new Map()));
    const existing = byResource.get(this.resourceName);
    if (existing) {
      invalid(this, `${this.resourceName} of pool ${pool.poolName} already has the flavor ${existing.flavor.flavorName}; quotas on two flavors for the same GPUs would double-count them, reuse that flavor`);
    }
    byResource.set(this.resourceName, { flavor: this, nominal: 0 });

    this.kueueApi = props.kueueApi ?? KueueApi.V1BETA2;
    const flavor = kueueObject(this, 'Resource', this.kueueApi, ResourceFlavor, {
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
    return ledger.get(this.pool)!.get(this.resourceName)!.nominal;
  }

  /** @internal records `nominal` units given to `queue`; throws when the pool's capacity would be exceeded. */
  public _reserve(queue: IConstruct, queueName: string, nominal: number): void {
    const entry = ledger.get(this.pool)!.get(this.resourceName)!;
    const total = entry.nominal + nominal;
    if (total > this.capacity) {
      invalid(queue,
        `nominal quota ${nominal} ${this.resourceName} on flavor ${this.flavorName} for queue ${queueName} brings the total across queues to ${total}, ` +
        `more than the ${this.capacity} pool ${this.pool.poolName} has (${this.offer.countPerNode} per node x ${this.pool.maxNodeCount} nodes); ` +
        'lower the quotas (queues borrow unused quota through their cohort) or grow the pool');
    }
    entry.nominal = total;
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

/**
 * The Kueue ResourceFlavor for CPU, memory and RDMA device quotas: no node labels, so it fits pods on any pool (their
 * GPU flavor decides where they land).
 */
export class ComputeResourceFlavor extends Construct {
  /** ResourceFlavor name. */
  public readonly flavorName: string;
  /** The Kueue API the objects are written in. */
  public readonly kueueApi: KueueApi;

  constructor(scope: Construct, id: string, props: ComputeResourceFlavorProps = {}) {
    super(scope, id);
    this.flavorName = props.flavorName ?? 'default-flavor';
    if (!isDnsSubdomain(this.flavorName)) invalid(this, `flavorName ${JSON.stringify(this.flavorName)} is not a DNS subdomain`);
    this.kueueApi = props.kueueApi ?? KueueApi.V1BETA2;
    const flavor = kueueObject(this, 'Resource', this.kueueApi, ResourceFlavor, { metadata: { name: this.flavorName } });
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

/** A Kueue Cohort: ClusterQueues in it lend unused quota to each other and borrow from each other. */
export class QueueCohort extends Construct {
  /** Cohort name. */
  public readonly cohortName: string;
  /** The Kueue API the objects are written in. */
  public readonly kueueApi: KueueApi;

  constructor(scope: Construct, id: string, props: QueueCohortProps) {
    super(scope, id);
    if (!isDnsSubdomain(props.cohortName)) invalid(this, `cohortName ${JSON.stringify(props.cohortName)} is not a DNS subdomain`);
    this.cohortName = props.cohortName;
    this.kueueApi = props.kueueApi ?? KueueApi.V1BETA2;
    const cohort = kueueObject(this, 'Resource', this.kueueApi, Cohort, { metadata: { name: this.cohortName } });
    clusterScoped(cohort);
  }
}

/** A GPU quota of a tenant queue on one flavor. */
export interface GpuQuota {
  /** The flavor (pool offer) the quota is on. */
  readonly flavor: GpuResourceFlavor;
  /** Units guaranteed to the queue. */
  readonly nominal: number;
  /**
   * Most units the queue may borrow from its cohort beyond `nominal`.
   * @default - no limit when the queue is in a cohort
   */
  readonly borrowingLimit?: number;
}

/** Props of {@link TenantQueue}. */
export interface TenantQueueProps {
  /** Name of the ClusterQueue and of the LocalQueue in each namespace. */
  readonly queueName: string;
  /** The tenant's namespaces; each gets a LocalQueue and may submit to the ClusterQueue. */
  readonly namespaces: ITenantNamespace[];
  /** The flavor CPU, memory and RDMA quotas are on. */
  readonly computeFlavor: ComputeResourceFlavor;
  /** CPU cores guaranteed to the queue. */
  readonly cpuCores: number;
  /** Memory guaranteed to the queue, in GiB. */
  readonly memoryGib: number;
  /** GPU quotas, one per flavor. */
  readonly gpuQuotas: GpuQuota[];
  /**
   * Cohort to lend and borrow quota in.
   * @default - no borrowing
   */
  readonly cohort?: QueueCohort;
  /**
   * The Kueue API the cluster serves.
   * @default KueueApi.V1BETA2
   */
  readonly kueueApi?: KueueApi;
}

/**
 * A tenant's Kueue queues: a ClusterQueue with nominal quotas (CPU and memory on the compute flavor, GPUs per
 * pool offer, RDMA devices for pools on a fabric) in a cohort for borrowing, and a LocalQueue in each of the tenant's
 * namespaces that jobs name with the `kueue.x-k8s.io/queue-name` label. The GPU quotas of all queues together must fit
 * the pools' real capacity.
 */
export class TenantQueue extends Construct {
  /** ClusterQueue and LocalQueue name. */
  public readonly queueName: string;
  /** Namespaces with a LocalQueue. */
  public readonly namespaceNames: string[];
  /** The GPU quotas. */
  public readonly gpuQuotas: GpuQuota[];
  /** The cohort, if any. */
  public readonly cohort?: QueueCohort;
  /** The Kueue API the objects are written in. */
  public readonly kueueApi: KueueApi;

  constructor(scope: Construct, id: string, props: TenantQueueProps) {
    super(scope, id);
    if (!isDnsLabel(props.queueName)) invalid(this, `queueName ${JSON.stringify(props.queueName)} is not a DNS label`);
    if (props.namespaces.length === 0) invalid(this, 'a tenant queue needs at least one namespace to submit from');
    for (const [name, value] of [['cpuCores', props.cpuCores], ['memoryGib', props.memoryGib]] as const) {
      if (!(value >= 0)) invalid(this, `${name} ${value} must be zero or more`);
    }
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

    const seen = new Set<GpuResourceFlavor>();
    for (const q of props.gpuQuotas) {
      if (seen.has(q.flavor)) invalid(this, `flavor ${q.flavor.flavorName} has two quotas; give it one`);
      seen.add(q.flavor);
      if (!Number.isInteger(q.nominal) || q.nominal < 0) invalid(this, `nominal quota ${q.nominal} on flavor ${q.flavor.flavorName} must be a non-negative integer`);
      if (q.borrowingLimit !== undefined) {
        if (!props.cohort) invalid(this, `borrowingLimit on flavor ${q.flavor.flavorName} needs a cohort to borrow from; set cohort or drop the limit`);
        if (!Number.isInteger(q.borrowingLimit) || q.borrowingLimit < 0) invalid(this, `borrowingLimit ${q.borrowingLimit} must be a non-negative integer`);
      }
      q.flavor._reserve(this, this.queueName, q.nominal);
    }

    // RDMA devices of fabric-attached pools are covered on the compute flavor: every RDMA pod also holds a GPU unit,
    // so the GPU quotas (nominal + borrowing) bound them; Kueue refuses pods whose resources the queue does not cover.
    const rdma = new Map<string, number>();
    for (const q of props.gpuQuotas) {
      const att = q.flavor.pool.rdma;
      if (!att) continue;
      const most = q.nominal + (q.borrowingLimit ?? (props.cohort ? q.flavor.capacity - q.nominal : 0));
      rdma.set(att.resourceName, (rdma.get(att.resourceName) ?? 0) + most * att.resourcesPerPod);
    }
    const computeResources = [
      { name: 'cpu', nominalQuota: ClusterQueueSpecResourceGroupsFlavorsResourcesNominalQuota.fromNumber(props.cpuCores) },
      { name: 'memory', nominalQuota: ClusterQueueSpecResourceGroupsFlavorsResourcesNominalQuota.fromString(`${props.memoryGib}Gi`) },
      ...[...rdma.entries()].map(([name, n]) => ({ name, nominalQuota: ClusterQueueSpecResourceGroupsFlavorsResourcesNominalQuota.fromNumber(n) })),
    ];
    // One resource group per GPU resource (a flavor and a resource may each be in one group only).
    const byResource = new Map<string, GpuQuota[]>();
    for (const q of props.gpuQuotas) byResource.set(q.flavor.resourceName, [...(byResource.get(q.flavor.resourceName) ?? []), q]);

    const clusterQueue = kueueObject(this, 'Resource', this.kueueApi, ClusterQueue, {
      metadata: { name: this.queueName },
      spec: {
        cohortName: props.cohort?.cohortName,
        namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: this.namespaceNames }] },
        queueingStrategy: ClusterQueueSpecQueueingStrategy.BEST_EFFORT_FIFO,
        preemption: props.cohort
          ? {
            reclaimWithinCohort: ClusterQueueSpecPreemptionReclaimWithinCohort.ANY,
            withinClusterQueue: ClusterQueueSpecPreemptionWithinClusterQueue.LOWER_PRIORITY,
          }
          : { withinClusterQueue: ClusterQueueSpecPreemptionWithinClusterQueue.LOWER_PRIORITY },
        resourceGroups: [
          { coveredResources: computeResources.map((r) => r.name), flavors: [{ name: props.computeFlavor.flavorName, resources: computeResources }] },
          ...[...byResource.entries()].map(([resource, quotas]) => ({
            coveredResources: [resource],
            flavors: quotas.map((q) => ({
              name: q.flavor.flavorName,
              resources: [{
                name: resource,
                nominalQuota: ClusterQueueSpecResourceGroupsFlavorsResourcesNominalQuota.fromNumber(q.nominal),
                borrowingLimit: q.borrowingLimit === undefined
                  ? undefined
                  : ClusterQueueSpecResourceGroupsFlavorsResourcesBorrowingLimit.fromNumber(q.borrowingLimit),
              }],
            })),
          })),
        ],
      },
    }, props.cohort ? { '/spec/cohortName': '/spec/cohort' } : {});
    clusterScoped(clusterQueue);

    for (const ns of props.namespaces) {
      kueueObject(this, `Local-${ns.namespaceName}`, this.kueueApi, LocalQueue, {
        metadata: { name: this.queueName, namespace: ns.namespaceName },
        spec: { clusterQueue: this.queueName },
      });
    }
  }

  /** The quota on a flavor, if the queue has one. */
  public quotaFor(flavor: GpuResourceFlavor): GpuQuota | undefined {
    return this.gpuQuotas.find((q) => q.flavor === flavor);
  }

  /** Most units of a flavor one admitted workload of this queue can hold: nominal plus what it may borrow. */
  public maxUnits(flavor: GpuResourceFlavor): number {
    const q = this.quotaFor(flavor);
    if (!q) return 0;
    return q.nominal + (q.borrowingLimit ?? (this.cohort ? flavor.capacity - q.nominal : 0));
  }
}
