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
