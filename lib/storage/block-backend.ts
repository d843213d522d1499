import { check } from '../errors';

/** Props of {@link BlockStorageBackend.cephRbd}. */
export interface CephRbdBackendProps {
  /** The backend's `volume_backend_name` in cinder.conf, e.g. `ceph-ssd` (one backend maps to one RBD pool). */
  readonly backendName: string;
  /**
   * Whether the site allows multi-attach volumes on this backend (the Cinder RBD driver reports the capability;
   * the `volume:multiattach` policy must allow it).
   * @default true
   */
  readonly multiattach?: boolean;
}

/** Props of {@link BlockStorageBackend.custom}. */
export interface BlockStorageBackendProps {
  /** The backend's `volume_backend_name`. */
  readonly backendName: string;
  /** What the backend is, for messages, e.g. `NetApp ONTAP iSCSI`. */
  readonly driverName: string;
  /**
   * Whether volumes on it can be multi-attached.
   * @default false
   */
  readonly multiattach?: boolean;
  /**
   * Whether its driver enforces back-end QoS specs.
   * @default false
   */
  readonly backEndQos?: boolean;
}

/**
 * A Cinder backend, as the site declared it in cinder.conf: what a volume type can pin to
 * (`volume_backend_name`) and what the backend can do (openstack/cinder `cinder/volume/driver.py` option `volume_backend_name`, doc/source/admin/basic-volume-qos.rst).
 */
export class BlockStorageBackend {
  /**
   * A Ceph RBD backend (`cinder.volume.drivers.rbd.RBDDriver`): multi-attach as declared, no back-end QoS
   * (limits are enforced front-end by libvirt).
   */
  public static cephRbd(props: CephRbdBackendProps): BlockStorageBackend {
    return new BlockStorageBackend(props.backendName, 'Ceph RBD', props.multiattach ?? true, false);
  }

  /** Any other backend. */
  public static custom(props: BlockStorageBackendProps): BlockStorageBackend {
    return new BlockStorageBackend(props.backendName, props.driverName, props.multiattach ?? false, props.backEndQos ?? false);
  }

  /** `volume_backend_name`. */
  public readonly backendName: string;
  /** What the backend is. */
  public readonly driverName: string;
  /** Whether volumes can be multi-attached. */
  public readonly multiattach: boolean;
  /** Whether the driver enforces back-end QoS. */
  public readonly backEndQos: boolean;

  private constructor(backendName: string, driverName: string, multiattach: boolean, backEndQos: boolean) {
    check(/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(backendName),
      `volume_backend_name ${JSON.stringify(backendName)} must be letters, digits, dots, dashes or underscores`);
    this.backendName = backendName;
    this.driverName = driverName;
    this.multiattach = multiattach;
    this.backEndQos = backEndQos;
  }
}
