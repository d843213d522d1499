import { GpuModel } from '../../../lib/hardware/gpu';
import { GpuAttachment, GpuAttachmentKind, PciDeviceType } from '../../../lib/hardware/gpu-attachment';

describe('GpuAttachment', () => {
  test('passthrough defaults: alias = GPU model name, device type from the model, Nova default PCI resource class', () => {
    expect(GpuAttachment.passthrough().resolve(GpuModel.H200_SXM_141GB)).toMatchObject({
      kind: GpuAttachmentKind.PASSTHROUGH,
      instancesPerGpu: 1,
      unitMemoryGb: 141,
      pciAlias: 'h200-sxm-141gb',
      pciDeviceType: PciDeviceType.TYPE_PF,
      resourceClass: 'CUSTOM_PCI_10DE_2335',
    });
    // a model not known to be SR-IOV capable stays type-PCI; deviceType overrides either way
    expect(GpuAttachment.passthrough().resolve(GpuModel.MI350X_288GB).pciDeviceType).toBe(PciDeviceType.TYPE_PCI);
    const forced = GpuAttachment.passthrough({ deviceType: PciDeviceType.TYPE_PCI });
    expect(forced.resolve(GpuModel.H200_SXM_141GB).pciDeviceType).toBe(PciDeviceType.TYPE_PCI);
  });

  test('time-sliced vGPU: framebuffer from the type name, instances per GPU from the GPU memory', () => {
    expect(GpuAttachment.vgpu('H100XM-20C').resolve(GpuModel.H100_SXM5_80GB)).toMatchObject({
      kind: GpuAttachmentKind.VGPU,
      unitMemoryGb: 20,
      instancesPerGpu: 4,
      resourceClass: 'VGPU',
      trait: 'CUSTOM_H100XM_20C',
      vgpuType: 'H100XM-20C',
    });
    expect(GpuAttachment.vgpu('grid-x', { framebufferGb: 16 }).resolve(GpuModel.L40S_48GB)).toMatchObject({ instancesPerGpu: 3 });
  });

  test('MIG-backed vGPU: default count is the profile maximum, default trait CUSTOM_MIG_<PROFILE>', () => {
    expect(GpuAttachment.mig('1g.18gb+me').resolve(GpuModel.H200_SXM_141GB)).toMatchObject({
      kind: GpuAttachmentKind.MIG_VGPU,
      instancesPerGpu: 1,
      unitMemoryGb: 18,
      trait: 'CUSTOM_MIG_1G_18GB_ME',
    });
  });

  test('fails when vGPU is asked of a GPU without vGPU', () => {
    expect(() => GpuAttachment.vgpu('MI300X-96').resolve(GpuModel.MI300X_192GB)).toThrow(
      'AMD Instinct MI300X does not support NVIDIA vGPU, so vGPU type MI300X-96 cannot be used; use GpuAttachment.passthrough()',
    );
  });

  test('fails when a MIG profile is not offered by the GPU model', () => {
    expect(() => GpuAttachment.mig('1g.10gb').resolve(GpuModel.H200_SXM_141GB)).toThrow(
      'MIG profile "1g.10gb" does not exist on NVIDIA H200 SXM 141GB; its profiles are 1g.18gb, 1g.35gb, 2g.35gb, 3g.71gb, 4g.71gb, 7g.141gb or 1g.18gb+me',
    );
  });

  test('fails when MIG is asked of a GPU without MIG', () => {
    expect(() => GpuAttachment.mig('1g.10gb').resolve(GpuModel.L40S_48GB)).toThrow(
      'NVIDIA L40S has no MIG profiles; MIG profile "1g.10gb" cannot be used (use a MIG-capable GPU such as H100 or H200)',
    );
  });

  test('fails when more MIG instances are asked than the GPU allows', () => {
    expect(() => GpuAttachment.mig('3g.71gb', { instancesPerGpu: 3 }).resolve(GpuModel.H200_SXM_141GB)).toThrow(
      '3 instances of MIG profile 3g.71gb do not fit one NVIDIA H200 SXM 141GB; it allows at most 2',
    );
  });

  test('fails when the vGPU framebuffer cannot be read from the type name', () => {
    expect(() => GpuAttachment.vgpu('mystery').resolve(GpuModel.L40S_48GB)).toThrow(
      'cannot tell the framebuffer of vGPU type mystery from its name; give framebufferGb',
    );
  });

  test('fails when too many vGPUs of a type are asked of one GPU', () => {
    expect(() => GpuAttachment.vgpu('L40S-24Q', { instancesPerGpu: 3 }).resolve(GpuModel.L40S_48GB)).toThrow(
      'vGPU type L40S-24Q: 3 instances of 24 GB do not fit the 48 GB of NVIDIA L40S; use at most 2',
    );
  });

  test('fails when a trait is not a Placement trait name', () => {
    expect(() => GpuAttachment.vgpu('L40S-12Q', { trait: 'nvidia-12' }).resolve(GpuModel.L40S_48GB)).toThrow(
      'trait "nvidia-12" is not a Placement trait name; use CUSTOM_<A-Z0-9_> (e.g. CUSTOM_NVIDIA_12)',
    );
  });

  test('SR-IOV VFs: the VF product id, type-VF, a share of the GPU memory, one of the counts the model supports', () => {
    expect(GpuAttachment.sriovVf({ vfsPerGpu: 8 }).resolve(GpuModel.MI300X_192GB)).toMatchObject({
      kind: GpuAttachmentKind.SRIOV_VF,
      instancesPerGpu: 8,
      unitMemoryGb: 24,
      pciAlias: 'mi300x-192gb-vf',
      pciProductId: '74b5',
      pciDeviceType: PciDeviceType.TYPE_VF,
      resourceClass: 'CUSTOM_PCI_1002_74B5',
    });
    expect(() => GpuAttachment.sriovVf({ vfsPerGpu: 4 }).resolve(GpuModel.MI300X_192GB)).toThrow(
      'vfsPerGpu 4 is not a VF count AMD Instinct MI300X supports; use 1 or 8');
    expect(() => GpuAttachment.passthrough({ deviceType: PciDeviceType.TYPE_VF }).resolve(GpuModel.MI300X_192GB)).toThrow(
      'deviceType TYPE_VF is for virtual functions; use GpuAttachment.sriovVf() so the alias names the VF product id');
  });

  test('fails when a PCI alias contains the count separator', () => {
    expect(() => GpuAttachment.passthrough({ pciAlias: 'h200:8' }).resolve(GpuModel.H200_SXM_141GB)).toThrow(
      'PCI alias "h200:8" must not contain \':\', \',\' or spaces (pci_passthrough:alias is "<alias>:<count>")',
    );
  });
});
