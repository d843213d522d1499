/**
 * The fuzz harness of issue 16 item 2: random but type-correct props for public constructs, and the one property
 * every construct must have: it either refuses the input with our validation error (a FactoryError whose message
 * starts with the construct path, or a framework validation failure listing our messages) or produces output that
 * is valid — finite numbers, no leaked `NaN`/`Infinity`/`undefined`/token text, Kubernetes names, label keys and
 * values and resource quantities that the API server accepts. Never a TypeError, never an invalid document.
 *
 * Bounded in `npm test` (FUZZ_RUNS, default 40 per construct); the nightly run sets FUZZ_RUNS=2000 and
 * FUZZ_OUTDIR=dir, which also writes every accepted output there for the Terraform and Kubernetes schema
 * validators (docs/guardrails.md). FUZZ_SEED replays a failure: fast-check prints the seed and the shrunk props.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Chart, Testing as K8sTesting } from 'cdk8s';
import { TerraformStack, Testing } from 'cdktf';
import { resolve } from 'cdktf/lib/_tokens';
import * as fc from 'fast-check';
import * as YAML from 'yaml';
import { FactoryError } from '../../lib/errors';

export const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const OUTDIR = process.env.FUZZ_OUTDIR;

/** fast-check parameters of every fuzz property: bounded runs, a replayable seed. */
export function params<T>(extra: fc.Parameters<T> = {}): fc.Parameters<T> {
  return { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }), ...extra };
}

// ---- arbitraries: the values careless users type ----

/** Strings that become names: valid ones, and the usual mistakes (empty, spaces, capitals, too long, unicode, dots). */
export function fuzzName(valid: fc.Arbitrary<string> = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}[a-z0-9]$/)): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: valid },
    fc.constantFrom('', ' ', 'Team A', 'UPPER', 'a_b', '-lead', 'trail-', 'dots.in.name', 'ünïcode', 'a'.repeat(64), 'a'.repeat(254), 'x\ny'),
    fc.string({ maxLength: 12 }),
  );
}

/** Numbers: ordinary ones and NaN, infinities, negatives, zero, fractions, huge. */
export function fuzzNumber(ordinary: fc.Arbitrary<number> = fc.integer({ min: 1, max: 512 })): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 4, arbitrary: ordinary },
    fc.constantFrom(0, -1, 0.5, 1.5, NaN, Infinity, -Infinity, 1e9, 2 ** 53, Number.MAX_VALUE, -0),
    fc.double(),
  );
}

/** Kubernetes quantity text: valid ones and mistakes. */
export function fuzzQuantity(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('500m', '1', '2Gi', '512Mi', '1.5', '100k') },
    fc.constantFrom('', 'lots', '1 Gi', '-1Gi', '1GB', 'Infinity', 'NaN', '1e', '0x10'),
    fc.string({ maxLength: 6 }),
  );
}

// ---- the outcome check ----

/** What one build produced: refused (our error) or output. */
export type Outcome = { refused: string } | { output: { terraform: any[]; kubernetes: any[] } };

/**
 * Builds and synthesizes; classifies the result. Throws (failing the property) when the construct crashes with
 * anything but our validation error, or when the output is invalid.
 */
