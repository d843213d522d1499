import { AnnotationMetadataEntryType, Annotations, TerraformStack } from 'cdktf';
// not re-exported by the package index; the hook cdktf's own assets use, stable in the 0.21 line we pin
import { addCustomSynthesis } from 'cdktf/lib/synthesize/synthesizer';
import { Construct, IConstruct } from 'constructs';

/**
 * Warnings that reach the console during synth, on both sides of the factory.
 *
 * cdktf 0.21 keeps `Annotations.of(x).addWarning(...)` as construct metadata of type `@cdktf/warn`; its
 * `StackSynthesizer` (hashicorp/terraform-cdk v0.21.0, `packages/cdktf/lib/synthesize/synthesizer.ts`) copies the
 * annotations of each TerraformStack's nodes into `manifest.json`, and only the `cdktf` CLI prints them
 * (`packages/@cdktf/cli-core/src/lib/synth.ts`, `printAnnotations`, as `WARN [path]: message` on stdout). So:
 * - a warning on a cdk8s-side construct (inside a cdk8s `App`, not a TerraformStack) is never printed by anyone;
 * - a warning on a Terraform-side construct is not printed when the app runs without the CLI (`npx tsx main.ts`).
 *
 * {@link printWarnings} closes both gaps: it prints every `@cdktf/warn` entry under a cdk8s App when the App
 * validates (cdk8s 2.x `App.synth()`, `synthYaml()` and `Chart.toJson()` validate every construct first), and under a
 * TerraformStack when the stack synthesizes, unless the cdktf CLI runs the app (it sets
 * `CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS=true`, `packages/@cdktf/cli-core/src/lib/synth-stack.ts`) and prints them
 * itself. Lines go to stdout because the CLI echoes the app's stdout and keeps its stderr unless synth fails
 * (`packages/@cdktf/commons/src/util.ts`, `shell`). Each warning is printed once per construct path and message.
 *
 * Not part of the jsii API.
 */

const PRINTER = Symbol.for('cdk-ai-factory.warning-printer');

/** Records a warning on `scope` (cdktf annotation metadata) and makes sure it is printed during synth. */
export function warn(scope: IConstruct, message: string): void {
  Annotations.of(scope).addWarning(message);
  printWarnings(scope);
}

/**
 * Prints, during synth, every warning recorded under the TerraformStack that holds `scope` or, outside Terraform,
 * under the cdk8s App that holds it. Idempotent: call it from any construct or chart.
 */
export function printWarnings(scope: IConstruct): void {
  const stack = terraformStackOf(scope);
  const root = stack ?? scope.node.root;
  const holder = root as unknown as { [PRINTER]?: boolean };
  if (holder[PRINTER]) return;
  Object.defineProperty(root, PRINTER, { value: true, enumerable: false });
  const printed = new Set<string>();
  const print = () => {
    for (const node of root.node.findAll()) {
      for (const entry of node.node.metadata) {
        if (entry.type !== AnnotationMetadataEntryType.WARN) continue;
        const key = `${node.node.path}\u0000${entry.data}`;
        if (printed.has(key)) continue;
        printed.add(key);
        console.log(`WARN [${node.node.path}]: ${entry.data}`);
      }
    }
  };
  if (stack) {
    // after aspects and validations (which may add warnings), before the manifest is written
    const printer = new Construct(stack, 'cdk-ai-factory-warnings');
    addCustomSynthesis(printer, { onSynthesize: () => { if (!cdktfCliPrints()) print(); } });
  } else {
    root.node.addValidation({ validate: () => { print(); return []; } });
  }
}

function terraformStackOf(scope: IConstruct): TerraformStack | undefined {
  for (let s: IConstruct | undefined = scope; s; s = s.node.scope) {
    if (TerraformStack.isStack(s)) return s;
  }
  return undefined;
}

/** Whether the cdktf CLI runs this app (and prints the stack annotations from the manifest itself). */
function cdktfCliPrints(): boolean {
  return process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS === 'true';
}
