import { TerraformProvider, TerraformStack, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import type { OpenstackProvider } from '../../generated/terraform/openstack/provider';
import { bindings } from '../common/bindings';
import { IProject } from '../common/project';
import { invalid } from '../common/validation';

/** Props of {@link TenantCloud}. */
export interface TenantCloudProps {
  /**
   * Entry of `clouds.yaml` with the tenant's credentials (e.g. an application credential of the tenant's project).
   * The credentials stay in clouds.yaml; only the entry's name reaches the Terraform JSON.
   */
  readonly cloud: string;
  /**
   * OpenStack region.
   * @default - the region of the clouds.yaml entry
   */
  readonly region?: string;
  /**
   * The project the credentials are scoped to, when the factory creates it (e.g. the tenants' `Project`).
   * @default - looked up from the credentials' own token (`data.openstack_identity_auth_scope_v3`)
   */
  readonly project?: IProject;
}

/**
 * A tenant's view of the cloud: a second OpenStack provider (an alias of the stack's provider) that authenticates with the
 * tenant's clouds.yaml entry, so what it creates lands in the tenant's project.
 *
 * Magnum creates a cluster in the project of the caller (vexxhost/magnum-cluster-api: the driver also makes a
 * per-cluster application credential for the caller), so a tenant's cluster, its node groups and its SSH key pair must
 * be created with the tenant's credentials, not with the site administrator's. Give the cluster constructs
 * `credentials: tenantCloud`; the site's own resources (flavors, images, flavor access) keep the stack's provider.
 */
export class TenantCloud extends Construct {
  /** The clouds.yaml entry. */
  public readonly cloudName: string;
  /** The region, when set. */
  public readonly region?: string;
  /** The provider alias, e.g. `team_a`. */
  public readonly alias: string;
  /** The OpenStack provider that authenticates as the tenant. */
  public readonly provider: TerraformProvider;
  /** The tenant's project. */
  public readonly project: IProject;

  constructor(scope: Construct, id: string, props: TenantCloudProps) {
    super(scope, id);
    if (Token.isUnresolved(props.cloud) || !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(props.cloud)) {
      invalid(this, `cloud ${JSON.stringify(props.cloud)} must be the literal name of a clouds.yaml entry (letters, digits, _ . -)`);
    }
    this.cloudName = props.cloud;
    this.region = props.region;
    this.alias = `tenant_${props.cloud.replace(/[^A-Za-z0-9_]/g, '_')}`;
    const stack = TerraformStack.of(this);
    const clash = stack.node.findAll().find((c) => c !== this && c instanceof TenantCloud && c.alias === this.alias) as TenantCloud | undefined;
    if (clash) {
      invalid(this, `clouds.yaml entry ${props.cloud} already has a TenantCloud in this stack (${clash.node.path}); use that one`);
    }
    this.provider = new (bindings.openstackProvider().OpenstackProvider)(this, 'Provider', { alias: this.alias, cloud: props.cloud, region: props.region });
    this.project = props.project ?? new TokenScopeProject(this, 'Project', this.provider);
  }
}

/** The project of a provider's token (`data.openstack_identity_auth_scope_v3`). */
class TokenScopeProject extends Construct implements IProject {
  public readonly projectId: string;
  public readonly projectName: string;

  constructor(scope: Construct, id: string, provider: TerraformProvider) {
    super(scope, id);
    const token = new (bindings.dataOpenstackIdentityAuthScopeV3().DataOpenstackIdentityAuthScopeV3)(this, 'Resource', { name: 'tenant', provider });
    this.projectId = token.projectId;
    this.projectName = token.projectName;
  }
}

/**
 * The provider a resource of `scope` must use for `credentials`: the tenant's alias, or undefined for the stack's default
 * provider. Refuses credentials from another stack (a provider belongs to one stack). Not part of the jsii API.
 */
export function providerFor(scope: IConstruct, credentials: TenantCloud | undefined): TerraformProvider | undefined {
  if (!credentials) return undefined;
  if (TerraformStack.of(credentials) !== TerraformStack.of(scope)) {
    invalid(scope, `credentials ${credentials.node.path} belong to stack ${TerraformStack.of(credentials).node.id}; a provider cannot cross stacks, create a TenantCloud in ${TerraformStack.of(scope).node.id}`);
  }
  return credentials.provider;
}

/** Who creates a resource, for messages: the tenant's clouds.yaml entry or the stack's own credentials. Not part of the jsii API. */
export function credentialsText(credentials: TenantCloud | undefined): string {
  return credentials ? `clouds.yaml entry ${credentials.cloudName}` : "the stack's own credentials";
}

/**
 * The clouds.yaml entry of the stack's default OpenStack provider (FactoryStack's `cloud`), or undefined when it has none.
 * Not part of the jsii API.
 */
export function defaultCloudName(scope: IConstruct): string | undefined {
  const Provider = bindings.openstackProvider().OpenstackProvider;
  const providers = TerraformStack.of(scope).node.findAll().filter((c): c is OpenstackProvider => c instanceof Provider);
  return providers.find((p) => p.alias === undefined)?.cloud;
}
