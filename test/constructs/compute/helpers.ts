/**
 * Test helpers of the compute room.
 */
import { TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { IProject } from '../../../constructs/common/project';
import { FactoryStack } from '../../../stacks/factory-stack';
import { testStack } from '../../util';

/** A minimal IProject for tests (the identity room owns the real construct). */
export class Project extends Construct implements IProject {
  public readonly projectId: string;
  public readonly projectName: string;
  constructor(scope: Construct, id: string, name: string) {
    super(scope, id);
    this.projectName = name;
    this.projectId = `project-${name}`;
  }
}

/** A test stack with the Ironic provider configured. */
export function ironicStack(): FactoryStack {
  return testStack({ ironic: { url: 'https://ironic.test:6385/v1' } });
}

/** Two sensitive variables for BMC credentials. */
export function sensitiveVariables(scope: Construct, prefix = 'bmc'): [TerraformVariable, TerraformVariable] {
  return [
    new TerraformVariable(scope, `${prefix}_user`, { type: 'string', sensitive: true }),
    new TerraformVariable(scope, `${prefix}_pass`, { type: 'string', sensitive: true }),
  ];
}
