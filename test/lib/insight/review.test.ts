import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { cleanup, synthToDir } from './synth';
import { main } from '../../../bin/cdk-ai-factory';
import { GpuModel } from '../../../lib/hardware/gpu';
import { KubernetesDocument } from '../../../lib/insight/documents';
import { buildModel } from '../../../lib/insight/model';
import { review } from '../../../lib/insight/review';
import { LlmModel } from '../../../lib/models/llm';
import { ServingPlanner } from '../../../lib/models/serving-plan';

/** Runs `cdk-ai-factory review before after [flags]` on two real syntheses. */
async function reviewOf(before: string, after: string, ...flags: string[]): Promise<{ code: number; out: string; err: string; lines: string[] }> {
  let out = '';
  let err = '';
  const code = await main(['review', before, after, ...flags], (s) => (out += s), (s) => (err += s));
  return { code, out, err, lines: out.split('\n').filter((l) => l.startsWith('- ')) };
}

const dirs: string[] = [];
const synth = (example: string, edits: { from: string; to: string }[] = []) => {
  const d = synthToDir(example, edits);
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach(cleanup));

describe('review: bare-metal-gpu-pool', () => {
  let base: string;
  beforeAll(() => {
    base = synth('bare-metal-gpu-pool');
  });

  test('no change: says so and exits 0', async () => {
    const r = await reviewOf(base, base);
    expect(r.code).toBe(0);
    expect(r.out).toContain('No change to GPUs, quotas, exposure, stateful resources or model plans.');
  });

  test('GPU add: a server more in the pool', async () => {
    const after = synth('bare-metal-gpu-pool', [{ from: 'nodes: [rack(5), rack(13), rack(21), rack(29)]', to: 'nodes: [rack(5), rack(13), rack(21), rack(29), rack(37)]' }]);
    const r = await reviewOf(base, after);
    expect(r.lines).toEqual(['- pool baremetal-hgx-h200-8gpu: 32 → 40 GPUs (+8); servers +hgx-r01-u37']);
    expect(r.code).toBe(0);
  });

  test('GPU remove: a server less, and its node destroyed; exit 1 unless --allow-destroy', async () => {
    const after = synth('bare-metal-gpu-pool', [{ from: 'nodes: [rack(5), rack(13), rack(21), rack(29)]', to: 'nodes: [rack(5), rack(13), rack(21)]' }]);
    const r = await reviewOf(base, after);
    expect(r.lines).toEqual([
      '- pool baremetal-hgx-h200-8gpu: 32 → 24 GPUs (-8); servers -hgx-r01-u29',
      '- **bare-metal node hgx-r01-u29** (`bare-metal-gpu-pool/ironic_node.HgxPool_hgx-r01-u29_2DD57A86`): destroyed: its address is gone and no `moved` block accounts for it',
    ]);
    expect(r.out).toContain('> **1 stateful resource(s) destroyed or replaced.**');
    expect(r.code).toBe(1);
    expect(r.err).toBe('cdk-ai-factory: 1 stateful resource(s) destroyed or replaced; pass --allow-destroy if that is intended\n');
    expect((await reviewOf(base, after, '--allow-destroy')).code).toBe(0);

    // the command as a process: its exit status is what fails a CI job
    const root = path.join(__dirname, '..', '..', '..');
    const run = (...flags: string[]) => spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'bin', 'cdk-ai-factory.ts'), 'review', base, after, ...flags], { encoding: 'utf8' });
    const failed = run();
    expect([failed.status, failed.stdout]).toEqual([1, r.out]);
    expect(failed.stderr).toContain('pass --allow-destroy if that is intended');
    expect(run('--allow-destroy').status).toBe(0);
  });
});

