import { Annotations, Lazy } from 'cdktf';
import { Construct } from 'constructs';
import type { ITenant } from './tenant';
import { AccessRule, CredentialExpiry } from '../../lib/tenancy/credential';
import { bindings } from '../common/bindings';
import { claimAppWide } from '../common/registry';
import { invalid } from '../common/validation';

/** What an application credential may do and for how long. */
export interface ApplicationCredentialOptions {
  /**
   * Credential name, unique among its owner's credentials.
   * @default - `<project name>-<construct id in lower case>`
   */
  readonly credentialName?: string;
  /**
   * Description.
   * @default - what it is for is not said; the expiry and unrestricted reasons are appended either way
   */
  readonly description?: string;
  /**
   * Roles the credential carries, a subset of its owner's roles on the project. Required: omitting roles in
   * Keystone would delegate every role the owner has.
   */
  readonly roles: string[];
  /**
   * Access rules: the only API calls the credential may make (service type, method, path).
   * @default - none: every call its roles allow (a warning says so)
   */
  readonly accessRules?: AccessRule[];
  /** When it stops working: `CredentialExpiry.at(...)`, `.daysAfter(date, days)` or `.never(reason)`. */
  readonly expiry: CredentialExpiry;
  /**
   * Whether the credential may create and delete application credentials and trusts (needed by tools that
   * provision Magnum clusters or create EC2 credentials). Needs `unrestrictedReason`.
   * @default false
   */
  readonly unrestricted?: boolean;
  /**
   * Why the credential must be unrestricted.
   * @default - none; required when unrestricted
   */
  readonly unrestrictedReason?: string;
}

/** Props of {@link ApplicationCredential}. */
export interface ApplicationCredentialProps extends ApplicationCredentialOptions {
  /** The tenant whose project the credential is scoped to; its project-scope user owns it. */
  readonly tenant: ITenant;
}

/**
 * A Keystone application credential for a tenant's automation (`openstack_identity_application_credential_v3`):
 * explicit roles, access rules that name the only calls it may make, and an explicit expiry
 * (terraform-provider-openstack v3.4.0 docs/resources/identity_application_credential_v3.md). Keystone creates it for the authenticated user in the project that
 * user's token is scoped to, so it is created through the tenant's project-scoped provider and owned by the
 * project-scope user, whose roles on the project must include the credential's roles.
 *
 * The OpenInfra white paper's training pipeline, for instance: read one dataset bucket, start servers, write one
 * model registry:
 * ```ts
 * tenant.addApplicationCredential('Pipeline', {
 *   roles: ['member'],
 *   expiry: CredentialExpiry.daysAfter('2026-06-01', 90),
 *   accessRules: [...datasets.readAccessRules(), AccessRule.of('compute', HttpMethod.POST, '/v2.1/servers'), ...registry.writeAccessRules()],
 * });
 * ```
 */
export class ApplicationCredential extends Construct {
  /** Credential id (a Terraform reference); clouds.yaml `auth.application_credential_id`. */
  public readonly credentialId: string;
  /** The generated secret (a sensitive Terraform reference); clouds.yaml `auth.application_credential_secret`. */
  public readonly secret: string;
  /** Credential name. */
  public readonly credentialName: string;
  /** RFC3339 expiry, or undefined when it never expires. */
  public readonly expiresAt?: string;
  private readonly rules = new Map<string, AccessRule>();

  constructor(scope: Construct, id: string, props: ApplicationCredentialProps) {
    super(scope, id);
    const tenant = props.tenant;
    this.credentialName = props.credentialName ?? `${tenant.projectName}-${id.toLowerCase()}`;
    if (this.credentialName.length === 0 || this.credentialName.length > 255) {
      invalid(this, `credentialName ${JSON.stringify(this.credentialName)} must be 1 to 255 characters`);
    }
    if (props.expiry === undefined) {
      invalid(this, `application credential ${this.credentialName} has no expiry; give expiry: CredentialExpiry.at('2026-12-31T00:00:00Z'), ` +
        "CredentialExpiry.daysAfter('2026-06-01', 90) or, for one that must never expire, CredentialExpiry.never(reason)");
    }
    const unrestricted = props.unrestricted ?? false;
    const reason = props.unrestrictedReason?.trim();
    if (unrestricted && (reason === undefined || reason.length < 10)) {
      invalid(this, `application credential ${this.credentialName} is unrestricted without an unrestrictedReason; an unrestricted credential can create and ` +
        'delete other application credentials and trusts, so say why it needs to (at least 10 characters), or leave it restricted');
    }
    if (!unrestricted && reason !== undefined) {
      invalid(this, `application credential ${this.credentialName} has an unrestrictedReason but is not unrestricted; set unrestricted: true or drop the reason`);
    }
    if (props.roles.length === 0) {
      invalid(this, `application credential ${this.credentialName} has no roles; Keystone would delegate every role of its owner, so name the roles it needs`);
    }
    const binding = tenant.bindProjectScope(this);
    const missing = props.roles.filter((r) => !binding.roles.includes(r));
    if (missing.length > 0) {
      invalid(this, `application credential ${this.credentialName} asks for role(s) ${missing.join(', ')} that its owner ${binding.userName} does not have on project ` +
        `${tenant.projectName} (it has ${binding.roles.join(', ') || 'none'}); an application credential can only delegate its owner's roles, so grant them in projectScope.roles`);
    }
    const previous = claimAppWide(this, 'application-credential', `${binding.userDomainId}\u0000${binding.userName}\u0000${this.credentialName}`);
    if (previous !== undefined) {
      invalid(this, `application credential name ${this.credentialName} of user ${binding.userName} is already used by ${previous.node.path}; names are unique per user`);
    }
    for (const r of props.accessRules ?? []) this.addAccessRule(r);
    this.expiresAt = props.expiry.expiresAt;

    const notes = [props.description];
    if (props.expiry.neverExpiresReason !== undefined) notes.push(`never expires: ${props.expiry.neverExpiresReason}`);
    if (unrestricted) notes.push(`unrestricted: ${reason}`);
    const credential = new (bindings.identityApplicationCredentialV3().IdentityApplicationCredentialV3)(this, 'Resource', {
      name: this.credentialName,
      description: notes.filter((n) => n !== undefined).join('; ') || undefined,
      roles: [...new Set(props.roles)].sort(),
      expiresAt: this.expiresAt,
      unrestricted,
      accessRules: Lazy.anyValue({
        produce: () => (this.rules.size === 0
          ? undefined
          : [...this.rules.values()].map((r) => ({ service: r.service, method: r.method, path: r.path }))),
      }),
      provider: binding.provider,
      dependsOn: binding.dependsOn,
    });
    this.credentialId = credential.id;
    this.secret = credential.secret;
    this.node.addValidation({
      validate: () => {
        if (this.rules.size === 0) {
          Annotations.of(this).addWarning(`application credential ${this.credentialName} has no access rules: it may call every API its roles allow`);
        }
        return [];
      },
    });
  }

  /** Adds an access rule (a rule already present is not repeated). Rules cannot change after creation. */
  public addAccessRule(rule: AccessRule): void {
    this.rules.set(rule.toString(), rule);
  }

  /** Adds several access rules. */
  public addAccessRules(rules: AccessRule[]): void {
    for (const r of rules) this.addAccessRule(r);
  }

  /** The access rules, in the order they were added. */
  public get accessRules(): AccessRule[] {
    return [...this.rules.values()];
  }
}
