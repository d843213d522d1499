import { GpuPartitioning } from '../constructs/accelerators/gpu-node-pool';
import { InfinibandRail } from '../constructs/accelerators/infiniband-fabric';
import { EgressRule } from '../constructs/cluster/tenant-namespace';
import { BaremetalNodeOptions } from '../constructs/compute/baremetal-node';
import { BaremetalNodeSpec } from '../constructs/compute/baremetal-node-pool';
import { BmcCredentials } from '../constructs/compute/bmc';
import { RoleGrant } from '../constructs/identity/role-assignments';
import { ProjectScope } from '../constructs/identity/tenant';
import { CallerPlan, GatewayAuthentication, GatewayImplementation, GatewayTls, TenantRateLimits } from '../constructs/ingress/options';
import { TenantNetworkProps } from '../constructs/network/tenant-network';
import { ModelSource, SecretKeyReference } from '../constructs/serving/model-source';
import { GpuPurchaseSpec } from '../lib/factory/factory-plan';
import { ServerProfile } from '../lib/hardware/server';
import { LlmModel } from '../lib/models/llm';
import { PhysicalNetwork } from '../lib/net/physical-network';
import { ObjectStorageService } from '../lib/storage/object-storage';
import { ShareType } from '../lib/storage/share-type';

/** Ironic enrollment of a bare-metal pool: its nodes and how Ironic manages them. */
export interface FactoryIronicEnrollment extends BaremetalNodeOptions {
  /** The servers, one entry per node (BMC address, MACs); the pool's server count is their number. */
  readonly nodes: BaremetalNodeSpec[];
  /**
   * BMC credentials of every node.
   * @default - two sensitive Terraform variables, `<pool>_bmc_username` and `<pool>_bmc_password`
   */
  readonly credentials?: BmcCredentials;
  /**
   * CA bundle on the conductors that signed the BMCs' certificates.
   * @default - the conductors' system CA store
   */
  readonly bmcCaCertificatePath?: string;
  /**
   * Traits the pool's bare-metal flavor requires (`trait:<T>=required`), e.g. `CUSTOM_IB_NDR`.
   * @default - none
   */
  readonly requiredTraits?: string[];
}

/** One pool of the factory's inventory. */
export interface FactoryPool {
  /** Pool name: a lower-case DNS label; it names the pool's flavors and the tenants' node groups on it. */
  readonly poolName: string;
  /** The server profile of every server of the pool. */
  readonly server: ServerProfile;
  /**
   * Hypervisors in the pool (Nova compute hosts with these servers).
   * @default - the number of `ironic.nodes` (a bare-metal pool); required for a hypervisor pool
   */
  readonly serverCount?: number;
  /**
   * Enroll the pool's servers in Ironic: tenants then get whole bare-metal servers.
   * @default - the servers are hypervisors
   */
  readonly ironic?: FactoryIronicEnrollment;
  /**
   * The servers' InfiniBand rails as the hosts name them (interface and HCA, in GPU order): a tenant node group on this
   * pool then joins the tenant's InfiniBand partition for GPUDirect RDMA.
   * @default - no RDMA for pods on this pool
   */
  readonly rdmaRails?: InfinibandRail[];
}

/** The site's networks. */
export interface FactoryNetworkSpec {
  /** Name of the existing external (provider) network tenants' routers connect to. */
  readonly externalNetworkName: string;
  /** The supernet tenants' address blocks are allocated from. */
  readonly tenantSupernet: string;
  /**
   * The site's physical networks (Ethernet VLAN physnets, InfiniBand rails).
   * @default - none: tenants get OVN overlay networks
   */
  readonly physicalNetworks?: PhysicalNetwork[];
  /**
   * MTU of the overlay's underlay.
   * @default 9000
   */
  readonly overlayUnderlayMtuBytes?: number;
  /**
   * Ranges inside the supernet that are not Neutron's (BMCs, storage).
   * @default - none
   */
  readonly reservedCidrs?: string[];
  /**
   * DNS servers of every tenant subnet.
   * @default - none
   */
  readonly dnsNameservers?: string[];
}

/** The site's storage offer. */
export interface FactoryStorageSpec {
  /**
   * Manila share types tenants' shares use; the first is the default.
   * @default - none: tenants cannot have shares
   */
  readonly shareTypes?: ShareType[];
  /**
   * The object store tenants' buckets live in.
   * @default - none: tenants cannot have buckets
   */
  readonly objectStorage?: ObjectStorageService;
  /**
   * Addresses the object store's S3 endpoint resolves to (the RGW or Swift VIP, e.g. `10.0.5.10/32`): a model that
   * streams its weights over S3 gets a NetworkPolicy egress rule to them on the endpoint's port (a NetworkPolicy
   * matches addresses, not names).
   * @default - none: a model with an S3 source needs its own `modelSourceEgress`
   */
  readonly objectStorageCidr?: string;
}

