import { check, oneOf } from '../errors';

/** Manila share protocols (`share_proto`; the Terraform provider accepts these and GLUSTERFS, HDFS, MAPRFS). */
export enum ShareProtocol {
  /** NFS, e.g. CephFS exported through NFS-Ganesha. */
  NFS = 'NFS',
  /** Native CephFS (the kernel or FUSE client talks to the Ceph cluster). */
  CEPHFS = 'CEPHFS',
  /** CIFS/SMB. */
  CIFS = 'CIFS',
}

/** Manila access types (`access_type`). */
export enum ShareAccessType {
  /** An IP address or CIDR (NFS). */
  IP = 'ip',
  /** A cephx client name (native CephFS). */
  CEPHX = 'cephx',
  /** A user name (CIFS). */
  USER = 'user',
  /** A TLS certificate common name (GlusterFS). */
  CERT = 'cert',
}

/** Manila access levels (`access_level`). */
export enum ShareAccessLevel {
  /** Read and write. */
  READ_WRITE = 'rw',
  /** Read only. */
  READ_ONLY = 'ro',
}

/** A share type's capabilities (Manila extra specs, openstack/manila doc/source/admin/capabilities_and_extra_specs.rst). */
export interface ShareTypeProps {
  /** Share type name, e.g. `cephfs`. */
  readonly name: string;
  /** `driver_handles_share_servers`: whether shares need a share network (CephFS drivers: false). */
  readonly driverHandlesShareServers: boolean;
  /** The protocol its backend serves (`storage_protocol`). */
  readonly protocol: ShareProtocol;
  /**
   * Access types its backend accepts.
   * @default - by protocol: cephx for CEPHFS, ip for NFS, ip and user for CIFS
   */
  readonly accessTypes?: ShareAccessType[];
  /**
   * `vendor_name`, e.g. `Ceph`.
   * @default - not set
   */
  readonly vendorName?: string;
  /**
   * `snapshot_support`.
   * @default false
   */
  readonly snapshotSupport?: boolean;
  /**
   * `create_share_from_snapshot_support`.
   * @default false
   */
  readonly createShareFromSnapshotSupport?: boolean;
  /**
   * `revert_to_snapshot_support`.
   * @default false
   */
  readonly revertToSnapshotSupport?: boolean;
  /**
   * `mount_snapshot_support`.
   * @default false
   */
  readonly mountSnapshotSupport?: boolean;
  /**
   * Whether every project may use the type.
   * @default true
   */
  readonly isPublic?: boolean;
  /**
   * Description (Manila API 2.41 and later).
   * @default - none
   */
  readonly description?: string;
  /**
   * `provisioning:min_share_size` in GB.
   * @default - none
   */
  readonly minShareSizeGb?: number;
  /**
   * `provisioning:max_share_size` in GB.
   * @default - none
   */
  readonly maxShareSizeGb?: number;
  /**
   * Further extra specs (e.g. `share_backend_name`, `availability_zones`).
   * @default - none
   */
  readonly extraSpecs?: { [key: string]: string };
}

/** Props of {@link ShareType.cephfsNative} and {@link ShareType.cephfsNfs}. */
export interface CephFsShareTypeProps {
  /**
   * Share type name.
   * @default 'cephfs' (native) or 'cephfs-nfs' (NFS-Ganesha)
   */
  readonly name?: string;
  /**
   * `snapshot_support`: CephFS snapshots the subvolume.
   * @default true
   */
  readonly snapshotSupport?: boolean;
  /**
   * `create_share_from_snapshot_support` (subvolume clones; slow for large shares).
   * @default false
   */
  readonly createShareFromSnapshotSupport?: boolean;
  /**
   * Whether every project may use the type.
   * @default true
   */
  readonly isPublic?: boolean;
  /**
   * Description.
   * @default - what the type is
   */
  readonly description?: string;
  /**
   * Further extra specs (e.g. `share_backend_name`).
   * @default - none
   */
  readonly extraSpecs?: { [key: string]: string };
}

const SPEC_KEYS_SET_BY_PROPS = [
  'driver_handles_share_servers',
  'snapshot_support',
  'create_share_from_snapshot_support',
  'revert_to_snapshot_support',
  'mount_snapshot_support',
  'storage_protocol',
  'vendor_name',
  'provisioning:min_share_size',
  'provisioning:max_share_size',
];

