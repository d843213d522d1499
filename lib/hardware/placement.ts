import { check } from '../errors';

/** Placement names are at most 255 characters (placement resource class and trait name columns). */
const MAX_NAME = 255;
/** The namespace of operator-defined resource classes and traits. */
const CUSTOM = 'CUSTOM_';

/**
 * Names in the OpenStack Placement service: resource classes and traits, spelled the way Nova, Ironic and Placement
 * spell them (openstack/nova doc/source/admin/pci-passthrough.rst,
 * openstack/ironic doc/source/install/configure-nova-flavors.rst).
 */
export class PlacementNames {
  /**
   * The Placement resource class of an Ironic node's `resource_class`, normalized as Nova's Ironic driver does
   * (os-resource-classes `normalize_name`): upper case, every run of characters outside `[A-Z0-9_]` becomes one `_`,
   * then the `CUSTOM_` prefix, always. `baremetal.with-GPU` becomes `CUSTOM_BAREMETAL_WITH_GPU`.
   */
  public static baremetalResourceClass(ironicResourceClass: string): string {
    const normalized = CUSTOM + ironicResourceClass.toUpperCase().replace(/[^A-Z0-9_]+/g, '_');
    check(normalized.length <= MAX_NAME, `resource class ${JSON.stringify(ironicResourceClass)} normalizes to more than ${MAX_NAME} characters`);
    return normalized;
  }

  /**
   * A custom resource class or trait name from free text, normalized as Nova normalizes PCI `resource_class` and
   * `traits` tags: upper case, runs of other characters to `_`, `CUSTOM_` prefixed unless already there.
   * `nvidia-700` becomes `CUSTOM_NVIDIA_700`.
   */
  public static custom(name: string): string {
    const upper = name.toUpperCase().replace(/[^A-Z0-9_]+/g, '_');
    const normalized = upper.startsWith(CUSTOM) ? upper : CUSTOM + upper;
    check(normalized.length <= MAX_NAME, `custom name ${JSON.stringify(name)} normalizes to more than ${MAX_NAME} characters`);
    return normalized;
  }

  /**
   * The default Placement resource class of a PCI device tracked in Placement (`[pci] report_in_placement`):
   * `CUSTOM_PCI_<VENDOR>_<PRODUCT>`, e.g. `CUSTOM_PCI_10DE_2335` (openstack/nova doc/source/admin/pci-passthrough.rst).
   */
  public static pciResourceClass(vendorId: string, productId: string): string {
    return `${CUSTOM}PCI_${vendorId.toUpperCase()}_${productId.toUpperCase()}`;
  }

  /**
   * Whether a trait name is valid as written in a flavor (`trait:<name>=required`) or on an Ironic node: a standard
   * os-traits name (`[A-Z][A-Z0-9_]*`, e.g. `HW_CPU_X86_AVX512F`) or `CUSTOM_[A-Z0-9_]+`, at most 255 characters.
   */
  public static isValidTrait(name: string): boolean {
    return name.length <= MAX_NAME && /^[A-Z][A-Z0-9_]*$/.test(name) && name !== 'CUSTOM_';
  }

  /**
   * Whether a resource class name is valid in a flavor's `resources:<RC>` key: a standard class (`VCPU`, `PCPU`,
   * `MEMORY_MB`, `DISK_GB`, `VGPU`, ...) or `CUSTOM_[A-Z0-9_]+`.
   */
  public static isValidResourceClass(name: string): boolean {
    return name.length <= MAX_NAME && /^[A-Z][A-Z0-9_]*$/.test(name) && name !== 'CUSTOM_';
  }
}
