import { ironicStack, sensitiveVariables } from './helpers';
import { applyLater, applyNewNode, runCommand, Target } from './ironic-lifecycle';
import { BaremetalNode } from '../../../constructs/compute/baremetal-node';
import { BaremetalNodePool } from '../../../constructs/compute/baremetal-node-pool';
import { BmcCredentials, BmcDriver } from '../../../constructs/compute/bmc';
import { ServerProfile } from '../../../lib/hardware/server';
import { onlyResource, resourcesOf, synthStack } from '../../util';

const hgx = ServerProfile.HGX_H200_8GPU;
const macs = { 'lom0/0': '3c:ec:ef:00:00:01', 'bf3-0/0': 'b8:3f:d2:00:00:01', 'bf3-0/1': 'b8:3f:d2:00:00:02' };

function node(options: { inspect?: boolean; automatedClean?: boolean; makeAvailable?: boolean }) {
  const stack = ironicStack();
  const [u, p] = sensitiveVariables(stack);
  new BaremetalNode(stack, 'N', {
    nodeName: 'gpu-01',
    server: hgx,
    driver: BmcDriver.redfish({ address: 'https://10.0.0.5', credentials: BmcCredentials.fromVariables(u, p) }),
    resourceClass: 'bm',
    macAddresses: macs,
    bonds: [{ bondName: 'bond0', ports: ['bf3-0/0', 'bf3-0/1'] }],
    ...options,
  });
  return synthStack(stack);
}

describe('the model of provider 1.0 and Ironic (ironic-lifecycle.ts)', () => {
  test('rejects the old combination: manage, inspect and available all true', () => {
    // with automated cleaning, provide runs before Terraform created the ports: cleaning fails
    expect(applyNewNode({ manage: true, inspect: true, clean: false, available: true, automatedClean: true })).toEqual({
      state: 'clean failed',
      error: 'Error making node available: node in terminal failure state: clean failed',
    });
    // without it the node reaches available, and then manage has no provider transition out of available
    expect(applyNewNode({ manage: true, inspect: true, clean: false, available: true, automatedClean: false })).toEqual({
      state: 'available',
      error: 'Error managing node: timeout waiting for provision state change after 30m0s',
    });
  });

  test('clean true never succeeds (no clean steps, and a manual clean ends in manageable)', () => {
    expect(applyNewNode({ manage: false, inspect: false, clean: true, available: false, automatedClean: false }).error).toBe(
      'Error cleaning node: timeout waiting for provision state change after 30m0s',
    );
  });

  test('manage true breaks the first update after the node was provided (the action runs again on an available node)', () => {
    const manageOnly = { manage: true, inspect: false, clean: false, available: false, automatedClean: true };
    expect(applyNewNode(manageOnly)).toEqual({ state: 'manageable' });
    expect(applyLater(manageOnly, 'available', 1, true)).toEqual({
      state: 'available',
      error: 'Error managing node: timeout waiting for provision state change after 30m0s',
    });
  });

  test('inspect true is skipped for a new node (it is in enroll when the actions start)', () => {
    expect(applyNewNode({ manage: true, inspect: true, clean: false, available: false, automatedClean: true })).toEqual({ state: 'manageable' });
  });
});

