/**
 * Synthesizes every example (or the ones named on the command line):
 * Terraform JSON into examples/<name>/cdktf.out/stacks/<stack>/cdk.tf.json and Kubernetes YAML into
 * examples/<name>/dist/*.k8s.yaml, then the factory's capacity report and topology diagram into
 * examples/<name>/insight/{capacity.md,topology.svg} (git-ignored, like the rest of the output). Old output is
 * removed first, so the folders hold exactly one synth.
 *
 * Progress (example i of n, stacks and resources written) goes to stderr on a terminal only: quiet when stderr is
 * not a TTY or CI is set, so logs and CI output stay as they were.
 *
 *   npm run synth [-- quickstart ...]
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { loadSynthesized } from '../bin/load';
import { capacityReport } from '../lib/insight/capacity';
import { terraformResources } from '../lib/insight/documents';
import { buildModel } from '../lib/insight/model';
import { renderSvg, topologyDot } from '../lib/insight/topology';

const root = path.resolve(__dirname, '..');
const examplesDir = path.join(root, 'examples');
const all = fs
  .readdirSync(examplesDir)
  .filter((name) => fs.existsSync(path.join(examplesDir, name, 'main.ts')))
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !all.includes(w));
if (unknown.length) {
  console.error(`unknown example(s): ${unknown.join(', ')}; examples are ${all.join(', ')}`);
  process.exit(2);
}
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const progress = progressLine();

async function run(): Promise<void> {
  const names = wanted.length ? wanted : all;
  for (const [i, name] of names.entries()) {
    const dir = path.join(examplesDir, name);
    for (const out of ['cdktf.out', 'dist', 'insight']) fs.rmSync(path.join(dir, out), { recursive: true, force: true });
    const started = Date.now();
    progress(`[${i + 1}/${names.length}] ${name}: synthesizing`);
    execFileSync(tsx, ['--tsconfig', path.join(root, 'tsconfig.dev.json'), 'main.ts'], {
      cwd: dir,
      stdio: 'inherit',
      env: exampleEnv(),
    });
    const outputs = [
      ...listFiles(path.join(dir, 'cdktf.out'), (f) => f.endsWith('cdk.tf.json')),
      ...listFiles(path.join(dir, 'dist'), (f) => f.endsWith('.k8s.yaml')),
    ].map((f) => path.relative(root, f));
    const input = loadSynthesized(dir);
    progress(`[${i + 1}/${names.length}] ${name}: ${input.stacks.length} stack(s), ${terraformResources(input).length} resources, ${input.manifests.length} Kubernetes objects written; report and diagram`);
    const model = buildModel(input);
    const insight = path.join(dir, 'insight');
    fs.mkdirSync(insight, { recursive: true });
    fs.writeFileSync(path.join(insight, 'capacity.md'), capacityReport(model, name));
    fs.writeFileSync(path.join(insight, 'topology.svg'), await renderSvg(topologyDot(model, name)));
    progress('');
    console.log(`${name}: ${[...outputs, path.relative(root, insight) + '/{capacity.md,topology.svg}'].join(', ')} (${Date.now() - started} ms)`);
  }
}

run().catch((e) => {
  progress('');
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

/** One self-overwriting status line on stderr when it is a terminal and CI is unset; nothing otherwise. */
function progressLine(): (text: string) => void {
  if (!process.stderr.isTTY || process.env.CI) return () => {};
  return (text) => {
    const width = process.stderr.columns || 100;
    process.stderr.write(`\r\x1b[K${text.length > width - 1 ? text.slice(0, width - 2) + '…' : text}`);
  };
}

/** The environment of an example's synth: no CDKTF_OUTDIR from an outer cdktf run, no phoning home. */
function exampleEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: '1' };
  delete env.CDKTF_OUTDIR;
  return env;
}

function listFiles(dir: string, pred: (f: string) => boolean): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(full, pred) : pred(full) ? [full] : [];
  });
}
