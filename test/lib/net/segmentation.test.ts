import * as fc from 'fast-check';
import { AllocationStrategy } from '../../../lib/net/allocation';
import { CidrAllocator } from '../../../lib/net/cidr-allocator';
import { Pkey, PkeyAllocator, VlanAllocator } from '../../../lib/net/segmentation';

const owners = fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9/-]{0,15}$/), { minLength: 1, maxLength: 60 });

describe('VlanAllocator', () => {
  test('allocates inside the tenant ranges, first-free in id order', () => {
    const vlans = new VlanAllocator('baremetal', [{ min: 900, max: 901 }, { min: 700, max: 700 }]);
    expect(vlans.rangesText).toBe('700, 900-901');
    expect(['a', 'b', 'c'].map((o) => vlans.allocate(o, AllocationStrategy.FIRST_FREE))).toEqual([700, 900, 901]);
  });

  test('provider VLANs live outside the tenant ranges and block them for nobody', () => {
    const vlans = new VlanAllocator('baremetal', [{ min: 700, max: 799 }]);
    expect(vlans.reserveOutsideRanges('site/provisioning', 100)).toBe(100);
    expect(vlans.allocations).toEqual([{ owner: 'site/provisioning', value: '100', pinned: true, preferred: undefined, displacedBy: undefined }]);
  });

  test('fails when a VLAN id is outside the physnet range', () => {
    const vlans = new VlanAllocator('baremetal', [{ min: 700, max: 799 }]);
    expect(() => vlans.reserve('acme/bm', 800)).toThrow(
      "VLAN 800 is outside physnet baremetal's tenant VLAN ranges (700-799); use one of them (they are network_vlan_ranges in ml2_conf.ini)");
  });

  test('fails when a VLAN id is already used', () => {
    const vlans = new VlanAllocator('baremetal', [{ min: 700, max: 799 }]);
    vlans.reserve('acme/bm', 712);
    expect(() => vlans.reserve('beta/bm', 712)).toThrow('VLAN 712 on physnet baremetal is already used by acme/bm; every network needs its own VLAN');
  });

  test('fails when a provider VLAN is inside the tenant ranges', () => {
    const vlans = new VlanAllocator('baremetal', [{ min: 700, max: 799 }]);
    expect(() => vlans.reserveOutsideRanges('site/x', 750)).toThrow(
      "VLAN 750 is inside physnet baremetal's tenant VLAN ranges (700-799); site provider networks use VLANs outside them so tenant networks never get them");
  });

  test('fails when a VLAN id is not an 802.1Q id', () => {
    expect(() => new VlanAllocator('p', []).reserveOutsideRanges('x', 4095)).toThrow('VLAN 4095 is not a VLAN id; use 1 to 4094 (802.1Q reserves 0 and 4095)');
  });

  test('fails when ranges overlap or leave 1-4094', () => {
    expect(() => new VlanAllocator('p', [{ min: 700, max: 799 }, { min: 750, max: 760 }])).toThrow('physnet p VLAN ranges 700-799 and 750-760 overlap');
    expect(() => new VlanAllocator('p', [{ min: 4000, max: 4095 }])).toThrow('physnet p VLAN range 4000-4095 leaves 1-4094; keep it inside');
  });

  test('fails when the range is exhausted', () => {
    const vlans = new VlanAllocator('p', [{ min: 10, max: 11 }]);
    vlans.allocate('a');
    vlans.allocate('b');
    expect(() => vlans.allocate('c')).toThrow("physnet p's tenant VLAN ranges (10-11) has no free id left for c (2 of 2 taken); widen its ranges");
  });

  test('property: VLANs are unique, inside the ranges, deterministic', () => {
    fc.assert(fc.property(owners, (names) => {
      const run = () => {
        const vlans = new VlanAllocator('p', [{ min: 700, max: 759 }, { min: 900, max: 999 }]);
        return names.map((n) => vlans.allocate(n));
      };
      const got = run();
      expect(new Set(got).size).toBe(got.length);
      got.forEach((v) => expect((v >= 700 && v <= 759) || (v >= 900 && v <= 999)).toBe(true));
      expect(run()).toEqual(got);
    }));
  });
});

describe('Pkey', () => {
  test('formats as 4 hex digits', () => {
    expect(Pkey.format(0x123)).toBe('0x0123');
  });

  test('fails when the pkey is the default partition', () => {
    expect(() => Pkey.check(0x7fff)).toThrow('pkey 0x7fff is the default partition, which every port belongs to; it isolates nothing, use another pkey');
    expect(() => Pkey.check(0xffff)).toThrow('pkey 0xffff is the default partition');
  });

  test('fails when the pkey carries the membership bit', () => {
    expect(() => Pkey.check(0x8123)).toThrow(
      'pkey 0x8123 has the full-membership bit (0x8000) set; the segmentation id is the 15-bit partition number and the subnet manager sets membership: use 0x0123');
  });

  test('fails when the pkey is above what a Neutron VLAN id carries', () => {
    expect(() => Pkey.check(0x1000)).toThrow(
      'pkey 0x1000 is outside 0x0001-0x0ffe: Neutron carries the pkey as a VLAN segmentation id, which stops at 4094');
    expect(() => Pkey.check(0)).toThrow('pkey 0x0000 is outside 0x0001-0x0ffe');
  });
});

