import { FakeProject } from './fixtures';
import { NetworkQosPolicy } from '../../../constructs/network/qos-policy';
import { QosDirection } from '../../../lib/net/qos';
import { onlyResource, resourcesOf, synthStack, testStack } from '../../util';

describe('NetworkQosPolicy', () => {
  test('bandwidth limit, minimum bandwidth and DSCP rules on one policy', () => {
    const stack = testStack();
    const qos = new NetworkQosPolicy(stack, 'Storage', { description: 'storage traffic' });
    qos.addBandwidthLimit({ maxKbps: 25_000_000, maxBurstKbps: 2_500_000 });
    qos.addBandwidthLimit({ maxKbps: 25_000_000, direction: QosDirection.INGRESS });
    qos.addMinimumBandwidth({ minKbps: 10_000_000 });
    qos.addDscpMarking(26);
    const tf = synthStack(stack);
    expect(onlyResource(tf, 'openstack_networking_qos_policy_v2')).toEqual({ name: 'storage', description: 'storage traffic' });
    const limits = Object.values(resourcesOf(tf, 'openstack_networking_qos_bandwidth_limit_rule_v2'));
    expect(limits).toEqual(expect.arrayContaining([
      { qos_policy_id: expect.stringContaining('Storage_'), max_kbps: 25000000, max_burst_kbps: 2500000, direction: 'egress' },
      { qos_policy_id: expect.stringContaining('Storage_'), max_kbps: 25000000, direction: 'ingress' },
    ]));
    expect(onlyResource(tf, 'openstack_networking_qos_minimum_bandwidth_rule_v2')).toMatchObject({ min_kbps: 10000000, direction: 'egress' });
    expect(onlyResource(tf, 'openstack_networking_qos_dscp_marking_rule_v2')).toMatchObject({ dscp_mark: 26 });
  });

  test('shared with a project through RBAC on the qos_policy', () => {
    const stack = testStack();
    const qos = new NetworkQosPolicy(stack, 'Gold');
    const acme = new FakeProject(stack, 'Acme');
    qos.shareWith(acme);
    qos.shareWith(acme);
    expect(onlyResource(synthStack(stack), 'openstack_networking_rbac_policy_v2')).toEqual({
      action: 'access_as_shared', object_type: 'qos_policy', object_id: expect.stringContaining('Gold_'), target_tenant: 'acme-id',
    });
  });

  test('fails when a DSCP mark is invalid', () => {
    expect(() => new NetworkQosPolicy(testStack(), 'Q').addDscpMarking(47)).toThrow('test/Q: DSCP mark 47 is not one Neutron accepts');
  });

  test('fails when a direction gets a second limit', () => {
    const qos = new NetworkQosPolicy(testStack(), 'Q');
    qos.addBandwidthLimit({ maxKbps: 1000 });
    expect(() => qos.addBandwidthLimit({ maxKbps: 2000 })).toThrow('test/Q: the policy already has an egress bandwidth limit; Neutron allows one per direction');
  });

  test('fails when the minimum is above the limit', () => {
    const qos = new NetworkQosPolicy(testStack(), 'Q');
    qos.addBandwidthLimit({ maxKbps: 1000 });
    expect(() => qos.addMinimumBandwidth({ minKbps: 2000 })).toThrow('test/Q: egress minimum 2000 kbps is above the 1000 kbps limit of the policy; lower it');
  });

  test('fails when a rate is zero', () => {
    expect(() => new NetworkQosPolicy(testStack(), 'Q').addMinimumBandwidth({ minKbps: 0 })).toThrow(
      'test/Q: minKbps 0 must be a whole number from 1 to 2147483647 (kilobits per second; 100 Gbit/s = 100000000)');
  });
});
