import { Lazy } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import type { ObjectstorageContainerV1 } from '../../generated/terraform/openstack/objectstorage-container-v1';
import { ObjectStorageService } from '../../lib/storage/object-storage';
import { AccessRule, HttpMethod } from '../../lib/tenancy/credential';
import { bindings } from '../common/bindings';
import { claimAppWide } from '../common/registry';
import { Stateful, StatefulProps } from '../common/stateful';
import { guard, invalid } from '../common/validation';
import { ITenant } from '../identity/tenant';

/** An object-storage bucket (a Swift container). */
export interface IBucket extends IConstruct {
  /** Bucket (container) name. */
  readonly bucketName: string;
  /** The tenant whose account holds it. */
  readonly tenant: ITenant;
  /** The object storage service. */
  readonly service: ObjectStorageService;
  /** Access rules that let an application credential read the bucket (GET and HEAD on it and its objects). */
  readAccessRules(): AccessRule[];
  /** Access rules that let an application credential write objects (PUT, POST, DELETE on its objects). */
  writeAccessRules(): AccessRule[];
}

/** Props of {@link Bucket}. */
export interface BucketProps extends StatefulProps {
  /** The tenant whose account holds the bucket (created through its project-scoped provider). */
  readonly tenant: ITenant;
  /** The site's object storage. */
  readonly service: ObjectStorageService;
  /** Bucket name; DNS-compatible when `s3Compatible`. */
  readonly bucketName: string;
  /**
   * Whether the bucket is also used through S3 (RGW), which needs a DNS-compatible name.
   * @default true
   */
  readonly s3Compatible?: boolean;
  /**
   * Keep old versions of overwritten objects (`versioning`); needs a service that supports it.
   * @default - on where the service supports it
   */
  readonly versioning?: boolean;
  /**
   * Swift storage policy (an RGW placement target on Ceph; cannot change later).
   * @default - the default policy
   */
  readonly storagePolicy?: string;
  /**
   * Container metadata (`X-Container-Meta-*`).
   * @default - none
   */
  readonly metadata?: { [key: string]: string };
}

/**
 * An object-storage bucket for datasets and model artifacts: a container in the tenant's Swift account (Ceph RGW
 * or Swift; `openstack_objectstorage_container_v1`), versioned where the service supports it (RGW: old versions in
 * an archive container `<name>-versions` through `X-Versions-Location`; Swift: `X-Versions-Enabled`), never `force_destroy`ed, with `lifecycle.prevent_destroy` unless opted out with a reason.
 *
 * Other tenants get access only through explicit grants (`grantRead(tenant)`, `grantWrite(tenant)`), which become
 * Swift ACLs `<project id>:*` in `container_read` / `container_write`. Whether RGW honours project-wide Swift ACLs
 * for Keystone users depends on its release and `rgw_keystone_implicit_tenants`; verify on your site.
 */
export class Bucket extends Construct implements IBucket {
  public readonly bucketName: string;
  public readonly tenant: ITenant;
  public readonly service: ObjectStorageService;
  /** Whether old object versions are kept. */
  public readonly versioning: boolean;
  private readonly readers = new Set<ITenant>();
  private readonly writers = new Set<ITenant>();

