import { Chart, Lazy } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct, IConstruct } from 'constructs';
import {
  CallerPlan,
  DataPlanePlacement,
  GatewayAuthentication,
  GatewayAuthenticationKind,
  GatewayImplementation,
  GatewayImplementationKind,
  GatewayTls,
  GatewayTlsSource,
  TenantRateLimits,
  TlsVersion,
} from './options';
import { renderEnvoyGatewayLevel, renderEnvoyMcpRoute, renderEnvoyTenant } from './private/envoy';
import { renderHttpRouteTenant, renderKuadrantTenant, renderKuadrantTlsPolicy } from './private/kuadrant';
import {
  CERT_MANAGER_GROUP,
  CLIENT_ID,
  GATEWAY_GROUP,
  GatewayModel,
  ModelRouteModel,
  TenantModel,
  callerPattern,
  dpusOf,
  envoyProxyPodLabels,
  poolPodLabels,
} from './private/model';
import type { GatewaySpecListeners } from '../../generated/k8s/gateway-api';
import { childId } from '../../lib/tenancy/construct-id';
import { bindings } from '../common/bindings';
import { isDnsLabel, isDnsSubdomain } from '../common/k8s';
import { invalid } from '../common/validation';
import { warn } from '../common/warnings';
import { IInferencePool } from '../serving/inference-pool';

/** Props of {@link AiGateway}. */
export interface AiGatewayProps {
  /**
   * Name of the Gateway (a DNS label); the gateway's own objects live in the chart's namespace.
   * @default 'ai-gateway'
   */
  readonly gatewayName?: string;
  /**
   * Which implementation renders the gateway.
   * @default GatewayImplementation.envoyAiGateway()
   */
  readonly implementation?: GatewayImplementation;
  /**
   * Certificates of the tenants' HTTPS listeners; a tenant may bring its own.
   * @default - none: every tenant must set `tls`
   */
  readonly tls?: GatewayTls;
  /**
   * Lowest TLS version the listeners accept.
   * @default TlsVersion.TLS_1_2
   */
  readonly minTlsVersion?: TlsVersion;
  /**
   * Where the data plane runs.
   * @default DataPlanePlacement.anyNode()
   */
  readonly dataPlane?: DataPlanePlacement;
  /**
   * Data-plane replicas.
   * @default 2
   */
  readonly replicas?: number;
  /**
   * Host CPU cores each data-plane replica may use (request = limit, so the budget is a guarantee and a cap).
   * @default 2
   */
  readonly hostCpuCoresPerReplica?: number;
  /**
   * Memory of each data-plane replica in GiB.
   * @default 2
   */
  readonly memoryGibPerReplica?: number;
  /**
   * A plain-HTTP listener on port 80 whose only route redirects to HTTPS (301).
   * @default true
   */
  readonly httpRedirect?: boolean;
  /**
   * Longest request, streaming included, in seconds (route `timeouts.request`).
   * @default 600
   */
  readonly requestTimeoutSeconds?: number;
  /**
   * Longest pause without a byte from the model server in seconds (a long prefill before the first token).
   * @default 120
   */
  readonly streamIdleTimeoutSeconds?: number;
  /**
   * Namespace of the Prometheus that scrapes the model servers (the vLLM PodMonitors): the model pods' NetworkPolicy
   * admits it on the model port, where vLLM serves `/metrics`.
   * @default - no scraper is admitted, and synth warns that the model servers' metrics cannot be scraped
   */
  readonly monitoringNamespaceName?: string;
}

/** Options of {@link AiGateway.addTenant}. */
export interface AiGatewayTenantOptions {
  /** The tenant's namespace: its routes and policies go there. A DNS label. */
  readonly namespaceName: string;
  /** The tenant's hostname (its own HTTPS listener), e.g. `team-a.ai.example.com`. */
  readonly hostname: string;
  /** How the tenant's callers authenticate. */
  readonly authentication: GatewayAuthentication;
  /** The tenant's plan. */
  readonly limits: TenantRateLimits;
  /**
   * The listener's certificate.
   * @default - the gateway's `tls`
   */
  readonly tls?: GatewayTls;
  /**
   * Plans for groups of the tenant's callers (tiers), each with its own limits.
   * @default - every caller shares the tenant's `limits`
   */
  readonly plans?: CallerPlan[];
}

/** Options of {@link AiGatewayTenant.addMcpServer}. */
export interface McpServerOptions {
  /**
   * Service of the MCP server. Envoy AI Gateway v1.1 takes MCP backends only from the MCPRoute's namespace, and an
   * MCPRoute only in its Gateway's namespace, so the Service is in the gateway's namespace
   * (envoyproxy/ai-gateway v1.1.0 `api/v1beta1/mcp_route.go`, `parentRefs` and `backendRefs`; the controller refuses
   * a cross-namespace backend, `internal/controller/mcp_route.go`).
   */
  readonly serviceName: string;
  /** Port of the Service. */
  readonly port: number;
  /**
   * HTTP path of the MCP endpoint on the backend.
   * @default '/mcp'
   */
  readonly backendPath?: string;
}

