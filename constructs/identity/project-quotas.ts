import { ITerraformDependable, Lazy, TerraformOutput, TerraformResource, TerraformStack, Token } from 'cdktf';
import { Construct } from 'constructs';
import { INovaUnifiedLimits } from './nova-limits';
import { BlockStorageQuota, NetworkQuota, SharedFileSystemQuota } from '../../lib/tenancy/quota';
import { bindings } from '../common/bindings';
import { deferredNumber, deferredValue } from '../common/deferred';
import { IProject } from '../common/project';
import { idFragment } from '../common/registry';
import { guard, invalid } from '../common/validation';

/** Legacy Nova quotas (`os-quota-sets`). */
export interface LegacyComputeQuota {
  /** Servers. */
  readonly instances: number;
  /** vCPUs, pinned or not. */
  readonly cores: number;
  /** RAM in MiB. */
  readonly ramMb: number;
}

/** One Keystone unified limit of a project. */
export interface UnifiedLimit {
  /** Resource name, e.g. `servers` or `class:CUSTOM_PCI_10DE_2335`. */
  readonly resourceName: string;
  /** The limit. */
  readonly limit: number;
}

/** Props of {@link ProjectQuotas}. */
export interface ProjectQuotasProps {
  /** The project. */
  readonly project: IProject;
  /**
   * Legacy Nova quotas (`openstack_compute_quotaset_v2`). Ignored by Nova when it runs the unified-limits driver,
   * whose quota-set updates behave as no-ops; use `unifiedLimits` there.
   * @default - not managed
   */
  readonly compute?: LegacyComputeQuota;
  /**
   * Nova's unified limits; needed for `unifiedLimits`.
   * @default - no unified limits
   */
  readonly novaLimits?: INovaUnifiedLimits;
  /**
   * Keystone unified limits for Nova (`openstack_identity_limit_v3`), e.g. GPU resource classes.
   * @default - none
   */
  readonly unifiedLimits?: UnifiedLimit[];
  /**
   * Neutron quotas (`openstack_networking_quota_v2`).
   * @default - not managed
   */
  readonly network?: NetworkQuota;
  /**
   * Cinder quotas (`openstack_blockstorage_quotaset_v3`), per volume type too.
   * @default - not managed
   */
  readonly blockStorage?: BlockStorageQuota;
  /**
   * Manila quotas. No Terraform resource exists for them, so this emits the admin command as a Terraform output
   * (`manila_quota_<project>`).
   * @default - not managed
   */
  readonly sharedFileSystem?: SharedFileSystemQuota;
}

/**
 * A project's quotas across Nova, Neutron, Cinder and Manila, and its Nova unified limits (admin only;
 * terraform-provider-openstack v3.4.0 docs/resources/compute_quotaset_v2.md, networking_quota_v2.md,
 * blockstorage_quotaset_v3.md; openstack/nova 32.2.1 doc/source/admin/unified-limits.rst; Manila quotas have no
 * Terraform resource, so they are an admin command).
 *
 * Provider behaviour to know: the quota-set resources never delete anything (destroy only forgets them), and on
 * creation they skip zero values, which then keep the service default.
 */
export class ProjectQuotas extends Construct {
  /** The Terraform output holding the Manila quota command, when Manila quotas are managed. */
  public sharedFileSystemCommandOutput?: string;
  private readonly project: IProject;
  private readonly novaLimits?: INovaUnifiedLimits;
  private network?: () => NetworkQuota;
  private blockStorage?: () => BlockStorageQuota;
  private sharedFileSystem?: () => SharedFileSystemQuota;

  constructor(scope: Construct, id: string, props: ProjectQuotasProps) {
    super(scope, id);
    this.project = props.project;
    this.novaLimits = props.novaLimits;
    if (props.unifiedLimits !== undefined && props.novaLimits === undefined) {
      invalid(this, 'unifiedLimits need novaLimits (the Nova service id and the registered limits they override)');
    }
    if (props.novaLimits?.limitsProvider !== undefined && TerraformStack.of(props.novaLimits) !== TerraformStack.of(this)) {
      invalid(this, `novaLimits ${props.novaLimits.node.path} is in another stack and has its own provider; create the quotas in its stack`);
    }
    if (props.compute) this.manageLegacyCompute(props.compute);
    for (const l of props.unifiedLimits ?? []) this.addUnifiedLimit(l.resourceName, l.limit);
    if (props.network) this._deriveNetwork(() => props.network!);
    if (props.blockStorage) this._deriveBlockStorage(() => props.blockStorage!);
    if (props.sharedFileSystem) this._deriveSharedFileSystem(() => props.sharedFileSystem!);
  }

  /** Manages the project's legacy Nova quotas (`openstack_compute_quotaset_v2`). */
  public manageLegacyCompute(quota: LegacyComputeQuota): void {
    if (this.node.tryFindChild('Compute') !== undefined) invalid(this, 'legacy compute quotas are already managed here');
    for (const [name, v] of Object.entries(quota)) {
      if (!Token.isUnresolved(v) && (!Number.isInteger(v) || v < 0)) invalid(this, `compute quota ${name} ${v} must be a non-negative integer`);
    }
    new (bindings.computeQuotasetV2().ComputeQuotasetV2)(this, 'Compute', { projectId: this.project.projectId, instances: quota.instances, cores: quota.cores, ram: quota.ramMb });
  }

