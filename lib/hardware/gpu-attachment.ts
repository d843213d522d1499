import { check, fail, oneOf } from '../errors';
import { GpuModel, MigProfile } from './gpu';
import { PlacementNames } from './placement';

/** How a Nova flavor gives a VM its GPUs. */
export enum GpuAttachmentKind {
  /** Whole GPUs, PCI passthrough through a Nova PCI alias (`pci_passthrough:alias`). */
  PASSTHROUGH = 'PASSTHROUGH',
  /** Time-sliced NVIDIA vGPUs (mediated devices, `resources:VGPU`). */
  VGPU = 'VGPU',
  /** MIG-backed NVIDIA vGPUs: a vGPU type the vGPU host driver exposes on a MIG instance. */
  MIG_VGPU = 'MIG_VGPU',
  /**
   * SR-IOV virtual functions of a GPU that a host driver partitions (AMD MxGPU), each passed through as a PCI device
   * through a Nova PCI alias of `device_type: type-VF`.
   */
  SRIOV_VF = 'SRIOV_VF',
  /** The whole server through Ironic (bare-metal flavors; not a `GpuAttachment`). */
  BARE_METAL = 'BARE_METAL',
}

/** `device_type` of a Nova PCI alias (openstack/nova `nova/conf/pci.py`, `doc/source/admin/pci-passthrough.rst`). */
export enum PciDeviceType {
  /** A PCI device without SR-IOV. */
  TYPE_PCI = 'type-PCI',
  /**
   * An SR-IOV capable physical function, passed through whole. Nova records a device as `type-PF` when libvirt lists a
   * `virt_functions` capability for it (`nova/virt/libvirt/host.py` `_get_device_type`), i.e. whenever the device has
   * the SR-IOV capability (`lspci -vvv` shows "Single Root I/O Virtualization"), VFs enabled or not.
   */
  TYPE_PF = 'type-PF',
  /** An SR-IOV virtual function. */
  TYPE_VF = 'type-VF',
}

/** Options of {@link GpuAttachment.passthrough}. */
export interface PassthroughAttachmentOptions {
  /**
   * Nova PCI alias name the flavor requests (`pci_passthrough:alias=<alias>:<n>`); nova.conf `[pci] alias` on nova-api
   * and every nova-compute must define it (the `nova_pci_alias` Terraform output lists the definitions).
   * @default - the GPU model's name, e.g. `h200-sxm-141gb`
   */
  readonly pciAlias?: string;
  /**
   * `device_type` of the alias: what nova-compute records for the GPU (`type-PF` when it has the SR-IOV capability,
   * else `type-PCI`); an alias of the other type matches no device ("No valid host").
   * @default - `TYPE_PF` for an SR-IOV capable model (`GpuModel.sriovCapable`), else `TYPE_PCI`
   */
  readonly deviceType?: PciDeviceType;
  /**
   * Placement resource class of the GPU when PCI devices are tracked in Placement (`[pci] report_in_placement` and
   * `[filter_scheduler] pci_in_placement`); written into the alias as `resource_class` when given. Unified limits
   * count GPUs by this class (`class:<RC>`).
   * @default - Nova's default class `CUSTOM_PCI_<VENDOR>_<PRODUCT>`, not written into the alias
   */
  readonly resourceClass?: string;
}

/** Options of {@link GpuAttachment.sriovVf}. */
export interface SriovVfAttachmentOptions {
  /**
   * VFs the host driver creates on each GPU (AMD GIM: `vf_num`, with the compute and memory partition mode that
   * goes with it); one of the GPU model's `vfsPerGpuOptions`. Each VF gets `1 / vfsPerGpu` of the GPU's memory.
   * @default 1
   */
  readonly vfsPerGpu?: number;
  /**
   * Nova PCI alias name the flavor requests (`pci_passthrough:alias=<alias>:<n>`).
   * @default - `<GPU model name>-vf`, e.g. `mi300x-192gb-vf`
   */
  readonly pciAlias?: string;
  /**
   * Placement resource class of the VFs when PCI devices are tracked in Placement; written into the alias and the
   * device_spec when given.
   * @default - Nova's default class `CUSTOM_PCI_<VENDOR>_<VF PRODUCT>`, not written into the alias
   */
  readonly resourceClass?: string;
}

