/**
 * Walks synthesized gateway output (Gateway API, Envoy Gateway / Envoy AI Gateway, Kuadrant, cert-manager objects) the
 * way a reviewer would, without knowing how it was built: for every tenant listener it finds the TLS, the
 * authentication, the request and token limits, and the pools its routes reach. It throws on the first breach: an HTTP
 * listener that serves anything but a redirect, a listener without a certificate, a route without authentication or
 * limits, a route that reaches another tenant's pool or crosses namespaces without a ReferenceGrant, a pool whose pods
 * no NetworkPolicy restricts or whose NetworkPolicy admits another tenant's namespace, an MCP route without
 * authentication or with a backend in another namespace.
 */

export interface TenantAudit {
  readonly namespaceName: string;
  readonly hostname: string;
  /** `Certificate <secret>` or `TLSPolicy <issuer kind>/<name>`. */
  readonly tls: string;
  /** `api-keys` or `jwt`, per route. */
  readonly authentication: string[];
  /** Requests per minute, per route. */
  readonly requestsPerMinute: number[];
  /** Token limits as `<limit>/<window>`, per route. */
  readonly tokenLimits: string[];
  /** `<namespace>/<pool>` of every backend. */
  readonly pools: string[];
  /** `<route>: api-keys` or `<route>: oauth`, per MCPRoute on the tenant's listener. */
  readonly mcp: string[];
}

const ROUTE_KINDS = ['HTTPRoute', 'AIGatewayRoute'];

