import { Project } from '../../../constructs/identity/project';
import { RoleAssignments } from '../../../constructs/identity/role-assignments';
import { dataSourcesOf, resourcesOf, synthStack, testStack } from '../../util';

describe('RoleAssignments', () => {
  test('one assignment per principal and role; roles, users and groups looked up once per stack', () => {
    const stack = testStack();
    const a = new Project(stack, 'A', { projectName: 'a' });
    const b = new Project(stack, 'B', { projectName: 'b' });
    new RoleAssignments(stack, 'MembersA', { project: a, grants: [{ groupName: 'ml-team', domainId: 'ldap', roles: ['member', 'reader'] }, { userName: 'alice', roles: ['member'] }] });
    const mb = new RoleAssignments(stack, 'MembersB', { project: b, grants: [{ userName: 'alice', roles: ['member'] }] });
    mb.addGrant({ userName: 'alice', roles: ['member'] });
    const tf = synthStack(stack);
    const assignments = Object.values(resourcesOf(tf, 'openstack_identity_role_assignment_v3')) as any[];
    expect(assignments).toHaveLength(4);
    expect(assignments.filter((r) => r.group_id)).toHaveLength(2);
    expect(Object.values(dataSourcesOf(tf, 'openstack_identity_role_v3')).map((d: any) => d.name).sort()).toEqual(['member', 'reader']);
    expect(dataSourcesOf(tf, 'openstack_identity_group_v3')).toEqual({ 'IdentityGroup-ldap-ml-team': { name: 'ml-team', domain_id: 'ldap' } });
    expect(Object.keys(dataSourcesOf(tf, 'openstack_identity_user_v3'))).toEqual(['IdentityUser-default-alice']);
    expect(mb.rolesOfUser('alice')).toEqual(['member']);
  });

  test('fails when a grant names both a user and a group', () => {
    const stack = testStack();
    const p = new Project(stack, 'P', { projectName: 'p' });
    expect(() => new RoleAssignments(stack, 'M', { project: p, grants: [{ userName: 'a', groupName: 'g', roles: ['member'] }] })).toThrow(
      'test/M: a role grant needs exactly one of userName and groupName (got both)',
    );
  });

  test('fails when a grant has no role', () => {
    const stack = testStack();
    const p = new Project(stack, 'P', { projectName: 'p' });
    expect(() => new RoleAssignments(stack, 'M', { project: p, grants: [{ userName: 'a', roles: [] }] })).toThrow('test/M: the grant to a needs at least one non-empty role name');
  });
});
