import * as cdk8s from 'cdk8s';
import { FactoryStack } from './factory-stack';
import { FactoryTenant } from './factory-tenant';
import { GpuNodePool } from '../constructs/accelerators/gpu-node-pool';
import { GpuResourceFlavor, TenantQueue } from '../constructs/batch/kueue';
import { ClusterManifests } from '../constructs/cluster/cluster-manifests';
import { MagnumCluster } from '../constructs/cluster/magnum-cluster';
import { TenantCloud } from '../constructs/cluster/tenant-cloud';
import { TenantNamespace } from '../constructs/cluster/tenant-namespace';
import { AiGateway } from '../constructs/ingress/ai-gateway';
import { InfiniBandRails } from '../constructs/network/infiniband-network';
import { TenantNetwork } from '../constructs/network/tenant-network';
import { InferencePool } from '../constructs/serving/inference-pool';
import { VllmServer } from '../constructs/serving/vllm-server';
import { Bucket } from '../constructs/storage/bucket';
import { Share } from '../constructs/storage/share';
import { fail } from '../lib/errors';

/** What {@link FactoryTenantParts} is built from. */
export interface FactoryTenantPartsProps {
  /** The tenant's name. */
  readonly tenantName: string;
  /** The tenant's stack. */
  readonly stack: FactoryStack;
  /** The tenant (project, members, quotas; its namespaces and queues). */
  readonly tenant: FactoryTenant;
  /** The tenant's network. */
  readonly network: TenantNetwork;
  /**
   * The tenant's InfiniBand partition.
   * @default - none
   */
  readonly infiniBand?: InfiniBandRails;
  /** The tenant's shares. */
  readonly shares: Share[];
  /** The tenant's buckets. */
  readonly buckets: Bucket[];
}

/** The cluster side of a tenant (module-private). */
interface FactoryClusterParts {
  readonly cluster: MagnumCluster;
  readonly credentials: TenantCloud;
  readonly workloadsStack: FactoryStack;
  readonly manifests: ClusterManifests;
  readonly kubernetesApp: cdk8s.App;
  readonly clusterChart: cdk8s.Chart;
  readonly servingChart: cdk8s.Chart;
  readonly nodePools: GpuNodePool[];
  readonly namespace: TenantNamespace;
  readonly queue?: TenantQueue;
  readonly gpuFlavors: GpuResourceFlavor[];
  readonly servers: VllmServer[];
  readonly inferencePools: InferencePool[];
  readonly gateway?: AiGateway;
}

/**
 * One tenant of an {@link AiFactory}, as ordinary constructs: the way down to the lower-level API (add a volume to
 * the tenant's stack, a batch job to its cluster chart, an AI gateway route to its InferencePools).
 */
export class FactoryTenantParts {
  /** The tenant's name. */
  public readonly tenantName: string;
  /** The tenant's stack. */
  public readonly stack: FactoryStack;
  /** The tenant: project, members, quotas and GPU limits, and its namespace and queue on its cluster. */
  public readonly tenant: FactoryTenant;
  /** The tenant's network. */
  public readonly network: TenantNetwork;
  /** The tenant's InfiniBand partition, when it has one. */
  public readonly infiniBand?: InfiniBandRails;
  /** The tenant's shares. */
  public readonly shares: Share[];
  /** The tenant's buckets. */
  public readonly buckets: Bucket[];
  private clusterParts?: FactoryClusterParts;

  constructor(props: FactoryTenantPartsProps) {
    this.tenantName = props.tenantName;
    this.stack = props.stack;
    this.tenant = props.tenant;
    this.network = props.network;
    this.infiniBand = props.infiniBand;
    this.shares = [...props.shares];
    this.buckets = [...props.buckets];
  }

  /** The tenant's Magnum cluster, when it has one. */
  public get cluster(): MagnumCluster | undefined {
    return this.clusterParts?.cluster;
  }

  /** The stack that applies the cluster side through `ClusterManifests`, when the tenant has a cluster. */
  public get workloadsStack(): FactoryStack | undefined {
    return this.clusterParts?.workloadsStack;
  }

  /** The `ClusterManifests` of the workloads stack (add the tenant's model stores to it). */
  public get manifests(): ClusterManifests | undefined {
    return this.clusterParts?.manifests;
  }

  /** The cdk8s app of the tenant's cluster side. */
  public get kubernetesApp(): cdk8s.App | undefined {
    return this.clusterParts?.kubernetesApp;
  }

  /** The chart of cluster-wide objects: node pools, GPU Operator policy, node labeler, namespace, queue. */
  public get clusterChart(): cdk8s.Chart | undefined {
    return this.clusterParts?.clusterChart;
  }

  /** The chart of the model servers, in the tenant's namespace: add routes, jobs or gateways here. */
  public get servingChart(): cdk8s.Chart | undefined {
    return this.clusterParts?.servingChart;
  }

  /** The node pools, one per node group, derived from the purchases. */
  public get nodePools(): GpuNodePool[] {
    return [...(this.clusterParts?.nodePools ?? [])];
  }

  /** The tenant's namespace. */
  public get namespace(): TenantNamespace | undefined {
    return this.clusterParts?.namespace;
  }

  /** The tenant's Kueue queue, when `batchQueue` is on. */
  public get queue(): TenantQueue | undefined {
    return this.clusterParts?.queue;
  }

  /** The Kueue resource flavors of the queue, one per node pool and GPU unit. */
  public get gpuFlavors(): GpuResourceFlavor[] {
    return [...(this.clusterParts?.gpuFlavors ?? [])];
  }

  /** The model servers. */
  public get servers(): VllmServer[] {
    return [...(this.clusterParts?.servers ?? [])];
  }

  /** The InferencePools in front of the model servers (the endpoints an AI gateway routes to). */
  public get inferencePools(): InferencePool[] {
    return [...(this.clusterParts?.inferencePools ?? [])];
  }

  /** The AI gateway in front of the tenant's InferencePools, when the description gives one. */
  public get gateway(): AiGateway | undefined {
    return this.clusterParts?.gateway;
  }

  /** The node pool of a node group (a purchase name). */
  public nodePool(nodeGroupName: string): GpuNodePool {
    const pool = this.nodePools.find((p) => p.poolName === nodeGroupName);
    if (!pool) fail(`tenant ${this.tenantName} has no node group ${nodeGroupName}; it has ${this.nodePools.map((p) => p.poolName).join(', ') || 'none'}`);
    return pool;
  }

  /** The Kueue flavor of a node group's GPUs (or one MIG profile of them). */
  public gpuFlavor(nodeGroupName: string, migProfile?: string): GpuResourceFlavor {
    const flavor = this.gpuFlavors.find((f) => f.pool.poolName === nodeGroupName && f.offer.migProfile === migProfile);
    if (!flavor) {
      fail(`tenant ${this.tenantName} has no Kueue flavor for node group ${nodeGroupName}${migProfile ? ` and MIG profile ${migProfile}` : ''}; ` +
        'set cluster.batchQueue and check the node group\'s partitioning');
    }
    return flavor;
  }

  /** @internal */
  public _attachCluster(parts: FactoryClusterParts): void {
    this.clusterParts = parts;
  }
}