describe('PkeyAllocator', () => {
  const ranges = [{ min: 0x100, max: 0x1ff }];

  test('fails when two partitions pin the same pkey (collision)', () => {
    const pkeys = new PkeyAllocator('gpu', ranges);
    pkeys.reserve('acme/gpu', 0x123);
    expect(() => pkeys.reserve('beta/gpu', 0x123)).toThrow(
      'pkey 0x0123 on fabric gpu is already the partition of acme/gpu; every tenant partition needs its own pkey');
  });

  test('a partition asking again keeps its pkey (rails of one fabric share it)', () => {
    const pkeys = new PkeyAllocator('gpu', ranges);
    const p = pkeys.allocate('acme/gpu');
    expect(pkeys.allocate('acme/gpu')).toBe(p);
    expect(pkeys.reserve('acme/gpu', p)).toBe(p);
  });

  test('fails when a pkey is outside the fabric ranges', () => {
    expect(() => new PkeyAllocator('gpu', ranges).reserve('a', 0x200)).toThrow(
      "pkey 0x0200 is outside fabric gpu's pkey ranges (0x0100-0x01ff); use one of them");
  });

  test('fails when a pkey is reserved by the site', () => {
    expect(() => new PkeyAllocator('gpu', ranges, [0x1fe]).reserve('a', 0x1fe)).toThrow(
      'pkey 0x01fe is reserved by the site on fabric gpu; use another pkey');
  });

  test('fails when a range reaches the default partition', () => {
    expect(() => new PkeyAllocator('gpu', [{ min: 0x100, max: 0x7fff }])).toThrow('pkey 0x7fff is the default partition');
  });

  test('property: pkeys are unique, in range, never reserved or the default partition', () => {
    const reserved = [0x100, 0x17f];
    fc.assert(fc.property(owners, fc.constantFrom(AllocationStrategy.HASHED, AllocationStrategy.FIRST_FREE), (names, strategy) => {
      const pkeys = new PkeyAllocator('gpu', [{ min: 0x100, max: 0x17f }, { min: 0xf00, max: 0xffe }], reserved);
      const got = names.map((n) => pkeys.allocate(n, strategy));
      expect(new Set(got).size).toBe(got.length);
      for (const p of got) {
        expect(reserved).not.toContain(p);
        expect(p).not.toBe(0x7fff);
        expect((p >= 0x100 && p <= 0x17f) || (p >= 0xf00 && p <= 0xffe)).toBe(true);
      }
    }));
  });

  test('property: a partition keeps its pkey whatever order partitions are added in, unless two prefer the same', () => {
    fc.assert(fc.property(owners.chain((names) => fc.tuple(fc.constant(names), fc.shuffledSubarray(names, { minLength: names.length }))),
      ([names, shuffled]) => {
        const run = (order: string[]) => {
          const pkeys = new PkeyAllocator('gpu', [{ min: 1, max: 4094 }]);
          order.forEach((n) => pkeys.allocate(n));
          return pkeys.allocations;
        };
        const [a, b] = [run(names), run(shuffled)];
        if (![...a, ...b].some((x) => x.displacedBy !== undefined)) {
          expect(new Map(a.map((x) => [x.owner, x.value]))).toEqual(new Map(b.map((x) => [x.owner, x.value])));
        }
      }));
  });
});

describe('allocationOf', () => {
  // NetworkSite reads one owner's allocation per network it places; it must be the record `allocations` lists
  test('property: each allocator reports the record its allocations list holds for the owner', () => {
    fc.assert(fc.property(owners, fc.integer({ min: 0, max: 4 }), fc.constantFrom(AllocationStrategy.HASHED, AllocationStrategy.FIRST_FREE),
      (names, pinnedCount, strategy) => {
        const vlans = new VlanAllocator('tenant', [{ min: 700, max: 799 }]);
        const pkeys = new PkeyAllocator('fabric', [{ min: 0x0100, max: 0x01ff }], [0x0100]);
        const cidrs = new CidrAllocator('10.64.0.0/16');
        names.slice(0, pinnedCount).forEach((n, i) => {
          vlans.reserveOutsideRanges(n, 100 + i);
          pkeys.reserve(n, 0x0101 + i);
          cidrs.reserve(n, `10.64.${255 - i}.0/24`);
        });
        for (const n of names.slice(pinnedCount)) {
          vlans.allocate(n, strategy);
          pkeys.allocate(n, strategy);
          cidrs.allocate(n, 24, strategy);
        }
        for (const n of [...names, 'nobody']) {
          expect(vlans.allocationOf(n)).toEqual(vlans.allocations.find((a) => a.owner === n));
          expect(pkeys.allocationOf(n)).toEqual(pkeys.allocations.find((a) => a.owner === n));
          expect(cidrs.allocationOf(n)).toEqual(cidrs.allocations.find((a) => a.owner === n));
        }
        for (const a of vlans.allocations) expect(vlans.holderOf(Number(a.value))).toBe(a.owner);
      }));
  });
});