describe('review: tenants-and-storage', () => {
  let base: string;
  beforeAll(() => {
    base = synth('tenants-and-storage');
  });

  test('quota change: two more 4-GPU servers for research', async () => {
    const after = synth('tenants-and-storage', [{ from: 'gpuServers: [{ flavor: h200x4, count: 4 }]', to: 'gpuServers: [{ flavor: h200x4, count: 6 }]' }]);
    const r = await reviewOf(base, after);
    expect(r.lines).toContain('- tenant research gains 8 GPUs of class:CUSTOM_PCI_10DE_2335: 16 → 24');
    expect(r.lines).toContain('- tenant research: servers 8 → 10');
    expect(r.lines.filter((l) => l.includes('inference'))).toEqual([]);
    expect(r.code).toBe(0);
  });

  test('share replacement: a renamed construct id moves the share to a new address without a moved block', async () => {
    const after = synth('tenants-and-storage', [{ from: "new Share(site, 'ResearchDatasets',", to: "new Share(site, 'Datasets'," }]);
    const r = await reviewOf(base, after);
    expect(r.lines).toEqual([
      '- **share research-datasets** (`tenants-and-storage/openstack_sharedfilesystem_share_v2.ResearchDatasets_FA303FA0`): replaced: its address changes to ' +
        '`tenants-and-storage/openstack_sharedfilesystem_share_v2.Datasets_0030EE04` without a `moved` block, so Terraform destroys it and creates an empty one',
    ]);
    expect(r.code).toBe(1);
  });

  test('a moved block accounts for the new address: nothing is destroyed', async () => {
    const after = synth('tenants-and-storage', [{ from: "new Share(site, 'ResearchDatasets',", to: "new Share(site, 'Datasets'," }]);
    // what `share.moveFromId(...)` writes: Terraform's moved block, in the stack's JSON
    const file = path.join(after, 'cdktf.out', 'stacks', 'tenants-and-storage', 'cdk.tf.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    json.moved = [{ from: 'openstack_sharedfilesystem_share_v2.ResearchDatasets_FA303FA0', to: 'openstack_sharedfilesystem_share_v2.Datasets_0030EE04' }];
    fs.writeFileSync(file, JSON.stringify(json));
    const r = await reviewOf(base, after);
    expect(r.lines.filter((l) => l.includes('share research-datasets'))).toEqual([]);
    expect(r.code).toBe(0);
  });

  test('model re-plan: tensor parallelism 2 → 4 doubles the GPUs per replica', async () => {
    const after = synth('tenants-and-storage', [{ from: '    maxModelLen: 32768,\n    modelSource: ModelSource.fromModelStore', to: '    maxModelLen: 32768,\n    tensorParallelSize: 4,\n    modelSource: ModelSource.fromModelStore' }]);
    const r = await reviewOf(base, after);
    // the memory per GPU, as the planner computes it for the example's H200 flavor and 32768-token context
    const model = LlmModel.LLAMA_3_1_70B;
    const gpu = GpuModel.H200_SXM_141GB;
    const plan = (tp: number) => ServingPlanner.plan({ model, gpu, gpusPerNode: tp, tensorParallelSize: tp, maxModelLen: 32768 });
    const [tp2, tp4] = [plan(2), plan(4)];
    expect(r.lines).toEqual([
      '- model server llm/vllm-llama-3-1-70b: GPUs per replica 2 → 4; kv-cache-tokens 325317 → 1081542; tensor-parallel-size 2 → 4; ' +
        `weights per GPU ${tp2.weightsPerGpuGb} → ${tp4.weightsPerGpuGb} GB; ` +
        `KV cache per GPU ${tp2.kvCachePerGpuGb} → ${tp4.kvCachePerGpuGb} GB (${tp2.maxConcurrentSequences} → ${tp4.maxConcurrentSequences} full-length sequences)`,
    ]);
    expect(tp4.maxConcurrentSequences).toBeGreaterThan(tp2.maxConcurrentSequences);
    expect(r.code).toBe(0);
  });
});

describe('review: multi-tenant-network', () => {
  test('new world-open rule: the vLLM port from anywhere on every tenant', async () => {
    const base = synth('multi-tenant-network');
    const after = synth('multi-tenant-network', [{
      from: "  nodes.allowFrom(Peer.anyIpv4(), TrafficPort.tcp(443), { description: 'public inference API' });",
      to: "  nodes.allowFrom(Peer.anyIpv4(), TrafficPort.tcp(443), { description: 'public inference API' });\n  nodes.allowFrom(Peer.anyIpv4(), TrafficPort.tcp(8000), { description: 'vLLM API, no gateway' });",
    }]);
    const r = await reviewOf(base, after);
    expect(r.lines).toEqual([
      '- **new**: security group acme-nodes allows TCP 8000 from 0.0.0.0/0 (tenant acme)',
      '- **new**: security group beta-nodes allows TCP 8000 from 0.0.0.0/0 (tenant beta)',
    ]);
    expect(r.out).toContain('### Exposure');
    expect(r.code).toBe(0);
  });
});

describe('review: a new tenant on multi-tenant-network', () => {
  test('its project, its router and world-open rule, and the RBAC share of the site QoS policy', async () => {
    const base = synth('multi-tenant-network');
    const after = synth('multi-tenant-network', [{ from: "for (const name of ['acme', 'beta'])", to: "for (const name of ['acme', 'beta', 'gamma'])" }]);
    const r = await reviewOf(base, after);
    expect(r.lines).toEqual([
      '- new tenant gamma',
      '- **new**: router gamma-router routes to external network public (tenant gamma)',
      '- **new**: security group gamma-nodes allows TCP 443 from 0.0.0.0/0 (tenant gamma)',
      '- **new share**: qos_policy storage access_as_shared to tenant gamma',
    ]);
    expect(r.code).toBe(0);
  });
});

describe('review: gateway exposure (Gateway API objects)', () => {
  const gateway = (hostname: string): KubernetesDocument => ({
    source: 'g',
    doc: { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'ai', namespace: 'edge' }, spec: { listeners: [{ name: 'https', protocol: 'HTTPS', port: 443, hostname }] } },
  });
  const route: KubernetesDocument = {
    source: 'r',
    doc: {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'llama', namespace: 'llm' },
      spec: { parentRefs: [{ name: 'ai', namespace: 'edge' }], rules: [{ backendRefs: [{ group: 'inference.networking.k8s.io', kind: 'InferencePool', name: 'llama' }] }] },
    },
  };

  test('a new route to a model and a widened listener are reported; removing the route closes it', () => {
    const before = buildModel({ stacks: [], manifests: [gateway('api.example.net')] });
    // the route's namespace belongs to tenant beta; the gateway's namespace is no tenant's
    const ns: KubernetesDocument = { source: 'n', doc: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'llm', labels: { 'ai-factory.dev/tenant': 'beta' } } } };
    const after = buildModel({ stacks: [], manifests: [ns, gateway('*.example.net'), route] });
    expect(review(before, after).markdown.split('\n').filter((l) => l.startsWith('- ') && !l.includes('new tenant'))).toEqual([
      '- **changed**: gateway edge/ai listens on HTTPS 443 for api.example.net → gateway edge/ai listens on HTTPS 443 for *.example.net',
      '- **new**: HTTPRoute llm/llama on edge/ai to InferencePool llama (tenant beta)',
    ]);
    expect(review(after, before).markdown).toContain('- closed: HTTPRoute llm/llama on edge/ai to InferencePool llama');
  });
});

