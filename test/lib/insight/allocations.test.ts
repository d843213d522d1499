// Tenant allocations equal flavors × counts, on factories fast-check builds with the library's own constructs:
// a tenant's GPU limits in the capacity report are the GPUs of each flavor it was given times the server count,
// whatever the mix of VM and bare-metal flavors.
import * as fc from 'fast-check';
import { capacityOf, capacityReport } from '../../../lib/insight/capacity';
import { buildModel } from '../../../lib/insight/model';
import { ironicStack } from '../../constructs/compute/helpers';
import { synthStack } from '../../util';
import { BaremetalFlavor, BaremetalNodePool, GpuFlavor, NovaUnifiedLimits, ServerProfile, Tenant } from 'cdk-ai-factory';

const VM_SIZES = [1, 2, 4, 8];

interface TenantAsk {
  /** VM GPU servers: GPUs per flavor → server count. */
  readonly vm: { gpus: number; count: number }[];
  /** Bare-metal servers (8 H200s each). */
  readonly bm: number;
}

const tenantAsk: fc.Arbitrary<TenantAsk> = fc.record({
  vm: fc.uniqueArray(fc.record({ gpus: fc.constantFrom(...VM_SIZES), count: fc.integer({ min: 1, max: 8 }) }), {
    selector: (a) => a.gpus,
    maxLength: 3,
  }),
  bm: fc.integer({ min: 0, max: 4 }),
});

test('a tenant\'s GPU limits are Σ flavor GPUs × server count, per resource class', () => {
  fc.assert(
    fc.property(fc.array(tenantAsk, { minLength: 1, maxLength: 4 }), (asks) => {
      const stack = ironicStack();
      const server = ServerProfile.HGX_H200_8GPU;
      const vmFlavors = new Map(VM_SIZES.map((n) => [n, new GpuFlavor(stack, `H200x${n}`, { server, gpuCount: n })]));
      const pool = new BaremetalNodePool(stack, 'Pool', {
        poolName: 'hgx',
        server,
        nodes: [{ nodeName: 'gpu-01', bmcAddress: '10.0.0.1', macAddresses: { 'lom0/0': '3c:ec:ef:00:00:01' } }],
      });
      const bm = new BaremetalFlavor(stack, 'Bm', { pool });
      const nova = new NovaUnifiedLimits(stack, 'Nova');
      asks.forEach((a, i) => {
        const gpuServers = [...a.vm.map((v) => ({ flavor: vmFlavors.get(v.gpus)!, count: v.count })), ...(a.bm ? [{ flavor: bm, count: a.bm }] : [])];
        // no headroom, so the servers limit is the count itself (GPU limits never get headroom by default)
        new Tenant(stack, `T${i}`, { projectName: `t${i}`, gpuServers, novaLimits: nova, headroomPercent: 0 });
      });
      const model = buildModel({ stacks: [{ stack: 'test', json: synthStack(stack) }], manifests: [] });
      const quotas = capacityOf(model).tenantQuotas;
      const report = capacityReport(model, 'test');
      asks.forEach((a, i) => {
        const mine = quotas.filter((q) => q.tenant === `t${i}`);
        const vmGpus = a.vm.reduce((s, v) => s + v.gpus * v.count, 0);
        const pci = mine.find((q) => q.resource === `class:${vmFlavors.get(1)!.gpuResourceClass}`);
        expect(pci?.limitGpus ?? 0).toBe(vmGpus);
        const metal = mine.find((q) => q.resource === `class:${bm.gpuResourceClass}`);
        expect(metal?.limit ?? 0).toBe(a.bm);
        expect(metal?.limitGpus ?? 0).toBe(a.bm * server.gpuCount);
        expect(model.tenants.find((t) => t.name === `t${i}`)?.limits.servers ?? 0).toBe(a.vm.reduce((s, v) => s + v.count, 0) + a.bm);
        if (pci) expect(report).toContain(`| t${i} | ${pci.resource} | GPU | ${vmGpus} | ${vmGpus} |`);
      });
    }),
    { numRuns: 12 },
  );
});
