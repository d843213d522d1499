import * as fc from 'fast-check';
import { MigDeviceCount, MigGeometry } from '../../../lib/accelerators/mig-geometry';
import { NvidiaResources } from '../../../lib/accelerators/names';
import { GpuFormFactor, GpuModel, GpuVendor } from '../../../lib/hardware/gpu';

const H100 = GpuModel.H100_SXM5_80GB;
const MIG_GPUS = GpuModel.all().filter((g) => g.migCapable);

/** A random layout of a GPU's profiles: 1-7 instances drawn with repetition. */
function arbLayout(gpu: GpuModel): fc.Arbitrary<MigDeviceCount[]> {
  return fc.array(fc.constantFrom(...gpu.migProfiles.map((p) => p.name)), { minLength: 1, maxLength: 7 }).map((names) => {
    const counts = new Map<string, number>();
    for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
    return [...counts.entries()].map(([profile, count]) => ({ profile, count }));
  });
}

const key = (layout: MigDeviceCount[]) => layout.map((d) => `${d.profile}:${d.count}`).sort().join(',');

describe('MigGeometry', () => {
  test.each([
    ['7 x 1g.10gb', [{ profile: '1g.10gb', count: 7 }]],
    ['2 x 3g.40gb', [{ profile: '3g.40gb', count: 2 }]],
    ['4g.40gb + 2g.20gb + 1g.10gb', [{ profile: '4g.40gb', count: 1 }, { profile: '2g.20gb', count: 1 }, { profile: '1g.10gb', count: 1 }]],
    ['3 x 2g.20gb + 1g.10gb', [{ profile: '2g.20gb', count: 3 }, { profile: '1g.10gb', count: 1 }]],
    ['2 x 2g.20gb + 3g.40gb', [{ profile: '2g.20gb', count: 2 }, { profile: '3g.40gb', count: 1 }]],
    ['4 x 1g.20gb', [{ profile: '1g.20gb', count: 4 }]],
    ['7g.80gb', [{ profile: '7g.80gb', count: 1 }]],
  ])('H100 holds %s (NVIDIA MIG user guide combinations)', (_, layout) => {
    expect(MigGeometry.canHold(H100, layout)).toBe(true);
  });

  test('3g.40gb + 2g.20gb + 2 x 1g.10gb needs the 3g instance at slice 4 (a first-fit placement would fail)', () => {
    const placed = MigGeometry.place(H100, [{ profile: '3g.40gb', count: 1 }, { profile: '2g.20gb', count: 1 }, { profile: '1g.10gb', count: 2 }]);
    expect(placed.map((p) => `${p.profile}@${p.startSlice}`)).toEqual(['2g.20gb@0', '1g.10gb@2', '1g.10gb@3', '3g.40gb@4']);
  });

  test('fails when the layout needs more memory slices than the GPU has', () => {
    expect(() => MigGeometry.place(H100, [{ profile: '3g.40gb', count: 2 }, { profile: '1g.10gb', count: 1 }])).toThrow(
      'MIG layout 3g.40gb x2 + 1g.10gb x1 does not fit NVIDIA H100 SXM5 80GB: it needs 9 memory slices and the GPU has 8; drop an instance or use smaller profiles',
    );
  });

  test('fails when the layout needs more compute slices than the GPU has', () => {
    expect(() => MigGeometry.place(H100, [{ profile: '4g.40gb', count: 1 }, { profile: '1g.10gb', count: 4 }])).toThrow(
      'MIG layout 4g.40gb x1 + 1g.10gb x4 does not fit NVIDIA H100 SXM5 80GB: it needs 8 compute slices and the GPU has 7; drop an instance or use smaller profiles',
    );
  });

  test('fails when no placement avoids overlap, naming the allowed starts and a layout that fits', () => {
    // a GPU whose 2g profile may only start at slice 0: two of them fit the slice budgets but not the placement table
    const gpu = GpuModel.custom({
      name: 'narrow-gpu',
      displayName: 'Narrow GPU',
      vendor: GpuVendor.NVIDIA,
      pciProductId: 'ffff',
      memoryGb: 80,
      formFactor: GpuFormFactor.PCIE,
      migProfiles: [
        { name: '1g.10gb', computeSlices: 1, memorySlices: 1, memoryGb: 10, maxInstances: 7, placements: [0, 1, 2, 3, 4, 5, 6] },
        { name: '2g.20gb', computeSlices: 2, memorySlices: 2, memoryGb: 20, maxInstances: 3, placements: [0] },
        { name: '7g.80gb', computeSlices: 7, memorySlices: 8, memoryGb: 80, maxInstances: 1, placements: [0] },
      ],
    });
    expect(() => MigGeometry.place(gpu, [{ profile: '2g.20gb', count: 2 }, { profile: '1g.10gb', count: 1 }])).toThrow(
      'MIG layout 2g.20gb x2 + 1g.10gb x1 does not fit Narrow GPU: no arrangement of its instances on the 8 memory slices avoids overlap ' +
        '(allowed starts: 2g.20gb at 0 and 1g.10gb at 0, 1, 2, 3, 4, 5 or 6); use one of the layouts MigGeometry.layouts() lists, e.g. 1g.10gb x1 + 2g.20gb x1',
    );
  });

  test('on the shipped GPUs every layout within the slice budgets can be placed (4g.40gb + 3g.40gb included)', () => {
    expect(MigGeometry.place(H100, [{ profile: '4g.40gb', count: 1 }, { profile: '3g.40gb', count: 1 }]).map((p) => `${p.profile}@${p.startSlice}`)).toEqual([
      '4g.40gb@0',
      '3g.40gb@4',
    ]);
  });

  test('fails when a profile exceeds its maximum count', () => {
    expect(() => MigGeometry.place(H100, [{ profile: '3g.40gb', count: 3 }])).toThrow(
      'MIG layout 3g.40gb x3 has 3 instances of 3g.40gb, but NVIDIA H100 SXM5 80GB holds at most 2',
    );
  });

  test('fails when the profile does not exist on the GPU', () => {
    expect(() => MigGeometry.place(H100, [{ profile: '3g.71gb', count: 1 }])).toThrow('MIG profile "3g.71gb" does not exist on NVIDIA H100 SXM5 80GB');
  });

  test('fails when the GPU has no MIG', () => {
    expect(() => MigGeometry.place(GpuModel.L40S_48GB, [{ profile: '1g.10gb', count: 1 }])).toThrow(
      'NVIDIA L40S has no MIG; MIG layout 1g.10gb x1 cannot be used (use a MIG-capable GPU such as H100 or H200, or whole GPUs)',
    );
  });

  test('fails when the layout is empty or names a profile twice', () => {
    expect(() => MigGeometry.place(H100, [])).toThrow('a MIG layout needs at least one instance');
    expect(() => MigGeometry.place(H100, [{ profile: '1g.10gb', count: 1 }, { profile: '1g.10gb', count: 2 }])).toThrow('names 1g.10gb twice');
  });

  test('fails when two media-extension instances are asked for', () => {
    const a100 = GpuModel.A100_SXM4_40GB;
    expect(() => MigGeometry.place(a100, [{ profile: '1g.5gb+me', count: 2 }])).toThrow('holds at most 1');
  });

  test('media-extension profiles map to a resource name without "+"', () => {
    expect(NvidiaResources.mig('1g.10gb+me')).toBe('nvidia.com/mig-1g.10gb.me');
    expect(NvidiaResources.mig('3g.40gb')).toBe('nvidia.com/mig-3g.40gb');
  });

  describe('properties', () => {
    test.each(MIG_GPUS.map((g) => [g.name, g]))('%s: placements never overlap, start where the profile allows and stay on the GPU', (_, gpu) => {
      fc.assert(
        fc.property(arbLayout(gpu), (layout) => {
          fc.pre(MigGeometry.canHold(gpu, layout));
          const placed = MigGeometry.place(gpu, layout);
          const used = new Array(gpu.migMemorySlices).fill(0);
          for (const p of placed) {
            expect(gpu.migProfile(p.profile).placements).toContain(p.startSlice);
            for (let s = p.startSlice; s < p.startSlice + p.memorySlices; s++) used[s]++;
          }
          expect(used.every((n) => n <= 1)).toBe(true);
          expect(placed.length).toBe(layout.reduce((s, d) => s + d.count, 0));
          expect(placed.reduce((s, p) => s + p.computeSlices, 0)).toBeLessThanOrEqual(7);
        }),
      );
    });

    test.each(MIG_GPUS.map((g) => [g.name, g]))('%s: the search agrees with the left-to-right enumeration of layouts', (_, gpu) => {
      const all = new Set(MigGeometry.layouts(gpu).map(key));
      fc.assert(fc.property(arbLayout(gpu), (layout) => MigGeometry.canHold(gpu, layout) === all.has(key(layout))));
    });

    test.each(MIG_GPUS.map((g) => [g.name, g]))('%s: a layout stays holdable when an instance is removed', (_, gpu) => {
      fc.assert(
        fc.property(arbLayout(gpu), fc.nat(), (layout, pick) => {
          fc.pre(MigGeometry.canHold(gpu, layout));
          const i = pick % layout.length;
          const smaller = layout.map((d, j) => (j === i ? { ...d, count: d.count - 1 } : d)).filter((d) => d.count > 0);
          return smaller.length === 0 || MigGeometry.canHold(gpu, smaller);
        }),
      );
    });

    test('every enumerated layout is holdable, and each profile alone up to its maximum is one of them', () => {
      for (const gpu of MIG_GPUS) {
        const layouts = MigGeometry.layouts(gpu);
        for (const l of layouts) expect(MigGeometry.canHold(gpu, l)).toBe(true);
        const keys = new Set(layouts.map(key));
        for (const p of gpu.migProfiles) expect(keys.has(key([{ profile: p.name, count: p.maxInstances }]))).toBe(true);
      }
    });
  });
});
