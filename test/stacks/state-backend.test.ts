import * as fs from 'fs';
import * as path from 'path';
import { Testing as TfTesting } from 'cdktf';
import { ComputeFlavorV2 } from '../../generated/terraform/openstack/compute-flavor-v2';
import { FactoryStack } from '../../stacks/factory-stack';
import { S3CompatibleBackend } from '../../stacks/state-backend';
import { synthStack, testStack } from '../util';

const rgw = { endpoint: 'https://rgw.example.net', bucket: 'tfstate' };

describe('FactoryStack s3Backend', () => {
  test('an S3 backend for Ceph RGW: endpoints.s3, path-style, AWS-only checks off, the S3-native lock file', () => {
    const tf = synthStack(testStack({ s3Backend: rgw }, 'site'));
    expect(tf.terraform.backend).toEqual({
      s3: {
        bucket: 'tfstate',
        key: 'site/terraform.tfstate',
        region: 'default',
        endpoints: { s3: 'https://rgw.example.net' },
        use_path_style: true,
        skip_credentials_validation: true,
        skip_requesting_account_id: true,
        skip_metadata_api_check: true,
        skip_region_validation: true,
        use_lockfile: true,
      },
    });
  });

  test('key, region, virtual-hosted URLs, no locking, checksums off and a CA bundle as asked; no credentials in the output', () => {
    const tf = synthStack(testStack({
      s3Backend: { ...rgw, key: 'factory/site.tfstate', region: 'eu-west', usePathStyle: false, locking: false, skipS3Checksum: true, customCaBundle: 'ca.pem' },
    }));
    expect(tf.terraform.backend.s3).toMatchObject({ key: 'factory/site.tfstate', region: 'eu-west', use_path_style: false, skip_s3_checksum: true, custom_ca_bundle: 'ca.pem' });
    expect(tf.terraform.backend.s3.use_lockfile).toBeUndefined();
    expect(Object.keys(tf.terraform.backend.s3).filter((k) => /access_key|secret|token|profile/.test(k))).toEqual([]);
  });

  test('the local backend stays the default', () => {
    expect(synthStack(testStack({}, 'site')).terraform.backend).toEqual({ local: { path: 'terraform.site.tfstate' } });
  });

  test('a consuming stack reads the producer\'s state from the same S3 store', () => {
    const app = TfTesting.app({ stackTraces: false });
    const site = new FactoryStack(app, 'site', { s3Backend: rgw });
    const tenants = new FactoryStack(app, 'tenants', { s3Backend: rgw });
    const flavor = new ComputeFlavorV2(site, 'Flavor', { name: 'f', vcpus: 1, ram: 1024, disk: 0 });
    new ComputeFlavorV2(tenants, 'Copy', { name: 'copy', vcpus: 1, ram: 1024, disk: 0, description: flavor.id });
    app.synth();
    const tf = JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', 'tenants', 'cdk.tf.json'), 'utf8'));
    expect(Object.values(tf.data.terraform_remote_state)).toEqual([{
      backend: 's3',
      config: {
        bucket: 'tfstate',
        key: 'site/terraform.tfstate',
        region: 'default',
        endpoints: { s3: 'https://rgw.example.net' },
        use_path_style: true,
        skip_credentials_validation: true,
        skip_requesting_account_id: true,
        skip_metadata_api_check: true,
        skip_region_validation: true,
      },
      workspace: '${terraform.workspace}',
    }]);
    expect(tf.terraform.backend.s3.key).toBe('tenants/terraform.tfstate');
  });

  test('warns on a plain-http endpoint', () => {
    const stack = testStack({ s3Backend: { ...rgw, endpoint: 'http://rgw.example.net:7480' } });
    expect(stack.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => m.data)).toEqual([
      's3Backend endpoint http://rgw.example.net:7480 is plain http: the state (which holds every resource\'s attributes, secrets included) travels unencrypted; use https',
    ]);
  });

  test('can be added to any stack', () => {
    const stack = testStack();
    new S3CompatibleBackend(stack, { ...rgw, key: 'x/terraform.tfstate' });
    expect(Object.keys(synthStack(stack).terraform.backend)).toEqual(['s3']);
  });

  test('fails when the endpoint has no scheme', () => {
    expect(() => testStack({ s3Backend: { ...rgw, endpoint: 'rgw.example.net' } })).toThrow(
      'test: s3Backend endpoint "rgw.example.net" is not an http(s) URL; give the store\'s S3 URL with its scheme, e.g. https://rgw.example.net',
    );
  });

  test('fails when the bucket is not an S3 bucket name', () => {
    expect(() => testStack({ s3Backend: { ...rgw, bucket: 'TF_State' } })).toThrow(
      'test: s3Backend bucket "TF_State" is not an S3 bucket name; use 3 to 63 lower-case letters, digits, dots and dashes, starting and ending with a letter or digit',
    );
  });

  test('fails when the key is empty or starts with a slash', () => {
    expect(() => testStack({ s3Backend: { ...rgw, key: '/site.tfstate' } })).toThrow(
      'test: s3Backend key "/site.tfstate" must be an object key such as site/terraform.tfstate (not empty, no leading or trailing /)',
    );
  });

  test('fails when the region is empty', () => {
    expect(() => testStack({ s3Backend: { ...rgw, region: ' ' } })).toThrow(
      'test: s3Backend region " " is empty; give the zonegroup api_name (e.g. default) or leave region out',
    );
  });

  test('fails when both a local state file and an S3 backend are given', () => {
    expect(() => testStack({ s3Backend: rgw, localStateFile: 'site.tfstate' })).toThrow(
      'test: localStateFile "site.tfstate" and s3Backend both say where the state lives; give one of them',
    );
  });
});
