import * as fc from 'fast-check';
import { GpuFormFactor, GpuModel, GpuVendor } from '../../../lib/hardware/gpu';

describe('GpuModel catalog', () => {
  test('ships the models the factory supports, each with a PCI id and memory', () => {
    const names = GpuModel.all().map((g) => g.name);
    expect(names).toEqual([
      'a100-sxm4-40gb',
      'a100-sxm4-80gb',
      'a100-pcie-40gb',
      'a100-pcie-80gb',
      'h100-sxm5-80gb',
      'h100-pcie-80gb',
      'h200-sxm-141gb',
      'b200-180gb',
      'l40s-48gb',
      'mi300x-192gb',
      'mi350x-288gb',
    ]);
    expect(new Set(GpuModel.all().map((g) => g.pciId)).size).toBe(names.length);
  });

  test('H100 SXM5: 10de:2330, 80 GB, seven MIG profiles from 1g.10gb to 7g.80gb', () => {
    const h100 = GpuModel.H100_SXM5_80GB;
    expect(h100.pciId).toBe('10de:2330');
    expect(h100.vendor).toBe(GpuVendor.NVIDIA);
    expect(h100.formFactor).toBe(GpuFormFactor.SXM);
    expect(h100.memoryGb).toBe(80);
    expect(h100.migProfiles.map((p) => `${p.name}x${p.maxInstances}`)).toEqual([
      '1g.10gbx7', '1g.20gbx4', '2g.20gbx3', '3g.40gbx2', '4g.40gbx1', '7g.80gbx1', '1g.10gb+mex1',
    ]);
    expect(h100.migProfile('3g.40gb')).toMatchObject({ computeSlices: 3, memorySlices: 4, memoryGb: 40, placements: [0, 4] });
  });

  test('H200 and B200 MIG profiles follow mig-parted', () => {
    expect(GpuModel.H200_SXM_141GB.migProfiles.map((p) => p.name)).toEqual([
      '1g.18gb', '1g.35gb', '2g.35gb', '3g.71gb', '4g.71gb', '7g.141gb', '1g.18gb+me',
    ]);
    expect(GpuModel.B200_180GB.migProfiles.map((p) => p.name)).toEqual(['1g.23gb', '1g.45gb', '2g.45gb', '3g.90gb', '4g.90gb', '7g.180gb']);
  });

  test('L40S and AMD Instinct have no MIG', () => {
    expect(GpuModel.L40S_48GB.migCapable).toBe(false);
    expect(GpuModel.MI300X_192GB.pciId).toBe('1002:74a1');
    expect(GpuModel.MI350X_288GB.migCapable).toBe(false);
  });

  test('SR-IOV capable models, whose whole-GPU passthrough Nova records as type-PF', () => {
    // NVIDIA Ampere and later data-center GPUs have SR-IOV (openstack/nova doc/source/admin/virtual-gpu.rst);
    // MI300X is an SR-IOV PF of AMD's GIM driver (amd/MxGPU-Virtualization libgv/core/amdgv_device.c, 0x74A1);
    // MI350X is not verified
    expect(Object.fromEntries(GpuModel.all().map((g) => [g.name, g.sriovCapable]))).toEqual({
      'a100-sxm4-40gb': true,
      'a100-sxm4-80gb': true,
      'a100-pcie-40gb': true,
      'a100-pcie-80gb': true,
      'h100-sxm5-80gb': true,
      'h100-pcie-80gb': true,
      'h200-sxm-141gb': true,
      'b200-180gb': true,
      'l40s-48gb': true,
      'mi300x-192gb': true,
      'mi350x-288gb': false,
    });
  });

  test('fromName finds shipped models', () => {
    expect(GpuModel.fromName('h200-sxm-141gb')).toBe(GpuModel.H200_SXM_141GB);
  });

  test('fails when a model name is unknown', () => {
    expect(() => GpuModel.fromName('h300')).toThrow(/^unknown GPU model "h300"; use one of a100-sxm4-40gb, .* or GpuModel.custom\(\)$/);
  });

  test('fails when a MIG profile does not exist on the GPU', () => {
    expect(() => GpuModel.H100_SXM5_80GB.migProfile('1g.18gb')).toThrow(
      'MIG profile "1g.18gb" does not exist on NVIDIA H100 SXM5 80GB; its profiles are 1g.10gb, 1g.20gb, 2g.20gb, 3g.40gb, 4g.40gb, 7g.80gb or 1g.10gb+me',
    );
  });

  test('fails when a MIG profile is asked of a GPU without MIG', () => {
    expect(() => GpuModel.L40S_48GB.migProfile('1g.10gb')).toThrow(
      'NVIDIA L40S has no MIG profiles; MIG profile "1g.10gb" cannot be used (use a MIG-capable GPU such as H100 or H200)',
    );
  });

  test('fails when a custom model has a malformed PCI product id', () => {
    expect(() =>
      GpuModel.custom({ name: 'x', displayName: 'X', vendor: GpuVendor.NVIDIA, pciProductId: '0x2330', memoryGb: 80, formFactor: GpuFormFactor.PCIE }),
    ).toThrow('GPU model x: pciProductId "0x2330" must be 4 lower-case hex digits without 0x');
  });

  test('MxGPU VFs: MI300X has VF 1002:74b5, 1 or 8 per GPU; no other catalog model has VFs', () => {
    expect([GpuModel.MI300X_192GB.vfPciProductId, GpuModel.MI300X_192GB.vfsPerGpuOptions]).toEqual(['74b5', [1, 8]]);
    expect(GpuModel.all().filter((g) => g.vfPciProductId !== undefined).map((g) => g.name)).toEqual(['mi300x-192gb']);
    const custom = { name: 'mi350x-vf', displayName: 'X', vendor: GpuVendor.AMD, pciProductId: '75a0', memoryGb: 288, formFactor: GpuFormFactor.OAM };
    expect(GpuModel.custom({ ...custom, sriovCapable: true, vfPciProductId: '75b0', vfsPerGpuOptions: [8, 1, 2] }).vfsPerGpuOptions).toEqual([1, 2, 8]);
  });

  test('fails when a custom model has VFs without SR-IOV, a malformed VF id, or VF counts without a VF id', () => {
    const custom = { name: 'x', displayName: 'X', vendor: GpuVendor.AMD, pciProductId: '75a0', memoryGb: 288, formFactor: GpuFormFactor.OAM };
    expect(() => GpuModel.custom({ ...custom, vfPciProductId: '75b0' })).toThrow(
      'GPU model x: vfPciProductId needs sriovCapable true (virtual functions exist only on an SR-IOV capable GPU)');
    expect(() => GpuModel.custom({ ...custom, sriovCapable: true, vfPciProductId: '0x75b0' })).toThrow(
      'GPU model x: vfPciProductId "0x75b0" must be 4 lower-case hex digits without 0x');
    expect(() => GpuModel.custom({ ...custom, vfsPerGpuOptions: [2] })).toThrow('GPU model x: vfsPerGpuOptions needs vfPciProductId');
    expect(() => GpuModel.custom({ ...custom, sriovCapable: true, vfPciProductId: '75b0', vfsPerGpuOptions: [0] })).toThrow(
      'GPU model x: vfsPerGpuOptions must be positive integers');
  });

  test('vGPU support: every NVIDIA model, no AMD model', () => {
    for (const g of GpuModel.all()) expect(g.vgpuCapable).toBe(g.vendor === GpuVendor.NVIDIA);
  });

  test('MIG placements follow nvidia-smi mig -lgipp on the eight-slice family', () => {
    const h200 = GpuModel.H200_SXM_141GB;
    expect(Object.fromEntries(h200.migProfiles.map((p) => [p.name, p.placements]))).toEqual({
      '1g.18gb': [0, 1, 2, 3, 4, 5, 6],
      '1g.35gb': [0, 2, 4, 6],
      '2g.35gb': [0, 2, 4],
      '3g.71gb': [0, 4],
      '4g.71gb': [0],
      '7g.141gb': [0],
      '1g.18gb+me': [0, 1, 2, 3, 4, 5, 6],
    });
    expect(h200.migProfile('1g.18gb+me')).toMatchObject({ maxInstances: 1, mediaExtensions: true });
  });

  test('MIG layouts: the mig-parted all-balanced layout fits, 4g + 4g does not', () => {
    const h100 = GpuModel.H100_SXM5_80GB;
    expect(h100.migLayoutFits({ '1g.10gb': 2, '2g.20gb': 1, '3g.40gb': 1 })).toBe(true);
    expect(h100.migLayoutFits({ '4g.40gb': 1, '3g.40gb': 1 })).toBe(true);
    expect(h100.migLayoutFits({ '4g.40gb': 2 })).toBe(false);
    expect(h100.migLayoutFits({ '7g.80gb': 1, '1g.10gb': 1 })).toBe(false);
    expect(h100.migLayoutFits({ '1g.20gb': 4 })).toBe(true);
    expect(h100.migLayoutFits({ '2g.20gb': 3, '1g.10gb': 1 })).toBe(true);
    expect(h100.migLayoutFits({ '1g.10gb+me': 2 })).toBe(false);
  });

  test('property: a single-profile layout fits exactly up to the profile maximum', () => {
    const gpus = GpuModel.all().filter((g) => g.migCapable);
    fc.assert(
      fc.property(fc.constantFrom(...gpus), fc.nat(), fc.integer({ min: 1, max: 8 }), (gpu, pick, count) => {
        const profile = gpu.migProfiles[pick % gpu.migProfiles.length];
        return gpu.migLayoutFits({ [profile.name]: count }) === count <= profile.maxInstances;
      }),
    );
  });

  test('property: a layout that fits never oversubscribes compute or memory slices', () => {
    const h200 = GpuModel.H200_SXM_141GB;
    const counts = fc.record(Object.fromEntries(h200.migProfiles.map((p) => [p.name, fc.integer({ min: 0, max: 3 })])));
    fc.assert(
      fc.property(counts, (layout) => {
        const fits = h200.migLayoutFits(layout);
        const compute = Object.entries(layout).reduce((sum, [name, n]) => sum + n * h200.migProfile(name).computeSlices, 0);
        const memory = Object.entries(layout).reduce((sum, [name, n]) => sum + n * h200.migProfile(name).memorySlices, 0);
        return !fits || (compute <= 7 && memory <= 8);
      }),
    );
  });
});
