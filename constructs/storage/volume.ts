import { Construct } from 'constructs';
import { IVolumeType } from './volume-type';
import { OPENSTACK_MAX_INT, openStackNameProblem } from '../../lib/tenancy/openstack-limits';
import { bindings } from '../common/bindings';
import { Stateful, StatefulProps } from '../common/stateful';
import { TenantUsage } from '../common/tenant-usage';
import { invalid } from '../common/validation';
import { ITenant } from '../identity/tenant';

/** What a volume is for; recorded in its metadata (`purpose`). */
export enum VolumePurpose {
  /** Training checkpoints: keep them. */
  CHECKPOINTS = 'checkpoints',
  /** Scratch space: usually opted out of protection, with a reason. */
  SCRATCH = 'scratch',
  /** A dataset copy. */
  DATASET = 'dataset',
  /** Anything else. */
  GENERAL = 'general',
}

/** Props of {@link Volume}. */
export interface VolumeProps extends StatefulProps {
  /** The tenant whose project owns the volume (created through its project-scoped provider). */
  readonly tenant: ITenant;
  /** Size in GB. */
  readonly sizeGb: number;
  /** Volume type; a private type must be granted to the tenant. */
  readonly volumeType: IVolumeType;
  /**
   * Volume name.
   * @default - `<project name>-<construct id in lower case>`
   */
  readonly volumeName?: string;
  /**
   * What the volume is for.
   * @default VolumePurpose.GENERAL
   */
  readonly purpose?: VolumePurpose;
  /**
   * Description.
   * @default - none
   */
  readonly description?: string;
  /**
   * Availability zone.
   * @default - Cinder's default zone
   */
  readonly availabilityZone?: string;
}

/**
 * A Cinder volume (on Ceph RBD or any declared backend) in a tenant's project, for checkpoints or scratch space,
 * with `lifecycle.prevent_destroy` unless opted out with a reason. The tenant's Cinder quota grows with it.
 */
export class Volume extends Construct {
  /** Volume id (a Terraform reference). */
  public readonly volumeId: string;
  /** Volume name. */
  public readonly volumeName: string;
  /** Size in GB. */
  public readonly sizeGb: number;
  /** Whether it can be attached to several servers. */
  public readonly multiattach: boolean;

  constructor(scope: Construct, id: string, props: VolumeProps) {
    super(scope, id);
    // Cinder refuses sizes above DB_MAX_INT (openstack/cinder cinder/api/validation/parameter_types.py, volume_size)
    if (!Number.isInteger(props.sizeGb) || props.sizeGb < 1 || props.sizeGb > OPENSTACK_MAX_INT) {
      invalid(this, `sizeGb ${props.sizeGb} must be a whole number of GB from 1 to ${OPENSTACK_MAX_INT} (the largest volume Cinder accepts)`);
    }
    this.sizeGb = props.sizeGb;
    this.multiattach = props.volumeType.multiattach;
    this.volumeName = props.volumeName ?? `${props.tenant.projectName}-${id.toLowerCase()}`;
    const nameProblem = openStackNameProblem('volumeName', this.volumeName);
    if (nameProblem) invalid(this, nameProblem);
    // recorded first, so the tenant's Cinder quota exists and the volume is bound to wait for it
    TenantUsage.of(props.tenant).addVolume({ sizeGb: props.sizeGb, volumeTypeName: props.volumeType.volumeTypeName });
    const binding = props.tenant.bindProjectScope(this);
    const volume = new (bindings.blockstorageVolumeV3().BlockstorageVolumeV3)(this, 'Resource', {
      name: this.volumeName,
      size: props.sizeGb,
      volumeType: props.volumeType.volumeTypeName,
      description: props.description,
      availabilityZone: props.availabilityZone,
      metadata: { purpose: props.purpose ?? VolumePurpose.GENERAL },
      provider: binding.provider,
      dependsOn: binding.dependsOn,
    });
    props.volumeType.addVolumeDependency(props.tenant, volume);
    Stateful.apply(this, volume, props);
    this.volumeId = volume.id;
    this.node.addValidation({
      validate: () => (props.volumeType.isAccessibleBy(props.tenant) ? [] : [
        `volume type ${props.volumeType.volumeTypeName} is private and not granted to project ${props.tenant.projectName}; ` +
        `call grantAccess(tenant) on ${props.volumeType.node.path}`,
      ]),
    });
  }
}
