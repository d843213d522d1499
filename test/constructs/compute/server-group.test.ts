import { ServerGroup, ServerGroupPolicy } from '../../../constructs/compute/server-group';
import { resourcesOf, synthStack, testStack } from '../../util';

describe('ServerGroup', () => {
  test('renders each policy, and the per-host rule for anti-affinity', () => {
    const stack = testStack();
    new ServerGroup(stack, 'A', { serverGroupName: 'a', policy: ServerGroupPolicy.AFFINITY });
    new ServerGroup(stack, 'B', { serverGroupName: 'b', policy: ServerGroupPolicy.ANTI_AFFINITY, maxServersPerHost: 2 });
    new ServerGroup(stack, 'C', { serverGroupName: 'c', policy: ServerGroupPolicy.SOFT_AFFINITY });
    const g = new ServerGroup(stack, 'D', { serverGroupName: 'd', policy: ServerGroupPolicy.SOFT_ANTI_AFFINITY });
    const groups = Object.values(resourcesOf(synthStack(stack), 'openstack_compute_servergroup_v2')).map((r: any) => [r.name, r.policies, r.rules]);
    expect(groups).toEqual([
      ['a', ['affinity'], undefined],
      ['b', ['anti-affinity'], { max_server_per_host: 2 }],
      ['c', ['soft-affinity'], undefined],
      ['d', ['soft-anti-affinity'], undefined],
    ]);
    expect(g.serverGroupId).toMatch(/^\$\{TfToken\[/);
  });

  test('fails when a per-host maximum is given without anti-affinity', () => {
    const stack = testStack();
    expect(() => new ServerGroup(stack, 'G', { serverGroupName: 'g', policy: ServerGroupPolicy.SOFT_ANTI_AFFINITY, maxServersPerHost: 2 })).toThrow(
      'test/G: maxServersPerHost applies only to the anti-affinity policy, not soft-anti-affinity; drop it or use ServerGroupPolicy.ANTI_AFFINITY',
    );
  });
});
