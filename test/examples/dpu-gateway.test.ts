import { auditGateways } from '../constructs/ingress/audit';
import { parseYamlDocuments, synthExample } from '../util';

describe('examples/dpu-gateway', () => {
  const files = synthExample('dpu-gateway');
  const tf = JSON.parse(files['cdktf.out/stacks/dpu-gateway/cdk.tf.json']);
  const cluster = (impl: string) => Object.keys(files).filter((f) => f.startsWith(`dist/${impl}/`)).sort()
    .flatMap((f) => parseYamlDocuments(files[f]));

  test('writes the OpenStack stack and one cluster side per gateway implementation', () => {
    expect(Object.keys(files).sort()).toEqual([
      'cdktf.out/stacks/dpu-gateway/cdk.tf.json',
      ...['envoy-ai-gateway', 'kuadrant'].flatMap((impl) => ['dpu-gateway-cluster', 'dpu-gateway-team-a', 'dpu-gateway-team-b', 'dpu-gateway']
        .map((f) => `dist/${impl}/${f}.k8s.yaml`)),
    ]);
  });

  test('the gateway\'s remote-managed ports: one per data-plane replica on each tenant network, HTTPS in', () => {
    const ports = Object.values(tf.resource.openstack_networking_port_v2) as any[];
    expect(ports.map((p) => [p.name, p.binding.vnic_type])).toEqual([
      ['ai-gateway-team-a-models-0', 'remote-managed'],
      ['ai-gateway-team-a-models-1', 'remote-managed'],
      ['ai-gateway-team-b-models-0', 'remote-managed'],
      ['ai-gateway-team-b-models-1', 'remote-managed'],
    ]);
    const rules = Object.values(tf.resource.openstack_networking_secgroup_rule_v2) as any[];
    expect(rules.filter((r) => r.direction === 'ingress').map((r) => [r.protocol, r.port_range_min, r.port_range_max, r.remote_ip_prefix]))
      .toEqual([['tcp', 443, 443, '0.0.0.0/0']]);
  });

  const expected = (tls: (t: string) => string, tokenLimits: (t: string) => string[], mcp: string[]) => [
    { namespaceName: 'team-a', hostname: 'team-a.ai.factory.example', tls: tls('team-a'), authentication: ['api-keys'], requestsPerMinute: [600], tokenLimits: tokenLimits('team-a'), pools: ['team-a/llama-3-1-8b'], mcp },
    { namespaceName: 'team-b', hostname: 'team-b.ai.factory.example', tls: tls('team-b'), authentication: ['api-keys'], requestsPerMinute: [300], tokenLimits: tokenLimits('team-b'), pools: ['team-b/qwen-2-5-7b'], mcp: [] },
  ];

  test('Envoy AI Gateway: every tenant has TLS, API keys, a request limit and token limits, and reaches only its own pool; team-a\'s MCP route has its keys', () => {
    expect(auditGateways(cluster('envoy-ai-gateway'))).toEqual(expected(
      (t) => `Certificate ai-gateway-${t}-tls`,
      (t) => (t === 'team-a' ? ['200000/Minute', '50000000/Day'] : ['100000/Minute', '20000000/Day']),
      ['team-a-mcp: api-keys'],
    ));
  });

  test('Kuadrant: every tenant has TLS, API keys, a request limit and token limits, and reaches only its own pool', () => {
    expect(auditGateways(cluster('kuadrant'))).toEqual(expected(
      () => 'TLSPolicy Issuer/ai-gateway-ca',
      (t) => (t === 'team-a' ? ['200000/1m', '50000000/24h'] : ['100000/1m', '20000000/24h']),
      [],
    ));
  });

  test('the audit fails when a route reaches another tenant\'s pool', () => {
    const objects = cluster('envoy-ai-gateway');
    const route = objects.find((o) => o.kind === 'AIGatewayRoute' && o.metadata.namespace === 'team-b');
    route.spec.rules[0].backendRefs = [{ group: 'inference.networking.k8s.io', kind: 'InferencePool', name: 'llama-3-1-8b', namespace: 'team-a' }];
    expect(() => auditGateways(objects)).toThrow('gateway audit: route team-b/team-b-models of tenant team-b reaches pool team-a/llama-3-1-8b of another tenant');
  });

  test('the audit fails when a tenant loses its token limit or its authentication', () => {
    const noTokens = cluster('kuadrant').filter((o) => !(o.kind === 'TokenRateLimitPolicy' && o.metadata.namespace === 'team-a'));
    expect(() => auditGateways(noTokens)).toThrow('gateway audit: route team-a/team-a-models has no token limit');
    const noAuth = cluster('envoy-ai-gateway').filter((o) => !(o.kind === 'SecurityPolicy' && o.metadata.namespace === 'team-b'));
    expect(() => auditGateways(noAuth)).toThrow('gateway audit: route team-b/team-b-models has no authentication');
  });

  test('the audit fails when an MCP route loses its authentication or a NetworkPolicy admits another tenant', () => {
    const noMcpAuth = cluster('envoy-ai-gateway');
    delete noMcpAuth.find((o) => o.kind === 'MCPRoute').spec.securityPolicy;
    expect(() => auditGateways(noMcpAuth)).toThrow('gateway audit: MCP route team-a-mcp has no authentication');
    const open = cluster('kuadrant');
    open.find((o) => o.kind === 'NetworkPolicy' && o.metadata.namespace === 'team-a').spec.ingress
      .push({ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'team-b' } } }] });
    expect(() => auditGateways(open)).toThrow('gateway audit: pool team-a/llama-3-1-8b: its NetworkPolicy admits tenant namespace team-b');
  });

  test('team-a\'s nightly evaluation job has a plan of its own on both implementations; the team\'s limits exclude it', () => {
    const rules = cluster('envoy-ai-gateway').find((o) => o.kind === 'BackendTrafficPolicy' && o.metadata.namespace === 'team-a').spec.rateLimit.global.rules;
    expect(rules.map((r: any) => [r.clientSelectors[0].headers[0].value, r.clientSelectors[0].headers[0].invert ?? false, r.limit.requests, r.limit.unit, r.cost ? 'tokens' : 'requests']))
      .toEqual([
        ['^(nightly-eval)$', true, 600, 'Minute', 'requests'],
        ['^(nightly-eval)$', true, 200000, 'Minute', 'tokens'],
        ['^(nightly-eval)$', true, 50000000, 'Day', 'tokens'],
        ['^(nightly-eval)$', false, 30, 'Minute', 'requests'],
        ['^(nightly-eval)$', false, 1000000, 'Minute', 'tokens'],
        ['^(nightly-eval)$', false, 200000000, 'Day', 'tokens'],
      ]);
    const kuadrant = cluster('kuadrant');
    const limits = (kind: string) => kuadrant.find((o) => o.kind === kind && o.metadata.namespace === 'team-a').spec.limits;
    expect(Object.entries(limits('TokenRateLimitPolicy')).map(([k, v]: [string, any]) => [k, v.rates, v.when[0].predicate]).sort()).toEqual([
      ['plan-batch-tokens', [{ limit: 1000000, window: '1m' }, { limit: 200000000, window: '24h' }], 'auth.identity.clientid in ["nightly-eval"]'],
      ['tokens', [{ limit: 200000, window: '1m' }, { limit: 50000000, window: '24h' }], '!(auth.identity.clientid in ["nightly-eval"])'],
    ]);
    expect(limits('RateLimitPolicy')['plan-batch-requests'].rates).toEqual([{ limit: 30, window: '1m' }]);
  });

  test('the data plane runs on the L40S + BlueField-3 pool, 2 replicas of 2 host cores each', () => {
    for (const impl of ['envoy-ai-gateway', 'kuadrant']) {
      const proxy = cluster(impl).find((o) => o.kind === 'EnvoyProxy');
      const d = proxy.spec.provider.kubernetes.envoyDeployment;
      expect(d.pod.nodeSelector).toEqual({ 'ai-factory.dev/gpu-pool': 'l40s-bf3' });
      expect([d.replicas, d.container.resources.limits.cpu, d.container.resources.requests.cpu]).toEqual([2, '2', '2']);
    }
  });

  test('Terraform JSON snapshot', () => {
    expect(tf).toMatchSnapshot();
  });

  test('Envoy AI Gateway Kubernetes YAML snapshot', () => {
    expect(cluster('envoy-ai-gateway')).toMatchSnapshot();
  });

  test('Kuadrant Kubernetes YAML snapshot', () => {
    expect(cluster('kuadrant')).toMatchSnapshot();
  });
});
