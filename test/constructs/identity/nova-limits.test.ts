import { Testing } from 'cdktf';
import { NovaUnifiedLimits } from '../../../constructs/identity/nova-limits';
import { FactoryStack } from '../../../stacks/factory-stack';
import { dataSourcesOf, resourcesOf, synthStack, testStack } from '../../util';

describe('NovaUnifiedLimits', () => {
  test('looks Nova up by name and registers the limits the app owns', () => {
    const stack = testStack();
    const limits = new NovaUnifiedLimits(stack, 'Nova', { registeredLimits: { 'class:VGPU': 0, 'servers': 10 } });
    limits.registerLimit('class:VGPU', 0);
    const tf = synthStack(stack);
    expect(Object.values(dataSourcesOf(tf, 'openstack_identity_service_v3'))).toEqual([{ name: 'nova' }]);
    const registered = Object.values(resourcesOf(tf, 'openstack_identity_registered_limit_v3')) as any[];
    expect(registered.map((r) => [r.resource_name, r.default_limit])).toEqual([['class:VGPU', 0], ['servers', 10]]);
    expect(registered[0].service_id).toMatch(/data\.openstack_identity_service_v3\.Nova_NovaService_\w+\.id/);
    expect(limits.registeredResourceNames).toEqual(['class:VGPU', 'servers']);
  });

  test('a system-scoped provider for Keystone\'s secure RBAC, in the Nova region', () => {
    const stack = testStack();
    new NovaUnifiedLimits(stack, 'Nova', { systemScopeCloud: 'admin-system', region: 'RegionOne', registeredLimits: { 'class:VGPU': 0 } });
    const tf = synthStack(stack);
    expect(tf.provider.openstack).toContainEqual({ alias: 'keystone_system_RegionOne', cloud: 'admin-system', region: 'RegionOne' });
    const r = Object.values(resourcesOf(tf, 'openstack_identity_registered_limit_v3'))[0] as any;
    expect([r.provider, r.region]).toEqual(['openstack.keystone_system_RegionOne', 'RegionOne']);
    expect((Object.values(dataSourcesOf(tf, 'openstack_identity_service_v3'))[0] as any).provider).toBe('openstack.keystone_system_RegionOne');
  });

  test('fails when the same resource is registered with two defaults', () => {
    const limits = new NovaUnifiedLimits(testStack(), 'Nova', { registeredLimits: { 'class:VGPU': 0 } });
    expect(() => limits.registerLimit('class:VGPU', 4)).toThrow('test/Nova: class:VGPU is registered twice, with defaults 0 and 4; give it one default');
  });

  test('fails when the resource is not a Nova unified-limit resource', () => {
    expect(() => new NovaUnifiedLimits(testStack(), 'Nova', { registeredLimits: { cores: 10 } })).toThrow(
      'test/Nova: resource "cores" is not a Nova unified-limit resource; use servers, server_key_pairs, server_metadata_items, server_groups, server_group_members or class:<RESOURCE_CLASS> (e.g. class:VGPU)',
    );
  });

  test('fails when an app has two for one region', () => {
    const app = Testing.app({ stackTraces: false });
    new NovaUnifiedLimits(new FactoryStack(app, 'a'), 'Nova');
    expect(() => new NovaUnifiedLimits(new FactoryStack(app, 'b'), 'Nova')).toThrow(
      'b/Nova: a/Nova already manages Nova\'s unified limits; registered limits are unique per service, region and resource, so an app has one NovaUnifiedLimits per region',
    );
  });
});