/** Quotes a word for a POSIX shell when it needs it. */
function shellWord(word: string): string {
  return /^[A-Za-z0-9_.,:=/+@%-]+$/.test(word) ? word : `'${word.replace(/'/g, '\'\\\'\'')}'`;
}

/**
 * A Manila share type, declared as the capabilities the site's operator gives it. The Terraform provider has no
 * share-type resource (terraform-provider-openstack v3.4.0), so the type is created out of band:
 * {@link ShareType.adminCommands} gives the exact `openstack share type create` command, and constructs check
 * shares and access rules against these capabilities.
 */
export class ShareType {
  /**
   * CephFS through the native CephFS protocol (`storage_protocol=CEPHFS`, cephx access, DHSS=false;
   * manila cephfs_driver.rst): snapshots on, clones off by default.
   */
  public static cephfsNative(props: CephFsShareTypeProps = {}): ShareType {
    return new ShareType({
      name: props.name ?? 'cephfs',
      driverHandlesShareServers: false,
      protocol: ShareProtocol.CEPHFS,
      vendorName: 'Ceph',
      snapshotSupport: props.snapshotSupport ?? true,
      createShareFromSnapshotSupport: props.createShareFromSnapshotSupport ?? false,
      isPublic: props.isPublic,
      description: props.description ?? 'CephFS subvolumes over the native CephFS protocol (cephx access)',
      extraSpecs: props.extraSpecs,
    });
  }

  /**
   * CephFS exported through NFS-Ganesha / a `ceph nfs` cluster (`storage_protocol=NFS`, IP access, DHSS=false;
   * Ganesha 3.5 or later).
   */
  public static cephfsNfs(props: CephFsShareTypeProps = {}): ShareType {
    return new ShareType({
      name: props.name ?? 'cephfs-nfs',
      driverHandlesShareServers: false,
      protocol: ShareProtocol.NFS,
      vendorName: 'Ceph',
      snapshotSupport: props.snapshotSupport ?? true,
      createShareFromSnapshotSupport: props.createShareFromSnapshotSupport ?? false,
      isPublic: props.isPublic,
      description: props.description ?? 'CephFS subvolumes exported over NFS by NFS-Ganesha (IP access)',
      extraSpecs: props.extraSpecs,
    });
  }

  /** Any other share type. */
  public static custom(props: ShareTypeProps): ShareType {
    return new ShareType(props);
  }

  /** Share type name. */
  public readonly name: string;
  /** Whether shares of this type need a share network. */
  public readonly driverHandlesShareServers: boolean;
  /** The protocol. */
  public readonly protocol: ShareProtocol;
  /** Access types the backend accepts. */
  public readonly accessTypes: ShareAccessType[];
  /** Whether shares can be snapshotted. */
  public readonly snapshotSupport: boolean;
  /** Whether every project may use it. */
  public readonly isPublic: boolean;
  /** Description, if any. */
  public readonly description?: string;
  /** Smallest share in GB, if limited. */
  public readonly minShareSizeGb?: number;
  /** Largest share in GB, if limited. */
  public readonly maxShareSizeGb?: number;
  /** Every extra spec of the type (the required `driver_handles_share_servers` included), sorted by key. */
  public readonly extraSpecs: { [key: string]: string };

