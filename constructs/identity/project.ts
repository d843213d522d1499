import { IConstruct } from 'constructs';

/**
 * A Keystone project (a tenant's isolation boundary). Constructs that create resources inside a project take an
 * `IProject` instead of a raw id.
 */
export interface IProject extends IConstruct {
  /** Project id (a Terraform reference). */
  readonly projectId: string;
  /** Project name. */
  readonly projectName: string;
}
