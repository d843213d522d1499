import { check, fail, oneOf } from '../errors';

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * When an application credential stops working. Output must be deterministic, so an expiry is always a date the
 * user gives (or one derived from a date they give), never "now + N days" computed at synth time.
 *
 * Keystone takes `expires_at` as an ISO 8601 / RFC3339 time; omitting it means the credential never expires
 * (terraform-provider-openstack v3.4.0 docs/resources/identity_application_credential_v3.md). Times are normalised to UTC (`2026-12-31T00:00:00Z`), the form the
 * Terraform provider reads back, so a plan never shows a spurious change (the attribute forces a new credential).
 */
export class CredentialExpiry {
  /**
   * Expires at an RFC3339 time, e.g. `2026-12-31T00:00:00Z` or `2026-12-31T09:00:00+02:00`.
   */
  public static at(rfc3339: string): CredentialExpiry {
    return new CredentialExpiry(CredentialExpiry.parse(rfc3339), undefined);
  }

  /**
   * Expires `days` days after a date the user gives (`YYYY-MM-DD`, taken as midnight UTC, or an RFC3339 time),
   * e.g. `CredentialExpiry.daysAfter('2026-06-01', 90)` → `2026-08-30T00:00:00Z`.
   */
  public static daysAfter(start: string, days: number): CredentialExpiry {
    check(Number.isInteger(days) && days >= 1 && days <= 3650, `expiry of ${days} days must be a whole number of days from 1 to 3650`);
    const base = DATE.test(start) ? CredentialExpiry.parse(`${start}T00:00:00Z`) : CredentialExpiry.parse(start);
    return new CredentialExpiry(new Date(base.getTime() + days * 86_400_000), undefined);
  }

  /**
   * Never expires. Allowed only with a reason (at least a few words), which is kept in the credential's
   * description so the next reviewer sees why.
   */
  public static never(reason: string): CredentialExpiry {
    check(reason.trim().length >= 10,
      `a credential that never expires needs a reason of at least 10 characters (got ${JSON.stringify(reason)}); say why it cannot rotate`);
    return new CredentialExpiry(undefined, reason.trim());
  }

  private static parse(value: string): Date {
    const m = RFC3339.exec(value);
    if (!m) {
      fail(`expiry ${JSON.stringify(value)} is not an RFC3339 time; use e.g. 2026-12-31T00:00:00Z or CredentialExpiry.daysAfter('2026-06-01', 90)`);
    }
    const [, y, mo, d, h, mi, s] = m;
    const year = Number(y);
    const month = Number(mo);
    const day = Number(d);
    const probe = new Date(Date.UTC(year, month - 1, day));
    const sameDay = probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
    check(sameDay && Number(h) < 24 && Number(mi) < 60 && Number(s) < 60, `expiry ${JSON.stringify(value)} is not a valid calendar time`);
    const date = new Date(value);
    check(!Number.isNaN(date.getTime()), `expiry ${JSON.stringify(value)} is not a valid calendar time`);
    return date;
  }

  /** The expiry as an RFC3339 UTC time without fractions, or undefined for a credential that never expires. */
  public readonly expiresAt?: string;
  /** Why the credential never expires, when it does not. */
  public readonly neverExpiresReason?: string;

  private constructor(date: Date | undefined, reason: string | undefined) {
    this.expiresAt = date === undefined ? undefined : `${date.toISOString().slice(0, 19)}Z`;
    this.neverExpiresReason = reason;
  }
}

/** HTTP methods Keystone access rules accept (openstack/keystone `keystone/application_credential/schema.py`). */
export enum HttpMethod {
  /** GET. */
  GET = 'GET',
  /** HEAD. */
  HEAD = 'HEAD',
  /** POST. */
  POST = 'POST',
  /** PUT. */
  PUT = 'PUT',
  /** PATCH. */
  PATCH = 'PATCH',
  /** DELETE. */
  DELETE = 'DELETE',
}

/** Code names people put where Keystone wants the catalog service type. */
const CODE_NAMES: { [codeName: string]: string } = {
  nova: 'compute',
  neutron: 'network',
  cinder: 'volumev3',
  cinderv3: 'volumev3',
  glance: 'image',
  swift: 'object-store',
  radosgw: 'object-store',
  rgw: 'object-store',
  manila: 'sharev2',
  keystone: 'identity',
  magnum: 'container-infra',
  octavia: 'load-balancer',
  heat: 'orchestration',
  barbican: 'key-manager',
  designate: 'dns',
  placement: 'placement',
};

/**
 * One application-credential access rule: a catalog service type, an HTTP method and a path, e.g.
 * `object-store GET /swift/v1/AUTH_<project>/datasets/**`.
 *
 * `service` is the service **type** from the catalog (`compute`, `volumev3`, `object-store`), not a code name;
 * `path` may use `*` (one segment), `**` (any number of segments) and `{name}` (one named segment)
 * (openstack/keystone `keystone/application_credential/schema.py` and access_rules_config; keystonemiddleware's matcher). Services enforce rules
 * through keystonemiddleware; a service that does not send the `OpenStack-Identity-Access-Rules` header when it
 * validates tokens cannot accept such a credential at all.
 */
export class AccessRule {
  /** A rule for one service type, method and path. */
  public static of(service: string, method: HttpMethod, path: string): AccessRule {
    return new AccessRule(service, method, path);
  }

  /** Catalog service type, e.g. `object-store`. */
  public readonly service: string;
  /** HTTP method. */
  public readonly method: HttpMethod;
  /** Request path pattern. */
  public readonly path: string;

  private constructor(service: string, method: HttpMethod, path: string) {
    const known = CODE_NAMES[service.toLowerCase()];
    check(known === undefined || known === service,
      `access rule service ${JSON.stringify(service)} is a code name; Keystone matches the catalog service type, use ${JSON.stringify(known)}`);
    check(/^[a-z][a-z0-9-]*$/.test(service), `access rule service ${JSON.stringify(service)} is not a catalog service type (lower-case, e.g. compute or object-store)`);
    check(Object.values(HttpMethod).includes(method), `access rule method ${JSON.stringify(method)} is not one of ${oneOf(Object.values(HttpMethod))}`);
    check(path.startsWith('/'), `access rule path ${JSON.stringify(path)} must start with /`);
    this.service = service;
    this.method = method;
    this.path = path;
  }

  /** `service method path`, for messages and de-duplication. */
  public toString(): string {
    return `${this.service} ${this.method} ${this.path}`;
  }
}
