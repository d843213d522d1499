import { Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { IClusterImage } from './cluster-image';
import { checkImageVisible, BootVolume, IClusterTemplate } from './cluster-template';
import { checkExtraLabels, sortedLabels } from './magnum-labels';
import { providerFor, TenantCloud } from './tenant-cloud';
import type { ContainerinfraNodegroupV1 } from '../../generated/terraform/openstack/containerinfra-nodegroup-v1';
import { GpuAttachmentKind } from '../../lib/hardware/gpu-attachment';
import { NetworkAdapterKind } from '../../lib/hardware/server';
import { IGpuNodePool, NodeTaint } from '../accelerators/gpu-node-pool';
import { bindings } from '../common/bindings';
import { TenantUsage } from '../common/tenant-usage';
import { guard, invalid } from '../common/validation';
import { warn } from '../common/warnings';
import { IGpuFlavor } from '../compute/gpu-flavor';

/** The Kubernetes node label magnum-cluster-api puts on every node of a node group (resources.py; getting-started.md). */
export const NODE_GROUP_LABEL = 'node.cluster.x-k8s.io/nodegroup';

/** The role label prefix magnum-cluster-api sets from the node group's role (`node-role.kubernetes.io/<role>=""`). */
const ROLE_LABEL_PREFIX = 'node-role.kubernetes.io/';

/** Node group names Magnum gives the groups it creates with the cluster. */
const RESERVED_NODE_GROUP_NAMES = ['default-master', 'default-worker'];

/** The parts of a Magnum cluster a node group needs. */
export interface IMagnumCluster extends IConstruct {
  /** Cluster id (a Terraform reference). */
  readonly clusterId: string;
  /** Cluster name. */
  readonly clusterName: string;
  /** The cluster's template. */
  readonly template: IClusterTemplate;
  /** Kubernetes version of every node (`kube_tag`). */
  readonly kubernetesVersion: string;
  /** Whether the cluster autoscaler runs (label `auto_scaling_enabled`). */
  readonly autoScaling: boolean;
  /**
   * The credentials that own the cluster.
   * @default - the stack's own credentials
   */
  readonly credentials?: TenantCloud;
  /**
   * The clouds.yaml entry whose credentials own the cluster (to reach it from another stack).
   * @default - unknown: the stack's provider has no `cloud`
   */
  readonly cloudName?: string;
  /**
   * The region of the cluster.
   * @default - the region of the clouds.yaml entry
   */
  readonly region?: string;
  /** The GPU node groups, in creation order. */
  readonly nodeGroups: IMagnumNodeGroup[];
  /** Adds a GPU node group for a pool (created after the cluster's other node groups, checked with them). */
  addNodeGroup(id: string, options: MagnumNodeGroupOptions): MagnumNodeGroup;
}

/** A Magnum node group that carries a GPU node pool. */
export interface IMagnumNodeGroup extends IConstruct {
  /** Node group name (also the value of the node label `node.cluster.x-k8s.io/nodegroup`). */
  readonly nodeGroupName: string;
  /** The cluster. */
  readonly cluster: IMagnumCluster;
  /** The pool whose nodes the group provides. */
  readonly pool: IGpuNodePool;
  /** Labels magnum-cluster-api itself puts on the group's nodes (`node.cluster.x-k8s.io/nodegroup`, `node-role.kubernetes.io/<role>`). */
  readonly magnumNodeLabels: { [key: string]: string };
  /** The labels the pool expects on its nodes (from the pool, never retyped). */
  readonly nodeLabels: { [key: string]: string };
  /** The taints the pool expects on its nodes (from the pool). */
  readonly nodeTaints: NodeTaint[];
}

/** Options of {@link MagnumCluster.addNodeGroup}. */
export interface MagnumNodeGroupOptions {
  /**
   * The GPU pool the node group provides: its node count, min/max for the autoscaler, GPU model and GPUs per node, and the
   * labels and taints its nodes must carry all come from it.
   */
  readonly pool: IGpuNodePool;
  /** The GPU flavor of the nodes: a GPU VM flavor or a bare-metal flavor of the compute constructs. */
  readonly flavor: IGpuFlavor;
  /**
   * Node group name: a lower-case RFC 1123 name (Cluster API's MachineDeployment name).
   * @default - the pool's name
   */
  readonly nodeGroupName?: string;
  /**
   * The image of the nodes. A bare-metal flavor needs an image marked for bare metal (`ClusterImage` with `bareMetal`).
   * @default - the template's image (VM flavors only)
   */
  readonly image?: IClusterImage;
  /**
   * Role: magnum-cluster-api labels every node `node-role.kubernetes.io/<role>`.
   * @default 'gpu'
   */
  readonly role?: string;
  /**
   * Boot the VM nodes from a Cinder volume of this size instead of the template's choice. Not for bare metal.
   * @default - the template's bootVolume
   */
  readonly bootVolume?: BootVolume;
  /**
   * Availability zone of the nodes (label `availability_zone`, the MachineDeployment's failure domain).
   * @default - any zone
   */
  readonly availabilityZone?: string;
  /**
   * More magnum-cluster-api labels for this node group (e.g. `server_group_policies`), merged over the cluster's.
   * Kubernetes-style keys are refused: the pool's labels reach the nodes through `NodeGroupLabeler`.
   * @default - none
   */
  readonly labels?: { [key: string]: string };
}

/** Props of {@link MagnumNodeGroup}. */
export interface MagnumNodeGroupProps extends MagnumNodeGroupOptions {
  /** The cluster. */
  readonly cluster: IMagnumCluster;
}

/**
 * A Magnum node group of GPU nodes (`openstack_containerinfra_nodegroup_v1`) for one GPU pool: node count and
 * min/max from the pool, the pool's GPU flavor, created with the cluster's credentials.
 *
 * A private GPU flavor is granted to the project of the cluster's credentials (`flavor.grantAccess`), since Magnum checks
 * the flavor as the tenant.
 *
 * Checked against the pool: the flavor must have the pool's GPU model and GPU count, give whole GPUs (not vGPUs), and
 * reach an RDMA fabric when the pool has one. A bare-metal flavor makes a bare-metal node group by construction: the
 * flavor must request exactly one unit of its Ironic resource class and no VCPU/MEMORY_MB/DISK_GB, the image must carry
 * `img_hv_type=baremetal`, and boot-from-volume is off (`boot_volume_size=0`, which also overrides a site default), so
 * no node can silently become a VM on a KVM hypervisor.
 *
 * Create it with `cluster.addNodeGroup()`, which orders it after the cluster's other node groups and checks it with them.
 *
 * Magnum node group labels configure the driver; they never reach the Kubernetes nodes. The nodes get
 * `node.cluster.x-k8s.io/nodegroup=<name>` and `node-role.kubernetes.io/<role>` from magnum-cluster-api, and the pool's
 * own labels and taints from {@link NodeGroupLabeler}.
 */
export class MagnumNodeGroup extends Construct implements IMagnumNodeGroup {
  public readonly nodeGroupName: string;
  public readonly cluster: IMagnumCluster;
  public readonly pool: IGpuNodePool;
  public readonly magnumNodeLabels: { [key: string]: string };
  public readonly nodeLabels: { [key: string]: string };
  public readonly nodeTaints: NodeTaint[];
  /** Node group id (a Terraform reference). */
  public readonly nodeGroupId: string;
  /** The flavor. */
  public readonly flavor: IGpuFlavor;
  /** The image. */
  public readonly image: IClusterImage;
  /** Whether the nodes are bare-metal servers. */
  public readonly bareMetal: boolean;
  /** The node group's Magnum labels. */
  public readonly labels: { [key: string]: string };
  private readonly resource: ContainerinfraNodegroupV1;

  constructor(scope: Construct, id: string, props: MagnumNodeGroupProps) {
    super(scope, id);
    const { pool, flavor, cluster } = props;
    this.cluster = cluster;
    this.pool = pool;
    this.flavor = flavor;
    this.bareMetal = flavor.bareMetal;
    this.nodeGroupName = props.nodeGroupName ?? pool.poolName;
    checkNodeGroupName(this, this.nodeGroupName);
    const role = props.role ?? 'gpu';
    if (!/^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/.test(role) || role.length > 63 || role === 'master') {
      invalid(this, `role ${JSON.stringify(role)} becomes the label ${ROLE_LABEL_PREFIX}<role>: use a label name (letters, digits, - _ .; at most 63) other than master`);
    }

    checkGpus(this, pool, flavor);
    if (flavor.bareMetal) checkBareMetalFlavor(this, flavor);
    if (pool.rdma) checkRdma(this, pool, flavor);

    // the image: a bare-metal flavor needs a bare-metal image and the other way round
    const image = props.image ?? cluster.template.image;
    if (flavor.bareMetal && !image.bareMetal) {
      invalid(
        this,
        `flavor ${flavor.flavorName} is bare metal but image ${image.imageName} is not marked for bare metal; ` +
          'give the node group an image with bareMetal: true (img_hv_type=baremetal), so Nova can only place its servers on Ironic nodes',
      );
    }
    if (!flavor.bareMetal && image.bareMetal) {
      invalid(this, `image ${image.imageName} is for bare metal (img_hv_type=baremetal) but flavor ${flavor.flavorName} makes VMs, which no hypervisor would accept; use a VM image`);
    }
    if (image.kubernetesVersion !== cluster.kubernetesVersion) {
      invalid(
        this,
        `image ${image.imageName} carries Kubernetes ${image.kubernetesVersion} but cluster ${cluster.clusterName} runs ${cluster.kubernetesVersion}; ` +
          `every node of a magnum-cluster-api cluster runs the cluster's kube_tag: give a ${cluster.kubernetesVersion} image`,
      );
    }
    checkImageVisible(this, image, cluster.credentials);
    this.image = image;
    // Magnum checks the flavor with the tenant's credentials: a private GPU flavor must be granted to the tenant's project
    if (!flavor.isPublic && cluster.credentials) flavor.grantAccess(cluster.credentials.project);
    // the group's servers count into the tenant's compute quotas and GPU limits (at the pool's largest size)
    if (cluster.credentials) TenantUsage.of(cluster.credentials.project).addNodeGroup(this, flavor, pool.maxNodeCount);

    // boot volume: never on bare metal; required for VMs on a zero-disk flavor
    if (flavor.bareMetal && props.bootVolume) {
      invalid(
        this,
        `flavor ${flavor.flavorName} is bare metal and cannot boot from a Cinder volume (Ironic deploys the image to the local disk; ` +
          'boot from volume needs an iSCSI storage interface and iPXE); drop bootVolume',
      );
    }
    if (flavor.bareMetal && props.labels?.boot_volume_size !== undefined && props.labels.boot_volume_size.trim() !== '0') {
      invalid(this, `label boot_volume_size=${props.labels.boot_volume_size} asks a bare-metal node group to boot from a Cinder volume; Ironic deploys to the local disk, drop it`);
    }
    const bootVolume = flavor.bareMetal ? undefined : props.bootVolume ?? cluster.template.bootVolume;
    if (props.bootVolume && (!Number.isInteger(props.bootVolume.sizeGb) || props.bootVolume.sizeGb < 1)) {
      invalid(this, `bootVolume.sizeGb ${props.bootVolume.sizeGb} must be a positive integer (GB)`);
    }
    if (!flavor.bareMetal && flavor.diskGb === 0 && !bootVolume) {
      invalid(
        this,
        `flavor ${flavor.flavorName} has a 0 GB root disk and the node group has no boot volume; Nova refuses image-backed servers on ` +
          'zero-disk flavors (policy os_compute_api:servers:create:zero_disk_flavor): set bootVolume on the node group or the template',
      );
    }

    // node counts: from the pool; Magnum refuses groups of zero (bug 2098002), and the autoscaler cannot grow a GPU group
    // from zero (magnum-cluster-api publishes no GPU capacity for an empty MachineDeployment)
    if (pool.nodeCount < 1 || pool.minNodeCount < 1) {
      invalid(
        this,
        `pool ${pool.poolName} may have ${Math.min(pool.nodeCount, pool.minNodeCount)} nodes, but a Magnum node group needs at least one ` +
          '(an empty group cannot be created, and the autoscaler cannot grow a GPU group from zero: magnum-cluster-api publishes only CPU, ' +
          'memory and disk capacity for it); give the pool minNodeCount and nodeCount of at least 1',
      );
    }

    const managed: { [key: string]: string } = {};
    if (flavor.bareMetal) {
      managed.boot_volume_size = '0';
    } else if (props.bootVolume) {
      managed.boot_volume_size = String(props.bootVolume.sizeGb);
      if (props.bootVolume.volumeType) managed.boot_volume_type = props.bootVolume.volumeType;
    }
    if (props.availabilityZone !== undefined) managed.availability_zone = props.availabilityZone;
    const extra = props.labels ?? {};
    for (const key of ['kube_tag', 'auto_scaling_enabled', 'auto_healing_enabled', 'master_lb_floating_ip_enabled', 'boot_volume_size', 'boot_volume_type']) {
      if (Object.prototype.hasOwnProperty.call(extra, key) && !Object.prototype.hasOwnProperty.call(managed, key)) {
        invalid(this, `label ${key} is not a node group choice here; ${key.startsWith('boot_volume') ? 'use bootVolume' : 'it comes from the cluster and its template'}`);
      }
    }
    const unknown = guard(this, () => checkExtraLabels(extra, managed));
    for (const key of unknown) warn(this, `label ${key} is not a magnum-cluster-api label; the driver ignores it`);
    this.labels = sortedLabels({ ...managed, ...extra });

    this.magnumNodeLabels = { [NODE_GROUP_LABEL]: this.nodeGroupName, [`${ROLE_LABEL_PREFIX}${role}`]: '' };
    this.nodeLabels = { ...pool.nodeLabels };
    this.nodeTaints = pool.nodeTaints.map((t) => ({ ...t }));
    for (const key of Object.keys(this.nodeLabels)) {
      if (Object.prototype.hasOwnProperty.call(this.magnumNodeLabels, key) && this.nodeLabels[key] !== this.magnumNodeLabels[key]) {
        invalid(this, `pool ${pool.poolName} expects ${key}=${this.nodeLabels[key]}, but magnum-cluster-api sets ${key}=${this.magnumNodeLabels[key]} on this node group's nodes; make them agree`);
      }
    }

    // Magnum's driver races when node groups of one cluster are created at once (launchpad bug 2097946): create them one
    // after the other
    const previous = cluster.nodeGroups.filter((g) => g !== this).slice(-1)[0];
    const timeout = flavor.bareMetal ? '120m' : '60m';
    this.resource = new (bindings.containerinfraNodegroupV1().ContainerinfraNodegroupV1)(this, 'Resource', {
      name: this.nodeGroupName,
      clusterId: cluster.clusterId,
      flavorId: flavor.flavorId,
      imageId: image.imageId,
      nodeCount: pool.nodeCount,
      minNodeCount: pool.minNodeCount,
      maxNodeCount: pool.maxNodeCount,
      role,
      labels: Object.keys(this.labels).length > 0 ? this.labels : undefined,
      mergeLabels: true,
      provider: providerFor(this, cluster.credentials),
      dependsOn: previous instanceof MagnumNodeGroup ? [previous.resource] : undefined,
      timeouts: { create: timeout, update: timeout, delete: '60m' },
    });
    this.nodeGroupId = this.resource.id;
  }
}

/** Cluster API wants a lower-case RFC 1123 name (magnum_cluster_api/utils.py `validate_nodegroup_name`). */
function checkNodeGroupName(scope: IConstruct, name: string): void {
  if (Token.isUnresolved(name)) invalid(scope, 'nodeGroupName must be known at synth time: it selects the nodes in Kubernetes');
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(name) || name.length > 63) {
    invalid(scope, `nodeGroupName ${JSON.stringify(name)} must be a lower-case RFC 1123 name of at most 63 characters (Cluster API's MachineDeployment name and a label value)`);
  }
  if (RESERVED_NODE_GROUP_NAMES.includes(name)) invalid(scope, `nodeGroupName ${name} is the name of a node group Magnum creates itself; choose another`);
}

