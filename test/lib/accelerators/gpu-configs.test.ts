import * as fc from 'fast-check';
import * as YAML from 'yaml';
import { devicePluginConfig, GpuSharingMode, migPartedConfig, migPartedFile } from '../../../lib/accelerators/gpu-sharing';
import { MigStrategy } from '../../../lib/accelerators/names';
import { splitIpv4Cidr } from '../../../lib/accelerators/rail-cidrs';
import { toYaml } from '../../../lib/accelerators/yaml';
import { GpuModel } from '../../../lib/hardware/gpu';

describe('toYaml', () => {
  const key = fc.oneof(fc.constantFrom('version', 'mig-enabled', '1g.10gb', '3g.40gb+me', 'all', 'true', 'on', '0', 'a b'), fc.string({ maxLength: 8 }));
  const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constantFrom('all', 'null', 'yes', '1.5', '-x', '#c', 'a: b'));
  const value = fc.letrec((tie) => ({
    tree: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
    list: fc.array(tie('tree'), { maxLength: 4 }),
    map: fc.dictionary(key, tie('tree'), { maxKeys: 4 }),
  })).map;

  test('parses back to the same value', () => {
    fc.assert(fc.property(value, (v) => expect(YAML.parse(toYaml(v))).toEqual(v)));
  });
});

describe('device plugin and mig-parted configs', () => {
  test('time-slicing config in the device plugin format', () => {
    const config = devicePluginConfig(MigStrategy.MIXED, {
      mode: GpuSharingMode.TIME_SLICING, replicas: 4, renameByDefault: true, failRequestsGreaterThanOne: true,
    });
    expect(YAML.parse(toYaml(config))).toEqual({
      version: 'v1',
      flags: { migStrategy: 'mixed' },
      sharing: { timeSlicing: { renameByDefault: true, failRequestsGreaterThanOne: true, resources: [{ name: 'nvidia.com/gpu', replicas: 4 }] } },
    });
  });

  test('MPS config has no failRequestsGreaterThanOne, and the default config names no MIG strategy as none', () => {
    const sharing = { mode: GpuSharingMode.MPS, replicas: 2, renameByDefault: false, failRequestsGreaterThanOne: false };
    expect(devicePluginConfig(undefined, sharing)).toEqual({
      version: 'v1',
      flags: { migStrategy: 'none' },
      sharing: { mps: { renameByDefault: false, resources: [{ name: 'nvidia.com/gpu', replicas: 2 }] } },
    });
  });

  test('mig-parted file: all-disabled plus the named layouts, devices by index unless a group covers every GPU', () => {
    const h100 = GpuModel.H100_SXM5_80GB;
    const file = migPartedFile({
      split: migPartedConfig(h100, [{ gpuIndices: [0, 1], devices: [{ profile: '3g.40gb', count: 2 }] }, { gpuIndices: [2, 3], devices: [] }], 4),
      uniform: migPartedConfig(h100, [{ gpuIndices: [0, 1, 2, 3], devices: [{ profile: '1g.10gb', count: 7 }] }], 4),
    });
    expect(YAML.parse(toYaml(file))).toEqual({
      'version': 'v1',
      'mig-configs': {
        'all-disabled': [{ 'devices': 'all', 'mig-enabled': false }],
        'split': [{ 'devices': [0, 1], 'mig-enabled': true, 'mig-devices': { '3g.40gb': 2 } }, { 'devices': [2, 3], 'mig-enabled': false }],
        'uniform': [{ 'devices': 'all', 'mig-enabled': true, 'mig-devices': { '1g.10gb': 7 } }],
      },
    });
  });
});

describe('splitIpv4Cidr', () => {
  test('carves equal rail subnets in order', () => {
    expect(splitIpv4Cidr('172.16.0.0/16', 8)).toEqual([
      '172.16.0.0/19', '172.16.32.0/19', '172.16.64.0/19', '172.16.96.0/19',
      '172.16.128.0/19', '172.16.160.0/19', '172.16.192.0/19', '172.16.224.0/19',
    ]);
  });

  test('subnets are disjoint, aligned and inside the base', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 8, max: 24 }),
        fc.integer({ min: 1, max: 16 }),
        (addr, prefix, parts) => {
          const base = addr - (addr % 2 ** (32 - prefix));
          const cidr = `${[24, 16, 8, 0].map((s) => Math.floor(base / 2 ** s) % 256).join('.')}/${prefix}`;
          const subnets = splitIpv4Cidr(cidr, parts);
          expect(subnets).toHaveLength(parts);
          const starts = subnets.map((s) => s.split('/')[0].split('.').reduce((n, o) => n * 256 + Number(o), 0));
          const size = 2 ** (32 - Number(subnets[0].split('/')[1]));
          starts.forEach((st, i) => {
            expect(st % size).toBe(0);
            expect(st).toBe(base + i * size);
            expect(st + size).toBeLessThanOrEqual(base + 2 ** (32 - prefix));
          });
        }),
    );
  });

  test('fails when the CIDR is malformed, has host bits, or is too small', () => {
    expect(() => splitIpv4Cidr('172.16.0/16', 2)).toThrow('CIDR "172.16.0/16" is not an IPv4 CIDR such as 172.16.0.0/16');
    expect(() => splitIpv4Cidr('172.16.0.1/16', 2)).toThrow('CIDR 172.16.0.1/16 has host bits set; use its network address');
    expect(() => splitIpv4Cidr('192.168.0.0/29', 8)).toThrow('CIDR 192.168.0.0/29 is too small for 8 subnets of at least 4 addresses; use a shorter prefix');
  });
});
