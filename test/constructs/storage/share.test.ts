import { TerraformOutput, Testing } from 'cdktf';
import { ShareNetwork, Share } from '../../../constructs/storage/share';
import { ShareTypeCatalog } from '../../../constructs/storage/share-type-catalog';
import { ShareAccessRule } from '../../../lib/storage/share-access';
import { ShareAccessLevel, ShareProtocol, ShareType } from '../../../lib/storage/share-type';
import { FactoryStack } from '../../../stacks/factory-stack';
import { onlyResource, resourcesOf, synthStack, testStack } from '../../util';
import { synthValidated, tenant } from '../identity/fixtures';

const cephfs = ShareType.cephfsNative();
const nfs = ShareType.cephfsNfs();
const dhss = ShareType.custom({ name: 'netapp', driverHandlesShareServers: true, protocol: ShareProtocol.NFS });

function site() {
  const stack = testStack();
  new ShareTypeCatalog(stack, 'ShareTypes', { shareTypes: [cephfs, nfs, dhss] });
  const a = tenant(stack, 'A', 'tenant-a');
  a.addNetwork('Net', { cidr: '10.30.0.0/24' });
  const b = tenant(stack, 'B', 'tenant-b');
  b.addNetwork('Net', { cidr: '10.31.0.0/24' });
  b.addNetwork('Gpu', { cidr: '10.32.0.0/23' });
  return { stack, a, b };
}