/** Options of {@link GpuAttachment.vgpu}. */
export interface VgpuAttachmentOptions {
  /**
   * Framebuffer of one vGPU in GB.
   * @default - the number before the type's series letter, e.g. 12 for `L40S-12Q`, 20 for `H100XM-20C`
   */
  readonly framebufferGb?: number;
  /**
   * vGPUs of this type one physical GPU hosts (time-sliced vGPU types are homogeneous on a GPU).
   * @default - GPU memory / framebuffer, rounded down
   */
  readonly instancesPerGpu?: number;
  /**
   * Placement resource class the vGPUs are reported as: `VGPU`, or the `[mdev_<type>] mdev_class` of the type.
   * @default 'VGPU'
   */
  readonly resourceClass?: string;
  /**
   * Trait an operator sets on the resource providers of GPUs that carry this type, so the flavor lands on them
   * (`trait:<T>=required`). Not used when `resourceClass` is a type-specific custom class.
   * @default - `CUSTOM_<TYPE>` when the class is `VGPU` (e.g. `CUSTOM_L40S_12Q`), none for a custom class
   */
  readonly trait?: string;
}

/** Options of {@link GpuAttachment.mig}. */
export interface MigAttachmentOptions {
  /**
   * NVIDIA vGPU type name of the MIG-backed vGPU, e.g. `H100XM-3-40C` (documentation only: Nova selects it through
   * the resource class or trait).
   * @default - none recorded
   */
  readonly vgpuType?: string;
  /**
   * MIG instances of this profile the operator creates on each GPU (the host's MIG layout).
   * @default - the profile's maximum, e.g. 7 for `1g.10gb`
   */
  readonly instancesPerGpu?: number;
  /**
   * Placement resource class the MIG-backed vGPUs are reported as (`[mdev_<type>] mdev_class`). A type-specific
   * custom class (e.g. `CUSTOM_NVIDIA_700`) is how a host that offers several MIG profiles keeps them apart.
   * @default 'VGPU'
   */
  readonly resourceClass?: string;
  /**
   * Trait on the resource providers of this profile's vGPUs (`trait:<T>=required`). Not used with a custom class.
   * @default - `CUSTOM_MIG_<PROFILE>` when the class is `VGPU` (e.g. `CUSTOM_MIG_3G_71GB`), none for a custom class
   */
  readonly trait?: string;
}

/**
 * How a flavor attaches GPUs: whole GPUs by PCI passthrough, SR-IOV virtual functions (AMD MxGPU), time-sliced vGPUs,
 * or MIG-backed vGPUs.
 *
 * vGPU flavors follow Nova's virtual-gpu guide (openstack/nova doc/source/admin/virtual-gpu.rst): one `resources:VGPU=1` group per vGPU (numbered
 * groups `resources1:VGPU=1`, ... when there are several), a trait or a type-specific resource class to pick the type.
 * MIG-backed vGPU is not in Nova's documentation: the NVIDIA vGPU host driver exposes each MIG-backed vGPU type as an
 * mdev type on an SR-IOV VF, which Nova treats like any other mdev type (StackHPC runs A100D-1-10C/2-20C this way with
 * `mdev_class = CUSTOM_NVIDIA_700`); that is the assumption here.
 */
export class GpuAttachment {
  /** Whole GPUs by PCI passthrough. */
  public static passthrough(options: PassthroughAttachmentOptions = {}): GpuAttachment {
    return new GpuAttachment(GpuAttachmentKind.PASSTHROUGH, options, {}, {});
  }

  /**
   * SR-IOV virtual functions of the GPU (AMD MxGPU on Instinct GPUs with the GIM host driver): each VF is a PCI
   * device of its own (`1002:74b5` on MI300X) with a share of the GPU, passed through whole like a GPU. nova-compute
   * records VFs as `type-VF`; the host's `[pci] device_spec` lists the VF's product id, not the GPU's (the GIM
   * driver owns the physical function).
   */
  public static sriovVf(options: SriovVfAttachmentOptions = {}): GpuAttachment {
    return new GpuAttachment(GpuAttachmentKind.SRIOV_VF, {}, {}, {}, undefined, undefined, { ...options });
  }

  /**
   * Time-sliced NVIDIA vGPUs of one type.
   * @param vgpuType NVIDIA vGPU type name, e.g. `L40S-12Q` or `H100XM-20C`
   */
  public static vgpu(vgpuType: string, options: VgpuAttachmentOptions = {}): GpuAttachment {
    check(vgpuType.trim().length > 0, 'vGPU type must not be empty; use an NVIDIA vGPU type name such as L40S-12Q');
    return new GpuAttachment(GpuAttachmentKind.VGPU, {}, { ...options }, {}, vgpuType);
  }

  /**
   * MIG-backed NVIDIA vGPUs: each vGPU is one MIG instance of `profile`.
   * @param profile MIG profile name, e.g. `3g.71gb`
   */
  public static mig(profile: string, options: MigAttachmentOptions = {}): GpuAttachment {
    return new GpuAttachment(GpuAttachmentKind.MIG_VGPU, {}, {}, { ...options }, options.vgpuType, profile);
  }

