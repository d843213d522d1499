import { cdk, javascript } from 'projen';

/**
 * cdk-ai-factory: the project is configured here, and only here.
 * `npx projen` regenerates package.json, tsconfig*.json, the jest config, .gitignore and the tasks.
 */

/** Folders that hold TypeScript which is not part of the jsii library. */
const notLibrary = [
  'test/**',
  'examples/**',
  'scripts/**',
  'bench/**',
  'dist/**',
  'dist-pkg/**',
  'projenrc/**',
  '.projenrc.ts',
  'node_modules/**',
];

/** Generated bindings: committed, never edited, excluded from lint and coverage. */
const generatedDir = 'generated';

const project = new cdk.JsiiProject({
  name: 'cdk-ai-factory',
  description:
    'Constructs for an on-premises AI factory on OpenStack and Kubernetes: Ironic bare metal, NUMA-aware GPU flavors, ' +
    'tenant networks with InfiniBand, Ceph storage, Magnum GPU clusters and vLLM/llm-d serving, synthesized to Terraform JSON and Kubernetes YAML.',
  author: 'cdk-ai-factory maintainers',
  authorAddress: 'maintainers@cdk-ai-factory.dev',
  repositoryUrl: 'https://github.com/cdk-ai-factory/cdk-ai-factory.git',
  defaultReleaseBranch: 'main',
  license: 'Apache-2.0',
  keywords: ['cdktf', 'cdk8s', 'openstack', 'ironic', 'kubernetes', 'gpu', 'vllm', 'llm-d', 'ai-factory'],
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  minNodeVersion: '20.0.0',

  // jsii and TypeScript agree on 5.9 (see PITFALLS: TypeScript 7 is what `npm install typescript` brings now).
  jsiiVersion: '~5.9.0',
  typescriptVersion: '~5.9.0',

  // Sources live at the top level: lib/ (domain), constructs/, stacks/, generated/, index.ts.
  srcdir: '.',
  entrypoint: 'dist/index.js',
  tsconfigDevFile: 'tsconfig.dev.json',
  libdir: 'dist',
  artifactsDirectory: 'dist-pkg',
  excludeTypescript: notLibrary,

  publishToPypi: {
    distName: 'cdk-ai-factory',
    module: 'cdk_ai_factory',
  },

  peerDeps: [
    'cdktf@^0.21.0',
    'cdk8s@^2.70.0',
    'cdk8s-plus-28@^2.5.6',
    'constructs@^10.4.2',
    '@cdktf/provider-kubernetes@^12.1.1',
  ],
  // Plain npm libraries used at run time must travel inside the jsii package.
  // @viz-js/viz renders the topology diagram in-process (Graphviz compiled to WebAssembly, no system package);
  // yaml reads Kubernetes output in the review CLI (`cdk-ai-factory report|diagram|review`).
  bundledDeps: ['ip-address@^10.0.1', '@viz-js/viz@^3.31.0', 'yaml@^2'],
  // The factory insight CLI: capacity report, topology diagram and pull-request review of synthesized output.
  bin: { 'cdk-ai-factory': 'dist/bin/cdk-ai-factory.js' },
  devDeps: [
    '@types/node@^20',
    'fast-check@^4',
    'tsx@^4',
    'cdktf-cli@0.21.0',
    'cdk8s-cli@^2',
    '@cdktf/provider-generator@0.21.0',
    '@cdktf/commons@0.21.0',
    'codemaker@^1',
    // the insight tests parse the topology SVG as XML
    '@xmldom/xmldom@^0.9.8',
  ],

  github: false,
  release: false,
  depsUpgrade: false,
  pullRequestTemplate: false,
  sampleCode: false,
  docgen: true,

  gitignore: [
    'cdktf.out/',
    'examples/**/dist/',
    // capacity report and topology diagram npm run synth writes beside each example's output
    'examples/**/insight/',
    '.gen/',
    '.terraform/',
    '*.tfstate',
    '*.tfstate.*',
    'bench/results/',
    'dist-pkg/',
    '__pycache__/',
  ],

  tsconfig: {
    compilerOptions: {
      lib: ['es2022'],
      target: 'ES2022',
      skipLibCheck: true,
    },
  },
  tsconfigDev: {
    compilerOptions: {
      lib: ['es2022'],
      target: 'ES2022',
      skipLibCheck: true,
      paths: { 'cdk-ai-factory': ['./index.ts'] },
      baseUrl: '.',
    },
    include: ['.projenrc.ts', 'examples/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts', 'test/**/*.ts'],
    exclude: ['node_modules', 'dist', 'dist-pkg', '**/cdktf.out'],
  },

  eslintOptions: {
    projectService: false,
    tsconfigPath: './tsconfig.dev.json',
    dirs: ['lib', 'constructs', 'stacks', 'bin'],
    devdirs: ['test', 'examples', 'scripts', 'bench', 'projenrc'],
    ignorePatterns: [`${generatedDir}/**`, '*.d.ts', 'dist/**', 'dist-pkg/**', 'node_modules/**', '**/cdktf.out/**'],
  },

  jestOptions: {
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      coveragePathIgnorePatterns: ['/node_modules/', `/${generatedDir}/`, '/examples/', '/test/'],
      moduleNameMapper: { '^cdk-ai-factory$': '<rootDir>/index.ts' },
      testTimeout: 120_000,
      // jest's default is one worker per core less one: a single worker on the 2-core CI machine
      maxWorkers: 2,
    },
  },
});

