import { Fn, TerraformOutput } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { Bucket } from './bucket';
import { credentialsSecretManifest, persistentVolumeManifest } from './model-store-manifests';
import { IShare, IShareNetwork, Share, ShareAccess } from './share';
import { ObjectStorageService } from '../../lib/storage/object-storage';
import { ShareAccessRule } from '../../lib/storage/share-access';
import { ShareAccessLevel, ShareProtocol, ShareType } from '../../lib/storage/share-type';
import { bindings } from '../common/bindings';
import { isDnsLabel } from '../common/k8s';
import { IdentityLookups } from '../common/lookups';
import { StatefulProps } from '../common/stateful';
import { guard, invalid } from '../common/validation';
import { ITenant } from '../identity/tenant';
import { ITenantNetwork } from '../network/tenant-network';

/** Where a model store keeps the weights. */
export enum ModelStoreKind {
  /** A shared file system (a Manila share) mounted into pods through Manila CSI. */
  SHARED_FILE_SYSTEM = 'shared-file-system',
  /** An object bucket pulled over S3 when a pod starts. */
  OBJECT_BUCKET = 'object-bucket',
}

/** A Kubernetes Secret by name. */
export interface KubernetesSecretReference {
  /** Secret name. */
  readonly secretName: string;
  /**
   * Namespace of the Secret.
   * @default - the namespace of the object that refers to it
   */
  readonly namespaceName?: string;
}

/**
 * What a Kubernetes workload needs to mount a shared-file-system model store. Values marked "synth time" are plain
 * strings usable in GitOps YAML; "Terraform reference" values are known only after apply and resolve only inside
 * the Terraform stack (`ClusterManifests.addModelStore`) or through the Terraform output `persistentVolumeOutputName`.
 */
export interface ModelStoreFileSystem {
  /** Manila CSI driver name, e.g. `cephfs.manila.csi.openstack.org` (synth time). */
  readonly csiDriverName: string;
  /** `share_proto`, `CEPHFS` or `NFS` (synth time). */
  readonly shareProtocol: string;
  /** Share name; Manila CSI accepts it as `shareName` instead of `shareID` (synth time). */
  readonly shareName: string;
  /** Share id, volume attribute `shareID` (Terraform reference). */
  readonly shareId: string;
  /** Access rule id, volume attribute `shareAccessIDs` (Terraform reference). */
  readonly shareAccessId: string;
  /** Export path of the share (Terraform reference). */
  readonly exportPath: string;
  /** Name of the PersistentVolume (synth time). */
  readonly persistentVolumeName: string;
  /** Name of the PersistentVolumeClaim workloads mount (synth time). */
  readonly claimName: string;
  /** Secret with the OpenStack credentials Manila CSI's node plugin uses (`nodeStageSecretRef`/`nodePublishSecretRef`; synth time). */
  readonly csiSecret: KubernetesSecretReference;
  /** Terraform output whose value is the PersistentVolume as YAML, for GitOps: `terraform output -raw <name>` (synth time). */
  readonly persistentVolumeOutputName: string;
}

/**
 * What a Kubernetes workload needs to fetch an object-bucket model store over S3. The credentials reach the
 * cluster as a Secret (keys `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`); its manifest is the sensitive Terraform
 * output `secretOutputName`.
 */
export interface ModelStoreObjectBucket {
  /** S3 endpoint URL, e.g. `https://rgw.example.net` (synth time). */
  readonly endpointUrl: string;
  /** S3 region name (synth time). */
  readonly region: string;
  /** Bucket name (synth time). */
  readonly bucketName: string;
  /** The Secret holding the S3 credentials (synth time). */
  readonly credentialsSecret: KubernetesSecretReference;
  /** Key of the access key id in that Secret (synth time). */
  readonly accessKeyIdKey: string;
  /** Key of the secret access key in that Secret (synth time). */
  readonly secretAccessKeyKey: string;
  /** The EC2 access key (Terraform reference). */
  readonly accessKeyId: string;
  /** The EC2 secret (sensitive Terraform reference). */
  readonly secretAccessKey: string;
  /** Sensitive Terraform output whose value is the Secret manifest as YAML (synth time). */
  readonly secretOutputName: string;
}

