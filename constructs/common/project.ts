import { IConstruct } from 'constructs';

/**
 * A Keystone project (a tenant's isolation boundary). Constructs that create resources inside a project take an
 * `IProject` instead of a raw id. It lives in `constructs/common` because every area places resources in a project;
 * the `Project` construct that creates one is in `constructs/identity`.
 */
export interface IProject extends IConstruct {
  /** Project id (a Terraform reference). */
  readonly projectId: string;
  /** Project name. */
  readonly projectName: string;
}
