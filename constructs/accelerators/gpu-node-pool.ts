import { k8s } from 'cdk8s-plus-28';
import { Construct, IConstruct } from 'constructs';
import { checkSharing, GpuSharingMode, GpuSharingSpec, MigGpuGroupSpec, sharedResourceName } from '../../lib/accelerators/gpu-sharing';
import { MigDeviceCount, MigGeometry, MigInstancePlacement } from '../../lib/accelerators/mig-geometry';
import { MigStrategy, NvidiaNodeLabels, NvidiaResources } from '../../lib/accelerators/names';
import { fail, oneOf } from '../../lib/errors';
import { GpuModel, GpuVendor } from '../../lib/hardware/gpu';
import { isDnsLabel } from '../common/k8s';
import { guard, invalid } from '../common/validation';

/**
 * One kind of GPU unit a node pool offers to pods: whole GPUs, MIG instances of one profile, or shared
 * (time-sliced / MPS) replicas.
 */
export interface GpuOffer {
  /** Kubernetes extended resource a pod requests, e.g. `nvidia.com/gpu` or `nvidia.com/mig-3g.40gb`. */
  readonly resourceName: string;
  /** Units of this resource on one node. */
  readonly countPerNode: number;
  /** Memory of one unit in GB (a whole GPU, a MIG instance, or the fraction a sharing replica gets). */
  readonly memoryGb: number;
  /**
   * MIG profile of the unit, when it is a MIG instance.
   * @default - a whole GPU
   */
  readonly migProfile?: string;
  /**
   * Whether several pods share one physical GPU (time-slicing or MPS).
   * @default false
   */
  readonly shared?: boolean;
}

/**
 * How pods of a pool reach the pool's RDMA fabric (InfiniBand or RoCE), one Multus network per rail.
 * See Mellanox/network-operator `example/` (MacvlanNetwork, HostDeviceNetwork, IPoIBNetwork).
 */
export interface RdmaAttachment {
  /** Multus NetworkAttachmentDefinition names, one per rail, in rail order (`<namespace>/<name>` when qualified). */
  readonly networkNames: string[];
  /** Extended resource that grants the RDMA devices, e.g. `rdma/rdma_shared_device_a`. */
  readonly resourceName: string;
  /** Units of that resource one pod requests. */
  readonly resourcesPerPod: number;
  /** NCCL environment for GPUDirect RDMA on this fabric (e.g. `NCCL_IB_HCA`, `NCCL_SOCKET_IFNAME`). */
  readonly ncclEnvironment: { [key: string]: string };
}

/** Effect of a node taint. */
export enum TaintEffect {
  /** New pods without a matching toleration are not scheduled. */
  NO_SCHEDULE = 'NoSchedule',
  /** The scheduler avoids the node for pods without a toleration. */
  PREFER_NO_SCHEDULE = 'PreferNoSchedule',
  /** Pods without a toleration are evicted. */
  NO_EXECUTE = 'NoExecute',
}

/** A taint the pool's nodes carry (set on the node group, e.g. by Magnum). */
export interface NodeTaint {
  /** Taint key, e.g. `nvidia.com/gpu`. */
  readonly key: string;
  /**
   * Taint value.
   * @default - no value
   */
  readonly value?: string;
  /** Taint effect. */
  readonly effect: TaintEffect;
}

/** The GPUs of a node that get the same MIG layout. */
export interface MigGpuGroup {
  /** How many GPUs of each node get this layout (GPUs are taken in index order, group after group). */
  readonly gpuCount: number;
  /** Instances on each GPU of the group; an empty list leaves MIG off on them (whole GPUs). */
  readonly devices: MigDeviceCount[];
}

/**
 * A MIG layout for the GPUs of a node pool: the MIG manager's named configuration (mig-parted format) and the
 * instances it creates. Checked against the GPU model's real profiles and placements when the pool is built.
 */
export class MigLayout {
  /** The same instances on every GPU of the node. */
  public static uniform(configName: string, devices: MigDeviceCount[]): MigLayout {
    return new MigLayout(configName, undefined, devices);
  }

