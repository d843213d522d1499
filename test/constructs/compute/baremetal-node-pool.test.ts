import { ironicStack } from './helpers';
import { BaremetalNodePool, BaremetalNodeSpec } from '../../../constructs/compute/baremetal-node-pool';
import { BmcCredentials } from '../../../constructs/compute/bmc';
import { BootInterfaceType } from '../../../lib/hardware/ironic-boot';
import { ServerProfile } from '../../../lib/hardware/server';
import { dataSourcesOf, resourcesOf, synthStack } from '../../util';

const hgx = ServerProfile.HGX_H200_8GPU;

function spec(i: number): BaremetalNodeSpec {
  return {
    nodeName: `gpu-0${i}`,
    bmcAddress: `https://10.0.0.${i}`,
    macAddresses: { 'lom0/0': `3c:ec:ef:00:00:0${i}`, 'bf3-0/0': `b8:3f:d2:00:00:0${i}`, 'bf3-0/1': `b8:3f:d2:00:01:0${i}` },
  };
}

describe('BaremetalNodePool', () => {
  test('enrolls the inventory under one resource class with the pool credentials as sensitive variables', () => {
    const stack = ironicStack();
    const pool = new BaremetalNodePool(stack, 'Pool', { poolName: 'hgx', server: hgx, nodes: [spec(1), spec(2)] });
    const tf = synthStack(stack);
    const nodes = Object.values(resourcesOf(tf, 'ironic_node'));
    expect(nodes.map((n: any) => [n.name, n.resource_class, n.driver_info.redfish_address, n.driver_info.redfish_password])).toEqual([
      ['gpu-01', 'baremetal-hgx-h200-8gpu', 'https://10.0.0.1', '${var.hgx_bmc_password}'],
      ['gpu-02', 'baremetal-hgx-h200-8gpu', 'https://10.0.0.2', '${var.hgx_bmc_password}'],
    ]);
    expect(tf.variable).toEqual({
      hgx_bmc_username: { type: 'string', sensitive: true, description: 'BMC (Redfish) user name of the nodes of pool hgx' },
      hgx_bmc_password: { type: 'string', sensitive: true, description: 'BMC (Redfish) password of the nodes of pool hgx' },
    });
    expect(pool.placementResourceClass).toBe('CUSTOM_BAREMETAL_HGX_H200_8GPU');
    expect(pool.nodes.map((n) => n.nodeName)).toEqual(['gpu-01', 'gpu-02']);
  });

  test('bonds and provisioning ports apply to every node; addNode enrolls more', () => {
    const stack = ironicStack();
    const pool = new BaremetalNodePool(stack, 'Pool', {
      poolName: 'hgx',
      server: hgx,
      nodes: [spec(1)],
      bonds: [{ bondName: 'bond0', ports: ['bf3-0/0', 'bf3-0/1'] }],
    });
    pool.addNode(spec(2));
    const tf = synthStack(stack);
    expect(Object.values(resourcesOf(tf, 'ironic_port_group')).map((g: any) => g.name)).toEqual(['gpu-01-bond0', 'gpu-02-bond0']);
    expect(Object.values(resourcesOf(tf, 'ironic_port')).filter((p: any) => p.pxe_enabled)).toHaveLength(2);
  });

  test('the pool names its boot interface, so a provisioning network can take its DHCP from it', () => {
    const stack = ironicStack();
    const vmedia = new BaremetalNodePool(stack, 'Pool', { poolName: 'hgx', server: hgx, nodes: [spec(1)] });
    const pxe = new BaremetalNodePool(stack, 'Pxe', {
      poolName: 'pxe',
      server: ServerProfile.L40S_4GPU_BF3,
      bootInterface: BootInterfaceType.IPXE,
      nodes: [{ nodeName: 'pxe-1', bmcAddress: 'https://10.0.1.1', macAddresses: { 'lom0/0': '3c:ec:ef:01:00:01' } }],
    });
    expect([vmedia.bootInterface, pxe.bootInterface]).toEqual(['redfish-virtual-media', 'ipxe']);
    expect(Object.values(resourcesOf(synthStack(stack), 'ironic_node')).map((n: any) => n.boot_interface)).toEqual(['redfish-virtual-media', 'ipxe']);
  });

  test('one trait-command output for the pool, with per-node extra traits', () => {
    const stack = ironicStack();
    new BaremetalNodePool(stack, 'Pool', {
      poolName: 'hgx',
      server: hgx,
      traits: ['CUSTOM_IB_NDR'],
      nodes: [spec(1), { ...spec(2), traits: ['CUSTOM_RACK_A'] }],
    });
    const tf = synthStack(stack);
    expect(Object.keys(tf.output).sort()).toEqual(['hgx_enroll_commands', 'hgx_trait_commands']);
    expect(tf.output.hgx_trait_commands.value.map((c: string) => c.replace(/\$\{[^}]+\}/, '<uuid>'))).toEqual([
      'openstack baremetal node add trait <uuid> CUSTOM_IB_NDR',
      'openstack baremetal node add trait <uuid> CUSTOM_IB_NDR CUSTOM_RACK_A',
    ]);
  });

  test('credentials from Barbican: one data source per secret, shared by all nodes', () => {
    const stack = ironicStack();
    new BaremetalNodePool(stack, 'Pool', {
      poolName: 'hgx',
      server: hgx,
      nodes: [spec(1), spec(2)],
      credentials: BmcCredentials.fromKeyManager({ usernameSecretName: 'bmc-user', passwordSecretName: 'bmc-pass' }),
    });
    const tf = synthStack(stack);
    expect(Object.values(dataSourcesOf(tf, 'openstack_keymanager_secret_v1')).map((d: any) => d.name)).toEqual(['bmc-pass', 'bmc-user']);
    const passwords = Object.values(resourcesOf(tf, 'ironic_node')).map((n: any) => n.driver_info.redfish_password);
    expect(new Set(passwords)).toEqual(new Set(['${data.openstack_keymanager_secret_v1.BmcSecret-bmc-pass.payload}']));
    expect(tf.variable).toBeUndefined();
  });

  test('fails when two pools use the same resource class', () => {
    const stack = ironicStack();
    new BaremetalNodePool(stack, 'A', { poolName: 'a', server: hgx, nodes: [spec(1)], resourceClass: 'gpu.large' });
    expect(() => new BaremetalNodePool(stack, 'B', { poolName: 'b', server: ServerProfile.L40S_4GPU_BF3, resourceClass: 'GPU-LARGE' })).toThrow(
      'test/B: resource class GPU-LARGE (Placement CUSTOM_GPU_LARGE) is already used by pool a (server profile hgx-h200-8gpu); ' +
        'every pool needs its own resource class, or bare-metal flavors cannot tell the servers apart',
    );
  });

  test('fails when two pools enroll the same MAC', () => {
    const stack = ironicStack();
    new BaremetalNodePool(stack, 'A', { poolName: 'a', server: hgx, nodes: [spec(1)] });
    expect(
      () => new BaremetalNodePool(stack, 'B', { poolName: 'b', server: hgx, resourceClass: 'other', nodes: [{ ...spec(2), macAddresses: { 'lom0/0': '3c:ec:ef:00:00:01' } }] }),
    ).toThrow('test/B/gpu-02: MAC 3c:ec:ef:00:00:01 is used by node gpu-01 (lom0/0) and node gpu-02 (lom0/0); every port needs its own MAC');
  });

  test('fails when two nodes of the inventory share a BMC', () => {
    const stack = ironicStack();
    expect(() => new BaremetalNodePool(stack, 'P', { poolName: 'p', server: hgx, nodes: [spec(1), { ...spec(2), bmcAddress: '10.0.0.1' }] })).toThrow(
      'test/P/gpu-02: BMC address 10.0.0.1 is used by node gpu-01 and node gpu-02; every node needs its own BMC (or its own Redfish systemId)',
    );
  });

  test('fails when a node is listed twice', () => {
    const stack = ironicStack();
    expect(() => new BaremetalNodePool(stack, 'P', { poolName: 'p', server: hgx, nodes: [spec(1), spec(1)] })).toThrow(
      'test/P: node gpu-01 is listed twice in pool p',
    );
  });

  test('fails at synth when the pool has no nodes', () => {
    const stack = ironicStack();
    const pool = new BaremetalNodePool(stack, 'P', { poolName: 'p', server: hgx });
    expect(pool.node.validate()).toEqual(['pool p has no nodes; list the inventory in nodes or call addNode()']);
  });
});
