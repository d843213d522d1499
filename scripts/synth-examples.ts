/**
 * Synthesizes every example (or the ones named on the command line):
 * Terraform JSON into examples/<name>/cdktf.out/stacks/<stack>/cdk.tf.json and Kubernetes YAML into
 * examples/<name>/dist/*.k8s.yaml, then the factory's capacity report and topology diagram into
 * examples/<name>/insight/{capacity.md,topology.svg} (git-ignored, like the rest of the output); an example whose
 * Kubernetes output is alternatives side by side (dist/<variant>/) gets examples/<name>/insight/<variant>/. Old output is
 * removed first, so the folders hold exactly one synth.
 *
 * Progress (example i of n, stacks and resources written) goes to stderr on a terminal only: quiet when stderr is
 * not a TTY or CI is set, so logs and CI output stay as they were.
 *
 *   npm run synth [-- quickstart ...]
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { kubernetesVariants, loadSynthesized, withVariant } from '../bin/load';
import { ProgressLine } from '../bin/progress';
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
const status = new ProgressLine(process.stderr, process.env);
const progress = (text: string) => (text ? status.update(text) : status.clear());

async function run(): Promise<void> {
  const names = wanted.length ? wanted : all;
  for (const [i, name] of names.entries()) {
    const dir = path.join(examplesDir, name);
    for (const out of ['cdktf.out', 'dist', 'insight']) fs.rmSync(path.join(dir, out), { recursive: true, force: true });
    const started = Date.now();
    await synthExample(dir, (written) => progress(`[${i + 1}/${names.length}] ${name}: synthesizing, ${written}`));
    const outputs = [
      ...listFiles(path.join(dir, 'cdktf.out'), (f) => f.endsWith('cdk.tf.json')),
      ...listFiles(path.join(dir, 'dist'), (f) => f.endsWith('.k8s.yaml')),
    ].map((f) => path.relative(root, f));
    const input = loadSynthesized(dir);
    progress(`[${i + 1}/${names.length}] ${name}: ${input.stacks.length} stack(s), ${terraformResources(input).length} resources, ${input.manifests.length} Kubernetes objects written; report and diagram`);
    // an example that writes alternative Kubernetes outputs (dist/<variant>/) gets a report and diagram per variant
    const variants = kubernetesVariants(input);
    const written: string[] = [];
    for (const v of variants.length ? variants : [undefined]) {
      const insight = v ? path.join(dir, 'insight', v) : path.join(dir, 'insight');
      const title = v ? `${name} (${v})` : name;
      const model = buildModel(v ? withVariant(input, v) : input);
      fs.mkdirSync(insight, { recursive: true });
      fs.writeFileSync(path.join(insight, 'capacity.md'), capacityReport(model, title));
      fs.writeFileSync(path.join(insight, 'topology.svg'), await renderSvg(topologyDot(model, title)));
      written.push(path.relative(root, insight) + '/{capacity.md,topology.svg}');
    }
    progress('');
    console.log(`${name}: ${[...outputs, ...written].join(', ')} (${Date.now() - started} ms)`);
  }
}

run().catch((e) => {
  progress('');
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

/**
 * Runs one example's main.ts. On a terminal its output passes above the status line, which counts the stacks and
 * Kubernetes files written so far (cdktf writes each stack as it synthesizes it); otherwise it inherits stdio.
 */
function synthExample(dir: string, report: (written: string) => void): Promise<void> {
  const count = () => {
    const stacks = listFiles(path.join(dir, 'cdktf.out'), (f) => f.endsWith('cdk.tf.json')).length;
    const charts = listFiles(path.join(dir, 'dist'), (f) => f.endsWith('.k8s.yaml')).length;
    return `${stacks} stack(s) and ${charts} Kubernetes file(s) written`;
  };
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ['--tsconfig', path.join(root, 'tsconfig.dev.json'), 'main.ts'], {
      cwd: dir,
      stdio: status.enabled ? ['inherit', 'pipe', 'pipe'] : 'inherit',
      env: exampleEnv(),
    });
    child.stdout?.on('data', (d: Buffer) => status.passThrough(d.toString(), process.stdout));
    child.stderr?.on('data', (d: Buffer) => status.passThrough(d.toString(), process.stderr));
    report(count());
    const timer = status.enabled ? setInterval(() => report(count()), 250) : undefined;
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearInterval(timer);
      status.flush();
      if (code === 0) resolve();
      else reject(new Error(`${path.relative(root, dir)}/main.ts failed (${signal ?? `exit code ${code}`})`));
    });
  });
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