/** The flavor must give each node exactly the GPUs the pool models. */
function checkGpus(scope: IConstruct, pool: IGpuNodePool, flavor: IGpuFlavor): void {
  const want = `${pool.gpusPerNode} × ${pool.gpuModel.displayName}`;
  if (!(flavor.gpuCount >= 1) || flavor.gpuModel === undefined) {
    invalid(scope, `flavor ${flavor.flavorName} has no GPU, but pool ${pool.poolName} needs ${want} per node; use a GPU flavor (GpuFlavor or BaremetalFlavor)`);
  }
  if (flavor.gpuModel.name !== pool.gpuModel.name) {
    invalid(
      scope,
      `flavor ${flavor.flavorName} has ${flavor.gpuModel.displayName} GPUs but pool ${pool.poolName} is ${pool.gpuModel.displayName}; ` +
        "the nodes would not be what the pool's workloads and quotas were sized for: use a flavor of the pool's GPU model",
    );
  }
  if (flavor.attachmentKind === GpuAttachmentKind.VGPU || flavor.attachmentKind === GpuAttachmentKind.MIG_VGPU) {
    invalid(
      scope,
      `flavor ${flavor.flavorName} gives ${flavor.attachmentKind === GpuAttachmentKind.VGPU ? 'vGPUs' : 'MIG-backed vGPUs'} of ${flavor.gpuMemoryGb} GB, ` +
        `but pool ${pool.poolName} models whole ${pool.gpuModel.memoryGb} GB GPUs (and the GPU Operator cannot partition a vGPU); use a passthrough or bare-metal flavor`,
    );
  }
  if (flavor.gpuCount !== pool.gpusPerNode) {
    invalid(scope, `flavor ${flavor.flavorName} gives ${flavor.gpuCount} GPUs per server but pool ${pool.poolName} has ${pool.gpusPerNode} per node; use a ${pool.gpusPerNode}-GPU flavor or change the pool`);
  }
}

