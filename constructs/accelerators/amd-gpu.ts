import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { GpuOffer, GpuPartitioning, IGpuNodePool, NodeTaint, RdmaAttachment, TaintEffect } from './gpu-node-pool';
import { GpuModel, GpuVendor } from '../../lib/hardware/gpu';
import { bindings } from '../common/bindings';
import { isDnsLabel } from '../common/k8s';
import { invalid } from '../common/validation';

/**
 * Compute partitioning of an AMD Instinct GPU, applied by the AMD GPU Operator's Device Config Manager
 * (ROCm/gpu-operator v1.5.1 `docs/dcm/device-config-manager-configmap.md`, "Supported Partition Modes": SPX and CPX).
 */
export enum AmdComputePartition {
  /** Single partition: the GPU is one device. */
  SPX = 'SPX',
  /** Core partitioning: every XCD is its own device, 8 per MI300X / MI350X (a CPX node of 8 GPUs shows 64). */
  CPX = 'CPX',
}

/** Memory (NUMA) partitioning of an AMD Instinct GPU: NPS1 and NPS4, NPS4 only with CPX (same source). */
export enum AmdMemoryPartition {
  /** One memory domain shared by every partition. */
  NPS1 = 'NPS1',
  /** Four memory domains (CPX only). */
  NPS4 = 'NPS4',
}

/** Resource the AMD device plugin advertises under its default `single` naming strategy. */
const AMD_GPU_RESOURCE = 'amd.com/gpu';
/** Node label the Device Config Manager reads the profile to apply from (docs/dcm/applying-partition-profiles.rst). */
const DCM_PROFILE_LABEL = 'dcm.amd.com/gpu-config-profile';
/** XCDs (compute dies) of MI300X and MI350X: CPX devices per GPU (applying-partition-profiles.rst: CPX+NPS4, 64 GPU partitions on 8 GPUs). */
const XCDS_PER_GPU = 8;

/** A pool of AMD Instinct GPU nodes, as {@link AmdGpuOperator} configures them. */
export interface IAmdGpuNodePool extends IGpuNodePool {
  /** Compute partitioning of every GPU. */
  readonly computePartition: AmdComputePartition;
  /** Memory partitioning of every GPU. */
  readonly memoryPartition: AmdMemoryPartition;
  /** Name of the Device Config Manager profile the nodes are labelled with (`dcm.amd.com/gpu-config-profile`). */
  readonly partitionProfile: string;
}

/** Props of {@link AmdGpuNodePool}. */
export interface AmdGpuNodePoolProps {
  /** Pool name: lower-case letters, digits and dashes. */
  readonly poolName: string;
  /** AMD GPU model of the nodes (`GpuModel.MI300X_192GB`, `GpuModel.MI350X_288GB`). */
  readonly gpuModel: GpuModel;
  /** Physical GPUs per node. */
  readonly gpusPerNode: number;
  /**
   * Compute partitioning.
   * @default AmdComputePartition.SPX
   */
  readonly computePartition?: AmdComputePartition;
  /**
   * Memory partitioning.
   * @default AmdMemoryPartition.NPS1
   */
  readonly memoryPartition?: AmdMemoryPartition;
  /**
   * Nodes in the pool.
   * @default 1
   */
  readonly nodeCount?: number;
  /**
   * Node labels that select the pool's nodes.
   * @default - `{ 'ai-factory.dev/gpu-pool': poolName }`
   */
  readonly nodeSelector?: { [key: string]: string };
  /**
   * The pool's RDMA fabric.
   * @default - none
   */
  readonly rdma?: RdmaAttachment;
}

/**
 * A pool of AMD Instinct GPU nodes: `amd.com/gpu` devices (whole GPUs, or 8 CPX partitions per GPU), the
 * Device Config Manager profile label the node group must set, and an `amd.com/gpu` taint with its toleration.
 * Pods see every partition as a device of its own, with an eighth of the GPU's memory as the sizing budget.
 */
export class AmdGpuNodePool extends Construct implements IAmdGpuNodePool {
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
  public readonly computePartition: AmdComputePartition;
  public readonly memoryPartition: AmdMemoryPartition;
  public readonly partitionProfile: string;

