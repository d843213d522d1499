import * as fs from 'fs';
import * as path from 'path';
import { DOMParser, Element } from '@xmldom/xmldom';
import { cleanup, synthToDir } from './synth';
import { loadSynthesized } from '../../../bin/load';
import { buildModel } from '../../../lib/insight/model';
import { renderSvg, TENANT_BOXES_MAX, topologyDot } from '../../../lib/insight/topology';

/** Parses SVG as XML, failing on any error or warning; returns the root element. */
function parseSvg(svg: string): Element {
  const problems: string[] = [];
  const doc = new DOMParser({ onError: (level: string, msg: string) => problems.push(`${level}: ${msg}`) }).parseFromString(svg, 'image/svg+xml');
  expect(problems).toEqual([]);
  if (!doc.documentElement) throw new Error('no document element');
  return doc.documentElement;
}

/** The text lines of the drawing. */
function texts(root: Element): string[] {
  return Array.from(root.getElementsByTagName('text')).map((t: Element) => t.textContent ?? '');
}

const examples = fs
  .readdirSync(path.join(__dirname, '..', '..', '..', 'examples'))
  .filter((n) => fs.existsSync(path.join(__dirname, '..', '..', '..', 'examples', n, 'main.ts')))
  .sort();

describe.each(examples)('topology of examples/%s', (example) => {
  test('renders to a non-empty SVG that parses, deterministically', async () => {
    const dir = synthToDir(example);
    try {
      const model = buildModel(loadSynthesized(dir));
      const dot = topologyDot(model, example);
      const svg = await renderSvg(dot);
      const root = parseSvg(svg);
      expect(root.tagName).toBe('svg');
      expect(root.getElementsByTagName('g').length).toBeGreaterThan(2);
      expect(root.getElementsByTagName('title')[0].textContent).toBe(example);
      // sized for DejaVu Sans, with narrower fallbacks, so labels fit on any viewer
      expect([...new Set(svg.match(/font-family="[^"]*"/g))]).toEqual(['font-family="DejaVu Sans,Verdana,Helvetica,Arial,sans-serif"']);
      const text = texts(root);
      for (const p of model.pools) expect(text).toContain(p.resourceClass);
      for (const t of model.tenants) expect(text).toContain(`tenant ${t.name}`);
      expect(await renderSvg(topologyDot(buildModel(loadSynthesized(dir)), example))).toBe(svg);
    } finally {
      cleanup(dir);
    }
  });
});

test('50 tenants are summarized in tables, not 50 boxes', async () => {
  const names = Array.from({ length: 50 }, (_, i) => `t${String(i + 1).padStart(2, '0')}`);
  const dir = synthToDir('multi-tenant-network', [{ from: "for (const name of ['acme', 'beta'])", to: `for (const name of ${JSON.stringify(names)})` }]);
  try {
    const model = buildModel(loadSynthesized(dir));
    expect(model.tenants.length).toBe(50);
    expect(model.tenants.length).toBeGreaterThan(TENANT_BOXES_MAX);
    const dot = topologyDot(model, 'fifty');
    expect(dot).toContain('tenants 1–10 of 50');
    expect(dot).toContain('tenants 41–50 of 50');
    expect(dot).not.toContain('"tenant:t01"');
    const svg = await renderSvg(dot);
    const text = texts(parseSvg(svg));
    for (const n of names) expect(text).toContain(n);
    if (process.env.INSIGHT_KEEP_SVG) fs.writeFileSync(process.env.INSIGHT_KEEP_SVG, svg);
    // readable: the five tables sit side by side or stacked, not one 50-row column
    const height = Number(/<svg width="(\d+)pt" height="(\d+)pt"/.exec(svg)?.[2]);
    expect(height).toBeGreaterThan(0);
    expect(height).toBeLessThan(2500);
  } finally {
    cleanup(dir);
  }
});

test('gpu-cluster: a tenant that exists only in Kubernetes is drawn inside the Kubernetes box with its Kueue quota', () => {
  const dir = synthToDir('gpu-cluster');
  try {
    const model = buildModel(loadSynthesized(dir));
    const dot = topologyDot(model, 'gpu-cluster');
    const k8s = dot.slice(dot.indexOf('subgraph cluster_k8s'));
    const teamA = model.kueueQuotas.filter((q) => q.tenant === 'team-a');
    expect(k8s).toContain('"tenant:team-a"');
    expect(k8s).toContain(`Kueue: ${teamA.map((q) => `${q.nominal} ${q.resource.replace(/^nvidia\.com\//, '')}`).join(', ')}`);
    // both queues belong to drawn tenants, so no separate queue list repeats them
    expect(dot).not.toContain('"queues" [label=');
  } finally {
    cleanup(dir);
  }
});

test('llm-serving: model rows say the layout (TP × PP), and an autoscaled server makes the pool edge a lower bound', () => {
  const dir = synthToDir('llm-serving');
  try {
    const model = buildModel(loadSynthesized(dir));
    const dot = topologyDot(model, 'llm-serving');
    const lws = model.modelServers.find((s) => s.kind === 'LeaderWorkerSet')!;
    expect(dot).toContain(`${lws.name}: autoscaled × ${lws.gpusPerReplica} GPUs TP${lws.plan['tensor-parallel-size']}×PP${lws.plan['pipeline-parallel-size']}`);
    const onH100 = model.modelServers.filter((s) => s.pool === 'h100');
    expect(onH100.some((s) => s.replicas === undefined)).toBe(true);
    const atLeast = onH100.reduce((n, s) => n + (s.replicas ?? 1) * s.gpusPerReplica, 0);
    expect(dot).toContain(`-> "k8spool:h100" [label="≥ ${atLeast} GPUs"]`);
  } finally {
    cleanup(dir);
  }
});

test('dpu-gateway: a tenant is linked to the models in its namespace, and stays outside the Kubernetes box', () => {
  const dir = synthToDir('dpu-gateway');
  try {
    const model = buildModel(loadSynthesized(dir));
    // the namespaces carry no tenant label: they are the tenants' projects by name
    expect(model.modelServers.map((s) => [s.namespaceName, s.tenant])).toEqual([['team-a', 'team-a'], ['team-b', 'team-b']]);
    const dot = topologyDot(model, 'dpu-gateway');
    const k8s = dot.slice(dot.indexOf('subgraph cluster_k8s'), dot.lastIndexOf('\n  }\n'));
    expect(k8s).toContain('models in team-a');
    for (const t of ['team-a', 'team-b']) {
      const edge = `"tenant:${t}" -> "ns:${t}" [style=dashed, arrowhead=none, label="runs"];`;
      expect(dot).toContain(edge);
      expect(k8s).not.toContain(edge);
      expect(k8s).not.toContain(`"tenant:${t}" [`);
    }
  } finally {
    cleanup(dir);
  }
});
