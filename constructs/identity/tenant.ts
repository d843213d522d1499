import { ITerraformDependable, TerraformProvider } from 'cdktf';
import { IConstruct } from 'constructs';
import { RoleGrant } from './role-assignments';
import { IProject } from '../common/project';
import { ITenantNetwork } from '../network/network';

/**
 * How resources inside a project are created. The OpenStack provider creates volumes, shares, containers and
 * application credentials in the project its token is scoped to (those resources have no project argument), so a
 * tenant needs a provider authenticated as a user scoped to its project: a clouds.yaml entry with
 * `project_name: <the tenant's project>`. The provider authenticates on first use (`delayed_auth`, the default),
 * after the project and the user's role assignment exist, which the scoped resources depend on.
 */
export interface ProjectScope {
  /** The clouds.yaml entry, scoped to the tenant's project (when `cloud` is set the provider ignores `tenant_name`). */
  readonly cloud: string;
  /** The user that entry authenticates as; it gets `roles` on the project and owns the application credentials. */
  readonly userName: string;
  /**
   * Id of the user's domain.
   * @default 'default'
   */
  readonly userDomainId?: string;
  /**
   * Roles the user gets on the project.
   * @default ['member']
   */
  readonly roles?: string[];
  /**
   * Region.
   * @default - the clouds.yaml entry's region
   */
  readonly region?: string;
}

/** What a construct inside a tenant's project is created with. */
export interface ProjectScopeBinding {
  /** The provider scoped to the project. */
  readonly provider: TerraformProvider;
  /**
   * The project and the scope user's role assignments, which must exist before the provider authenticates, and the
   * project's quotas, so nothing is created against the service defaults.
   */
  readonly dependsOn: ITerraformDependable[];
  /** The user the provider authenticates as. */
  readonly userName: string;
  /** Id of that user's domain. */
  readonly userDomainId: string;
  /** Roles that user has on the project (granted here). */
  readonly roles: string[];
}

/**
 * A tenant: a Keystone project with its members, quotas, networks and a provider scoped to it. Storage and
 * credential constructs take an `ITenant`.
 */
export interface ITenant extends IProject {
  /** Id of the project's domain. */
  readonly domainId: string;
  /** The tenant's networks. */
  readonly networks: ITenantNetwork[];
  /** CIDRs of the tenant's subnets (NFS clients must be inside them). */
  readonly subnetCidrs: string[];
  /**
   * Base of the cephx client names of the tenant's CephFS clients (no `client.` prefix); a read-only grant from
   * tenant X uses `<cephxId>-<X's cephxId>`.
   */
  readonly cephxId: string;
  /**
   * The provider and dependencies for a resource created inside the project; throws (naming `consumer`) when the
   * tenant has no project scope or lives in another stack.
   */
  bindProjectScope(consumer: IConstruct): ProjectScopeBinding;
  /**
   * Grants roles on the project to a user or group.
   * @returns the principal's role assignments, for `dependsOn`
   */
  addMember(grant: RoleGrant): ITerraformDependable[];
}
