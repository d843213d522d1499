import { Testing } from 'cdktf';
import { Bucket } from '../../../constructs/storage/bucket';
import { ObjectStorageService } from '../../../lib/storage/object-storage';
import { FactoryStack } from '../../../stacks/factory-stack';
import { onlyResource, resourcesOf, synthStack, testStack } from '../../util';
import { tenant } from '../identity/fixtures';

const rgw = ObjectStorageService.cephRgw({ s3EndpointUrl: 'https://rgw.example.net', versioning: true });

describe('Bucket', () => {
  test('a versioned container on RGW: X-Versions-Location into an archive container, never force-destroyed, both protected', () => {
    const stack = testStack();
    const a = tenant(stack, 'A', 'tenant-a');
    new Bucket(stack, 'Datasets', { tenant: a, service: rgw, bucketName: 'tenant-a-datasets', storagePolicy: 'nvme' });
    const containers = resourcesOf(synthStack(stack), 'openstack_objectstorage_container_v1');
    const common = { storage_policy: 'nvme', force_destroy: false, provider: 'openstack.project_tenant_a', lifecycle: { prevent_destroy: true } };
    const tenantDeps = [expect.stringMatching(/^openstack_identity_project_v3\./), expect.stringMatching(/^openstack_identity_role_assignment_v3\./)];
    expect(Object.values(containers)).toEqual([
      {
        name: 'tenant-a-datasets',
        versioning_legacy: { type: 'versions', location: 'tenant-a-datasets-versions' },
        depends_on: [...tenantDeps, expect.stringMatching(/^openstack_objectstorage_container_v1\.Datasets_Versions_/)],
        ...common,
      },
      { name: 'tenant-a-datasets-versions', depends_on: tenantDeps, ...common },
    ]);
  });

  test('a versioned container on Swift uses X-Versions-Enabled (the provider\'s versioning)', () => {
    const stack = testStack();
    new Bucket(stack, 'Datasets', { tenant: tenant(stack, 'A', 'tenant-a'), service: ObjectStorageService.swift({ versioning: true }), bucketName: 'datasets' });
    const r = onlyResource(synthStack(stack), 'openstack_objectstorage_container_v1');
    expect(r.versioning).toBe(true);
    expect(r.versioning_legacy).toBeUndefined();
  });

  test('fails when the RGW archive container name would be too long for S3', () => {
    const stack = testStack();
    const name = 'a'.repeat(56);
    expect(() => new Bucket(stack, 'B', { tenant: tenant(stack, 'A', 'a'), service: rgw, bucketName: name })).toThrow(
      `test/B: bucket ${name} keeps its old versions in ${name}-versions (RGW's X-Versions-Location), which is longer than 63 characters; `
      + 'shorten bucketName to 54 characters or leave versioning off');
  });

  test('other tenants get access only through explicit grants (Swift ACLs by project id)', () => {
    const stack = testStack();
    const a = tenant(stack, 'A', 'tenant-a');
    const b = tenant(stack, 'B', 'tenant-b');
    const c = tenant(stack, 'C', 'tenant-c');
    const bucket = new Bucket(stack, 'Models', { tenant: a, service: rgw, bucketName: 'tenant-a-models' });
    bucket.grantRead(b);
    bucket.grantRead(c);
    bucket.grantWrite(c);
    const r = Object.values(resourcesOf(synthStack(stack), 'openstack_objectstorage_container_v1')).find((x: any) => x.name === 'tenant-a-models');
    expect(r.container_read).toMatch(/^\$\{openstack_identity_project_v3\.B_Project_\w+\.id\}:\*,\$\{openstack_identity_project_v3\.C_Project_\w+\.id\}:\*$/);
    expect(r.container_write).toMatch(/^\$\{openstack_identity_project_v3\.C_Project_\w+\.id\}:\*$/);
  });

  test('access rules for application credentials name the container\'s Swift path', () => {
    const stack = testStack();
    const a = tenant(stack, 'A', 'tenant-a');
    const bucket = new Bucket(stack, 'Models', { tenant: a, service: ObjectStorageService.swift(), bucketName: 'models' });
    expect(bucket.readAccessRules().map((r) => `${r.method} ${r.path.replace(/\$\{TfToken\[TOKEN\.\d+\]\}/, '<project>')}`)).toEqual([
      'GET /v1/AUTH_<project>/models', 'GET /v1/AUTH_<project>/models/**', 'HEAD /v1/AUTH_<project>/models', 'HEAD /v1/AUTH_<project>/models/**',
    ]);
    expect(bucket.writeAccessRules().map((r) => r.method)).toEqual(['PUT', 'POST', 'DELETE']);
  });

  test('fails when versioning is asked of a service without it', () => {
    const stack = testStack();
    expect(() => new Bucket(stack, 'B', { tenant: tenant(stack, 'A', 'a'), service: ObjectStorageService.cephRgw(), bucketName: 'data', versioning: true })).toThrow(
      'test/B: versioning is asked for but the site\'s Ceph RGW does not version containers; on RGW set rgw_swift_versioning_enabled = true '
      + '(RGW answers X-Versions-Location with 412 otherwise) and declare versioning: true in ObjectStorageService, or leave versioning off',
    );
  });

  test('fails when the bucket name is not DNS-compatible', () => {
    const stack = testStack();
    expect(() => new Bucket(stack, 'B', { tenant: tenant(stack, 'A', 'a'), service: rgw, bucketName: 'My_Data' })).toThrow('test/B: bucket name "My_Data" is not DNS-compatible');
  });

  test('fails when two buckets share a name in the app', () => {
    const app = Testing.app({ stackTraces: false });
    const s1 = new FactoryStack(app, 'one');
    const s2 = new FactoryStack(app, 'two');
    new Bucket(s1, 'B', { tenant: tenant(s1, 'A', 'a'), service: rgw, bucketName: 'data' });
    expect(() => new Bucket(s2, 'B', { tenant: tenant(s2, 'A', 'b'), service: rgw, bucketName: 'data' })).toThrow(
      'two/B: bucket name data is already used by one/B; S3 bucket names are global on RGW, pick another',
    );
  });

  test('fails when the owner is granted access to its own bucket', () => {
    const stack = testStack();
    const a = tenant(stack, 'A', 'a');
    const bucket = new Bucket(stack, 'B', { tenant: a, service: rgw, bucketName: 'data' });
    expect(() => bucket.grantRead(a)).toThrow('test/B: tenant a owns the bucket and can already read it');
  });
});