  constructor(scope: Construct, id: string, props: BucketProps) {
    super(scope, id);
    this.tenant = props.tenant;
    this.service = props.service;
    this.bucketName = props.bucketName;
    guard(this, () => ObjectStorageService.checkBucketName(props.bucketName, props.s3Compatible ?? true));
    if (props.versioning === true && !props.service.versioning) {
      const enable = props.service.versionsLocation
        ? 'on RGW set rgw_swift_versioning_enabled = true (RGW answers X-Versions-Location with 412 otherwise)'
        : 'on Swift set allow_object_versioning = true in the proxy\'s versioned_writes filter (Swift 2.24 or later)';
      invalid(this, `versioning is asked for but the site's ${props.service.product} does not version containers; ${enable} ` +
        'and declare versioning: true in ObjectStorageService, or leave versioning off');
    }
    this.versioning = props.versioning ?? props.service.versioning;
    // RGW implements only X-Versions-Location: old versions go to an archive container that must exist
    // (ceph/ceph src/rgw/rgw_rest_swift.cc); the provider writes it from versioning_legacy { type = "versions" }
    // (terraform-provider-openstack v3.4.0 openstack/resource_openstack_objectstorage_container_v1.go)
    const archiveName = this.versioning && props.service.versionsLocation ? `${props.bucketName}-versions` : undefined;
    if (archiveName !== undefined && (props.s3Compatible ?? true) && archiveName.length > 63) {
      invalid(this, `bucket ${props.bucketName} keeps its old versions in ${archiveName} (RGW's X-Versions-Location), which is longer than ` +
        `63 characters; shorten bucketName to ${63 - '-versions'.length} characters or leave versioning off`);
    }
    // bucket names are per account in Swift but global in RGW's S3 namespace (without tenanted buckets)
    const previous = claimAppWide(this, 'bucket', props.bucketName);
    if (previous !== undefined) invalid(this, `bucket name ${props.bucketName} is already used by ${previous.node.path}; S3 bucket names are global on RGW, pick another`);
    const binding = props.tenant.bindProjectScope(this);
    const acl = (set: Set<ITenant>) => Lazy.stringValue({
      produce: () => (set.size === 0 ? undefined : [...set].map((t) => `${t.projectId}:*`).join(',')),
    });
    let archive: ObjectstorageContainerV1 | undefined;
    if (archiveName !== undefined) {
      const taken = claimAppWide(this, 'bucket', archiveName);
      if (taken !== undefined) invalid(this, `bucket name ${archiveName} (the archive of old versions) is already used by ${taken.node.path}; pick another bucketName`);
      archive = new (bindings.objectstorageContainerV1().ObjectstorageContainerV1)(this, 'Versions', {
        name: archiveName,
        storagePolicy: props.storagePolicy,
        forceDestroy: false,
        provider: binding.provider,
        dependsOn: binding.dependsOn,
      });
      Stateful.protect(archive, props.protection);
    }
    const container = new (bindings.objectstorageContainerV1().ObjectstorageContainerV1)(this, 'Resource', {
      name: props.bucketName,
      versioning: archiveName === undefined ? this.versioning : undefined,
      versioningLegacy: archiveName === undefined ? undefined : { type: 'versions', location: archiveName },
      storagePolicy: props.storagePolicy,
      metadata: props.metadata,
      containerRead: acl(this.readers),
      containerWrite: acl(this.writers),
      forceDestroy: false,
      provider: binding.provider,
      dependsOn: archive ? [...(binding.dependsOn ?? []), archive] : binding.dependsOn,
    });
    Stateful.apply(this, container, props);
  }

  /** Lets another tenant's users read the bucket (Swift ACL `<project id>:*` in `container_read`). */
  public grantRead(grantee: ITenant): void {
    if (grantee === this.tenant) invalid(this, `tenant ${grantee.projectName} owns the bucket and can already read it`);
    this.readers.add(grantee);
  }

  /** Lets another tenant's users write objects (Swift ACL in `container_write`; reading needs grantRead too). */
  public grantWrite(grantee: ITenant): void {
    if (grantee === this.tenant) invalid(this, `tenant ${grantee.projectName} owns the bucket and can already write it`);
    this.writers.add(grantee);
  }

  public readAccessRules(): AccessRule[] {
    return [HttpMethod.GET, HttpMethod.HEAD].flatMap((m) => [
      AccessRule.of('object-store', m, this.containerPath()),
      AccessRule.of('object-store', m, `${this.containerPath()}/**`),
    ]);
  }

  public writeAccessRules(): AccessRule[] {
    return [HttpMethod.PUT, HttpMethod.POST, HttpMethod.DELETE].map((m) => AccessRule.of('object-store', m, `${this.containerPath()}/**`));
  }

  /** The container's Swift path, e.g. `/swift/v1/AUTH_<project id>/datasets`. */
  private containerPath(): string {
    return `${this.service.swiftPathPrefix}/AUTH_${this.tenant.projectId}/${this.bucketName}`;
  }
}