  /** Different instances on groups of GPUs, e.g. four GPUs with 2 x 3g.40gb and four with MIG off. */
  public static perGpuGroup(configName: string, groups: MigGpuGroup[]): MigLayout {
    return new MigLayout(configName, groups, undefined);
  }

  /** Name of the mig-parted configuration; the pool's nodes carry it in the `nvidia.com/mig.config` label. */
  public readonly configName: string;
  /** GPU groups, when the layout is not uniform. */
  public readonly groups?: MigGpuGroup[];
  /** Instances per GPU, when the layout is uniform. */
  public readonly uniformDevices?: MigDeviceCount[];

  private constructor(configName: string, groups: MigGpuGroup[] | undefined, devices: MigDeviceCount[] | undefined) {
    this.configName = configName;
    this.groups = groups?.map((g) => ({ gpuCount: g.gpuCount, devices: [...g.devices] }));
    this.uniformDevices = devices ? [...devices] : undefined;
  }
}

/** How a pool's GPUs are handed to pods. */
export enum GpuPartitioningKind {
  /** Whole GPUs. */
  WHOLE_GPUS = 'whole-gpus',
  /** MIG instances. */
  MIG = 'mig',
  /** Time-sliced replicas. */
  TIME_SLICING = 'time-slicing',
  /** MPS replicas. */
  MPS = 'mps',
}

/** Options of time-slicing. */
export interface TimeSlicingOptions {
  /**
   * Advertise the replicas as `nvidia.com/gpu.shared`, so a pod asks for a shared GPU on purpose.
   * @default true
   */
  readonly renameResource?: boolean;
  /**
   * Reject pods that request more than one replica: two time-sliced replicas are not more GPU than one.
   * @default true
   */
  readonly failRequestsGreaterThanOne?: boolean;
}

/** Options of MPS sharing. */
export interface MpsOptions {
  /**
   * Advertise the replicas as `nvidia.com/gpu.shared`, so a pod asks for a shared GPU on purpose.
   * @default true
   */
  readonly renameResource?: boolean;
}

/**
 * How a pool's GPUs are handed to pods: whole, as MIG instances, or shared by time-slicing or MPS. One per pool: MPS is
 * not supported on MIG-enabled GPUs (NVIDIA/k8s-device-plugin README.md, "With CUDA MPS"), and mixing sharing with MIG is left out on purpose.
 */
export class GpuPartitioning {
  /** Whole GPUs (`nvidia.com/gpu`). */
  public static wholeGpus(): GpuPartitioning {
    return new GpuPartitioning(GpuPartitioningKind.WHOLE_GPUS);
  }

  /**
   * MIG instances from a layout. Under the `mixed` strategy each profile is its own resource (`nvidia.com/mig-<profile>`);
   * under `single` every GPU must carry instances of one profile, advertised as `nvidia.com/gpu`.
   * @param strategy default MigStrategy.MIXED
   */
  public static mig(layout: MigLayout, strategy?: MigStrategy): GpuPartitioning {
    return new GpuPartitioning(GpuPartitioningKind.MIG, { layout, strategy: strategy ?? MigStrategy.MIXED });
  }

  /** CUDA time-slicing: `replicas` pods take turns on each GPU, without memory isolation. */
  public static timeSlicing(replicas: number, options: TimeSlicingOptions = {}): GpuPartitioning {
    return new GpuPartitioning(GpuPartitioningKind.TIME_SLICING, {
      sharing: {
        mode: GpuSharingMode.TIME_SLICING,
        replicas,
        renameByDefault: options.renameResource ?? true,
        failRequestsGreaterThanOne: options.failRequestsGreaterThanOne ?? true,
      },
    });
  }

  /** CUDA MPS: `replicas` pods per GPU, each limited to an equal share of memory and compute. */
  public static mps(replicas: number, options: MpsOptions = {}): GpuPartitioning {
    return new GpuPartitioning(GpuPartitioningKind.MPS, {
      sharing: { mode: GpuSharingMode.MPS, replicas, renameByDefault: options.renameResource ?? true, failRequestsGreaterThanOne: false },
    });
  }

