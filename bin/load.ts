// Reads one directory of synthesized output (an example folder, or any folder holding `cdktf.out/` and `dist/`)
// into the documents the insight model is built from. Files are read in sorted order, so the result is the same
// on every machine.
import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { cmp, KubernetesDocument, SynthesizedFactory, TerraformStackDocument } from '../lib/insight/documents';

/**
 * Loads `<dir>/**\/cdktf.out/stacks/<stack>/cdk.tf.json` and `<dir>/**\/*.k8s.yaml` (node_modules and dot folders
 * skipped). Fails when the folder holds neither: reviewing an empty folder would report that everything is gone.
 */
export function loadSynthesized(dir: string): SynthesizedFactory {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new Error(`${dir}: not a directory; pass a folder of synthesized output (holding cdktf.out/ or *.k8s.yaml files)`);
  }
  const stacks: TerraformStackDocument[] = [];
  const manifests: KubernetesDocument[] = [];
  for (const file of listFiles(dir)) {
    const rel = path.relative(dir, file).split(path.sep).join('/');
    const m = /(?:^|\/)cdktf\.out\/stacks\/([^/]+)\/cdk\.tf\.json$/.exec(rel);
    if (m) {
      stacks.push({ stack: m[1], json: JSON.parse(fs.readFileSync(file, 'utf8')) });
    } else if (rel.endsWith('.k8s.yaml')) {
      YAML.parseAllDocuments(fs.readFileSync(file, 'utf8')).forEach((d, i) => {
        const doc = d.toJSON();
        if (doc) manifests.push({ source: `${rel}#${i}`, doc });
      });
    }
  }
  if (!stacks.length && !manifests.length) {
    throw new Error(`${dir}: no cdktf.out/stacks/*/cdk.tf.json and no *.k8s.yaml found; run the synth first (npx cdktf synth, or npm run synth)`);
  }
  return { stacks, manifests };
}

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.') && e.name !== 'node_modules')
    .sort((a, b) => cmp(a.name, b.name))
    .flatMap((e) => {
      const full = path.join(dir, e.name);
      return e.isDirectory() ? listFiles(full) : [full];
    });
}

/**
 * Alternative Kubernetes outputs of one factory: manifests in two or more sibling folders (e.g. `dist/envoy-ai-gateway/`
 * and `dist/kuadrant/`, one per gateway implementation) and none in their parent. Empty when the output is one factory.
 */
export function kubernetesVariants(input: SynthesizedFactory): string[] {
  const dirs = new Set(input.manifests.map((m) => path.posix.dirname(m.source.replace(/#\d+$/, ''))));
  const parents = new Set([...dirs].map((d) => path.posix.dirname(d)));
  if (dirs.size < 2 || parents.size !== 1 || dirs.has([...parents][0])) return [];
  return [...dirs].map((d) => path.posix.basename(d)).sort(cmp);
}

/** The factory as one variant sees it: every Terraform stack, and the Kubernetes output of that variant's folder only. */
export function withVariant(input: SynthesizedFactory, variant: string): SynthesizedFactory {
  return { stacks: input.stacks, manifests: input.manifests.filter((m) => path.posix.basename(path.posix.dirname(m.source.replace(/#\d+$/, ''))) === variant) };
}
