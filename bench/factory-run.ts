/**
 * Large-factory benchmark: the library against the bare generated bindings, building identical Terraform blocks.
 *
 *   npm run bench -- --factory [--sizes 100,300,1000] [--runs 3] [--compiled DIR]
 *
 * For each N, each variant runs in its own process (`tsx bench/factory-driver.ts`), `--runs` times, interleaved
 * (library and bare alternate, the one going first alternating too, so load on a shared machine hits both alike).
 * Reported per variant: medians of load (importing the variant), construct, synth and whole-process wall time, the
 * peak RSS (maximum over the runs), the output size, and the Terraform graph (nodes, edges, longest chain). Before
 * anything is reported the run asserts that both variants emitted the same resource and data blocks and the same
 * Kubernetes YAML; it exits 2 when they differ. Results go to bench/results/factory.json (ignored by git); the
 * figures for bench/RESULTS.md are printed as a Markdown table.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { addressPlanOf } from './factory-bare';
import { graphStats } from './tf-graph';

const root = path.resolve(__dirname, '..');

interface Sample {
  bootMs: number;
  loadMs: number;
  constructMs: number;
  synthMs: number;
  inProcessMs: number;
  rssMb: number;
  wallMs: number;
}

/**
 * Where the compiled project is (`--compiled DIR`), if the run uses it: the output of
 * `npx tsc -p tsconfig.dev.json --noEmit false --outDir DIR --sourceMap false --declaration false --incremental false`
 * with `DIR/node_modules` linked to the project's. Each variant then runs as plain `node` on JavaScript, as a
 * user's synth loads the published package, instead of through tsx (which transpiles every module on load and turns
 * source maps on, so every token's stack trace is source-mapped).
 */
let compiledDir: string | undefined;

function runOnce(variant: string, servers: number, outdir: string, plan?: string): Sample {
  fs.rmSync(outdir, { recursive: true, force: true });
  const t0 = Date.now();
  const args = [variant, String(servers), outdir, ...(plan ? [plan] : [])];
  const r = compiledDir
    ? spawnSync(process.execPath, [path.join(compiledDir, 'bench', 'factory-driver.js'), ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    : spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), [
      '--tsconfig', path.join(root, 'tsconfig.dev.json'), path.join(root, 'bench', 'factory-driver.ts'), ...args,
    ], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wallMs = Date.now() - t0;
  if (r.status !== 0) {
    console.error(`${variant} N=${servers}: failed\n${r.stderr}`);
    process.exit(2);
  }
  return { ...JSON.parse(r.stdout.trim().split('\n').pop()!), wallMs };
}

function outputsOf(outdir: string): { tf: any; tfBytes: number; yaml: string } {
  const tfText = fs.readFileSync(path.join(outdir, 'cdktf.out', 'stacks', 'factory', 'cdk.tf.json'), 'utf8');
  return { tf: JSON.parse(tfText), tfBytes: Buffer.byteLength(tfText), yaml: fs.readFileSync(path.join(outdir, 'dist', 'models.k8s.yaml'), 'utf8') };
}

/** The first difference between the two variants' resource and data blocks, if any. */
function firstDifference(a: any, b: any): string | undefined {
  for (const kind of ['resource', 'data']) {
    const types = new Set([...Object.keys(a[kind] ?? {}), ...Object.keys(b[kind] ?? {})]);
    for (const type of [...types].sort()) {
      const [x, y] = [a[kind]?.[type] ?? {}, b[kind]?.[type] ?? {}];
      for (const name of [...new Set([...Object.keys(x), ...Object.keys(y)])].sort()) {
        if (JSON.stringify(x[name]) !== JSON.stringify(y[name])) {
          return `${kind} ${type}.${name}:\n  library: ${JSON.stringify(x[name])}\n  bare:    ${JSON.stringify(y[name])}`;
        }
      }
    }
  }
  return undefined;
}

const median = (xs: number[]) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)];