  /** Which partitioning this is. */
  public readonly kind: GpuPartitioningKind;
  /** The MIG layout, for MIG. */
  public readonly migLayout?: MigLayout;
  /** The MIG strategy, for MIG. */
  public readonly migStrategy?: MigStrategy;
  /** Pods per GPU, for time-slicing and MPS. */
  public readonly replicas?: number;
  /** Whether shared replicas are advertised as `nvidia.com/gpu.shared`. */
  public readonly renameResource?: boolean;
  /** Whether time-slicing rejects requests for more than one replica. */
  public readonly failRequestsGreaterThanOne?: boolean;

  private constructor(kind: GpuPartitioningKind, options: { layout?: MigLayout; strategy?: MigStrategy; sharing?: GpuSharingSpec } = {}) {
    this.kind = kind;
    this.migLayout = options.layout;
    this.migStrategy = options.strategy;
    this.replicas = options.sharing?.replicas;
    this.renameResource = options.sharing?.renameByDefault;
    this.failRequestsGreaterThanOne = options.sharing ? options.sharing.failRequestsGreaterThanOne : undefined;
  }

  /** Whether pods share physical GPUs (time-slicing or MPS). */
  public get shared(): boolean {
    return this.kind === GpuPartitioningKind.TIME_SLICING || this.kind === GpuPartitioningKind.MPS;
  }
}

/**
 * A set of Kubernetes nodes with the same GPUs, as workloads see it: what they offer, how to land on them, and
 * their RDMA fabric. Serving and batch constructs take an `IGpuNodePool` and derive resource requests, node
 * selectors, tolerations and RDMA wiring from it instead of users retyping resource names.
 */
export interface IGpuNodePool extends IConstruct {
  /** Pool name (used in labels and names). */
  readonly poolName: string;
  /** GPU model of every node. */
  readonly gpuModel: GpuModel;
  /** Physical GPUs per node. */
  readonly gpusPerNode: number;
  /** Node labels that select the pool's nodes. */
  readonly nodeSelector: { [key: string]: string };
  /** Tolerations a pod needs for the pool's taints. */
  readonly tolerations: k8s.Toleration[];
  /** The GPU units one node offers. */
  readonly offers: GpuOffer[];
  /**
   * The pool's RDMA fabric.
   * @default - the pool has no RDMA network
   */
  readonly rdma?: RdmaAttachment;
  /** How the GPUs are handed to pods (whole, MIG, time-slicing, MPS). */
  readonly partitioning: GpuPartitioning;
  /**
   * Every label the pool's nodes must carry: the selector labels plus the GPU Operator's configuration labels
   * (`nvidia.com/mig.config`, `nvidia.com/device-plugin.config`). The node group (e.g. Magnum `labels`) sets them.
   */
  readonly nodeLabels: { [key: string]: string };
  /** Taints the pool's nodes carry (set on the node group). */
  readonly nodeTaints: NodeTaint[];
  /** Nodes the pool starts with. */
  readonly nodeCount: number;
  /** Fewest nodes when autoscaling. */
  readonly minNodeCount: number;
  /** Most nodes when autoscaling: the capacity quotas are checked against. */
  readonly maxNodeCount: number;
}

