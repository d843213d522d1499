import { FakeProject, siteFixture } from './fixtures';
import { TenantRouter } from '../../../constructs/network/router';
import { TenantNetwork } from '../../../constructs/network/tenant-network';
import { onlyResource, resourcesOf, synthStack } from '../../util';

describe('TenantRouter', () => {
  test('a router without gateway routes between the tenant networks; attaching twice is a no-op', () => {
    const { stack, site } = siteFixture();
    const tenant = site.addTenant('acme', { project: new FakeProject(stack, 'Acme') });
    const router = new TenantRouter(stack, 'Router', { project: tenant.project });
    const a = new TenantNetwork(stack, 'A', { tenant, router });
    router.addInterface(a);
    const tf = synthStack(stack);
    expect(onlyResource(tf, 'openstack_networking_router_v2')).toEqual({ name: 'router', tenant_id: 'acme-id' });
    expect(Object.keys(resourcesOf(tf, 'openstack_networking_router_interface_v2'))).toHaveLength(1);
  });

  test('fails when the network has no gateway', () => {
    const { stack, site } = siteFixture();
    const isolated = new TenantNetwork(stack, 'Iso', { tenant: site.addTenant('acme') });
    expect(() => new TenantRouter(stack, 'Router').addInterface(isolated)).toThrow(
      'test/Router: network iso has no gateway address, so it cannot be attached; create it with `router` (or `gatewayIp`) in its props');
  });

  test('fails when the router and the network belong to different projects', () => {
    const { stack, site } = siteFixture();
    const router = new TenantRouter(stack, 'Router', { project: new FakeProject(stack, 'Beta') });
    expect(() => new TenantNetwork(stack, 'A', { tenant: site.addTenant('acme', { project: new FakeProject(stack, 'Acme') }), router })).toThrow(
      'test/Router: project beta differs from acme, the project of network a; leave project out or use the same');
  });
});
