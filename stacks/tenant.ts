import { Annotations, ITerraformDependable, TerraformProvider, TerraformResource, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { bindings } from '../constructs/common/bindings';
import { deferredNumber } from '../constructs/common/deferred';
import { idFragment } from '../constructs/common/registry';
import { Stateful, StatefulProps } from '../constructs/common/stateful';
import { NodeGroupDemand, TenantUsage } from '../constructs/common/tenant-usage';
import { guard, invalid } from '../constructs/common/validation';
import { IGpuFlavor } from '../constructs/compute/gpu-flavor';
import { ApplicationCredential, ApplicationCredentialOptions } from '../constructs/identity/application-credential';
import { INovaUnifiedLimits } from '../constructs/identity/nova-limits';
import { Project } from '../constructs/identity/project';
import { ProjectQuotas } from '../constructs/identity/project-quotas';
import { RoleAssignments, RoleGrant } from '../constructs/identity/role-assignments';
import { ITenant, ProjectScope, ProjectScopeBinding } from '../constructs/identity/tenant';
import { InfiniBandRails } from '../constructs/network/infiniband-network';
import { NetworkSite, NetworkTenant } from '../constructs/network/network-site';
import { ITenantNetwork, TenantNetwork, TenantNetworkProps } from '../constructs/network/tenant-network';
import { FactoryError } from '../lib/errors';
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
   * cannot limit GPUs (https://docs.openstack.org/nova/latest/admin/unified-limits.html).
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
      bareMetal: g.flavor.bareMetal,
    };
  }

  private static nodeGroupAllocation(flavor: NodeGroupDemand['flavor'], count: number, groups: string[]): ServerAllocation {
    return {
      name: `${flavor.flavorName} (node groups ${groups.join(', ')})`,
      count,
      vcpus: flavor.vcpus,
      ramMb: flavor.ramMb,
      dedicatedCpus: !('VCPU' in flavor.placementResources),
      gpusPerServer: flavor.gpuCount,
      gpuResourceClass: flavor.gpuCount > 0 ? GpuResourceClass.fromPlacement(flavor.gpuResourceClass, flavor.bareMetal) : undefined,
      bareMetal: flavor.bareMetal,
    };
  }

  private static orDerived<T>(planned: () => T, derived: () => T, unavailable?: () => T): T {
    try {
      return planned();
    } catch {
      try {
        return derived();
      } catch (e) {
        // even the derived quota cannot be produced (the volumes add up past OpenStack's 32-bit limit): the tenant's
        // validation reports it with the construct path; a throw here would surface as cdktf's "Resolution error"
        if (unavailable === undefined || !(e instanceof FactoryError)) throw e;
        return unavailable();
      }
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
  /** The tenant in its network site, when it has one: its address block and allocations. */
  public readonly networkTenant?: NetworkTenant;
  private readonly tenantNetworks: ITenantNetwork[] = [];
  private readonly ownAllocations: ServerAllocation[];
  private readonly derivedValues = new Map<string, unknown>();
  private derivedKey = '';
  private readonly limitedResources = new Set<string>();
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
      this.scopeProvider = new (bindings.openstackProvider().OpenstackProvider)(this, 'ProjectScope', {
        alias: `project_${idFragment(props.projectName).replace(/-/g, '_')}`,
        cloud: s.cloud,
        region: s.region,
      });
    }

    // the tenant may use the private GPU flavors it was given
    for (const g of props.gpuServers ?? []) {
      if (!g.flavor.isPublic) g.flavor.grantAccess(this.project);
    }
    this.ownAllocations = [
      ...(props.gpuServers ?? []).map((g) => Tenant.allocationOf(g)),
      ...(props.servers ?? []),
    ];
    // explicit compute quotas must hold the servers the tenant was given, checked at once
    guard(this, () => this.computeValues([]));
    this.quotas = new ProjectQuotas(this, 'Quotas', { project: this.project, novaLimits: props.novaLimits });
    if (this.ownAllocations.length > 0) this.limitCompute(this.computeValues([]));
    // the servers of Magnum node groups created with the tenant's credentials (a TenantCloud whose project is this
    // tenant or its Project) count too: each one enlarges the limits, or fails validation beyond what was bought
    const onNodeGroup = () => this.limitCompute(Tenant.orDerived(() => this.computeValues(), () => this.computeValues([])));
    TenantUsage.of(this).onNodeGroup(onNodeGroup);
    TenantUsage.of(this.project).onNodeGroup(onNodeGroup);

    if (props.networkQuota !== undefined) this.deriveNetworkQuota();
    const usage = TenantUsage.of(this);
    if (props.blockStorageQuota !== undefined) this.deriveBlockStorageQuota();
    else usage.onFirst('volume', () => this.deriveBlockStorageQuota());
    if (props.sharedFileSystemQuota !== undefined) this.deriveSharedFileSystemQuota();
    else usage.onFirst('share', () => this.deriveSharedFileSystemQuota());
    // explicit quotas are checked against the node groups, volumes and shares once the whole app is composed
    this.node.addValidation({
      validate: () => {
        const errors: string[] = [];
        const checks = [
          () => this.computeValues(), () => this.networkQuotaValues(), () => this.blockStorageValues(), () => this.sharedFileSystemValues(),
        ];
        for (const check of checks) {
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

  /**
   * Compute quotas and GPU limits derived from everything the tenant runs: the servers it was given and the servers
   * of the Magnum node groups created with its credentials (at their pools' largest size), each resource counted as
   * Nova counts it (bare-metal servers add no cores or RAM to unified limits).
   */
  public get computeQuota(): ComputeQuota {
    return guard(this, () => this.computeValues());
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


  /**
   * The servers the tenant runs: its own allocations, and per flavor the servers of its node groups that its own
   * allocation of that flavor does not already hold (node groups beyond what it bought fail here, with the numbers).
   */
  private allocations(nodeGroups: NodeGroupDemand[] = this.nodeGroupDemands()): ServerAllocation[] {
    const byFlavor = new Map<string, { demand: NodeGroupDemand; count: number; groups: string[] }>();
    for (const d of nodeGroups) {
      const entry = byFlavor.get(d.flavor.flavorName) ?? { demand: d, count: 0, groups: [] };
      entry.count += d.count;
      entry.groups.push(d.path);
      byFlavor.set(d.flavor.flavorName, entry);
    }
    const extra: ServerAllocation[] = [];
    for (const [flavorName, e] of byFlavor) {
      const bought = (this.props.gpuServers ?? []).filter((g) => g.flavor.flavorName === flavorName).reduce((n, g) => n + g.count, 0);
      if (bought === 0) {
        extra.push(Tenant.nodeGroupAllocation(e.demand.flavor, e.count, e.groups));
      } else if (e.count > bought) {
        const gpus = e.demand.flavor.gpuCount > 0 ? ` (${e.count * e.demand.flavor.gpuCount} GPUs where it bought ${bought * e.demand.flavor.gpuCount})` : '';
        throw new FactoryError(`node groups ${e.groups.join(', ')} may run ${e.count} servers of flavor ${flavorName} at their pools' maxNodeCount, ` +
          `but the tenant was given ${bought}${gpus}, so Nova would refuse the nodes beyond its limits; give the tenant ${e.count} servers of ` +
          `${flavorName} in gpuServers, or lower the pools' maxNodeCount`);
      }
    }
    return [...this.ownAllocations, ...extra];
  }

  private nodeGroupDemands(): NodeGroupDemand[] {
    return [...TenantUsage.of(this).nodeGroups, ...TenantUsage.of(this.project).nodeGroups];
  }

  /**
   * The compute quotas of everything the tenant runs, or (`nodeGroups` empty) of its own servers only: then GPU
   * overrides of classes only node groups use are left for the check at synthesis.
   */
  private computeValues(nodeGroups?: NodeGroupDemand[]): ComputeQuota {
    if (nodeGroups !== undefined && nodeGroups.length > 0) return this.computeValuesOf(nodeGroups);
    return this.derived(nodeGroups === undefined ? 'compute' : 'compute-own', () => this.computeValuesOf(nodeGroups));
  }

  private computeValuesOf(nodeGroups?: NodeGroupDemand[]): ComputeQuota {
    const allocations = this.allocations(nodeGroups);
    let overrides = this.props.computeQuota;
    if (nodeGroups !== undefined && nodeGroups.length === 0 && overrides?.gpus !== undefined) {
      const own = new Set(allocations.map((a) => a.gpuResourceClass?.resourceClass));
      overrides = { ...overrides, gpus: Object.fromEntries(Object.entries(overrides.gpus).filter(([rc]) => own.has(rc))) };
    }
    return QuotaPlanner.compute({
      allocations,
      headroomPercent: this.props.headroomPercent,
      gpuHeadroomPercent: this.props.gpuHeadroomPercent,
      overrides,
      unifiedLimits: this.props.novaLimits !== undefined,
    });
  }

  // The limits are produced at synthesis from everything recorded by then; a quota below the use is reported by the
  // tenant's validation (with the construct path), so producing falls back to the tenant's own servers.
  private lazyQuota(): ComputeQuota {
    return Tenant.orDerived(() => this.computeValues(), () => this.computeValues([]));
  }

  /** Creates the limits of every resource `known` names that has none yet; their values are produced at synthesis. */
  private limitCompute(known: ComputeQuota): void {
    const nova = this.props.novaLimits;
    const origin = `${this.node.path}: compute quotas`;
    const lazy = (pick: (q: ComputeQuota) => number) => deferredNumber(origin, () => pick(this.lazyQuota()));
    const gpuLimit = (resourceClass: string) => (q: ComputeQuota) => q.gpuLimits.find((g) => g.resourceClass === resourceClass)?.limit ?? 0;
    if (nova === undefined) {
      if (!this.limitedResources.has('legacy')) {
        this.limitedResources.add('legacy');
        this.quotas.manageLegacyCompute({ instances: lazy((q) => q.instances), cores: lazy((q) => q.cores), ramMb: lazy((q) => q.ramMb) });
      }
      const unlimited = known.gpuLimits.filter((g) => !this.limitedResources.has(g.limitResourceName));
      if (unlimited.length > 0) {
        for (const g of unlimited) this.limitedResources.add(g.limitResourceName);
        Annotations.of(this).addWarning(`legacy Nova quotas cannot limit GPUs (${unlimited.map((g) => g.resourceClass).join(', ')}); ` +
          'pass novaLimits to limit them through Keystone unified limits, or rely on private flavors granted per project');
      }
      return;
    }
    const limits: Array<[string, (q: ComputeQuota) => number]> = [
      ['servers', (q) => q.instances],
      ['class:VCPU', (q) => q.sharedCores],
      ['class:PCPU', (q) => q.dedicatedCores],
      ['class:MEMORY_MB', (q) => q.ramMb],
      ...known.gpuLimits.map((g): [string, (q: ComputeQuota) => number] => [g.limitResourceName, gpuLimit(g.resourceClass)]),
    ];
    for (const [resourceName, pick] of limits) {
      if (this.limitedResources.has(resourceName)) continue;
      this.limitedResources.add(resourceName);
      if (resourceName.startsWith('class:') && known.gpuLimits.some((g) => g.limitResourceName === resourceName) && nova.registersGpuResourceClasses) {
        nova.registerLimit(resourceName, 0);
      }
      this.quotas.addUnifiedLimit(resourceName, lazy(pick));
    }
  }

  private networkQuotaValues(withOverrides = true) {
    return this.derived(`network-${withOverrides}`, () => QuotaPlanner.network({
      usage: {
        networks: this.tenantNetworks.length,
        routers: this.tenantNetworks.filter((n) => n instanceof TenantNetwork && n.routerId !== undefined).length,
        serverPorts: QuotaPlanner.serverPorts(Tenant.orDerived(() => this.allocations(), () => this.allocations([]))),
      },
      headroomPercent: this.props.headroomPercent,
      overrides: withOverrides ? this.props.networkQuota : undefined,
    }));
  }

  private blockStorageValues(withOverrides = true) {
    return this.derived(`block-storage-${withOverrides}`, () => QuotaPlanner.blockStorage({
      volumes: TenantUsage.of(this).volumes,
      headroomPercent: this.props.headroomPercent,
      overrides: withOverrides ? this.props.blockStorageQuota : undefined,
    }));
  }

  private sharedFileSystemValues(withOverrides = true) {
    return this.derived(`shared-file-system-${withOverrides}`, () => QuotaPlanner.sharedFileSystem({
      shares: TenantUsage.of(this).shares,
      shareNetworks: TenantUsage.of(this).shareNetworks,
      headroomPercent: this.props.headroomPercent,
      overrides: withOverrides ? this.props.sharedFileSystemQuota : undefined,
    }));
  }

  /**
   * A quota value derived from what the tenant has recorded, computed once while those records stay the same.
   * Synthesis asks for each value once per quota attribute and again in validation; the records (networks, volumes,
   * shares, share networks, node groups) only ever grow, so their counts tell whether a value is still current.
   * A computation that throws is not kept.
   */
  private derived<T>(name: string, compute: () => T): T {
    const usage = TenantUsage.of(this);
    const key = [this.tenantNetworks.length, usage.volumes.length, usage.shares.length, usage.shareNetworks, usage.nodeGroups.length,
      TenantUsage.of(this.project).nodeGroups.length].join(',');
    if (key !== this.derivedKey) {
      this.derivedValues.clear();
      this.derivedKey = key;
    }
    if (!this.derivedValues.has(name)) this.derivedValues.set(name, compute());
    return this.derivedValues.get(name) as T;
  }

  // The quota values are produced at synthesis; an explicit quota below the use is reported by the tenant's
  // validation (with the construct path), so producing falls back to the derived values instead of throwing.
  private deriveNetworkQuota(): void {
    this.quotas._deriveNetwork(() => Tenant.orDerived(() => this.networkQuotaValues(), () => this.networkQuotaValues(false)));
  }

  private deriveBlockStorageQuota(): void {
    this.quotas._deriveBlockStorage(() => Tenant.orDerived(() => this.blockStorageValues(), () => this.blockStorageValues(false),
      () => ({ volumes: 0, gigabytes: 0, perVolumeType: [] })));
  }

  private deriveSharedFileSystemQuota(): void {
    this.quotas._deriveSharedFileSystem(() => Tenant.orDerived(() => this.sharedFileSystemValues(), () => this.sharedFileSystemValues(false),
      () => ({ shares: 0, gigabytes: 0, shareNetworks: 0 })));
  }
}