/**
 * A share or a bucket holding model weights, as the serving side consumes it. `storeKind` says which of
 * `fileSystem` and `objectBucket` is set.
 */
export interface IModelStore extends IConstruct {
  /** Store name, a DNS label (names the PV, PVC or Secret). */
  readonly storeName: string;
  /** Shared file system or object bucket. */
  readonly storeKind: ModelStoreKind;
  /** Whether consumers get read-only access. */
  readonly readOnly: boolean;
  /** Capacity in GB (the share size; for a bucket, the size the weights are expected to take). */
  readonly capacityGb: number;
  /** Mount details, for a shared file system. */
  readonly fileSystem?: ModelStoreFileSystem;
  /** Fetch details, for an object bucket. */
  readonly objectBucket?: ModelStoreObjectBucket;
}


/** What a share-backed model store exposes to the cluster, whether its share is new or exists already. */
export interface ShareModelStoreOptions {
  /** Store name, a DNS label; the PV and PVC (and a new share) are named after it. */
  readonly storeName: string;
  /**
   * Whether the serving cluster mounts it read-only (`ro` access rule, `ReadOnlyMany`).
   * @default true
   */
  readonly readOnly?: boolean;
  /**
   * The cephx client the cluster's Manila CSI mounts with (native CephFS).
   * @default - `<tenant cephx id>-<store name>`
   */
  readonly clientCephxId?: string;
  /**
   * The tenant network the cluster's nodes mount from (NFS): its subnet gets the access rule.
   * @default - the tenant's first network
   */
  readonly clientNetwork?: ITenantNetwork;
  /**
   * Manila CSI driver name. The Manila CSI Helm chart runs one driver per protocol, named
   * `<protocol>.manila.csi.openstack.org`; a plain deployment defaults to `manila.csi.openstack.org`.
   * @default - `cephfs.manila.csi.openstack.org` or `nfs.manila.csi.openstack.org`
   */
  readonly csiDriverName?: string;
  /**
   * Secret with OpenStack credentials of the tenant's project for Manila CSI (`os-authURL`, `os-region`,
   * `os-applicationCredentialID`, `os-applicationCredentialSecret`, ...).
   * @default - `manila-csi-<tenant cephx id>` in namespace `kube-system`
   */
  readonly csiSecret?: KubernetesSecretReference;
  /**
   * Name of the PVC workloads mount.
   * @default - the store name
   */
  readonly claimName?: string;
  /**
   * Namespace of that PVC, to pre-bind the PV to it (`claimRef`).
   * @default - not pre-bound: the PVC's `volumeName` binds it
   */
  readonly claimNamespace?: string;
}

/** Props of {@link ShareModelStore}. */
export interface ShareModelStoreProps extends StatefulProps, ShareModelStoreOptions {
  /** The tenant that owns the store. */
  readonly tenant: ITenant;
  /** The share type (CephFS native or NFS), declared in a ShareTypeCatalog. */
  readonly shareType: ShareType;
  /** Size in GB: the full checkpoint plus headroom (about 10%, our guidance: room for tokenizer files and a second revision). */
  readonly sizeGb: number;
  /**
   * Share network, for DHSS=True types.
   * @default - none
   */
  readonly shareNetwork?: IShareNetwork;
}

/** Props of {@link ShareModelStore.fromShare}. */
export interface ShareModelStoreFromShareProps extends ShareModelStoreOptions {
  /** The share that holds the weights, e.g. `Share.fromShareName(...)`; its tenant owns the store. */
  readonly share: IShare;
}

/** Refuses a share type Manila CSI cannot mount. */
function checkMountable(scope: IConstruct, shareType: ShareType): void {
  if (shareType.protocol !== ShareProtocol.CEPHFS && shareType.protocol !== ShareProtocol.NFS) {
    invalid(scope, `share type ${shareType.name} serves ${shareType.protocol}; Manila CSI mounts CEPHFS and NFS shares`);
  }
}

