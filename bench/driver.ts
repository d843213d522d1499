/** Synthesizes one example into a folder and prints its synthesis time and peak RSS as JSON (used by bench/run.ts). */
const [examplePath, outdir] = process.argv.slice(2);
const started = process.hrtime.bigint();
// eslint-disable-next-line @typescript-eslint/no-require-imports
require(examplePath).synth(outdir);
const ms = Number(process.hrtime.bigint() - started) / 1e6;
process.stdout.write(JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
