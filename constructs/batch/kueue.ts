import { Construct, IConstruct } from 'constructs';
import { ClusterQueue, ClusterQueueSpecPreemptionReclaimWithinCohort, ClusterQueueSpecPreemptionWithinClusterQueue, ClusterQueueSpecQueueingStrategy, ClusterQueueSpecResourceGroupsFlavorsResourcesBorrowingLimit, ClusterQueueSpecResourceGroupsFlavorsResourcesNominalQuota, Cohort, LocalQueue, ResourceFlavor } from '../../generated/k8s/kueue';
import { GpuOffer, IGpuNodePool } from '../accelerators/gpu-node-pool';
import { offerCapacity, selectOffer } from '../accelerators/k8s-util';
import { ITenantNamespace } from '../cluster/tenant-namespace';
import { clusterScoped, isDnsLabel, isDnsSubdomain } from '../common/k8s';
import { guard, invalid } from '../common/validation';


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

    clusterScoped(new ResourceFlavor(this, 'Resource', {
      metadata: { name: this.flavorName, labels: { 'ai-factory.dev/gpu-pool': pool.poolName } },
      spec: {
        nodeLabels: { ...pool.nodeSelector },
        tolerations: pool.tolerations.map((t) => ({
          key: t.key, operator: t.operator, value: t.value, effect: t.effect, tolerationSeconds: t.tolerationSeconds,
        })),
      },
    }));
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
}

/**
 * The Kueue ResourceFlavor for CPU, memory and RDMA device quotas: no node labels, so it fits pods on any pool (their
 * GPU flavor decides where they land).
 */
export class ComputeResourceFlavor extends Construct {
  /** ResourceFlavor name. */
  public readonly flavorName: string;

  constructor(scope: Construct, id: string, props: ComputeResourceFlavorProps = {}) {
    super(scope, id);
    this.flavorName = props.flavorName ?? 'default-flavor';
    if (!isDnsSubdomain(this.flavorName)) invalid(this, `flavorName ${JSON.stringify(this.flavorName)} is not a DNS subdomain`);
    clusterScoped(new ResourceFlavor(this, 'Resource', { metadata: { name: this.flavorName } }));
  }
}

/** Props of {@link QueueCohort}. */
export interface QueueCohortProps {
  /** Cohort name. */
  readonly cohortName: string;
}

/** A Kueue Cohort: ClusterQueues in it lend unused quota to each other and borrow from each other. */
export class QueueCohort extends Construct {
  /** Cohort name. */
  public readonly cohortName: string;

  constructor(scope: Construct, id: string, props: QueueCohortProps) {
    super(scope, id);
    if (!isDnsSubdomain(props.cohortName)) invalid(this, `cohortName ${JSON.stringify(props.cohortName)} is not a DNS subdomain`);
    this.cohortName = props.cohortName;
    clusterScoped(new Cohort(this, 'Resource', { metadata: { name: this.cohortName } }));
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

    clusterScoped(new ClusterQueue(this, 'Resource', {
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
    }));

    for (const ns of props.namespaces) {
      new LocalQueue(this, `Local-${ns.namespaceName}`, {
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
