import { Annotations, Lazy, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { GpuFlavorPlanner, PciAliasDefinition } from '../../lib/hardware/flavor-plan';
import { invalid } from '../common/validation';

/**
 * The Nova PCI aliases a site's GPU flavors request and the `[pci] device_spec` entries that make those devices
 * assignable, emitted as one Terraform output (`nova_pci_alias`, an object with `alias` and `device_spec` lists) so
 * operators configure nova.conf `[pci] alias` on nova-api and every nova-compute, and `[pci] device_spec` on every
 * nova-compute, to agree with the flavors (openstack/nova `nova/conf/pci.py`, `doc/source/admin/pci-passthrough.rst`).
 * One per stack, created by the first passthrough flavor.
 *
 * Several entries may share a name (one per PCI product id), but Nova needs one `device_type` and one `numa_policy`
 * per alias name, and a device gets one resource class: flavors that disagree are refused.
 */
export class NovaPciAliases extends Construct {
  /** The stack's alias registry, created on first use. */
  public static of(scope: IConstruct): NovaPciAliases {
    const stack = TerraformStack.of(scope);
    const existing = stack.node.tryFindChild(NovaPciAliases.ID) as NovaPciAliases | undefined;
    return existing ?? new NovaPciAliases(stack, NovaPciAliases.ID);
  }

  private static readonly ID = 'NovaPciAliases';

  private readonly entries: { alias: PciAliasDefinition; by: IConstruct }[] = [];

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    const output = new TerraformOutput(this, 'Output', {
      value: Lazy.anyValue({
        produce: () => ({
          alias: this.aliases.map((a) => GpuFlavorPlanner.novaPciAliasJson(a)),
          device_spec: [...new Set(this.aliases.map((a) => GpuFlavorPlanner.novaPciDeviceSpecJson(a)))],
        }),
      }),
      description:
        'nova.conf [pci] entries: `alias = <element>` for each element of alias (nova-api and every nova-compute), ' +
        '`device_spec = <element>` for each element of device_spec (every nova-compute with these GPUs)',
    });
    output.overrideLogicalId('nova_pci_alias');
  }

  /** The registered aliases, in registration order. */
  public get aliases(): PciAliasDefinition[] {
    return this.entries.map((e) => e.alias);
  }

  /** Registers the alias a flavor requests; throws (naming `requester`) when it contradicts an earlier one. */
  public register(requester: IConstruct, alias: PciAliasDefinition): void {
    for (const e of this.entries) {
      if (e.alias.name !== alias.name) continue;
      if (e.alias.deviceType !== alias.deviceType || e.alias.numaPolicy !== alias.numaPolicy) {
        invalid(
          requester,
          `PCI alias ${alias.name} is already defined with device_type ${e.alias.deviceType} and numa_policy ${e.alias.numaPolicy} (by ${e.by.node.path}); ` +
            `Nova needs one device_type and numa_policy per alias name, so ${alias.deviceType}/${alias.numaPolicy} cannot share it: use another pciAlias`,
        );
      }
      if ((e.alias.resourceClass ?? '') !== (alias.resourceClass ?? '')) {
        invalid(requester, `PCI alias ${alias.name} is already defined with resource class ${e.alias.resourceClass ?? 'none'} (by ${e.by.node.path}); use another pciAlias`);
      }
      if (e.alias.vendorId === alias.vendorId && e.alias.productId === alias.productId) return;
    }
    for (const e of this.entries) {
      if (e.alias.vendorId !== alias.vendorId || e.alias.productId !== alias.productId) continue;
      if ((e.alias.resourceClass ?? '') !== (alias.resourceClass ?? '')) {
        invalid(
          requester,
          `PCI device ${alias.vendorId}:${alias.productId} is already given resource class ${e.alias.resourceClass ?? 'none (Nova default)'} in [pci] device_spec (by ${e.by.node.path}); ` +
            `a device has one resource class, so alias ${alias.name} cannot ask for ${alias.resourceClass ?? 'none (Nova default)'}: use the same resourceClass`,
        );
      }
    }
    // nova-compute refuses to start when a device_spec matches both a PF and its VFs (since Nova 26.0.0,
    // openstack/nova doc/source/admin/pci-passthrough.rst), and a VF driver such as AMD's GIM owns the PF
    const pfOf = (a: PciAliasDefinition) => a.physicalFunctionProductId;
    const clash = this.entries.find((e) => e.alias.vendorId === alias.vendorId
      && ((pfOf(alias) !== undefined && e.alias.productId === pfOf(alias)) || (pfOf(e.alias) !== undefined && pfOf(e.alias) === alias.productId)));
    if (clash && !this.entries.some((e) => e.alias.vendorId === alias.vendorId && e.alias.productId === alias.productId)) {
      const [gpu, vf] = pfOf(alias) !== undefined ? [clash.alias, alias] : [alias, clash.alias];
      Annotations.of(requester).addWarning(
        `the site offers PCI device ${gpu.vendorId}:${gpu.productId} whole (alias ${gpu.name}) and its SR-IOV VFs ${vf.vendorId}:${vf.productId} (alias ${vf.name}); `
        + 'nova-compute refuses to start with device_specs for both, so give each host only one of them and keep the two kinds of hosts apart (aggregates)',
      );
    }
    this.entries.push({ alias, by: requester });
  }
}
