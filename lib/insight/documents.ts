// Input of the factory model: synthesized output, already parsed. Reading files is the CLI's job (bin/), so the model,
// the report, the diagram and the review stay pure functions over these documents.

/** One Terraform stack's `cdk.tf.json`, parsed. */
export interface TerraformStackDocument {
  /** The stack's name (its folder under `cdktf.out/stacks/`). */
  readonly stack: string;
  /** The parsed JSON. */
  readonly json: any;
}

/** One Kubernetes object, parsed from a `*.k8s.yaml` file or from a `kubernetes_manifest` resource. */
export interface KubernetesDocument {
  /** Where it came from: the YAML file name, or `<stack>/kubernetes_manifest.<id>`. */
  readonly source: string;
  /** The object. */
  readonly doc: any;
}

/** Everything one synthesis produced. */
export interface SynthesizedFactory {
  readonly stacks: TerraformStackDocument[];
  readonly manifests: KubernetesDocument[];
}

/** A Terraform resource of a stack, with its address. */
export interface TerraformResourceRef {
  readonly stack: string;
  readonly resourceType: string;
  readonly id: string;
  /** `<type>.<id>`, the address Terraform plans with (per stack). */
  readonly address: string;
  /** The construct path cdktf records in `//.metadata.path`. */
  readonly path: string;
  readonly attrs: any;
}

/** Every resource of every stack, in document order (stacks sorted by name, types and ids sorted). */
export function terraformResources(input: SynthesizedFactory): TerraformResourceRef[] {
  const out: TerraformResourceRef[] = [];
  for (const s of [...input.stacks].sort((a, b) => cmp(a.stack, b.stack))) {
    const byType = (s.json?.resource ?? {}) as { [t: string]: { [id: string]: any } };
    for (const t of Object.keys(byType).sort()) {
      for (const id of Object.keys(byType[t]).sort()) {
        const attrs = byType[t][id];
        out.push({ stack: s.stack, resourceType: t, id, address: `${t}.${id}`, path: attrs?.['//']?.metadata?.path ?? id, attrs });
      }
    }
  }
  return out;
}

/** Every data source of every stack (same shape as resources). */
export function terraformDataSources(input: SynthesizedFactory): TerraformResourceRef[] {
  const out: TerraformResourceRef[] = [];
  for (const s of [...input.stacks].sort((a, b) => cmp(a.stack, b.stack))) {
    const byType = (s.json?.data ?? {}) as { [t: string]: { [id: string]: any } };
    for (const t of Object.keys(byType).sort()) {
      for (const id of Object.keys(byType[t]).sort()) {
        const attrs = byType[t][id];
        out.push({ stack: s.stack, resourceType: t, id, address: `data.${t}.${id}`, path: attrs?.['//']?.metadata?.path ?? id, attrs });
      }
    }
  }
  return out;
}

/**
 * Kubernetes objects from the YAML files and from `kubernetes_manifest` resources, once each: an example that writes
 * a chart both as YAML (GitOps) and into a cdktf stack (one `cdktf deploy`) describes the same objects twice.
 * Identity is apiVersion group, kind, namespace and name.
 */
export function kubernetesObjects(input: SynthesizedFactory): KubernetesDocument[] {
  const seen = new Set<string>();
  const out: KubernetesDocument[] = [];
  const add = (d: KubernetesDocument) => {
    if (!d.doc || typeof d.doc !== 'object' || !d.doc.kind) return;
    const key = k8sKey(d.doc);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(d);
  };
  for (const m of [...input.manifests].sort((a, b) => cmp(a.source, b.source))) add(m);
  for (const r of terraformResources(input).filter((x) => x.resourceType === 'kubernetes_manifest')) {
    add({ source: `${r.stack}/${r.address}`, doc: r.attrs.manifest });
  }
  return out;
}

/** `<group>/<kind>/<namespace>/<name>` of a Kubernetes object. */
export function k8sKey(doc: any): string {
  const group = String(doc.apiVersion ?? '').includes('/') ? String(doc.apiVersion).split('/')[0] : '';
  return `${group}/${doc.kind}/${doc.metadata?.namespace ?? ''}/${doc.metadata?.name ?? ''}`;
}

/** The `<type>.<id>` a Terraform interpolation `${type.id.attr}` points at, if it is one. */
export function referencedAddress(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^\$\{((?:data\.)?[a-z0-9_]+\.[A-Za-z0-9_-]+)\.[a-z_]+\}$/.exec(value.trim());
  return m?.[1];
}

/** Stable string comparison (no locale: output must be byte-identical everywhere). */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