/** A flavor of the site that exists already, with the size quotas need. */
export interface FactoryServerFlavor {
  /** The Nova flavor name. */
  readonly flavorName: string;
  /** Its vCPUs. */
  readonly vcpus: number;
  /** Its RAM in MB. */
  readonly ramMb: number;
}

/** The Kubernetes offer of the site: Magnum (magnum-cluster-api) node images and a public cluster template. */
export interface FactoryKubernetesSpec {
  /** Kubernetes version of the images and clusters, e.g. `v1.33.12`. */
  readonly kubernetesVersion: string;
  /** URL of the magnum-cluster-api VM node image (qcow2). */
  readonly imageUrl: string;
  /**
   * URL of the bare-metal node image (`img_hv_type=baremetal`).
   * @default - no bare-metal image: bare-metal node groups are refused
   */
  readonly bareMetalImageUrl?: string;
  /** Flavor of the control plane VMs (an existing flavor). */
  readonly controlPlaneFlavor: FactoryServerFlavor;
  /** Flavor of the default (system) workers (an existing flavor). */
  readonly workerFlavor: FactoryServerFlavor;
  /**
   * Registry mirror the nodes pull from.
   * @default - the upstream registries
   */
  readonly containerRegistry?: string;
}

/** GPUs a tenant bought, and how the tenant's cluster uses them. */
export interface FactoryGpuPurchase extends GpuPurchaseSpec {
  /**
   * Make the purchase a node group of the tenant's cluster (whole GPUs only: passthrough or bare metal).
   * @default - true when the tenant has a cluster and the purchase gives whole GPUs
   */
  readonly nodeGroup?: boolean;
  /**
   * How the node group's GPUs are handed to pods (e.g. MIG for containers).
   * @default GpuPartitioning.wholeGpus()
   */
  readonly partitioning?: GpuPartitioning;
}

/** A tenant's share. */
export interface FactoryShare {
  /** Share name. */
  readonly shareName: string;
  /** Size in GB. */
  readonly sizeGb: number;
  /**
   * Share type.
   * @default - the site's first share type
   */
  readonly shareType?: ShareType;
  /**
   * cephx client that gets read-write access.
   * @default - none (grant later through `FactoryTenantParts.shares`)
   */
  readonly cephxClient?: string;
}

/** A tenant's bucket. */
export interface FactoryBucket {
  /** Bucket name. */
  readonly bucketName: string;
  /**
   * Keep object versions (where the object store supports it).
   * @default - the object store's default
   */
  readonly versioning?: boolean;
}

/** A tenant's Magnum cluster; its GPU node groups are the tenant's whole-GPU purchases. */
export interface FactoryClusterSpec {
  /**
   * Cluster name.
   * @default - the tenant name
   */
  readonly clusterName?: string;
  /**
   * Control plane VMs.
   * @default 3
   */
  readonly controlPlaneCount?: number;
  /**
   * Default (system) workers.
   * @default 2
   */
  readonly defaultWorkerCount?: number;
  /**
   * SSH public key for the nodes.
   * @default - none
   */
  readonly sshPublicKey?: string;
  /**
   * A Kueue ClusterQueue and LocalQueue for the tenant's batch jobs, with the node groups' GPUs as nominal quota.
   * @default false
   */
  readonly batchQueue?: boolean;
}