/**
 * A bare-metal flavor must only fit Ironic nodes: exactly one unit of one custom resource class and nothing a hypervisor
 * offers (openstack/ironic doc/source/install/configure-nova-flavors.rst).
 */
function checkBareMetalFlavor(scope: IConstruct, flavor: IGpuFlavor): void {
  const resources = Object.entries(flavor.placementResources).filter(([, amount]) => amount !== 0);
  const vmSpecs = ['VCPU', 'MEMORY_MB', 'DISK_GB'].filter((rc) => flavor.extraSpecs[`resources:${rc}`] !== '0');
  const ok = resources.length === 1 && resources[0][0].startsWith('CUSTOM_') && resources[0][1] === 1 && vmSpecs.length === 0;
  if (!ok) {
    const claims = resources.map(([rc, n]) => `${rc}=${n}`).join(', ') || 'nothing';
    invalid(
      scope,
      `flavor ${flavor.flavorName} says it is bare metal but requests ${claims}${vmSpecs.length ? ` and does not zero ${vmSpecs.join(', ')}` : ''}; ` +
        'its servers could land on a hypervisor: a bare-metal flavor requests exactly one unit of the nodes\' resource class and VCPU/MEMORY_MB/DISK_GB=0 (use BaremetalFlavor)',
    );
  }
}

/** A pool with an RDMA fabric needs the fabric's HCAs in every node. */
function checkRdma(scope: IConstruct, pool: IGpuNodePool, flavor: IGpuFlavor): void {
  const rails = pool.rdma!.networkNames.length;
  if (!flavor.bareMetal) {
    invalid(
      scope,
      `pool ${pool.poolName} uses ${rails} RDMA rails, but flavor ${flavor.flavorName} makes VMs that get only GPUs (Magnum cannot attach InfiniBand ports to its nodes); ` +
        'use a bare-metal flavor',
    );
  }
  const ports = flavor.server.adaptersOfKind(NetworkAdapterKind.INFINIBAND).reduce((n, a) => n + a.ports, 0);
  if (rails > ports) {
    invalid(scope, `pool ${pool.poolName} uses ${rails} RDMA rails but a ${flavor.server.name} server has ${ports} InfiniBand ports; use at most ${ports} rails`);
  }
}
