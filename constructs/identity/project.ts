import { Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { bindings } from '../common/bindings';
import { IProject } from '../common/project';
import { claimAppWide } from '../common/registry';
import { Stateful, StatefulProps } from '../common/stateful';
import { invalid } from '../common/validation';

/** Props of {@link Project}. */
export interface ProjectProps extends StatefulProps {
  /** Project name, unique within its domain (Keystone allows 64 characters). */
  readonly projectName: string;
  /**
   * Id of the domain that owns the project.
   * @default 'default'
   */
  readonly domainId?: string;
  /**
   * Description.
   * @default - none
   */
  readonly description?: string;
  /**
   * Tags (Keystone allows 80 tags of up to 255 characters, no `/` or `,`).
   * @default - none
   */
  readonly tags?: string[];
  /**
   * Parent project, for a project hierarchy.
   * @default - directly under the domain
   */
  readonly parent?: IProject;
  /**
   * Whether the project is enabled (a disabled project's tokens stop working).
   * @default true
   */
  readonly enabled?: boolean;
}

/**
 * A Keystone project in a domain (`openstack_identity_project_v3`; creating one needs an admin).
 *
 * Project names are unique within a domain, so two `Project`s (in any stack of the app) with the same name and
 * domain fail at synth time instead of with a 409 Conflict during the second apply. Deleting a project orphans
 * everything inside it, so the project carries `prevent_destroy` like the data it holds (see {@link StatefulProps}).
 */
export class Project extends Construct implements IProject {
  /**
   * An existing project, looked up by name in its domain (`data.openstack_identity_project_v3`), e.g. to put
   * resources of this app into a project another repository manages; the plan fails when it does not exist.
   * @param domainId id of the project's domain; `default` when omitted
   */
  public static fromProjectName(scope: Construct, id: string, projectName: string, domainId?: string): IProject {
    return new ImportedProject(scope, id, projectName, domainId ?? 'default');
  }

  public readonly projectId: string;
  public readonly projectName: string;
  /** Id of the owning domain. */
  public readonly domainId: string;

  constructor(scope: Construct, id: string, props: ProjectProps) {
    super(scope, id);
    const name = props.projectName;
    checkProjectName(this, name);
    for (const tag of props.tags ?? []) {
      if (tag.length === 0 || tag.length > 255 || /[/,]/.test(tag)) {
        invalid(this, `tag ${JSON.stringify(tag)} must be 1 to 255 characters without / or , (Keystone project tags)`);
      }
    }
    if ((props.tags ?? []).length > 80) invalid(this, `${props.tags!.length} tags are more than Keystone's 80 per project`);
    this.domainId = props.domainId ?? 'default';
    this.projectName = name;
    // Keystone's SQL backend compares names with the database collation (case-insensitive on MySQL/MariaDB)
    const previous = claimAppWide(this, 'keystone-project', `${this.domainId}\u0000${name.toLowerCase()}`);
    if (previous !== undefined) {
      invalid(this, `project name ${JSON.stringify(name)} in domain ${this.domainId} is already used by ${previous.node.path}; ` +
        'Keystone project names are unique within a domain, so the second apply would fail with 409 Conflict; give each tenant its own project name');
    }
    const project = new (bindings.identityProjectV3().IdentityProjectV3)(this, 'Resource', {
      name,
      domainId: this.domainId,
      description: props.description,
      enabled: props.enabled ?? true,
      tags: props.tags,
      parentId: props.parent?.projectId,
    });
    Stateful.apply(this, project, props);
    this.projectId = project.id;
  }
}

function checkProjectName(scope: IConstruct, name: string): void {
  if (Token.isUnresolved(name)) return;
  if (name.trim() !== name || name.length === 0 || name.length > 64) {
    invalid(scope, `projectName ${JSON.stringify(name)} must be 1 to 64 characters without leading or trailing spaces (Keystone's limit)`);
  }
}

/** A project that exists already (see {@link Project.fromProjectName}). */
class ImportedProject extends Construct implements IProject {
  public readonly projectId: string;
  public readonly projectName: string;

  constructor(scope: Construct, id: string, projectName: string, domainId: string) {
    super(scope, id);
    checkProjectName(this, projectName);
    if (!Token.isUnresolved(domainId) && domainId.trim() === '') invalid(this, 'domainId "" is empty; give the id of the project\'s domain, or leave it out for default');
    this.projectName = projectName;
    this.projectId = new (bindings.dataOpenstackIdentityProjectV3().DataOpenstackIdentityProjectV3)(this, 'Resource', { name: projectName, domainId }).id;
  }
}