export function judge(build: () => { stacks?: TerraformStack[]; charts?: Chart[] }): Outcome {
  let terraform: any[];
  let kubernetes: any[];
  try {
    const { stacks = [], charts = [] } = build();
    terraform = stacks.map((s) => {
      s.prepareStack();
      Testing.synth(s, true);
      return resolve(s, s.toTerraform());
    });
    kubernetes = charts.flatMap((c) => K8sTesting.synth(c));
  } catch (e) {
    // a FactoryError: from a construct it starts with the construct path; from a static factory (Peer.ipv6,
    // TrafficPort.tcp) there is no construct yet, and the stack trace points at the call
    if (e instanceof FactoryError) return { refused: e.message };
    if (e instanceof Error && /^Validation failed with the following errors:/.test(e.message)) return { refused: e.message };
    throw new Error(`crash instead of a validation error: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  }
  // the cluster side also reaches Terraform as kubernetes_manifest resources: their objects obey the same rules
  const applied = terraform.flatMap((d) => Object.values<any>(d.resource?.kubernetes_manifest ?? {}).map((r) => r.manifest));
  const problems = [...terraform.flatMap((d) => documentProblems(d, 'terraform')), ...[...kubernetes, ...applied].flatMap(manifestProblems)];
  if (problems.length > 0) throw new Error(`accepted, but the output is invalid:\n  ${problems.slice(0, 8).join('\n  ')}`);
  if (OUTDIR) write(terraform, kubernetes);
  return { output: { terraform, kubernetes } };
}

let written = 0;
function write(terraform: any[], kubernetes: any[]): void {
  const dir = path.join(OUTDIR!, `${process.pid}-${written++}`);
  fs.mkdirSync(dir, { recursive: true });
  terraform.forEach((d, i) => fs.writeFileSync(path.join(dir, `stack-${i}.tf.json`), JSON.stringify(d, null, 2)));
  if (kubernetes.length > 0) fs.writeFileSync(path.join(dir, 'manifests.k8s.yaml'), kubernetes.map((m) => YAML.stringify(m)).join('---\n'));
}

const LEAKS = /(^|[^A-Za-z])(NaN|Infinity|undefined|\[object Object\])([^A-Za-z]|$)|\$\{TfToken\[|\$\{Token\[/;

/** Non-finite numbers and leaked text anywhere in a document. */
export function documentProblems(doc: any, at: string): string[] {
  if (typeof doc === 'number') return Number.isFinite(doc) ? [] : [`${at}: ${doc}`];
  if (typeof doc === 'string') return LEAKS.test(doc) ? [`${at}: ${JSON.stringify(doc.slice(0, 120))}`] : [];
  if (Array.isArray(doc)) return doc.flatMap((v, i) => documentProblems(v, `${at}[${i}]`));
  if (doc === null || typeof doc !== 'object') return [];
  return Object.entries(doc).flatMap(([k, v]) => (k === '//' ? [] : [
    ...(LEAKS.test(k) ? [`${at}: key ${JSON.stringify(k)}`] : []),
    ...documentProblems(v, `${at}.${k}`),
  ]));
}

// Kubernetes rules, from k8s.io/apimachinery (pkg/util/validation/validation.go, pkg/api/resource/quantity.go)
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const QUANTITY = /^[+-]?(\d+(\.\d*)?|\.\d+)(([KMGTPE]i)|[mkMGTPE]|([eE][+-]?\d+))?$/;
/** Kinds whose name is a DNS-1123 label (or DNS-1035 for Services) rather than a subdomain. */
const LABEL_NAMED = ['Namespace'];

const isSubdomain = (s: string) => s.length <= 253 && s.split('.').every((l) => l.length <= 63 && DNS_LABEL.test(l));
function isQualifiedKey(key: string): boolean {
  const slash = key.lastIndexOf('/');
  const [prefix, name] = slash < 0 ? [undefined, key] : [key.slice(0, slash), key.slice(slash + 1)];
  return (prefix === undefined || isSubdomain(prefix)) && name.length <= 63 && QUALIFIED_NAME.test(name);
}

/** Problems of one Kubernetes object the API server would refuse. */
export function manifestProblems(obj: any): string[] {
  const where = `${obj?.kind}/${obj?.metadata?.name}`;
  const problems = documentProblems(obj, where);
  const meta = obj?.metadata ?? {};
  const name = String(meta.name ?? '');
  if (obj?.kind === 'Service' ? !(name.length <= 63 && DNS_1035.test(name))
    : LABEL_NAMED.includes(obj?.kind) ? !(name.length <= 63 && DNS_LABEL.test(name)) : !isSubdomain(name)) {
    problems.push(`${where}: name ${JSON.stringify(name)} is not a valid ${obj?.kind} name`);
  }
  if (meta.namespace !== undefined && !(String(meta.namespace).length <= 63 && DNS_LABEL.test(String(meta.namespace)))) {
    problems.push(`${where}: namespace ${JSON.stringify(meta.namespace)} is not a DNS label`);
  }
  const walkLabels = (labels: any, at: string, values: boolean) => {
    for (const [k, v] of Object.entries(labels ?? {})) {
      if (!isQualifiedKey(k)) problems.push(`${where}: ${at} key ${JSON.stringify(k)} is not a qualified name`);
      if (values && !(typeof v === 'string' && v.length <= 63 && LABEL_VALUE.test(v))) problems.push(`${where}: ${at} ${k} value ${JSON.stringify(v)} is not a label value`);
      if (!values && typeof v !== 'string') problems.push(`${where}: ${at} ${k} value is not a string`);
    }
  };
  // quantities: requests and limits under `resources` (containers, claims), ResourceQuota `hard`, LimitRange entries
  const isQuantityMap = (key: string, parent: string) => (['requests', 'limits'].includes(key) && parent === 'resources')
    || (key === 'hard' && obj?.kind === 'ResourceQuota')
    || (obj?.kind === 'LimitRange' && ['default', 'defaultRequest', 'max', 'min'].includes(key));
  const visit = (value: any, at: string, parent: string) => {
    if (Array.isArray(value)) return value.forEach((v, i) => visit(v, `${at}[${i}]`, parent));
    if (value === null || typeof value !== 'object') return;
    for (const [k, v] of Object.entries<any>(value)) {
      const here = `${at}.${k}`;
      if ((k === 'labels' || k === 'matchLabels') && v && typeof v === 'object') {walkLabels(v, here, true);} else if (k === 'annotations' && v && typeof v === 'object') {walkLabels(v, here, false);} else if (isQuantityMap(k, parent) && v && typeof v === 'object' && !Array.isArray(v)) {
        for (const [r, q] of Object.entries<any>(v)) {
          const text = String(q);
          if (!QUANTITY.test(text) || text.startsWith('-')) problems.push(`${where}: ${here}.${r} ${JSON.stringify(q)} is not a non-negative quantity`);
        }
      } else {visit(v, here, k);}
    }
  };
  visit(obj, '', '');
  return problems;
}
