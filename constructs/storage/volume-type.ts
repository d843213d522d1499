import { TerraformResource, dependable } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import type { BlockstorageVolumeTypeAccessV3 } from '../../generated/terraform/openstack/blockstorage-volume-type-access-v3';
import { BlockStorageBackend } from '../../lib/storage/block-backend';
import { QosConsumer, QosTier } from '../../lib/storage/qos';
import { bindings } from '../common/bindings';
import { IProject } from '../common/project';
import { claimAppWide, idFragment } from '../common/registry';
import { invalid } from '../common/validation';

/** A Cinder QoS spec. */
export interface IVolumeQos extends IConstruct {
  /** QoS spec id (a Terraform reference). */
  readonly qosId: string;
  /** The tier it enforces. */
  readonly tier: QosTier;
}

/** Props of {@link VolumeQos}. */
export interface VolumeQosProps {
  /** The tier (its name is the QoS spec name). */
  readonly tier: QosTier;
}

/**
 * A Cinder QoS spec from a validated {@link QosTier} (`openstack_blockstorage_qos_v3`; admin only). QoS spec names
 * are unique in a cloud, so two specs of the same name in one app fail at synth time.
 */
export class VolumeQos extends Construct implements IVolumeQos {
  public readonly qosId: string;
  public readonly tier: QosTier;

  constructor(scope: Construct, id: string, props: VolumeQosProps) {
    super(scope, id);
    this.tier = props.tier;
    const previous = claimAppWide(this, 'cinder-qos', props.tier.name);
    if (previous !== undefined) {
      invalid(this, `QoS spec name ${props.tier.name} is already used by ${previous.node.path}; Cinder QoS spec names are unique, reuse that VolumeQos`);
    }
    const qos = new (bindings.blockstorageQosV3().BlockstorageQosV3)(this, 'Resource', {
      name: props.tier.name,
      consumer: props.tier.consumer,
      specs: props.tier.specs,
    });
    this.qosId = qos.id;
  }
}

/** A Cinder volume type. */
export interface IVolumeType extends IConstruct {
  /** Volume type id (a Terraform reference). */
  readonly volumeTypeId: string;
  /** Volume type name (what volumes name in `volume_type`). */
  readonly volumeTypeName: string;
  /** Whether volumes of this type can be attached to several servers. */
  readonly multiattach: boolean;
  /** Whether every project may use the type. */
  readonly isPublic: boolean;
  /** Whether a project may create volumes of this type (public, or granted to it). */
  isAccessibleBy(project: IProject): boolean;
  /**
   * Makes a volume of `project` wait for the type, its QoS association and its grant to the project (also when the
   * grant is added later): volumes name their type, which gives Terraform no reference to order them by.
   */
  addVolumeDependency(project: IProject, volume: TerraformResource): void;
}

/** Props of {@link VolumeType}. */
export interface VolumeTypeProps {
  /** Volume type name, e.g. `ssd-gold`. */
  readonly volumeTypeName: string;
  /** The backend the type pins to (`volume_backend_name`). */
  readonly backend: BlockStorageBackend;
  /**
   * QoS spec enforced on the type's volumes.
   * @default - none
   */
  readonly qos?: IVolumeQos;
  /**
   * Whether volumes can be attached to several servers at once (`multiattach="<is> True"`); the guests need a
   * cluster-aware file system, and a volume cannot be retyped between multi-attach and single-attach types in use.
   * @default false
   */
  readonly multiattach?: boolean;
  /**
   * Whether every project may use the type; a private type is granted with `grantAccess()`.
   * @default true
   */
  readonly isPublic?: boolean;
  /**
   * Description.
   * @default - the backend and QoS tier
   */
  readonly description?: string;
  /**
   * Further extra specs (e.g. `RESKEY:availability_zones`).
   * @default - none
   */
  readonly extraSpecs?: { [key: string]: string };
}

/**
 * A Cinder volume type on a declared backend, with an optional QoS tier and multi-attach where the backend
 * supports it (`openstack_blockstorage_volume_type_v3`, `_qos_association_v3`, `_volume_type_access_v3`; admin
 * only; openstack/cinder doc/source/admin/basic-volume-qos.rst). A QoS tier's consumer must be one the backend enforces: Ceph
 * RBD has no back-end QoS, so its tiers are `front-end` (libvirt).
 */