// unrs-resolver 1.13.0 (via jest 30 and eslint-import-resolver-typescript) lists platform bindings the registry
// here does not have at 1.13.0, so `npm ci` rejects the lock file; 1.12.2 has every binding.
project.package.addField('overrides', { 'unrs-resolver': '1.12.2' });

// Only test/ holds tests (the default pattern for srcdir "." would also search the sources).
project.tryFindObjectFile('package.json')?.addOverride('jest.testMatch', ['<rootDir>/test/**/*.test.ts']);

// jsii: generated provider bindings trip reserved-word warnings by the hundreds (cdktf's own projects silence them).
project.compileTask.reset('jsii --silence-warnings=reserved-word');
project.tasks.tryFind('watch')?.reset('jsii -w --silence-warnings=reserved-word');

// Synthesize every example: Terraform JSON into examples/<name>/cdktf.out, Kubernetes YAML into examples/<name>/dist.
project.addTask('synth', {
  description: 'Synthesize every example (Terraform JSON and Kubernetes YAML)',
  exec: 'tsx scripts/synth-examples.ts',
  receiveArgs: true,
});

// Regenerate typed bindings. Needs ../shared (schemas and CRDs); the output is committed.
project.addTask('bindings:terraform', {
  description: 'Regenerate the OpenStack and Ironic provider bindings from ../shared/schemas',
  exec: 'tsx scripts/gen-terraform-bindings.ts',
  receiveArgs: true,
});
project.addTask('bindings:k8s', {
  description: 'Regenerate the CRD bindings with cdk8s import from ../shared/crds',
  exec: 'tsx scripts/gen-crd-bindings.ts',
  receiveArgs: true,
});
project.addTask('bindings', {
  description: 'Regenerate all typed bindings',
  steps: [{ spawn: 'bindings:terraform' }, { spawn: 'bindings:k8s' }],
});

project.addTask('bench', {
  description: 'Speed and memory benchmarks of synthesis (targets are checked here, never in a timed test)',
  exec: 'tsx bench/run.ts',
  receiveArgs: true,
});

project.addTask('typecheck', {
  description: 'Type-check tests, examples and scripts (the library itself is checked by jsii)',
  exec: 'tsc --noEmit -p tsconfig.dev.json',
});

// The layer table of docs/DEVELOPING.md, enforced by lint. Every area may import lib/, generated/ and
// constructs/common/; besides those, only the areas listed here (the graph is acyclic: keep it so). Every folder
// under constructs/ needs a row (test/lint/layers.test.ts checks it).
const areaImports: { [area: string]: string[] } = {
  common: [],
  accelerators: [],
  compute: [],
  network: [],
  identity: ['network'],
  storage: ['identity', 'network'],
  cluster: ['accelerators', 'compute', 'network', 'storage'],
  batch: ['accelerators', 'cluster', 'storage'],
  serving: ['accelerators', 'cluster', 'storage'],
  ingress: ['accelerators', 'cluster', 'compute', 'identity', 'network', 'serving', 'storage'],
  policy: [],
};
const layerMessage = 'breaks the layer table of docs/DEVELOPING.md';
const layerZones = [
  {
    target: './lib',
    from: ['./constructs', './stacks', './generated', './examples', './index.ts'],
    message: `lib/ is the pure domain model and imports only lib/; this ${layerMessage}`,
  },
  ...Object.entries(areaImports).map(([area, allowed]) => ({
    target: `./constructs/${area}`,
    from: './constructs',
    except: [...new Set(['common', area, ...allowed])].map((a) => `./${a}`),
    message: area === 'common'
      ? `constructs/common is shared plumbing and imports no area; this ${layerMessage}`
      : `constructs/${area} may import ${['common', ...allowed].join(', ')} (and lib/, generated/); this ${layerMessage}`,
  })),
  {
    target: './constructs',
    from: ['./stacks', './examples', './index.ts'],
    message: `areas do not import the L3 layer, the examples or the package entry; this ${layerMessage}`,
  },
  {
    target: './stacks',
    from: ['./examples', './index.ts'],
    message: `stacks/ do not import the examples or the package entry; this ${layerMessage}`,
  },
  {
    target: './examples',
    from: ['./lib', './constructs', './stacks', './generated'],
    message: `examples import only the package entry cdk-ai-factory, like user code; this ${layerMessage}`,
  },
];
project.eslint?.addRules({
  'import/no-cycle': ['error', { ignoreExternal: true }],
  'import/no-restricted-paths': ['error', { zones: layerZones }],
});
// lib/ is pure: no construct, cdktf or cdk8s imports.
project.eslint?.addOverride({
  files: ['lib/**/*.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [{
        group: ['constructs', 'cdktf', 'cdktf/*', 'cdk8s', 'cdk8s-plus-*', '@cdktf/*'],
        message: 'lib/ is the pure domain model: no constructs, cdktf or cdk8s (see docs/DEVELOPING.md)',
      }],
    }],
  },
});

// Mark generated code as generated for GitHub and reviewers.
project.gitattributes.addAttributes(`/${generatedDir}/**`, 'linguist-generated');

project.synth();
