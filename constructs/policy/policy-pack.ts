import { PolicyLevel, PolicyPlatform, PolicyRule, PolicySubject } from './policy-rule';
import { DefaultDenyInTenantNamespaces } from './rules/default-deny-in-tenant-namespaces';
import { ImagesPinned } from './rules/images-pinned';
import { NoSecretLiterals } from './rules/no-secret-literals';
import { NoWorldOpenManagementPorts } from './rules/no-world-open-management-ports';
import { PodsNonRootWithResources } from './rules/pods-non-root-with-resources';
import { PortSecurityOnlyWhereRequired } from './rules/port-security-only-where-required';
import { StatefulResourcesProtected } from './rules/stateful-resources-protected';
import { TenantResourcesNotShared } from './rules/tenant-resources-not-shared';
import { TlsOnEveryListener } from './rules/tls-on-every-listener';

/** One problem a rule found. */
export interface PolicyFinding {
  /** The rule's id. */
  readonly ruleId: string;
  /** Error or warning. */
  readonly level: PolicyLevel;
  /** Construct path of the subject. */
  readonly path: string;
  /** Terraform resource type or Kubernetes kind. */
  readonly kind: string;
  /** What is wrong. */
  readonly message: string;
  /** How to fix it (the rule's). */
  readonly fix: string;
  /**
   * Why the finding is accepted, when a suppression covers it.
   * @default - not suppressed
   */
  readonly suppressedBecause?: string;
}

/** A named set of rules (cdk-nag's NagPack: https://github.com/cdklabs/cdk-nag, `src/nag-pack.ts`). */
export class PolicyPack {
  /**
   * The AI factory baseline: no world-open management ports, port security off only on InfiniBand and SR-IOV
   * networks, tenant resources shared only by an explicit grant, stateful resources protected, no secret literals
   * in Terraform output, images pinned, pods non-root with requests and limits and no privilege beyond RDMA's
   * IPC_LOCK, a default-deny NetworkPolicy in every tenant namespace, TLS on every listener.
   */
  public static baseline(): PolicyPack {
    return new PolicyPack('ai-factory-baseline', [
      new NoWorldOpenManagementPorts(),
      new PortSecurityOnlyWhereRequired(),
      new TenantResourcesNotShared(),
      new StatefulResourcesProtected(),
      new NoSecretLiterals(),
      new ImagesPinned(),
      new PodsNonRootWithResources(),
      new DefaultDenyInTenantNamespaces(),
      new TlsOnEveryListener(),
    ]);
  }

  /**
   * @param packName name of the pack, shown in the report
   * @param rules the rules, each with a unique id
   */
  constructor(public readonly packName: string, public readonly rules: PolicyRule[]) {
    const ids = new Set<string>();
    for (const r of rules) {
      if (ids.has(r.id)) throw new Error(`policy pack ${packName} has rule ${r.id} twice; rule ids are unique in a pack`);
      ids.add(r.id);
    }
  }

  /**
   * The findings of every rule on the subjects of one stack or chart: each subject alone, then all together (none
   * suppressed: suppressions are applied by PolicyChecks).
   */
  public evaluateAll(subjects: PolicySubject[]): PolicyFinding[] {
    const kinds = new Map(subjects.map((s) => [s.path, s.kind]));
    return this.rules.flatMap((rule) => [
      ...subjects.flatMap((subject) => rule.evaluate(subject).map((message) => ({ path: subject.path, message }))),
      ...rule.evaluateTogether(subjects),
    ].map(({ path, message }) => ({ ruleId: rule.id, level: rule.level, path, kind: kinds.get(path) ?? '', message, fix: rule.fix })));
  }

  /**
   * The findings on synthesized output: a Terraform JSON document (`cdk.tf.json`) and/or the objects of Kubernetes
   * manifests. Construct paths come from the resources' `//` metadata and the objects' names.
   */
  public evaluateDocuments(terraform: { [key: string]: any }[], kubernetes: { [key: string]: any }[]): PolicyFinding[] {
    const findings: PolicyFinding[] = [];
    for (const doc of terraform) {
      const subjects: PolicySubject[] = [];
      for (const [kind, blocks] of Object.entries<any>(doc.resource ?? {})) {
        for (const [name, body] of Object.entries<any>(blocks)) {
          const path = body['//']?.metadata?.path ?? `${kind}.${name}`;
          subjects.push({ platform: PolicyPlatform.TERRAFORM, kind, path, body });
          if (kind === 'kubernetes_manifest' && body.manifest && typeof body.manifest === 'object') {
            subjects.push({ platform: PolicyPlatform.KUBERNETES, kind: String(body.manifest.kind), path: `${path}/manifest`, body: body.manifest });
          }
        }
      }
      for (const [name, body] of Object.entries<any>(doc.output ?? {})) {
        subjects.push({ platform: PolicyPlatform.TERRAFORM, kind: 'output', path: `output.${name}`, body: { ...body, '//': { name } } });
      }
      for (const [name, blocks] of Object.entries<any>(doc.provider ?? {})) {
        for (const [i, body] of (Array.isArray(blocks) ? blocks : [blocks]).entries()) {
          subjects.push({ platform: PolicyPlatform.TERRAFORM, kind: `provider.${name}`, path: `provider.${name}[${i}]`, body });
        }
      }
      findings.push(...this.evaluateAll(subjects));
    }
    const objects: PolicySubject[] = [];
    for (const body of kubernetes) {
      if (!body || typeof body !== 'object') continue;
      const path = `${body.kind}/${body.metadata?.namespace ? `${body.metadata.namespace}/` : ''}${body.metadata?.name ?? ''}`;
      objects.push({ platform: PolicyPlatform.KUBERNETES, kind: String(body.kind), path, body });
    }
    return [...findings, ...this.evaluateAll(objects)];
  }
}