  constructor(scope: Construct, id: string, props: AmdGpuNodePoolProps) {
    super(scope, id);
    if (!isDnsLabel(props.poolName)) invalid(this, `poolName ${JSON.stringify(props.poolName)} must be lower-case letters, digits and dashes`);
    if (props.gpuModel.vendor !== GpuVendor.AMD) {
      invalid(this, `${props.gpuModel.displayName} is not an AMD GPU; an AmdGpuNodePool advertises amd.com/gpu through the AMD GPU Operator, ` +
        'use GpuNodePool for NVIDIA GPUs');
    }
    if (!Number.isInteger(props.gpusPerNode) || props.gpusPerNode < 1) invalid(this, `gpusPerNode ${props.gpusPerNode} must be a positive integer`);
    this.nodeCount = props.nodeCount ?? 1;
    if (!Number.isInteger(this.nodeCount) || this.nodeCount < 1) invalid(this, `nodeCount ${this.nodeCount} must be a positive integer`);
    this.computePartition = props.computePartition ?? AmdComputePartition.SPX;
    this.memoryPartition = props.memoryPartition ?? AmdMemoryPartition.NPS1;
    if (this.memoryPartition === AmdMemoryPartition.NPS4 && this.computePartition !== AmdComputePartition.CPX) {
      invalid(this, 'memoryPartition NPS4 needs computePartition CPX (the AMD GPU Operator\'s Device Config Manager supports NPS4 only with CPX); ' +
        'use NPS1 with SPX');
    }
    this.poolName = props.poolName;
    this.gpuModel = props.gpuModel;
    this.gpusPerNode = props.gpusPerNode;
    this.minNodeCount = this.nodeCount;
    this.maxNodeCount = this.nodeCount;
    this.rdma = props.rdma;
    this.partitioning = GpuPartitioning.wholeGpus();
    const perGpu = this.computePartition === AmdComputePartition.CPX ? XCDS_PER_GPU : 1;
    this.offers = [{
      resourceName: AMD_GPU_RESOURCE,
      countPerNode: this.gpusPerNode * perGpu,
      memoryGb: Math.floor((props.gpuModel.memoryGb * 10) / perGpu) / 10,
    }];
    this.partitionProfile = `${this.computePartition}-${this.memoryPartition}-${this.gpusPerNode}gpu`.toLowerCase();
    this.nodeSelector = props.nodeSelector ?? { 'ai-factory.dev/gpu-pool': props.poolName };
    if (DCM_PROFILE_LABEL in this.nodeSelector) {
      invalid(this, `nodeSelector sets ${DCM_PROFILE_LABEL}, which the pool derives from its partitioning; leave it out of nodeSelector`);
    }
    this.nodeLabels = { ...this.nodeSelector, [DCM_PROFILE_LABEL]: this.partitionProfile };
    this.nodeTaints = [{ key: AMD_GPU_RESOURCE, value: 'present', effect: TaintEffect.NO_SCHEDULE }];
    this.tolerations = [{ key: AMD_GPU_RESOURCE, operator: 'Exists', effect: TaintEffect.NO_SCHEDULE }];
  }
}

/** Props of {@link AmdGpuOperator}. */
export interface AmdGpuOperatorProps {
  /** The AMD pools whose partition profiles the Device Config Manager applies. */
  readonly pools: IAmdGpuNodePool[];
  /**
   * Namespace of the AMD GPU Operator, where its DeviceConfig and the profile ConfigMap live.
   * @default 'kube-amd-gpu' - the namespace of the operator's Helm chart and examples
   */
  readonly operatorNamespace?: string;
  /**
   * Whether the operator installs the amdgpu driver on the nodes (`spec.driver.enable`).
   * @default false - the node image ships the driver
   */
  readonly manageDriver?: boolean;
}

/**
 * The AMD GPU Operator's `DeviceConfig` (`amd.com/v1alpha1`, CRD from ROCm/gpu-operator v1.5.1
 * `config/crd/bases/amd.com_deviceconfigs.yaml`) next to NVIDIA's ClusterPolicy: the device plugin and node labeller,
 * and the Device Config Manager with a ConfigMap of one partition profile per pool (CPX/SPX, NPS1/NPS4), applied to
 * the nodes labelled `dcm.amd.com/gpu-config-profile=<profile>` (`AmdGpuNodePool.nodeLabels`). Operands tolerate
 * the pools' `amd.com/gpu` taint. Profiles follow `docs/dcm/device-config-manager-configmap.md` at the same tag:
 * the GPUs of a profile add up to the node's GPUs.
 */
export class AmdGpuOperator extends Construct {
  /** Name of the ConfigMap holding the partition profiles (`config.json`). */
  public readonly profilesConfigMapName: string;

  constructor(scope: Construct, id: string, props: AmdGpuOperatorProps) {
    super(scope, id);
    const namespace = props.operatorNamespace ?? 'kube-amd-gpu';
    if (!isDnsLabel(namespace)) invalid(this, `operatorNamespace ${JSON.stringify(namespace)} must be a DNS label`);
    if (props.pools.length === 0) invalid(this, 'pools is empty; give the AMD GPU pools whose partitions the operator configures');
    const profiles: { [name: string]: unknown } = {};
    for (const pool of props.pools) {
      if (pool.gpuModel.vendor !== GpuVendor.AMD) invalid(this, `pool ${pool.poolName} has ${pool.gpuModel.displayName}, not an AMD GPU`);
      profiles[pool.partitionProfile] = {
        skippedGPUs: { ids: [] },
        profiles: [{ computePartition: pool.computePartition, memoryPartition: pool.memoryPartition, numGPUsAssigned: pool.gpusPerNode }],
      };
    }
    this.profilesConfigMapName = 'amd-gpu-partition-profiles';
    const config = {
      'gpu-config-profiles': Object.fromEntries(Object.keys(profiles).sort().map((k) => [k, profiles[k]])),
      // the services DCM stops while it repartitions, as in the operator's example ConfigMap
      'gpuClientSystemdServices': { names: ['amd-metrics-exporter', 'gpuagent'] },
    };
    new k8s.KubeConfigMap(this, 'Profiles', {
      metadata: { name: this.profilesConfigMapName, namespace },
      data: { 'config.json': `${JSON.stringify(config, undefined, 2)}\n` },
    });
    const toleration = [{ key: AMD_GPU_RESOURCE, operator: 'Exists', effect: TaintEffect.NO_SCHEDULE as string }];
    new (bindings.amdGpuOperator().DeviceConfig)(this, 'DeviceConfig', {
      metadata: { name: 'amd-gpu', namespace },
      spec: {
        driver: { enable: props.manageDriver ?? false },
        devicePlugin: {
          enableDevicePlugin: true,
          enableNodeLabeller: true,
          devicePluginTolerations: toleration,
          nodeLabellerTolerations: toleration,
        },
        configManager: { enable: true, config: { name: this.profilesConfigMapName }, configManagerTolerations: toleration },
        // the Node Feature Discovery label the operator's examples select AMD GPU nodes with
        selector: { 'feature.node.kubernetes.io/amd-gpu': 'true' },
      },
    });
  }
}
