/**
 * Synthesis benchmark: how long each example takes to synthesize and how much memory it needs, checked against
 * targets. Speed and memory are checked here, never in a timed unit test.
 *
 *   npm run bench [-- --runs 5] [-- quickstart ...]
 *   npm run bench -- --factory [--sizes 100,300,1000] [--runs 3]   (the large factory against bare bindings, see
 *                                                                   bench/factory-run.ts and bench/RESULTS.md)
 *
 * Each example runs in its own process (`tsx`), `--runs` times; the median wall time and the peak RSS are compared
 * with the targets below. Results are written to bench/results/latest.json (ignored by git).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { factoryBench } from './factory-run';

/** Targets per example: median wall time of one synthesis (process start included) and peak resident memory. */
const TARGETS = { wallMs: 5_000, peakRssMb: 512 };

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
if (args.includes('--factory')) process.exit(factoryBench(args));
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
const named = args.filter((a, i) => !a.startsWith('--') && (runsAt < 0 || i !== runsAt + 1));
const examples = (named.length ? named : fs.readdirSync(path.join(root, 'examples')))
  .filter((n) => fs.existsSync(path.join(root, 'examples', n, 'main.ts')))
  .sort();

const results: any[] = [];
let failed = false;
for (const name of examples) {
  const samples: { ms: number; rssMb: number; wallMs: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${name}-`));
    const t0 = Date.now();
    const r = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['--tsconfig', path.join(root, 'tsconfig.dev.json'),
      path.join(root, 'bench', 'driver.ts'), path.join(root, 'examples', name, 'main.ts'), out], { cwd: root, encoding: 'utf8' });
    const wallMs = Date.now() - t0;
    fs.rmSync(out, { recursive: true, force: true });
    if (r.status !== 0) {
      console.error(`${name}: synthesis failed\n${r.stderr}`);
      process.exit(2);
    }
    samples.push({ ...JSON.parse(r.stdout.trim().split('\n').pop()!), wallMs });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const row = {
    example: name,
    runs,
    synthMs: Math.round(median(samples.map((s) => s.ms))),
    wallMs: Math.round(median(samples.map((s) => s.wallMs))),
    peakRssMb: Math.round(Math.max(...samples.map((s) => s.rssMb))),
  };
  const ok = row.wallMs <= TARGETS.wallMs && row.peakRssMb <= TARGETS.peakRssMb;
  failed ||= !ok;
  results.push({ ...row, ok });
  console.log(`${ok ? 'ok  ' : 'SLOW'} ${name}: synth ${row.synthMs} ms, wall ${row.wallMs} ms (target ${TARGETS.wallMs}), ` +
    `peak RSS ${row.peakRssMb} MB (target ${TARGETS.peakRssMb})`);
}
fs.mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench', 'results', 'latest.json'), JSON.stringify({ targets: TARGETS, results }, null, 2) + '\n');
process.exit(failed ? 1 : 0);