/** A model a tenant serves on its cluster. */
export interface FactoryModel {
  /** The model (the planner sizes it for the node group's GPUs). */
  readonly model: LlmModel;
  /** The purchase (node group) it runs on. */
  readonly nodeGroupName: string;
  /**
   * Context length.
   * @default - the model's maximum
   */
  readonly maxModelLen?: number;
  /**
   * Replicas.
   * @default 1
   */
  readonly replicas?: number;
  /**
   * Nodes one replica may span.
   * @default 1
   */
  readonly maxNodesPerReplica?: number;
  /**
   * Where the weights come from.
   * @default - the vLLM server's default
   */
  readonly modelSource?: ModelSource;
  /**
   * Where the model server may connect to fetch its weights, through the tenant namespace's default-deny egress
   * (one NetworkPolicy selecting only this server's pods). Give it for a mirror or a store the factory cannot derive.
   * @default - from the source: the Hugging Face Hub (HTTPS to public addresses), the site's object storage
   * (`storage.objectStorageCidr` on the S3 endpoint's port), nothing for a PersistentVolumeClaim (the node mounts it)
   */
  readonly modelSourceEgress?: EgressRule;
  /**
   * The API key clients must send.
   * @default - none
   */
  readonly apiKey?: SecretKeyReference;
  /**
   * The MIG profile one replica's pods request (the node group's partitioning must offer it).
   * @default - whole GPUs
   */
  readonly migProfile?: string;
  /**
   * Serve behind an llm-d InferencePool (Gateway API Inference Extension endpoint picker).
   * @default false
   */
  readonly inferencePool?: boolean;
  /**
   * Server name.
   * @default - derived from the model
   */
  readonly serverName?: string;
  /**
   * Name clients put in the `model` field (`--served-model-name`); an AI gateway that routes by the body's `model`
   * needs it to be the name the gateway knows the model by.
   * @default - the model's Hugging Face id
   */
  readonly servedModelName?: string;
}

/**
 * A tenant's models behind an AI gateway on its cluster (`AiGateway`): one HTTPS listener on the tenant's hostname,
 * its callers' authentication and limits, a route to every model served behind an InferencePool.
 */
export interface FactoryGatewaySpec {
  /**
   * Which implementation renders the gateway.
   * @default GatewayImplementation.envoyAiGateway()
   */
  readonly implementation?: GatewayImplementation;
  /** The tenant's hostname, e.g. `voice.ai.example.net`. */
  readonly hostname: string;
  /** The listener's certificate: a cert-manager issuer, a private CA, or an existing Secret. */
  readonly tls: GatewayTls;
  /** How callers authenticate (API keys or JWT). */
  readonly authentication: GatewayAuthentication;
  /** Requests and LLM tokens the tenant may send. */
  readonly limits: TenantRateLimits;
  /**
   * Plans for groups of callers (tiers), each with its own limits.
   * @default - every caller shares `limits`
   */
  readonly plans?: CallerPlan[];
  /**
   * Namespace of the gateway's own objects (the Gateway, certificates); created with them.
   * @default 'ai-gateway'
   */
  readonly gatewayNamespaceName?: string;
  /**
   * Namespace of the Prometheus that scrapes the model servers (admitted to their metrics port).
   * @default - none admitted (synth warns)
   */
  readonly monitoringNamespaceName?: string;
}

/** A tenant: what it bought and what it runs. */
export interface FactoryTenantSpec {
  /** Tenant name: a lower-case DNS label; project, namespace and stack names derive from it. */
  readonly tenantName: string;
  /** The clouds.yaml entry scoped to the tenant's project and its user (volumes, shares, clusters are created with it). */
  readonly projectScope: ProjectScope;
  /**
   * Project description.
   * @default - none
   */
  readonly description?: string;
  /**
   * Users and groups with roles on the project.
   * @default - none
   */
  readonly members?: RoleGrant[];
  /**
   * The GPUs the tenant bought.
   * @default - none
   */
  readonly gpus?: FactoryGpuPurchase[];
  /**
   * Headroom on the tenant's derived quotas but GPUs, in percent (GPU limits are exactly what it bought).
   * @default 10
   */
  readonly headroomPercent?: number;
  /**
   * The tenant's network (its CIDR, and VLAN on a physnet, come from the site's allocators).
   * @default - one routed overlay network from the tenant's block
   */
  readonly network?: TenantNetworkProps;
  /**
   * Give the tenant an InfiniBand partition across the site's InfiniBand rails (one network per rail, one pkey).
   * @default false
   */
  readonly infiniBand?: boolean;
  /**
   * Shares.
   * @default - none
   */
  readonly shares?: FactoryShare[];
  /**
   * Buckets.
   * @default - none
   */
  readonly buckets?: FactoryBucket[];
  /**
   * A Magnum cluster whose GPU node groups are the tenant's whole-GPU purchases.
   * @default - no cluster
   */
  readonly cluster?: FactoryClusterSpec;
  /**
   * Models served on the cluster.
   * @default - none
   */
  readonly models?: FactoryModel[];
  /**
   * Expose the models served behind an InferencePool through an AI gateway on the tenant's cluster; a model without
   * `servedModelName` is then served (and routed) under its pool's name.
   * @default - no gateway: reach the models inside the cluster, or add an `AiGateway` through `AiFactory.tenant()`
   */
  readonly gateway?: FactoryGatewaySpec;
}
