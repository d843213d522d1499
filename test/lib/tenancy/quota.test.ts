import * as fc from 'fast-check';
import { GpuModel } from '../../../lib/hardware/gpu';
import { GpuResourceClass } from '../../../lib/tenancy/gpu-resource-class';
import { QuotaPlanner, ServerAllocation } from '../../../lib/tenancy/quota';

const H200 = GpuResourceClass.pciPassthrough(GpuModel.H200_SXM_141GB);
const gpuServers = (count: number): ServerAllocation => ({
  name: 'gpu.h200.4x', count, vcpus: 108, ramMb: 1_032_192, dedicatedCpus: true, gpusPerServer: 4, gpuResourceClass: H200,
});
const controlPlane: ServerAllocation = { name: 'm1.large', count: 3, vcpus: 4, ramMb: 8192 };

describe('QuotaPlanner.compute', () => {
  test('servers, pinned and unpinned cores, RAM plus 10% headroom; GPUs exactly', () => {
    const q = QuotaPlanner.compute({ allocations: [gpuServers(2), controlPlane] });
    expect(q.instances).toBe(5 + 1);
    expect(q.dedicatedCores).toBe(216 + 22);
    expect(q.sharedCores).toBe(12 + 2);
    expect(q.cores).toBe(238 + 14);
    expect(q.ramMb).toBe(2_064_384 + 24_576 + Math.ceil((2_064_384 + 24_576) / 10));
    expect(q.gpuLimits).toEqual([{ resourceClass: 'CUSTOM_PCI_10DE_2335', limitResourceName: 'class:CUSTOM_PCI_10DE_2335', used: 8, limit: 8 }]);
  });

  test('bare-metal servers count one unit of their resource class each', () => {
    const q = QuotaPlanner.compute({
      allocations: [{ name: 'bm.h200', count: 3, vcpus: 1, ramMb: 1, gpusPerServer: 8, gpuResourceClass: GpuResourceClass.bareMetal('baremetal.h200') }],
      gpuHeadroomPercent: 50,
    });
    expect(q.gpuLimits[0]).toMatchObject({ resourceClass: 'CUSTOM_BAREMETAL_H200', used: 3, limit: 5 });
  });

  test('unified limits count no cores or RAM for bare-metal servers; legacy quotas count them', () => {
    const bm: ServerAllocation = {
      name: 'baremetal.hgx',
      count: 2,
      vcpus: 224,
      ramMb: 2_097_152,
      dedicatedCpus: true,
      gpusPerServer: 8,
      gpuResourceClass: GpuResourceClass.bareMetal('hgx'),
      bareMetal: true,
    };
    const unified = QuotaPlanner.compute({ allocations: [bm, controlPlane], headroomPercent: 0, unifiedLimits: true });
    expect([unified.instances, unified.sharedCores, unified.dedicatedCores, unified.ramMb]).toEqual([5, 12, 0, 3 * 8192]);
    expect(unified.gpuLimits.map((g) => [g.limitResourceName, g.limit])).toEqual([['class:CUSTOM_HGX', 2]]);
    const legacy = QuotaPlanner.compute({ allocations: [bm, controlPlane], headroomPercent: 0 });
    expect([legacy.instances, legacy.cores, legacy.ramMb]).toEqual([5, 2 * 224 + 12, 2 * 2_097_152 + 3 * 8192]);
  });

  test('explicit quotas at or above the use are taken as given', () => {
    const overrides = { instances: 2, dedicatedCores: 300, gpus: { CUSTOM_PCI_10DE_2335: 12 } };
    const q = QuotaPlanner.compute({ allocations: [gpuServers(2)], overrides });
    expect([q.instances, q.dedicatedCores, q.gpuLimits[0].limit]).toEqual([2, 300, 12]);
  });

  test('fails when a quota is smaller than the tenant\'s own servers', () => {
    expect(() => QuotaPlanner.compute({ allocations: [gpuServers(2)], overrides: { dedicatedCores: 100 } })).toThrow(
      'quota dedicatedCores 100 is below the 216 the tenant\'s own servers use (2× gpu.h200.4x); raise it to at least 216 or give the tenant fewer servers',
    );
  });

  test('fails when a GPU limit is smaller than the tenant\'s own GPUs', () => {
    expect(() => QuotaPlanner.compute({ allocations: [gpuServers(2)], overrides: { gpus: { CUSTOM_PCI_10DE_2335: 4 } } })).toThrow(
      'quota gpus[CUSTOM_PCI_10DE_2335] 4 is below the 8 units the tenant\'s own servers use (gpu.h200.4x); raise it to at least 8 or give the tenant fewer GPU servers',
    );
  });

  test('fails when a GPU quota names a resource class no server uses', () => {
    expect(() => QuotaPlanner.compute({ allocations: [gpuServers(1)], overrides: { gpus: { VGPU: 4 } } })).toThrow(
      'a GPU quota is given for resource class VGPU but no server uses it; use one of CUSTOM_PCI_10DE_2335',
    );
  });

  test('fails when GPU servers have no resource class', () => {
    expect(() => QuotaPlanner.compute({ allocations: [{ name: 'x', count: 1, vcpus: 1, ramMb: 1, gpusPerServer: 1 }] })).toThrow(
      'x: 1 GPU(s) per server need a gpuResourceClass to be limited; use GpuResourceClass.pciPassthrough(gpu), .vgpu() or .bareMetal(rc)',
    );
  });

  test('property: derived quotas always hold the tenant\'s own servers, and no headroom means exactly them', () => {
    const allocation = fc.record({
      name: fc.constantFrom('a', 'b', 'c'),
      count: fc.integer({ min: 0, max: 64 }),
      vcpus: fc.integer({ min: 1, max: 256 }),
      ramMb: fc.integer({ min: 1, max: 2_000_000 }),
      dedicatedCpus: fc.boolean(),
      gpusPerServer: fc.integer({ min: 0, max: 8 }),
      portsPerServer: fc.integer({ min: 0, max: 4 }),
    }).map((a) => ({ ...a, gpuResourceClass: a.gpusPerServer > 0 ? H200 : undefined }));
    fc.assert(fc.property(fc.array(allocation, { maxLength: 6 }), fc.integer({ min: 0, max: 200 }), (allocations, headroom) => {
      const need = {
        instances: allocations.reduce((n, a) => n + a.count, 0),
        dedicated: allocations.reduce((n, a) => n + (a.dedicatedCpus ? a.count * a.vcpus : 0), 0),
        shared: allocations.reduce((n, a) => n + (a.dedicatedCpus ? 0 : a.count * a.vcpus), 0),
        ram: allocations.reduce((n, a) => n + a.count * a.ramMb, 0),
        gpus: allocations.reduce((n, a) => n + a.count * a.gpusPerServer, 0),
      };
      const q = QuotaPlanner.compute({ allocations, headroomPercent: headroom, gpuHeadroomPercent: headroom });
      const exact = QuotaPlanner.compute({ allocations, headroomPercent: 0 });
      const gpuLimit = q.gpuLimits.reduce((n, g) => n + g.limit, 0);
      return q.instances >= need.instances && q.dedicatedCores >= need.dedicated && q.sharedCores >= need.shared && q.ramMb >= need.ram
        && gpuLimit >= need.gpus && q.cores === q.sharedCores + q.dedicatedCores
        && exact.instances === need.instances && exact.ramMb === need.ram && exact.gpuLimits.reduce((n, g) => n + g.limit, 0) === need.gpus;
    }));
  });

  test('property: more headroom never lowers a quota', () => {
    const pct = fc.integer({ min: 0, max: 500 });
    fc.assert(fc.property(fc.integer({ min: 0, max: 1_000_000 }), pct, pct, (need, a, b) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      return QuotaPlanner.withHeadroom(need, lo) <= QuotaPlanner.withHeadroom(need, hi) && QuotaPlanner.withHeadroom(need, lo) >= need;
    }));
  });
});

