import { auditGateways } from './audit';
import { ENVOY, F5, GatewayScenario, KUADRANT, SERVER, capturingWarnings, dpuPlacement, objectsIn } from './fixtures';
import { GpuNodePool } from '../../../constructs/accelerators/gpu-node-pool';
import { AiGateway } from '../../../constructs/ingress/ai-gateway';
import {
  CertIssuerKind,
  DataPlanePlacement,
  GatewayAuthentication,
  GatewayImplementation,
  GatewayTls,
  TlsVersion,
} from '../../../constructs/ingress/options';
import { NetworkAdapterKind, ServerProfile } from '../../../lib/hardware/server';
import { objectsOf, onlyObject } from '../../util';

const JWT = GatewayAuthentication.jwt({
  issuerUrl: 'https://sso.example.com/realms/ai',
  jwksUrl: 'https://sso.example.com/realms/ai/certs',
  audiences: ['ai-api'],
});

describe('AiGateway on Envoy AI Gateway', () => {
  const s = new GatewayScenario();
  const gateway = s.gateway({
    dataPlane: dpuPlacement(s),
    replicas: 3,
    hostCpuCoresPerReplica: 4,
    memoryGibPerReplica: 1.5,
    minTlsVersion: TlsVersion.TLS_1_3,
    streamIdleTimeoutSeconds: 300,
  });
  const a = s.tenant('team-a');
  s.tenant('team-b', { authentication: JWT, limits: { requestsPerMinute: 100 } });
  a.addMcpServer({ serviceName: 'tools', port: 8080 });
  const out = s.synth();

  test('HTTPS listeners only, one per tenant with its hostname and certificate; port 80 only redirects', () => {
    const gw = onlyObject(out, 'Gateway');
    expect(gw.metadata).toEqual({ name: 'ai-gateway', namespace: 'ai-gateway' });
    expect(gw.spec.gatewayClassName).toBe('eg');
    expect(gw.spec.infrastructure).toEqual({ parametersRef: { group: 'gateway.envoyproxy.io', kind: 'EnvoyProxy', name: 'ai-gateway-proxy' } });
    const [http, ...https] = gw.spec.listeners;
    expect(http).toEqual({ name: 'http', protocol: 'HTTP', port: 80, allowedRoutes: { namespaces: { from: 'Same' } } });
    expect(https.map((l: any) => [l.name, l.protocol, l.port, l.hostname, l.tls])).toEqual([
      ['https-team-a', 'HTTPS', 443, 'team-a.ai.example.com', { mode: 'Terminate', certificateRefs: [{ group: '', kind: 'Secret', name: 'ai-gateway-team-a-tls' }] }],
      ['https-team-b', 'HTTPS', 443, 'team-b.ai.example.com', { mode: 'Terminate', certificateRefs: [{ group: '', kind: 'Secret', name: 'ai-gateway-team-b-tls' }] }],
    ]);
    // a tenant's listener admits routes from its namespace only (and the gateway's, for its MCPRoute)
    expect(https.map((l: any) => l.allowedRoutes.namespaces.selector.matchExpressions[0].values)).toEqual([['ai-gateway', 'team-a'], ['team-b']]);
    const routes = objectsIn(out, 'HTTPRoute', 'ai-gateway');
    expect(routes).toHaveLength(1);
    expect(routes[0].spec).toEqual({
      parentRefs: [{ name: 'ai-gateway', sectionName: 'http' }],
      rules: [{ filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }] }],
    });
  });

  test('the data plane runs on the BlueField-3 nodes with a host-CPU budget of request = limit', () => {
    const proxy = onlyObject(out, 'EnvoyProxy');
    expect(proxy.metadata).toEqual({ name: 'ai-gateway-proxy', namespace: 'ai-gateway' });
    const d = proxy.spec.provider.kubernetes.envoyDeployment;
    expect(d.replicas).toBe(3);
    expect(d.pod).toEqual({
      nodeSelector: { 'ai-factory.dev/gpu-pool': 'l40s-bf3' },
      tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
    });
    expect(d.container.resources).toEqual({ requests: { cpu: '4', memory: '1536Mi' }, limits: { cpu: '4', memory: '1536Mi' } });
    expect(proxy.spec.provider.kubernetes.envoyService).toEqual({ type: 'LoadBalancer', externalTrafficPolicy: 'Local' });
    expect(gateway.dpuOffloaded).toBe(true);
    expect(gateway.replicas * gateway.hostCpuCoresPerReplica).toBe(12);
  });

  test('ClientTrafficPolicy: the minimum TLS version, timeouts fit for streaming, and no client-sent caller id', () => {
    const ctp = onlyObject(out, 'ClientTrafficPolicy');
    expect(ctp.spec).toEqual({
      targetRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'ai-gateway' }],
      tls: { minVersion: '1.3' },
      timeout: { http: { requestReceivedTimeout: '120s', streamIdleTimeout: '300s', idleTimeout: '900s' } },
      headers: { earlyRequestHeaders: { remove: ['x-ai-factory-client-id'] } },
    });
  });

  test('an AIGatewayRoute per tenant in its namespace: a rule per model on x-ai-eg-model, to the InferencePool', () => {
    const [route] = objectsIn(out, 'AIGatewayRoute', 'team-a');
    expect(route.apiVersion).toBe('aigateway.envoyproxy.io/v1beta1');
    expect(route.metadata.name).toBe('team-a-models');
    expect(route.spec.parentRefs).toEqual([{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'ai-gateway', namespace: 'ai-gateway', sectionName: 'https-team-a' }]);
    expect(route.spec.hostnames).toEqual(['team-a.ai.example.com']);
    expect(route.spec.rules).toEqual([{
      name: 'team-a-llm',
      matches: [{ headers: [{ type: 'Exact', name: 'x-ai-eg-model', value: 'team-a-llm' }] }],
      backendRefs: [{ group: 'inference.networking.k8s.io', kind: 'InferencePool', name: 'team-a-llm' }],
      timeouts: { request: '600s' },
      streamIdleTimeout: '300s',
    }]);
    // the AI Gateway writes total tokens to io.envoy.ai_gateway/llm_total_token only when a route asks for it
    expect(route.spec.llmRequestCosts).toEqual([{ metadataKey: 'llm_total_token', type: 'TotalToken' }]);
    expect(objectsIn(out, 'AIGatewayRoute', 'team-b')[0].spec.llmRequestCosts).toBeUndefined();
  });

  test('SecurityPolicy: API keys from the tenant\'s Secret, or JWTs from its issuer; the client id goes upstream', () => {
    const [keys] = objectsIn(out, 'SecurityPolicy', 'team-a');
    expect(keys.spec).toEqual({
      targetRefs: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', name: 'team-a-models' }],
      apiKeyAuth: {
        credentialRefs: [{ group: '', kind: 'Secret', name: 'team-a-api-keys' }],
        extractFrom: [{ headers: ['Authorization'] }],
        forwardClientIDHeader: 'x-ai-factory-client-id',
        sanitize: true,
      },
    });
    const [jwt] = objectsIn(out, 'SecurityPolicy', 'team-b');
    expect(jwt.spec.jwt).toEqual({
      providers: [{
        name: 'team-b',
        issuer: 'https://sso.example.com/realms/ai',
        audiences: ['ai-api'],
        remoteJWKS: { uri: 'https://sso.example.com/realms/ai/certs' },
        claimToHeaders: [{ claim: 'sub', header: 'x-ai-factory-client-id' }],
      }],
    });
  });

  test('BackendTrafficPolicy: requests per minute, and tokens per minute and per day charged from the response metadata', () => {
    const [limits] = objectsIn(out, 'BackendTrafficPolicy', 'team-a');
    const tokenCost = {
      request: { from: 'Number', number: 0 },
      response: { from: 'Metadata', metadata: { namespace: 'io.envoy.ai_gateway', key: 'llm_total_token' } },
    };
    expect(limits.spec).toEqual({
      targetRefs: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', name: 'team-a-models' }],
      rateLimit: {
        global: {
          rules: [
            { limit: { requests: 600, unit: 'Minute' } },
            { limit: { requests: 200000, unit: 'Minute' }, cost: tokenCost },
            { limit: { requests: 50000000, unit: 'Day' }, cost: tokenCost },
          ],
        },
      },
    });
    expect(objectsIn(out, 'BackendTrafficPolicy', 'team-b')[0].spec.rateLimit.global.rules).toEqual([{ limit: { requests: 100, unit: 'Minute' } }]);
  });

  test('privateCa: one CA Issuer in the gateway namespace and a Certificate per tenant hostname', () => {
    const issuer = onlyObject(out, 'Issuer');
    expect(issuer.metadata).toEqual({ name: 'ai-gateway-ca', namespace: 'ai-gateway' });
    expect(issuer.spec).toEqual({ ca: { secretName: 'site-ca' } });
    const certs = objectsOf(out, 'Certificate');
    expect(certs.map((c) => [c.metadata.namespace, c.spec.secretName, c.spec.dnsNames])).toEqual([
      ['ai-gateway', 'ai-gateway-team-a-tls', ['team-a.ai.example.com']],
      ['ai-gateway', 'ai-gateway-team-b-tls', ['team-b.ai.example.com']],
    ]);
    expect(certs[0].spec.issuerRef).toEqual({ group: 'cert-manager.io', kind: 'Issuer', name: 'ai-gateway-ca' });
    expect(certs[0].spec.privateKey).toEqual({ algorithm: 'ECDSA', size: 256, rotationPolicy: 'Always' });
  });

  test('a NetworkPolicy per pool selects its model pods and admits only the data plane, the endpoint picker, the pool\'s own pods and Prometheus', () => {
    const [np] = objectsIn(out, 'NetworkPolicy', 'team-a');
    const pool = onlyObject(objectsIn(out, 'InferencePool', 'team-a'), 'InferencePool');
    expect(np.metadata.name).toBe('team-a-llm-from-ai-gateway');
    expect(np.spec.podSelector).toEqual({ matchLabels: pool.spec.selector.matchLabels });
    expect(np.spec.policyTypes).toEqual(['Ingress']);
    expect(np.spec.ingress).toEqual([
      {
        from: [{
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'envoy-gateway-system' } },
          podSelector: {
            matchLabels: {
              'app.kubernetes.io/name': 'envoy',
              'app.kubernetes.io/component': 'proxy',
              'app.kubernetes.io/managed-by': 'envoy-gateway',
              'gateway.envoyproxy.io/owning-gateway-name': 'ai-gateway',
              'gateway.envoyproxy.io/owning-gateway-namespace': 'ai-gateway',
            },
          },
        }],
        ports: [{ protocol: 'TCP', port: 8000 }],
      },
      { from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/component': 'endpoint-picker' } } }], ports: [{ protocol: 'TCP', port: 8000 }] },
      { from: [{ podSelector: { matchLabels: pool.spec.selector.matchLabels } }] },
      { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }], ports: [{ protocol: 'TCP', port: 8000 }] },
    ]);
    // the model server's port is the one the policy opens, and its PodMonitor scrapes that port
    const server = objectsIn(out, 'Deployment', 'team-a').find((d) => d.metadata.labels['app.kubernetes.io/component'] === 'model-server');
    const container = server.spec.template.spec.containers.find((c: any) => (c.ports ?? []).some((p: any) => p.containerPort === 8000));
    const monitor = onlyObject(objectsIn(out, 'PodMonitor', 'team-a'), 'PodMonitor');
    expect(container.ports.find((p: any) => p.containerPort === 8000).name).toBe(monitor.spec.podMetricsEndpoints[0].port);
    // the endpoint picker pods carry the label the policy admits
    const epp = objectsIn(out, 'Deployment', 'team-a').find((d) => d.metadata.name === 'team-a-llm-epp');
    expect(epp.spec.template.metadata.labels['app.kubernetes.io/component']).toBe('endpoint-picker');
  });

  test('no ReferenceGrant when every pool is in its tenant\'s namespace', () => {
    expect(objectsOf(out, 'ReferenceGrant')).toEqual([]);
  });

  test('an MCPRoute on the tenant\'s listener behind the same API keys', () => {
    const mcp = onlyObject(out, 'MCPRoute');
    expect(mcp.metadata).toEqual({ name: 'team-a-mcp', namespace: 'ai-gateway' });
    expect(mcp.spec).toEqual({
      parentRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'ai-gateway', sectionName: 'https-team-a' }],
      hostnames: ['team-a.ai.example.com'],
      path: '/mcp',
      backendRefs: [{ name: 'tools', port: 8080, path: '/mcp' }],
      securityPolicy: { apiKeyAuth: { credentialRefs: [{ group: '', kind: 'Secret', name: 'team-a-api-keys' }], extractFrom: [{ headers: ['Authorization'] }], sanitize: true } },
    });
  });
});

