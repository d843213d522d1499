import { Construct, IConstruct } from 'constructs';
import { ComputeFlavorV2 } from '../../generated/terraform/openstack/compute-flavor-v2';
import {
  CpuThreadPolicy,
  GpuFlavorPlan,
  GpuFlavorPlanner,
  HostReservation,
  MemoryPageSize,
  PciNumaAffinityPolicy,
} from '../../lib/hardware/flavor-plan';
import { GpuModel } from '../../lib/hardware/gpu';
import { ServerProfile } from '../../lib/hardware/server';
import { guard } from '../common/validation';

/** A Nova flavor that gives its servers GPUs. */
export interface IGpuFlavor extends IConstruct {
  /** Flavor id (a Terraform reference). */
  readonly flavorId: string;
  /** Flavor name. */
  readonly flavorName: string;
  /** GPUs a server of this flavor gets. */
  readonly gpuCount: number;
  /** GPU model. */
  readonly gpuModel: GpuModel;
  /** The server profile the flavor was derived from. */
  readonly server: ServerProfile;
  /** vCPUs of a server of this flavor. */
  readonly vcpus: number;
  /** RAM of a server of this flavor, in MiB. */
  readonly ramMb: number;
}

/** Props of {@link GpuFlavor}. */
export interface GpuFlavorProps {
  /** The server model the flavor's VMs run on. */
  readonly server: ServerProfile;
  /** Whole GPUs passed through to each VM. */
  readonly gpuCount: number;
  /**
   * Flavor name.
   * @default - `gpu.<gpu model>.<n>x`, e.g. `gpu.h200-sxm-141gb.4x`
   */
  readonly flavorName?: string;
  /**
   * Nova PCI alias the flavor requests; nova.conf `[pci] alias` must define it.
   * @default - the GPU model's name
   */
  readonly pciAlias?: string;
  /**
   * Guest NUMA nodes.
   * @default - the fewest NUMA nodes that hold the GPUs
   */
  readonly numaNodes?: number;
  /**
   * PCI NUMA affinity policy.
   * @default PciNumaAffinityPolicy.REQUIRED
   */
  readonly pciNumaAffinityPolicy?: PciNumaAffinityPolicy;
  /**
   * CPU thread policy; CPUs are always dedicated.
   * @default CpuThreadPolicy.PREFER
   */
  readonly cpuThreadPolicy?: CpuThreadPolicy;
  /**
   * Guest memory page size.
   * @default MemoryPageSize.HUGE_1G
   */
  readonly memoryPageSize?: MemoryPageSize;
  /**
   * Host reservation per NUMA node.
   * @default - 2 cores and 16 GiB per NUMA node
   */
  readonly hostReservation?: HostReservation;
  /**
   * Root disk in GB (0 means boot from volume).
   * @default 100
   */
  readonly diskGb?: number;
  /**
   * Whether every project may use the flavor. GPU flavors are usually granted to projects one by one.
   * @default false
   */
  readonly isPublic?: boolean;
}

/**
 * A NUMA-aware whole-GPU (PCI passthrough) Nova flavor derived from a server profile.
 *
 * The VM gets dedicated CPUs and hugepage-backed memory from the NUMA nodes its GPUs sit on, sized as the GPUs'
 * share of those nodes after the host reservation; `required` PCI NUMA affinity keeps Nova from placing the GPUs
 * across the socket interconnect (shared/reference/openstack-compute.md §2-4).
 */
export class GpuFlavor extends Construct implements IGpuFlavor {
  public readonly flavorId: string;
  public readonly flavorName: string;
  public readonly gpuCount: number;
  public readonly gpuModel: GpuModel;
  public readonly server: ServerProfile;
  public readonly vcpus: number;
  public readonly ramMb: number;
  /** The derived plan: vCPUs, RAM, NUMA split and extra specs. */
  public readonly plan: GpuFlavorPlan;

  constructor(scope: Construct, id: string, props: GpuFlavorProps) {
    super(scope, id);
    this.server = props.server;
    this.gpuModel = guard(this, () => props.server.requireGpuModel());
    this.plan = guard(this, () =>
      GpuFlavorPlanner.passthrough({
        server: props.server,
        gpuCount: props.gpuCount,
        pciAlias: props.pciAlias,
        numaNodes: props.numaNodes,
        pciNumaAffinityPolicy: props.pciNumaAffinityPolicy,
        cpuThreadPolicy: props.cpuThreadPolicy,
        memoryPageSize: props.memoryPageSize,
        hostReservation: props.hostReservation,
      }),
    );
    this.gpuCount = props.gpuCount;
    this.vcpus = this.plan.vcpus;
    this.ramMb = this.plan.ramMb;
    this.flavorName = props.flavorName ?? `gpu.${this.gpuModel.name}.${props.gpuCount}x`;

    const flavor = new ComputeFlavorV2(this, 'Resource', {
      name: this.flavorName,
      vcpus: this.plan.vcpus,
      ram: this.plan.ramMb,
      disk: props.diskGb ?? 100,
      isPublic: props.isPublic ?? false,
      extraSpecs: this.plan.extraSpecs,
      description: `${props.gpuCount}× ${this.gpuModel.displayName} on ${props.server.name}, ${this.plan.numaNodes} NUMA node(s)`,
    });
    this.flavorId = flavor.id;
  }
}
