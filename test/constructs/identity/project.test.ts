import { Testing, Token } from 'cdktf';
import { tenant } from './fixtures';
import { DataProtection } from '../../../constructs/common/stateful';
import { Project } from '../../../constructs/identity/project';
import { FactoryStack } from '../../../stacks/factory-stack';
import { onlyResource, synthStack, testStack } from '../../util';

describe('Project', () => {
  test('a Keystone project in the default domain, protected from destroy', () => {
    const stack = testStack();
    const p = new Project(stack, 'Research', { projectName: 'research', description: 'ML research', tags: ['gpu', 'tier-1'] });
    expect(onlyResource(synthStack(stack), 'openstack_identity_project_v3')).toEqual({
      name: 'research',
      domain_id: 'default',
      description: 'ML research',
      enabled: true,
      tags: ['gpu', 'tier-1'],
      lifecycle: { prevent_destroy: true },
    });
    expect(Token.isUnresolved(p.projectId)).toBe(true);
  });

  test('a sub-project of a parent, and an explicit opt-out of protection', () => {
    const stack = testStack();
    const parent = new Project(stack, 'Org', { projectName: 'org', domainId: 'ldap' });
    new Project(stack, 'Child', { projectName: 'child', domainId: 'ldap', parent, protection: DataProtection.allowDestroy('a sandbox recreated every sprint') });
    const child = Object.values(synthStack(stack).resource.openstack_identity_project_v3).find((p: any) => p.name === 'child') as any;
    expect(child.parent_id).toMatch(/openstack_identity_project_v3\.Org_\w+\.id/);
    expect(child.lifecycle).toBeUndefined();
  });

  test('fails when two tenants are given the same project name, even in different stacks', () => {
    const app = Testing.app({ stackTraces: false });
    tenant(new FactoryStack(app, 'site-a'), 'A', 'research');
    expect(() => tenant(new FactoryStack(app, 'site-b'), 'B', 'research')).toThrow(
      'site-b/B/Project: project name "research" in domain default is already used by site-a/A/Project; Keystone project names are unique within a domain, ' +
        'so the second apply would fail with 409 Conflict; give each tenant its own project name',
    );
  });

  test('the same name in another domain is fine; names differing only by case are not', () => {
    const stack = testStack();
    new Project(stack, 'A', { projectName: 'research' });
    expect(() => new Project(stack, 'B', { projectName: 'research', domainId: 'partners' })).not.toThrow();
    expect(() => new Project(stack, 'C', { projectName: 'Research' })).toThrow('test/C: project name "Research" in domain default is already used by test/A');
  });

  test('fails when the name is longer than Keystone allows', () => {
    expect(() => new Project(testStack(), 'P', { projectName: 'x'.repeat(65) })).toThrow(
      `test/P: projectName "${'x'.repeat(65)}" must be 1 to 64 characters without leading or trailing spaces (Keystone's limit)`,
    );
  });

  test('fails when a tag has a slash', () => {
    expect(() => new Project(testStack(), 'P', { projectName: 'p', tags: ['a/b'] })).toThrow('test/P: tag "a/b" must be 1 to 255 characters without / or , (Keystone project tags)');
  });
});