describe('AiGateway caller plans', () => {
  const gold = { planName: 'gold', clientIds: ['ci.bot', 'alice'], limits: { requestsPerMinute: 6000, tokensPerMinute: 2_000_000 } };
  const batch = { planName: 'batch', clientIds: ['nightly'], limits: { requestsPerMinute: 10, tokensPerDay: 900_000_000 } };

  test('Envoy: callers of no plan on the tenant\'s limits, each plan\'s callers on its own, matched on the caller id', () => {
    const s = new GatewayScenario();
    s.gateway();
    s.tenant('team-a', { limits: { requestsPerMinute: 600, tokensPerMinute: 200_000 }, plans: [gold, batch] });
    const rules = onlyObject(s.synth(), 'BackendTrafficPolicy').spec.rateLimit.global.rules;
    const sel = (value: string, invert?: boolean) => [{ headers: [{ name: 'x-ai-factory-client-id', type: 'RegularExpression', value, ...(invert ? { invert } : {}) }] }];
    const tokens = { request: { from: 'Number', number: 0 }, response: { from: 'Metadata', metadata: { namespace: 'io.envoy.ai_gateway', key: 'llm_total_token' } } };
    expect(rules).toEqual([
      { clientSelectors: sel('^(alice|ci\\.bot|nightly)$', true), limit: { requests: 600, unit: 'Minute' } },
      { clientSelectors: sel('^(alice|ci\\.bot|nightly)$', true), limit: { requests: 200000, unit: 'Minute' }, cost: tokens },
      { clientSelectors: sel('^(alice|ci\\.bot)$'), limit: { requests: 6000, unit: 'Minute' } },
      { clientSelectors: sel('^(alice|ci\\.bot)$'), limit: { requests: 2000000, unit: 'Minute' }, cost: tokens },
      { clientSelectors: sel('^(nightly)$'), limit: { requests: 10, unit: 'Minute' } },
      { clientSelectors: sel('^(nightly)$'), limit: { requests: 900000000, unit: 'Day' }, cost: tokens },
    ]);
  });

  test('Envoy: a plan with token limits makes the route count tokens even when the tenant has none', () => {
    const s = new GatewayScenario();
    s.gateway();
    s.tenant('team-a', { limits: { requestsPerMinute: 600 }, plans: [batch] });
    expect(onlyObject(s.synth(), 'AIGatewayRoute').spec.llmRequestCosts).toEqual([{ metadataKey: 'llm_total_token', type: 'TotalToken' }]);
  });

  test('Kuadrant: the AuthPolicy exposes the caller id; limits per plan with predicates on it', () => {
    for (const [authentication, selector] of [[GatewayAuthentication.apiKeys(), 'auth.identity.metadata.name'], [JWT, 'auth.identity.sub']] as const) {
      const s = new GatewayScenario();
      s.gateway({ implementation: KUADRANT });
      s.tenant('team-a', { authentication, limits: { requestsPerMinute: 600, tokensPerMinute: 200_000 }, plans: [gold, batch] });
      const out = s.synth();
      expect(onlyObject(out, 'AuthPolicy').spec.rules.response).toEqual({ success: { filters: { identity: { json: { properties: { clientid: { selector } } } } } } });
      expect(onlyObject(out, 'RateLimitPolicy').spec.limits).toEqual({
        'requests': { rates: [{ limit: 600, window: '1m' }], when: [{ predicate: '!(auth.identity.clientid in ["alice", "ci.bot", "nightly"])' }] },
        'plan-gold-requests': { rates: [{ limit: 6000, window: '1m' }], when: [{ predicate: 'auth.identity.clientid in ["alice", "ci.bot"]' }] },
        'plan-batch-requests': { rates: [{ limit: 10, window: '1m' }], when: [{ predicate: 'auth.identity.clientid in ["nightly"]' }] },
      });
      expect(onlyObject(out, 'TokenRateLimitPolicy').spec.limits).toEqual({
        'tokens': { rates: [{ limit: 200000, window: '1m' }], when: [{ predicate: '!(auth.identity.clientid in ["alice", "ci.bot", "nightly"])' }] },
        'plan-gold-tokens': { rates: [{ limit: 2000000, window: '1m' }], when: [{ predicate: 'auth.identity.clientid in ["alice", "ci.bot"]' }] },
        'plan-batch-tokens': { rates: [{ limit: 900000000, window: '24h' }], when: [{ predicate: 'auth.identity.clientid in ["nightly"]' }] },
      });
    }
  });

  test('without plans nothing about callers is rendered', () => {
    const s = new GatewayScenario();
    s.gateway({ implementation: KUADRANT });
    s.tenant('team-a');
    const out = s.synth();
    expect(onlyObject(out, 'AuthPolicy').spec.rules.response).toBeUndefined();
    expect(onlyObject(out, 'RateLimitPolicy').spec.limits).toEqual({ requests: { rates: [{ limit: 600, window: '1m' }] } });
  });

  test('fails when plans are malformed or asked of F5', () => {
    const plan = (p: object) => () => new GatewayScenario().tenant('team-a', { plans: [{ ...gold, ...p }] });
    expect(plan({ planName: 'Gold' })).toThrow('gateway/Gateway/team-a: plan name "Gold" must be a DNS label of at most 40 characters');
    expect(plan({ clientIds: [] })).toThrow('gateway/Gateway/team-a: plan gold names no callers; give it clientIds');
    expect(plan({ clientIds: ['a b'] })).toThrow('gateway/Gateway/team-a: plan gold: client id "a b" must be 1 to 253 letters, digits, \'-\', \'.\', \'_\', \'@\' or \':\'');
    expect(plan({ limits: { requestsPerMinute: 0 } })).toThrow('gateway/Gateway/team-a: plan gold: requestsPerMinute 0 must be a positive integer (at most 2^32-1)');
    expect(() => new GatewayScenario().tenant('team-a', { plans: [gold, { ...batch, clientIds: ['alice'] }] })).toThrow(
      'gateway/Gateway/team-a: client id alice is on plans gold and batch; a caller is on one plan');
    expect(() => new GatewayScenario().tenant('team-a', { plans: [gold, gold] })).toThrow('gateway/Gateway/team-a: plan gold is listed twice');
    const many = Array.from({ length: 120 }, (_, i) => `caller-${i}`);
    expect(() => new GatewayScenario().tenant('team-a', { plans: [{ ...gold, clientIds: many }] })).toThrow(
      'gateway/Gateway/team-a: the plans of tenant team-a name 120 callers, a pattern of 1213 characters; Envoy Gateway takes at most 1024: move groups of callers to tenants of their own');
    const f5 = new GatewayScenario();
    f5.gateway({ implementation: F5 });
    expect(() => f5.tenant('team-a', { limits: { requestsPerMinute: 1 }, plans: [{ ...gold, limits: { requestsPerMinute: 5 } }] })).toThrow(
      'gateway/Gateway/team-a: tenant team-a has caller plans, but the F5 BIG-IP Next profile renders no limits; use GatewayImplementation.envoyAiGateway() or kuadrant()');
  });
});

