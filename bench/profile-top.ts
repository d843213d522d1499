/**
 * Summarises a V8 CPU profile (`node --cpu-prof`): self time and inclusive time per function, the top entries.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/factory-driver.ts lib 1000 /tmp/out
 *   npx tsx bench/profile-top.ts /tmp/prof/<file>.cpuprofile [25]
 */
import * as fs from 'fs';

const [file, topArg] = process.argv.slice(2);
const top = Number(topArg ?? 25);
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const nodes = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const selfUs = new Map<number, number>();
const deltas: number[] = profile.timeDeltas;
profile.samples.forEach((id: number, i: number) => selfUs.set(id, (selfUs.get(id) ?? 0) + (deltas[i] ?? 0)));
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
const label = (n: any) => `${n.callFrame.functionName || '(anonymous)'} ${(n.callFrame.url as string).replace(/^.*node_modules\//, '~/').replace(/^file:\/\/.*?\/(lib|constructs|stacks|bench|generated)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;
const self = new Map<string, number>();
const inclusive = new Map<string, number>();
for (const [id, us] of selfUs) {
  const n = nodes.get(id);
  self.set(label(n), (self.get(label(n)) ?? 0) + us);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(nodes.get(cur));
    if (!seen.has(l)) inclusive.set(l, (inclusive.get(l) ?? 0) + us);
    seen.add(l);
  }
}
const print = (title: string, m: Map<string, number>) => {
  console.log(`\n${title} (of ${(total / 1000).toFixed(0)} ms sampled)`);
  [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)
    .forEach(([l, us]) => console.log(`${(us / 1000).toFixed(0).padStart(8)} ms ${(100 * us / total).toFixed(1).padStart(5)} %  ${l}`));
};
print('self time', self);
print('inclusive time', inclusive);
