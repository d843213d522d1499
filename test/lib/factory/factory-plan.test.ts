import * as fc from 'fast-check';
import { FactoryPlanner, FactorySpec, GpuPurchaseSpec, PoolProvisioning } from '../../../lib/factory/factory-plan';
import { GpuAttachment, GpuAttachmentKind } from '../../../lib/hardware/gpu-attachment';
import { NetworkAdapterKind, ServerProfile } from '../../../lib/hardware/server';
import { MI300X_SERVER } from '../hardware/fixtures';

const H200 = ServerProfile.HGX_H200_8GPU; // 8 GPUs
const L40S = ServerProfile.L40S_4GPU_BF3; // 4 GPUs

const pools = (h200Servers = 2, bareMetal = 2) => [
  { poolName: 'h200', server: H200, serverCount: h200Servers, provisioning: PoolProvisioning.HYPERVISOR },
  { poolName: 'h200-bm', server: H200, serverCount: bareMetal, provisioning: PoolProvisioning.BARE_METAL },
  { poolName: 'l40s', server: L40S, serverCount: 2, provisioning: PoolProvisioning.HYPERVISOR },
];
const plan = (tenants: FactorySpec['tenants'], p = pools()) => FactoryPlanner.plan({ pools: p, tenants });
const one = (g: GpuPurchaseSpec) => plan([{ tenantName: 'a', gpus: [g] }]);

