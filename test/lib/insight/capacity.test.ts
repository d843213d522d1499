import * as fs from 'fs';
import * as path from 'path';
import { cleanup, rawOutput, resourcesOfType, synthToDir } from './synth';
import { loadSynthesized } from '../../../bin/load';
import { ServerProfile } from '../../../lib/hardware/server';
import { capacityOf, capacityReport } from '../../../lib/insight/capacity';
import { buildModel, FactoryModel } from '../../../lib/insight/model';

const examples = fs
  .readdirSync(path.join(__dirname, '..', '..', '..', 'examples'))
  .filter((n) => fs.existsSync(path.join(__dirname, '..', '..', '..', 'examples', n, 'main.ts')))
  .sort();

/** GPUs of an Ironic node from the catalog server profile its resource class names (independent of the model). */
function gpusOfNode(node: any): number {
  const profile = Object.values(ServerProfile).find((p) => p instanceof ServerProfile && `baremetal-${p.name}` === node.resource_class) as ServerProfile | undefined;
  if (!profile) throw new Error(`no catalog profile for ${node.resource_class}`);
  return profile.gpuCount;
}

/** The GPU count of a flavor from its own extra specs. */
function gpusOfFlavor(flavor: any): number {
  const alias = flavor.extra_specs?.['pci_passthrough:alias'];
  if (alias) return String(alias).split(',').reduce((s: number, p: string) => s + Number(p.split(':')[1]), 0);
  if (flavor.extra_specs?.['resources:VGPU']) return Number(flavor.extra_specs['resources:VGPU']);
  return Number(/(\d+)× NVIDIA/.exec(flavor.description ?? '')?.[1] ?? 0);
}

describe.each(examples)('capacity of examples/%s', (example) => {
  let dir: string;
  let model: FactoryModel;
  let raw: ReturnType<typeof rawOutput>;
  beforeAll(() => {
    dir = synthToDir(example);
    raw = rawOutput(dir);
    model = buildModel(loadSynthesized(dir));
  });
  afterAll(() => cleanup(dir));

  test('GPU totals equal the Ironic inventory', () => {
    const nodes = resourcesOfType(raw, 'ironic_node');
    const expected = nodes.reduce((s, n) => s + gpusOfNode(n), 0);
    const cap = capacityOf(model);
    expect(cap.pools.reduce((s, p) => s + p.gpus, 0)).toBe(expected);
    expect(cap.pools.reduce((s, p) => s + p.servers, 0)).toBe(nodes.length);
    for (const p of cap.pools) {
      const inPool = nodes.filter((n) => n.resource_class === p.pool);
      expect(p.gpus).toBe(inPool.reduce((s, n) => s + gpusOfNode(n), 0));
    }
  });

  test('every GPU flavor counts the GPUs its extra specs ask for', () => {
    for (const f of resourcesOfType(raw, 'openstack_compute_flavor_v2')) {
      expect(model.flavors.find((x) => x.name === f.name)?.gpus).toBe(gpusOfFlavor(f));
    }
  });

  test('cluster GPUs equal node counts × the GPUs of their flavors', () => {
    const flavors = raw.stacks.flatMap((s) => Object.entries(s.json.resource?.openstack_compute_flavor_v2 ?? {}).map(([id, f]) => ({ ref: `\${openstack_compute_flavor_v2.${id}.id}`, f })));
    // a flavor of another stack is read through that stack's output (cdktf's cross-stack reference)
    const outputs = new Map(raw.stacks.flatMap((s) => Object.entries(s.json.output ?? {}).map(([k, o]: [string, any]) => [k, String(o.value)])));
    const local = (ref: string) => outputs.get(/\.outputs\.([A-Za-z0-9_-]+)\}$/.exec(ref)?.[1] ?? '') ?? ref;
    const expected = resourcesOfType(raw, 'openstack_containerinfra_nodegroup_v1')
      .reduce((s, g) => s + g.node_count * gpusOfFlavor(flavors.find((x) => x.ref === local(g.flavor_id))?.f ?? {}), 0);
    if (example === 'quickstart') expect(expected).toBeGreaterThan(0);
    expect(capacityOf(model).tenantClusters.reduce((s, c) => s + c.gpus, 0)).toBe(expected);
  });

  test('model servers: GPUs per replica are the pod GPUs × pods per group', () => {
    for (const s of model.modelServers) {
      const doc = raw.manifests.find((m) => m.doc?.kind === s.kind && m.doc.metadata?.name === s.name)!.doc;
      const tpl = s.kind === 'LeaderWorkerSet' ? doc.spec.leaderWorkerTemplate.workerTemplate : doc.spec.template;
      // whole GPUs of either vendor (moe-serving runs a model on AMD Instinct: amd.com/gpu)
      const gpusOf = (limits: any) => Number(limits?.['nvidia.com/gpu'] ?? 0) + Number(limits?.['amd.com/gpu'] ?? 0);
      const perPod = tpl.spec.containers.reduce((n: number, c: any) => n + gpusOf(c.resources?.limits), 0);
      const pods = s.kind === 'LeaderWorkerSet' ? doc.spec.leaderWorkerTemplate.size : 1;
      expect(s.gpusPerReplica).toBe(perPod * pods);
    }
  });

  test('the report is deterministic and carries the pool lines', () => {
    const report = capacityReport(model, example);
    expect(report).toBe(capacityReport(buildModel(loadSynthesized(dir)), example));
    expect(report.startsWith(`# Capacity of ${example}\n`)).toBe(true);
    for (const p of capacityOf(model).pools) {
      expect(report).toContain(`| ${p.pool} | ${p.gpusPerServer}× ${p.gpuModel} | ${p.servers} | ${p.gpus} |`);
    }
    expect(report).toContain('## Findings');
  });
});