  /** The attachment kind. */
  public readonly kind: GpuAttachmentKind;
  /** The vGPU type name (time-sliced or MIG-backed), when known. */
  public readonly vgpuType?: string;
  /** The MIG profile name of a MIG-backed attachment. */
  public readonly migProfileName?: string;
  private readonly passthroughOptions: PassthroughAttachmentOptions;
  private readonly vgpuOptions: VgpuAttachmentOptions;
  private readonly migOptions: MigAttachmentOptions;
  private readonly vfOptions: SriovVfAttachmentOptions;

  private constructor(
    kind: GpuAttachmentKind,
    passthroughOptions: PassthroughAttachmentOptions,
    vgpuOptions: VgpuAttachmentOptions,
    migOptions: MigAttachmentOptions,
    vgpuType?: string,
    migProfileName?: string,
    vfOptions: SriovVfAttachmentOptions = {},
  ) {
    this.kind = kind;
    this.vfOptions = vfOptions;
    this.passthroughOptions = passthroughOptions;
    this.vgpuOptions = vgpuOptions;
    this.migOptions = migOptions;
    this.vgpuType = vgpuType;
    this.migProfileName = migProfileName;
  }

  /**
   * Checks the attachment against a GPU model and resolves its defaults. Throws for a GPU without vGPU or MIG, a MIG
   * profile the GPU does not offer, or more instances per GPU than the GPU allows.
   */
  public resolve(gpu: GpuModel): ResolvedGpuAttachment {
    switch (this.kind) {
      case GpuAttachmentKind.PASSTHROUGH: {
        const o = this.passthroughOptions;
        const pciAlias = o.pciAlias ?? gpu.name;
        checkAlias(pciAlias);
        if (o.resourceClass !== undefined) checkResourceClass(o.resourceClass);
        check(o.deviceType !== PciDeviceType.TYPE_VF, 'deviceType TYPE_VF is for virtual functions; use GpuAttachment.sriovVf() so the alias names the VF product id');
        return {
          kind: this.kind,
          instancesPerGpu: 1,
          unitMemoryGb: gpu.memoryGb,
          resourceClass: o.resourceClass ?? PlacementNames.pciResourceClass(gpu.pciVendorId, gpu.pciProductId),
          pciAlias,
          pciProductId: gpu.pciProductId,
          pciDeviceType: o.deviceType ?? (gpu.sriovCapable ? PciDeviceType.TYPE_PF : PciDeviceType.TYPE_PCI),
          aliasResourceClass: o.resourceClass,
          description: `${gpu.displayName} (PCI passthrough)`,
        };
      }
      case GpuAttachmentKind.SRIOV_VF: {
        const o = this.vfOptions;
        const vf = gpu.vfPciProductId;
        if (vf === undefined) {
          fail(`${gpu.displayName} has no SR-IOV virtual functions the catalog knows (AMD MxGPU VFs are known for MI300X); `
            + 'use GpuAttachment.passthrough(), or describe the GPU with GpuModel.custom({ vfPciProductId, vfsPerGpuOptions })');
        }
        const perGpu = o.vfsPerGpu ?? 1;
        if (!gpu.vfsPerGpuOptions.includes(perGpu)) {
          fail(`vfsPerGpu ${perGpu} is not a VF count ${gpu.displayName} supports; use ${oneOf(gpu.vfsPerGpuOptions)}`);
        }
        const pciAlias = o.pciAlias ?? `${gpu.name}-vf`;
        checkAlias(pciAlias);
        if (o.resourceClass !== undefined) checkResourceClass(o.resourceClass);
        return {
          kind: this.kind,
          instancesPerGpu: perGpu,
          unitMemoryGb: gpu.memoryGb / perGpu,
          resourceClass: o.resourceClass ?? PlacementNames.pciResourceClass(gpu.pciVendorId, vf),
          pciAlias,
          pciProductId: vf,
          pciDeviceType: PciDeviceType.TYPE_VF,
          aliasResourceClass: o.resourceClass,
          description: `${gpu.displayName} SR-IOV VF (1 of ${perGpu} per GPU)`,
        };
      }
      case GpuAttachmentKind.VGPU: {
        const type = this.vgpuType!;
        if (!gpu.vgpuCapable) {
          fail(`${gpu.displayName} does not support NVIDIA vGPU, so vGPU type ${type} cannot be used; use GpuAttachment.passthrough()`);
        }
        const o = this.vgpuOptions;
        const fb = o.framebufferGb ?? framebufferFromTypeName(type);
        check(fb > 0 && fb <= gpu.memoryGb, `vGPU type ${type}: framebuffer ${fb} GB must be between 1 and the ${gpu.memoryGb} GB of ${gpu.displayName}`);
        const perGpu = o.instancesPerGpu ?? Math.floor(gpu.memoryGb / fb);
        check(Number.isInteger(perGpu) && perGpu >= 1 && perGpu * fb <= gpu.memoryGb,
          `vGPU type ${type}: ${perGpu} instances of ${fb} GB do not fit the ${gpu.memoryGb} GB of ${gpu.displayName}; use at most ${Math.floor(gpu.memoryGb / fb)}`);
        const rc = o.resourceClass ?? 'VGPU';
        checkResourceClass(rc);
        const trait = o.trait ?? (rc === 'VGPU' ? PlacementNames.custom(type) : undefined);
        if (trait !== undefined) checkTrait(trait);
        return {
          kind: this.kind,
          instancesPerGpu: perGpu,
          unitMemoryGb: fb,
          resourceClass: rc,
          trait,
          vgpuType: type,
          description: `NVIDIA vGPU ${type} on ${gpu.displayName}`,
        };
      }
      case GpuAttachmentKind.MIG_VGPU:
      default: {
        const profile: MigProfile = gpu.migProfile(this.migProfileName!);
        if (!gpu.vgpuCapable) {
          fail(`${gpu.displayName} does not support NVIDIA vGPU, so MIG-backed vGPU ${profile.name} cannot be used; use GpuAttachment.passthrough()`);
        }
        const o = this.migOptions;
        const perGpu = o.instancesPerGpu ?? profile.maxInstances;
        check(Number.isInteger(perGpu) && perGpu >= 1, `MIG profile ${profile.name}: instancesPerGpu ${perGpu} must be a positive integer`);
        if (!gpu.migLayoutFits({ [profile.name]: perGpu })) {
          fail(`${perGpu} instances of MIG profile ${profile.name} do not fit one ${gpu.displayName}; it allows at most ${profile.maxInstances}`);
        }
        const rc = o.resourceClass ?? 'VGPU';
        checkResourceClass(rc);
        const trait = o.trait ?? (rc === 'VGPU' ? PlacementNames.custom(`mig-${profile.name}`) : undefined);
        if (trait !== undefined) checkTrait(trait);
        return {
          kind: this.kind,
          instancesPerGpu: perGpu,
          unitMemoryGb: profile.memoryGb,
          resourceClass: rc,
          trait,
          vgpuType: o.vgpuType,
          migProfile: profile.name,
          description: `MIG-backed vGPU ${profile.name}${o.vgpuType ? ` (${o.vgpuType})` : ''} on ${gpu.displayName}`,
        };
      }
    }
  }
}

