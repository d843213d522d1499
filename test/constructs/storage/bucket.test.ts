import { Testing } from 'cdktf';
import { Bucket } from '../../../constructs/storage/bucket';
import { ObjectStorageService } from '../../../lib/storage/object-storage';
import { FactoryStack } from '../../../stacks/factory-stack';
import { onlyResource, synthStack, testStack } from '../../util';
import { tenant } from '../identity/fixtures';

const rgw = ObjectStorageService.cephRgw({ s3EndpointUrl: 'https://rgw.example.net', versioning: true });

describe('Bucket', () => {
  test('a versioned container in the tenant\'s account, never force-destroyed, protected', () => {
    const stack = testStack();
    const a = tenant(stack, 'A', 'tenant-a');
    new Bucket(stack, 'Datasets', { tenant: a, service: rgw, bucketName: 'tenant-a-datasets', storagePolicy: 'nvme' });
    expect(onlyResource(synthStack(stack), 'openstack_objectstorage_container_v1')).toEqual({
      name: 'tenant-a-datasets',
      versioning: true,
      storage_policy: 'nvme',
      force_destroy: false,
      provider: 'openstack.project_tenant_a',
      depends_on: [expect.stringMatching(/^openstack_identity_project_v3\./), expect.stringMatching(/^openstack_identity_role_assignment_v3\./)],
      lifecycle: { prevent_destroy: true },
    });
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
    const r = onlyResource(synthStack(stack), 'openstack_objectstorage_container_v1');
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
      'test/B: versioning is asked for but the site\'s Ceph RGW does not support container versioning; declare it in ObjectStorageService (versioning: true) once the operator enabled it, or leave versioning off',
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