/**
 * The cluster's access rule on `share` and the mount details, with the PersistentVolume as the Terraform output
 * `model_store_<name>_pv` (under `scope`, the store).
 */
function exposeShare(scope: Construct & IModelStore, share: IShare, options: ShareModelStoreOptions)
  : { clientAccess: ShareAccess; fileSystem: ModelStoreFileSystem } {
  const tenant = share.tenant;
  const protocol = share.protocol;
  checkMountable(scope, share.shareType);
  const level = scope.readOnly ? ShareAccessLevel.READ_ONLY : ShareAccessLevel.READ_WRITE;
  let rule: ShareAccessRule;
  if (protocol === ShareProtocol.CEPHFS) {
    if (options.clientNetwork !== undefined) invalid(scope, 'clientNetwork is for NFS stores; a CephFS store names its client with clientCephxId');
    rule = guard(scope, () => ShareAccessRule.cephx(options.clientCephxId ?? `${tenant.cephxId}-${options.storeName}`.slice(0, 64), level));
  } else {
    if (options.clientCephxId !== undefined) invalid(scope, 'clientCephxId is for CephFS stores; an NFS store names its clients with clientNetwork');
    const network = options.clientNetwork ?? tenant.networks[0];
    if (network === undefined) invalid(scope, `tenant ${tenant.projectName} has no network for the NFS clients; add one or give clientNetwork`);
    rule = guard(scope, () => ShareAccessRule.ip(network.cidr, level));
  }
  const clientAccess = share.grantAccess(rule);

  const claimName = options.claimName ?? options.storeName;
  if (!isDnsLabel(claimName)) invalid(scope, `claimName ${JSON.stringify(claimName)} must be a DNS label`);
  const outputName = `model_store_${options.storeName.replace(/-/g, '_')}_pv`;
  const fileSystem: ModelStoreFileSystem = {
    csiDriverName: options.csiDriverName ?? `${protocol.toLowerCase()}.manila.csi.openstack.org`,
    shareProtocol: protocol,
    shareName: share.shareName,
    shareId: share.shareId,
    shareAccessId: clientAccess.accessId,
    exportPath: share.exportPath,
    persistentVolumeName: `${tenant.cephxId}-${options.storeName}`.slice(0, 63).replace(/-+$/, ''),
    claimName,
    csiSecret: options.csiSecret ?? { secretName: `manila-csi-${tenant.cephxId}`.slice(0, 63).replace(/-+$/, ''), namespaceName: 'kube-system' },
    persistentVolumeOutputName: outputName,
  };
  const store = { storeName: scope.storeName, readOnly: scope.readOnly, capacityGb: scope.capacityGb, fileSystem };
  const pv = persistentVolumeManifest(store, options.claimNamespace);
  const output = new TerraformOutput(scope, 'PersistentVolume', {
    description: `PersistentVolume of model store ${options.storeName} for Manila CSI, as YAML (known after apply)`,
    value: Fn.yamlencode(pv),
  });
  output.overrideLogicalId(outputName);
  return { clientAccess, fileSystem };
}

/** `storeName`, checked to be a DNS label (it names the PV, the PVC and a new share). */
function checkStoreName(scope: IConstruct, storeName: string): string {
  if (!isDnsLabel(storeName)) invalid(scope, `storeName ${JSON.stringify(storeName)} must be a DNS label (lower-case letters, digits, dashes; 63 at most)`);
  return storeName;
}

/** A model store on a share that exists already (see {@link ShareModelStore.fromShare}). */
class ExistingShareModelStore extends Construct implements IModelStore {
  public readonly storeName: string;
  public readonly storeKind: ModelStoreKind = ModelStoreKind.SHARED_FILE_SYSTEM;
  public readonly readOnly: boolean;
  public readonly capacityGb: number;
  public readonly fileSystem?: ModelStoreFileSystem;

  constructor(scope: Construct, id: string, props: ShareModelStoreFromShareProps) {
    super(scope, id);
    this.storeName = checkStoreName(this, props.storeName);
    this.readOnly = props.readOnly ?? true;
    this.capacityGb = props.share.sizeGb;
    this.fileSystem = exposeShare(this, props.share, props).fileSystem;
  }
}

