import { GpuModel } from '../../../lib/hardware/gpu';
import { GpuResourceClass } from '../../../lib/tenancy/gpu-resource-class';

describe('GpuResourceClass', () => {
  test('PCI passthrough in Placement uses CUSTOM_PCI_<VENDOR>_<PRODUCT>, one unit per GPU', () => {
    const rc = GpuResourceClass.pciPassthrough(GpuModel.H200_SXM_141GB);
    expect(rc.resourceClass).toBe('CUSTOM_PCI_10DE_2335');
    expect(rc.limitResourceName).toBe('class:CUSTOM_PCI_10DE_2335');
    expect(rc.unitsPerServer(4)).toBe(4);
    expect(GpuResourceClass.pciPassthrough(GpuModel.MI300X_192GB).resourceClass).toBe('CUSTOM_PCI_1002_74A1');
  });

  test('vGPU is VGPU, or the mdev_class the operator configured', () => {
    expect(GpuResourceClass.vgpu().limitResourceName).toBe('class:VGPU');
    expect(GpuResourceClass.vgpu('nvidia-36').resourceClass).toBe('CUSTOM_NVIDIA_36');
    expect(GpuResourceClass.vgpu('CUSTOM_NVIDIA_36').resourceClass).toBe('CUSTOM_NVIDIA_36');
  });

  test('bare metal normalises the node resource class and counts one unit per server', () => {
    const rc = GpuResourceClass.bareMetal('baremetal.gpu-H200');
    expect(rc.resourceClass).toBe('CUSTOM_BAREMETAL_GPU_H200');
    expect(rc.unitsPerServer(8)).toBe(1);
  });

  test('a [pci] alias resource class is normalised like Placement does', () => {
    expect(GpuResourceClass.pciAlias('h100 sxm').resourceClass).toBe('CUSTOM_H100_SXM');
    expect(GpuResourceClass.normalize('pgpu')).toBe('PGPU');
  });

  test('fails when the resource class name is empty', () => {
    expect(() => GpuResourceClass.bareMetal('  ')).toThrow('a resource class name must not be empty');
  });
});