/** The routes a tenant holds: where its models are. */
export interface IAiGatewayTenant extends IConstruct {
  /** Tenant name. */
  readonly tenantName: string;
  /** The tenant's namespace. */
  readonly namespaceName: string;
  /** The tenant's hostname. */
  readonly hostname: string;
}

/**
 * An AI gateway: one front door for the factory's models, `POST https://<tenant host>/...` (OpenAI-compatible,
 * streaming), that terminates TLS, authenticates callers, limits each tenant in requests and in LLM tokens, and routes
 * to InferencePools. One HTTPS listener per tenant (its own hostname and certificate); each tenant's routes and
 * policies live in its namespace; model pods accept traffic only from the gateway's data plane and the endpoint
 * picker. The data plane can be pinned to DPU-equipped nodes. Rendered for Envoy AI Gateway (default), Kuadrant or
 * the F5 BIG-IP Next profile.
 */
export class AiGateway extends Construct {
  /** The Gateway name. */
  public readonly gatewayName: string;
  /** The gateway's namespace. */
  public readonly namespaceName: string;
  /** The implementation. */
  public readonly implementation: GatewayImplementation;
  /** Data-plane replicas. */
  public readonly replicas: number;
  /** Host CPU cores per data-plane replica. */
  public readonly hostCpuCoresPerReplica: number;
  /** Whether the data plane is pinned to DPU nodes. */
  public readonly dpuOffloaded: boolean;

  private readonly model: GatewayModel;
  private readonly tenants: AiGatewayTenant[] = [];
  private readonly models = new Map<string, IInferencePool>();
  private readonly claims = new Map<string, string>();
  private readonly grants = new Set<string>();
  private readonly isolatedPools = new Set<string>();
  private readonly warnings: string[] = [];
  private readonly warnedOnce = new Set<string>();
  private readonly monitoringNamespaceName?: string;