describe('ShareTypeCatalog', () => {
  test('emits the bootstrap script that creates the declared share types', () => {
    const stack = testStack();
    const catalog = new ShareTypeCatalog(stack, 'ShareTypes', { shareTypes: [cephfs, nfs] });
    const script: string = synthStack(stack).output.manila_share_types_bootstrap.value;
    expect(script.split('\n')).toEqual([
      '#!/usr/bin/env bash',
      '# Manila share types of this site (cdk-ai-factory ShareTypeCatalog); run as a cloud admin.',
      'set -euo pipefail',
      cephfs.bootstrapCommand(),
      nfs.bootstrapCommand(),
      '',
    ]);
    expect(catalog.find('cephfs-nfs')).toBe(nfs);
  });

  test('fails when a type is declared twice in an app with other capabilities', () => {
    const app = Testing.app({ stackTraces: false });
    new ShareTypeCatalog(new FactoryStack(app, 'a'), 'Types', { shareTypes: [cephfs] });
    expect(() => new ShareTypeCatalog(new FactoryStack(app, 'b'), 'Types', { shareTypes: [ShareType.cephfsNative({ snapshotSupport: false })] })).toThrow(
      /^b\/Types: share type cephfs is declared elsewhere in the app with other capabilities \(openstack share type create cephfs false --snapshot-support true/,
    );
  });
});

describe('Share', () => {
  test('a CephFS share in the tenant\'s project, protected, with a cephx rule for its own client', () => {
    const { stack, a } = site();
    const share = new Share(stack, 'Datasets', { tenant: a, shareType: cephfs, sizeGb: 5000 });
    const access = share.grantAccess(ShareAccessRule.cephx('training'));
    new TerraformOutput(stack, 'Path', { value: share.exportPath });
    const tf = synthValidated(stack);
    expect(onlyResource(tf, 'openstack_sharedfilesystem_share_v2')).toMatchObject({
      name: 'tenant-a-datasets',
      share_proto: 'CEPHFS',
      share_type: 'cephfs',
      size: 5000,
      provider: 'openstack.project_tenant_a',
      lifecycle: { prevent_destroy: true },
    });
    expect(onlyResource(tf, 'openstack_sharedfilesystem_share_access_v2')).toMatchObject({ access_type: 'cephx', access_to: 'training', access_level: 'rw' });
    expect(access.rule.accessTo).toBe('training');
    expect(tf.output.Path.value).toMatch(/^\$\{openstack_sharedfilesystem_share_v2\.Datasets_\w+\.export_locations\[0\]\.path\}$/);
  });

  test('grantReadOnly shares a CephFS dataset with another tenant\'s cephx client and outputs what it needs', () => {
    const { stack, a, b } = site();
    const share = new Share(stack, 'Datasets', { tenant: a, shareType: cephfs, sizeGb: 5000 });
    const [grant] = share.grantReadOnly(b);
    const tf = synthValidated(stack);
    // the ID is the grantee's, qualified by the owner: CephFS ties an ID to the project that first used it
    expect(onlyResource(tf, 'openstack_sharedfilesystem_share_access_v2')).toMatchObject({
      access_type: 'cephx', access_to: 'tenant-b-tenant-a', access_level: 'ro', provider: 'openstack.project_tenant_a',
    });
    expect(grant.rule.accessLevel).toBe(ShareAccessLevel.READ_ONLY);
    expect(tf.output.share_grant_tenant_a_datasets_tenant_b).toMatchObject({ sensitive: true, value: { protocol: 'CEPHFS', access_to: ['tenant-b-tenant-a'] } });
    expect(tf.output.share_grant_tenant_a_datasets_tenant_b.value.access_keys[0]).toMatch(/\.access_key\}$/);
  });

  test('grantReadOnly on an NFS share adds one read-only IP rule per subnet of the grantee', () => {
    const { stack, a, b } = site();
    new Share(stack, 'Datasets', { tenant: a, shareType: nfs, sizeGb: 100 }).grantReadOnly(b);
    const rules = Object.values(resourcesOf(synthStack(stack), 'openstack_sharedfilesystem_share_access_v2')) as any[];
    expect(rules.map((r) => [r.access_type, r.access_to, r.access_level])).toEqual([['ip', '10.31.0.0/24', 'ro'], ['ip', '10.32.0.0/23', 'ro']]);
  });

  test('a DHSS=True type gets its share network on the tenant\'s network', () => {
    const { stack, a } = site();
    const sn = new ShareNetwork(stack, 'Sn', { tenant: a, network: a.networks[0] });
    new Share(stack, 'Home', { tenant: a, shareType: dhss, sizeGb: 10, shareNetwork: sn });
    const tf = synthValidated(stack);
    expect(onlyResource(tf, 'openstack_sharedfilesystem_share_v2').share_network_id).toMatch(/openstack_sharedfilesystem_sharenetwork_v2\.Sn_\w+\.id/);
    expect(onlyResource(tf, 'openstack_sharedfilesystem_sharenetwork_v2')).toMatchObject({ name: 'tenant-a-sn', provider: 'openstack.project_tenant_a' });
    expect(tf.output.manila_quota_tenant_a.value).toContain('--share-networks 2 ');
  });

  test('fails when an NFS access rule is wider than the tenant\'s subnets', () => {
    const { stack, a } = site();
    const share = new Share(stack, 'Datasets', { tenant: a, shareType: nfs, sizeGb: 100 });
    expect(() => share.grantAccess(ShareAccessRule.ip('10.30.0.0/16'))).toThrow(
      'test/Datasets: NFS access for 10.30.0.0/16 is wider than tenant tenant-a\'s subnets (10.30.0.0/24); grant only the tenant\'s own subnets or hosts in them',
    );
    expect(() => share.grantAccess(ShareAccessRule.ip('10.30.0.128/25'))).not.toThrow();
  });

  test('fails when a cephx rule is put on an NFS share', () => {
    const { stack, a } = site();
    const share = new Share(stack, 'Datasets', { tenant: a, shareType: nfs, sizeGb: 100 });
    expect(() => share.grantAccess(ShareAccessRule.cephx('alice'))).toThrow(
      'test/Datasets: a cephx rule (alice) cannot be added to a share of type cephfs-nfs (NFS), which accepts only ip access; use ShareAccessRule.ip(cidr) for NFS clients',
    );
  });

  test('fails when an IP rule is put on a native CephFS share', () => {
    const { stack, a } = site();
    const share = new Share(stack, 'Datasets', { tenant: a, shareType: cephfs, sizeGb: 100 });
    expect(() => share.grantAccess(ShareAccessRule.ip('10.30.0.0/24'))).toThrow(
      'test/Datasets: an ip rule (10.30.0.0/24) cannot be added to a share of type cephfs (CEPHFS), which accepts only cephx access; use ShareAccessRule.cephx(id) for CephFS clients',
    );
  });

  test('fails when a share network is given for a DHSS=false type', () => {
    const { stack, a } = site();
    const sn = new ShareNetwork(stack, 'Sn', { tenant: a, network: a.networks[0] });
    expect(() => new Share(stack, 'Datasets', { tenant: a, shareType: cephfs, sizeGb: 100, shareNetwork: sn })).toThrow(
      'test/Datasets: share type cephfs has driver_handles_share_servers=False, which ignores share networks; remove shareNetwork ' +
        '(CephFS shares are reached through the storage network the operator set up)',
    );
  });

  test('fails when a DHSS=True type has no share network', () => {
    const { stack, a } = site();
    expect(() => new Share(stack, 'Home', { tenant: a, shareType: dhss, sizeGb: 10 })).toThrow(
      'test/Home: share type netapp has driver_handles_share_servers=True and needs a share network; give shareNetwork (new ShareNetwork(...))',
    );
  });

  test('fails when the share type is not declared in a catalog', () => {
    const stack = testStack();
    const a = tenant(stack, 'A', 'a');
    new Share(stack, 'Datasets', { tenant: a, shareType: cephfs, sizeGb: 100 });
    expect(() => synthValidated(stack)).toThrow(
      "[test/Datasets] share type cephfs is not declared in a ShareTypeCatalog; declare it (new ShareTypeCatalog(site, 'ShareTypes', { shareTypes: [...] })) so its bootstrap command is emitted",
    );
  });

  test('fails when the same client is granted twice', () => {
    const { stack, a } = site();
    const share = new Share(stack, 'Datasets', { tenant: a, shareType: cephfs, sizeGb: 100 });
    share.grantAccess(ShareAccessRule.cephx('alice'));
    expect(() => share.grantAccess(ShareAccessRule.cephx('alice', ShareAccessLevel.READ_ONLY))).toThrow(
      'test/Datasets: share tenant-a-datasets already grants rw access to alice; Manila allows one rule per client',
    );
  });

  test('fails when two tenants\' shares use the same cephx id', () => {
    const { stack, a, b } = site();
    new Share(stack, 'A1', { tenant: a, shareType: cephfs, sizeGb: 10 }).grantAccess(ShareAccessRule.cephx('training'));
    new Share(stack, 'A2', { tenant: a, shareType: cephfs, sizeGb: 10 }).grantAccess(ShareAccessRule.cephx('training'));
    const other = new Share(stack, 'B1', { tenant: b, shareType: cephfs, sizeGb: 10 });
    expect(() => other.grantAccess(ShareAccessRule.cephx('training'))).toThrow(
      'test/B1: cephx id training is already used by shares of test/A; the CephFS driver ties a cephx ID to the first project that uses it ' +
        '("auth ID is already in use"), so give tenant tenant-b\'s clients their own id',
    );
  });

  test('fails when a share network is on another tenant\'s network', () => {
    const { stack, a, b } = site();
    expect(() => new ShareNetwork(stack, 'Sn', { tenant: a, network: b.networks[0] })).toThrow(
      'test/Sn: network test/B/Net is not one of tenant tenant-a\'s networks; a share network must be on the tenant\'s own network',
    );
  });
});
