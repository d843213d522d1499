import { ClusterImage } from '../../../constructs/cluster/cluster-image';
import { TenantCloud } from '../../../constructs/cluster/tenant-cloud';
import { dataSourcesOf, synthStack, testStack } from '../../util';
import { Project } from '../compute/helpers';

describe('TenantCloud', () => {
  test('an aliased OpenStack provider for the clouds.yaml entry, and the project of its token', () => {
    const stack = testStack({ cloud: 'admin' });
    const tenant = new TenantCloud(stack, 'TeamA', { cloud: 'team-a', region: 'RegionTwo' });
    const tf = synthStack(stack);
    expect(tf.provider.openstack).toEqual([{ cloud: 'admin' }, { alias: 'tenant_team_a', cloud: 'team-a', region: 'RegionTwo' }]);
    expect(tenant.alias).toBe('tenant_team_a');
    const [scope] = Object.values(dataSourcesOf(tf, 'openstack_identity_auth_scope_v3')) as any[];
    expect(scope).toMatchObject({ name: 'tenant', provider: 'openstack.tenant_team_a' });
    expect(tenant.project.projectId).toMatch(/TfToken/);
  });

  test('a project the factory creates replaces the token lookup', () => {
    const stack = testStack();
    const project = new Project(stack, 'P', 'team-a');
    const tenant = new TenantCloud(stack, 'TeamA', { cloud: 'team-a', project });
    expect(tenant.project).toBe(project);
    expect(dataSourcesOf(synthStack(stack), 'openstack_identity_auth_scope_v3')).toEqual({});
  });

  test('no credential reaches the output: only the entry name', () => {
    const stack = testStack();
    new TenantCloud(stack, 'TeamA', { cloud: 'team-a' });
    const text = JSON.stringify(synthStack(stack));
    expect(text).not.toMatch(/password|application_credential|token_id/);
  });

  test('fails when the cloud is not a clouds.yaml entry name', () => {
    const stack = testStack();
    expect(() => new TenantCloud(stack, 'TeamA', { cloud: 'team a' })).toThrow(
      'test/TeamA: cloud "team a" must be the literal name of a clouds.yaml entry (letters, digits, _ . -)',
    );
  });

  test('fails when a stack has two TenantClouds for one entry', () => {
    const stack = testStack();
    new TenantCloud(stack, 'A', { cloud: 'team-a' });
    expect(() => new TenantCloud(stack, 'B', { cloud: 'team-a' })).toThrow(
      'test/B: clouds.yaml entry team-a already has a TenantCloud in this stack (test/A); use that one',
    );
  });

  test('fails when credentials of another stack are used', () => {
    const stack = testStack();
    const other = testStack({}, 'other');
    const tenant = new TenantCloud(other, 'TeamA', { cloud: 'team-a' });
    expect(() => new ClusterImage(stack, 'Image', { imageName: 'img', kubernetesVersion: 'v1.33.12', credentials: tenant })).toThrow(
      'test/Image: credentials other/TeamA belong to stack other; a provider cannot cross stacks, create a TenantCloud in test',
    );
  });
});