  constructor(scope: Construct, id: string, props: AiGatewayProps = {}) {
    super(scope, id);
    this.gatewayName = props.gatewayName ?? 'ai-gateway';
    if (!isDnsLabel(this.gatewayName) || this.gatewayName.length > 50) {
      invalid(this, `gatewayName ${JSON.stringify(this.gatewayName)} must be a DNS label of at most 50 characters`);
    }
    this.namespaceName = Chart.of(this).namespace ?? 'default';
    this.implementation = props.implementation ?? GatewayImplementation.envoyAiGateway();
    this.replicas = props.replicas ?? 2;
    if (!Number.isInteger(this.replicas) || this.replicas < 1 || this.replicas > 64) invalid(this, `replicas ${this.replicas} must be an integer from 1 to 64`);
    this.hostCpuCoresPerReplica = props.hostCpuCoresPerReplica ?? 2;
    const memoryGib = props.memoryGibPerReplica ?? 2;
    // the smallest amounts a pod can carry: 1m of CPU, 1 MiB of memory (rendered as whole Mi: 0.0001 GiB would be 0Mi)
    for (const [name, v, min, unit] of [['hostCpuCoresPerReplica', this.hostCpuCoresPerReplica, 0.001, '1m'], ['memoryGibPerReplica', memoryGib, 1 / 1024, '1 MiB']] as const) {
      if (!Number.isFinite(v) || v <= 0 || v > 64) invalid(this, `${name} ${v} must be a number above 0 and at most 64`);
      if (v < min) invalid(this, `${name} ${v} is below ${unit}, the smallest amount a pod can request; use at least ${min}`);
    }
    const requestTimeout = props.requestTimeoutSeconds ?? 600;
    const streamIdle = props.streamIdleTimeoutSeconds ?? 120;
    for (const [name, v] of [['requestTimeoutSeconds', requestTimeout], ['streamIdleTimeoutSeconds', streamIdle]] as const) {
      if (!Number.isInteger(v) || v < 1 || v > 86400) invalid(this, `${name} ${v} must be an integer from 1 to 86400`);
    }
    if (streamIdle > requestTimeout) {
      invalid(this, `streamIdleTimeoutSeconds ${streamIdle} is longer than requestTimeoutSeconds ${requestTimeout}; the request timeout would fire first`);
    }

    this.monitoringNamespaceName = props.monitoringNamespaceName;
    if (this.monitoringNamespaceName !== undefined && !isDnsLabel(this.monitoringNamespaceName)) {
      invalid(this, `monitoringNamespaceName ${JSON.stringify(this.monitoringNamespaceName)} must be a DNS label`);
    }

    const placement = props.dataPlane ?? DataPlanePlacement.anyNode();
    this.dpuOffloaded = placement.dpu !== undefined;
    if (placement.dpu) {
      const { nodePool, server } = placement.dpu;
      const dpuModel = placement.dpu.dpuModel ?? 'BlueField-3';
      if (dpusOf(server, dpuModel).length === 0) {
        invalid(this, `node pool ${nodePool.poolName} runs server profile ${server.name}, which has no ${dpuModel} DPU; `
          + 'pin the data plane to a pool of a DPU server (e.g. ServerProfile.L40S_4GPU_BF3) or use DataPlanePlacement.anyNode()');
      }
      if (server.gpuModel && server.gpuModel !== nodePool.gpuModel) {
        invalid(this, `node pool ${nodePool.poolName} has ${nodePool.gpuModel.name} GPUs, but server profile ${server.name} has ${server.gpuModel.name}; give the pool's own server profile`);
      }
      const hostCores = server.sockets * server.coresPerSocket;
      if (this.hostCpuCoresPerReplica > hostCores / 4) {
        invalid(this, `hostCpuCoresPerReplica ${this.hostCpuCoresPerReplica} is more than a quarter of the ${hostCores} cores of ${server.name}; the point of the DPU is to leave the host cores to the GPUs`);
      }
    }

    this.model = {
      scope: this,
      gatewayName: this.gatewayName,
      namespaceName: this.namespaceName,
      implementation: this.implementation,
      minTlsVersion: props.minTlsVersion ?? TlsVersion.TLS_1_2,
      placement,
      replicas: this.replicas,
      cpuCores: this.hostCpuCoresPerReplica,
      memoryGib,
      requestTimeoutSeconds: requestTimeout,
      streamIdleTimeoutSeconds: streamIdle,
      tls: props.tls,
    };

    const listeners = Lazy.any({ produce: () => this.listeners(props.httpRedirect ?? true) });
    const envoy = this.implementation.kind !== GatewayImplementationKind.F5_BIG_IP_NEXT;
    // The Gateway: HTTPS listeners, one per tenant; Envoy Gateway reads data-plane settings from the EnvoyProxy named
    // in spec.infrastructure.parametersRef (envoyproxy/gateway v1.9.0 site/content/en/latest/tasks/operations/customize-envoyproxy.md)
    new (bindings.gatewayApi().Gateway)(this, 'Resource', {
      metadata: { name: this.gatewayName, namespace: this.namespaceName },
      spec: {
        gatewayClassName: this.implementation.gatewayClassName,
        infrastructure: envoy ? { parametersRef: { group: 'gateway.envoyproxy.io', kind: 'EnvoyProxy', name: `${this.gatewayName}-proxy` } } : undefined,
        listeners,
      },
    });
    if (envoy) renderEnvoyGatewayLevel(this.model);

    if (props.httpRedirect ?? true) {
      new (bindings.gatewayApi().HttpRoute)(this, 'HttpsRedirect', {
        metadata: { name: `${this.gatewayName}-https-redirect`, namespace: this.namespaceName },
        spec: {
          parentRefs: [{ name: this.gatewayName, sectionName: 'http' }],
          rules: [{
            filters: [{
              type: bindings.gatewayApi().HttpRouteSpecRulesFiltersType.REQUEST_REDIRECT,
              requestRedirect: {
                scheme: bindings.gatewayApi().HttpRouteSpecRulesFiltersRequestRedirectScheme.HTTPS,
                statusCode: bindings.gatewayApi().HttpRouteSpecRulesFiltersRequestRedirectStatusCode.VALUE_301,
              },
            }],
          }],
        },
      });
    }

    if (this.implementation.kind === GatewayImplementationKind.F5_BIG_IP_NEXT) {
      this.warn('F5 BIG-IP Next for Kubernetes: only Gateway API objects, certificates and NetworkPolicies are rendered; '
        + 'authentication, request limits and DPU placement go through F5 resources that are not publicly documented (unverified): configure them from F5\'s documentation');
    }
    this.node.addValidation({ validate: () => this.validate() });
  }

  /**
   * Makes a model routable: tenants route to it by name with {@link AiGatewayTenant.routeModel}.
   * A pool in a tenant's namespace is that tenant's own; pools other tenants may use live in a namespace of no tenant.
   */
  public addModel(modelName: string, pool: IInferencePool): void {
    if (!isDnsLabel(modelName)) invalid(this, `model name ${JSON.stringify(modelName)} must be a DNS label (it names route rules and the /llm/<model> path)`);
    if (this.models.has(modelName)) invalid(this, `model ${modelName} is already added (pool ${this.models.get(modelName)!.poolName}); model names are unique on a gateway`);
    this.models.set(modelName, pool);
  }

