import { Chart } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { Tenant, TenantProps } from './tenant';
import { ComputeResourceFlavor, GpuQuota, QueueCohort, TenantQueue } from '../constructs/batch/kueue';
import { ITenantNamespace, TenantNamespace, TenantNamespaceProps } from '../constructs/cluster/tenant-namespace';
import { isDnsLabel } from '../constructs/common/k8s';
import { Registry } from '../constructs/common/registry';
import { invalid } from '../constructs/common/validation';
import { childId } from '../lib/tenancy/construct-id';

/** Props of {@link FactoryTenant}. */
export interface FactoryTenantProps extends TenantProps {
  /**
   * The tenant's name on the Kubernetes side: the `ai-factory.dev/tenant` label of its namespaces and the default
   * name of its Kueue queue. A DNS label.
   * @default - the project name, lower-cased, with every run of characters other than letters, digits and `-` replaced by `-`
   */
  readonly tenantName?: string;
}

/** Options of {@link FactoryTenant.addQueue}: the props of `TenantQueue`, with the tenant's defaults. */
export interface FactoryTenantQueueOptions {
  /**
   * Name of the ClusterQueue and of the LocalQueue in each namespace.
   * @default - the tenant name
   */
  readonly queueName?: string;
  /**
   * The tenant's namespaces that submit to the queue; each must be one of this tenant's.
   * @default - every namespace of the tenant in the queue's cdk8s app (cluster)
   */
  readonly namespaces?: ITenantNamespace[];
  /** The flavor CPU, memory and RDMA quotas are on. */
  readonly computeFlavor: ComputeResourceFlavor;
  /** CPU cores guaranteed to the queue. */
  readonly cpuCores: number;
  /** Memory guaranteed to the queue, in GiB. */
  readonly memoryGib: number;
  /**
   * GPU quotas, one per flavor.
   * @default - no GPUs
   */
  readonly gpuQuotas?: GpuQuota[];
  /**
   * Cohort to lend and borrow quota in.
   * @default - no borrowing
   */
  readonly cohort?: QueueCohort;
}

const NAMESPACE_CLAIM = 'kubernetes-namespace';

/**
 * A tenant of the AI factory on both sides: everything {@link Tenant} is on the OpenStack side (project, members,
 * quotas, networks and InfiniBand rails, application credentials, the project-scoped provider; the same construct
 * ids, so a `Tenant` that becomes a `FactoryTenant` keeps its Terraform addresses), plus its namespaces and Kueue
 * queues on each cluster it uses. A namespace is defined once, here, with the tenant's label; serving and batch charts
 * reuse it (`new ServingChart(app, id, { tenantNamespace })`, `new BatchChart(app, id, { tenantNamespace })`) instead of
 * emitting their own.
 */
export class FactoryTenant extends Tenant {
  /** The tenant's name on the Kubernetes side (label `ai-factory.dev/tenant`). */
  public readonly tenantName: string;
  private readonly tenantNamespaces: TenantNamespace[] = [];

  constructor(scope: Construct, id: string, props: FactoryTenantProps) {
    super(scope, id, props);
    const name = props.tenantName ?? props.projectName.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
    if (!isDnsLabel(name)) {
      const given = props.tenantName !== undefined ? `tenantName ${JSON.stringify(name)}` : `the tenant name ${JSON.stringify(name)} derived from project name ${JSON.stringify(props.projectName)}`;
      invalid(this, `${given} is not a DNS label (1 to 63 lower-case letters, digits and dashes, starting and ending with a letter or digit); give tenantName`);
    }
    this.tenantName = name;
  }

  /** The tenant's namespaces, on every cluster. */
  public get namespaces(): ITenantNamespace[] {
    return [...this.tenantNamespaces];
  }

  /**
   * Adds the tenant's namespace to a chart of a cluster's cdk8s app: a {@link TenantNamespace} labelled with the
   * tenant's name (its construct id is the namespace name). A namespace name is used once per cdk8s app.
   * @param chart the chart (or a construct in it) of the cluster the namespace lives on
   */
  public addNamespace(chart: Construct, props: TenantNamespaceProps): TenantNamespace {
    if (!chart.node.scopes.some((s) => Chart.isChart(s))) {
      invalid(this, `namespace ${props.namespaceName} must be added to a cdk8s chart, not to ${chart.node.path || 'the app root'}; pass a Chart of the cluster's cdk8s app`);
    }
    if (!isDnsLabel(props.namespaceName)) {
      invalid(this, `namespaceName ${JSON.stringify(props.namespaceName)} is not a DNS label (1 to 63 lower-case letters, digits and dashes, starting and ending with a letter or digit); rename the namespace`);
    }
    if (props.tenantName !== undefined && props.tenantName !== this.tenantName) {
      invalid(this, `namespace ${props.namespaceName} names tenant ${props.tenantName}; the namespaces of tenant ${this.tenantName} carry its name, leave tenantName out`);
    }
    const earlierChild = chart.node.tryFindChild(childId(props.namespaceName));
    if (earlierChild) {
      invalid(this, `namespace ${props.namespaceName} is already a construct in ${chart.node.path} (${earlierChild.node.path}); a namespace is defined once, reuse it or pick another name`);
    }
    const ns = new TenantNamespace(chart, childId(props.namespaceName), { ...props, tenantName: this.tenantName });
    const earlier = Registry.ofApp(chart).claim(NAMESPACE_CLAIM, ns.namespaceName, ns);
    if (earlier) {
      invalid(this, `namespace ${ns.namespaceName} is already defined in this cluster's app by ${earlier.label}; a namespace is defined once, reuse it or pick another name`);
    }
    this.tenantNamespaces.push(ns);
    return ns;
  }

  /**
   * Adds the tenant's Kueue queue on a cluster: a {@link TenantQueue} named after the tenant whose LocalQueues are in
   * the tenant's namespaces of that cluster.
   * @param scope the chart (or a construct in it) the queue is created in
   */
  public addQueue(scope: Construct, id: string, options: FactoryTenantQueueOptions): TenantQueue {
    const namespaces = options.namespaces ?? this.tenantNamespaces.filter((n) => n.node.root === scope.node.root);
    for (const ns of namespaces) {
      if (!this.owns(ns)) {
        invalid(this, `queue ${id} names namespace ${ns.namespaceName} of tenant ${ns.tenantName}; a tenant's queue serves only its own namespaces (${this.namespaceList(scope)})`);
      }
      if (ns.node.root !== scope.node.root) {
        invalid(this, `queue ${id} names namespace ${ns.namespaceName}, which is on another cluster (another cdk8s app); create the queue on the namespace's cluster`);
      }
    }
    if (namespaces.length === 0) {
      invalid(this, `queue ${id} has no namespace of tenant ${this.tenantName} on its cluster to submit from; add one first with addNamespace(chart, ...)`);
    }
    return new TenantQueue(scope, id, {
      queueName: options.queueName ?? this.tenantName,
      namespaces,
      computeFlavor: options.computeFlavor,
      cpuCores: options.cpuCores,
      memoryGib: options.memoryGib,
      gpuQuotas: options.gpuQuotas ?? [],
      cohort: options.cohort,
    });
  }

  private owns(ns: IConstruct): boolean {
    return this.tenantNamespaces.some((n) => n === ns);
  }

  private namespaceList(scope: IConstruct): string {
    const names = this.tenantNamespaces.filter((n) => n.node.root === scope.node.root).map((n) => n.namespaceName);
    return names.length > 0 ? names.join(', ') : 'none on this cluster yet';
  }
}
