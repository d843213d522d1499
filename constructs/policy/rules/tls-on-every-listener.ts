import { PolicyLevel, PolicyPlatform, PolicyRule, PolicySubject, PolicyViolation } from '../policy-rule';

/** Gateway API listener protocols that carry TLS (https://gateway-api.sigs.k8s.io/reference/spec/#protocoltype). */
const GATEWAY_TLS = ['HTTPS', 'TLS'];
/** Octavia listener protocols that carry TLS: terminated at the load balancer or passed through (https://docs.openstack.org/api-ref/load-balancer/v2/#create-a-listener). */
const OCTAVIA_TLS = ['TERMINATED_HTTPS', 'HTTPS'];

/**
 * Every listener that clients reach speaks TLS: Gateway API listeners are HTTPS or TLS, Ingresses list every host
 * under `spec.tls`, Octavia listeners are TERMINATED_HTTPS or HTTPS (passthrough). A plain-HTTP listener is
 * accepted only when all it does is redirect to https: every HTTPRoute attached to it only has a `RequestRedirect`
 * filter with `scheme: https` (https://gateway-api.sigs.k8s.io/guides/http-redirect-rewrite/), or an Octavia L7
 * policy redirects it to an https:// URL or prefix.
 */
export class TlsOnEveryListener extends PolicyRule {
  public readonly id = 'AIF-NET-003';
  public readonly rationale = 'API keys, prompts and model output cross a plain-text listener readable by anyone on the path; inference gateways carry credentials on every request';
  public readonly fix = 'give the listener a certificate (Gateway listener protocol HTTPS with tls.certificateRefs, Ingress spec.tls, Octavia TERMINATED_HTTPS with default_tls_container_ref), or make the HTTP listener only redirect to https';
  public readonly level = PolicyLevel.ERROR;

  public evaluateTogether(subjects: PolicySubject[]): PolicyViolation[] {
    const violations: PolicyViolation[] = [];
    const k8s = subjects.filter((s) => s.platform === PolicyPlatform.KUBERNETES);
    const routes = k8s.filter((s) => s.kind === 'HTTPRoute');
    for (const gw of k8s.filter((s) => s.kind === 'Gateway' && String(s.body.apiVersion ?? '').startsWith('gateway.networking.k8s.io/'))) {
      for (const listener of Array.isArray(gw.body.spec?.listeners) ? gw.body.spec.listeners : []) {
        const protocol = String(listener?.protocol ?? '');
        if (GATEWAY_TLS.includes(protocol)) continue;
        if (protocol === 'HTTP' && onlyRedirectsToHttps(gw, listener.name, routes)) continue;
        violations.push({ path: gw.path, message: `gateway ${gw.body.metadata?.name} listener ${listener?.name} (port ${listener?.port}) is ${protocol || 'without protocol'}, not HTTPS or TLS` });
      }
    }
    for (const ingress of k8s.filter((s) => s.kind === 'Ingress')) {
      const covered = new Set((ingress.body.spec?.tls ?? []).flatMap((t: any) => t?.hosts ?? []));
      const hosts: string[] = (ingress.body.spec?.rules ?? []).map((r: any) => r?.host ?? '*');
      const open = hosts.length > 0 ? hosts.filter((h) => !covered.has(h)) : (covered.size === 0 ? ['(default backend)'] : []);
      if (open.length > 0) {
        violations.push({ path: ingress.path, message: `ingress ${ingress.body.metadata?.name} serves ${open.join(', ')} without tls` });
      }
    }
    const tf = subjects.filter((s) => s.platform === PolicyPlatform.TERRAFORM);
    const redirects = tf.filter((s) => s.kind === 'openstack_lb_l7policy_v2'
      && ['REDIRECT_PREFIX', 'REDIRECT_TO_URL'].includes(s.body.action)
      && /^https:\/\//.test(String(s.body.redirect_prefix ?? s.body.redirect_url ?? '')));
    for (const listener of tf.filter((s) => s.kind === 'openstack_lb_listener_v2')) {
      const protocol = String(listener.body.protocol ?? '');
      if (OCTAVIA_TLS.includes(protocol)) continue;
      const unique = listener.body['//']?.metadata?.uniqueId;
      if (protocol === 'HTTP' && redirects.some((r) => r.body.listener_id === `\${openstack_lb_listener_v2.${unique}.id}`)) continue;
      violations.push({ path: listener.path, message: `load balancer listener ${JSON.stringify(listener.body.name ?? '')} (port ${listener.body.protocol_port}) is ${protocol}, not TERMINATED_HTTPS or HTTPS` });
    }
    return violations;
  }
}

/** Whether at least one HTTPRoute attaches to the listener and every attached route only redirects to https. */
function onlyRedirectsToHttps(gateway: PolicySubject, listener: string, routes: PolicySubject[]): boolean {
  const ns = gateway.body.metadata?.namespace;
  const attached = routes.filter((r) => (r.body.spec?.parentRefs ?? []).some((p: any) => p?.name === gateway.body.metadata?.name
    && (p.namespace ?? r.body.metadata?.namespace) === ns && (p.sectionName === undefined || p.sectionName === listener)));
  return attached.length > 0 && attached.every((r) => (r.body.spec?.rules ?? []).length > 0 && r.body.spec.rules.every((rule: any) =>
    (rule?.backendRefs ?? []).length === 0 && (rule?.filters ?? []).length > 0
    && rule.filters.every((f: any) => f?.type === 'RequestRedirect' && f.requestRedirect?.scheme === 'https')));
}