  /**
   * Lets a tenant's routes reach a pool in another namespace: a ReferenceGrant in the pool's namespace, the pool
   * owner's consent. Not needed for a pool in the tenant's own namespace.
   */
  public grantPoolAccess(pool: IInferencePool, tenant: IAiGatewayTenant): void {
    if (pool.namespaceName === tenant.namespaceName) {
      invalid(this, `pool ${pool.poolName} is in tenant ${tenant.tenantName}'s own namespace ${pool.namespaceName}; a ReferenceGrant is only needed across namespaces`);
    }
    const owner = this.tenants.find((t) => t.namespaceName === pool.namespaceName);
    if (owner) {
      invalid(this, `pool ${pool.poolName} belongs to tenant ${owner.tenantName} (namespace ${pool.namespaceName}); tenant ${tenant.tenantName} may not reach it: `
        + 'serve shared models from a namespace of no tenant');
    }
    const key = `${pool.namespaceName}/${pool.poolName}/${tenant.namespaceName}`;
    if (this.grants.has(key)) return;
    this.grants.add(key);
    const from = this.implementation.kind === GatewayImplementationKind.ENVOY_AI_GATEWAY
      // AIGatewayRoute's controller checks grants from kind AIGatewayRoute (envoyproxy/ai-gateway v1.1.0
      // internal/controller/referencegrant.go); Envoy Gateway checks the HTTPRoute it generates
      ? [{ group: 'aigateway.envoyproxy.io', kind: 'AIGatewayRoute', namespace: tenant.namespaceName }, { group: GATEWAY_GROUP, kind: 'HTTPRoute', namespace: tenant.namespaceName }]
      : [{ group: GATEWAY_GROUP, kind: 'HTTPRoute', namespace: tenant.namespaceName }];
    new (bindings.gatewayApi().ReferenceGrant)(this, `Grant-${tenant.tenantName}-${pool.poolName}`, {
      metadata: { name: `${this.gatewayName}-${tenant.tenantName}-to-${pool.poolName}`.slice(0, 253), namespace: pool.namespaceName },
      spec: { from, to: [{ group: pool.apiGroup, kind: pool.kind, name: pool.poolName }] },
    });
  }

  /** Adds a tenant: its HTTPS listener, certificate, route, authentication and limits. */
  public addTenant(tenantName: string, options: AiGatewayTenantOptions): AiGatewayTenant {
    return new AiGatewayTenant(this, tenantName, options);
  }

  /** Warnings of the gateway (also printed on the console at synth). */
  public get synthWarnings(): string[] {
    return [...this.warnings];
  }

  /** @internal */
  public _model(): GatewayModel {
    return this.model;
  }

  /** @internal */
  public _registerTenant(tenant: AiGatewayTenant): void {
    const sameHost = this.tenants.find((t) => t.hostname === tenant.hostname);
    if (sameHost) invalid(tenant, `hostname ${tenant.hostname} is already tenant ${sameHost.tenantName}'s; every tenant needs its own hostname (its own listener)`);
    const sameName = this.tenants.find((t) => t.tenantName === tenant.tenantName);
    if (sameName) invalid(tenant, `tenant ${tenant.tenantName} is already added`);
    for (const other of this.tenants) {
      const reached = other._routes().find((r) => r.pool.namespaceName === tenant.namespaceName && other.namespaceName !== tenant.namespaceName);
      if (reached) {
        invalid(tenant, `namespace ${tenant.namespaceName} holds pool ${reached.pool.poolName}, which tenant ${other.tenantName} already routes to; a tenant's namespace must not hold another tenant's models`);
      }
    }
    if (this.tenants.length >= 63) invalid(tenant, 'a Gateway holds at most 64 listeners (one is the HTTP redirect); split the tenants over two gateways');
    this.tenants.push(tenant);
  }

  /** The pool of a model, or an error naming what exists. @internal */
  public _poolOf(scope: IConstruct, modelName: string): IInferencePool {
    const pool = this.models.get(modelName);
    if (!pool) {
      const known = [...this.models.keys()].sort();
      invalid(scope, `model ${modelName} does not exist on gateway ${this.gatewayName} (models: ${known.length ? known.join(', ') : 'none'}); add it with gateway.addModel(name, pool)`);
    }
    return pool;
  }

  /** @internal */
  public _hasGrant(pool: IInferencePool, tenant: IAiGatewayTenant): boolean {
    return this.grants.has(`${pool.namespaceName}/${pool.poolName}/${tenant.namespaceName}`);
  }

  /** @internal */
  public _tenantOwning(namespaceName: string): AiGatewayTenant | undefined {
    return this.tenants.find((t) => t.namespaceName === namespaceName);
  }

  /** Claims host + path for a route; throws when another route has it. @internal */
  public _claim(scope: IConstruct, host: string, path: string, owner: string): void {
    const key = `${host}${path}`;
    const existing = this.claims.get(key);
    if (existing) invalid(scope, `${owner} claims https://${key}, which ${existing} already claims; two routes cannot share a host and path`);
    this.claims.set(key, owner);
  }

