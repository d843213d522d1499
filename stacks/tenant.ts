import { Annotations, ITerraformDependable, TerraformProvider, TerraformResource, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { idFragment } from '../constructs/common/registry';
import { Stateful, StatefulProps } from '../constructs/common/stateful';
import { TenantUsage } from '../constructs/common/tenant-usage';
import { guard, invalid } from '../constructs/common/validation';
import { IGpuFlavor } from '../constructs/compute/gpu-flavor';
import { ApplicationCredential, ApplicationCredentialOptions } from '../constructs/identity/application-credential';
import { INovaUnifiedLimits } from '../constructs/identity/nova-limits';
import { Project } from '../constructs/identity/project';
import { ProjectQuotas, UnifiedLimit } from '../constructs/identity/project-quotas';
import { RoleAssignments, RoleGrant } from '../constructs/identity/role-assignments';
import { ITenant, ProjectScope, ProjectScopeBinding } from '../constructs/identity/tenant';
import { InfiniBandRails } from '../constructs/network/infiniband-network';
import { NetworkSite, NetworkTenant } from '../constructs/network/network-site';
import { ITenantNetwork, TenantNetwork, TenantNetworkProps } from '../constructs/network/tenant-network';
import { OpenstackProvider } from '../generated/terraform/openstack/provider';
import { PhysicalNetwork } from '../lib/net/physical-network';
import { ShareAccessRule } from '../lib/storage/share-access';
import { GpuResourceClass } from '../lib/tenancy/gpu-resource-class';
import {
  BlockStorageQuotaOverrides,
  ComputeQuota,
  ComputeQuotaOverrides,
  NetworkQuotaOverrides,
  QuotaPlanner,
  ServerAllocation,
  SharedFileSystemQuotaOverrides,
} from '../lib/tenancy/quota';

/** GPU servers of one flavor a tenant is given. */
export interface GpuServerAllocation {
  /** The flavor. */
  readonly flavor: IGpuFlavor;
  /** Number of servers. */
  readonly count: number;
  /**
   * The Placement resource class the flavor's GPUs consume.
   * @default - the flavor's own `gpuResourceClass` (one unit per server for bare-metal flavors)
   */
  readonly gpuResourceClass?: GpuResourceClass;
  /**
   * Neutron ports per server.
   * @default 1
   */
  readonly portsPerServer?: number;
  /**
   * Whether the flavor pins vCPUs (`hw:cpu_policy=dedicated`; `GpuFlavor` always does).
   * @default true
   */
  readonly dedicatedCpus?: boolean;
}

/** Options of {@link Tenant.addInfiniBandRails}: the props of {@link InfiniBandRails} but the tenant. */
export interface TenantInfiniBandRailsOptions {
  /**
   * One InfiniBand physnet per rail, in rail order (rail i is the HCA next to GPU i).
   * @default - every InfiniBand physnet of the tenant's network site, in the site's order
   */
  readonly physicalNetworks?: PhysicalNetwork[];
  /**
   * Name of the rail set: it names the networks (`<name>-rail<i>`) and is the partition the rails share.
   * @default - the construct id, lower-cased
   */
  readonly railSetName?: string;
  /**
   * Pin the block the rails' subnets are carved from.
   * @default - a block of the tenant's, allocated for the rail set
   */
  readonly cidr?: string;
  /**
   * Pin the pkey of the rails (on every fabric they use).
   * @default - allocated per fabric
   */
  readonly pkey?: number;
  /**
   * Size of each rail's subnet.
   * @default 24
   */
  readonly prefixLength?: number;
  /**
   * The rails' MTU.
   * @default - each physnet's IPoIB MTU
   */
  readonly mtuBytes?: number;
  /**
   * DNS servers handed out by DHCP on the rails.
   * @default - none
   */
  readonly dnsNameservers?: string[];
}

/** Props of {@link Tenant}. */
export interface TenantProps extends StatefulProps {
  /** Keystone project name, unique within its domain across the whole app. */
  readonly projectName: string;
  /**
   * Id of the project's domain.
   * @default 'default'
   */
  readonly domainId?: string;
  /**
   * Project description.
   * @default - none
   */
  readonly description?: string;
  /**
   * Project tags.
   * @default - none
   */
  readonly tags?: string[];
  /**
   * Users and groups and their roles on the project.
   * @default - none (add with addMember())
   */
  readonly members?: RoleGrant[];
  /**
   * The provider for resources inside the project (volumes, shares, buckets, application credentials).
   * @default - none: such resources cannot be added to the tenant
   */
  readonly projectScope?: ProjectScope;
  /**
   * The GPU servers the tenant bought; quotas and GPU limits are derived from them.
   * @default - none
   */
  readonly gpuServers?: GpuServerAllocation[];
  /**
   * Other servers (e.g. Kubernetes control planes), as plain sizes.
   * @default - none
   */
  readonly servers?: ServerAllocation[];
  /**
   * Nova's unified limits: when given, compute quotas and GPU limits are Keystone limits (`servers`,
   * `class:VCPU`, `class:PCPU`, `class:MEMORY_MB`, the GPU resource classes); otherwise legacy Nova quotas, which
   * cannot limit GPUs (shared/reference/openstack-compute.md §8).
   * @default - legacy Nova quotas
   */
  readonly novaLimits?: INovaUnifiedLimits;
  /**
   * Headroom on every derived quota but GPUs, in percent.
   * @default 10
   */
  readonly headroomPercent?: number;
  /**
   * Headroom on GPU limits, in percent.
   * @default 0
   */
  readonly gpuHeadroomPercent?: number;
  /**
   * Explicit compute quotas (each must hold the tenant's own servers).
   * @default - derived
   */
  readonly computeQuota?: ComputeQuotaOverrides;
  /**
   * Explicit Neutron quotas.
   * @default - derived
   */
  readonly networkQuota?: NetworkQuotaOverrides;
  /**
   * Explicit Cinder quotas.
   * @default - derived
   */
  readonly blockStorageQuota?: BlockStorageQuotaOverrides;
  /**
   * Explicit Manila quotas.
   * @default - derived
   */
  readonly sharedFileSystemQuota?: SharedFileSystemQuotaOverrides;
  /**
   * The site whose allocators hand out the tenant's address block, VLAN ids and InfiniBand pkeys: the tenant joins
   * it under its project name, and networks added with `addNetwork()` get their CIDR (and physnet segment) from it,
   * unique across every tenant of the site.
   * @default - none: every network added needs an explicit `cidr`
   */
  readonly networkSite?: NetworkSite;
  /**
   * Base of the cephx client names of the tenant's CephFS clients, used when a share is granted to the tenant.
   * @default - the project name, lower-cased, with characters other than letters, digits, `-` and `_` replaced by `-`
   */
  readonly cephxId?: string;
}

/**
 * A tenant of the AI factory: a Keystone project in a domain (a {@link Project}), its members' roles
 * ({@link RoleAssignments}), quotas derived from what it is given ({@link ProjectQuotas}: flavors × counts plus
 * headroom, GPU limits through Keystone unified limits), its networks ({@link TenantNetwork}), application
 * credentials for its automation ({@link ApplicationCredential}), and the project-scoped provider its volumes,
 * shares and buckets are created with.
 *
 * Quotas follow the tenant's own resources: networks added with `addNetwork()` and volumes and shares created for
 * the tenant enlarge the Neutron, Cinder and Manila quotas, so the tenant can never be over quota for what it was
 * given; an explicit quota below that fails.
 */
export class Tenant extends Construct implements ITenant {
  private static allocationOf(g: GpuServerAllocation): ServerAllocation {
    return {
      name: g.flavor.flavorName,
      count: g.count,
      vcpus: g.flavor.vcpus,
      ramMb: g.flavor.ramMb,
      dedicatedCpus: g.dedicatedCpus ?? true,
      gpusPerServer: g.flavor.gpuCount,
      gpuResourceClass: g.gpuResourceClass ?? GpuResourceClass.fromPlacement(g.flavor.gpuResourceClass, g.flavor.bareMetal),
      portsPerServer: g.portsPerServer,
    };
  }

  private static orDerived<T>(planned: () => T, derived: () => T): T {
    try {
      return planned();
    } catch {
      return derived();
    }
  }

  public readonly projectId: string;
  public readonly projectName: string;
  public readonly domainId: string;
  public readonly cephxId: string;
  /** The Keystone project. */
  public readonly project: Project;
  /** The members' role assignments. */
  public readonly members: RoleAssignments;
  /** The quotas. */
  public readonly quotas: ProjectQuotas;
  /** Compute quotas and GPU limits derived from the tenant's servers. */
  public readonly computeQuota: ComputeQuota;
  /** The tenant in its network site, when it has one: its address block and allocations. */
  public readonly networkTenant?: NetworkTenant;
  private readonly tenantNetworks: ITenantNetwork[] = [];
  private readonly allocations: ServerAllocation[];
  private readonly scope?: ProjectScope;
  private readonly scopeProvider?: TerraformProvider;
  private readonly props: TenantProps;

  constructor(scope: Construct, id: string, props: TenantProps) {
    super(scope, id);
    this.props = props;
    this.project = new Project(this, 'Project', {
      projectName: props.projectName,
      domainId: props.domainId,
      description: props.description,
      tags: props.tags,
      protection: props.protection,
    });
    // a tenant moves as a whole: its project, role assignments, quotas and limits keep their state
    if (props.movedFrom !== undefined) Stateful.moveFrom(this, props.movedFrom);
    this.projectId = this.project.projectId;
    this.projectName = this.project.projectName;
    this.domainId = this.project.domainId;
    this.networkTenant = props.networkSite?.addTenant(props.projectName, { project: this });
    this.cephxId = props.cephxId ?? (props.projectName.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64) || 'tenant');
    guard(this, () => ShareAccessRule.cephx(this.cephxId));

    this.members = new RoleAssignments(this, 'Members', { project: this.project, grants: props.members });
    if (props.projectScope) {
      const s = props.projectScope;
      if (!/^[A-Za-z0-9_.-]+$/.test(s.cloud)) invalid(this, `projectScope.cloud ${JSON.stringify(s.cloud)} is not a clouds.yaml entry name`);
      this.scope = s;
      this.members.addGrant({ userName: s.userName, domainId: s.userDomainId, roles: s.roles ?? ['member'] });
      this.scopeProvider = new OpenstackProvider(this, 'ProjectScope', {
        alias: `project_${idFragment(props.projectName).replace(/-/g, '_')}`,
        cloud: s.cloud,
        region: s.region,
      });
    }

    // the tenant may use the private GPU flavors it was given
    for (const g of props.gpuServers ?? []) {
      if (!g.flavor.isPublic) g.flavor.grantAccess(this.project);
    }
    this.allocations = [
      ...(props.gpuServers ?? []).map((g) => Tenant.allocationOf(g)),
      ...(props.servers ?? []),
    ];
    const headroomPercent = props.headroomPercent;
    this.computeQuota = guard(this, () => QuotaPlanner.compute({
      allocations: this.allocations,
      headroomPercent,
      gpuHeadroomPercent: props.gpuHeadroomPercent,
      overrides: props.computeQuota,
    }));
    this.quotas = new ProjectQuotas(this, 'Quotas', { project: this.project, novaLimits: props.novaLimits });
    if (this.allocations.length > 0) this.limitCompute();

    if (props.networkQuota !== undefined) this.deriveNetworkQuota();
    const usage = TenantUsage.of(this);
    if (props.blockStorageQuota !== undefined) this.deriveBlockStorageQuota();
    else usage.onFirst('volume', () => this.deriveBlockStorageQuota());
    if (props.sharedFileSystemQuota !== undefined) this.deriveSharedFileSystemQuota();
    else usage.onFirst('share', () => this.deriveSharedFileSystemQuota());
    // explicit storage quotas are checked against the volumes and shares once the whole app is composed
    this.node.addValidation({
      validate: () => {
        const errors: string[] = [];
        for (const check of [() => this.networkQuotaValues(), () => this.blockStorageValues(), () => this.sharedFileSystemValues()]) {
          try {
            check();
          } catch (e) {
            errors.push((e as Error).message);
          }
        }
        return errors;
      },
    });
  }

  /** The tenant's networks. */
  public get networks(): ITenantNetwork[] {
    return [...this.tenantNetworks];
  }

  /** CIDRs of the tenant's subnets. */
  public get subnetCidrs(): string[] {
    return this.tenantNetworks.map((n) => n.cidr);
  }

  /**
   * Adds a network owned by the tenant's project; the Neutron quota grows with it. With a `networkSite`, the
   * network's CIDR (and VLAN on a physnet) come from the tenant's allocation in the site.
   */
  public addNetwork(id: string, props: TenantNetworkProps = {}): TenantNetwork {
    if (props.project !== undefined && props.project !== this) {
      invalid(this, `network ${id} names project ${props.project.projectName}; a tenant's networks belong to its own project, leave project out`);
    }
    if (props.tenant !== undefined && props.tenant !== this.networkTenant) {
      invalid(this, `network ${id} names network tenant ${props.tenant.tenantName}; a tenant's networks come from its own allocation, leave tenant out`);
    }
    const network = new TenantNetwork(this, id, { ...props, project: this, tenant: this.networkTenant });
    this.addOwnNetworks([network]);
    return network;
  }

  private addOwnNetworks(networks: ITenantNetwork[]): void {
    const first = this.tenantNetworks.length === 0;
    this.tenantNetworks.push(...networks);
    if (first && this.tenantNetworks.length > 0 && this.props.networkQuota === undefined) this.deriveNetworkQuota();
  }

  /**
   * Adds the tenant's GPU fabric: one InfiniBand network per rail, in one partition whose pkey no other tenant of the
   * site shares (see {@link InfiniBandRails}). Needs a `networkSite`; the rails count into the Neutron quota like
   * any network of the tenant.
   */
  public addInfiniBandRails(id: string, options: TenantInfiniBandRailsOptions = {}): InfiniBandRails {
    const networkTenant = this.networkTenant;
    if (networkTenant === undefined) {
      invalid(this, `InfiniBand rails ${id} need the tenant's networkSite (the site hands out the partition's pkey per fabric); give the tenant networkSite`);
    }
    const physicalNetworks = options.physicalNetworks ?? networkTenant.site.infiniBandPhysicalNetworks;
    const rails = new InfiniBandRails(this, id, { ...options, physicalNetworks, tenant: networkTenant });
    this.addOwnNetworks(rails.rails);
    return rails;
  }

  public addMember(grant: RoleGrant): ITerraformDependable[] {
    return this.members.addGrant(grant);
  }

  /** Adds an application credential owned by the project-scope user. */
  public addApplicationCredential(id: string, options: ApplicationCredentialOptions): ApplicationCredential {
    return new ApplicationCredential(this, id, { ...options, tenant: this });
  }

  public bindProjectScope(consumer: IConstruct): ProjectScopeBinding {
    if (this.scope === undefined || this.scopeProvider === undefined) {
      invalid(consumer, `tenant ${this.node.path} has no projectScope; the OpenStack provider creates volumes, shares, containers and application ` +
        `credentials in the project its token is scoped to, so give the tenant projectScope { cloud, userName } (a clouds.yaml entry scoped to project ${this.projectName})`);
    }
    if (TerraformStack.of(consumer) !== TerraformStack.of(this)) {
      invalid(consumer, `tenant ${this.node.path} is in another stack; create resources inside its project in the tenant's stack (its project-scoped provider lives there)`);
    }
    const userDomainId = this.scope.userDomainId ?? 'default';
    const project = this.project.node.findChild('Resource') as TerraformResource;
    return {
      provider: this.scopeProvider,
      dependsOn: [project, ...this.members._assignmentsOfUser(this.scope.userName, userDomainId), ...this.quotas._quotaResources()],
      userName: this.scope.userName,
      userDomainId,
      roles: this.members.rolesOfUser(this.scope.userName, userDomainId),
    };
  }


  private limitCompute(): void {
    const q = this.computeQuota;
    const nova = this.props.novaLimits;
    if (nova === undefined) {
      this.quotas.manageLegacyCompute({ instances: q.instances, cores: q.cores, ramMb: q.ramMb });
      if (q.gpuLimits.length > 0) {
        Annotations.of(this).addWarning(`legacy Nova quotas cannot limit GPUs (${q.gpuLimits.map((g) => g.resourceClass).join(', ')}); ` +
          'pass novaLimits to limit them through Keystone unified limits, or rely on private flavors granted per project');
      }
      return;
    }
    const limits: UnifiedLimit[] = [
      { resourceName: 'servers', limit: q.instances },
      { resourceName: 'class:VCPU', limit: q.sharedCores },
      { resourceName: 'class:PCPU', limit: q.dedicatedCores },
      { resourceName: 'class:MEMORY_MB', limit: q.ramMb },
    ];
    for (const g of q.gpuLimits) {
      if (nova.registersGpuResourceClasses) nova.registerLimit(g.limitResourceName, 0);
      limits.push({ resourceName: g.limitResourceName, limit: g.limit });
    }
    for (const l of limits) this.quotas.addUnifiedLimit(l.resourceName, l.limit);
  }

  private networkQuotaValues(withOverrides = true) {
    return QuotaPlanner.network({
      usage: {
        networks: this.tenantNetworks.length,
        routers: this.tenantNetworks.filter((n) => n instanceof TenantNetwork && n.routerId !== undefined).length,
        serverPorts: QuotaPlanner.serverPorts(this.allocations),
      },
      headroomPercent: this.props.headroomPercent,
      overrides: withOverrides ? this.props.networkQuota : undefined,
    });
  }

  private blockStorageValues(withOverrides = true) {
    return QuotaPlanner.blockStorage({
      volumes: TenantUsage.of(this).volumes,
      headroomPercent: this.props.headroomPercent,
      overrides: withOverrides ? this.props.blockStorageQuota : undefined,
    });
  }

  private sharedFileSystemValues(withOverrides = true) {
    return QuotaPlanner.sharedFileSystem({
      shares: TenantUsage.of(this).shares,
      shareNetworks: TenantUsage.of(this).shareNetworks,
      headroomPercent: this.props.headroomPercent,
      overrides: withOverrides ? this.props.sharedFileSystemQuota : undefined,
    });
  }

  // The quota values are produced at synthesis; an explicit quota below the use is reported by the tenant's
  // validation (with the construct path), so producing falls back to the derived values instead of throwing.
  private deriveNetworkQuota(): void {
    this.quotas._deriveNetwork(() => Tenant.orDerived(() => this.networkQuotaValues(), () => this.networkQuotaValues(false)));
  }

  private deriveBlockStorageQuota(): void {
    this.quotas._deriveBlockStorage(() => Tenant.orDerived(() => this.blockStorageValues(), () => this.blockStorageValues(false)));
  }

  private deriveSharedFileSystemQuota(): void {
    this.quotas._deriveSharedFileSystem(() => Tenant.orDerived(() => this.sharedFileSystemValues(), () => this.sharedFileSystemValues(false)));
  }

}
