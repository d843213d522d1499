import { Construct } from 'constructs';
import { BootMode } from './baremetal-node';
import { IBaremetalNodePool } from './baremetal-node-pool';
import { checkTraits, claimFlavorName, grantFlavorAccess, warnDeprecatedSpecs } from './checks';
import { IGpuFlavor } from './gpu-flavor';
import { GpuModel } from '../../lib/hardware/gpu';
import { GpuAttachmentKind } from '../../lib/hardware/gpu-attachment';
import { NovaExtraSpecs } from '../../lib/hardware/nova-extra-specs';
import { ServerProfile } from '../../lib/hardware/server';
import { bindings } from '../common/bindings';
import { IProject } from '../common/project';
import { guard, invalid } from '../common/validation';

/** Props of {@link BaremetalFlavor}. */
export interface BaremetalFlavorProps {
  /** The pool whose resource class the flavor requests. */
  readonly pool: IBaremetalNodePool;
  /**
   * Flavor name.
   * @default - `bm.<server profile>`, e.g. `bm.hgx-h200-8gpu`
   */
  readonly flavorName?: string;
  /**
   * Traits the node must have (`trait:<T>=required`); each must be a trait of the pool.
   * @default - none
   */
  readonly requiredTraits?: string[];
  /**
   * Root partition size in GB (partition images; whole-disk images use the whole disk).
   * @default - the profile's root disk minus 1 GB, as the nodes' `local_gb`
   */
  readonly diskGb?: number;
  /**
   * Whether every project may use the flavor.
   * @default false
   */
  readonly isPublic?: boolean;
  /**
   * More extra specs (aggregate pinning `aggregate_instance_extra_specs:*`, `trait:*` with `forbidden`, ...), each
   * checked against Nova's extra-spec validators (openstack/nova 33.0.2 `nova/api/validation/extra_specs/`).
   * Refused: a derived key with another value, any `resources*` request, and the CPU pinning, NUMA, memory-encryption
   * and PCI keys Nova would turn into requests no Ironic node meets.
   * @default - none
   */
  readonly extraSpecs?: { [key: string]: string };
}

/**
 * The Nova flavor of a bare-metal pool: exactly one unit of the pool's resource class and nothing else
 * (`resources:CUSTOM_<CLASS>=1`, `resources:VCPU=0`, `resources:MEMORY_MB=0`, `resources:DISK_GB=0`), the pool's
 * boot mode (`capabilities:boot_mode`) and any required traits (openstack/ironic
 * doc/source/install/configure-nova-flavors.rst). Its vcpus and RAM are the machine's and are not scheduled on.
 */
export class BaremetalFlavor extends Construct implements IGpuFlavor {
  public readonly flavorId: string;
  public readonly flavorName: string;
  public readonly gpuCount: number;
  public readonly gpuModel: GpuModel;
  public readonly server: ServerProfile;
  public readonly vcpus: number;
  public readonly ramMb: number;
  public readonly diskGb: number;
  public readonly bareMetal: boolean = true;
  public readonly attachmentKind: GpuAttachmentKind = GpuAttachmentKind.BARE_METAL;
  public readonly gpuMemoryGb: number;
  public readonly gpuResourceClass: string;
  public readonly placementResources: { [resourceClass: string]: number };
  /** Whether every project may use the flavor. */
  public readonly isPublic: boolean;
  /** The pool. */
  public readonly pool: IBaremetalNodePool;
  /** Flavor extra specs. */
  public readonly extraSpecs: { [key: string]: string };

  constructor(scope: Construct, id: string, props: BaremetalFlavorProps) {
    super(scope, id);
    const pool = props.pool;
    this.pool = pool;
    this.server = pool.server;
    this.gpuModel = guard(this, () => pool.server.requireGpuModel());
    this.gpuCount = pool.server.gpuCount;
    this.gpuMemoryGb = this.gpuModel.memoryGb;
    this.vcpus = pool.server.totalThreads;
    this.ramMb = pool.server.memoryGib * 1024;
    const localGb = pool.server.rootDiskGb - 1;
    this.diskGb = props.diskGb ?? localGb;
    if (!Number.isInteger(this.diskGb) || this.diskGb < 0 || this.diskGb > localGb) {
      invalid(this, `diskGb ${this.diskGb} must be between 0 and the nodes' local_gb ${localGb} (root disk of ${pool.server.name})`);
    }
    this.isPublic = props.isPublic ?? false;
    this.gpuResourceClass = pool.placementResourceClass;
    this.placementResources = { [pool.placementResourceClass]: 1 };

    const traits = checkTraits(this, props.requiredTraits ?? []);
    for (const t of traits) {
      if (!pool.traits.includes(t)) {
        invalid(this, `required trait ${t} is not a trait of pool ${pool.poolName} (its traits: ${pool.traits.join(', ') || 'none'}); no node would match the flavor`);
      }
    }
    const specs: { [key: string]: string } = {
      [`resources:${pool.placementResourceClass}`]: '1',
      'resources:VCPU': '0',
      'resources:MEMORY_MB': '0',
      'resources:DISK_GB': '0',
      'capabilities:boot_mode': pool.bootMode === BootMode.UEFI ? 'uefi' : 'bios',
    };
    for (const t of traits) specs[`trait:${t}`] = 'required';
    this.extraSpecs = guard(this, () => NovaExtraSpecs.mergeIntoBareMetalFlavor(specs, props.extraSpecs ?? {}));
    warnDeprecatedSpecs(this, props.extraSpecs ?? {});

    this.flavorName = props.flavorName ?? `bm.${pool.server.name}`;
    claimFlavorName(this, this.flavorName);
    const flavor = new (bindings.computeFlavorV2().ComputeFlavorV2)(this, 'Resource', {
      name: this.flavorName,
      vcpus: this.vcpus,
      ram: this.ramMb,
      disk: this.diskGb,
      isPublic: this.isPublic,
      extraSpecs: this.extraSpecs,
      description: `bare-metal ${pool.server.displayName}: ${this.gpuCount}× ${this.gpuModel.displayName}, resource class ${pool.resourceClass}`,
    });
    this.flavorId = flavor.id;
  }

  /** Lets a project use the flavor. */
  public grantAccess(project: IProject): void {
    grantFlavorAccess(this, this.flavorId, this.isPublic, project);
  }
}
