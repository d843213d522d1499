import { PolicyLevel, PolicyPlatform, PolicyRule, PolicySubject } from '../policy-rule';
import { podSpecsOf } from './pod-specs';

/**
 * Attribute or variable names that carry a secret (`password`, `ipmi_password`, `HF_TOKEN`, `client_key`, ...): the
 * name ends with the word. Plurals are counts, not secrets (`kv-cache-tokens`, `max_tokens`), except `credentials`.
 */
const SECRET_NAME = /(passw(or)?d|secret|token|private_?key|client_?key|api_?key|passphrase|credentials?)$/i;
/** Maps that describe an object rather than configure it: their values are never read as credentials. */
const METADATA = ['labels', 'annotations', 'tags'];
/** Names that look like a secret but hold a reference to one (an id, a name, a path, a file). */
const NOT_A_SECRET = /(_id|_ids|_name|_ref|_file|_path|_type|_url|_uri|_ttl|_length)$/i;

/**
 * No secret is written into the synthesized output. Everything in `cdk.tf.json` and the manifests ends up in git
 * and CI logs: a password, token or key there is a leaked credential. In Terraform, secrets come from `sensitive`
 * variables or from other resources (`${...}` references), and an output that carries one is `sensitive: true`
 * (https://developer.hashicorp.com/terraform/language/values/outputs#sensitive-suppressing-values-in-cli-output);
 * in Kubernetes, container environment variables with secret names take `valueFrom.secretKeyRef`
 * (https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables).
 */
export class NoSecretLiterals extends PolicyRule {
  public readonly id = 'AIF-SEC-001';
  public readonly rationale = 'the synthesized output is committed and printed by CI: a literal password, token or key in it is a leaked credential';
  public readonly fix = 'pass secrets as sensitive Terraform variables (TF_VAR_...) or references to the resources that create them, mark outputs that carry them sensitive: true, and read them in pods through valueFrom.secretKeyRef';
  public readonly level = PolicyLevel.ERROR;

  public evaluate(subject: PolicySubject): string[] {
    if (subject.platform === PolicyPlatform.KUBERNETES) return this.kubernetes(subject);
    if (subject.kind === 'output') {
      const name = String(subject.body['//']?.name ?? '');
      if (subject.body.sensitive === true) return [];
      const value = JSON.stringify(subject.body.value ?? '');
      const carries = SECRET_NAME.test(name) || /\.(password|secret|token|private_key|client_key|kubeconfig)\b|\["(client_key|private_key|password|token|raw_config)"\]/.test(value);
      return carries ? [`output ${name} carries a secret but is not sensitive`] : [];
    }
    return literalSecrets(subject.body, '').map((at) => `${at} is a literal secret`);
  }

  private kubernetes(subject: PolicySubject): string[] {
    const problems: string[] = [];
    for (const pod of podSpecsOf(subject.body)) {
      for (const list of ['initContainers', 'containers']) {
        for (const c of Array.isArray(pod.spec[list]) ? pod.spec[list] : []) {
          for (const env of Array.isArray(c?.env) ? c.env : []) {
            if (SECRET_NAME.test(String(env?.name ?? '')) && isLiteral(env.value)) {
              problems.push(`container ${c.name} (${pod.at}) env ${env.name} is a literal secret`);
            }
          }
        }
      }
    }
    return problems;
  }
}

/** Paths (`driver_info.ipmi_password`) of literal strings under secret-named keys. */
function literalSecrets(value: any, at: string): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => literalSecrets(v, `${at}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => {
    if (k === '//' || METADATA.includes(k)) return [];
    const here = at ? `${at}.${k}` : k;
    if (SECRET_NAME.test(k) && !NOT_A_SECRET.test(k) && isLiteral(v)) return [here];
    return literalSecrets(v, here);
  });
}

/** A non-empty string that is not only a Terraform reference or expression (`${var.x}`). */
function isLiteral(v: unknown): boolean {
  return typeof v === 'string' && v.trim() !== '' && !/^\$\{[\s\S]*\}$/.test(v.trim());
}