describe('AiGateway TLS sources and options', () => {
  test('fromIssuer: Certificates from a ClusterIssuer, no Issuer of ours', () => {
    const s = new GatewayScenario();
    s.gateway({ tls: GatewayTls.fromIssuer('letsencrypt') });
    s.tenant('team-a');
    const out = s.synth();
    expect(objectsOf(out, 'Issuer')).toEqual([]);
    expect(onlyObject(out, 'Certificate').spec.issuerRef).toEqual({ group: 'cert-manager.io', kind: 'ClusterIssuer', name: 'letsencrypt' });
  });

  test('existingSecret: the listener uses the Secret, no Certificate; a tenant may bring its own', () => {
    const s = new GatewayScenario();
    s.gateway({ tls: GatewayTls.existingSecret('wildcard-tls'), httpRedirect: false });
    s.tenant('team-a');
    s.tenant('team-b', { tls: GatewayTls.fromIssuer('team-b-ca', CertIssuerKind.ISSUER) });
    const out = s.synth();
    const listeners = onlyObject(out, 'Gateway').spec.listeners;
    expect(listeners.map((l: any) => [l.protocol, l.tls.certificateRefs[0].name])).toEqual([['HTTPS', 'wildcard-tls'], ['HTTPS', 'ai-gateway-team-b-tls']]);
    expect(objectsOf(out, 'Certificate').map((c) => c.spec.issuerRef)).toEqual([{ group: 'cert-manager.io', kind: 'Issuer', name: 'team-b-ca' }]);
    // no HTTP listener, no redirect route
    expect(objectsOf(out, 'HTTPRoute')).toEqual([]);
  });

  test('anyNode: no node selector or tolerations on the data plane', () => {
    const s = new GatewayScenario();
    const gw = s.gateway({ dataPlane: DataPlanePlacement.anyNode() });
    s.tenant('team-a');
    const d = onlyObject(s.synth(), 'EnvoyProxy').spec.provider.kubernetes.envoyDeployment;
    expect(d.pod).toEqual({});
    expect(d.container.resources.requests).toEqual({ cpu: '2', memory: '2048Mi' });
    expect(gw.dpuOffloaded).toBe(false);
  });
});

