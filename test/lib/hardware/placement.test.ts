import * as fc from 'fast-check';
import { PlacementNames } from '../../../lib/hardware/placement';

describe('PlacementNames', () => {
  test('Ironic resource classes normalize as Nova does: upper case, punctuation to _, always CUSTOM_', () => {
    expect(PlacementNames.baremetalResourceClass('baremetal.with-GPU')).toBe('CUSTOM_BAREMETAL_WITH_GPU');
    expect(PlacementNames.baremetalResourceClass('baremetal-hgx-h200-8gpu')).toBe('CUSTOM_BAREMETAL_HGX_H200_8GPU');
    expect(PlacementNames.baremetalResourceClass('gpu..node')).toBe('CUSTOM_GPU_NODE');
  });

  test('custom names keep an existing CUSTOM_ prefix', () => {
    expect(PlacementNames.custom('nvidia-700')).toBe('CUSTOM_NVIDIA_700');
    expect(PlacementNames.custom('CUSTOM_X')).toBe('CUSTOM_X');
  });

  test('PCI resource class: CUSTOM_PCI_<VENDOR>_<PRODUCT>', () => {
    expect(PlacementNames.pciResourceClass('10de', '233b')).toBe('CUSTOM_PCI_10DE_233B');
  });

  test('trait names', () => {
    expect(PlacementNames.isValidTrait('CUSTOM_IB_NDR')).toBe(true);
    expect(PlacementNames.isValidTrait('HW_CPU_X86_AVX512F')).toBe(true);
    expect(PlacementNames.isValidTrait('custom_ib')).toBe(false);
    expect(PlacementNames.isValidTrait('CUSTOM_')).toBe(false);
    expect(PlacementNames.isValidTrait(`CUSTOM_${'A'.repeat(249)}`)).toBe(false);
  });

  test('property: normalized resource classes are valid Placement names and idempotent under custom()', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60 }), (s) => {
        const rc = PlacementNames.baremetalResourceClass(s);
        return /^CUSTOM_[A-Z0-9_]*$/.test(rc) && PlacementNames.custom(rc) === rc;
      }),
    );
  });

  test('fails when a name normalizes past 255 characters', () => {
    expect(() => PlacementNames.baremetalResourceClass('x'.repeat(250))).toThrow(/normalizes to more than 255 characters$/);
  });
});
