import { Testing } from 'cdk8s';
import { S3Backend } from 'cdktf';
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