describe('AiGateway shared pools', () => {
  test('grantPoolAccess: one ReferenceGrant in the pool\'s namespace from the tenant\'s AIGatewayRoute and HTTPRoute', () => {
    const s = new GatewayScenario();
    const gateway = s.gateway();
    const shared = s.servedModel('shared-models', 'llama-shared');
    gateway.addModel('llama-shared', shared);
    const a = s.tenant('team-a');
    gateway.grantPoolAccess(shared, a);
    gateway.grantPoolAccess(shared, a);
    a.routeModel('llama-shared');
    const out = s.synth();
    const grant = onlyObject(out, 'ReferenceGrant');
    expect(grant.metadata).toEqual({ name: 'ai-gateway-team-a-to-llama-shared', namespace: 'shared-models' });
    expect(grant.spec).toEqual({
      from: [
        { group: 'aigateway.envoyproxy.io', kind: 'AIGatewayRoute', namespace: 'team-a' },
        { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'team-a' },
      ],
      to: [{ group: 'inference.networking.k8s.io', kind: 'InferencePool', name: 'llama-shared' }],
    });
    const rules = onlyObject(out, 'AIGatewayRoute').spec.rules;
    expect(rules.map((r: any) => r.backendRefs[0])).toEqual([
      { group: 'inference.networking.k8s.io', kind: 'InferencePool', name: 'team-a-llm' },
      { group: 'inference.networking.k8s.io', kind: 'InferencePool', name: 'llama-shared', namespace: 'shared-models' },
    ]);
    expect(objectsIn(out, 'NetworkPolicy', 'shared-models').map((n) => n.metadata.name)).toEqual(['llama-shared-from-ai-gateway']);
    // walked without knowing how it was built: the shared pool is reached through the grant, the other tenant's never
    expect(auditGateways(out).map((t) => [t.namespaceName, t.pools])).toEqual([['team-a', ['team-a/team-a-llm', 'shared-models/llama-shared']]]);
    const ungranted = out.filter((o) => o.kind !== 'ReferenceGrant');
    expect(() => auditGateways(ungranted)).toThrow('gateway audit: route team-a/team-a-models reaches shared-models/llama-shared without a ReferenceGrant');
  });

  test('on Kuadrant the grant is from the HTTPRoute only', () => {
    const s = new GatewayScenario();
    const gateway = s.gateway({ implementation: KUADRANT });
    const shared = s.servedModel('shared-models', 'llama-shared');
    gateway.addModel('llama-shared', shared);
    const a = s.tenant('team-a');
    gateway.grantPoolAccess(shared, a);
    a.routeModel('llama-shared');
    expect(onlyObject(s.synth(), 'ReferenceGrant').spec.from).toEqual([{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'team-a' }]);
  });
});

