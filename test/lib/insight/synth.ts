// Real syntheses for the insight tests: an example as it is, or a copy of it with its source edited (the change a
// pull request would make), synthesized into a temporary folder and read back like the CLI reads a checkout.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as YAML from 'yaml';
import { SynthesizedFactory } from '../../../lib/insight/documents';

const examplesDir = path.join(__dirname, '..', '..', '..', 'examples');

/** One edit of an example's source: `from` must occur exactly once. */
export interface SourceEdit {
  readonly from: string;
  readonly to: string;
}

/**
 * Synthesizes an example, or (with edits) a modified copy of it placed beside the original so its imports resolve
 * the same way; returns the output folder (the caller removes it with `cleanup`).
 */
export function synthToDir(example: string, edits: SourceEdit[] = []): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `insight-${example}-`));
  let source = path.join(examplesDir, example, 'main.ts');
  let copy: string | undefined;
  if (edits.length) {
    let text = fs.readFileSync(source, 'utf8');
    for (const e of edits) {
      const n = text.split(e.from).length - 1;
      if (n !== 1) throw new Error(`edit of ${example}: ${JSON.stringify(e.from)} occurs ${n} times, expected once`);
      text = text.replace(e.from, e.to);
    }
    copy = path.join(examplesDir, example, `.insight-test-${process.pid}-${path.basename(outdir)}.ts`);
    fs.writeFileSync(copy, text);
    source = copy;
  }
  const saved = process.env.CDKTF_OUTDIR;
  delete process.env.CDKTF_OUTDIR;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(source).synth(outdir);
  } finally {
    if (saved !== undefined) process.env.CDKTF_OUTDIR = saved;
    if (copy) fs.rmSync(copy, { force: true });
  }
  return outdir;
}

export function cleanup(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** The example's raw output, parsed, for assertions computed independently of the model. */
export function rawOutput(dir: string): SynthesizedFactory {
  const stacks: SynthesizedFactory['stacks'] = [];
  const manifests: SynthesizedFactory['manifests'] = [];
  const walk = (d: string): string[] =>
    fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  for (const f of walk(dir)) {
    const m = /cdktf\.out\/stacks\/([^/]+)\/cdk\.tf\.json$/.exec(f);
    if (m) stacks.push({ stack: m[1], json: JSON.parse(fs.readFileSync(f, 'utf8')) });
    if (f.endsWith('.k8s.yaml')) for (const d of YAML.parseAllDocuments(fs.readFileSync(f, 'utf8'))) manifests.push({ source: f, doc: d.toJSON() });
  }
  return { stacks, manifests };
}

/** Every resource of one Terraform type across stacks. */
export function resourcesOfType(raw: SynthesizedFactory, type: string): any[] {
  return raw.stacks.flatMap((s) => Object.values(s.json.resource?.[type] ?? {}));
}