/** An attachment checked against a GPU model, with its defaults filled in. */
export interface ResolvedGpuAttachment {
  /** Attachment kind. */
  readonly kind: GpuAttachmentKind;
  /** Units (whole GPUs, vGPUs or MIG instances) one physical GPU provides. */
  readonly instancesPerGpu: number;
  /** Memory of one unit in GB. */
  readonly unitMemoryGb: number;
  /** Placement resource class of one unit. */
  readonly resourceClass: string;
  /** Trait the flavor requires on the unit's resource provider (vGPU kinds). */
  readonly trait?: string;
  /** PCI alias (passthrough, SR-IOV VF). */
  readonly pciAlias?: string;
  /** PCI product id the alias names: the GPU's, or its VF's (passthrough, SR-IOV VF). */
  readonly pciProductId?: string;
  /** PCI alias device type (passthrough). */
  readonly pciDeviceType?: PciDeviceType;
  /** Resource class written into the PCI alias (passthrough with GPUs in Placement). */
  readonly aliasResourceClass?: string;
  /** vGPU type name. */
  readonly vgpuType?: string;
  /** MIG profile name. */
  readonly migProfile?: string;
  /** Human description. */
  readonly description: string;
}

/** Reads the framebuffer from an NVIDIA vGPU type name: `L40S-12Q` → 12, `H100XM-20C` → 20, `A100D-2-20C` → 20. */
function framebufferFromTypeName(type: string): number {
  const m = /-(\d+)[A-Z]+$/i.exec(type.trim());
  return m ? Number(m[1]) : fail(`cannot tell the framebuffer of vGPU type ${type} from its name; give framebufferGb`);
}

function checkAlias(alias: string): void {
  check(/^[^:,\s]+$/.test(alias), `PCI alias ${JSON.stringify(alias)} must not contain ':', ',' or spaces (pci_passthrough:alias is "<alias>:<count>")`);
}

function checkResourceClass(rc: string): void {
  check(PlacementNames.isValidResourceClass(rc), `resource class ${JSON.stringify(rc)} is not a Placement resource class; use VGPU or CUSTOM_<A-Z0-9_>`);
}

function checkTrait(trait: string): void {
  check(PlacementNames.isValidTrait(trait), `trait ${JSON.stringify(trait)} is not a Placement trait name; use CUSTOM_<A-Z0-9_> (e.g. ${PlacementNames.custom(trait)})`);
}
