import { check } from '../errors';
import { GpuModel } from '../hardware/gpu';
import { PlacementNames } from '../hardware/placement';

/** Placement's resource classes that are not `CUSTOM_*`, which GPU requests may use. */
const STANDARD_GPU_CLASSES = ['VGPU', 'PGPU'];

/**
 * The Placement resource class a GPU flavor consumes, and so the Keystone unified-limit resource Nova counts GPUs
 * under (`class:<RC>`; openstack/nova 32.2.1 doc/source/admin/unified-limits.rst).
 *
 * - whole-GPU PCI passthrough with `[filter_scheduler] pci_in_placement = true`: each GPU is one unit of
 *   `CUSTOM_PCI_<VENDOR>_<PRODUCT>` (the default resource class of a `[pci] device_spec`, §5), e.g.
 *   `CUSTOM_PCI_10DE_2335` for an H200;
 * - vGPU (mediated devices): each vGPU is one unit of `VGPU`, or of the `mdev_class` the operator configured (§6);
 * - Ironic bare metal: a server consumes exactly one unit of the node's resource class, whatever its GPU count (§7).
 *
 * Without PCI in Placement, passthrough GPUs are not in Placement at all and unified limits cannot count them.
 */
export class GpuResourceClass {
  /**
   * Whole GPUs passed through with PCI in Placement: `CUSTOM_PCI_<VENDOR>_<PRODUCT>` from the GPU's PCI ids
   * (upper-case hex), one unit per GPU.
   */
  public static pciPassthrough(gpu: GpuModel): GpuResourceClass {
    return new GpuResourceClass(PlacementNames.pciResourceClass(gpu.pciVendorId, gpu.pciProductId), false);
  }

  /**
   * The class a flavor reports it consumes (`IGpuFlavor.gpuResourceClass`, already a Placement name such as
   * `CUSTOM_PCI_10DE_2335`, `VGPU` or `CUSTOM_BAREMETAL_HGX_H200`); `onePerServer` for bare-metal flavors.
   */
  public static fromPlacement(resourceClass: string, onePerServer: boolean): GpuResourceClass {
    check(PlacementNames.isValidResourceClass(resourceClass), `resource class ${JSON.stringify(resourceClass)} is not a Placement resource class; use VGPU or CUSTOM_<A-Z0-9_>`);
    return new GpuResourceClass(resourceClass, onePerServer);
  }

  /** Whole GPUs passed through under a `resource_class` set in the `[pci] alias`/`device_spec`: one unit per GPU. */
  public static pciAlias(resourceClass: string): GpuResourceClass {
    return new GpuResourceClass(GpuResourceClass.normalize(resourceClass), false);
  }

  /**
   * vGPUs (mediated devices): one unit per vGPU of `VGPU`, or of the custom `mdev_class` given here
   * (e.g. `CUSTOM_NVIDIA_36`).
   * @param mdevClass `[mdev_<type>] mdev_class`; `VGPU` when omitted
   */
  public static vgpu(mdevClass?: string): GpuResourceClass {
    return new GpuResourceClass(mdevClass === undefined ? 'VGPU' : GpuResourceClass.normalize(mdevClass), false);
  }

  /**
   * An Ironic bare-metal flavor: the node's `resource_class` (e.g. `baremetal.gpu-h200` → `CUSTOM_BAREMETAL_GPU_H200`),
   * one unit per server whatever its GPU count.
   */
  public static bareMetal(nodeResourceClass: string): GpuResourceClass {
    check(nodeResourceClass.trim().length > 0, 'a resource class name must not be empty');
    return new GpuResourceClass(PlacementNames.baremetalResourceClass(nodeResourceClass.trim()), true);
  }

  /**
   * Placement's normalisation of a custom resource class name (openstack/os-resource-classes `normalize_name`; openstack/ironic `doc/source/install/configure-nova-flavors.rst`): upper-case, every
   * run of characters outside `[A-Z0-9_]` becomes one `_`, `CUSTOM_` prefixed unless present, 255 characters at most.
   * `VGPU` and `PGPU` are standard classes and stay as they are.
   */
  public static normalize(name: string): string {
    check(name.trim().length > 0, 'a resource class name must not be empty');
    const upper = name.trim().toUpperCase();
    return STANDARD_GPU_CLASSES.includes(upper) ? upper : PlacementNames.custom(name.trim());
  }

  /** The Placement resource class, e.g. `CUSTOM_PCI_10DE_2335` or `VGPU`. */
  public readonly resourceClass: string;
  /** The Keystone unified-limit resource name Nova enforces, e.g. `class:CUSTOM_PCI_10DE_2335`. */
  public readonly limitResourceName: string;
  /** Whether a server consumes one unit whatever its GPU count (bare metal). */
  public readonly onePerServer: boolean;

  private constructor(resourceClass: string, onePerServer: boolean) {
    this.resourceClass = resourceClass;
    this.limitResourceName = `class:${resourceClass}`;
    this.onePerServer = onePerServer;
  }

  /** Units of this class one server with `gpusPerServer` GPUs consumes. */
  public unitsPerServer(gpusPerServer: number): number {
    return this.onePerServer ? 1 : gpusPerServer;
  }
}
