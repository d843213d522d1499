import { Project } from './helpers';
import { GpuFlavorFamily } from '../../../constructs/compute/gpu-flavor-family';
import { GpuAttachment } from '../../../lib/hardware/gpu-attachment';
import { ServerProfile } from '../../../lib/hardware/server';
import { resourcesOf, synthStack, testStack } from '../../util';

describe('GpuFlavorFamily', () => {
  test('HGX H200 (GPUs spread): 1, 2, 4 GPUs on one NUMA node under required affinity, 8 GPUs across both', () => {
    const stack = testStack();
    const family = new GpuFlavorFamily(stack, 'H200', { server: ServerProfile.HGX_H200_8GPU });
    const flavors = Object.values(resourcesOf(synthStack(stack), 'openstack_compute_flavor_v2')).map((f: any) => [
      f.name,
      f.vcpus,
      f.extra_specs['hw:numa_nodes'],
      f.extra_specs['hw:pci_numa_affinity_policy'],
    ]);
    expect(flavors).toEqual([
      ['gpu.h200-sxm-141gb.1x', 26, '1', 'required'],
      ['gpu.h200-sxm-141gb.2x', 54, '1', 'required'],
      ['gpu.h200-sxm-141gb.4x', 108, '1', 'required'],
      ['gpu.h200-sxm-141gb.8x', 216, '2', 'required'],
    ]);
    expect(family.flavorFor(8).vcpus).toBe(216);
  });

  test('L40S (GPUs concentrated): 1, 2, 4 GPUs all on NUMA node 0', () => {
    const stack = testStack();
    const family = new GpuFlavorFamily(stack, 'L40s', { server: ServerProfile.L40S_4GPU_BF3 });
    expect(family.flavors.map((f) => f.gpuCount)).toEqual([1, 2, 4]);
    expect(family.flavors.map((f) => (f as any).plan.hostNumaNodes)).toEqual([[0], [0], [0]]);
  });

  test('MIG families default to one instance; prefixes name the flavors; access for all', () => {
    const stack = testStack();
    const family = new GpuFlavorFamily(stack, 'Mig', {
      server: ServerProfile.HGX_H200_8GPU,
      attachment: GpuAttachment.mig('1g.18gb'),
      gpuCounts: [1, 2],
      flavorNamePrefix: 'mig.small',
    });
    family.grantAccess(new Project(stack, 'T', 'team'));
    const tf = synthStack(stack);
    expect(Object.values(resourcesOf(tf, 'openstack_compute_flavor_v2')).map((f: any) => f.name)).toEqual(['mig.small.1x', 'mig.small.2x']);
    expect(Object.keys(resourcesOf(tf, 'openstack_compute_flavor_access_v2'))).toHaveLength(2);
  });

  test('fails when a count is listed twice', () => {
    const stack = testStack();
    expect(() => new GpuFlavorFamily(stack, 'F', { server: ServerProfile.HGX_H200_8GPU, gpuCounts: [1, 1] })).toThrow('test/F: gpuCounts 1, 1 lists a count twice');
  });

  test('fails when a count is missing from the family', () => {
    const stack = testStack();
    const family = new GpuFlavorFamily(stack, 'F', { server: ServerProfile.HGX_H200_8GPU, gpuCounts: [1, 8] });
    expect(() => family.flavorFor(4)).toThrow('test/F: the family has no 4-GPU flavor; it has 1, 8');
  });
});
