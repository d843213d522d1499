import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ESLint, Linter, loadESLint } from 'eslint';

/**
 * The layer table of docs/DEVELOPING.md is enforced by lint (`import/no-cycle`, `import/no-restricted-paths`,
 * configured in .projenrc.ts). These tests run those two rules of the generated .eslintrc.json on probe sources, so
 * a change that would let a cross-area cycle through fails here.
 */
const root = path.join(__dirname, '..', '..');
const eslintrc = JSON.parse(fs.readFileSync(path.join(root, '.eslintrc.json'), 'utf8').replace(/^\/\/.*\n/, '')) as Linter.LegacyConfig;
const layerRules = ['import/no-cycle', 'import/no-restricted-paths'];

interface Zone {
  readonly target: string;
  readonly from: string | string[];
  readonly except?: string[];
}
const zones = (eslintrc.rules!['import/no-restricted-paths'] as [string, { zones: Zone[] }])[1].zones;

/** The areas each area may import besides itself (read from the zones), e.g. storage → common, identity, network. */
function areaTable(): Map<string, string[]> {
  const table = new Map<string, string[]>();
  for (const z of zones) {
    const m = /^\.\/constructs\/([a-z-]+)$/.exec(z.target);
    if (m && z.from === './constructs') table.set(m[1], (z.except ?? []).map((e) => e.replace('./', '')).filter((a) => a !== m[1]));
  }
  return table;
}

let eslint: ESLint;
beforeAll(async () => {
  const LegacyESLint = await loadESLint({ useFlatConfig: false });
  // only the two layer rules, without type information (they need none), so the probe lints in a second
  const { parserOptions, ...rest } = eslintrc;
  const baseConfig = {
    ...rest,
    parserOptions: { ...parserOptions, project: undefined },
    rules: Object.fromEntries(layerRules.map((r) => [r, eslintrc.rules![r]])),
    overrides: [],
  } as Linter.LegacyConfig;
  eslint = new (LegacyESLint as unknown as typeof ESLint)({ cwd: root, useEslintrc: false, baseConfig, ignore: false } as ESLint.Options);
});

/** Lints `code` as if it were the file `file` (relative to the project root); returns `rule: message` lines. */
async function lint(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

const source = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
/** The file's source with one more import line (lint reports unused imports elsewhere, not here). */
const withImport = (file: string, line: string) => `${line}\n${source(file)}`;

describe('the area graph', () => {
  test('every folder under constructs/ has a row in the layer table', () => {
    const areas = fs.readdirSync(path.join(root, 'constructs'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(areas.filter((a) => !areaTable().has(a))).toEqual([]);
  });

  test('the layer table itself is acyclic and common imports no area', () => {
    const table = areaTable();
    expect(table.get('common')).toEqual([]);
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (area: string, trail: string[]) => {
      if (state.get(area) === 'done') return;
      if (state.get(area) === 'visiting') {
        cycles.push([...trail, area].join(' → '));
        return;
      }
      state.set(area, 'visiting');
      for (const next of table.get(area) ?? []) if (next !== 'common') visit(next, [...trail, area]);
      state.set(area, 'done');
    };
    for (const area of table.keys()) visit(area, []);
    expect(cycles).toEqual([]);
  });

  test('the sources pass the layer rules', async () => {
    expect(await lint('constructs/identity/tenant.ts', source('constructs/identity/tenant.ts'))).toEqual([]);
    expect(await lint('constructs/storage/share.ts', source('constructs/storage/share.ts'))).toEqual([]);
  });

  test('fails on a new cross-area cycle', async () => {
    // storage imports identity (ITenant); identity importing storage back closes a cycle: the layer rule names it
    const messages = await lint('constructs/identity/tenant.ts', withImport('constructs/identity/tenant.ts', "import { Share } from '../storage/share';"));
    expect(messages).toEqual(['import/no-restricted-paths: Unexpected path "../storage/share" imported in restricted zone. ' +
      'constructs/identity may import common, network (and lib/, generated/); this breaks the layer table of docs/DEVELOPING.md']);
  });

  test('import/no-cycle fails on a cycle between two folders, whatever the table says', async () => {
    // no-cycle follows the files on disk, so the probe is two real files in a scratch tree
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layers-'));
    try {
      for (const [area, other] of [['alpha', 'beta'], ['beta', 'alpha']]) {
        fs.mkdirSync(path.join(dir, area));
        fs.writeFileSync(path.join(dir, area, 'thing.ts'), `import { ${other} } from '../${other}/thing';\nexport const ${area} = () => ${other};\n`);
      }
      const [result] = await eslint.lintFiles([path.join(dir, 'alpha', 'thing.ts')]);
      expect(result.messages.map((m) => `${m.ruleId}: ${m.message}`)).toEqual(['import/no-cycle: Dependency cycle detected.']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('fails when an area imports an area its row does not list', async () => {
    const messages = await lint('constructs/network/trunk.ts', withImport('constructs/network/trunk.ts', "import { GpuFlavor } from '../compute/gpu-flavor';"));
    expect(messages).toEqual(['import/no-restricted-paths: Unexpected path "../compute/gpu-flavor" imported in restricted zone. ' +
      'constructs/network may import common (and lib/, generated/); this breaks the layer table of docs/DEVELOPING.md']);
  });

  test('fails when common imports an area', async () => {
    const messages = await lint('constructs/common/registry.ts', withImport('constructs/common/registry.ts', "import { ITenant } from '../identity/tenant';"));
    expect(messages).toEqual(['import/no-restricted-paths: Unexpected path "../identity/tenant" imported in restricted zone. ' +
      'constructs/common is shared plumbing and imports no area; this breaks the layer table of docs/DEVELOPING.md']);
  });

  test('fails when lib imports a construct, and when an example bypasses the package entry', async () => {
    expect(await lint('lib/tenancy/quota.ts', withImport('lib/tenancy/quota.ts', "import { Project } from '../../constructs/identity/project';")))
      .toEqual(['import/no-restricted-paths: Unexpected path "../../constructs/identity/project" imported in restricted zone. ' +
        'lib/ is the pure domain model and imports only lib/; this breaks the layer table of docs/DEVELOPING.md']);
    expect(await lint('examples/quickstart/main.ts', withImport('examples/quickstart/main.ts', "import { Tenant } from '../../stacks/tenant';")))
      .toEqual(['import/no-restricted-paths: Unexpected path "../../stacks/tenant" imported in restricted zone. ' +
        'examples import only the package entry cdk-ai-factory, like user code; this breaks the layer table of docs/DEVELOPING.md']);
    expect(await lint('examples/quickstart/main.ts', source('examples/quickstart/main.ts'))).toEqual([]);
  });
});
