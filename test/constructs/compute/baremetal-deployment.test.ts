import { ironicStack } from './helpers';
import { DeployStepInterface, OsImage } from '../../../constructs/compute/baremetal-deployment';
import { BaremetalNodePool } from '../../../constructs/compute/baremetal-node-pool';
import { ServerProfile } from '../../../lib/hardware/server';
import { onlyResource, synthStack } from '../../util';

const sha256 = 'a'.repeat(64);

function pool(stack: any): BaremetalNodePool {
  return new BaremetalNodePool(stack, 'Pool', {
    poolName: 'ingress',
    server: ServerProfile.L40S_4GPU_BF3,
    traits: ['CUSTOM_DPU_BF3'],
    nodes: [
      { nodeName: 'in-01', bmcAddress: '10.0.0.1', macAddresses: { 'lom0/0': '3c:ec:ef:00:00:01' } },
      { nodeName: 'in-02', bmcAddress: '10.0.0.2', macAddresses: { 'lom0/0': '3c:ec:ef:00:00:02' } },
    ],
  });
}

describe('BaremetalAllocation and BaremetalDeployment', () => {
  test('allocates a node of the pool resource class and deploys an image on it', () => {
    const stack = ironicStack();
    const p = pool(stack);
    const alloc = p.allocate('Gw', { allocationName: 'gateway', traits: ['CUSTOM_DPU_BF3'], candidateNodes: [p.nodes[1]] });
    alloc.deploy('Os', {
      image: OsImage.fromUrl('https://img/os.raw', sha256),
      rootGb: 200,
      userData: '#cloud-config\n',
      deploySteps: [{ stepInterface: DeployStepInterface.FIRMWARE, step: 'update', priority: 100, args: { version: '2.1' } }],
    });
    const tf = synthStack(stack);
    expect(onlyResource(tf, 'ironic_allocation')).toMatchObject({
      name: 'gateway',
      resource_class: 'baremetal-l40s-4gpu-bf3',
      traits: ['CUSTOM_DPU_BF3'],
      candidate_nodes: [expect.stringMatching(/^\$\{ironic_node\.Pool_in-02_.*\.id\}$/)],
    });
    expect(onlyResource(tf, 'ironic_deployment')).toMatchObject({
      node_uuid: expect.stringMatching(/^\$\{ironic_allocation\.Pool_Gw_.*\.node_uuid\}$/),
      instance_info: {
        image_source: 'https://img/os.raw',
        image_os_hash_algo: 'sha256',
        image_os_hash_value: sha256,
        root_gb: 200,
        capabilities: '{"boot_mode":"uefi"}',
      },
      user_data: { value: '#cloud-config\n' },
      deploy_steps: [{ interface: 'firmware', step: 'update', priority: 100, args: { version: '2.1' } }],
    });
  });

  test('a node can be deployed directly', () => {
    const stack = ironicStack();
    const p = pool(stack);
    (p.nodes[0] as any).deploy('Os', { image: OsImage.fromGlance('5f0c0e4a-7a5e-4d8f-9a55-000000000001') });
    expect(onlyResource(synthStack(stack), 'ironic_deployment').node_uuid).toMatch(/^\$\{ironic_node\.Pool_in-01_.*\.id\}$/);
  });

  test('fails when an allocation asks for a trait the pool does not have', () => {
    const stack = ironicStack();
    expect(() => pool(stack).allocate('Gw', { traits: ['CUSTOM_GPU_H200'] })).toThrow(
      'test/Pool/Gw: trait CUSTOM_GPU_H200 is not a trait of pool ingress (its traits: CUSTOM_DPU_BF3); no node could be allocated',
    );
  });

  test('fails when an image checksum is MD5', () => {
    expect(() => OsImage.fromUrl('https://img/os.raw', 'd41d8cd98f00b204e9800998ecf8427e')).toThrow(
      'image checksum is an MD5 digest, which Ironic no longer accepts by default; give a SHA-256 or SHA-512 digest',
    );
  });

  test('fails when a deploy step has priority 0', () => {
    const stack = ironicStack();
    const alloc = pool(stack).allocate('Gw');
    expect(() => alloc.deploy('Os', { image: OsImage.fromGlance('x'), deploySteps: [{ stepInterface: DeployStepInterface.RAID, step: 'create_configuration', priority: 0 }] })).toThrow(
      'test/Pool/Gw/Os: deploy step raid.create_configuration: priority 0 must be a positive integer (0 disables a step)',
    );
  });
});
