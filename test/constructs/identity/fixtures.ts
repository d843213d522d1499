/**
 * Fixtures for the tenancy and storage tests: tenants with a project scope, synthesis with validations, and the
 * real `terraform validate` through the shared stub-provider validator.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { Tenant, TenantProps } from '../../../stacks/tenant';

/** A tenant whose project-scoped provider uses the clouds.yaml entry `<name>` and the user `svc-<name>`. */
export function tenant(scope: Construct, id: string, projectName: string, props: Partial<TenantProps> = {}): Tenant {
  return new Tenant(scope, id, { projectName, projectScope: { cloud: projectName, userName: `svc-${projectName}` }, ...props });
}

/** Synthesizes a stack with its validations (what `app.synth()` runs), parsed. */
export function synthValidated(stack: TerraformStack): any {
  stack.prepareStack();
  return JSON.parse(Testing.synth(stack, true));
}

const SHARED = process.env.SHARED_DIR ?? path.join(__dirname, '..', '..', '..', '..', 'shared');
const VALIDATOR = path.join(SHARED, 'tools', 'terraform-stub-provider', 'validate.mjs');

/** Whether the real `terraform validate` can run here (terraform on PATH and ../shared beside the repository). */
export const canRunTerraform = fs.existsSync(VALIDATOR) && spawnSync('terraform', ['version'], { encoding: 'utf8' }).status === 0;

/**
 * Runs the real `terraform validate` (stub provider) on Terraform JSON, and `terraform plan -refresh=false` on an
 * empty state with `plan` (where Terraform checks `moved` blocks against the configuration); returns its exit
 * status and output.
 */
export function terraformValidate(tf: any, plan = false): { status: number; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-validate-'));
  try {
    fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify(tf, null, 2));
    const r = spawnSync('node', [VALIDATOR, ...(plan ? ['--plan'] : []), '--jobs', '1', dir], { encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
    return { status: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