  private constructor(props: ShareTypeProps) {
    check(/^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/.test(props.name),
      `share type name ${JSON.stringify(props.name)} must be 1 to 255 letters, digits, dots, dashes or underscores`);
    for (const key of Object.keys(props.extraSpecs ?? {})) {
      check(!SPEC_KEYS_SET_BY_PROPS.includes(key),
        `share type ${props.name}: extra spec ${key} is set through its own prop; remove it from extraSpecs`);
    }
    const byProtocol: { [p: string]: ShareAccessType[] } = {
      [ShareProtocol.CEPHFS]: [ShareAccessType.CEPHX],
      [ShareProtocol.NFS]: [ShareAccessType.IP],
      [ShareProtocol.CIFS]: [ShareAccessType.IP, ShareAccessType.USER],
    };
    this.accessTypes = [...(props.accessTypes ?? byProtocol[props.protocol])];
    check(this.accessTypes.length > 0, `share type ${props.name} accepts no access type; give at least one`);
    if (props.protocol === ShareProtocol.CEPHFS) {
      check(this.accessTypes.every((t) => t === ShareAccessType.CEPHX),
        `share type ${props.name}: native CephFS accepts only cephx access (openstack/manila doc/source/configuration/shared-file-systems/drivers/cephfs_driver.rst); got ${oneOf(this.accessTypes, 'and')}`);
    }
    if (props.minShareSizeGb !== undefined || props.maxShareSizeGb !== undefined) {
      const min = props.minShareSizeGb ?? 1;
      const max = props.maxShareSizeGb ?? Number.MAX_SAFE_INTEGER;
      check(Number.isInteger(min) && min >= 1 && Number.isInteger(max) && max >= min,
        `share type ${props.name}: share size limits ${props.minShareSizeGb ?? '-'}..${props.maxShareSizeGb ?? '-'} GB must be positive integers with min <= max`);
    }
    this.name = props.name;
    this.driverHandlesShareServers = props.driverHandlesShareServers;
    this.protocol = props.protocol;
    this.snapshotSupport = props.snapshotSupport ?? false;
    this.isPublic = props.isPublic ?? true;
    this.description = props.description;
    this.minShareSizeGb = props.minShareSizeGb;
    this.maxShareSizeGb = props.maxShareSizeGb;
    const specs: { [key: string]: string } = {
      ...(props.extraSpecs ?? {}),
      driver_handles_share_servers: String(props.driverHandlesShareServers),
      snapshot_support: String(this.snapshotSupport),
      create_share_from_snapshot_support: String(props.createShareFromSnapshotSupport ?? false),
      revert_to_snapshot_support: String(props.revertToSnapshotSupport ?? false),
      mount_snapshot_support: String(props.mountSnapshotSupport ?? false),
      storage_protocol: props.protocol,
    };
    if (props.vendorName !== undefined) specs.vendor_name = props.vendorName;
    if (props.minShareSizeGb !== undefined) specs['provisioning:min_share_size'] = String(props.minShareSizeGb);
    if (props.maxShareSizeGb !== undefined) specs['provisioning:max_share_size'] = String(props.maxShareSizeGb);
    this.extraSpecs = Object.fromEntries(Object.entries(specs).sort(([a], [b]) => a.localeCompare(b)));
  }

  /**
   * The admin command that creates this type, e.g.
   * `openstack share type create cephfs false --snapshot-support true ... --extra-specs storage_protocol=CEPHFS vendor_name=Ceph`.
   * The name and the DHSS flag are positional and come first, since `--extra-specs` takes every word after it.
   */
  public createCommand(): string {
    const words = ['openstack', 'share', 'type', 'create', this.name, String(this.driverHandlesShareServers)];
    const flag: { [spec: string]: string } = {
      snapshot_support: '--snapshot-support',
      create_share_from_snapshot_support: '--create-share-from-snapshot-support',
      revert_to_snapshot_support: '--revert-to-snapshot-support',
      mount_snapshot_support: '--mount-snapshot-support',
    };
    for (const [spec, option] of Object.entries(flag)) words.push(option, this.extraSpecs[spec]);
    words.push('--public', String(this.isPublic));
    if (this.description !== undefined) words.push('--description', this.description);
    const rest = Object.entries(this.extraSpecs).filter(([k]) => k !== 'driver_handles_share_servers' && flag[k] === undefined);
    if (rest.length > 0) words.push('--extra-specs', ...rest.map(([k, v]) => `${k}=${v}`));
    return words.map(shellWord).join(' ');
  }

  /** A shell line that creates the type unless it exists (for a bootstrap script). */
  public bootstrapCommand(): string {
    return `openstack share type show ${shellWord(this.name)} >/dev/null 2>&1 || ${this.createCommand()}`;
  }

  /** Whether another declaration describes the same type (same name and capabilities). */
  public sameAs(other: ShareType): boolean {
    return this.name === other.name && this.createCommand() === other.createCommand() && this.accessTypes.join() === other.accessTypes.join();
  }
}