  /**
   * Default deny for the model pods of a pool: only the gateway's data plane, the pool's endpoint picker, the pool's
   * own pods and (when named) the monitoring namespace reach them. @internal
   */
  public _isolatePool(pool: IInferencePool): void {
    const key = `${pool.namespaceName}/${pool.poolName}`;
    if (this.isolatedPools.has(key)) return;
    this.isolatedPools.add(key);
    const labels = poolPodLabels(pool);
    if (!labels) {
      this.warn(`pool ${pool.poolName} does not tell its pod labels; the NetworkPolicy selects every pod of namespace ${pool.namespaceName}`);
    }
    if (this.monitoringNamespaceName === undefined && this.isolatedPools.size === 1) {
      this.warn('monitoringNamespaceName is not set: the model pods\' NetworkPolicies admit no Prometheus, so scrapes of the model servers\' '
        + 'metrics (the vLLM PodMonitors) are dropped; set monitoringNamespaceName to the namespace of your Prometheus');
    }
    const dataPlaneLabels = envoyProxyPodLabels(this.model);
    const dataPlane: k8s.NetworkPolicyPeer = {
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': this.implementation.dataPlaneNamespaceName } },
      podSelector: dataPlaneLabels ? { matchLabels: dataPlaneLabels } : undefined,
    };
    const modelPort = [{ protocol: 'TCP', port: k8s.IntOrString.fromNumber(pool.targetPortNumber) }];
    const ingress: k8s.NetworkPolicyIngressRule[] = [
      // the data plane sends the requests to the model servers
      { from: [dataPlane], ports: modelPort },
      // the endpoint picker scrapes the model servers' metrics on the same port (llm-d EPP)
      { from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/component': 'endpoint-picker' } } }], ports: modelPort },
      // the pool's pods talk to each other on any port: prefill/decode disaggregation (the decode pod's routing
      // sidecar sends the prompt to a prefill pod, NIXL moves the KV cache) and multi-node servers
      ...(labels ? [{ from: [{ podSelector: { matchLabels: labels } }] }] : []),
    ];
    if (this.monitoringNamespaceName !== undefined) {
      ingress.push({ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': this.monitoringNamespaceName } } }], ports: modelPort });
    }
    new k8s.KubeNetworkPolicy(this, `Isolate-${pool.namespaceName}-${pool.poolName}`, {
      metadata: { name: `${pool.poolName}-from-${this.gatewayName}`.slice(0, 253), namespace: pool.namespaceName },
      spec: { podSelector: labels ? { matchLabels: labels } : {}, policyTypes: ['Ingress'], ingress },
    });
  }

  /** @internal */
  public _warn(message: string): void {
    this.warn(message);
  }

  /** A warning given at most once per gateway, whatever the number of tenants it concerns. @internal */
  public _warnOnce(key: string, message: string): void {
    if (this.warnedOnce.has(key)) return;
    this.warnedOnce.add(key);
    this.warn(message);
  }

  private warn(message: string): void {
    this.warnings.push(message);
    // printed once on the console during synth (constructs/common/warnings.ts)
    warn(this, message);
  }

  private validate(): string[] {
    if (this.tenants.length === 0) return [`gateway ${this.gatewayName} has no tenants; add one with gateway.addTenant()`];
    return this.tenants.filter((t) => t._routes().length === 0)
      .map((t) => `tenant ${t.tenantName} routes no model; call tenant.routeModel(name)`);
  }

  private listeners(httpRedirect: boolean): GatewaySpecListeners[] {
    const https: GatewaySpecListeners[] = this.tenants.map((t) => ({
      name: t.listenerName,
      protocol: 'HTTPS',
      port: 443,
      hostname: t.hostname,
      tls: { mode: bindings.gatewayApi().GatewaySpecListenersTlsMode.TERMINATE, certificateRefs: [{ group: '', kind: 'Secret', name: t.certificateSecretName }] },
      allowedRoutes: {
        namespaces: {
          from: bindings.gatewayApi().GatewaySpecListenersAllowedRoutesNamespacesFrom.SELECTOR,
          selector: {
            matchExpressions: [{
              key: 'kubernetes.io/metadata.name',
              operator: 'In',
              values: t._hasMcp() ? [t.namespaceName, this.namespaceName].sort() : [t.namespaceName],
            }],
          },
        },
      },
    }));
    const http: GatewaySpecListeners[] = httpRedirect
      ? [{ name: 'http', protocol: 'HTTP', port: 80, allowedRoutes: { namespaces: { from: bindings.gatewayApi().GatewaySpecListenersAllowedRoutesNamespacesFrom.SAME } } }]
      : [];
    return [...http, ...https];
  }
}

/**
 * One tenant of an {@link AiGateway}: its listener, certificate, routes (in its namespace), authentication and plan.
 * Created by {@link AiGateway.addTenant}.
 */
export class AiGatewayTenant extends Construct implements IAiGatewayTenant {
  public readonly tenantName: string;
  public readonly namespaceName: string;
  public readonly hostname: string;
  /** The tenant's HTTPS listener on the Gateway. */
  public readonly listenerName: string;
  /** The TLS Secret of the listener (in the gateway's namespace). */
  public readonly certificateSecretName: string;
  /** Name of the tenant's model route. */
  public readonly routeName: string;
  /** How the tenant's callers authenticate. */
  public readonly authentication: GatewayAuthentication;
  /** The tenant's plan. */
  public readonly limits: TenantRateLimits;
  /** Plans of groups of callers. */
  public readonly plans: CallerPlan[];

  private readonly gateway: AiGateway;
  private readonly routes: ModelRouteModel[] = [];
  private mcp = false;

  constructor(gateway: AiGateway, tenantName: string, options: AiGatewayTenantOptions) {
    // checked before the construct exists: an empty name, a '/' or a second tenant of the same name fails inside constructs
    if (!isDnsLabel(tenantName) || tenantName.length > 40) invalid(gateway, `tenant name ${JSON.stringify(tenantName)} must be a DNS label of at most 40 characters`);
    if (gateway.node.tryFindChild(childId(tenantName))) invalid(gateway, `tenant ${tenantName} is added twice; tenant names are unique in a gateway`);
    super(gateway, childId(tenantName));
    this.gateway = gateway;
    const model = gateway._model();
    if (!isDnsLabel(options.namespaceName)) invalid(this, `namespaceName ${JSON.stringify(options.namespaceName)} must be a DNS label`);
    if (options.namespaceName === model.namespaceName) {
      invalid(this, `namespaceName ${options.namespaceName} is the gateway's namespace; give tenant ${tenantName} a namespace of its own`);
    }
    if (!isDnsSubdomain(options.hostname) || !options.hostname.includes('.')) {
      invalid(this, `hostname ${JSON.stringify(options.hostname)} must be a fully qualified DNS name such as team-a.ai.example.com (no wildcard: each tenant has its own listener)`);
    }
    this.tenantName = tenantName;
    this.namespaceName = options.namespaceName;
    this.hostname = options.hostname;
    this.listenerName = `https-${tenantName}`;
    this.routeName = `${tenantName}-models`;
    this.authentication = options.authentication;
    this.limits = { ...options.limits };
    this.plans = (options.plans ?? []).map((p) => ({ planName: p.planName, clientIds: [...p.clientIds], limits: { ...p.limits } }));
    this.checkLimits(model.implementation, 'limits', this.limits);
    this.checkPlans(model.implementation);
    this.checkAuthentication();
    if (model.implementation.kind === GatewayImplementationKind.F5_BIG_IP_NEXT) {
      this.gateway._warn(`tenant ${this.tenantName}: authentication (${this.authentication.kind}) and ${this.limits.requestsPerMinute} requests/min are not rendered for F5 BIG-IP Next (unverified API); configure them in F5's own resources`);
    }

    const tls = options.tls ?? model.tls;
    if (!tls) {
      invalid(this, `listener ${this.listenerName} of tenant ${tenantName} has no TLS certificate; listeners are HTTPS only: set tls on the gateway or on the tenant (GatewayTls.fromIssuer, privateCa or existingSecret)`);
    }
    this.certificateSecretName = tls.source === GatewayTlsSource.EXISTING_SECRET ? tls.secretName! : `${gateway.gatewayName}-${tenantName}-tls`;
    if (!isDnsSubdomain(this.certificateSecretName)) invalid(this, `TLS secret name ${JSON.stringify(this.certificateSecretName)} must be a DNS subdomain`);
    gateway._registerTenant(this);
    this.renderCertificate(model, tls);

    const tenant: TenantModel = {
      scope: this,
      tenantName,
      namespaceName: this.namespaceName,
      hostname: this.hostname,
      listenerName: this.listenerName,
      routeName: this.routeName,
      authentication: this.authentication,
      apiKeySecretName: this.authentication.secretName ?? `${tenantName}-api-keys`,
      limits: this.limits,
      plans: this.plans,
      routes: this.routes,
    };
    switch (model.implementation.kind) {
      case GatewayImplementationKind.ENVOY_AI_GATEWAY:
        renderEnvoyTenant(model, tenant);
        break;
      case GatewayImplementationKind.KUADRANT:
        renderKuadrantTenant(model, tenant);
        if (this.limits.tokensPerMinute !== undefined || this.limits.tokensPerDay !== undefined) {
          gateway._warnOnce('kuadrant-stream-usage', 'Kuadrant counts the tokens of a streamed answer only when the request sets stream_options.include_usage '
            + '(Kuadrant v1.5.2 doc/overviews/token-rate-limiting.md): streaming clients that omit it are not charged tokens; tell your tenants to set it, '
            + 'or use GatewayImplementation.envoyAiGateway(), which sets it on every streamed request');
        }
        break;
      default:
        renderHttpRouteTenant(model, tenant);
    }
  }

  /** Routes the tenant's host to a model the gateway knows (Envoy: body `model`; Kuadrant and F5: `/llm/<model>/...`). */
  public routeModel(modelName: string): void {
    const pool = this.gateway._poolOf(this, modelName);
    const owner = this.gateway._tenantOwning(pool.namespaceName);
    if (owner && owner !== this) {
      invalid(this, `tenant ${this.tenantName} routes model ${modelName} to pool ${pool.poolName} of tenant ${owner.tenantName} (namespace ${pool.namespaceName}); `
        + 'a tenant reaches only its own pools and shared ones: serve shared models from a namespace of no tenant');
    }
    if (pool.namespaceName !== this.namespaceName && !this.gateway._hasGrant(pool, this)) {
      invalid(this, `route of tenant ${this.tenantName} in namespace ${this.namespaceName} reaches pool ${pool.poolName} in namespace ${pool.namespaceName} without a ReferenceGrant; `
        + 'call gateway.grantPoolAccess(pool, tenant) first');
    }
    this.gateway._claim(this, this.hostname, `/llm/${modelName}`, `route ${modelName} of tenant ${this.tenantName}`);
    // one rule per model: an AIGatewayRoute holds at most 15 rules (the controller adds a catch-all, envoyproxy/ai-gateway
    // v1.1.0 api/v1beta1/ai_gateway_route.go), an HTTPRoute 16 (kubernetes-sigs/gateway-api v1.6.1
    // config/crd/standard/gateway.networking.k8s.io_httproutes.yaml, spec.rules maxItems)
    const envoy = this.gateway.implementation.kind === GatewayImplementationKind.ENVOY_AI_GATEWAY;
    const maxRules = envoy ? 15 : 16;
    if (this.routes.length >= maxRules) {
      invalid(this, `tenant ${this.tenantName} routes ${this.routes.length + 1} models, but its ${envoy ? 'AIGatewayRoute' : 'HTTPRoute'} holds at most ${maxRules} rules (one per model); `
        + 'serve the models under fewer names or split them over two tenants');
    }
    this.routes.push({ modelName, pool });
    this.gateway._isolatePool(pool);
  }

  /**
   * The OpenAI base URL a client of this tenant configures for a model it routes (the SDK appends
   * `/chat/completions`). Envoy AI Gateway routes on the body's `model`, so every model shares
   * `https://<host>/v1`; Kuadrant and F5 route on the path: `https://<host>/llm/<model>/v1`.
   */
  public baseUrlOf(modelName: string): string {
    if (!this.routes.some((r) => r.modelName === modelName)) {
      const routed = this.routes.map((r) => r.modelName).sort();
      invalid(this, `tenant ${this.tenantName} does not route model ${modelName} (routes: ${routed.length ? routed.join(', ') : 'none'}); call tenant.routeModel(name) first`);
    }
    return this.gateway.implementation.kind === GatewayImplementationKind.ENVOY_AI_GATEWAY
      ? `https://${this.hostname}/v1`
      : `https://${this.hostname}/llm/${modelName}/v1`;
  }

  /** An MCP server behind the tenant's hostname (`/mcp`) and authentication (Envoy AI Gateway MCPRoute). */
  public addMcpServer(options: McpServerOptions): void {
    const model = this.gateway._model();
    if (model.implementation.kind !== GatewayImplementationKind.ENVOY_AI_GATEWAY) {
      invalid(this, `MCP routes need Envoy AI Gateway (MCPRoute); ${model.implementation.displayName} has none: use GatewayImplementation.envoyAiGateway()`);
    }
    if (this.mcp) invalid(this, `tenant ${this.tenantName} already has an MCP route; one MCPRoute aggregates its servers`);
    if (!isDnsLabel(options.serviceName)) invalid(this, `MCP serviceName ${JSON.stringify(options.serviceName)} must be a DNS label`);
    if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65535) invalid(this, `MCP port ${options.port} must be an integer from 1 to 65535`);
    const backendPath = options.backendPath ?? '/mcp';
    if (!backendPath.startsWith('/')) invalid(this, `MCP backendPath ${JSON.stringify(backendPath)} must start with /`);
    this.gateway._claim(this, this.hostname, '/mcp', `MCP route of tenant ${this.tenantName}`);
    this.mcp = true;
    renderEnvoyMcpRoute(model, {
      scope: this,
      tenantName: this.tenantName,
      namespaceName: this.namespaceName,
      hostname: this.hostname,
      listenerName: this.listenerName,
      routeName: this.routeName,
      authentication: this.authentication,
      apiKeySecretName: this.authentication.secretName ?? `${this.tenantName}-api-keys`,
      limits: this.limits,
      plans: this.plans,
      routes: this.routes,
    }, options.serviceName, options.port, backendPath);
  }

  /** @internal */
  public _routes(): ModelRouteModel[] {
    return this.routes;
  }

  /** @internal */
  public _hasMcp(): boolean {
    return this.mcp;
  }

  private checkLimits(implementation: GatewayImplementation, what: string, l: TenantRateLimits): void {
    const prefix = what === 'limits' ? '' : `${what}: `;
    const positive = (name: string, v: number | undefined) => {
      if (v !== undefined && (!Number.isInteger(v) || v < 1 || v > 4294967295)) invalid(this, `${prefix}${name} ${v} must be a positive integer (at most 2^32-1)`);
    };
    positive('requestsPerMinute', l.requestsPerMinute);
    positive('tokensPerMinute', l.tokensPerMinute);
    positive('tokensPerDay', l.tokensPerDay);
    if (l.tokensPerMinute !== undefined && l.tokensPerDay !== undefined && l.tokensPerDay < l.tokensPerMinute) {
      invalid(this, `${prefix}tokensPerDay ${l.tokensPerDay} is below tokensPerMinute ${l.tokensPerMinute}; a day's budget holds at least a minute's`);
    }
    if ((l.tokensPerMinute !== undefined || l.tokensPerDay !== undefined) && !implementation.countsTokens) {
      invalid(this, `tenant ${this.tenantName} has a token limit, but ${implementation.displayName} cannot count LLM tokens through a publicly documented API; `
        + 'drop tokensPerMinute and tokensPerDay or use GatewayImplementation.envoyAiGateway() or kuadrant()');
    }
  }

  private checkPlans(implementation: GatewayImplementation): void {
    if (this.plans.length === 0) return;
    if (implementation.kind === GatewayImplementationKind.F5_BIG_IP_NEXT) {
      invalid(this, `tenant ${this.tenantName} has caller plans, but the F5 BIG-IP Next profile renders no limits; use GatewayImplementation.envoyAiGateway() or kuadrant()`);
    }
    const names = new Set<string>();
    const owner = new Map<string, string>();
    for (const plan of this.plans) {
      if (!isDnsLabel(plan.planName) || plan.planName.length > 40) invalid(this, `plan name ${JSON.stringify(plan.planName)} must be a DNS label of at most 40 characters`);
      if (names.has(plan.planName)) invalid(this, `plan ${plan.planName} is listed twice`);
      names.add(plan.planName);
      if (plan.clientIds.length === 0) invalid(this, `plan ${plan.planName} names no callers; give it clientIds`);
      for (const id of plan.clientIds) {
        if (!CLIENT_ID.test(id)) invalid(this, `plan ${plan.planName}: client id ${JSON.stringify(id)} must be 1 to 253 letters, digits, '-', '.', '_', '@' or ':'`);
        const other = owner.get(id);
        if (other) invalid(this, `client id ${id} is on plans ${other} and ${plan.planName}; a caller is on one plan`);
        owner.set(id, plan.planName);
      }
      this.checkLimits(implementation, `plan ${plan.planName}`, plan.limits);
    }
    // Envoy matches the callers with one regular expression per rule, a header value of at most 1024 characters
    // (BackendTrafficPolicy rateLimit.global.rules[].clientSelectors[].headers[].value)
    const all = callerPattern([...owner.keys()]);
    if (implementation.kind === GatewayImplementationKind.ENVOY_AI_GATEWAY && all.length > 1024) {
      invalid(this, `the plans of tenant ${this.tenantName} name ${owner.size} callers, a pattern of ${all.length} characters; Envoy Gateway takes at most 1024: `
        + 'move groups of callers to tenants of their own');
    }
  }

  private checkAuthentication(): void {
    if (this.authentication.kind === GatewayAuthenticationKind.JWT) {
      const jwt = this.authentication.jwtOptions!;
      for (const [name, url] of [['issuerUrl', jwt.issuerUrl], ['jwksUrl', jwt.jwksUrl]]) {
        if (!/^https:\/\/[^\s/]+/.test(url)) invalid(this, `JWT ${name} ${JSON.stringify(url)} must be an https URL`);
      }
    } else if (this.authentication.secretName !== undefined && !isDnsSubdomain(this.authentication.secretName)) {
      invalid(this, `API key secretName ${JSON.stringify(this.authentication.secretName)} must be a DNS subdomain`);
    }
  }

  private renderCertificate(model: GatewayModel, tls: GatewayTls): void {
    if (tls.source === GatewayTlsSource.EXISTING_SECRET) return;
    const issuerName = tls.source === GatewayTlsSource.PRIVATE_CA ? `${model.gatewayName}-ca` : tls.issuerName!;
    if (tls.source === GatewayTlsSource.PRIVATE_CA) ensureCaIssuer(this.gateway, issuerName, tls.secretName!);
    if (model.implementation.kind === GatewayImplementationKind.KUADRANT) {
      // Kuadrant's TLSPolicy makes the Certificate of every listener from the listener's hostname and certificateRefs
      renderKuadrantTlsPolicy(model, issuerName, tls.issuerKind!);
      return;
    }
    new (bindings.certManager().Certificate)(this, 'Certificate', {
      metadata: { name: this.certificateSecretName, namespace: model.namespaceName },
      spec: {
        secretName: this.certificateSecretName,
        dnsNames: [this.hostname],
        issuerRef: { group: CERT_MANAGER_GROUP, kind: tls.issuerKind!, name: issuerName },
        privateKey: {
          algorithm: bindings.certManager().CertificateSpecPrivateKeyAlgorithm.ECDSA,
          size: 256,
          rotationPolicy: bindings.certManager().CertificateSpecPrivateKeyRotationPolicy.ALWAYS,
        },
      },
    });
  }
}

/** One CA Issuer per gateway for `GatewayTls.privateCa` (cert-manager v1.21 `spec.ca.secretName`). */
function ensureCaIssuer(gateway: AiGateway, issuerName: string, caSecretName: string): void {
  if (gateway.node.tryFindChild('CaIssuer')) return;
  if (!isDnsSubdomain(caSecretName)) invalid(gateway, `CA secret name ${JSON.stringify(caSecretName)} must be a DNS subdomain`);
  new (bindings.certManager().Issuer)(gateway, 'CaIssuer', {
    metadata: { name: issuerName, namespace: gateway.namespaceName },
    spec: { ca: { secretName: caSecretName } },
  });
}