/**
 * A model store on a Manila share: the share (protected like any share), one access rule for the serving
 * cluster (read-only by default), and the PersistentVolume Manila CSI needs, rendered by Terraform as the output
 * `model_store_<name>_pv` because its `shareAccessIDs` exists only after apply.
 *
 * Two ways to reach a cluster:
 * - GitOps: `terraform output -raw model_store_<name>_pv > pv.yaml` after apply, committed next to the PVC that
 *   `ModelStoreClaim` renders with synth-time values only;
 * - one `cdktf deploy`: `ClusterManifests.addModelStore(store, namespace)` applies the PV from the Terraform side,
 *   where the references resolve (the claim stays in the cdk8s chart).
 */
export class ShareModelStore extends Construct implements IModelStore {
  /**
   * A model store on a share the tenant already has (weights staged before this app, or a share another IaC repo
   * manages), e.g. `Share.fromShareName(...)`: the cluster's access rule and the PersistentVolume output as for a new
   * store; the share itself is neither created nor changed.
   */
  public static fromShare(scope: Construct, id: string, props: ShareModelStoreFromShareProps): IModelStore {
    return new ExistingShareModelStore(scope, id, props);
  }

  public readonly storeName: string;
  public readonly storeKind: ModelStoreKind = ModelStoreKind.SHARED_FILE_SYSTEM;
  public readonly readOnly: boolean;
  public readonly capacityGb: number;
  public readonly fileSystem?: ModelStoreFileSystem;
  /** The share. */
  public readonly share: Share;
  /** The serving cluster's access rule. */
  public readonly clientAccess: ShareAccess;

  constructor(scope: Construct, id: string, props: ShareModelStoreProps) {
    super(scope, id);
    this.storeName = checkStoreName(this, props.storeName);
    this.readOnly = props.readOnly ?? true;
    this.capacityGb = props.sizeGb;
    checkMountable(this, props.shareType);
    this.share = new Share(this, 'Share', {
      tenant: props.tenant,
      shareType: props.shareType,
      sizeGb: props.sizeGb,
      shareName: `${props.tenant.projectName}-${props.storeName}`,
      shareNetwork: props.shareNetwork,
      description: `model store ${props.storeName}`,
      protection: props.protection,
      movedFrom: props.movedFrom === undefined ? undefined : `${props.movedFrom}/Share`,
      metadata: { purpose: 'model-store' },
    });
    const exposed = exposeShare(this, this.share, props);
    this.clientAccess = exposed.clientAccess;
    this.fileSystem = exposed.fileSystem;
  }
}

/** Props of {@link BucketModelStore}. */
export interface BucketModelStoreProps extends StatefulProps {
  /** The tenant that owns the store. */
  readonly tenant: ITenant;
  /** Store name, a DNS label; the credentials Secret is named after it. */
  readonly storeName: string;
  /** The site's object storage; it needs an S3 endpoint. */
  readonly service: ObjectStorageService;
  /**
   * Bucket name (DNS-compatible).
   * @default - `<tenant cephx id>-<store name>`
   */
  readonly bucketName?: string;
  /** Size the weights are expected to take in GB, for consumers that cache them on a volume. */
  readonly capacityGb: number;
  /**
   * The existing Keystone user the store's S3 (EC2) credentials belong to; it gets `reader` (read-only stores)
   * or `member` on the tenant's project.
   */
  readonly credentialUserName: string;
  /**
   * Id of that user's domain.
   * @default 'default'
   */
  readonly credentialUserDomainId?: string;
  /**
   * Whether consumers only read (the credential user gets `reader`; RGW honours it when the role is in
   * `rgw_keystone_accepted_reader_roles`).
   * @default true
   */
  readonly readOnly?: boolean;
  /**
   * Name of the Kubernetes Secret holding the credentials.
   * @default - `<store name>-s3`
   */
  readonly credentialsSecretName?: string;
  /**
   * Keep old object versions.
   * @default - where the service supports it
   */
  readonly versioning?: boolean;
}

