import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import type { IdentityRoleAssignmentV3 } from '../../generated/terraform/openstack/identity-role-assignment-v3';
import { bindings } from '../common/bindings';
import { IdentityLookups } from '../common/lookups';
import { IProject } from '../common/project';
import { idFragment } from '../common/registry';
import { invalid } from '../common/validation';

/** Roles a user or a group gets on a project. Give exactly one of `userName` and `groupName`. */
export interface RoleGrant {
  /** Role names, e.g. `['member']` (Keystone's default roles are `admin`, `member`, `reader`). */
  readonly roles: string[];
  /**
   * The user that gets the roles.
   * @default - a group gets them
   */
  readonly userName?: string;
  /**
   * The group that gets the roles (every member of it, now and later).
   * @default - a user gets them
   */
  readonly groupName?: string;
  /**
   * Id of the domain the user or group lives in (e.g. an LDAP-backed domain).
   * @default 'default'
   */
  readonly domainId?: string;
}

/** Props of {@link RoleAssignments}. */
export interface RoleAssignmentsProps {
  /** The project the roles are granted on. */
  readonly project: IProject;
  /**
   * Grants.
   * @default - none yet; add them with addGrant()
   */
  readonly grants?: RoleGrant[];
}

/**
 * Role assignments of users and groups on a project (`openstack_identity_role_assignment_v3`, one per principal
 * and role; roles, users and groups are looked up by name once per stack). Creating them needs an admin.
 */
export class RoleAssignments extends Construct {
  private static key(kind: string, name: string, domainId: string): string {
    return `${kind}\u0000${domainId}\u0000${name}`;
  }

  private readonly project: IProject;
  private readonly byPrincipal = new Map<string, { roles: Set<string>; resources: IdentityRoleAssignmentV3[] }>();

  constructor(scope: Construct, id: string, props: RoleAssignmentsProps) {
    super(scope, id);
    this.project = props.project;
    for (const g of props.grants ?? []) this.addGrant(g);
  }

  /**
   * Grants roles to a user or group; granting a role twice is a no-op.
   * @returns every assignment of the grant's principal here, for `dependsOn`
   */
  public addGrant(grant: RoleGrant): ITerraformDependable[] {
    if ((grant.userName === undefined) === (grant.groupName === undefined)) {
      invalid(this, `a role grant needs exactly one of userName and groupName (got ${grant.userName === undefined ? 'neither' : 'both'})`);
    }
    if (grant.roles.length === 0 || grant.roles.some((r) => r.trim().length === 0)) {
      invalid(this, `the grant to ${grant.userName ?? grant.groupName} needs at least one non-empty role name`);
    }
    const domainId = grant.domainId ?? 'default';
    const kind = grant.userName !== undefined ? 'User' : 'Group';
    const name = (grant.userName ?? grant.groupName)!;
    const key = RoleAssignments.key(kind, name, domainId);
    const entry = this.byPrincipal.get(key) ?? { roles: new Set<string>(), resources: [] };
    this.byPrincipal.set(key, entry);
    const principalId = kind === 'User' ? IdentityLookups.userId(this, name, domainId) : IdentityLookups.groupId(this, name, domainId);
    for (const role of grant.roles) {
      if (entry.roles.has(role)) continue;
      entry.roles.add(role);
      entry.resources.push(new (bindings.identityRoleAssignmentV3().IdentityRoleAssignmentV3)(this, `${kind}-${idFragment(domainId)}-${idFragment(name)}-${idFragment(role)}`, {
        projectId: this.project.projectId,
        roleId: IdentityLookups.roleId(this, role),
        userId: kind === 'User' ? principalId : undefined,
        groupId: kind === 'Group' ? principalId : undefined,
      }));
    }
    return [...entry.resources];
  }

  /** Role names granted to a user here (directly, not through groups). */
  public rolesOfUser(userName: string, domainId?: string): string[] {
    return [...(this.byPrincipal.get(RoleAssignments.key('User', userName, domainId ?? 'default'))?.roles ?? [])].sort();
  }

  /**
   * The assignments of a user, for `dependsOn` (internal).
   * @internal
   */
  public _assignmentsOfUser(userName: string, domainId: string): ITerraformDependable[] {
    return [...(this.byPrincipal.get(RoleAssignments.key('User', userName, domainId))?.resources ?? [])];
  }

}