/** Props of {@link GpuNodePool}. */
export interface GpuNodePoolProps {
  /** Pool name: lower-case letters, digits and dashes. */
  readonly poolName: string;
  /** GPU model of the nodes. */
  readonly gpuModel: GpuModel;
  /** Physical GPUs per node. */
  readonly gpusPerNode: number;
  /**
   * How the GPUs are handed to pods.
   * @default GpuPartitioning.wholeGpus()
   */
  readonly partitioning?: GpuPartitioning;
  /**
   * Nodes in the pool.
   * @default 1
   */
  readonly nodeCount?: number;
  /**
   * Fewest nodes when the node group autoscales.
   * @default - nodeCount
   */
  readonly minNodeCount?: number;
  /**
   * Most nodes when the node group autoscales; quotas are checked against this capacity.
   * @default - nodeCount
   */
  readonly maxNodeCount?: number;
  /**
   * Node labels that select the pool's nodes.
   * @default - `{ 'ai-factory.dev/gpu-pool': poolName }`
   */
  readonly nodeSelector?: { [key: string]: string };
  /**
   * Taints on the pool's nodes, so only GPU workloads land there.
   * @default - `nvidia.com/gpu=present:NoSchedule`
   */
  readonly nodeTaints?: NodeTaint[];
  /**
   * Tolerations for the pool's taints.
   * @default - tolerate every taint in `nodeTaints` by key (operator `Exists`) and effect
   */
  readonly tolerations?: k8s.Toleration[];
  /**
   * The pool's RDMA fabric (e.g. `InfinibandFabric.attachment`).
   * @default - none
   */
  readonly rdma?: RdmaAttachment;
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/**
 * A pool of GPU nodes: whole GPUs, MIG instances from a layout checked against the GPU's real placements, or
 * time-sliced / MPS replicas. It derives what one node offers (`offers`, with the resource names workloads request),
 * the labels the node group must set (`nodeLabels`, including `nvidia.com/mig.config`), and the taints and
 * tolerations that keep other pods off the GPUs.
 */
export class GpuNodePool extends Construct implements IGpuNodePool {
  public readonly poolName: string;
  public readonly gpuModel: GpuModel;
  public readonly gpusPerNode: number;
  public readonly nodeSelector: { [key: string]: string };
  public readonly tolerations: k8s.Toleration[];
  public readonly offers: GpuOffer[];
  public readonly rdma?: RdmaAttachment;
  public readonly partitioning: GpuPartitioning;
  public readonly nodeLabels: { [key: string]: string };
  public readonly nodeTaints: NodeTaint[];
  public readonly nodeCount: number;
  public readonly minNodeCount: number;
  public readonly maxNodeCount: number;
  /** Where each MIG instance sits, per GPU group (empty unless the pool uses MIG). */
  public readonly migPlacements: MigInstancePlacement[][];

  constructor(scope: Construct, id: string, props: GpuNodePoolProps) {
    super(scope, id);
    if (!isDnsLabel(props.poolName)) {
      invalid(this, `poolName ${JSON.stringify(props.poolName)} must be lower-case letters, digits and dashes`);
    }
    if (!Number.isInteger(props.gpusPerNode) || props.gpusPerNode < 1) {
      invalid(this, `gpusPerNode ${props.gpusPerNode} must be a positive integer`);
    }
    if (props.gpuModel.vendor !== GpuVendor.NVIDIA) {
      invalid(this, `${props.gpuModel.displayName} is not an NVIDIA GPU; this pool advertises nvidia.com resources through the NVIDIA GPU Operator, use an NVIDIA GPU model`);
    }
    this.poolName = props.poolName;
    this.gpuModel = props.gpuModel;
    this.gpusPerNode = props.gpusPerNode;
    this.partitioning = props.partitioning ?? GpuPartitioning.wholeGpus();

    this.nodeCount = props.nodeCount ?? 1;
    this.minNodeCount = props.minNodeCount ?? this.nodeCount;
    this.maxNodeCount = props.maxNodeCount ?? this.nodeCount;
    for (const [name, value] of [['nodeCount', this.nodeCount], ['minNodeCount', this.minNodeCount], ['maxNodeCount', this.maxNodeCount]] as const) {
      if (!Number.isInteger(value) || value < 0) invalid(this, `${name} ${value} must be a non-negative integer`);
    }
    if (this.minNodeCount > this.nodeCount || this.nodeCount > this.maxNodeCount) {
      invalid(this, `node counts must satisfy minNodeCount <= nodeCount <= maxNodeCount, got ${this.minNodeCount} <= ${this.nodeCount} <= ${this.maxNodeCount}`);
    }
    if (this.maxNodeCount < 1) invalid(this, `maxNodeCount ${this.maxNodeCount} leaves the pool without nodes; use at least 1`);

    this.nodeSelector = props.nodeSelector ?? { 'ai-factory.dev/gpu-pool': props.poolName };
    this.nodeTaints = props.nodeTaints ?? [{ key: 'nvidia.com/gpu', value: 'present', effect: TaintEffect.NO_SCHEDULE }];
    this.tolerations = props.tolerations ?? this.nodeTaints.map((t) => ({ key: t.key, operator: 'Exists', effect: t.effect }));
    for (const taint of this.nodeTaints) {
      if (!this.tolerations.some((t) => tolerates(t, taint))) {
        invalid(this, `no toleration matches the node taint ${taintText(taint)}; pods could never land on pool ${this.poolName}; add a toleration for it`);
      }
    }
    this.rdma = props.rdma;
    if (this.rdma) {
      if (this.rdma.networkNames.length === 0) invalid(this, 'rdma.networkNames is empty; an RDMA attachment needs at least one Multus network');
      if (!Number.isInteger(this.rdma.resourcesPerPod) || this.rdma.resourcesPerPod < 1) {
        invalid(this, `rdma.resourcesPerPod ${this.rdma.resourcesPerPod} must be a positive integer`);
      }
    }

    const planned = guard(this, () => this.plan());
    this.offers = planned.offers;
    this.migPlacements = planned.placements;

    const configLabels: { [key: string]: string } = {};
    const layout = this.partitioning.migLayout;
    if (layout) {
      configLabels[NvidiaNodeLabels.MIG_CONFIG] = layout.configName;
    } else if (this.gpuModel.migCapable) {
      configLabels[NvidiaNodeLabels.MIG_CONFIG] = NvidiaNodeLabels.MIG_DISABLED_CONFIG;
    }
    if (this.partitioning.shared) configLabels[NvidiaNodeLabels.DEVICE_PLUGIN_CONFIG] = this.devicePluginConfigName;
    for (const [key, value] of Object.entries(this.nodeSelector)) {
      if (key in configLabels && configLabels[key] !== value) {
        invalid(this, `nodeSelector sets ${key}=${value}, but the pool's partitioning needs ${key}=${configLabels[key]}; leave ${key} out of nodeSelector`);
      }
    }
    this.nodeLabels = { ...this.nodeSelector, ...configLabels };
  }

