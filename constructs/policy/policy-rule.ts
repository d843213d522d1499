/** Where a policy subject comes from. */
export enum PolicyPlatform {
  /**
   * A Terraform block (cdktf): `kind` is the resource type (`openstack_networking_port_v2`), `output` for an output
   * or `provider.<name>` for a provider configuration; `body` is its resolved Terraform JSON.
   */
  TERRAFORM = 'terraform',
  /** A Kubernetes object (cdk8s, or the `manifest` of a Terraform `kubernetes_manifest`): `kind` is its kind, `body` the manifest. */
  KUBERNETES = 'kubernetes',
}

/** How a finding of a rule is treated. */
export enum PolicyLevel {
  /** The finding fails synthesis (unless suppressed with a reason). */
  ERROR = 'error',
  /** The finding is printed at synthesis and listed in the report; synthesis goes on. */
  WARNING = 'warning',
}

/** One thing a rule looks at: a Terraform block or a Kubernetes object. */
export interface PolicySubject {
  /** The platform. */
  readonly platform: PolicyPlatform;
  /** Terraform resource type (`openstack_networking_secgroup_rule_v2`), `output`, `provider.<name>`, or Kubernetes kind (`Deployment`). */
  readonly kind: string;
  /** Construct path (`site/Tenant/Rule`), used in messages and matched by suppressions. */
  readonly path: string;
  /** Terraform JSON configuration (references as `${...}` strings), or the Kubernetes manifest. */
  readonly body: { [key: string]: any };
}

/** A problem a rule found by looking at several subjects together, on one of them. */
export interface PolicyViolation {
  /** Path of the subject the problem is reported on. */
  readonly path: string;
  /** What is wrong. */
  readonly message: string;
}

/**
 * One policy rule (one file per rule under `constructs/policy/rules/`): an id, why it exists, how to fix a finding,
 * and the check. Modelled on cdk-nag's rules (https://github.com/cdklabs/cdk-nag, `src/nag-pack.ts`, `src/rules/`).
 * A rule looks at one subject at a time ({@link PolicyRule.evaluate}) and/or at all subjects of a stack or chart
 * together ({@link PolicyRule.evaluateTogether}), for rules that relate objects (a namespace and its policies).
 */
export abstract class PolicyRule {
  /** Stable id, e.g. `AIF-NET-001`: suppressions name it. */
  public abstract readonly id: string;
  /** Why the rule exists. */
  public abstract readonly rationale: string;
  /** How to fix a finding. */
  public abstract readonly fix: string;
  /** Whether findings fail synthesis. */
  public abstract readonly level: PolicyLevel;

  /** The problems `subject` has under this rule, one message each (empty when it complies). */
  public evaluate(_subject: PolicySubject): string[] {
    return [];
  }

  /** The problems found by looking at every subject of one stack or chart together (empty when they comply). */
  public evaluateTogether(_subjects: PolicySubject[]): PolicyViolation[] {
    return [];
  }
}
