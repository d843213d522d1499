import { check } from '../errors';

/** Bytes of a string in UTF-8. */
function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Props of {@link ObjectStorageService.cephRgw}. */
export interface CephRgwProps {
  /**
   * The RGW S3 endpoint clients use, e.g. `https://rgw.example.net`.
   * @default - no S3 endpoint: buckets are reachable through the Swift API only
   */
  readonly s3EndpointUrl?: string;
  /**
   * The S3 region name RGW answers to (its zonegroup's `api_name`).
   * @default 'default'
   */
  readonly s3Region?: string;
  /**
   * Path prefix of the Swift API (RGW's `rgw_swift_url_prefix`, `swift` by default, then `/v1`).
   * @default '/swift/v1'
   */
  readonly swiftPathPrefix?: string;
  /**
   * Whether the operator set `rgw_swift_versioning_enabled = true`, so containers can be versioned through the Swift
   * API. RGW implements only the legacy `X-Versions-Location` mode (old versions go to an archive container); it does
   * not read `X-Versions-Enabled` or `X-History-Location` (ceph/ceph `src/rgw/rgw_rest_swift.cc`,
   * `get_swift_versioning_settings`), and it answers `X-Versions-Location` with 412 while the option is off.
   * @default false
   */
  readonly versioning?: boolean;
}

/** Props of {@link ObjectStorageService.swift}. */
export interface SwiftProps {
  /**
   * Path prefix of the Swift API.
   * @default '/v1'
   */
  readonly swiftPathPrefix?: string;
  /**
   * Whether the operator set `allow_object_versioning = true` in the proxy's `versioned_writes` filter (Swift 2.24
   * or later), so containers take `X-Versions-Enabled: true` (openstack/swift
   * `swift/common/middleware/versioned_writes/object_versioning.py`).
   * @default false
   */
  readonly versioning?: boolean;
  /**
   * An S3 endpoint (Swift's s3api middleware).
   * @default - none
   */
  readonly s3EndpointUrl?: string;
  /**
   * S3 region name.
   * @default 'default'
   */
  readonly s3Region?: string;
}

/**
 * The site's object storage: Ceph RGW serving the Swift API with Keystone auth (and S3 through EC2 credentials;
 * https://docs.ceph.com/en/latest/radosgw/keystone/), or OpenStack Swift. Buckets and model stores read their
 * endpoint and capabilities from here.
 */
export class ObjectStorageService {
  /** Ceph RGW. */
  public static cephRgw(props: CephRgwProps = {}): ObjectStorageService {
    return new ObjectStorageService('Ceph RGW', props.swiftPathPrefix ?? '/swift/v1', props.versioning ?? false, true, props.s3EndpointUrl, props.s3Region);
  }

  /** OpenStack Swift. */
  public static swift(props: SwiftProps = {}): ObjectStorageService {
    return new ObjectStorageService('OpenStack Swift', props.swiftPathPrefix ?? '/v1', props.versioning ?? false, false, props.s3EndpointUrl, props.s3Region);
  }

  /**
   * Checks a bucket (container) name: Swift forbids `/` and more than 256 bytes; names used through S3 as well
   * must be DNS-compatible (3 to 63 lower-case letters, digits, dots and dashes, starting and ending with a letter
   * or digit, not an IP address).
   */
  public static checkBucketName(name: string, s3Compatible: boolean): void {
    check(name.length > 0 && utf8Length(name) <= 256 && !name.includes('/'),
      `bucket name ${JSON.stringify(name)} must be 1 to 256 bytes without a slash (Swift container name rules)`);
    if (s3Compatible) {
      check(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) && !/^\d+\.\d+\.\d+\.\d+$/.test(name) && !name.includes('..'),
        `bucket name ${JSON.stringify(name)} is not DNS-compatible; buckets used through S3 need 3 to 63 lower-case letters, digits, dots and dashes, starting and ending with a letter or digit`);
    }
  }

  /** What the service is. */
  public readonly product: string;
  /** Path prefix of the Swift API, e.g. `/swift/v1`. */
  public readonly swiftPathPrefix: string;
  /** Whether containers can be versioned. */
  public readonly versioning: boolean;
  /**
   * Whether versioning is the legacy `X-Versions-Location` mode (RGW: old versions go to an archive container)
   * rather than `X-Versions-Enabled` (Swift's object versioning).
   */
  public readonly versionsLocation: boolean;
  /** The S3 endpoint, if any. */
  public readonly s3EndpointUrl?: string;
  /** The S3 region name. */
  public readonly s3Region: string;

  private constructor(product: string, swiftPathPrefix: string, versioning: boolean, versionsLocation: boolean, s3EndpointUrl?: string,
    s3Region?: string) {
    check(/^\/[A-Za-z0-9_./-]*[A-Za-z0-9_]$/.test(swiftPathPrefix), `swiftPathPrefix ${JSON.stringify(swiftPathPrefix)} must be a path such as /swift/v1`);
    if (s3EndpointUrl !== undefined) {
      check(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(s3EndpointUrl), `s3EndpointUrl ${JSON.stringify(s3EndpointUrl)} must be an http(s) URL such as https://rgw.example.net`);
    }
    this.product = product;
    this.swiftPathPrefix = swiftPathPrefix;
    this.versioning = versioning;
    this.versionsLocation = versionsLocation;
    this.s3EndpointUrl = s3EndpointUrl?.replace(/\/$/, '');
    this.s3Region = s3Region ?? 'default';
  }
}
