import { Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { claimFlavorName, defaultFlavorName, grantFlavorAccess, warnDeprecatedSpecs } from './checks';
import { NovaPciAliases } from './nova-pci-aliases';
import {
  CpuPolicy,
  CpuThreadPolicy,
  GpuFlavorPlan,
  GpuFlavorPlanner,
  HostReservation,
  MemoryPageSize,
  PciNumaAffinityPolicy,
} from '../../lib/hardware/flavor-plan';
import { GpuModel } from '../../lib/hardware/gpu';
import { GpuAttachment, GpuAttachmentKind } from '../../lib/hardware/gpu-attachment';
import { NovaExtraSpecs } from '../../lib/hardware/nova-extra-specs';
import { ServerProfile } from '../../lib/hardware/server';
import { openStackNameProblem } from '../../lib/tenancy/openstack-limits';
import { bindings } from '../common/bindings';
import { IProject } from '../common/project';
import { guard, invalid } from '../common/validation';

/**
 * A Nova flavor that gives its servers GPUs: a GPU VM flavor or a bare-metal GPU server flavor.
 *
 * Tenants size quotas from it: legacy quotas count `vcpus` and `ramMb` (also for bare metal), unified limits count the
 * Placement classes in `placementResources` (`class:PCPU`, `class:MEMORY_MB`, `class:<gpuResourceClass>`, ...).
 */
export interface IGpuFlavor extends IConstruct {
  /** Flavor id (a Terraform reference). */
  readonly flavorId: string;
  /** Flavor name. */
  readonly flavorName: string;
  /** GPUs a server of this flavor gets (whole GPUs, vGPUs or MIG instances; all GPUs of the machine for bare metal). */
  readonly gpuCount: number;
  /** GPU model. */
  readonly gpuModel: GpuModel;
  /** The server profile the flavor was derived from. */
  readonly server: ServerProfile;
  /** vCPUs of a server of this flavor (for bare metal: the machine's hardware threads, not scheduled on). */
  readonly vcpus: number;
  /** RAM of a server of this flavor, in MiB (for bare metal: the machine's memory, not scheduled on). */
  readonly ramMb: number;
  /** Root disk in GB (0: boot from volume). */
  readonly diskGb: number;
  /** Whether a server of this flavor is a whole bare-metal machine (Ironic) rather than a VM. */
  readonly bareMetal: boolean;
  /** How the GPUs are attached (`BARE_METAL` for bare-metal flavors). */
  readonly attachmentKind: GpuAttachmentKind;
  /** Memory in GB of each GPU the server sees (a whole GPU, a vGPU's framebuffer or a MIG instance). */
  readonly gpuMemoryGb: number;
  /**
   * Placement resource class that carries the GPUs: `CUSTOM_PCI_<VENDOR>_<PRODUCT>` for passthrough (counted in
   * Placement only with `[filter_scheduler] pci_in_placement`), `VGPU` or a custom mdev class for vGPUs, the node's
   * `CUSTOM_<CLASS>` for bare metal.
   */
  readonly gpuResourceClass: string;
  /** What one server of the flavor claims in Placement: resource class → amount. */
  readonly placementResources: { [resourceClass: string]: number };
  /** Whether every project may use the flavor; private flavors need `grantAccess`. */
  readonly isPublic: boolean;
  /** The flavor's extra specs, as Nova receives them. */
  readonly extraSpecs: { [key: string]: string };
  /** Lets a project use the (private) flavor. */
  grantAccess(project: IProject): void;
}

/** Settings of a GPU VM flavor that a flavor family shares. */
export interface GpuFlavorOptions {
  /**
   * How the GPUs are attached.
   * @default GpuAttachment.passthrough()
   */
  readonly attachment?: GpuAttachment;
  /**
   * PCI NUMA affinity policy (passthrough only).
   * @default PciNumaAffinityPolicy.REQUIRED
   */
  readonly pciNumaAffinityPolicy?: PciNumaAffinityPolicy;
  /**
   * CPU policy.
   * @default CpuPolicy.DEDICATED
   */
  readonly cpuPolicy?: CpuPolicy;
  /**
   * CPU thread policy; needs dedicated CPUs.
   * @default - CpuThreadPolicy.PREFER with dedicated CPUs
   */
  readonly cpuThreadPolicy?: CpuThreadPolicy;
  /**
   * Guest memory page size. 1 GiB pages must be reserved on the hosts (kernel `hugepagesz=1G hugepages=<n>`).
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
  /**
   * virtio-net multiqueue (`hw:vif_multiqueue_enabled`): as many queues per VIF as the guest has vCPUs, so network
   * throughput scales with them (libvirt only; the guest enables the queues with `ethtool -L`). An image's
   * `hw_vif_multiqueue_enabled` that disagrees makes Nova refuse the boot (openstack/nova 33.0.2
   * `nova/virt/hardware.py` `get_vif_multiqueue_constraint`).
   * @default - not set: off unless the image turns it on
   */
  readonly vifMultiqueue?: boolean;
  /**
   * More extra specs (aggregate pinning `aggregate_instance_extra_specs:*`, `hw_rng:*`, `quota:*` disk and VIF
   * limits, `trait:*`, ...). Each is checked against Nova's extra-spec validators (key name and value syntax,
   * openstack/nova 33.0.2 `nova/api/validation/extra_specs/`); a key that contradicts what the flavor derives (a
   * derived key with another value, a NUMA split, CPU/RAM/disk/GPU resource requests) is refused.
   * @default - none
   */
  readonly extraSpecs?: { [key: string]: string };
}

/** Props of {@link GpuFlavor}. */
export interface GpuFlavorProps extends GpuFlavorOptions {
  /** The server model the flavor's VMs run on. */
  readonly server: ServerProfile;
  /** GPUs per VM: whole GPUs, vGPUs or MIG instances, depending on the attachment. */
  readonly gpuCount: number;
  /**
   * Flavor name.
   * @default - `gpu.<gpu model>.<n>x` (passthrough), `vgpu.<type>.<n>x`, `mig.<gpu model>.<profile>.<n>x`
   */
  readonly flavorName?: string;
  /**
   * Guest NUMA nodes.
   * @default - the fewest NUMA nodes that hold the GPUs
   */
  readonly numaNodes?: number;
}

/** Props of {@link GpuFlavor.fromFlavorName}: the flavor's name and the hardware it was sized for. */
export interface GpuFlavorLookupProps extends GpuFlavorOptions {
  /** Name of the existing flavor. */
  readonly flavorName: string;
  /** The server model the flavor's VMs run on. */
  readonly server: ServerProfile;
  /** GPUs per VM: whole GPUs, vGPUs or MIG instances, depending on the attachment. */
  readonly gpuCount: number;
  /**
   * Guest NUMA nodes.
   * @default - the fewest NUMA nodes that hold the GPUs
   */
  readonly numaNodes?: number;
}

/**
 * A NUMA-aware GPU VM flavor derived from a server profile: whole GPUs by PCI passthrough, time-sliced vGPUs or
 * MIG-backed vGPUs.
 *
 * The VM gets dedicated CPUs and hugepage-backed memory from the NUMA nodes its GPUs sit on, sized as the GPUs' share
 * of those nodes after the host reservation; `required` PCI NUMA affinity keeps Nova from placing passthrough GPUs
 * across the socket interconnect (openstack/nova doc/source/admin/cpu-topologies.rst,
 * huge-pages.rst, pci-passthrough.rst). Passthrough flavors register their PCI
 * alias in the stack's `nova_pci_alias` output.
 */
export class GpuFlavor extends Construct implements IGpuFlavor {
  /**
   * An existing GPU flavor, looked up by name and by the vCPUs, RAM and disk its server profile and GPU count give
   * (`data.openstack_compute_flavor_v2` filters on `name`, `vcpus`, `ram`, `disk`), so quotas, node groups and
   * sizing use it like a flavor this app creates; the plan fails when no flavor has that name and those sizes.
   * Nothing is created: no flavor, no PCI alias (the site configured it with the flavor).
   */
  public static fromFlavorName(scope: Construct, id: string, props: GpuFlavorLookupProps): IGpuFlavor {
    return new ImportedGpuFlavor(scope, id, props);
  }

  public readonly flavorId: string;
  public readonly flavorName: string;
  public readonly gpuCount: number;
  public readonly gpuModel: GpuModel;
  public readonly server: ServerProfile;
  public readonly vcpus: number;
  public readonly ramMb: number;
  public readonly diskGb: number;
  public readonly bareMetal: boolean = false;
  public readonly attachmentKind: GpuAttachmentKind;
  public readonly gpuMemoryGb: number;
  public readonly gpuResourceClass: string;
  public readonly placementResources: { [resourceClass: string]: number };
  /** Whether every project may use the flavor. */
  public readonly isPublic: boolean;
  public readonly extraSpecs: { [key: string]: string };
  /** The derived plan: vCPUs, RAM, NUMA split and extra specs. */
  public readonly plan: GpuFlavorPlan;

  constructor(scope: Construct, id: string, props: GpuFlavorProps) {
    super(scope, id);
    this.server = props.server;
    this.gpuModel = guard(this, () => props.server.requireGpuModel());
    const attachment = props.attachment ?? GpuAttachment.passthrough();
    this.plan = guard(this, () =>
      GpuFlavorPlanner.plan({
        server: props.server,
        gpuCount: props.gpuCount,
        attachment,
        numaNodes: props.numaNodes,
        pciNumaAffinityPolicy: props.pciNumaAffinityPolicy,
        cpuPolicy: props.cpuPolicy,
        cpuThreadPolicy: props.cpuThreadPolicy,
        memoryPageSize: props.memoryPageSize,
        hostReservation: props.hostReservation,
      }),
    );
    this.gpuCount = props.gpuCount;
    this.vcpus = this.plan.vcpus;
    this.ramMb = this.plan.ramMb;
    this.diskGb = props.diskGb ?? 100;
    if (!Number.isInteger(this.diskGb) || this.diskGb < 0) invalid(this, `diskGb ${this.diskGb} must be a non-negative integer (0 boots from volume)`);
    this.isPublic = props.isPublic ?? false;
    const derived = props.vifMultiqueue === undefined
      ? this.plan.extraSpecs
      : { ...this.plan.extraSpecs, 'hw:vif_multiqueue_enabled': String(props.vifMultiqueue) };
    this.extraSpecs = guard(this, () => NovaExtraSpecs.mergeIntoVmFlavor(derived, props.extraSpecs ?? {}, Object.keys(this.plan.placementResources)));
    warnDeprecatedSpecs(this, props.extraSpecs ?? {});
    this.attachmentKind = this.plan.attachmentKind;
    this.gpuMemoryGb = this.plan.gpuMemoryGb;
    this.gpuResourceClass = this.plan.gpuResourceClass;
    this.placementResources = sortByKey({
      ...this.plan.placementResources,
      ...(this.diskGb > 0 ? { DISK_GB: this.diskGb } : {}),
      ...NovaExtraSpecs.resourceRequests(props.extraSpecs ?? {}),
    });
    this.flavorName = props.flavorName ?? defaultFlavorName(this.gpuModel, attachment, props.gpuCount);
    const nameProblem = openStackNameProblem('flavorName', this.flavorName);
    if (nameProblem) invalid(this, nameProblem);
    claimFlavorName(this, this.flavorName);

    const flavor = new (bindings.computeFlavorV2().ComputeFlavorV2)(this, 'Resource', {
      name: this.flavorName,
      vcpus: this.plan.vcpus,
      ram: this.plan.ramMb,
      disk: this.diskGb,
      isPublic: this.isPublic,
      extraSpecs: this.extraSpecs,
      description: this.plan.description,
    });
    this.flavorId = flavor.id;
    if (this.plan.pciAlias) NovaPciAliases.of(this).register(this, this.plan.pciAlias);
  }

  /** Lets a project use the flavor (`openstack_compute_flavor_access_v2`). */
  public grantAccess(project: IProject): void {
    grantFlavorAccess(this, this.flavorId, this.isPublic, project);
  }
}

/** A GPU flavor that exists already (see {@link GpuFlavor.fromFlavorName}). */
class ImportedGpuFlavor extends Construct implements IGpuFlavor {
  public readonly flavorId: string;
  public readonly flavorName: string;
  public readonly gpuCount: number;
  public readonly gpuModel: GpuModel;
  public readonly server: ServerProfile;
  public readonly vcpus: number;
  public readonly ramMb: number;
  public readonly diskGb: number;
  public readonly bareMetal: boolean = false;
  public readonly attachmentKind: GpuAttachmentKind;
  public readonly gpuMemoryGb: number;
  public readonly gpuResourceClass: string;
  public readonly placementResources: { [resourceClass: string]: number };
  public readonly isPublic: boolean;
  public readonly extraSpecs: { [key: string]: string };

  constructor(scope: Construct, id: string, props: GpuFlavorLookupProps) {
    super(scope, id);
    const name = props.flavorName;
    if (!Token.isUnresolved(name) && (name.trim() !== name || name.length === 0 || name.length > 255)) {
      invalid(this, `flavorName ${JSON.stringify(name)} must be 1 to 255 characters without leading or trailing spaces (Nova's limit)`);
    }
    this.server = props.server;
    this.gpuModel = guard(this, () => props.server.requireGpuModel());
    const plan = guard(this, () => GpuFlavorPlanner.plan({ ...props, attachment: props.attachment ?? GpuAttachment.passthrough() }));
    this.flavorName = name;
    this.gpuCount = props.gpuCount;
    this.vcpus = plan.vcpus;
    this.ramMb = plan.ramMb;
    this.diskGb = props.diskGb ?? 100;
    if (!Number.isInteger(this.diskGb) || this.diskGb < 0) invalid(this, `diskGb ${this.diskGb} must be a non-negative integer (0 boots from volume)`);
    this.isPublic = props.isPublic ?? false;
    this.extraSpecs = plan.extraSpecs;
    this.attachmentKind = plan.attachmentKind;
    this.gpuMemoryGb = plan.gpuMemoryGb;
    this.gpuResourceClass = plan.gpuResourceClass;
    this.placementResources = this.diskGb > 0 ? sortByKey({ ...plan.placementResources, DISK_GB: this.diskGb }) : plan.placementResources;
    // a disk of 0 is no filter for the data source (it reads the value with GetOk), so it is left out
    this.flavorId = new (bindings.dataOpenstackComputeFlavorV2().DataOpenstackComputeFlavorV2)(this, 'Resource', {
      name, vcpus: this.vcpus, ram: this.ramMb, disk: this.diskGb > 0 ? this.diskGb : undefined,
    }).id;
  }

  public grantAccess(project: IProject): void {
    grantFlavorAccess(this, this.flavorId, this.isPublic, project);
  }
}

function sortByKey(o: { [key: string]: number }): { [key: string]: number } {
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
}
