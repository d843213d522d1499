import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import { NovaUnifiedLimits } from '../../../constructs/identity/nova-limits';
import { Project } from '../../../constructs/identity/project';
import { ProjectQuotas } from '../../../constructs/identity/project-quotas';
import { FactoryStack } from '../../../stacks/factory-stack';
import { onlyResource, resourcesOf, synthStack, testStack } from '../../util';

describe('ProjectQuotas', () => {
  test('used alone: legacy compute, Neutron, Cinder per type, unified limits and the Manila command', () => {
    const stack = testStack();
    const project = new Project(stack, 'P', { projectName: 'p' });
    const nova = new NovaUnifiedLimits(stack, 'Nova', { registeredLimits: { 'class:VGPU': 0 } });
    const q = new ProjectQuotas(stack, 'Q', {
      project,
      compute: { instances: 10, cores: 200, ramMb: 1_000_000 },
      novaLimits: nova,
      unifiedLimits: [{ resourceName: 'class:VGPU', limit: 4 }],
      network: { networks: 2, subnets: 2, routers: 1, ports: 50, securityGroups: 10, securityGroupRules: 100, floatingIps: 5 },
      blockStorage: { volumes: 4, gigabytes: 2000, perVolumeType: [{ volumeTypeName: 'gold', volumes: 2, gigabytes: 1000 }] },
      sharedFileSystem: { shares: 3, gigabytes: 5000, shareNetworks: 0 },
    });
    const tf = synthStack(stack);
    expect(onlyResource(tf, 'openstack_compute_quotaset_v2')).toMatchObject({ instances: 10, cores: 200, ram: 1_000_000 });
    expect(onlyResource(tf, 'openstack_networking_quota_v2')).toMatchObject({ network: 2, subnet: 2, router: 1, port: 50, security_group: 10, security_group_rule: 100, floatingip: 5 });
    expect(onlyResource(tf, 'openstack_blockstorage_quotaset_v3')).toMatchObject({ volumes: 4, gigabytes: 2000, volume_type_quota: { volumes_gold: '2', gigabytes_gold: '1000' } });
    const limit = onlyResource(tf, 'openstack_identity_limit_v3');
    expect(limit).toMatchObject({ resource_name: 'class:VGPU', resource_limit: 4 });
    expect(limit.depends_on[0]).toMatch(/^openstack_identity_registered_limit_v3\.Nova_Registered-class-VGPU_/);
    expect(tf.output.manila_quota_p.value).toMatch(/^openstack share quota set --shares 3 --gigabytes 5000 --share-networks 0 \$\{openstack_identity_project_v3\.P_\w+\.id\}$/);
    expect(q.sharedFileSystemCommandOutput).toBe('manila_quota_p');
  });

  test('a project limit on a resource the operator registered has no dependency', () => {
    const stack = testStack();
    const project = new Project(stack, 'P', { projectName: 'p' });
    new ProjectQuotas(stack, 'Q', { project, novaLimits: new NovaUnifiedLimits(stack, 'Nova'), unifiedLimits: [{ resourceName: 'servers', limit: 3 }] });
    expect(onlyResource(synthStack(stack), 'openstack_identity_limit_v3').depends_on).toBeUndefined();
    expect(resourcesOf(synthStack(stack), 'openstack_compute_quotaset_v2')).toEqual({});
  });

  test('a project limit in a tenant stack on the site\'s registered limit: no depends_on across stacks, the stack dependency orders them', () => {
    const app = Testing.app({ stackTraces: false });
    const site = new FactoryStack(app, 'site');
    const tenant = new FactoryStack(app, 'tenant');
    const nova = new NovaUnifiedLimits(site, 'Nova', { registeredLimits: { 'class:PGPU': 0 } });
    const project = new Project(tenant, 'P', { projectName: 'p' });
    new ProjectQuotas(tenant, 'Q', { project, novaLimits: nova, unifiedLimits: [{ resourceName: 'class:PGPU', limit: 8 }] });
    app.synth();
    const tf = JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', 'tenant', 'cdk.tf.json'), 'utf8'));
    const limit = onlyResource(tf, 'openstack_identity_limit_v3');
    // terraform validate refuses a depends_on that names a remote-state attribute ("Invalid depends_on reference")
    expect(limit.depends_on).toBeUndefined();
    expect(limit.service_id).toMatch(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-site\.outputs\./);
    expect(tenant.dependencies).toContain(site);
    expect(resourcesOf(tf, 'openstack_identity_registered_limit_v3')).toEqual({});
  });

  test('fails when unified limits are given without Nova\'s service', () => {
    const stack = testStack();
    const project = new Project(stack, 'P', { projectName: 'p' });
    expect(() => new ProjectQuotas(stack, 'Q', { project, unifiedLimits: [{ resourceName: 'servers', limit: 3 }] })).toThrow(
      'test/Q: unifiedLimits need novaLimits (the Nova service id and the registered limits they override)',
    );
  });

  test('fails when a compute quota is negative', () => {
    const stack = testStack();
    const project = new Project(stack, 'P', { projectName: 'p' });
    expect(() => new ProjectQuotas(stack, 'Q', { project, compute: { instances: -1, cores: 1, ramMb: 1 } })).toThrow('test/Q: compute quota instances -1 must be a non-negative integer');
  });
});
