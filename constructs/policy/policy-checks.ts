import { ApiObject, Chart } from 'cdk8s';
import { Annotations, Aspects, IAspect, TerraformOutput, TerraformProvider, TerraformResource, TerraformStack } from 'cdktf';
// cdktf's own resolver, as TerraformStack.toTerraform uses it: references become `${type.id.attr}` strings
import { resolve } from 'cdktf/lib/_tokens';
import { IConstruct } from 'constructs';
import { PolicyFinding, PolicyPack } from './policy-pack';
import { PolicyLevel, PolicyPlatform, PolicySubject } from './policy-rule';
import { invalid } from '../common/validation';
import { StatefulResourcesProtected } from './rules/stateful-resources-protected';

/** A suppression: rule id and reason, on a construct and everything below it. */
interface Suppression {
  readonly ruleId: string;
  readonly reason: string;
}

const MIN_REASON_CHARS = 10;
const suppressions = new WeakMap<IConstruct, Suppression[]>();

/** Accepts findings of a rule on a construct and everything below it; the reason appears in the report. */
export class PolicySuppressions {
  /**
   * Suppresses rule `ruleId` on `scope` and its children.
   * @param reason why the finding is acceptable (at least 10 characters): it is printed in the report
   */
  public static add(scope: IConstruct, ruleId: string, reason: string): void {
    if (typeof reason !== 'string' || reason.trim().length < MIN_REASON_CHARS) {
      invalid(scope, `suppression of ${ruleId} needs a reason of at least ${MIN_REASON_CHARS} characters `
        + `(got ${JSON.stringify(reason ?? '')}); say why the finding is acceptable`);
    }
    suppressions.set(scope, [...(suppressions.get(scope) ?? []), { ruleId, reason: reason.trim() }]);
  }

  /** The suppression of `ruleId` that covers `node` (on it or an ancestor), if any. */
  public static reasonFor(node: IConstruct, ruleId: string): string | undefined {
    for (const scope of [...node.node.scopes].reverse()) {
      const s = suppressions.get(scope)?.find((x) => x.ruleId === ruleId);
      if (s) return s.reason;
    }
    return undefined;
  }

  private constructor() {}
}

/** Options of {@link PolicyChecks}. */
export interface PolicyChecksOptions {
  /**
   * The packs to run.
   * @default - [PolicyPack.baseline()]
   */
  readonly packs?: PolicyPack[];
}

/**
 * Runs policy packs over the Terraform stacks (as a cdktf Aspect) and the cdk8s charts (as a chart validation) at
 * synthesis. The Aspect collects every resource, output and provider of a stack; the checks run once all Aspects
 * are done (in the stack's validation, so they see the final configuration), also over the manifests of
 * `kubernetes_manifest` resources. Errors fail synthesis (cdktf: an error annotation; cdk8s: a validation error);
 * every finding, warnings and suppressed ones with their reason, is printed on the console as a report and kept in
 * {@link PolicyChecks.report}.
 *
 *   PolicyChecks.applyTo(stack);              // or a cdk8s Chart
 *   Aspects.of(stack).add(new PolicyChecks()); // the same for a stack
 *
 * cdktf invokes the Aspects of each stack and of the constructs under it, not the App's, so add the checks to
 * every stack (a loop over `app.node.children`).
 */
export class PolicyChecks implements IAspect {
  /** Adds the checks to a cdktf stack or a cdk8s chart; returns them (their report fills at synthesis). */
  public static applyTo(scope: IConstruct, options: PolicyChecksOptions = {}): PolicyChecks {
    const checks = new PolicyChecks(options);
    if (scope instanceof TerraformStack) {
      Aspects.of(scope).add(checks);
    } else if (Chart.isChart(scope)) {
      scope.node.addValidation({ validate: () => checks.validateChart(scope) });
    } else {
      invalid(scope, 'policy checks apply to a cdktf TerraformStack or a cdk8s Chart; pass one of those');
    }
    return checks;
  }

  /** The packs run. */
  public readonly packs: PolicyPack[];
  private readonly findings: PolicyFinding[] = [];
  private readonly collected = new Map<TerraformStack, IConstruct[]>();
  private readonly seen = new WeakSet<IConstruct>();

  constructor(options: PolicyChecksOptions = {}) {
    this.packs = options.packs ?? [PolicyPack.baseline()];
  }

  /** Every finding so far, suppressed ones with their reason, in the order found. */
  public get report(): PolicyFinding[] {
    return [...this.findings];
  }

  /** The report as text: one line per finding, suppressed ones with the reason. */
  public reportText(): string {
    return reportLines(this.findings).join('\n');
  }

  /** Collects one construct (cdktf calls this for every construct of the stack); the checks run in the stack's validation. */
  public visit(node: IConstruct): void {
    if (this.seen.has(node)) return;
    this.seen.add(node);
    if (node instanceof TerraformStack) {
      this.collected.set(node, []);
      node.node.addValidation({ validate: () => this.validateStack(node) });
      return;
    }
    if (TerraformResource.isTerraformResource(node) || TerraformOutput.isTerraformOutput(node) || TerraformProvider.isTerraformProvider(node)) {
      this.collected.get(TerraformStack.of(node))?.push(node);
    }
  }