export function auditGateways(manifests: any[]): TenantAudit[] {
  const of = (kind: string) => manifests.filter((m) => m.kind === kind);
  const breach = (msg: string): never => {
    throw new Error(`gateway audit: ${msg}`);
  };
  const targets = (policy: any, kind: string, name: string, ns: string) => policy.metadata.namespace === ns
    && [...(policy.spec.targetRefs ?? []), ...(policy.spec.targetRef ? [policy.spec.targetRef] : [])]
      .some((t: any) => t.kind === kind && t.name === name);
  const routes = manifests.filter((m) => ROUTE_KINDS.includes(m.kind));
  const attached = (gw: any, listener: string) => routes.filter((r) => r.spec.parentRefs.some((p: any) => p.name === gw.metadata.name
    && (p.namespace ?? r.metadata.namespace) === gw.metadata.namespace && (p.sectionName === undefined || p.sectionName === listener)));

  const tenants: { ns: string; gwNs: string; listener: any; gw: any }[] = [];
  for (const gw of of('Gateway')) {
    const gwNs = gw.metadata.namespace;
    for (const l of gw.spec.listeners) {
      if (l.protocol === 'HTTP') {
        for (const r of attached(gw, l.name)) {
          const redirectOnly = r.spec.rules.every((rule: any) => !rule.backendRefs?.length
            && rule.filters?.length === 1 && rule.filters[0].type === 'RequestRedirect' && rule.filters[0].requestRedirect.scheme === 'https');
          if (!redirectOnly) breach(`HTTP listener ${l.name} serves route ${r.metadata.name}, not only a redirect to https`);
        }
        continue;
      }
      if (l.protocol !== 'HTTPS' || l.tls?.mode !== 'Terminate' || !l.tls.certificateRefs?.length) breach(`listener ${l.name} does not terminate TLS`);
      const namespaces: string[] = l.allowedRoutes?.namespaces?.selector?.matchExpressions?.[0]?.values ?? [];
      const own = namespaces.filter((n) => n !== gwNs);
      if (own.length !== 1) breach(`listener ${l.name} admits routes from ${JSON.stringify(namespaces)}, not from one tenant namespace`);
      tenants.push({ ns: own[0], gwNs, listener: l, gw });
    }
  }
  const tenantNamespaces = new Set(tenants.map((t) => t.ns));

  return tenants.map(({ ns, gwNs, listener, gw }) => {
    const secret = listener.tls.certificateRefs[0].name;
    const cert = of('Certificate').find((c) => c.metadata.namespace === gwNs && c.spec.secretName === secret && c.spec.dnsNames.includes(listener.hostname));
    const tlsPolicy = of('TLSPolicy').find((p) => targets(p, 'Gateway', gw.metadata.name, gwNs));
    if (!cert && !tlsPolicy) breach(`listener ${listener.name}: nothing issues its certificate ${secret}`);
    const tls = cert ? `Certificate ${secret}` : `TLSPolicy ${tlsPolicy.spec.issuerRef.kind}/${tlsPolicy.spec.issuerRef.name}`;

    const own = attached(gw, listener.name);
    if (own.length === 0) breach(`listener ${listener.name} has no route`);
    const audit = { authentication: [] as string[], requestsPerMinute: [] as number[], tokenLimits: [] as string[], pools: [] as string[] };
    for (const r of own) {
      const rns = r.metadata.namespace;
      if (rns !== ns) breach(`route ${rns}/${r.metadata.name} on tenant ${ns}'s listener is not in the tenant's namespace`);
      // Envoy AI Gateway makes an HTTPRoute of the AIGatewayRoute's name: policies target that HTTPRoute
      const sp = of('SecurityPolicy').find((p) => targets(p, 'HTTPRoute', r.metadata.name, rns));
      const ap = of('AuthPolicy').find((p) => targets(p, 'HTTPRoute', r.metadata.name, rns));
      if (sp?.spec.apiKeyAuth || ap?.spec.rules.authentication['api-keys']) audit.authentication.push('api-keys');
      else if (sp?.spec.jwt || ap?.spec.rules.authentication.jwt) audit.authentication.push('jwt');
      else breach(`route ${rns}/${r.metadata.name} has no authentication`);

      const btp = of('BackendTrafficPolicy').find((p) => targets(p, 'HTTPRoute', r.metadata.name, rns));
      const rlp = of('RateLimitPolicy').find((p) => targets(p, 'HTTPRoute', r.metadata.name, rns));
      const trlp = of('TokenRateLimitPolicy').find((p) => targets(p, 'HTTPRoute', r.metadata.name, rns));
      // the tenant's own limits: rules for every caller, or for the callers of no plan (an inverted caller match)
      const btpRules: any[] = (btp?.spec.rateLimit?.global?.rules ?? []).filter((x: any) => !x.clientSelectors
        || x.clientSelectors.every((c: any) => (c.headers ?? []).every((h: any) => h.invert === true)));
      const requests = btpRules.find((x) => !x.cost && x.limit.unit === 'Minute')?.limit.requests ?? rlp?.spec.limits?.requests?.rates?.find((x: any) => x.window === '1m')?.limit;
      if (requests === undefined) breach(`route ${rns}/${r.metadata.name} has no request limit`);
      audit.requestsPerMinute.push(requests);
      const costKeys = (r.spec.llmRequestCosts ?? []).map((c: any) => c.metadataKey);
      const tokenRules = btpRules.filter((x) => x.cost?.response?.from === 'Metadata' && x.cost.response.metadata.namespace === 'io.envoy.ai_gateway'
        && costKeys.includes(x.cost.response.metadata.key) && x.cost.request?.number === 0);
      const tokens = [
        ...tokenRules.map((x) => `${x.limit.requests}/${x.limit.unit}`),
        ...(trlp?.spec.limits?.tokens?.rates ?? []).map((x: any) => `${x.limit}/${x.window}`),
      ];
      if (tokens.length === 0) breach(`route ${rns}/${r.metadata.name} has no token limit`);
      audit.tokenLimits.push(...tokens);

      for (const rule of r.spec.rules) {
        for (const ref of rule.backendRefs ?? []) {
          const pns = ref.namespace ?? rns;
          const pool = of('InferencePool').find((p) => p.metadata.namespace === pns && p.metadata.name === ref.name);
          if (!pool) breach(`route ${rns}/${r.metadata.name} reaches ${pns}/${ref.name}, which is no InferencePool of the output`);
          if (pns !== ns && tenantNamespaces.has(pns)) breach(`route ${rns}/${r.metadata.name} of tenant ${ns} reaches pool ${pns}/${ref.name} of another tenant`);
          if (pns !== rns) {
            const grant = of('ReferenceGrant').find((g) => g.metadata.namespace === pns && g.spec.from.some((f: any) => f.namespace === rns && f.kind === r.kind)
              && g.spec.to.some((t: any) => t.kind === 'InferencePool' && (t.name === undefined || t.name === ref.name)));
            if (!grant) breach(`route ${rns}/${r.metadata.name} reaches ${pns}/${ref.name} without a ReferenceGrant`);
          }
          const policies = of('NetworkPolicy').filter((n) => n.metadata.namespace === pns && n.spec.policyTypes.includes('Ingress')
            && sameLabels(n.spec.podSelector.matchLabels, pool.spec.selector.matchLabels));
          if (policies.length === 0) breach(`pool ${pns}/${ref.name}: no NetworkPolicy selects its pods`);
          // every peer is either in the pool's namespace (no namespaceSelector) or in one named namespace of no other tenant
          for (const peer of policies.flatMap((n) => (n.spec.ingress ?? []).flatMap((i: any) => i.from ?? [{}]))) {
            if (peer.ipBlock) breach(`pool ${pns}/${ref.name}: its NetworkPolicy admits an ipBlock`);
            if (!peer.namespaceSelector && !peer.podSelector) breach(`pool ${pns}/${ref.name}: its NetworkPolicy admits any source`);
            if (!peer.namespaceSelector) continue;
            const named = peer.namespaceSelector.matchLabels?.['kubernetes.io/metadata.name'];
            const oneName = Object.keys(peer.namespaceSelector).length === 1 && Object.keys(peer.namespaceSelector.matchLabels ?? {}).length === 1;
            if (named === undefined || !oneName) {
              breach(`pool ${pns}/${ref.name}: its NetworkPolicy admits namespaces by a selector other than one namespace name`);
            }
            if (named !== pns && tenantNamespaces.has(named)) breach(`pool ${pns}/${ref.name}: its NetworkPolicy admits tenant namespace ${named}`);
          }
          audit.pools.push(`${pns}/${ref.name}`);
        }
      }
    }
    // MCPRoutes live in the gateway's namespace (Envoy AI Gateway takes no cross-namespace parent) with their backends
    const mcp: string[] = [];
    for (const m of of('MCPRoute').filter((x) => x.spec.parentRefs.some((p: any) => p.name === gw.metadata.name && p.sectionName === listener.name))) {
      if (m.metadata.namespace !== gwNs) breach(`MCP route ${m.metadata.namespace}/${m.metadata.name} is not in its Gateway's namespace ${gwNs}`);
      if (!(m.spec.hostnames ?? []).includes(listener.hostname)) {
        breach(`MCP route ${m.metadata.name} on listener ${listener.name} does not match the listener's hostname`);
      }
      if (m.spec.backendRefs.some((b: any) => b.namespace !== undefined && b.namespace !== gwNs)) breach(`MCP route ${m.metadata.name} has a backend in another namespace`);
      const auth = m.spec.securityPolicy?.apiKeyAuth ? 'api-keys' : m.spec.securityPolicy?.oauth ? 'oauth' : breach(`MCP route ${m.metadata.name} has no authentication`);
      mcp.push(`${m.metadata.name}: ${auth}`);
    }
    return { namespaceName: ns, hostname: listener.hostname, tls, ...audit, mcp };
  });
}

function sameLabels(a: { [k: string]: string } | undefined, b: { [k: string]: string }): boolean {
  const sorted = (x: { [k: string]: string }) => JSON.stringify(Object.entries(x).sort(([k1], [k2]) => k1.localeCompare(k2)));
  return a !== undefined && sorted(a) === sorted(b);
}
