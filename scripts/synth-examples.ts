/**
 * Synthesizes every example (or the ones named on the command line):
 * Terraform JSON into examples/<name>/cdktf.out/stacks/<stack>/cdk.tf.json and Kubernetes YAML into
 * examples/<name>/dist/*.k8s.yaml. Old output is removed first, so the folders hold exactly one synth.
 *
 *   npm run synth [-- quickstart ...]
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

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
for (const name of wanted.length ? wanted : all) {
  const dir = path.join(examplesDir, name);
  fs.rmSync(path.join(dir, 'cdktf.out'), { recursive: true, force: true });
  fs.rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
  const started = Date.now();
  execFileSync(tsx, ['--tsconfig', path.join(root, 'tsconfig.dev.json'), 'main.ts'], {
    cwd: dir,
    stdio: 'inherit',
    env: exampleEnv(),
  });
  const outputs = [
    ...listFiles(path.join(dir, 'cdktf.out'), (f) => f.endsWith('cdk.tf.json')),
    ...listFiles(path.join(dir, 'dist'), (f) => f.endsWith('.k8s.yaml')),
  ].map((f) => path.relative(root, f));
  console.log(`${name}: ${outputs.join(', ')} (${Date.now() - started} ms)`);
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
