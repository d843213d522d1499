import { PolicyLevel, PolicyPlatform, PolicyRule, PolicySubject, PolicyViolation } from '../policy-rule';

/** The label TenantNamespace puts on a tenant's namespace. */
const TENANT_LABEL = 'ai-factory.dev/tenant';

/**
 * Every tenant namespace (a Namespace labelled `ai-factory.dev/tenant`) has a default-deny NetworkPolicy in the same
 * set of objects: one that selects every pod (`podSelector: {}`), lists both `Ingress` and `Egress` in
 * `policyTypes` and allows nothing. Without it every pod accepts connections from every namespace
 * (https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies).
 */
export class DefaultDenyInTenantNamespaces extends PolicyRule {
  public readonly id = 'AIF-K8S-003';
  public readonly rationale = 'Kubernetes lets every pod reach every other pod until a NetworkPolicy selects it: without a default deny, tenants reach each other\'s model servers and jobs';
  public readonly fix = 'create the namespace with TenantNamespace (it adds default-deny and the allow rules), or add a NetworkPolicy with podSelector {}, policyTypes [Ingress, Egress] and no rules';
  public readonly level = PolicyLevel.ERROR;

  public evaluateTogether(subjects: PolicySubject[]): PolicyViolation[] {
    const k8s = subjects.filter((s) => s.platform === PolicyPlatform.KUBERNETES);
    const denied = new Set(k8s.filter((s) => s.kind === 'NetworkPolicy' && isDefaultDeny(s.body.spec)).map((s) => s.body.metadata?.namespace));
    return k8s
      .filter((s) => s.kind === 'Namespace' && s.body.metadata?.labels?.[TENANT_LABEL] !== undefined && !denied.has(s.body.metadata?.name))
      .map((s) => ({ path: s.path, message: `tenant namespace ${s.body.metadata.name} has no default-deny NetworkPolicy (podSelector {}, policyTypes Ingress and Egress, no rules)` }));
  }
}

function isDefaultDeny(spec: any): boolean {
  if (!spec || typeof spec !== 'object') return false;
  const selector = spec.podSelector ?? {};
  const selectsAll = Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
  const types: string[] = spec.policyTypes ?? [];
  return selectsAll && types.includes('Ingress') && types.includes('Egress')
    && (spec.ingress ?? []).length === 0 && (spec.egress ?? []).length === 0;
}
