/**
 * Test helpers shared by every room: synthesize a stack or chart in memory and pick resources out of it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Chart, Testing as K8sTesting } from 'cdk8s';
import { TerraformStack, Testing } from 'cdktf';
import * as YAML from 'yaml';
import { FactoryStack, FactoryStackProps } from '../stacks/factory-stack';

/** A fresh FactoryStack in a test app (stack traces off, like the examples). */
export function testStack(props: FactoryStackProps = {}, id = 'test'): FactoryStack {
  const app = Testing.app({ stackTraces: false });
  return new FactoryStack(app, id, props);
}

/** The synthesized Terraform JSON of a stack, parsed. */
export function synthStack(stack: TerraformStack): any {
  // what `app.synth()` does before writing a stack: e.g. add the default backend
  stack.prepareStack();
  return JSON.parse(Testing.synth(stack));
}

/** All resources of one Terraform type in synthesized JSON: logical id → config. */
export function resourcesOf(tf: any, type: string): { [id: string]: any } {
  return tf.resource?.[type] ?? {};
}

/** The single resource of a type; fails the test when there is not exactly one. */
export function onlyResource(tf: any, type: string): any {
  const all = Object.values(resourcesOf(tf, type));
  if (all.length !== 1) throw new Error(`expected exactly one ${type}, found ${all.length}`);
  return all[0];
}

/** All data sources of one type. */
export function dataSourcesOf(tf: any, type: string): { [id: string]: any } {
  return tf.data?.[type] ?? {};
}

/** A fresh cdk8s chart for construct tests. */
export function testChart(namespace = 'test'): Chart {
  return new Chart(K8sTesting.app(), 'test', { namespace, disableResourceNameHashes: true });
}

/** The chart's Kubernetes objects. */
export function synthChart(chart: Chart): any[] {
  return K8sTesting.synth(chart);
}

/** The objects of one kind. */
export function objectsOf(manifests: any[], kind: string): any[] {
  return manifests.filter((m) => m.kind === kind);
}

/** The single object of a kind. */
export function onlyObject(manifests: any[], kind: string): any {
  const all = objectsOf(manifests, kind);
  if (all.length !== 1) throw new Error(`expected exactly one ${kind}, found ${all.length}`);
  return all[0];
}

/**
 * Runs an example's `synth(outdir)` into a temporary folder and returns every output file (relative path → content),
 * Terraform JSON and Kubernetes YAML, so a snapshot covers exactly what `npm run synth` writes.
 */
export function synthExample(name: string): { [file: string]: string } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const example = require(path.join(__dirname, '..', 'examples', name, 'main.ts'));
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `example-${name}-`));
  const saved = process.env.CDKTF_OUTDIR;
  delete process.env.CDKTF_OUTDIR;
  try {
    example.synth(outdir);
    const files: { [file: string]: string } = {};
    for (const f of listFiles(outdir)) {
      const rel = path.relative(outdir, f);
      if (rel.endsWith('cdk.tf.json') || rel.endsWith('.k8s.yaml')) files[rel] = fs.readFileSync(f, 'utf8');
    }
    return files;
  } finally {
    if (saved !== undefined) process.env.CDKTF_OUTDIR = saved;
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** Parses every document of a multi-document YAML string. */
export function parseYamlDocuments(text: string): any[] {
  return YAML.parseAllDocuments(text).map((d) => d.toJSON());
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(full) : [full];
  });
}

/** Runs `fn` and returns what it printed on stdout through console.log (where the library's warnings reach the console). */
export function stdoutOf(fn: () => void): string[] {
  const lines: string[] = [];
  const spy = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => { lines.push(args.join(' ')); });
  try {
    fn();
  } finally {
    spy.mockRestore();
  }
  return lines;
}
