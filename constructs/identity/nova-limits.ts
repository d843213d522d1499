import { ITerraformDependable, TerraformProvider } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import type { IdentityRegisteredLimitV3 } from '../../generated/terraform/openstack/identity-registered-limit-v3';
import { bindings } from '../common/bindings';
import { claimAppWide, idFragment } from '../common/registry';
import { invalid } from '../common/validation';

/**
 * Nova's Keystone unified limits in one region: the Nova service id and the registered (default) limits this app
 * owns. Tenants set their project limits against it.
 */
export interface INovaUnifiedLimits extends IConstruct {
  /** Id of Nova's Keystone service (a Terraform reference). */
  readonly serviceId: string;
  /**
   * The provider limits are created with (a system-scoped admin), or undefined for the stack's default provider.
   */
  readonly limitsProvider?: TerraformProvider;
  /** Whether every GPU resource class a tenant is limited on gets a registered limit of 0. */
  readonly registersGpuResourceClasses: boolean;
  /**
   * Registers the default limit of a resource (e.g. `class:VGPU` → 0) for every project; registering the same
   * resource again with the same default is a no-op.
   */
  registerLimit(resourceName: string, defaultLimit: number): void;
  /** The registered limit of a resource when this app owns it, so project limits can depend on it. */
  registeredLimit(resourceName: string): ITerraformDependable | undefined;
}

/** Props of {@link NovaUnifiedLimits}. */
export interface NovaUnifiedLimitsProps {
  /**
   * Name of Nova's service in the Keystone catalog.
   * @default 'nova'
   */
  readonly serviceName?: string;
  /**
   * Registered (default) limits this app owns, by resource name, e.g. `{ 'class:VGPU': 0 }`. Resources Nova
   * already enforces (`servers`, `class:VCPU`, `class:PCPU`, `class:MEMORY_MB`, ...) usually have registered limits
   * from the operator (`nova-manage limits migrate_to_unified_limits`); list them only if this app owns them.
   * @default - only the GPU resource classes (see registerGpuResourceClasses)
   */
  readonly registeredLimits?: { [resourceName: string]: number };
  /**
   * Register every GPU resource class a tenant is limited on with a default of 0, so projects without a limit get
   * no GPUs (a resource without a registered limit is otherwise unlimited or refused, depending on Nova's
   * `[quota] unified_limits_resource_strategy`).
   * @default true
   */
  readonly registerGpuResourceClasses?: boolean;
  /**
   * A clouds.yaml entry for a system-scoped admin (`auth: system_scope: all`), used for the service look-up and
   * every registered and project limit: Keystone's default policies require system scope for limits once
   * `enforce_scope` is on.
   * @default - the stack's default OpenStack provider (works while Keystone does not enforce scope)
   */
  readonly systemScopeCloud?: string;
  /**
   * Region of the limits (their `region_id`); it must be the region of Nova's endpoint, which oslo.limit uses to
   * find them. Only with `systemScopeCloud`; otherwise the stack's provider region applies.
   * @default - the provider's region
   */
  readonly region?: string;
}

/**
 * Keystone unified limits for Nova (`[quota] driver = nova.quota.UnifiedLimitsDriver`): looks up Nova's service id
 * (`data.openstack_identity_service_v3`) and creates the registered limits this app owns
 * (`openstack_identity_registered_limit_v3`). Tenants add project limits (`openstack_identity_limit_v3`) for
 * `servers`, `class:VCPU`, `class:PCPU`, `class:MEMORY_MB` and their GPU resource classes
 * (openstack/nova 32.2.1 doc/source/admin/unified-limits.rst; terraform-provider-openstack v3.4.0
 * docs/resources/identity_registered_limit_v3.md, identity_limit_v3.md).
 *
 * Keystone refuses a project limit without a registered limit for the same service, region and resource, and a
 * registered limit exists once per service, region and resource, so an app has one `NovaUnifiedLimits` per region.
 * The Terraform provider sets every limit's `region_id` to the provider's (or the resource's) region.
 */
export class NovaUnifiedLimits extends Construct implements INovaUnifiedLimits {
  public readonly serviceId: string;
  public readonly limitsProvider?: TerraformProvider;
  public readonly registersGpuResourceClasses: boolean;
  private readonly region?: string;
  private readonly registered = new Map<string, { defaultLimit: number; resource: IdentityRegisteredLimitV3 }>();

  constructor(scope: Construct, id: string, props: NovaUnifiedLimitsProps = {}) {
    super(scope, id);
    if (props.region !== undefined && props.systemScopeCloud === undefined) {
      invalid(this, 'region is only used with systemScopeCloud; without it the stack provider\'s region applies, set it on the stack');
    }
    const previous = claimAppWide(this, 'nova-unified-limits', props.region ?? '');
    if (previous !== undefined) {
      invalid(this, `${previous.node.path} already manages Nova's unified limits${props.region ? ` in region ${props.region}` : ''}; ` +
        'registered limits are unique per service, region and resource, so an app has one NovaUnifiedLimits per region');
    }
    this.region = props.region;
    this.registersGpuResourceClasses = props.registerGpuResourceClasses ?? true;
    if (props.systemScopeCloud !== undefined) {
      this.limitsProvider = new (bindings.openstackProvider().OpenstackProvider)(this, 'SystemScope', {
        alias: `keystone_system_${idFragment(props.region ?? 'default').replace(/-/g, '_')}`,
        cloud: props.systemScopeCloud,
        region: props.region,
      });
    }
    const service = new (bindings.dataOpenstackIdentityServiceV3().DataOpenstackIdentityServiceV3)(this, 'NovaService', {
      name: props.serviceName ?? 'nova',
      provider: this.limitsProvider,
    });
    this.serviceId = service.id;
    for (const [resourceName, defaultLimit] of Object.entries(props.registeredLimits ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
      this.registerLimit(resourceName, defaultLimit);
    }
  }

  public registerLimit(resourceName: string, defaultLimit: number): void {
    if (!/^(servers|server_key_pairs|server_metadata_items|server_groups|server_group_members|class:[A-Z0-9_]+)$/.test(resourceName)) {
      invalid(this, `resource ${JSON.stringify(resourceName)} is not a Nova unified-limit resource; use servers, server_key_pairs, ` +
        'server_metadata_items, server_groups, server_group_members or class:<RESOURCE_CLASS> (e.g. class:VGPU)');
    }
    if (!Number.isInteger(defaultLimit) || defaultLimit < -1) {
      invalid(this, `default limit ${defaultLimit} of ${resourceName} must be an integer of at least -1 (unlimited)`);
    }
    const existing = this.registered.get(resourceName);
    if (existing !== undefined) {
      if (existing.defaultLimit !== defaultLimit) {
        invalid(this, `${resourceName} is registered twice, with defaults ${existing.defaultLimit} and ${defaultLimit}; give it one default`);
      }
      return;
    }
    const resource = new (bindings.identityRegisteredLimitV3().IdentityRegisteredLimitV3)(this, `Registered-${idFragment(resourceName)}`, {
      serviceId: this.serviceId,
      resourceName,
      defaultLimit,
      description: `${resourceName} for every project unless a project limit says otherwise (cdk-ai-factory)`,
      region: this.region,
      provider: this.limitsProvider,
    });
    this.registered.set(resourceName, { defaultLimit, resource });
  }

  public registeredLimit(resourceName: string): ITerraformDependable | undefined {
    return this.registered.get(resourceName)?.resource;
  }

  /** Resource names of the registered limits this app owns, sorted. */
  public get registeredResourceNames(): string[] {
    return [...this.registered.keys()].sort();
  }
}
