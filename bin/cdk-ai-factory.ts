#!/usr/bin/env node
// cdk-ai-factory: see the factory before it exists.
//
//   npx cdk-ai-factory review <before-dir> <after-dir> [--allow-destroy]   Markdown for a pull-request comment
//   npx cdk-ai-factory report <dir> [--title <name>]                       the capacity report (Markdown)
//   npx cdk-ai-factory diagram <dir> [--title <name>] [--dot]              the topology diagram (SVG, or DOT)
//
// A directory is synthesized output: one holding `cdktf.out/stacks/*/cdk.tf.json` and/or `*.k8s.yaml` files
// (an example folder after `npm run synth`, or a checkout's synth output). Exit codes: 0 done; 1 the change
// destroys or replaces a stateful resource (review without --allow-destroy); 2 bad usage or unreadable input.
import * as path from 'path';
import { loadSynthesized } from './load';
import { capacityReport } from '../lib/insight/capacity';
import { buildModel } from '../lib/insight/model';
import { review } from '../lib/insight/review';
import { renderSvg, topologyDot } from '../lib/insight/topology';

const USAGE = [
  'usage: cdk-ai-factory review <before-dir> <after-dir> [--allow-destroy]',
  '       cdk-ai-factory report <dir> [--title <name>]',
  '       cdk-ai-factory diagram <dir> [--title <name>] [--dot]',
].join('\n');

/** Runs the CLI; returns the exit code and writes to the given streams (tests call it directly). */
export async function main(argv: string[], stdout: (s: string) => void, stderr: (s: string) => void): Promise<number> {
  const [command, ...rest] = argv;
  const flags = new Set(rest.filter((a) => a.startsWith('--') && a !== '--title'));
  const titleAt = rest.indexOf('--title');
  const title = titleAt >= 0 ? rest[titleAt + 1] : undefined;
  const args = rest.filter((a, i) => !a.startsWith('--') && !(titleAt >= 0 && i === titleAt + 1));
  const known: { [c: string]: { args: number; flags: string[] } } = {
    review: { args: 2, flags: ['--allow-destroy'] },
    report: { args: 1, flags: [] },
    diagram: { args: 1, flags: ['--dot'] },
  };
  const spec = known[command ?? ''];
  if (!spec || args.length !== spec.args || [...flags].some((f) => !spec.flags.includes(f)) || (titleAt >= 0 && !title)) {
    stderr(`${command === '--help' || command === '-h' || !command ? '' : `cdk-ai-factory: bad arguments: ${argv.join(' ')}\n`}${USAGE}\n`);
    return command === '--help' || command === '-h' ? 0 : 2;
  }
  try {
    if (command === 'review') {
      const result = review(buildModel(loadSynthesized(args[0])), buildModel(loadSynthesized(args[1])));
      stdout(result.markdown);
      if (result.destructive.length && !flags.has('--allow-destroy')) {
        stderr(`cdk-ai-factory: ${result.destructive.length} stateful resource(s) destroyed or replaced; pass --allow-destroy if that is intended\n`);
        return 1;
      }
      return 0;
    }
    const model = buildModel(loadSynthesized(args[0]));
    const name = title ?? path.basename(path.resolve(args[0]));
    if (command === 'report') {
      stdout(capacityReport(model, name));
      return 0;
    }
    const dot = topologyDot(model, name);
    stdout(flags.has('--dot') ? dot : await renderSvg(dot));
    return 0;
  } catch (e) {
    stderr(`cdk-ai-factory: ${(e as Error).message}\n`);
    return 2;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s)).then((code) => {
    process.exitCode = code;
  });
}
