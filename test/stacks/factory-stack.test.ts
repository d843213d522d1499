import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { AnnotationMetadataEntryType, App, S3Backend, Testing as TfTesting } from 'cdktf';
import { BlockstorageVolumeV3 } from '../../generated/terraform/openstack/blockstorage-volume-v3';
import { ComputeFlavorV2 } from '../../generated/terraform/openstack/compute-flavor-v2';
import { FactoryStack } from '../../stacks/factory-stack';
import { ServingChart } from '../../stacks/serving-chart';
import { synthChart, synthStack, testStack } from '../util';

describe('FactoryStack', () => {
  test('configures the OpenStack provider from a clouds.yaml entry and a relative local state file', () => {
    const tf = synthStack(testStack({ cloud: 'site-a', region: 'RegionOne' }, 'site'));
    expect(tf.provider.openstack).toEqual([{ cloud: 'site-a', region: 'RegionOne' }]);
    expect(tf.terraform.backend).toEqual({ local: { path: 'terraform.site.tfstate' } });
    expect(tf.terraform.required_providers.openstack).toEqual({ source: 'terraform-provider-openstack/openstack', version: '3.4.0' });
  });

  test('adds the Ironic provider only when asked', () => {
    expect(synthStack(testStack()).provider.ironic).toBeUndefined();
    const tf = synthStack(testStack({ ironic: { url: 'https://ironic.example.net:6385' } }));
    expect(tf.provider.ironic).toEqual([{ url: 'https://ironic.example.net:6385', microversion: '1.81' }]);
    expect(tf.terraform.required_providers.ironic).toEqual({ source: 'metal3-community/ironic', version: '1.0.0' });
  });

  test('a user backend replaces the default local backend', () => {
    const stack = testStack();
    new S3Backend(stack, { bucket: 'tfstate', key: 'site.tfstate', region: 'us-east-1' });
    const tf = synthStack(stack);
    expect(Object.keys(tf.terraform.backend)).toEqual(['s3']);
  });
});

describe('ServingChart', () => {
  test('renders its Namespace without a namespace field and puts objects in it', () => {
    const chart = new ServingChart(Testing.app(), 'serving', { namespaceName: 'llm', labels: { team: 'ai' } });
    const [ns] = synthChart(chart);
    expect(ns).toEqual({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'llm', labels: { team: 'ai' } } });
  });
});

describe('FactoryStack data safety', () => {
  test('refuses a stateful resource that lost its protection', () => {
    const stack = testStack();
    const raw = new BlockstorageVolumeV3(stack, 'Raw', { name: 'raw', size: 10 });
    expect(() => (stack.node.scope as App).synth()).toThrow(
      '[test/Raw] openstack_blockstorage_volume_v3 holds data but has no lifecycle.prevent_destroy; create it through a cdk-ai-factory construct, ' +
        'or call Stateful.protect(resource) (DataProtection.allowDestroy(reason) to opt out)',
    );
    // the same filter the next test uses finds the error here, so that test can fail
    expect(raw.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.ERROR)).toHaveLength(1);
  });

  test('the checks can be turned off', () => {
    const stack = testStack({ dataSafetyChecks: false });
    const volume = new BlockstorageVolumeV3(stack, 'Raw', { name: 'raw', size: 10 });
    (stack.node.scope as App).synth();
    expect(volume.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.ERROR)).toEqual([]);
  });
});

describe('FactoryStack cross-stack references', () => {
  test('a consuming stack reads the producer state from the producer working directory', () => {
    const app = TfTesting.app({ stackTraces: false });
    const site = new FactoryStack(app, 'site');
    const tenants = new FactoryStack(app, 'tenants');
    const flavor = new ComputeFlavorV2(site, 'Flavor', { name: 'f', vcpus: 1, ram: 1024, disk: 0 });
    new ComputeFlavorV2(tenants, 'Copy', { name: 'copy', vcpus: 1, ram: 1024, disk: 0, description: flavor.id });
    app.synth();
    const tf = JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', 'tenants', 'cdk.tf.json'), 'utf8'));
    expect(Object.values(tf.data.terraform_remote_state)).toEqual([
      expect.objectContaining({ backend: 'local', config: { path: '../site/terraform.site.tfstate' }, workspace: '${terraform.workspace}' }),
    ]);
    expect(tf.terraform.backend).toEqual({ local: { path: 'terraform.tenants.tfstate' } });
  });
});
