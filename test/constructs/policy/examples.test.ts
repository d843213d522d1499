import * as fs from 'fs';
import * as path from 'path';
import * as cdk8s from 'cdk8s';
import * as cdktf from 'cdktf';
import { PolicyChecks, PolicySuppressions } from '../../../constructs/policy/policy-checks';
import { synthExample } from '../../util';

// The baseline pack over every example, through the same Aspect and chart validation users add: every stack and
// chart an example synthesizes gets PolicyChecks.applyTo just before synthesis. Zero unsuppressed findings.
const root = path.join(__dirname, '..', '..', '..');
const examples = fs.readdirSync(path.join(root, 'examples')).filter((n) => fs.existsSync(path.join(root, 'examples', n, 'main.ts'))).sort();

/**
 * Findings accepted here until their owners fix them, each with its reason (they appear in the report as
 * suppressed; the test fails when one no longer occurs, so the list cannot go stale).
 */
const ACCEPTED: { example: string; path: string; ruleId: string; reason: string }[] = [];

let checks: PolicyChecks[] = [];
let current = '';

beforeAll(() => {
  const tfSynth = cdktf.App.prototype.synth;
  jest.spyOn(cdktf.App.prototype, 'synth').mockImplementation(function (this: cdktf.App) {
    for (const c of this.node.findAll()) if (c instanceof cdktf.TerraformStack) checks.push(PolicyChecks.applyTo(c));
    return tfSynth.call(this);
  });
  const k8sSynth = cdk8s.App.prototype.synth;
  jest.spyOn(cdk8s.App.prototype, 'synth').mockImplementation(function (this: cdk8s.App) {
    for (const c of this.node.children) if (cdk8s.Chart.isChart(c)) checks.push(PolicyChecks.applyTo(c));
    for (const a of ACCEPTED.filter((x) => x.example === current)) {
      const node = this.node.findAll().find((n) => n.node.path === a.path);
      if (node) PolicySuppressions.add(node, a.ruleId, a.reason);
    }
    return k8sSynth.call(this);
  });
});

afterAll(() => jest.restoreAllMocks());

describe('policy baseline over every example', () => {
  test.each(examples)('%s has no unsuppressed findings', (name) => {
    checks = [];
    current = name;
    synthExample(name);
    expect(checks.length).toBeGreaterThan(0);
    const report = checks.flatMap((c) => c.report);
    expect(report.filter((f) => f.suppressedBecause === undefined).map((f) => `${f.ruleId} ${f.path}: ${f.message}`)).toEqual([]);
    const accepted = ACCEPTED.filter((a) => a.example === name).map((a) => `${a.ruleId} ${a.path}`);
    const suppressed = report.filter((f) => f.suppressedBecause !== undefined && !f.suppressedBecause.startsWith('DataProtection.allowDestroy'));
    expect([...new Set(suppressed.map((f) => `${f.ruleId} ${f.path}`))]).toEqual(accepted);
  });
});
