import { Annotations, S3Backend, S3BackendConfig, TerraformStack, Token } from 'cdktf';
import { Construct } from 'constructs';
import { invalid } from '../constructs/common/validation';

/**
 * Where a {@link FactoryStack} keeps its Terraform state in an S3-compatible object store such as Ceph RGW.
 *
 * Credentials never reach the synthesized JSON: Terraform reads them from the environment of `terraform init`
 * (`AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`, or `AWS_PROFILE` with a shared credentials file), as the S3 backend's
 * documentation recommends (https://developer.hashicorp.com/terraform/language/backend/s3, "Credentials and
 * Shared Configuration").
 */
export interface S3StateBackendOptions {
  /** The object store's S3 endpoint, with its scheme, e.g. `https://rgw.example.net` (Terraform's `endpoints.s3`). */
  readonly endpoint: string;
  /** The bucket the state lives in (it must exist; turn on versioning so an overwritten state can be recovered). */
  readonly bucket: string;
  /**
   * The object key of the stack's state.
   * @default - `<stack id>/terraform.tfstate`
   */
  readonly key?: string;
  /**
   * The region the S3 client signs requests for; for Ceph RGW the zonegroup's `api_name` (often `default`). Any
   * name is accepted (`skip_region_validation`), since RGW's are not AWS regions.
   * @default 'default'
   */
  readonly region?: string;
  /**
   * Path-style URLs (`https://rgw.example.net/<bucket>/<key>`) instead of virtual-hosted ones
   * (`https://<bucket>.rgw.example.net/<key>`, which need wildcard DNS and a certificate for it). Terraform's
   * `use_path_style`.
   * @default true
   */
  readonly usePathStyle?: boolean;
  /**
   * Lock the state while Terraform writes it, with Terraform's S3-native lock file (`use_lockfile`, Terraform
   * 1.11 and later): a `<key>.tflock` object created with a conditional PutObject (`If-None-Match: *`). The lock is
   * only as good as the store's support for that condition; check that your RGW release refuses the second writer
   * with 412 before you rely on it.
   * @default true
   */
  readonly locking?: boolean;
  /**
   * Send no checksum with uploads (`skip_s3_checksum`), for S3-compatible stores that refuse the checksums newer
   * AWS SDKs add by default.
   * @default false
   */
  readonly skipS3Checksum?: boolean;
  /**
   * File with the CA certificates that sign the endpoint's certificate (`custom_ca_bundle`).
   * @default - the system's trust store
   */
  readonly customCaBundle?: string;
}

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * Terraform's `s3` backend for an S3-compatible store: `endpoints.s3`, path-style URLs, the AWS-only checks off (STS
 * credential validation, account id, EC2 metadata, region names), and the S3-native lock file. Other stacks that
 * reference this stack's values read its state through `terraform_remote_state` with the same `s3` settings
 * (cdktf's `S3Backend.getRemoteStateDataSource`).
 *
 * Verified against hashicorp/terraform v1.11.4 `internal/backend/remote-state/s3/backend.go`: `use_lockfile`
 * (bool, "Whether to use a lockfile for locking the state file"), `endpoints.s3` (the top-level `endpoint` is
 * deprecated for it), `use_path_style` (`force_path_style` deprecated), `skip_credentials_validation`,
 * `skip_requesting_account_id`, `skip_metadata_api_check`, `skip_region_validation`, `skip_s3_checksum`; and
 * `client.go`, which takes the lock with `PutObject` and `IfNoneMatch: "*"`.
 * `FactoryStackProps.s3Backend` adds it to a `FactoryStack`; add it yourself to any other `TerraformStack`.
 */
export class S3CompatibleBackend extends S3Backend {
  private static check(stack: TerraformStack, o: S3StateBackendOptions): void {
    if (!Token.isUnresolved(o.endpoint) && !/^https?:\/\/[^/\s]+(\/\S*)?$/.test(o.endpoint)) {
      invalid(stack, `s3Backend endpoint ${JSON.stringify(o.endpoint)} is not an http(s) URL; give the store's S3 URL with its scheme, e.g. https://rgw.example.net`);
    }
    if (!Token.isUnresolved(o.bucket) && (!BUCKET.test(o.bucket) || o.bucket.includes('..'))) {
      invalid(stack, `s3Backend bucket ${JSON.stringify(o.bucket)} is not an S3 bucket name; use 3 to 63 lower-case letters, digits, dots and dashes, ` +
        'starting and ending with a letter or digit');
    }
    if (o.key !== undefined && !Token.isUnresolved(o.key) && (o.key.trim() === '' || o.key.startsWith('/') || o.key.endsWith('/'))) {
      invalid(stack, `s3Backend key ${JSON.stringify(o.key)} must be an object key such as site/terraform.tfstate (not empty, no leading or trailing /)`);
    }
    if (o.region !== undefined && !Token.isUnresolved(o.region) && o.region.trim() === '') {
      invalid(stack, `s3Backend region ${JSON.stringify(o.region)} is empty; give the zonegroup api_name (e.g. default) or leave region out`);
    }
  }

  private readonly locking: boolean;

  constructor(scope: Construct, options: S3StateBackendOptions) {
    const stack = TerraformStack.of(scope);
    S3CompatibleBackend.check(stack, options);
    const config: S3BackendConfig = {
      bucket: options.bucket,
      key: options.key ?? `${stack.node.id}/terraform.tfstate`,
      region: options.region ?? 'default',
      endpoints: { s3: options.endpoint },
      usePathStyle: options.usePathStyle ?? true,
      skipCredentialsValidation: true,
      skipRequestingAccountId: true,
      skipMetadataApiCheck: true,
      skipRegionValidation: true,
      skipS3Checksum: options.skipS3Checksum,
      customCaBundle: options.customCaBundle,
    };
    super(scope, config);
    this.locking = options.locking ?? true;
    if (options.endpoint.startsWith('http://')) {
      Annotations.of(stack).addWarning(`s3Backend endpoint ${options.endpoint} is plain http: the state (which holds every resource's attributes, secrets ` +
        'included) travels unencrypted; use https');
    }
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return this.locking ? { ...super.synthesizeAttributes(), use_lockfile: true } : super.synthesizeAttributes();
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return this.locking ? { ...super.synthesizeHclAttributes(), use_lockfile: true } : super.synthesizeHclAttributes();
  }
}
