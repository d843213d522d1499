/**
 * Envoy Gateway v1.9.0 and Envoy AI Gateway v1.1.0 objects of an AI gateway. Fields checked against the CRDs at those
 * tags (envoyproxy/gateway `charts/gateway-helm/crds/generated/`, envoyproxy/ai-gateway `manifests/charts/ai-gateway-crds-helm/`).
 */
import { Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { envoyProxy } from './envoy-proxy';
import { CLIENT_ID_HEADER, GATEWAY_GROUP, GatewayModel, TenantModel, callerPattern, poolRef } from './model';
import type {
  BackendTrafficPolicySpecRateLimitGlobalRules,
  BackendTrafficPolicySpecRateLimitGlobalRulesClientSelectors,
  BackendTrafficPolicySpecRateLimitGlobalRulesLimitUnit,
} from '../../../generated/k8s/envoy-gateway';
import { bindings } from '../../common/bindings';
import { GatewayAuthenticationKind, TenantRateLimits, TlsVersion } from '../options';

/**
 * Where Envoy AI Gateway writes the token usage it reads from OpenAI-style responses (`llmRequestCosts`), and the
 * key we give it: envoyproxy/ai-gateway v1.1.0 `site/docs/capabilities/traffic/usage-based-ratelimiting.md`.
 */
const AI_GATEWAY_METADATA_NAMESPACE = 'io.envoy.ai_gateway';
const TOTAL_TOKENS_KEY = 'llm_total_token';
/** The header the AI Gateway filter sets from the request body's `model` (same document). */
const MODEL_HEADER = 'x-ai-eg-model';

/** EnvoyProxy (data-plane placement and budget) and ClientTrafficPolicy (TLS versions, client timeouts). */
export function renderEnvoyGatewayLevel(gw: GatewayModel): void {
  const scope = gw.scope as Construct;
  const cpu = String(gw.cpuCores);
  const memory = `${Math.round(gw.memoryGib * 1024)}Mi`;
  envoyProxy(scope, 'Proxy', { name: `${gw.gatewayName}-proxy`, namespace: gw.namespaceName }, {
    provider: {
      type: 'Kubernetes',
      kubernetes: {
        envoyDeployment: {
          replicas: gw.replicas,
          pod: {
            nodeSelector: Object.keys(gw.placement.nodeSelector).length ? gw.placement.nodeSelector : undefined,
            tolerations: gw.placement.tolerations.length ? gw.placement.tolerations.map((t) => ({
              key: t.key, operator: t.operator, value: t.value, effect: t.effect, tolerationSeconds: t.tolerationSeconds,
            })) : undefined,
          },
          // request = limit: Guaranteed QoS, so the data plane's host-CPU budget is both promised and capped
          container: { resources: { requests: { cpu, memory }, limits: { cpu, memory } } },
        },
        // Local keeps the client address for rate limits and logs and avoids a second hop between nodes
        envoyService: { type: 'LoadBalancer', externalTrafficPolicy: 'Local' },
      },
    },
  });

  new (bindings.envoyGateway().ClientTrafficPolicy)(scope, 'ClientTraffic', {
    metadata: { name: `${gw.gatewayName}-clients`, namespace: gw.namespaceName },
    spec: {
      targetRefs: [{ group: GATEWAY_GROUP, kind: 'Gateway', name: gw.gatewayName }],
      tls: {
        minVersion: gw.minTlsVersion === TlsVersion.TLS_1_3
          ? bindings.envoyGateway().ClientTrafficPolicySpecTlsMinVersion.VALUE_1_3
          : bindings.envoyGateway().ClientTrafficPolicySpecTlsMinVersion.VALUE_1_2,
      },
      // the caller's id is the authentication filter's to set: a client's own copy is dropped before routing, so it
      // can neither pick a plan nor impersonate a caller upstream
      headers: { earlyRequestHeaders: { remove: [CLIENT_ID_HEADER] } },
      timeout: {
        http: {
          // a prompt arrives quickly; a slow upload is a slowloris, not a user
          requestReceivedTimeout: '120s',
          // a streamed answer may pause while the model prefills a long prompt
          streamIdleTimeout: `${gw.streamIdleTimeoutSeconds}s`,
          idleTimeout: '900s',
        },
      },
    },
  });
}

/**
 * A tenant on Envoy AI Gateway: the AIGatewayRoute (the controller makes an HTTPRoute of the same name and namespace,
 * envoyproxy/ai-gateway v1.1.0 `internal/controller/ai_gateway_route.go`), the SecurityPolicy and BackendTrafficPolicy
 * attached to that HTTPRoute.
 */
export function renderEnvoyTenant(gw: GatewayModel, t: TenantModel): void {
  const scope = t.scope as Construct;
  const countsTokens = [t.limits, ...t.plans.map((p) => p.limits)].some((l) => l.tokensPerMinute !== undefined || l.tokensPerDay !== undefined);
  new (bindings.envoyAiGateway().AiGatewayRoute)(scope, 'Route', {
    metadata: { name: t.routeName, namespace: t.namespaceName },
    spec: {
      parentRefs: [{ group: GATEWAY_GROUP, kind: 'Gateway', name: gw.gatewayName, namespace: gw.namespaceName, sectionName: t.listenerName }],
      hostnames: [t.hostname],
      // one rule per model; the filter sets x-ai-eg-model from the request body's "model"
      rules: Lazy.any({
        produce: () => t.routes.map((r) => ({
          name: r.modelName,
          matches: [{
            headers: [{ type: bindings.envoyAiGateway().AiGatewayRouteSpecRulesMatchesHeadersType.EXACT, name: MODEL_HEADER, value: r.modelName }],
          }],
          backendRefs: [poolRef(r.pool, t.namespaceName)],
          timeouts: { request: `${gw.requestTimeoutSeconds}s` },
          streamIdleTimeout: `${gw.streamIdleTimeoutSeconds}s`,
        })),
      }),
      // with a cost configured the AI Gateway also sets stream_options.include_usage on streamed requests, so streams are
      // charged too (envoyproxy/ai-gateway v1.1.0 internal/endpointspec/endpointspec.go)
      llmRequestCosts: countsTokens
        ? [{ metadataKey: TOTAL_TOKENS_KEY, type: bindings.envoyAiGateway().AiGatewayRouteSpecLlmRequestCostsType.TOTAL_TOKEN }]
        : undefined,
    },
  });

  const target = [{ group: GATEWAY_GROUP, kind: 'HTTPRoute', name: t.routeName }];
  new (bindings.envoyGateway().SecurityPolicy)(scope, 'Authentication', {
    metadata: { name: `${t.tenantName}-auth`, namespace: t.namespaceName },
    spec: {
      targetRefs: target,
      ...(t.authentication.kind === GatewayAuthenticationKind.API_KEYS
        ? {
          // the Secret maps client ids to keys (envoyproxy/gateway v1.9.0 site/content/en/latest/tasks/security/apikey-auth.md);
          // Envoy's api_key_auth filter strips a leading "Bearer " from the header value (envoyproxy/envoy
          // api/envoy/extensions/filters/http/api_key_auth/v3/api_key_auth.proto, KeySource.header), so clients send
          // "Authorization: Bearer <key>" as with OpenAI and the Secret holds the bare key
          apiKeyAuth: {
            credentialRefs: [{ group: '', kind: 'Secret', name: t.apiKeySecretName }],
            extractFrom: [{ headers: ['Authorization'] }],
            forwardClientIdHeader: CLIENT_ID_HEADER,
            sanitize: true,
          },
        }
        : {
          jwt: {
            providers: [{
              name: t.tenantName,
              issuer: t.authentication.jwtOptions!.issuerUrl,
              audiences: t.authentication.jwtOptions!.audiences,
              remoteJwks: { uri: t.authentication.jwtOptions!.jwksUrl },
              claimToHeaders: [{ claim: 'sub', header: CLIENT_ID_HEADER }],
            }],
          },
        }),
    },
  });

  // Global rules: each matching rule is charged, and a request over any of them is rejected (rule list semantics in
  // the BackendTrafficPolicy CRD). Token rules charge 0 on the request and the total tokens on the response: usage is
  // known only when the answer ends, so a stream that crosses the limit finishes and the next requests get 429.
  const tokenRule = (limit: number, unit: BackendTrafficPolicySpecRateLimitGlobalRulesLimitUnit): BackendTrafficPolicySpecRateLimitGlobalRules => ({
    limit: { requests: limit, unit },
    cost: {
      request: { from: bindings.envoyGateway().BackendTrafficPolicySpecRateLimitGlobalRulesCostRequestFrom.NUMBER, number: 0 },
      response: {
        from: bindings.envoyGateway().BackendTrafficPolicySpecRateLimitGlobalRulesCostResponseFrom.METADATA,
        metadata: { namespace: AI_GATEWAY_METADATA_NAMESPACE, key: TOTAL_TOKENS_KEY },
      },
    },
  });
  const Unit = bindings.envoyGateway().BackendTrafficPolicySpecRateLimitGlobalRulesLimitUnit;
  // the rules of one plan; a selector (a fixed-value header match, not Distinct) makes the group share each counter
  const planRules = (limits: TenantRateLimits, clientSelectors?: BackendTrafficPolicySpecRateLimitGlobalRulesClientSelectors[]) => [
    { clientSelectors, limit: { requests: limits.requestsPerMinute, unit: Unit.MINUTE } },
    ...(limits.tokensPerMinute !== undefined ? [{ clientSelectors, ...tokenRule(limits.tokensPerMinute, Unit.MINUTE) }] : []),
    ...(limits.tokensPerDay !== undefined ? [{ clientSelectors, ...tokenRule(limits.tokensPerDay, Unit.DAY) }] : []),
  ];
  const callers = (ids: string[], invert: boolean): BackendTrafficPolicySpecRateLimitGlobalRulesClientSelectors[] => [{
    headers: [{
      name: CLIENT_ID_HEADER,
      type: bindings.envoyGateway().BackendTrafficPolicySpecRateLimitGlobalRulesClientSelectorsHeadersType.REGULAR_EXPRESSION,
      value: callerPattern(ids),
      invert: invert ? true : undefined,
    }],
  }];
  // callers of no plan share the tenant's limits; each plan's callers share the plan's (the auth filters run before
  // the rate limit filter, envoyproxy/gateway v1.9.0 internal/xds/translator/httpfilters.go, so the header is set)
  const planned = t.plans.flatMap((p) => p.clientIds);
  const rules: BackendTrafficPolicySpecRateLimitGlobalRules[] = [
    ...planRules(t.limits, planned.length ? callers(planned, true) : undefined),
    ...t.plans.flatMap((p) => planRules(p.limits, callers(p.clientIds, false))),
  ];
  new (bindings.envoyGateway().BackendTrafficPolicy)(scope, 'Limits', {
    metadata: { name: `${t.tenantName}-limits`, namespace: t.namespaceName },
    spec: { targetRefs: target, rateLimit: { global: { rules } } },
  });
}

/** An MCPRoute in the gateway's namespace on the tenant's listener, behind the tenant's authentication. */
export function renderEnvoyMcpRoute(gw: GatewayModel, t: TenantModel, serviceName: string, port: number, backendPath: string): void {
  const jwt = t.authentication.jwtOptions;
  new (bindings.envoyAiGateway().McpRoute)(t.scope as Construct, 'McpRoute', {
    metadata: { name: `${t.tenantName}-mcp`, namespace: gw.namespaceName },
    spec: {
      parentRefs: [{ group: GATEWAY_GROUP, kind: 'Gateway', name: gw.gatewayName, sectionName: t.listenerName }],
      hostnames: [t.hostname],
      path: '/mcp',
      backendRefs: [{ name: serviceName, port, path: backendPath }],
      securityPolicy: t.authentication.kind === GatewayAuthenticationKind.API_KEYS
        // the key Secret must be in the MCPRoute's namespace too (same name as the tenant's)
        ? { apiKeyAuth: { credentialRefs: [{ group: '', kind: 'Secret', name: t.apiKeySecretName }], extractFrom: [{ headers: ['Authorization'] }], sanitize: true } }
        : {
          oauth: {
            issuer: jwt!.issuerUrl,
            audiences: jwt!.audiences,
            jwks: { remoteJwks: { uri: jwt!.jwksUrl } },
            protectedResourceMetadata: { resource: `https://${t.hostname}/mcp` },
          },
        },
    },
  });
}