export class VolumeType extends Construct implements IVolumeType {
  public readonly volumeTypeId: string;
  public readonly volumeTypeName: string;
  public readonly multiattach: boolean;
  public readonly isPublic: boolean;
  /** The backend. */
  public readonly backend: BlockStorageBackend;
  private readonly granted = new Map<IProject, BlockstorageVolumeTypeAccessV3>();
  private readonly typeResources: TerraformResource[] = [];
  private readonly volumes: Array<{ project: IProject; volume: TerraformResource }> = [];

  constructor(scope: Construct, id: string, props: VolumeTypeProps) {
    super(scope, id);
    this.volumeTypeName = props.volumeTypeName;
    this.backend = props.backend;
    this.multiattach = props.multiattach ?? false;
    this.isPublic = props.isPublic ?? true;
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/.test(props.volumeTypeName)) {
      invalid(this, `volumeTypeName ${JSON.stringify(props.volumeTypeName)} must be 1 to 255 letters, digits, dots, dashes or underscores`);
    }
    const previous = claimAppWide(this, 'cinder-volume-type', props.volumeTypeName);
    if (previous !== undefined) invalid(this, `volume type name ${props.volumeTypeName} is already used by ${previous.node.path}; Cinder volume type names are unique`);
    if (this.multiattach && !props.backend.multiattach) {
      invalid(this, `multiattach is asked for but backend ${props.backend.backendName} (${props.backend.driverName}) does not support multi-attach; ` +
        'use a backend that does, or leave multiattach off');
    }
    const tier = props.qos?.tier;
    if (tier !== undefined && tier.consumer !== QosConsumer.FRONT_END && !props.backend.backEndQos) {
      invalid(this, `QoS tier ${tier.name} has consumer ${tier.consumer} but backend ${props.backend.backendName} (${props.backend.driverName}) enforces no back-end QoS; ` +
        'use QosConsumer.FRONT_END so libvirt enforces it');
    }
    for (const key of Object.keys(props.extraSpecs ?? {})) {
      if (key === 'volume_backend_name' || key === 'multiattach') {
        invalid(this, `extra spec ${key} is set from the ${key === 'multiattach' ? 'multiattach prop' : 'backend'}; remove it from extraSpecs`);
      }
    }
    const extraSpecs: { [key: string]: string } = { ...(props.extraSpecs ?? {}), volume_backend_name: props.backend.backendName };
    if (this.multiattach) extraSpecs.multiattach = '<is> True';
    const type = new (bindings.blockstorageVolumeTypeV3().BlockstorageVolumeTypeV3)(this, 'Resource', {
      name: props.volumeTypeName,
      description: props.description ?? `${props.backend.driverName} backend ${props.backend.backendName}${tier ? `, QoS ${tier.name}` : ''}${this.multiattach ? ', multi-attach' : ''}`,
      isPublic: this.isPublic,
      extraSpecs: Object.fromEntries(Object.entries(extraSpecs).sort(([a], [b]) => a.localeCompare(b))),
    });
    this.volumeTypeId = type.id;
    this.typeResources.push(type);
    if (props.qos) this.typeResources.push(new (bindings.blockstorageQosAssociationV3().BlockstorageQosAssociationV3)(this, 'QosAssociation', { qosId: props.qos.qosId, volumeTypeId: type.id }));
  }

  /** Grants a private type to a project (`openstack_blockstorage_volume_type_access_v3`). */
  public grantAccess(project: IProject): void {
    if (this.isPublic) invalid(this, `volume type ${this.volumeTypeName} is public; every project may use it already`);
    if (this.granted.has(project)) return;
    const access = new (bindings.blockstorageVolumeTypeAccessV3().BlockstorageVolumeTypeAccessV3)(this, `Access-${idFragment(project.node.path)}`, { projectId: project.projectId, volumeTypeId: this.volumeTypeId });
    this.granted.set(project, access);
    for (const v of this.volumes.filter((x) => x.project === project)) v.volume.dependsOn = [...(v.volume.dependsOn ?? []), dependable(access)];
  }

  public isAccessibleBy(project: IProject): boolean {
    return this.isPublic || this.granted.has(project);
  }

  public addVolumeDependency(project: IProject, volume: TerraformResource): void {
    const grant = this.granted.get(project);
    volume.dependsOn = [...(volume.dependsOn ?? []), ...[...this.typeResources, ...(grant ? [grant] : [])].map((r) => dependable(r))];
    this.volumes.push({ project, volume });
  }
}
