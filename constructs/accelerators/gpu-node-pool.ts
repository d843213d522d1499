import { k8s } from 'cdk8s-plus-28';
import { Construct, IConstruct } from 'constructs';
import { GpuModel } from '../../lib/hardware/gpu';
import { invalid } from '../common/validation';

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
 * See `shared/reference/llm-serving.md` §8.
 */
export interface RdmaAttachment {
  /** Multus NetworkAttachmentDefinition names, one per rail, in rail order. */
  readonly networkNames: string[];
  /** Extended resource that grants the RDMA devices, e.g. `rdma/rdma_shared_device_a`. */
  readonly resourceName: string;
  /** Units of that resource one pod requests. */
  readonly resourcesPerPod: number;
  /** NCCL environment for GPUDirect RDMA on this fabric (e.g. `NCCL_IB_HCA`, `NCCL_SOCKET_IFNAME`). */
  readonly ncclEnvironment: { [key: string]: string };
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
   * Node labels that select the pool's nodes.
   * @default - `{ 'ai-factory.dev/gpu-pool': poolName }`
   */
  readonly nodeSelector?: { [key: string]: string };
  /**
   * Tolerations for the pool's taints.
   * @default - tolerate `nvidia.com/gpu` with effect NoSchedule, the usual taint on GPU nodes
   */
  readonly tolerations?: k8s.Toleration[];
  /**
   * The pool's RDMA fabric.
   * @default - none
   */
  readonly rdma?: RdmaAttachment;
}

/**
 * A pool of whole-GPU nodes (no MIG, no sharing). The accelerator constructs build richer pools (MIG layouts,
 * time-slicing, RDMA rails) behind the same {@link IGpuNodePool} interface.
 */
export class GpuNodePool extends Construct implements IGpuNodePool {
  public readonly poolName: string;
  public readonly gpuModel: GpuModel;
  public readonly gpusPerNode: number;
  public readonly nodeSelector: { [key: string]: string };
  public readonly tolerations: k8s.Toleration[];
  public readonly offers: GpuOffer[];
  public readonly rdma?: RdmaAttachment;

  constructor(scope: Construct, id: string, props: GpuNodePoolProps) {
    super(scope, id);
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(props.poolName)) {
      invalid(this, `poolName ${JSON.stringify(props.poolName)} must be lower-case letters, digits and dashes`);
    }
    if (!Number.isInteger(props.gpusPerNode) || props.gpusPerNode < 1) {
      invalid(this, `gpusPerNode ${props.gpusPerNode} must be a positive integer`);
    }
    this.poolName = props.poolName;
    this.gpuModel = props.gpuModel;
    this.gpusPerNode = props.gpusPerNode;
    this.nodeSelector = props.nodeSelector ?? { 'ai-factory.dev/gpu-pool': props.poolName };
    this.tolerations = props.tolerations ?? [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }];
    this.offers = [{ resourceName: 'nvidia.com/gpu', countPerNode: props.gpusPerNode, memoryGb: props.gpuModel.memoryGb }];
    this.rdma = props.rdma;
  }
}