/**
 * A model store in an object bucket (Ceph RGW over S3): the bucket (protected like any bucket), an EC2 credential
 * of a dedicated user with `reader` (or `member`) on the tenant's project, and the Kubernetes Secret manifest with
 * it as the sensitive Terraform output `model_store_<name>_secret`
 * (EC2 credentials for S3 on RGW: https://docs.ceph.com/en/latest/radosgw/keystone/).
 *
 * The EC2 credential is created by the stack's default (admin) provider for another user; restricted application
 * credentials cannot create EC2 credentials since the 2026 Keystone fix.
 */
export class BucketModelStore extends Construct implements IModelStore {
  public readonly storeName: string;
  public readonly storeKind: ModelStoreKind = ModelStoreKind.OBJECT_BUCKET;
  public readonly readOnly: boolean;
  public readonly capacityGb: number;
  public readonly objectBucket?: ModelStoreObjectBucket;
  /** The bucket. */
  public readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: BucketModelStoreProps) {
    super(scope, id);
    if (!isDnsLabel(props.storeName)) invalid(this, `storeName ${JSON.stringify(props.storeName)} must be a DNS label (lower-case letters, digits, dashes; 63 at most)`);
    if (props.service.s3EndpointUrl === undefined) {
      invalid(this, `the site's ${props.service.product} has no S3 endpoint; declare s3EndpointUrl in ObjectStorageService for a bucket model store`);
    }
    // bounded so the claim's `<capacity>Gi` stays a plain decimal quantity (1e+21 is not one)
    if (!Number.isSafeInteger(props.capacityGb) || props.capacityGb < 1) invalid(this, `capacityGb ${props.capacityGb} must be a positive integer (at most 2^53-1)`);
    this.storeName = props.storeName;
    this.readOnly = props.readOnly ?? true;
    this.capacityGb = props.capacityGb;
    this.bucket = new Bucket(this, 'Bucket', {
      tenant: props.tenant,
      service: props.service,
      bucketName: props.bucketName ?? `${props.tenant.cephxId}-${props.storeName}`.slice(0, 63).replace(/[-.]+$/, ''),
      versioning: props.versioning,
      metadata: { purpose: 'model-store' },
      protection: props.protection,
      movedFrom: props.movedFrom === undefined ? undefined : `${props.movedFrom}/Bucket`,
    });
    const domainId = props.credentialUserDomainId ?? 'default';
    const assignments = props.tenant.addMember({ userName: props.credentialUserName, domainId, roles: [this.readOnly ? 'reader' : 'member'] });
    const credential = new (bindings.identityEc2CredentialV3().IdentityEc2CredentialV3)(this, 'Credential', {
      projectId: props.tenant.projectId,
      userId: IdentityLookups.userId(this, props.credentialUserName, domainId),
      dependsOn: assignments,
    });
    const secretName = props.credentialsSecretName ?? `${props.storeName}-s3`;
    if (!isDnsLabel(secretName)) invalid(this, `credentialsSecretName ${JSON.stringify(secretName)} must be a DNS label`);
    const outputName = `model_store_${props.storeName.replace(/-/g, '_')}_secret`;
    this.objectBucket = {
      endpointUrl: props.service.s3EndpointUrl,
      region: props.service.s3Region,
      bucketName: this.bucket.bucketName,
      credentialsSecret: { secretName },
      accessKeyIdKey: 'AWS_ACCESS_KEY_ID',
      secretAccessKeyKey: 'AWS_SECRET_ACCESS_KEY',
      accessKeyId: credential.access,
      secretAccessKey: credential.secret,
      secretOutputName: outputName,
    };
    const output = new TerraformOutput(this, 'Secret', {
      description: `Secret with the S3 credentials of model store ${props.storeName}, as YAML (apply it in the serving namespace)`,
      sensitive: true,
      value: Fn.yamlencode(credentialsSecretManifest(this.objectBucket)),
    });
    output.overrideLogicalId(outputName);
  }
}