describe('AiGateway on Kuadrant', () => {
  const s = new GatewayScenario();
  s.gateway({ implementation: KUADRANT, dataPlane: dpuPlacement(s) });
  s.tenant('team-a');
  s.tenant('team-b', { authentication: JWT, limits: { requestsPerMinute: 50, tokensPerDay: 1_000_000 } });
  const { result: out, warnings } = capturingWarnings(() => s.synth());

  test('an HTTPRoute per tenant: /llm/<model> rewritten to / on the InferencePool', () => {
    const [route] = objectsIn(out, 'HTTPRoute', 'team-a');
    expect(route.spec).toEqual({
      parentRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'ai-gateway', namespace: 'ai-gateway', sectionName: 'https-team-a' }],
      hostnames: ['team-a.ai.example.com'],
      rules: [{
        name: 'team-a-llm',
        matches: [{ path: { type: 'PathPrefix', value: '/llm/team-a-llm' } }],
        filters: [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' } } }],
        backendRefs: [{ group: 'inference.networking.k8s.io', kind: 'InferencePool', name: 'team-a-llm' }],
        timeouts: { request: '600s' },
      }],
    });
    expect(objectsOf(out, 'AIGatewayRoute')).toEqual([]);
  });

  test('AuthPolicy: API keys by label with the Bearer prefix, or JWTs from the issuer', () => {
    const [keys] = objectsIn(out, 'AuthPolicy', 'team-a');
    expect(keys.apiVersion).toBe('kuadrant.io/v1');
    expect(keys.spec).toEqual({
      targetRef: { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', name: 'team-a-models' },
      rules: {
        authentication: {
          'api-keys': {
            apiKey: { selector: { matchLabels: { 'ai-factory.dev/api-keys': 'team-a-api-keys' } } },
            credentials: { authorizationHeader: { prefix: 'Bearer' } },
          },
        },
      },
    });
    const [jwt] = objectsIn(out, 'AuthPolicy', 'team-b');
    expect(jwt.spec.rules.authentication).toEqual({ jwt: { jwt: { issuerUrl: 'https://sso.example.com/realms/ai' }, credentials: { authorizationHeader: { prefix: 'Bearer' } } } });
    // the audiences: an Authorino pattern on the aud claim, a string or a list
    expect(jwt.spec.rules.authorization).toEqual({
      audience: {
        patternMatching: {
          patterns: [{ predicate: 'has(auth.identity.aud) && (type(auth.identity.aud) == string ? auth.identity.aud in ["ai-api"] : auth.identity.aud.exists(a, a in ["ai-api"]))' }],
        },
      },
    });
    expect(keys.spec.rules.authorization).toBeUndefined();
  });

  test('streamed answers escape Kuadrant\'s token count unless clients ask for usage: warned once for the gateway', () => {
    expect(warnings).toEqual([
      'WARN [gateway/Gateway]: Kuadrant counts the tokens of a streamed answer only when the request sets stream_options.include_usage '
        + '(Kuadrant v1.5.2 doc/overviews/token-rate-limiting.md): streaming clients that omit it are not charged tokens; tell your tenants to set it, '
        + 'or use GatewayImplementation.envoyAiGateway(), which sets it on every streamed request',
    ]);
  });

  test('RateLimitPolicy for requests and TokenRateLimitPolicy for tokens, per minute and per 24h', () => {
    expect(objectsIn(out, 'RateLimitPolicy', 'team-a')[0].spec).toEqual({
      targetRef: { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', name: 'team-a-models' },
      limits: { requests: { rates: [{ limit: 600, window: '1m' }] } },
    });
    const [tokens] = objectsIn(out, 'TokenRateLimitPolicy', 'team-a');
    expect(tokens.apiVersion).toBe('kuadrant.io/v1alpha1');
    expect(tokens.spec).toEqual({
      targetRef: { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', name: 'team-a-models' },
      limits: { tokens: { rates: [{ limit: 200000, window: '1m' }, { limit: 50000000, window: '24h' }] } },
    });
    expect(objectsIn(out, 'TokenRateLimitPolicy', 'team-b')[0].spec.limits.tokens.rates).toEqual([{ limit: 1000000, window: '24h' }]);
  });

  test('one TLSPolicy makes every listener\'s Certificate; no Certificate of ours', () => {
    const tls = onlyObject(out, 'TLSPolicy');
    expect(tls.metadata).toEqual({ name: 'ai-gateway-tls', namespace: 'ai-gateway' });
    expect(tls.spec).toEqual({
      targetRef: { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'ai-gateway' },
      issuerRef: { group: 'cert-manager.io', kind: 'Issuer', name: 'ai-gateway-ca' },
    });
    expect(objectsOf(out, 'Certificate')).toEqual([]);
    expect(onlyObject(out, 'Issuer').spec).toEqual({ ca: { secretName: 'site-ca' } });
  });

  test('the Envoy data plane under Kuadrant is pinned to the DPU nodes as well', () => {
    const d = onlyObject(out, 'EnvoyProxy').spec.provider.kubernetes.envoyDeployment;
    expect(d.pod.nodeSelector).toEqual({ 'ai-factory.dev/gpu-pool': 'l40s-bf3' });
    expect(objectsOf(out, 'SecurityPolicy')).toEqual([]);
    expect(objectsOf(out, 'BackendTrafficPolicy')).toEqual([]);
  });
});

describe('AiGateway F5 BIG-IP Next profile', () => {
  const s = new GatewayScenario();
  s.gateway({ implementation: F5, dataPlane: dpuPlacement(s) });
  s.tenant('team-a', { limits: { requestsPerMinute: 600 } });
  const { result: out, warnings } = capturingWarnings(() => s.synth());

  test('renders only Gateway API objects, certificates and NetworkPolicies', () => {
    const gw = onlyObject(out, 'Gateway');
    expect(gw.spec.gatewayClassName).toBe('f5-gateway');
    expect(gw.spec.infrastructure).toBeUndefined();
    expect(objectsIn(out, 'HTTPRoute', 'team-a').map((r) => r.metadata.name)).toEqual(['team-a-models']);
    expect(objectsOf(out, 'Certificate')).toHaveLength(1);
    for (const kind of ['EnvoyProxy', 'ClientTrafficPolicy', 'SecurityPolicy', 'BackendTrafficPolicy', 'AuthPolicy', 'RateLimitPolicy', 'TokenRateLimitPolicy', 'AIGatewayRoute']) {
      expect(objectsOf(out, kind)).toEqual([]);
    }
    // F5's data-plane pod labels are not published: the whole data-plane namespace is admitted
    expect(objectsIn(out, 'NetworkPolicy', 'team-a')[0].spec.ingress[0].from).toEqual([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'f5-bnk' } } }]);
  });

  test('what F5 leaves unverified is printed on the console, once', () => {
    expect(warnings).toEqual([
      'WARN [gateway/Gateway]: F5 BIG-IP Next for Kubernetes: only Gateway API objects, certificates and NetworkPolicies are rendered; '
        + 'authentication, request limits and DPU placement go through F5 resources that are not publicly documented (unverified): configure them from F5\'s documentation',
      'WARN [gateway/Gateway]: tenant team-a: authentication (api-keys) and 600 requests/min are not rendered for F5 BIG-IP Next (unverified API); configure them in F5\'s own resources',
    ]);
  });
});

