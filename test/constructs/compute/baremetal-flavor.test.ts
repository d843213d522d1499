import { ironicStack, Project } from './helpers';
import { BaremetalFlavor } from '../../../constructs/compute/baremetal-flavor';
import { BaremetalNodePool } from '../../../constructs/compute/baremetal-node-pool';
import { GpuAttachmentKind } from '../../../lib/hardware/gpu-attachment';
import { ServerProfile } from '../../../lib/hardware/server';
import { onlyResource, synthStack } from '../../util';

function pool(stack: any, traits: string[] = []): BaremetalNodePool {
  return new BaremetalNodePool(stack, 'Pool', {
    poolName: 'hgx',
    server: ServerProfile.HGX_H200_8GPU,
    traits,
    nodes: [{ nodeName: 'gpu-01', bmcAddress: '10.0.0.1', macAddresses: { 'lom0/0': '3c:ec:ef:00:00:01' } }],
  });
}

describe('BaremetalFlavor', () => {
  test('requests exactly one unit of the pool resource class and zero VCPU, MEMORY_MB and DISK_GB', () => {
    const stack = ironicStack();
    new BaremetalFlavor(stack, 'Bm', { pool: pool(stack) });
    expect(onlyResource(synthStack(stack), 'openstack_compute_flavor_v2')).toEqual(
      expect.objectContaining({
        name: 'bm.hgx-h200-8gpu',
        vcpus: 224,
        ram: 2048 * 1024,
        disk: 1919,
        is_public: false,
        extra_specs: {
          'capabilities:boot_mode': 'uefi',
          'resources:CUSTOM_BAREMETAL_HGX_H200_8GPU': '1',
          'resources:DISK_GB': '0',
          'resources:MEMORY_MB': '0',
          'resources:VCPU': '0',
        },
      }),
    );
  });

  test('takes aggregate pinning, forbidden traits and Ironic capabilities as extra specs', () => {
    const stack = ironicStack();
    new BaremetalFlavor(stack, 'Bm', {
      pool: pool(stack),
      extraSpecs: { 'aggregate_instance_extra_specs:rack': 'r01', 'trait:CUSTOM_MAINTENANCE': 'forbidden', 'capabilities:disk_label': 'gpt' },
    });
    expect(onlyResource(synthStack(stack), 'openstack_compute_flavor_v2').extra_specs).toEqual({
      'aggregate_instance_extra_specs:rack': 'r01',
      'capabilities:boot_mode': 'uefi',
      'capabilities:disk_label': 'gpt',
      'resources:CUSTOM_BAREMETAL_HGX_H200_8GPU': '1',
      'resources:DISK_GB': '0',
      'resources:MEMORY_MB': '0',
      'resources:VCPU': '0',
      'trait:CUSTOM_MAINTENANCE': 'forbidden',
    });
  });

  test('fails when an extra spec asks a bare-metal node for CPU pinning or another resource', () => {
    const stack = ironicStack();
    const p = pool(stack);
    expect(() => new BaremetalFlavor(stack, 'A', { pool: p, extraSpecs: { 'hw:cpu_policy': 'dedicated' } })).toThrow(
      'test/A: extra spec hw:cpu_policy is refused: Nova turns it into a CPU pinning, NUMA, memory-encryption or PCI request that no Ironic node can meet (No valid host)');
    expect(() => new BaremetalFlavor(stack, 'B', { pool: p, extraSpecs: { 'resources:MEMORY_MB': '1024' } })).toThrow(
      'test/B: extra spec resources:MEMORY_MB="1024" contradicts the derived resources:MEMORY_MB="0"');
    expect(() => new BaremetalFlavor(stack, 'C', { pool: p, extraSpecs: { 'capabilities:boot_mode': 'bios' } })).toThrow(
      'test/C: extra spec capabilities:boot_mode="bios" contradicts the derived capabilities:boot_mode="uefi"');
  });

  test('is an IGpuFlavor that is really bare metal', () => {
    const stack = ironicStack();
    const f = new BaremetalFlavor(stack, 'Bm', { pool: pool(stack) });
    expect([f.bareMetal, f.attachmentKind, f.gpuCount, f.gpuModel.name, f.gpuResourceClass, f.placementResources, f.gpuMemoryGb]).toEqual([
      true,
      GpuAttachmentKind.BARE_METAL,
      8,
      'h200-sxm-141gb',
      'CUSTOM_BAREMETAL_HGX_H200_8GPU',
      { CUSTOM_BAREMETAL_HGX_H200_8GPU: 1 },
      141,
    ]);
  });

  test('required traits become trait extra specs; access can be granted', () => {
    const stack = ironicStack();
    const f = new BaremetalFlavor(stack, 'Bm', { pool: pool(stack, ['CUSTOM_IB_NDR']), requiredTraits: ['CUSTOM_IB_NDR'], flavorName: 'bm.h200' });
    f.grantAccess(new Project(stack, 'T', 'team'));
    const tf = synthStack(stack);
    expect(onlyResource(tf, 'openstack_compute_flavor_v2').extra_specs['trait:CUSTOM_IB_NDR']).toBe('required');
    expect(onlyResource(tf, 'openstack_compute_flavor_access_v2').tenant_id).toBe('project-team');
  });

  test('fails when a required trait is not on the pool', () => {
    const stack = ironicStack();
    expect(() => new BaremetalFlavor(stack, 'Bm', { pool: pool(stack), requiredTraits: ['CUSTOM_IB_NDR'] })).toThrow(
      'test/Bm: required trait CUSTOM_IB_NDR is not a trait of pool hgx (its traits: none); no node would match the flavor',
    );
  });

  test('fails when the disk is larger than the nodes local_gb', () => {
    const stack = ironicStack();
    expect(() => new BaremetalFlavor(stack, 'Bm', { pool: pool(stack), diskGb: 2000 })).toThrow(
      "test/Bm: diskGb 2000 must be between 0 and the nodes' local_gb 1919 (root disk of hgx-h200-8gpu)",
    );
  });
});
