/**
 * Kuadrant v1.5.2 policies (Kuadrant/kuadrant-operator `config/crd/bases/`) on Gateway API HTTPRoutes; the plain
 * HTTPRoute of a tenant is shared with the F5 profile.
 */
import { Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { CERT_MANAGER_GROUP, GATEWAY_GROUP, GatewayModel, TenantModel, celList, poolRef } from './model';
import { bindings } from '../../common/bindings';
import { invalid } from '../../common/validation';
import { CertIssuerKind, GatewayAuthenticationKind, TenantRateLimits } from '../options';

/** Label of the API key Secrets of a tenant (Authorino selects them by label). */
export const API_KEY_LABEL = 'ai-factory.dev/api-keys';

/**
 * The tenant's HTTPRoute: `/llm/<model>/...` on its hostname, rewritten to `/...` (vLLM serves `/v1/...`), to the
 * model's InferencePool.
 */
export function renderHttpRouteTenant(gw: GatewayModel, t: TenantModel): void {
  new (bindings.gatewayApi().HttpRoute)(t.scope as Construct, 'Route', {
    metadata: { name: t.routeName, namespace: t.namespaceName },
    spec: {
      parentRefs: [{ group: GATEWAY_GROUP, kind: 'Gateway', name: gw.gatewayName, namespace: gw.namespaceName, sectionName: t.listenerName }],
      hostnames: [t.hostname],
      rules: Lazy.any({
        produce: () => t.routes.map((r) => ({
          name: r.modelName,
          matches: [{ path: { type: bindings.gatewayApi().HttpRouteSpecRulesMatchesPathType.PATH_PREFIX, value: `/llm/${r.modelName}` } }],
          filters: [{
            type: bindings.gatewayApi().HttpRouteSpecRulesFiltersType.URL_REWRITE,
            urlRewrite: { path: { type: bindings.gatewayApi().HttpRouteSpecRulesFiltersUrlRewritePathType.REPLACE_PREFIX_MATCH, replacePrefixMatch: '/' } },
          }],
          backendRefs: [poolRef(r.pool, t.namespaceName)],
          timeouts: { request: `${gw.requestTimeoutSeconds}s` },
        })),
      }),
    },
  });
}

/**
 * A tenant on Kuadrant: HTTPRoute, AuthPolicy, RateLimitPolicy (requests) and TokenRateLimitPolicy (tokens; Kuadrant
 * charges `usage.total_tokens` of OpenAI-style responses, streamed ones only with `stream_options.include_usage`:
 * Kuadrant/kuadrant-operator v1.5.2 `doc/overviews/token-rate-limiting.md`). All policies target the tenant's
 * HTTPRoute, so the counters are the tenant's.
 */
export function renderKuadrantTenant(gw: GatewayModel, t: TenantModel): void {
  renderHttpRouteTenant(gw, t);
  const scope = t.scope as Construct;
  const targetRef = { group: GATEWAY_GROUP, kind: 'HTTPRoute', name: t.routeName };
  const jwt = t.authentication.jwtOptions;
  new (bindings.kuadrant().AuthPolicy)(scope, 'Authentication', {
    metadata: { name: `${t.tenantName}-auth`, namespace: t.namespaceName },
    spec: {
      targetRef,
      rules: {
        authentication: t.authentication.kind === GatewayAuthenticationKind.API_KEYS
          // Authorino finds the key Secrets by label in Kuadrant's namespace, each with an `api_key` field
          // (doc/user-guides/tokenratelimitpolicy/authenticated-token-ratelimiting-tutorial.md)
          ? { 'api-keys': { apiKey: { selector: { matchLabels: { [API_KEY_LABEL]: t.apiKeySecretName } } }, credentials: { authorizationHeader: { prefix: 'Bearer' } } } }
          : { jwt: { jwt: { issuerUrl: jwt!.issuerUrl }, credentials: { authorizationHeader: { prefix: 'Bearer' } } } },
        authorization: jwt?.audiences?.length
          ? { audience: { patternMatching: { patterns: [{ predicate: audiencePredicate(jwt.audiences) }] } } }
          : undefined,
        // with plans, the rate limits see the caller as auth.identity.clientid: the key Secret's name or the JWT's sub
        // (an identity filter, as in doc/overviews/token-rate-limiting.md, "makes auth.identity.<x> available")
        response: t.plans.length
          ? {
            success: {
              filters: {
                identity: {
                  json: {
                    properties: {
                      clientid: { selector: t.authentication.kind === GatewayAuthenticationKind.API_KEYS ? 'auth.identity.metadata.name' : 'auth.identity.sub' },
                    },
                  },
                },
              },
            },
          }
          : undefined,
      },
    },
  });
  // callers of no plan share the tenant's limits (`requests`, `tokens`); each plan's callers share the plan's
  const planned = t.plans.flatMap((p) => p.clientIds);
  const groups: { key: string; limits: TenantRateLimits; when?: { predicate: string }[] }[] = [
    { key: '', limits: t.limits, when: planned.length ? [{ predicate: `!(auth.identity.clientid in ${celList(planned)})` }] : undefined },
    ...t.plans.map((p) => ({ key: `plan-${p.planName}-`, limits: p.limits, when: [{ predicate: `auth.identity.clientid in ${celList(p.clientIds)}` }] })),
  ];
  const requestLimits: { [name: string]: any } = {};
  const tokenLimits: { [name: string]: any } = {};
  for (const g of groups) {
    requestLimits[`${g.key}requests`] = { rates: [{ limit: g.limits.requestsPerMinute, window: '1m' }], when: g.when };
    // the CRD's window pattern is ^([0-9]{1,5}(h|m|s|ms)){1,4}$: a day is 24h ("1d" in Kuadrant's prose does not validate)
    const rates = [
      ...(g.limits.tokensPerMinute !== undefined ? [{ limit: g.limits.tokensPerMinute, window: '1m' }] : []),
      ...(g.limits.tokensPerDay !== undefined ? [{ limit: g.limits.tokensPerDay, window: '24h' }] : []),
    ];
    if (rates.length > 0) tokenLimits[`${g.key}tokens`] = { rates, when: g.when };
  }
  new (bindings.kuadrant().RateLimitPolicy)(scope, 'RequestLimits', {
    metadata: { name: `${t.tenantName}-requests`, namespace: t.namespaceName },
    spec: { targetRef, limits: requestLimits },
  });
  if (Object.keys(tokenLimits).length > 0) {
    new (bindings.kuadrantV1alpha1().TokenRateLimitPolicy)(scope, 'TokenLimits', {
      metadata: { name: `${t.tenantName}-tokens`, namespace: t.namespaceName },
      spec: { targetRef, limits: tokenLimits },
    });
  }
}

/**
 * A CEL predicate (Authorino `patternMatching`, as in Kuadrant/kuadrant-operator v1.5.2 `doc/overviews/auth-x509.md`)
 * that admits a JWT whose `aud` claim, a string or a list (RFC 7519 section 4.1.3), holds one of the audiences.
 */
export function audiencePredicate(audiences: string[]): string {
  const list = `[${audiences.map((a) => JSON.stringify(a)).join(', ')}]`;
  return `has(auth.identity.aud) && (type(auth.identity.aud) == string ? auth.identity.aud in ${list} : auth.identity.aud.exists(a, a in ${list}))`;
}

const tlsIssuers = new WeakMap<Construct, string>();

/** One TLSPolicy per gateway: Kuadrant makes each HTTPS listener's Certificate from it. */
export function renderKuadrantTlsPolicy(gw: GatewayModel, issuerName: string, issuerKind: CertIssuerKind): void {
  const scope = gw.scope as Construct;
  const issuer = `${issuerKind}/${issuerName}`;
  const existing = tlsIssuers.get(scope);
  if (existing !== undefined) {
    if (existing !== issuer) {
      invalid(scope, `the Kuadrant profile has one TLSPolicy per gateway, on ${existing}; issuer ${issuer} of another tenant cannot be used: give every tenant the gateway's issuer or an existing secret`);
    }
    return;
  }
  tlsIssuers.set(scope, issuer);
  new (bindings.kuadrant().TlsPolicy)(scope, 'TlsPolicy', {
    metadata: { name: `${gw.gatewayName}-tls`, namespace: gw.namespaceName },
    spec: {
      targetRef: { group: GATEWAY_GROUP, kind: 'Gateway', name: gw.gatewayName },
      issuerRef: { group: CERT_MANAGER_GROUP, kind: issuerKind, name: issuerName },
    },
  });
}
