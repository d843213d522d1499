import { IConstruct } from 'constructs';
import { Stateful } from '../../common/stateful';
import { PolicyLevel, PolicyPlatform, PolicyRule, PolicySubject } from '../policy-rule';

/**
 * Resources that hold data cannot be destroyed by a plan: Terraform resources carry `lifecycle.prevent_destroy`
 * (https://developer.hashicorp.com/terraform/language/meta-arguments/lifecycle#prevent_destroy), Kubernetes
 * PersistentVolumeClaims the data-protection annotations {@link Stateful.protectKubernetesObject} writes.
 */
export class StatefulResourcesProtected extends PolicyRule {
  public readonly id = 'AIF-DATA-001';
  public readonly rationale = 'a volume, share, bucket or claim destroyed by a refactor or a mistyped plan takes checkpoints and datasets with it';
  public readonly fix = 'create it through a cdk-ai-factory construct (protected by default) or call Stateful.protect / Stateful.protectKubernetesObject; opt out only with DataProtection.allowDestroy(reason)';
  public readonly level = PolicyLevel.ERROR;

  /**
   * The reason of an explicit opt-out (`DataProtection.allowDestroy(reason)`) recorded for `node`: such a finding is
   * reported as suppressed with that reason.
   */
  public optOutReason(node: IConstruct): string | undefined {
    const p = Stateful.protectionOf(node);
    return p !== undefined && !p.preventDestroy ? `DataProtection.allowDestroy: ${p.reason}` : undefined;
  }

  public evaluate(subject: PolicySubject): string[] {
    if (subject.platform === PolicyPlatform.TERRAFORM) {
      if (!Stateful.TERRAFORM_TYPES.includes(subject.kind)) return [];
      return subject.body.lifecycle?.prevent_destroy === true ? [] : [`${subject.kind} holds data but has no lifecycle.prevent_destroy`];
    }
    if (subject.kind !== 'PersistentVolumeClaim') return [];
    const annotations = subject.body.metadata?.annotations ?? {};
    const protection = annotations['ai-factory.dev/data-protection'];
    if (protection === 'retain') return [];
    if (protection === 'allow-destroy' && typeof annotations['ai-factory.dev/data-protection-reason'] === 'string') return [];
    return [`PersistentVolumeClaim ${subject.body.metadata?.name ?? ''} has no ai-factory.dev/data-protection annotation (retain, or allow-destroy with a reason)`];
  }
}
