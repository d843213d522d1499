import { GpuFlavor } from '../../../constructs/compute/gpu-flavor';
import { ServerProfile } from '../../../lib/hardware/server';
import { onlyResource, synthStack, testStack } from '../../util';

describe('GpuFlavor', () => {
  test('renders openstack_compute_flavor_v2 with the planned sizes and NUMA extra specs', () => {
    const stack = testStack();
    const flavor = new GpuFlavor(stack, 'H200x1', { server: ServerProfile.HGX_H200_8GPU, gpuCount: 1 });
    const tf = onlyResource(synthStack(stack), 'openstack_compute_flavor_v2');
    expect(tf).toMatchObject({
      name: 'gpu.h200-sxm-141gb.1x',
      vcpus: 26,
      ram: 252 * 1024,
      disk: 100,
      is_public: false,
      extra_specs: {
        'hw:cpu_policy': 'dedicated',
        'hw:numa_nodes': '1',
        'hw:pci_numa_affinity_policy': 'required',
        'pci_passthrough:alias': 'h200-sxm-141gb:1',
      },
    });
    expect(flavor.gpuCount).toBe(1);
    expect(flavor.flavorId).toMatch(/^\$\{TfToken\[/);
  });

  test('honours a custom name, alias and disk', () => {
    const stack = testStack();
    new GpuFlavor(stack, 'F', { server: ServerProfile.HGX_H200_8GPU, gpuCount: 2, flavorName: 'g2.h200', pciAlias: 'h200', diskGb: 0, isPublic: true });
    const tf = onlyResource(synthStack(stack), 'openstack_compute_flavor_v2');
    expect(tf).toMatchObject({ name: 'g2.h200', disk: 0, is_public: true, extra_specs: { 'pci_passthrough:alias': 'h200:2' } });
  });

  test('fails when the flavor asks for more GPUs than the server has, naming the construct', () => {
    const stack = testStack();
    expect(() => new GpuFlavor(stack, 'TooMany', { server: ServerProfile.HGX_H200_8GPU, gpuCount: 9 })).toThrow(
      'test/TooMany: gpuCount 9 is more than the 8 GPUs of server profile hgx-h200-8gpu; use 1 to 8',
    );
  });
});