describe('FactoryPlanner', () => {
  test('one flavor per pool, attachment and size, shared by the tenants that bought it', () => {
    const p = plan([
      { tenantName: 'b', gpus: [{ purchaseName: 'x4', poolName: 'h200', servers: 1, gpusPerServer: 4 }] },
      {
        tenantName: 'a',
        gpus: [
          { purchaseName: 'x4', poolName: 'h200', servers: 1, gpusPerServer: 4 },
          { purchaseName: 'mig', poolName: 'h200', servers: 3, attachment: GpuAttachment.mig('3g.71gb') },
          { purchaseName: 'bm', poolName: 'h200-bm', servers: 2 },
          { purchaseName: 'vgpu', poolName: 'l40s', servers: 4, gpusPerServer: 2, attachment: GpuAttachment.vgpu('L40S-12Q') },
        ],
      },
    ]);
    expect(p.flavors.map((f) => [f.flavorKey, f.attachmentKind, f.gpusPerServer, f.tenantNames])).toEqual([
      ['h200-bm/bare-metal/8', GpuAttachmentKind.BARE_METAL, 8, ['a']],
      ['h200/mig-3g.71gb/1', GpuAttachmentKind.MIG_VGPU, 1, ['a']],
      ['h200/passthrough/4', GpuAttachmentKind.PASSTHROUGH, 4, ['a', 'b']],
      ['l40s/vgpu-l40s-12q/2', GpuAttachmentKind.VGPU, 2, ['a']],
    ]);
    // h200: two 4-GPU VMs fill one server; 3 MIG slices of 2 per GPU take 2 GPUs of the second
    expect(p.pools).toEqual([
      { poolName: 'h200', serverCount: 2, gpuCapacity: 16, gpusAllocated: 10, serversAllocated: 2, gpusFree: 6 },
      { poolName: 'h200-bm', serverCount: 2, gpuCapacity: 16, gpusAllocated: 16, serversAllocated: 2, gpusFree: 0 },
      { poolName: 'l40s', serverCount: 2, gpuCapacity: 8, gpusAllocated: 2, serversAllocated: 1, gpusFree: 6 },
    ]);
    expect(p.purchases.find((x) => x.purchaseName === 'vgpu')!.gpuShare).toBe(2); // 8 vGPUs of 4 per GPU
  });

  test('vGPUs of one type from several tenants share physical GPUs', () => {
    const mig = (tenantName: string) => ({ tenantName, gpus: [{ purchaseName: 'm', poolName: 'h200', servers: 1, attachment: GpuAttachment.mig('3g.71gb') }] });
    // one slice each: one GPU holds both (2 3g.71gb instances per H200)
    expect(plan([mig('a'), mig('b')]).pools[0].gpusAllocated).toBe(1);
  });

  test('AMD MxGPU VFs get a flavor of their own per VF count, apart from whole-GPU passthrough, and fill whole GPUs', () => {
    const mi300x = [{ poolName: 'mi300x', server: MI300X_SERVER, serverCount: 1, provisioning: PoolProvisioning.HYPERVISOR }];
    const p = plan([
      { tenantName: 'a', gpus: [{ purchaseName: 'whole', poolName: 'mi300x', servers: 1, gpusPerServer: 1 }] },
      { tenantName: 'b', gpus: [{ purchaseName: 'vf', poolName: 'mi300x', servers: 9, gpusPerServer: 1, attachment: GpuAttachment.sriovVf({ vfsPerGpu: 8 }) }] },
      { tenantName: 'c', gpus: [{ purchaseName: 'vf1', poolName: 'mi300x', servers: 1, gpusPerServer: 1, attachment: GpuAttachment.sriovVf() }] },
    ], mi300x);
    expect(p.flavors.map((f) => [f.flavorKey, f.attachmentKind, f.tenantNames])).toEqual([
      ['mi300x/passthrough/1', GpuAttachmentKind.PASSTHROUGH, ['a']],
      ['mi300x/sriov-vf-1/1', GpuAttachmentKind.SRIOV_VF, ['c']],
      ['mi300x/sriov-vf-8/1', GpuAttachmentKind.SRIOV_VF, ['b']],
    ]);
    expect(p.purchases.find((x) => x.purchaseName === 'vf')!.gpuShare).toBe(9 / 8);
    // 1 whole GPU, 9 VFs of 8 per GPU on 2 GPUs, 1 VF of a GPU split in 1 on 1 GPU
    expect(p.pools[0]).toMatchObject({ gpusAllocated: 4, serversAllocated: 1, gpusFree: 4 });
  });

  describe('fails when', () => {
    test('a purchase of a billion servers: refused by counting, before anything is expanded', () => refused(
      () => one({ purchaseName: 'x', poolName: 'h200', servers: 1e9, gpusPerServer: 1 }),
      'tenants bought 1000000000 GPUs of pool h200 (a 1000000000), but it has 16 (2 servers x 8 GPUs); lower the purchases or add 124999998 servers to the pool'));
    test('servers is beyond a safe integer', () => refused(() => one({ purchaseName: 'x', poolName: 'h200', servers: 2 ** 53 }),
      'tenant a, purchase x: servers 9007199254740992 must be a positive integer'));
    const refused = (spec: () => unknown, message: string) => expect(spec).toThrow(message);

    test('a pool is described twice', () => refused(() => plan([], [...pools(), pools()[0]]),
      'pool h200 is described twice; give each pool of the inventory its own name'));
    test('a pool has a fractional server count', () => refused(() => plan([], [{ ...pools()[0], serverCount: 1.5 }]),
      'pool h200: serverCount 1.5 must be a non-negative integer'));
    test('a pool has servers without GPUs', () => {
      const cpu = ServerProfile.custom({
        name: 'cpu-2s',
        displayName: '2-socket CPU server',
        sockets: 2,
        coresPerSocket: 32,
        threadsPerCore: 2,
        memoryGib: 512,
        networkAdapters: [{ name: 'lom0', kind: NetworkAdapterKind.ETHERNET, numaNode: 0, ports: 2, portSpeedGbps: 25, model: 'onboard 25GbE' }],
      });
      refused(() => plan([], [{ poolName: 'cpu', server: cpu, serverCount: 4, provisioning: PoolProvisioning.HYPERVISOR }]),
        'pool cpu: server profile cpu-2s has no GPUs; a GPU pool needs a GPU server profile');
    });
    test('a tenant is described twice', () => refused(() => plan([{ tenantName: 'a' }, { tenantName: 'a' }]),
      'tenant a is described twice; give each tenant its own name'));
    test('a tenant names two purchases alike', () => refused(() => plan([{
      tenantName: 'a',
      gpus: [{ purchaseName: 'x', poolName: 'h200', servers: 1 }, { purchaseName: 'x', poolName: 'l40s', servers: 1 }],
    }]), 'tenant a has two purchases named x; name each purchase once'));
    test('a purchase names a pool the inventory does not have', () => refused(() => one({ purchaseName: 'x', poolName: 'h100', servers: 1 }),
      'tenant a buys x from pool h100, which the inventory does not have; use h200, h200-bm or l40s'));
    test('a purchase has no servers', () => refused(() => one({ purchaseName: 'x', poolName: 'h200', servers: 0 }),
      'tenant a, purchase x: servers 0 must be a positive integer'));
    test('a bare-metal purchase has an attachment', () => refused(() => one({ purchaseName: 'x', poolName: 'h200-bm', servers: 1, attachment: GpuAttachment.passthrough() }),
      'tenant a, purchase x: pool h200-bm is bare metal (Ironic), so a purchase gets whole servers with all their GPUs; drop attachment or buy from a hypervisor pool'));
    test('a bare-metal purchase asks for fewer GPUs than the server has', () => refused(() => one({ purchaseName: 'x', poolName: 'h200-bm', servers: 1, gpusPerServer: 4 }),
      'tenant a, purchase x: gpusPerServer 4 on bare-metal pool h200-bm, whose servers come with all 8 GPUs; drop gpusPerServer'));
    test('gpusPerServer is not a positive integer', () => refused(() => one({ purchaseName: 'x', poolName: 'h200', servers: 1, gpusPerServer: 0 }),
      'tenant a, purchase x: gpusPerServer 0 must be a positive integer'));
    test('a passthrough VM has more GPUs than the server', () => refused(() => one({ purchaseName: 'x', poolName: 'l40s', servers: 1, gpusPerServer: 5 }),
      'tenant a, purchase x: 5 GPUs per VM is more than the 4 GPUs of a l40s-4gpu-bf3 server in pool l40s; use 1 to 4'));
    test('a vGPU VM has more vGPUs than one server hosts', () => refused(
      () => one({ purchaseName: 'x', poolName: 'l40s', servers: 1, gpusPerServer: 17, attachment: GpuAttachment.vgpu('L40S-12Q') }),
      'tenant a, purchase x: 17 vGPUs per VM is more than one l40s-4gpu-bf3 server of pool l40s hosts (4 per GPU x 4 GPUs); use 1 to 16'));
    test('tenants together buy more GPUs than the pool has', () => refused(() => plan([
      { tenantName: 'a', gpus: [{ purchaseName: 'x', poolName: 'h200', servers: 2, gpusPerServer: 8 }] },
      { tenantName: 'b', gpus: [{ purchaseName: 'y', poolName: 'h200', servers: 1, gpusPerServer: 4 }] },
    ]), 'tenants bought 20 GPUs of pool h200 (a 16, b 4), but it has 16 (2 servers x 8 GPUs); lower the purchases or add 1 server to the pool'));
    test('the VMs fit the GPUs but not the servers', () => refused(() => one({ purchaseName: 'x', poolName: 'h200', servers: 3, gpusPerServer: 5 }),
      'the VMs bought on pool h200 need 3 servers of 8 GPUs once packed (a VM cannot span servers), but the pool has 2; buy VM sizes that divide 8 or add 1 server'));
  });

  describe('properties', () => {
    const attachments = [
      undefined,
      GpuAttachment.mig('3g.71gb'),
      GpuAttachment.mig('1g.18gb'),
      GpuAttachment.vgpu('H200X-35C'),
    ];
    const purchase = fc.record({
      poolName: fc.constantFrom('h200', 'h200-bm', 'l40s'),
      servers: fc.integer({ min: 1, max: 4 }),
      gpusPerServer: fc.integer({ min: 1, max: 4 }),
      attachment: fc.constantFrom(...attachments.keys()),
    });
    const tenants = fc.uniqueArray(fc.record({ tenantName: fc.stringMatching(/^[a-z]{1,6}$/), gpus: fc.array(purchase, { maxLength: 4 }) }),
      { selector: (t) => t.tenantName, maxLength: 5 })
      .map((ts) => ts.map((t) => ({
        tenantName: t.tenantName,
        gpus: t.gpus.map((g, i): GpuPurchaseSpec => ({
          purchaseName: `p${i}`,
          poolName: g.poolName,
          servers: g.servers,
          // bare metal: whole servers; l40s: passthrough only (the H200 types do not fit an L40S)
          gpusPerServer: g.poolName === 'h200-bm' ? undefined : g.gpusPerServer,
          attachment: g.poolName === 'h200' ? attachments[g.attachment] : undefined,
        })),
      })));
    const inventory = fc.record({ h200: fc.integer({ min: 0, max: 4 }), bm: fc.integer({ min: 0, max: 4 }) }).map((n) => pools(n.h200, n.bm));
    const attempt = (spec: FactorySpec) => {
      try {
        return FactoryPlanner.plan(spec);
      } catch (e) {
        if ((e as Error).name !== 'FactoryError') throw e;
        return (e as Error).message;
      }
    };

    test('never over-allocates a pool: a plan fits every pool, and whole GPUs beyond a pool are refused', () => {
      let planned = 0;
      fc.assert(fc.property(inventory, tenants, (inv, ts) => {
        const result = attempt({ pools: inv, tenants: ts });
        const whole = (poolName: string) => ts.flatMap((t) => t.gpus).filter((g) => g.poolName === poolName && g.attachment === undefined)
          .reduce((s, g) => s + g.servers * (g.gpusPerServer ?? 8), 0);
        const beyond = inv.some((pool) => whole(pool.poolName) > pool.serverCount * pool.server.gpuCount);
        if (beyond) expect(typeof result).toBe('string'); // refused (this pool, or an earlier one)
        if (typeof result === 'string') return;
        planned++;
        for (const u of result.pools) {
          const pool = inv.find((p) => p.poolName === u.poolName)!;
          expect(u.gpusAllocated).toBeLessThanOrEqual(u.gpuCapacity);
          expect(u.serversAllocated).toBeLessThanOrEqual(pool.serverCount);
          expect(u.gpuCapacity).toBe(pool.serverCount * pool.server.gpuCount);
          expect(u.gpusFree).toBe(u.gpuCapacity - u.gpusAllocated);
          // the physical GPUs cover every share sold, and every whole GPU sold
          const shares = result.purchases.filter((p) => p.poolName === u.poolName).reduce((s, p) => s + p.gpuShare, 0);
          expect(u.gpusAllocated).toBeGreaterThanOrEqual(shares - 1e-9);
          expect(u.gpusAllocated).toBeGreaterThanOrEqual(whole(u.poolName));
        }
      }), { numRuns: 300 });
      expect(planned).toBeGreaterThan(30); // the generators make plans, not only refusals
    });

    test('a purchase holds servers x GPUs per server, on the flavor of that size; whole-GPU pools allocate exactly their sum', () => {
      fc.assert(fc.property(tenants, (ts) => {
        const result = attempt({ pools: pools(16, 16), tenants: ts });
        if (typeof result === 'string') return;
        for (const p of result.purchases) {
          const flavor = result.flavors.find((f) => f.flavorKey === p.flavorKey)!;
          expect(flavor.gpusPerServer).toBe(p.gpusPerServer);
          expect(flavor.tenantNames).toContain(p.tenantName);
          if (p.attachmentKind === GpuAttachmentKind.PASSTHROUGH || p.attachmentKind === GpuAttachmentKind.BARE_METAL) {
            expect(p.gpuShare).toBe(p.servers * p.gpusPerServer);
          }
        }
        for (const poolName of ['h200-bm', 'l40s']) {
          const sum = result.purchases.filter((p) => p.poolName === poolName).reduce((s, p) => s + p.servers * p.gpusPerServer, 0);
          expect(result.pools.find((u) => u.poolName === poolName)!.gpusAllocated).toBe(sum);
        }
      }), { numRuns: 300 });
    });

    test('packs like first fit, largest first, over every VM one by one', () => {
      fc.assert(fc.property(tenants, (ts) => {
        const result = attempt({ pools: pools(64, 64), tenants: ts });
        if (typeof result === 'string') return;
        for (const u of result.pools) {
          const perServer = u.gpuCapacity / u.serverCount;
          const sizes: number[] = [];
          const units = new Map<string, { n: number; perGpu: number }>();
          for (const p of result.purchases.filter((x) => x.poolName === u.poolName)) {
            if (p.attachmentKind === GpuAttachmentKind.PASSTHROUGH || p.attachmentKind === GpuAttachmentKind.BARE_METAL) {
              for (let i = 0; i < p.servers; i++) sizes.push(p.gpusPerServer);
            } else {
              const e = units.get(p.flavorKey.split('/')[1]) ?? { n: 0, perGpu: (p.servers * p.gpusPerServer) / p.gpuShare };
              e.n += p.servers * p.gpusPerServer;
              units.set(p.flavorKey.split('/')[1], e);
            }
          }
          for (const e of units.values()) for (let i = 0; i < Math.ceil(e.n / e.perGpu - 1e-9); i++) sizes.push(1);
          const free: number[] = [];
          for (const size of sizes.sort((a, b) => b - a)) {
            const at = free.findIndex((f) => f >= size);
            if (at >= 0) free[at] -= size;
            else free.push(perServer - size);
          }
          expect(u.serversAllocated).toBe(free.length);
        }
      }), { numRuns: 300 });
    });

    test('deterministic: the same description gives the same plan', () => {
      fc.assert(fc.property(inventory, tenants, (inv, ts) => {
        expect(attempt({ pools: inv, tenants: ts })).toEqual(attempt({ pools: inv, tenants: ts.map((t) => ({ ...t, gpus: [...t.gpus] })) }));
      }), { numRuns: 200 });
    });

    test('independent of tenant order: flavors and pool usage are the same, a refusal stays a refusal', () => {
      const reordered = tenants.chain((ts) => fc.tuple(fc.constant(ts), fc.shuffledSubarray(ts, { minLength: ts.length, maxLength: ts.length })));
      fc.assert(fc.property(inventory, reordered,
        (inv, [ts, shuffled]) => {
          const a = attempt({ pools: inv, tenants: ts });
          const b = attempt({ pools: inv, tenants: shuffled });
          expect(typeof a).toBe(typeof b);
          if (typeof a === 'string' || typeof b === 'string') return;
          expect(b.flavors).toEqual(a.flavors);
          expect(b.pools).toEqual(a.pools);
          const sorted = (ps: typeof a.purchases) => [...ps].sort((x, y) => `${x.tenantName}/${x.purchaseName}`.localeCompare(`${y.tenantName}/${y.purchaseName}`));
          expect(sorted(b.purchases)).toEqual(sorted(a.purchases));
        }), { numRuns: 200 });
    });
  });
});
