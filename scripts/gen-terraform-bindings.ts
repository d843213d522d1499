/**
 * Regenerates the typed Terraform provider bindings in generated/terraform/ from provider schemas
 * (the JSON `terraform providers schema -json` prints), offline, with the same generator `cdktf get` uses.
 *
 *   npx projen bindings:terraform [--schemas ../shared/schemas]
 *
 * Only the resources and data sources named in scripts/terraform-bindings.txt are kept, so the jsii build stays fast.
 * The output is committed and never edited by hand.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ConstructsMakerProviderTarget, LANGUAGES, TerraformProviderConstraint } from '@cdktf/commons';
// Deep import: the package index also loads the constructs maker, which needs jsii-pacmak at load time.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { TerraformProviderGenerator } = require('@cdktf/provider-generator/lib/get/generator/provider-generator');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CodeMaker } = require('codemaker');

interface ProviderSpec {
  /** file name in the schemas folder */
  readonly schemaFile: string;
  /** registry source and version constraint written into required_providers */
  readonly constraint: string;
  /** provider version recorded in the bindings */
  readonly version: string;
}

const PROVIDERS: ProviderSpec[] = [
  {
    schemaFile: 'openstack-provider-schema.json',
    constraint: 'terraform-provider-openstack/openstack@~> 3.4',
    version: '3.4.0',
  },
  {
    schemaFile: 'ironic-provider-schema.json',
    constraint: 'metal3-community/ironic@~> 1.0',
    version: '1.0.0',
  },
];

const root = path.resolve(__dirname, '..');
const outRoot = path.join(root, 'generated', 'terraform');

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
}

function readNames(): { resources: Set<string>; dataSources: Set<string> } {
  const text = fs.readFileSync(path.join(__dirname, 'terraform-bindings.txt'), 'utf8');
  const resources = new Set<string>();
  const dataSources = new Set<string>();
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    if (line.startsWith('data.')) {
      dataSources.add(line.slice(5));
    } else {
      resources.add(line);
      dataSources.add(line);
    }
  }
  return { resources, dataSources };
}

function filterSchema(schema: any, keepAll: boolean, names: { resources: Set<string>; dataSources: Set<string> }) {
  for (const ps of Object.values<any>(schema.provider_schemas)) {
    if (keepAll) continue;
    const res = ps.resource_schemas ?? {};
    const ds = ps.data_source_schemas ?? {};
    const missing = [...names.resources].filter((n) => !res[n] && !ds[n] && n.startsWith('openstack_'));
    if (missing.length) throw new Error(`not in the schema: ${missing.join(', ')}`);
    ps.resource_schemas = Object.fromEntries(Object.entries(res).filter(([k]) => names.resources.has(k)));
    ps.data_source_schemas = Object.fromEntries(Object.entries(ds).filter(([k]) => names.dataSources.has(k)));
  }
}

/** Sort keys so the generated code does not depend on the order of the schema file. */
function sortKeys(o: any): any {
  if (Array.isArray(o)) return o.map(sortKeys);
  if (o && typeof o === 'object') {
    return Object.fromEntries(Object.keys(o).sort().map((k) => [k, sortKeys(o[k])]));
  }
  return o;
}

async function main() {
  const schemasDir = path.resolve(arg('schemas', path.join(root, '..', 'shared', 'schemas')));
  if (!fs.existsSync(schemasDir)) {
    throw new Error(`schemas folder not found: ${schemasDir} (pass --schemas DIR)`);
  }
  const names = readNames();
  fs.rmSync(outRoot, { recursive: true, force: true });
  for (const spec of PROVIDERS) {
    const schema = sortKeys(JSON.parse(fs.readFileSync(path.join(schemasDir, spec.schemaFile), 'utf8')));
    // the Ironic provider is small: keep all of it
    filterSchema(schema, spec.schemaFile.startsWith('ironic'), names);
    const fqpns = Object.keys(schema.provider_schemas);
    schema.provider_versions = Object.fromEntries(fqpns.map((f) => [f, spec.version]));
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bindings-'));
    const code = new CodeMaker();
    const generator = new TerraformProviderGenerator(code, schema);
    generator.generate(new ConstructsMakerProviderTarget(new TerraformProviderConstraint(spec.constraint), LANGUAGES[0]));
    await code.save(tmp);
    const providersDir = path.join(tmp, 'providers');
    for (const name of fs.readdirSync(providersDir)) {
      const dest = path.join(outRoot, name);
      fs.cpSync(path.join(providersDir, name), dest, { recursive: true });
      // lazy-index.ts uses Node's require/exports, which a jsii package cannot expose
      fs.rmSync(path.join(dest, 'lazy-index.ts'), { force: true });
      const p = schema.provider_schemas[fqpns[0]];
      console.error(
        `${name}: ${Object.keys(p.resource_schemas ?? {}).length} resources, ` +
          `${Object.keys(p.data_source_schemas ?? {}).length} data sources -> ${path.relative(root, dest)}`,
      );
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  fs.writeFileSync(
    path.join(outRoot, 'README.md'),
    '# Generated Terraform provider bindings\n\n' +
      'Generated by `npx projen bindings:terraform` from the provider schemas with `@cdktf/provider-generator` ' +
      '(what `cdktf get` writes). Do not edit by hand; add resource names to `scripts/terraform-bindings.txt` and regenerate.\n\n' +
      PROVIDERS.map((p) => `- \`${p.constraint}\` (${p.version})`).join('\n') +
      '\n',
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