  private validateStack(stack: TerraformStack): string[] {
    const nodes = new Map<string, IConstruct>();
    const subjects: PolicySubject[] = [];
    for (const node of this.collected.get(stack) ?? []) {
      for (const s of terraformSubjects(stack, node)) {
        subjects.push(s);
        nodes.set(s.path, node);
      }
    }
    const found = this.check(subjects, nodes);
    for (const f of found) {
      const node = nodes.get(f.path)!;
      if (f.suppressedBecause !== undefined) Annotations.of(node).addInfo(`${f.ruleId} suppressed (${f.suppressedBecause}): ${f.message}`);
      else if (f.level === PolicyLevel.ERROR) Annotations.of(node).addError(`${f.ruleId}: ${f.message}; ${f.fix}`);
      else Annotations.of(node).addWarning(`${f.ruleId}: ${f.message}; ${f.fix}`);
    }
    printReport(stack.node.path, found);
    return [];
  }

  private validateChart(chart: Chart): string[] {
    const nodes = new Map<string, IConstruct>();
    const subjects: PolicySubject[] = [];
    for (const node of chart.node.findAll()) {
      if (!(node instanceof ApiObject) || this.seen.has(node)) continue;
      this.seen.add(node);
      subjects.push({ platform: PolicyPlatform.KUBERNETES, kind: node.kind, path: node.node.path, body: node.toJson() });
      nodes.set(node.node.path, node);
    }
    const found = this.check(subjects, nodes);
    printReport(chart.node.path, found);
    return found.filter((f) => f.suppressedBecause === undefined && f.level === PolicyLevel.ERROR)
      .map((f) => `${f.path}: ${f.ruleId}: ${f.message}; ${f.fix}`);
  }

  private check(subjects: PolicySubject[], nodes: Map<string, IConstruct>): PolicyFinding[] {
    const rules = this.packs.flatMap((p) => p.rules);
    const found = this.packs.flatMap((p) => p.evaluateAll(subjects)).map((f) => {
      const node = nodes.get(f.path);
      if (node === undefined) return f;
      const rule = rules.find((r) => r.id === f.ruleId);
      const reason = PolicySuppressions.reasonFor(node, f.ruleId)
        ?? (rule instanceof StatefulResourcesProtected ? rule.optOutReason(node) : undefined);
      return reason === undefined ? f : { ...f, suppressedBecause: reason };
    });
    this.findings.push(...found);
    return found;
  }
}

/** The subjects of one Terraform element: its block, and the object of a `kubernetes_manifest`. */
function terraformSubjects(stack: TerraformStack, node: IConstruct): PolicySubject[] {
  const path = node.node.path;
  if (TerraformResource.isTerraformResource(node)) {
    const body = resolve(stack, node.toTerraform()).resource?.[node.terraformResourceType]?.[node.friendlyUniqueId] ?? {};
    const subjects: PolicySubject[] = [{ platform: PolicyPlatform.TERRAFORM, kind: node.terraformResourceType, path, body }];
    if (node.terraformResourceType === 'kubernetes_manifest' && body.manifest && typeof body.manifest === 'object') {
      subjects.push({ platform: PolicyPlatform.KUBERNETES, kind: String(body.manifest.kind), path: `${path}/manifest`, body: body.manifest });
    }
    return subjects;
  }
  if (TerraformOutput.isTerraformOutput(node)) {
    const body = resolve(stack, node.toTerraform()).output?.[node.friendlyUniqueId] ?? {};
    return [{ platform: PolicyPlatform.TERRAFORM, kind: 'output', path, body: { ...body, '//': { name: node.friendlyUniqueId } } }];
  }
  const provider = node as TerraformProvider;
  const blocks = resolve(stack, provider.toTerraform()).provider?.[provider.terraformResourceType] ?? [];
  return [{ platform: PolicyPlatform.TERRAFORM, kind: `provider.${provider.terraformResourceType}`, path, body: blocks[0] ?? {} }];
}

function reportLines(findings: PolicyFinding[]): string[] {
  return findings.map((f) => `[${f.suppressedBecause === undefined ? f.level : 'suppressed'}] ${f.ruleId} ${f.path}: ${f.message}`
    + (f.suppressedBecause === undefined ? `; ${f.fix}` : ` (reason: ${f.suppressedBecause})`));
}

/** Prints the findings of one stack or chart on the console (stderr): a warning nobody sees is a bug. */
function printReport(scope: string, findings: PolicyFinding[]): void {
  if (findings.length === 0) return;
  const count = (p: (f: PolicyFinding) => boolean) => findings.filter(p).length;
  const suppressed = count((f) => f.suppressedBecause !== undefined);
  const errors = count((f) => f.suppressedBecause === undefined && f.level === PolicyLevel.ERROR);
  console.error(`[policy] ${scope}: ${errors} error(s), ${findings.length - suppressed - errors} warning(s), ${suppressed} suppressed\n`
    + reportLines(findings).map((l) => `  ${l}`).join('\n'));
}