  /** Adds one Nova unified limit of the project. */
  public addUnifiedLimit(resourceName: string, limit: number): void {
    const nova = this.novaLimits;
    if (nova === undefined) invalid(this, `a unified limit on ${resourceName} needs novaLimits`);
    if (!Token.isUnresolved(limit) && (!Number.isInteger(limit) || limit < -1)) {
      invalid(this, `unified limit ${resourceName} ${limit} must be an integer of at least -1 (unlimited)`);
    }
    // The project limit must wait for the registered limit (Keystone refuses a project limit without one). In the
    // same stack that is a depends_on; across stacks (a tenant stack limiting a site's registered limit) Terraform
    // cannot depend on a remote-state value ("Invalid depends_on reference"), so the stack dependency orders them:
    // the site is applied before the tenant.
    const registered = nova.registeredLimit(resourceName);
    const here = TerraformStack.of(this);
    const dependsOn: ITerraformDependable[] = [];
    if (registered !== undefined) {
      const there = Construct.isConstruct(registered) ? TerraformStack.of(registered) : here;
      if (there === here) dependsOn.push(registered);
      else here.addDependency(there);
    }
    new (bindings.identityLimitV3().IdentityLimitV3)(this, `Limit-${idFragment(resourceName)}`, {
      projectId: this.project.projectId,
      serviceId: nova.serviceId,
      resourceName,
      resourceLimit: limit,
      description: `${resourceName} of project ${this.project.projectName} (cdk-ai-factory)`,
      provider: nova.limitsProvider,
      dependsOn: dependsOn.length > 0 ? dependsOn : undefined,
    });
  }

  /**
   * The quota resources created so far (resources inside the project wait for them, so they are never created
   * against the service defaults).
   * @internal
   */
  public _quotaResources(): ITerraformDependable[] {
    return ['Compute', 'Network', 'BlockStorage']
      .map((id) => this.node.tryFindChild(id))
      .filter((c): c is TerraformResource => c !== undefined && TerraformResource.isTerraformResource(c));
  }

  /**
   * Manages Neutron quotas from values computed at synthesis (the tenant's networks are added after it).
   * @internal
   */
  public _deriveNetwork(values: () => NetworkQuota): void {
    if (this.network !== undefined) invalid(this, 'network quotas are already managed here');
    this.network = values;
    const origin = `${this.node.path}: network quotas`;
    const n = (pick: (q: NetworkQuota) => number | undefined) => deferredNumber(origin, () => pick(this.network!()));
    const floatingIps = guard(this, () => values()).floatingIps;
    // all of them are set: the provider sends security_group_rule = 0 when security_group is set and it is not
    new (bindings.networkingQuotaV2().NetworkingQuotaV2)(this, 'Network', {
      projectId: this.project.projectId,
      network: n((q) => q.networks),
      subnet: n((q) => q.subnets),
      router: n((q) => q.routers),
      port: n((q) => q.ports),
      securityGroup: n((q) => q.securityGroups),
      securityGroupRule: n((q) => q.securityGroupRules),
      floatingip: floatingIps === undefined ? undefined : n((q) => q.floatingIps),
    });
  }

  /**
   * Manages Cinder quotas from values computed at synthesis (the tenant's volumes are created after it).
   * @internal
   */
  public _deriveBlockStorage(values: () => BlockStorageQuota): void {
    if (this.blockStorage !== undefined) invalid(this, 'block storage quotas are already managed here');
    this.blockStorage = values;
    const origin = `${this.node.path}: block storage quotas`;
    new (bindings.blockstorageQuotasetV3().BlockstorageQuotasetV3)(this, 'BlockStorage', {
      projectId: this.project.projectId,
      volumes: deferredNumber(origin, () => this.blockStorage!().volumes),
      gigabytes: deferredNumber(origin, () => this.blockStorage!().gigabytes),
      volumeTypeQuota: Token.asStringMap(deferredValue(origin, () => {
        const map: { [key: string]: string } = {};
        for (const t of this.blockStorage!().perVolumeType) {
          map[`volumes_${t.volumeTypeName}`] = String(t.volumes);
          map[`gigabytes_${t.volumeTypeName}`] = String(t.gigabytes);
        }
        return Object.keys(map).length === 0 ? undefined : map;
      })),
    });
  }

  /**
   * Emits the Manila quota command from values computed at synthesis.
   * @internal
   */
  public _deriveSharedFileSystem(values: () => SharedFileSystemQuota): void {
    if (this.sharedFileSystem !== undefined) invalid(this, 'Manila quotas are already managed here');
    this.sharedFileSystem = values;
    const name = `manila_quota_${idFragment(this.project.projectName).replace(/-/g, '_')}`;
    const output = new TerraformOutput(this, 'SharedFileSystem', {
      description: `Manila has no Terraform quota resource: run this as an admin after apply to set ${this.project.projectName}'s share quotas`,
      value: Lazy.stringValue({
        produce: () => {
          const q = this.sharedFileSystem!();
          return `openstack share quota set --shares ${q.shares} --gigabytes ${q.gigabytes} --share-networks ${q.shareNetworks} ${this.project.projectId}`;
        },
      }),
    });
    output.overrideLogicalId(name);
    this.sharedFileSystemCommandOutput = name;
  }
}