export function factoryBench(args: string[]): number {
  const opt = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
  const sizes = opt('--sizes', '100,300,1000').split(',').map(Number);
  const runs = Number(opt('--runs', '3'));
  compiledDir = args.includes('--compiled') ? path.resolve(opt('--compiled', '')) : undefined;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-factory-'));
  const rows: any[] = [];
  try {
    for (const n of sizes) {
      const libOut = path.join(work, `lib-${n}`);
      const bareOut = path.join(work, `bare-${n}`);
      const planFile = path.join(work, `plan-${n}.json`);
      const samples: { lib: Sample[]; bare: Sample[] } = { lib: [], bare: [] };
      let sizes2: { lib: number; bare: number } = { lib: 0, bare: 0 };
      for (let r = 0; r < runs; r++) {
        const order = r % 2 === 0 ? ['lib', 'bare'] : ['bare', 'lib'];
        for (const variant of order) {
          const out = variant === 'lib' ? libOut : bareOut;
          samples[variant as 'lib' | 'bare'].push(runOnce(variant, n, out, variant === 'bare' ? planFile : undefined));
          if (r === 0 && variant === 'lib') fs.writeFileSync(planFile, JSON.stringify(addressPlanOf(outputsOf(libOut).tf)));
        }
        if (r === 0) {
          const [a, b] = [outputsOf(libOut), outputsOf(bareOut)];
          const diff = firstDifference(a.tf, b.tf);
          if (diff) {
            console.error(`N=${n}: the variants emit different Terraform blocks: ${diff}`);
            return 2;
          }
          if (a.yaml !== b.yaml) {
            console.error(`N=${n}: the variants emit different Kubernetes YAML`);
            return 2;
          }
          sizes2 = { lib: a.tfBytes + Buffer.byteLength(a.yaml), bare: b.tfBytes + Buffer.byteLength(b.yaml) };
          const g = graphStats(a.tf);
          rows.push({ n, graph: { nodes: g.nodes, edges: g.edges, depth: g.depth, chain: g.chain } });
        }
      }
      const row = rows[rows.length - 1];
      for (const v of ['lib', 'bare'] as const) {
        const s = samples[v];
        row[v] = {
          loadMs: Math.round(median(s.map((x) => x.loadMs))),
          constructMs: Math.round(median(s.map((x) => x.constructMs))),
          synthMs: Math.round(median(s.map((x) => x.synthMs))),
          wallMs: Math.round(median(s.map((x) => x.wallMs))),
          peakRssMb: Math.round(Math.max(...s.map((x) => x.rssMb))),
          outputBytes: sizes2[v],
          samples: s,
        };
      }
      const [l, b] = [row.lib, row.bare];
      console.log(`N=${n} (T=${Math.floor(n / 5)}): library wall ${l.wallMs} ms (load ${l.loadMs}, construct ${l.constructMs}, synth ${l.synthMs}), `
        + `RSS ${l.peakRssMb} MB | bare wall ${b.wallMs} ms (load ${b.loadMs}, construct ${b.constructMs}, synth ${b.synthMs}), RSS ${b.peakRssMb} MB `
        + `| ratio wall ${(l.wallMs / b.wallMs).toFixed(2)}, construct ${(l.constructMs / b.constructMs).toFixed(2)} | depth ${row.graph.depth}`);
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  fs.mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
  const machine = { nproc: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadavg: os.loadavg() };
  fs.writeFileSync(path.join(root, 'bench', 'results', 'factory.json'), JSON.stringify({ machine, runs, rows }, null, 2) + '\n');
  console.log(`\nmachine: ${machine.nproc} cores, ${machine.memoryGiB} GiB, node ${machine.node}, load average ${machine.loadavg.map((x) => x.toFixed(1)).join(' ')}`);
  console.log('\n| N | T | variant | load ms | construct ms | synth ms | whole process ms | peak RSS MB | output bytes | graph depth |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) {
    for (const v of ['lib', 'bare']) {
      const x = row[v];
      console.log(`| ${row.n} | ${Math.floor(row.n / 5)} | ${v === 'lib' ? 'library' : 'bare bindings'} | ${x.loadMs} | ${x.constructMs} | ${x.synthMs} | ${x.wallMs} | ${x.peakRssMb} | ${x.outputBytes} | ${row.graph.depth} |`);
    }
    console.log(`| ${row.n} | | **ratio** | ${(row.lib.loadMs / row.bare.loadMs).toFixed(2)} | ${(row.lib.constructMs / row.bare.constructMs).toFixed(2)} | `
      + `${(row.lib.synthMs / row.bare.synthMs).toFixed(2)} | ${(row.lib.wallMs / row.bare.wallMs).toFixed(2)} | ${(row.lib.peakRssMb / row.bare.peakRssMb).toFixed(2)} | | |`);
  }
  return 0;
}

if (require.main === module) process.exit(factoryBench(process.argv.slice(2)));