describe('tenant allocations', () => {
  test('tenants-and-storage: GPU limits are the flavor GPUs × the server counts the example asks for', () => {
    const dir = synthToDir('tenants-and-storage');
    try {
      const raw = rawOutput(dir);
      const model = buildModel(loadSynthesized(dir));
      const flavor = resourcesOfType(raw, 'openstack_compute_flavor_v2').find((f) => f.name === 'gpu.h200-sxm-141gb.4x');
      const perServer = gpusOfFlavor(flavor);
      // examples/tenants-and-storage/main.ts: research gpuServers count 4, inference count 2
      const q = capacityOf(model).tenantQuotas;
      expect(q.find((x) => x.tenant === 'research')?.limitGpus).toBe(perServer * 4);
      expect(q.find((x) => x.tenant === 'inference')?.limitGpus).toBe(perServer * 2);
      const report = capacityReport(model, 'tenants-and-storage');
      expect(report).toContain(`| research | class:CUSTOM_PCI_10DE_2335 | GPU | ${perServer * 4} | ${perServer * 4} | 0 | ${perServer * 4} |`);
    } finally {
      cleanup(dir);
    }
  });

  test('gpu-cluster: MIG slices are nodes × GPUs × the layout, and unquoted slices are called stranded', () => {
    const dir = synthToDir('gpu-cluster');
    try {
      const raw = rawOutput(dir);
      const model = buildModel(loadSynthesized(dir));
      const h100 = resourcesOfType(raw, 'openstack_containerinfra_nodegroup_v1').find((g) => g.name === 'h100');
      const layout = model.migLayouts.find((l) => l.configName === 'h100-mixed')!;
      const mig = capacityOf(model).mig.find((m) => m.profile === '1g.10gb')!;
      expect(mig.slices).toBe(h100.node_count * 8 * layout.slicesPerGpu['1g.10gb']);
      const quoted = model.kueueQuotas.filter((q) => q.resource === 'nvidia.com/mig-1g.10gb').reduce((s, q) => s + q.nominal, 0);
      expect(capacityReport(model, 'gpu-cluster')).toContain(`- stranded: ${mig.slices - quoted} of ${mig.slices} 1g.10gb slices on node group h100 are in no Kueue quota`);
    } finally {
      cleanup(dir);
    }
  });

  test('bare-metal-gpu-pool: servers without flavor or allocation are stranded', () => {
    const dir = synthToDir('bare-metal-gpu-pool');
    try {
      const report = capacityReport(buildModel(loadSynthesized(dir)), 'bare-metal-gpu-pool');
      expect(report).toContain('- stranded: 1 of 2 servers of pool baremetal-l40s-4gpu-bf3 (4 GPUs) have no bare-metal flavor and no allocation, so nothing can use them');
      expect(report).toContain('| baremetal-l40s-4gpu-bf3 | 4× NVIDIA L40S | 2 | 8 | 0 | 0 | 4 | 4 | 4 |');
    } finally {
      cleanup(dir);
    }
  });
});