describe('AiGateway validation', () => {
  test('fails when a listener has no TLS', () => {
    const s = new GatewayScenario();
    s.gateway({ tls: undefined });
    expect(() => s.tenant('team-a')).toThrow(
      'gateway/Gateway/team-a: listener https-team-a of tenant team-a has no TLS certificate; listeners are HTTPS only: set tls on the gateway or on the tenant '
      + '(GatewayTls.fromIssuer, privateCa or existingSecret)');
  });

  test('fails when a route names a model that does not exist', () => {
    const s = new GatewayScenario();
    const a = s.tenant('team-a');
    expect(() => a.routeModel('mistral')).toThrow(
      'gateway/Gateway/team-a: model mistral does not exist on gateway ai-gateway (models: team-a-llm); add it with gateway.addModel(name, pool)');
  });

  test('fails when a route crosses namespaces without a grant', () => {
    const s = new GatewayScenario();
    const gateway = s.gateway();
    gateway.addModel('shared', s.servedModel('shared-models', 'shared'));
    const a = s.tenant('team-a');
    expect(() => a.routeModel('shared')).toThrow(
      'gateway/Gateway/team-a: route of tenant team-a in namespace team-a reaches pool shared in namespace shared-models without a ReferenceGrant; '
      + 'call gateway.grantPoolAccess(pool, tenant) first');
  });

  test('fails when a tenant route would reach another tenant\'s pool', () => {
    const s = new GatewayScenario();
    const gateway = s.gateway();
    const a = s.tenant('team-a');
    const b = s.tenant('team-b');
    expect(() => b.routeModel('team-a-llm')).toThrow(
      'gateway/Gateway/team-b: tenant team-b routes model team-a-llm to pool team-a-llm of tenant team-a (namespace team-a); '
      + 'a tenant reaches only its own pools and shared ones: serve shared models from a namespace of no tenant');
    // nor can a grant open the way
    expect(() => gateway.grantPoolAccess(s.pools.get('team-a-llm')!, b)).toThrow(
      'gateway/Gateway: pool team-a-llm belongs to tenant team-a (namespace team-a); tenant team-b may not reach it: serve shared models from a namespace of no tenant');
    expect(a.tenantName).toBe('team-a');
  });

  test('fails when a tenant is added in the namespace of a pool another tenant already routes to', () => {
    const s = new GatewayScenario();
    const gateway = s.gateway();
    const shared = s.servedModel('shared-models', 'shared');
    gateway.addModel('shared', shared);
    const a = s.tenant('team-a');
    gateway.grantPoolAccess(shared, a);
    a.routeModel('shared');
    expect(() => gateway.addTenant('intruder', {
      namespaceName: 'shared-models', hostname: 'intruder.ai.example.com', authentication: GatewayAuthentication.apiKeys(), limits: { requestsPerMinute: 1 },
    })).toThrow('gateway/Gateway/intruder: namespace shared-models holds pool shared, which tenant team-a already routes to; a tenant\'s namespace must not hold another tenant\'s models');
  });

  test('fails when the data plane is placed on a pool without DPUs', () => {
    const s = new GatewayScenario();
    const plain = ServerProfile.custom({
      name: 'l40s-4gpu',
      displayName: '4× L40S, no DPU',
      sockets: 2,
      coresPerSocket: 32,
      threadsPerCore: 2,
      memoryGib: 1024,
      gpus: { model: SERVER.requireGpuModel(), numaNodes: [0, 0, 1, 1] },
      networkAdapters: [{ name: 'eth0', kind: NetworkAdapterKind.ETHERNET, numaNode: 0, ports: 2, portSpeedGbps: 100, model: 'ConnectX-6 Dx' }],
      rootDiskGb: 480,
    });
    expect(() => s.gateway({ dataPlane: DataPlanePlacement.dpuNodes({ nodePool: s.l40s, server: plain }) })).toThrow(
      'gateway/Gateway: node pool l40s-bf3 runs server profile l40s-4gpu, which has no BlueField-3 DPU; '
      + 'pin the data plane to a pool of a DPU server (e.g. ServerProfile.L40S_4GPU_BF3) or use DataPlanePlacement.anyNode()');
  });

  test('fails when the DPU server profile is not the pool\'s', () => {
    const s = new GatewayScenario();
    const pool = new GpuNodePool(s.cluster, 'H200', { poolName: 'h200', gpuModel: ServerProfile.HGX_H200_8GPU.requireGpuModel(), gpusPerNode: 8 });
    expect(() => s.gateway({ dataPlane: DataPlanePlacement.dpuNodes({ nodePool: pool, server: SERVER }) })).toThrow(
      `gateway/Gateway: node pool h200 has ${pool.gpuModel.name} GPUs, but server profile ${SERVER.name} has ${SERVER.requireGpuModel().name}; give the pool's own server profile`);
  });

  test('fails when the host-CPU budget per replica is above a quarter of the DPU server\'s cores', () => {
    const s = new GatewayScenario();
    expect(() => s.gateway({ dataPlane: dpuPlacement(s), hostCpuCoresPerReplica: 17 })).toThrow(
      `gateway/Gateway: hostCpuCoresPerReplica 17 is more than a quarter of the 64 cores of ${SERVER.name}; the point of the DPU is to leave the host cores to the GPUs`);
  });

  test('fails when a token limit is set on an implementation that cannot count tokens', () => {
    const s = new GatewayScenario();
    s.gateway({ implementation: F5 });
    expect(() => s.tenant('team-a')).toThrow(
      'gateway/Gateway/team-a: tenant team-a has a token limit, but F5 BIG-IP Next for Kubernetes cannot count LLM tokens through a publicly documented API; '
      + 'drop tokensPerMinute and tokensPerDay or use GatewayImplementation.envoyAiGateway() or kuadrant()');
  });

  test('fails when two routes claim the same host and path', () => {
    const s = new GatewayScenario();
    const a = s.tenant('team-a');
    expect(() => a.routeModel('team-a-llm')).toThrow(
      'gateway/Gateway/team-a: route team-a-llm of tenant team-a claims https://team-a.ai.example.com/llm/team-a-llm, which route team-a-llm of tenant team-a already claims; '
      + 'two routes cannot share a host and path');
  });

  test('without a monitoring namespace no Prometheus is admitted, and synth says so once', () => {
    const s = new GatewayScenario();
    s.gateway({ monitoringNamespaceName: undefined });
    s.tenant('team-a');
    s.tenant('team-b');
    const { result, warnings } = capturingWarnings(() => s.synth());
    expect(objectsOf(result, 'NetworkPolicy').map((n) => n.spec.ingress.length)).toEqual([3, 3]);
    expect(warnings).toEqual([
      'WARN [gateway/Gateway]: monitoringNamespaceName is not set: the model pods\' NetworkPolicies admit no Prometheus, so scrapes of the model servers\' '
        + 'metrics (the vLLM PodMonitors) are dropped; set monitoringNamespaceName to the namespace of your Prometheus',
    ]);
    expect(() => new AiGateway(s.gatewayChart, 'G', { monitoringNamespaceName: 'Monitoring' })).toThrow('gateway/G: monitoringNamespaceName "Monitoring" must be a DNS label');
  });

  test('fails when a tenant routes more models than its route holds rules', () => {
    for (const [impl, kind, max] of [[ENVOY, 'AIGatewayRoute', 15], [KUADRANT, 'HTTPRoute', 16]] as const) {
      const s = new GatewayScenario();
      const gw = s.gateway({ implementation: impl });
      const a = s.tenant('team-a');
      for (let i = 1; i <= max; i++) {
        gw.addModel(`m${i}`, s.servedModel('team-a', `m${i}`));
        if (i < max) a.routeModel(`m${i}`);
      }
      expect(() => a.routeModel(`m${max}`)).toThrow(
        `gateway/Gateway/team-a: tenant team-a routes ${max + 1} models, but its ${kind} holds at most ${max} rules (one per model); serve the models under fewer names or split them over two tenants`);
    }
  });

  test('fails when two tenants share a hostname', () => {
    const s = new GatewayScenario();
    s.tenant('team-a');
    expect(() => s.tenant('team-b', { hostname: 'team-a.ai.example.com' })).toThrow(
      'gateway/Gateway/team-b: hostname team-a.ai.example.com is already tenant team-a\'s; every tenant needs its own hostname (its own listener)');
  });

  test('fails when a tenant routes no model, or the gateway has no tenant', () => {
    const empty = new GatewayScenario();
    empty.gateway();
    expect(() => empty.synth()).toThrow('[gateway/Gateway] gateway ai-gateway has no tenants; add one with gateway.addTenant()');
    const s = new GatewayScenario();
    s.gateway().addTenant('team-a', { namespaceName: 'team-a', hostname: 'team-a.ai.example.com', authentication: GatewayAuthentication.apiKeys(), limits: { requestsPerMinute: 1 } });
    expect(() => s.synth()).toThrow('[gateway/Gateway] tenant team-a routes no model; call tenant.routeModel(name)');
  });

  test('fails when an MCP route is asked of Kuadrant', () => {
    const s = new GatewayScenario();
    s.gateway({ implementation: KUADRANT });
    const a = s.tenant('team-a');
    expect(() => a.addMcpServer({ serviceName: 'tools', port: 8080 })).toThrow(
      'gateway/Gateway/team-a: MCP routes need Envoy AI Gateway (MCPRoute); Kuadrant has none: use GatewayImplementation.envoyAiGateway()');
  });

  test('fails when Kuadrant tenants want different issuers (one TLSPolicy per gateway)', () => {
    const s = new GatewayScenario();
    s.gateway({ implementation: KUADRANT, tls: GatewayTls.fromIssuer('public') });
    s.tenant('team-a');
    expect(() => s.tenant('team-b', { tls: GatewayTls.fromIssuer('other') })).toThrow(
      'gateway/Gateway: the Kuadrant profile has one TLSPolicy per gateway, on ClusterIssuer/public; issuer ClusterIssuer/other of another tenant cannot be used: '
      + 'give every tenant the gateway\'s issuer or an existing secret');
  });

  test('fails on bad numbers and names', () => {
    const s = new GatewayScenario();
    expect(() => new AiGateway(s.gatewayChart, 'G1', { replicas: 0 })).toThrow('gateway/G1: replicas 0 must be an integer from 1 to 64');
    expect(() => new AiGateway(s.gatewayChart, 'G2', { gatewayName: 'AI' })).toThrow('gateway/G2: gatewayName "AI" must be a DNS label of at most 50 characters');
    expect(() => new AiGateway(s.gatewayChart, 'G3', { memoryGibPerReplica: Number.NaN })).toThrow('gateway/G3: memoryGibPerReplica NaN must be a number above 0 and at most 64');
    expect(() => new AiGateway(s.gatewayChart, 'G4', { requestTimeoutSeconds: 60, streamIdleTimeoutSeconds: 120 })).toThrow(
      'gateway/G4: streamIdleTimeoutSeconds 120 is longer than requestTimeoutSeconds 60; the request timeout would fire first');
    const gw = s.gateway();
    expect(() => s.tenant('team-a', { limits: { requestsPerMinute: 1.5 } })).toThrow('gateway/Gateway/team-a: requestsPerMinute 1.5 must be a positive integer (at most 2^32-1)');
    expect(() => gw.addTenant('team-b', {
      namespaceName: 'team-b', hostname: 'team-b.ai.example.com', authentication: GatewayAuthentication.apiKeys(), limits: { requestsPerMinute: 1, tokensPerMinute: 10, tokensPerDay: 5 },
    })).toThrow('gateway/Gateway/team-b: tokensPerDay 5 is below tokensPerMinute 10; a day\'s budget holds at least a minute\'s');
    expect(() => gw.addTenant('team-c', {
      namespaceName: 'team-c', hostname: '*.ai.example.com', authentication: GatewayAuthentication.apiKeys(), limits: { requestsPerMinute: 1 },
    })).toThrow('gateway/Gateway/team-c: hostname "*.ai.example.com" must be a fully qualified DNS name such as team-a.ai.example.com (no wildcard: each tenant has its own listener)');
    expect(() => gw.addTenant('team-d', {
      namespaceName: 'team-d',
      hostname: 'team-d.ai.example.com',
      limits: { requestsPerMinute: 1 },
      authentication: GatewayAuthentication.jwt({ issuerUrl: 'http://sso', jwksUrl: 'https://sso/certs' }),
    })).toThrow('gateway/Gateway/team-d: JWT issuerUrl "http://sso" must be an https URL');
    expect(() => gw.addTenant('team-e', {
      namespaceName: 'ai-gateway', hostname: 'team-e.ai.example.com', authentication: GatewayAuthentication.apiKeys(), limits: { requestsPerMinute: 1 },
    })).toThrow('gateway/Gateway/team-e: namespaceName ai-gateway is the gateway\'s namespace; give tenant team-e a namespace of its own');
  });
});

