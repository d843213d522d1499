import { Chart, Testing } from 'cdk8s';
import { TenantNamespace } from '../../constructs/cluster/tenant-namespace';
import { NetworkSite } from '../../constructs/network/network-site';
import { FactoryTenant } from '../../stacks/factory-tenant';
import { Tenant } from '../../stacks/tenant';
import { testStack } from '../util';

// issue 16: an empty tenant name crashed inside constructs ("Only root constructs may have an empty ID")
describe('tenant names fail with our message, never inside constructs', () => {
  test('fails when a network site is given an empty tenant name', () => {
    const site = new NetworkSite(testStack(), 'Site', { tenantSupernet: '10.0.0.0/8' });
    expect(() => site.addTenant('')).toThrow(
      'test/Site: tenant name "" must be 1-63 letters, digits, \'.\', \'_\' or \'-\'; it keys the tenant\'s allocations',
    );
    expect(() => site.addTenant('a/b')).toThrow('test/Site: tenant name "a/b" must be 1-63 letters');
  });

  test('fails when a tenant has an empty project name, with or without a network site', () => {
    const stack = testStack();
    const networkSite = new NetworkSite(stack, 'Site', { tenantSupernet: '10.0.0.0/8' });
    for (const props of [{ projectName: '' }, { projectName: '', networkSite }]) {
      expect(() => new Tenant(stack, `T${Object.keys(props).length}`, props)).toThrow(
        /^test\/T\d\/Project: projectName "" must be 1 to 64 characters without leading or trailing spaces \(Keystone's limit\)$/,
      );
    }
  });

  test('fails when a factory tenant has an empty project name', () => {
    expect(() => new FactoryTenant(testStack(), 'T', { projectName: '' })).toThrow(
      'test/T/Project: projectName "" must be 1 to 64 characters without leading or trailing spaces (Keystone\'s limit)',
    );
  });

  test.each(['', ' ', 'Team A', 'a'.repeat(64)])('fails when a tenant namespace is given the tenant name %p', (name) => {
    expect(() => new TenantNamespace(new Chart(Testing.app(), 'c'), 'N', { namespaceName: 'a', tenantName: name, cpuCores: 1, memoryGib: 1 })).toThrow(
      `c/N: tenantName ${JSON.stringify(name)} is not a label value (1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit); ` +
        'it becomes the label ai-factory.dev/tenant',
    );
  });
});
