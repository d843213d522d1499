import { BlockStorageBackend } from '../../../lib/storage/block-backend';
import { ObjectStorageService } from '../../../lib/storage/object-storage';

describe('ObjectStorageService', () => {
  test('Ceph RGW serves Swift under /swift/v1 and S3 at the endpoint', () => {
    const rgw = ObjectStorageService.cephRgw({ s3EndpointUrl: 'https://rgw.example.net/' });
    expect([rgw.swiftPathPrefix, rgw.s3EndpointUrl, rgw.s3Region, rgw.versioning]).toEqual(['/swift/v1', 'https://rgw.example.net', 'default', false]);
    expect(ObjectStorageService.swift({ versioning: true }).swiftPathPrefix).toBe('/v1');
  });

  test('bucket names: Swift rules always, DNS rules for S3', () => {
    expect(() => ObjectStorageService.checkBucketName('datasets-2026', true)).not.toThrow();
    expect(() => ObjectStorageService.checkBucketName('Datasets_2026', false)).not.toThrow();
  });

  test('fails when a bucket used through S3 has no DNS-compatible name', () => {
    expect(() => ObjectStorageService.checkBucketName('Datasets_2026', true)).toThrow(
      'bucket name "Datasets_2026" is not DNS-compatible; buckets used through S3 need 3 to 63 lower-case letters, digits, dots and dashes, starting and ending with a letter or digit',
    );
  });

  test('fails when a container name has a slash', () => {
    expect(() => ObjectStorageService.checkBucketName('a/b', false)).toThrow('bucket name "a/b" must be 1 to 256 bytes without a slash (Swift container name rules)');
  });

  test('fails when the S3 endpoint is not a URL', () => {
    expect(() => ObjectStorageService.cephRgw({ s3EndpointUrl: 'rgw' })).toThrow('s3EndpointUrl "rgw" must be an http(s) URL such as https://rgw.example.net');
  });
});

describe('BlockStorageBackend', () => {
  test('Ceph RBD: multi-attach as declared, no back-end QoS', () => {
    const rbd = BlockStorageBackend.cephRbd({ backendName: 'ceph-ssd' });
    expect([rbd.backendName, rbd.multiattach, rbd.backEndQos]).toEqual(['ceph-ssd', true, false]);
  });

  test('fails when the backend name is not a volume_backend_name', () => {
    expect(() => BlockStorageBackend.cephRbd({ backendName: 'ceph ssd' })).toThrow('volume_backend_name "ceph ssd" must be letters, digits, dots, dashes or underscores');
  });
});