describe('QuotaPlanner.network', () => {
  test('networks, subnets, routers and ports plus headroom; Neutron\'s security group defaults', () => {
    const q = QuotaPlanner.network({ usage: { networks: 2, routers: 1, serverPorts: 10 } });
    expect(q).toEqual({ networks: 3, subnets: 3, routers: 2, ports: 15, securityGroups: 10, securityGroupRules: 100, floatingIps: undefined });
  });

  test('fails when the port quota is smaller than the tenant\'s own ports', () => {
    expect(() => QuotaPlanner.network({ usage: { networks: 2, routers: 1, serverPorts: 10 }, overrides: { ports: 12 } })).toThrow(
      'quota ports 12 is below the 13 the tenant\'s 2 network(s), 1 router(s) and 10 server port(s) use; raise it to at least 13 or give the tenant fewer network resources',
    );
  });
});

describe('QuotaPlanner.blockStorage', () => {
  test('volumes and gigabytes in total and per volume type', () => {
    const q = QuotaPlanner.blockStorage({
      volumes: [{ sizeGb: 500, volumeTypeName: 'gold' }, { sizeGb: 100, volumeTypeName: 'gold' }, { sizeGb: 50, volumeTypeName: 'bronze' }],
      headroomPercent: 0,
    });
    expect(q).toEqual({
      volumes: 3,
      gigabytes: 650,
      perVolumeType: [{ volumeTypeName: 'bronze', volumes: 1, gigabytes: 50 }, { volumeTypeName: 'gold', volumes: 2, gigabytes: 600 }],
    });
  });

  test('fails when the gigabytes quota is smaller than the tenant\'s own volumes', () => {
    expect(() => QuotaPlanner.blockStorage({ volumes: [{ sizeGb: 500, volumeTypeName: 'gold' }], overrides: { gigabytes: 100 } })).toThrow(
      'quota gigabytes 100 is below the 500 the tenant\'s 1 volume(s) use (500 GB); raise it to at least 500 or give the tenant fewer or smaller volumes',
    );
  });
});

describe('QuotaPlanner.sharedFileSystem', () => {
  test('shares, gigabytes and share networks plus headroom', () => {
    const q = QuotaPlanner.sharedFileSystem({ shares: [{ sizeGb: 1000 }, { sizeGb: 200 }], shareNetworks: 1 });
    expect(q).toEqual({ shares: 3, gigabytes: 1320, shareNetworks: 2 });
  });

  test('fails when the share quota is smaller than the tenant\'s own shares', () => {
    expect(() => QuotaPlanner.sharedFileSystem({ shares: [{ sizeGb: 1000 }, { sizeGb: 200 }], overrides: { shares: 1 } })).toThrow(
      'quota shares 1 is below the 2 the tenant\'s 2 share(s) and 0 share network(s) use (1200 GB); raise it to at least 2 or give the tenant fewer or smaller shares',
    );
  });

  test('property: derived share quotas hold the shares', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 100_000 }), { maxLength: 20 }), fc.integer({ min: 0, max: 100 }), (sizes, pct) => {
      const q = QuotaPlanner.sharedFileSystem({ shares: sizes.map((sizeGb) => ({ sizeGb })), headroomPercent: pct });
      return q.shares >= sizes.length && q.gigabytes >= sizes.reduce((a, b) => a + b, 0);
    }));
  });
});