describe('review: gpu-cluster', () => {
  test('MIG slices: a third H100 node adds slices; a tenant queue loses half its 1g.10gb quota', async () => {
    const base = synth('gpu-cluster');
    const after = synth('gpu-cluster', [
      { from: '    gpusPerNode: 8,\n    nodeCount: 2,', to: '    gpusPerNode: 8,\n    nodeCount: 3,' },
      { from: '      { flavor: mig1g, nominal: 16 },', to: '      { flavor: mig1g, nominal: 8 },' },
    ]);
    const r = await reviewOf(base, after);
    expect(r.lines).toEqual([
      '- tenant ai-platform gains 8 GPUs in its clusters: 48 → 56',
      '- node group h100: 32 → 48 MIG 1g.10gb slices (+16)',
      '- node group h100: 16 → 24 MIG 2g.20gb slices (+8)',
      '- node group h100: 16 → 24 MIG 3g.40gb slices (+8)',
      '- tenant team-a (cluster queue team-a) loses 8 nvidia.com/mig-1g.10gb on h100-mig-1g.10gb: 16 → 8',
    ]);
    expect(r.code).toBe(0);
  });
});

describe('review CLI usage', () => {
  test('fails with usage on bad arguments', async () => {
    let err = '';
    expect(await main(['review', 'only-one'], () => undefined, (s) => (err += s))).toBe(2);
    expect(err).toContain('usage: cdk-ai-factory review <before-dir> <after-dir> [--allow-destroy]');
  });

  test('fails when a folder holds no synthesized output', async () => {
    let err = '';
    expect(await main(['report', __dirname], () => undefined, (s) => (err += s))).toBe(2);
    expect(err).toBe(`cdk-ai-factory: ${__dirname}: no cdktf.out/stacks/*/cdk.tf.json and no *.k8s.yaml found; run the synth first (npx cdktf synth, or npm run synth)\n`);
  });
});
