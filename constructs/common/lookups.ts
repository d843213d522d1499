import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { bindings } from './bindings';
import { idFragment } from './registry';
import type { DataOpenstackIdentityGroupV3 } from '../../generated/terraform/openstack/data-openstack-identity-group-v3';
import type { DataOpenstackIdentityRoleV3 } from '../../generated/terraform/openstack/data-openstack-identity-role-v3';
import type { DataOpenstackIdentityUserV3 } from '../../generated/terraform/openstack/data-openstack-identity-user-v3';

/**
 * Keystone look-ups shared by every construct of a stack: one data source per role, user, group or service name,
 * created under the stack (so two tenants granting `member` read the role once). Internal: not jsii API.
 */
export class IdentityLookups {
  /** Id of the role named `roleName` (global roles; Keystone's default roles are `admin`, `member`, `reader`). */
  public static roleId(scope: IConstruct, roleName: string): string {
    const stack = TerraformStack.of(scope);
    const id = `IdentityRole-${idFragment(roleName)}`;
    const existing = stack.node.tryFindChild(id) as DataOpenstackIdentityRoleV3 | undefined;
    return (existing ?? new (bindings.dataOpenstackIdentityRoleV3().DataOpenstackIdentityRoleV3)(stack, id, { name: roleName })).id;
  }

  /** Id of the user `userName` in domain `domainId`. */
  public static userId(scope: IConstruct, userName: string, domainId: string): string {
    const stack = TerraformStack.of(scope);
    const id = `IdentityUser-${idFragment(domainId)}-${idFragment(userName)}`;
    const existing = stack.node.tryFindChild(id) as DataOpenstackIdentityUserV3 | undefined;
    return (existing ?? new (bindings.dataOpenstackIdentityUserV3().DataOpenstackIdentityUserV3)(stack, id, { name: userName, domainId })).id;
  }

  /** Id of the group `groupName` in domain `domainId`. */
  public static groupId(scope: IConstruct, groupName: string, domainId: string): string {
    const stack = TerraformStack.of(scope);
    const id = `IdentityGroup-${idFragment(domainId)}-${idFragment(groupName)}`;
    const existing = stack.node.tryFindChild(id) as DataOpenstackIdentityGroupV3 | undefined;
    return (existing ?? new (bindings.dataOpenstackIdentityGroupV3().DataOpenstackIdentityGroupV3)(stack, id, { name: groupName, domainId })).id;
  }
}
