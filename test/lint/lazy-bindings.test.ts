/**
 * The generated bindings (every CRD group, the OpenStack and Ironic providers, 16 MiB of JavaScript) load when a
 * construct first needs them, not with the package: loading them all cost every synth about 0.2 s of CPU and
 * 50 MiB (bench/RESULTS.md). A value import of a binding in any module the entry point reaches breaks that; areas
 * import the bindings' types and make objects through the accessors of constructs/common/bindings.ts.
 */
import { execFileSync } from 'child_process';
import * as path from 'path';

const root = path.join(__dirname, '..', '..');

/** The project modules a fresh process has loaded after requiring `entry`, relative to the project. */
function loadedBy(entry: string): string[] {
  const script = `require(${JSON.stringify(path.join(root, entry))});`
    + `console.log(JSON.stringify(Object.keys(require.cache).map((f) => require('path').relative(${JSON.stringify(root)}, f))));`;
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: root, encoding: 'utf8' }));
}

test('importing the package loads no generated binding and no provider package', () => {
  const loaded = loadedBy('index.ts');
  expect(loaded.filter((f) => f.startsWith('constructs/')).length).toBeGreaterThan(50);
  expect(loaded.filter((f) => f.startsWith('generated/') || f.includes('@cdktf/provider-kubernetes'))).toEqual([]);
});

test('a construct loads the bindings it uses when it is built', () => {
  const script = `const { App } = require('cdktf'); const { FactoryStack, Project } = require(${JSON.stringify(path.join(root, 'index.ts'))});`
    + "const stack = new FactoryStack(new App(), 's', { cloud: 'admin' }); new Project(stack, 'P', { projectName: 'ml' });"
    + `console.log(JSON.stringify(Object.keys(require.cache).filter((f) => f.includes('/generated/')).map((f) => require('path').relative(${JSON.stringify(root)}, f))));`;
  const loaded: string[] = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: root, encoding: 'utf8' }));
  expect(loaded).toEqual(expect.arrayContaining(['generated/terraform/openstack/identity-project-v3/index.ts']));
  expect(loaded.some((f) => f.startsWith('generated/k8s/'))).toBe(false);
});