describe('BaremetalNode lifecycle', () => {
  const cases: [boolean, boolean, boolean, string, string[]][] = [
    // inspect, automatedClean, makeAvailable, state after apply, enrollment command verbs
    [true, true, true, 'enroll', ['manage', 'inspect', 'provide']],
    [true, false, true, 'enroll', ['manage', 'inspect', 'provide']],
    [false, true, true, 'enroll', ['manage', 'provide']],
    [false, false, true, 'available', []],
    [true, true, false, 'enroll', ['manage', 'inspect']],
    [true, false, false, 'enroll', ['manage', 'inspect']],
    [false, true, false, 'enroll', ['manage']],
    [false, false, false, 'enroll', ['manage']],
  ];
  test.each(cases)('inspect %s, automatedClean %s, makeAvailable %s: the apply ends %s, then the commands %j', (inspect, automatedClean, makeAvailable, afterApply, verbs) => {
    const tf = node({ inspect, automatedClean, makeAvailable });
    const n = onlyResource(tf, 'ironic_node');
    const actions = { manage: n.manage, inspect: n.inspect, clean: n.clean, available: n.available, automatedClean: n.automated_clean };
    const outcome = applyNewNode(actions);
    expect(outcome).toEqual({ state: afterApply });

    const command: string | undefined = tf.output?.gpu_01_enroll_command?.value;
    const found = command ? [...command.matchAll(/openstack baremetal node (\w+) --wait 0 \$\{ironic_node\.N_[0-9A-F]+\.id\}/g)].map((m) => m[1]) : [];
    expect(found).toEqual(verbs);
    if (command) expect(command.split(' && ')).toHaveLength(verbs.length);

    // after the apply the node has its Terraform ports; the commands take it the rest of the way
    const pxePorts = Object.values(resourcesOf(tf, 'ironic_port')).filter((p: any) => p.pxe_enabled).length;
    let state = outcome.state;
    for (const verb of found as Target[]) {
      const r = runCommand(state, verb, { ports: pxePorts, automatedClean });
      expect(r.error).toBeUndefined();
      state = r.state;
    }
    expect(state).toBe(makeAvailable ? 'available' : 'manageable');

    // a later apply: no drift in the action attributes, and an update of the node (another attribute changed) is harmless
    expect(applyLater(actions, state, pxePorts, false)).toEqual({ state });
    expect(applyLater(actions, state, pxePorts, true)).toEqual({ state });
  });

  test('Terraform owns the ports: bond members join their port group, created after the node', () => {
    const tf = node({});
    const group = onlyResource(tf, 'ironic_port_group');
    expect(group.node_uuid).toMatch(/^\$\{ironic_node\.N_[0-9A-F]+\.id\}$/);
    const members = Object.values(resourcesOf(tf, 'ironic_port')).filter((p: any) => p.port_group_uuid);
    expect(members.map((p: any) => p.address)).toEqual(['b8:3f:d2:00:00:01', 'b8:3f:d2:00:00:02']);
    // inspection is never run by Terraform, so it cannot create the ports first (409 on our ironic_port)
    expect(onlyResource(tf, 'ironic_node').inspect).toBe(false);
  });

  test('fails when verifyInventory is asked for a node that is not inspected', () => {
    const stack = ironicStack();
    const [u, p] = sensitiveVariables(stack);
    expect(
      () =>
        new BaremetalNode(stack, 'N', {
          nodeName: 'gpu-01',
          server: hgx,
          driver: BmcDriver.redfish({ address: 'https://10.0.0.5', credentials: BmcCredentials.fromVariables(u, p) }),
          resourceClass: 'bm',
          macAddresses: macs,
          inspect: false,
          verifyInventory: true,
        }),
    ).toThrow('test/N: verifyInventory reads the inspection inventory, but node gpu-01 is not inspected (inspect false); set inspect true or drop verifyInventory');
  });
});

describe('BaremetalNodePool lifecycle', () => {
  function pool(options: { inspect?: boolean; automatedClean?: boolean } = {}) {
    const stack = ironicStack();
    const p = new BaremetalNodePool(stack, 'Pool', {
      poolName: 'hgx',
      server: hgx,
      nodes: [
        { nodeName: 'a', bmcAddress: 'https://10.0.0.1', macAddresses: { 'lom0/0': '3c:ec:ef:00:00:0a' } },
        { nodeName: 'b', bmcAddress: 'https://10.0.0.2', macAddresses: { 'lom0/0': '3c:ec:ef:00:00:0b' } },
      ],
      ...options,
    });
    return { stack, pool: p };
  }

  test('collects the enrollment commands of its nodes into one output', () => {
    const { stack, pool: p } = pool();
    expect(p.availableAfterApply).toBe(false);
    const tf = synthStack(stack);
    expect(tf.output.hgx_enroll_commands.value.map((c: string) => c.replace(/\$\{[^}]+\}/g, '<uuid>'))).toEqual([
      'openstack baremetal node manage --wait 0 <uuid> && openstack baremetal node inspect --wait 0 <uuid> && openstack baremetal node provide --wait 0 <uuid>',
      'openstack baremetal node manage --wait 0 <uuid> && openstack baremetal node inspect --wait 0 <uuid> && openstack baremetal node provide --wait 0 <uuid>',
    ]);
  });

  test('an allocation from a pool Terraform does not make available warns, with the fix', () => {
    const { pool: p } = pool();
    const allocation = p.allocate('Gw');
    expect(allocation.node.metadata.filter((m) => /warn/.test(m.type)).map((m) => m.data)).toEqual([
      "pool hgx's nodes are not available until its enroll commands ran, so this allocation fails on the first apply: " +
        "run the pool's enroll_commands output and apply again, or give the pool inspect: false and automatedClean: false so Terraform makes its nodes available",
    ]);
    const { stack, pool: ready } = pool({ inspect: false, automatedClean: false });
    expect(ready.availableAfterApply).toBe(true);
    expect(ready.allocate('Gw').node.metadata.filter((m) => /warn/.test(m.type))).toEqual([]);
    expect(synthStack(stack).output).toBeUndefined();
  });
});