  /** Name of the pool's device plugin configuration (a key of the device plugin ConfigMap), for shared pools. */
  public get devicePluginConfigName(): string {
    return this.poolName;
  }

  private plan(): { offers: GpuOffer[]; placements: MigInstancePlacement[][] } {
    const p = this.partitioning;
    const gpu = this.gpuModel;
    if (p.kind === GpuPartitioningKind.WHOLE_GPUS) {
      return { offers: [{ resourceName: NvidiaResources.GPU, countPerNode: this.gpusPerNode, memoryGb: gpu.memoryGb }], placements: [] };
    }
    const sharing = sharingSpecOf(p);
    if (sharing) {
      checkSharing(gpu, sharing);
      const memoryGb = Math.floor((gpu.memoryGb * 10) / sharing.replicas) / 10;
      return {
        offers: [{ resourceName: sharedResourceName(sharing), countPerNode: this.gpusPerNode * sharing.replicas, memoryGb, shared: true }],
        placements: [],
      };
    }
    const layout = p.migLayout!;
    if (!LABEL_VALUE.test(layout.configName) || layout.configName.length === 0 || layout.configName.length > 63) {
      fail(`MIG configName ${JSON.stringify(layout.configName)} must be a valid label value (letters, digits, '-', '_', '.'; at most 63)`);
    }
    if (layout.configName === NvidiaNodeLabels.MIG_DISABLED_CONFIG) {
      fail(`MIG configName ${layout.configName} is reserved for turning MIG off; name the layout, e.g. ${this.poolName}-mig`);
    }
    const groups = migGroupsOf(layout, this.gpusPerNode);
    const assigned = groups.reduce((s, g) => s + g.gpuIndices.length, 0);
    if (layout.groups) {
      for (const g of layout.groups) {
        if (!Number.isInteger(g.gpuCount) || g.gpuCount < 1) fail(`MIG layout ${layout.configName}: gpuCount ${g.gpuCount} must be a positive integer`);
      }
      if (assigned !== this.gpusPerNode) {
        fail(`MIG layout ${layout.configName} covers ${assigned} GPUs but the pool's nodes have ${this.gpusPerNode}; make the groups' gpuCount add up to ${this.gpusPerNode}`);
      }
    }
    const placements = groups.filter((g) => g.devices.length > 0).map((g) => MigGeometry.place(gpu, g.devices));
    if (placements.length === 0) fail(`MIG layout ${layout.configName} enables MIG on no GPU; use GpuPartitioning.wholeGpus() instead`);

    if (p.migStrategy === MigStrategy.SINGLE) {
      const profiles = new Set(groups.flatMap((g) => g.devices.map((d) => d.profile)));
      if (groups.some((g) => g.devices.length === 0) || profiles.size !== 1) {
        fail(
          `MIG layout ${layout.configName} uses ${profiles.size === 1 ? 'MIG-disabled GPUs' : `profiles ${oneOf([...profiles], 'and')}`}, ` +
            'but the single strategy needs the same profile on every GPU of a node; use MigStrategy.MIXED or one profile everywhere',
        );
      }
      const [profileName] = [...profiles];
      const perGpu = groups[0].devices[0].count;
      return {
        offers: [{
          resourceName: NvidiaResources.GPU,
          countPerNode: perGpu * this.gpusPerNode,
          memoryGb: gpu.migProfile(profileName).memoryGb,
          migProfile: profileName,
        }],
        placements,
      };
    }

    const counts = new Map<string, number>();
    let wholeGpus = 0;
    for (const g of groups) {
      if (g.devices.length === 0) wholeGpus += g.gpuIndices.length;
      for (const d of g.devices) counts.set(d.profile, (counts.get(d.profile) ?? 0) + d.count * g.gpuIndices.length);
    }
    const offers: GpuOffer[] = gpu.migProfiles
      .filter((mp) => counts.has(mp.name))
      .map((mp) => ({ resourceName: NvidiaResources.mig(mp.name), countPerNode: counts.get(mp.name)!, memoryGb: mp.memoryGb, migProfile: mp.name }));
    if (wholeGpus > 0) offers.push({ resourceName: NvidiaResources.GPU, countPerNode: wholeGpus, memoryGb: gpu.memoryGb });
    return { offers, placements };
  }
}

/** The GPU groups of a MIG layout on a node with `gpusPerNode` GPUs, with their GPU indices. Not part of the jsii API. */
export function migGroupsOf(layout: MigLayout, gpusPerNode: number): MigGpuGroupSpec[] {
  if (layout.uniformDevices) {
    return [{ gpuIndices: range(gpusPerNode), devices: layout.uniformDevices }];
  }
  let next = 0;
  return (layout.groups ?? []).map((g) => {
    const indices = range(g.gpuCount).map((i) => i + next);
    next += g.gpuCount;
    return { gpuIndices: indices, devices: g.devices };
  });
}

/** The device plugin sharing spec of a time-sliced or MPS partitioning. Not part of the jsii API. */
export function sharingSpecOf(p: GpuPartitioning): GpuSharingSpec | undefined {
  if (!p.shared || p.replicas === undefined) return undefined;
  return {
    mode: p.kind === GpuPartitioningKind.MPS ? GpuSharingMode.MPS : GpuSharingMode.TIME_SLICING,
    replicas: p.replicas,
    renameByDefault: p.renameResource ?? true,
    failRequestsGreaterThanOne: p.failRequestsGreaterThanOne ?? false,
  };
}

/** Whether a toleration tolerates a taint (Kubernetes semantics: key, operator Exists/Equal, effect). */
export function tolerates(toleration: k8s.Toleration, taint: NodeTaint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key === undefined || toleration.key === '') return toleration.operator === 'Exists';
  if (toleration.key !== taint.key) return false;
  if (toleration.operator === 'Exists') return true;
  return (toleration.value ?? '') === (taint.value ?? '');
}

/** `key=value:Effect`, as kubectl prints a taint. */
export function taintText(taint: NodeTaint): string {
  return `${taint.key}${taint.value !== undefined ? `=${taint.value}` : ''}:${taint.effect}`;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
