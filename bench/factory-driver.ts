/**
 * One process of the factory benchmark: loads one variant (library or bare bindings), builds the factory of N
 * servers into a folder and prints its timings and peak RSS as JSON (used by bench/factory-run.ts).
 *
 *   tsx bench/factory-driver.ts lib|bare N OUTDIR [PLAN.json]
 */
import * as fs from 'fs';

const [variant, servers, outdir, planFile] = process.argv.slice(2);
const loadStart = performance.now();
/* eslint-disable @typescript-eslint/no-require-imports */
const { shapeOf } = require('./factory-shape');
const mod = variant === 'lib' ? require('./factory-lib') : require('./factory-bare');
/* eslint-enable @typescript-eslint/no-require-imports */
const loadMs = performance.now() - loadStart;
const plan = planFile ? JSON.parse(fs.readFileSync(planFile, 'utf8')) : undefined;
const { constructMs, synthMs } = mod.build(shapeOf(Number(servers)), outdir, plan);
process.stdout.write(JSON.stringify({
  // performance.now() counts from process start: what node and tsx spend before this file runs is in bootMs
  bootMs: loadStart, loadMs, constructMs, synthMs, inProcessMs: performance.now(), rssMb: process.resourceUsage().maxRSS / 1024,
}) + '\n');