test('baseUrlOf: the OpenAI base URL a client sets, the same for every model on Envoy, per model on Kuadrant and F5', () => {
  const urls = [ENVOY, KUADRANT, F5].map((implementation) => {
    const s = new GatewayScenario();
    s.gateway({ implementation });
    return s.tenant('team-a', { limits: { requestsPerMinute: 10 } }).baseUrlOf('team-a-llm');
  });
  expect(urls).toEqual(['https://team-a.ai.example.com/v1', 'https://team-a.ai.example.com/llm/team-a-llm/v1', 'https://team-a.ai.example.com/llm/team-a-llm/v1']);
  const s = new GatewayScenario();
  expect(() => s.tenant('team-a').baseUrlOf('other')).toThrow(
    'gateway/Gateway/team-a: tenant team-a does not route model other (routes: team-a-llm); call tenant.routeModel(name) first');
});

test('GatewayImplementation: names, classes and whether it counts tokens', () => {
  expect([ENVOY, KUADRANT, F5].map((i) => [i.displayName, i.gatewayClassName, i.dataPlaneNamespaceName, i.countsTokens])).toEqual([
    ['Envoy AI Gateway', 'eg', 'envoy-gateway-system', true],
    ['Kuadrant', 'eg', 'envoy-gateway-system', true],
    ['F5 BIG-IP Next for Kubernetes', 'f5-gateway', 'f5-bnk', false],
  ]);
  expect(GatewayImplementation.envoyAiGateway({ gatewayClassName: 'ai', dataPlaneNamespaceName: 'edge' }).gatewayClassName).toBe('ai');
});
