import { k8s } from 'cdk8s-plus-28';
import { ServerProfile } from '../../lib/hardware/server';
import { IGpuNodePool } from '../accelerators/gpu-node-pool';

/** Which gateway implementation renders an {@link AiGateway}. */
export enum GatewayImplementationKind {
  /** Envoy Gateway with Envoy AI Gateway (AIGatewayRoute, SecurityPolicy, BackendTrafficPolicy, MCPRoute). */
  ENVOY_AI_GATEWAY = 'envoy-ai-gateway',
  /** Kuadrant policies (AuthPolicy, RateLimitPolicy, TokenRateLimitPolicy, TLSPolicy) on an Envoy Gateway data plane. */
  KUADRANT = 'kuadrant',
  /** F5 BIG-IP Next for Kubernetes: only its publicly documented surface (Gateway API objects). */
  F5_BIG_IP_NEXT = 'f5-big-ip-next',
}

/** Options of {@link GatewayImplementation.envoyAiGateway} and {@link GatewayImplementation.kuadrant}. */
export interface EnvoyDataPlaneOptions {
  /**
   * GatewayClass whose controller is Envoy Gateway.
   * @default 'eg' - the class name of Envoy Gateway's quickstart and Helm chart
   */
  readonly gatewayClassName?: string;
  /**
   * Namespace where Envoy Gateway runs the proxies (the controller's namespace in its default deployment mode,
   * envoyproxy/gateway v1.9.0 `site/content/en/latest/tasks/operations/deployment-mode.md`).
   * @default 'envoy-gateway-system'
   */
  readonly dataPlaneNamespaceName?: string;
}

/** Options of {@link GatewayImplementation.f5BigIpNext}. */
export interface F5BigIpNextOptions {
  /** GatewayClass whose controller is F5's (F5 does not publish the controller name; create the class from F5's docs). */
  readonly gatewayClassName: string;
  /**
   * Namespace of the BIG-IP Next data plane (TMM).
   * @default 'f5-bnk' - as seen in F5 DevCentral labs, unverified against F5's documentation
   */
  readonly dataPlaneNamespaceName?: string;
}

/**
 * The gateway implementation an {@link AiGateway} is rendered for. Our API (tenants, models, limits, TLS, DPU placement)
 * stays the same; each implementation turns it into its own objects.
 */
export class GatewayImplementation {
  /**
   * Envoy Gateway v1.9 + Envoy AI Gateway v1.1 (the open default): an AIGatewayRoute per tenant with InferencePool
   * backends, SecurityPolicy (API keys or JWT), BackendTrafficPolicy global rate limits for requests and for tokens
   * (the AI Gateway writes token usage to the `io.envoy.ai_gateway` metadata namespace, the rate limit charges it as
   * response cost), ClientTrafficPolicy (TLS versions, stream timeouts) and MCPRoutes. Needs Envoy Gateway's global rate
   * limit service (Redis) enabled.
   */
  public static envoyAiGateway(options: EnvoyDataPlaneOptions = {}): GatewayImplementation {
    return new GatewayImplementation(GatewayImplementationKind.ENVOY_AI_GATEWAY, options.gatewayClassName ?? 'eg',
      options.dataPlaneNamespaceName ?? 'envoy-gateway-system', true);
  }

  /**
   * Kuadrant v1.5 (the policy layer of OpenShift AI's Models-as-a-Service) on an Envoy Gateway data plane: HTTPRoutes
   * per tenant (`/llm/<model>` rewritten to `/`), AuthPolicy, RateLimitPolicy, TokenRateLimitPolicy (counts
   * `usage.total_tokens` of OpenAI-style responses) and TLSPolicy.
   */
  public static kuadrant(options: EnvoyDataPlaneOptions = {}): GatewayImplementation {
    return new GatewayImplementation(GatewayImplementationKind.KUADRANT, options.gatewayClassName ?? 'eg',
      options.dataPlaneNamespaceName ?? 'envoy-gateway-system', true);
  }

  /**
   * F5 BIG-IP Next for Kubernetes, as a profile: renders the Gateway API objects it fronts (Gateway, HTTPRoutes,
   * certificates, NetworkPolicies) and warns that authentication, request limits and DPU placement go through F5's own
   * resources, which are not publicly documented. It cannot take token limits.
   */
  public static f5BigIpNext(options: F5BigIpNextOptions): GatewayImplementation {
    return new GatewayImplementation(GatewayImplementationKind.F5_BIG_IP_NEXT, options.gatewayClassName,
      options.dataPlaneNamespaceName ?? 'f5-bnk', false);
  }

  /** Which implementation. */
  public readonly kind: GatewayImplementationKind;
  /** The GatewayClass of the Gateway. */
  public readonly gatewayClassName: string;
  /** Namespace of the data-plane pods (the source the model pods' NetworkPolicy admits). */
  public readonly dataPlaneNamespaceName: string;
  /** Whether the implementation can count LLM tokens for token limits. */
  public readonly countsTokens: boolean;

  private constructor(kind: GatewayImplementationKind, gatewayClassName: string, dataPlaneNamespaceName: string, countsTokens: boolean) {
    this.kind = kind;
    this.gatewayClassName = gatewayClassName;
    this.dataPlaneNamespaceName = dataPlaneNamespaceName;
    this.countsTokens = countsTokens;
  }

  /** Human name, for messages. */
  public get displayName(): string {
    switch (this.kind) {
      case GatewayImplementationKind.ENVOY_AI_GATEWAY: return 'Envoy AI Gateway';
      case GatewayImplementationKind.KUADRANT: return 'Kuadrant';
      default: return 'F5 BIG-IP Next for Kubernetes';
    }
  }
}

/** Lowest TLS version the listeners accept. */
export enum TlsVersion {
  /** TLS 1.2 (the Envoy default minimum). */
  TLS_1_2 = '1.2',
  /** TLS 1.3 only. */
  TLS_1_3 = '1.3',
}

/** Kind of a cert-manager issuer. */
export enum CertIssuerKind {
  /** A namespaced Issuer in the gateway's namespace. */
  ISSUER = 'Issuer',
  /** A cluster-wide ClusterIssuer. */
  CLUSTER_ISSUER = 'ClusterIssuer',
}

/** How a listener gets its certificate. */
export enum GatewayTlsSource {
  /** cert-manager issues it from an existing Issuer or ClusterIssuer. */
  ISSUER = 'issuer',
  /** cert-manager issues it from a CA Issuer the gateway creates from a CA secret. */
  PRIVATE_CA = 'private-ca',
  /** An existing `kubernetes.io/tls` Secret in the gateway's namespace. */
  EXISTING_SECRET = 'existing-secret',
}

/** Where the HTTPS listeners' certificates come from. */
export class GatewayTls {
  /** cert-manager Certificates (one per tenant hostname) from an existing issuer. */
  public static fromIssuer(issuerName: string, issuerKind: CertIssuerKind = CertIssuerKind.CLUSTER_ISSUER): GatewayTls {
    return new GatewayTls(GatewayTlsSource.ISSUER, issuerName, issuerKind, undefined);
  }

  /**
   * A cert-manager CA Issuer (`spec.ca.secretName`) in the gateway's namespace, made from the site's CA key pair, and
   * Certificates from it: the usual choice for an on-premises factory with its own PKI.
   */
  public static privateCa(caSecretName: string): GatewayTls {
    return new GatewayTls(GatewayTlsSource.PRIVATE_CA, undefined, CertIssuerKind.ISSUER, caSecretName);
  }

  /** An existing TLS Secret in the gateway's namespace (e.g. a wildcard certificate). */
  public static existingSecret(secretName: string): GatewayTls {
    return new GatewayTls(GatewayTlsSource.EXISTING_SECRET, undefined, undefined, secretName);
  }

  /** Where the certificate comes from. */
  public readonly source: GatewayTlsSource;
  /** Issuer name (source `issuer`). */
  public readonly issuerName?: string;
  /** Issuer kind (sources `issuer` and `private-ca`). */
  public readonly issuerKind?: CertIssuerKind;
  /** The CA secret (source `private-ca`) or the certificate secret (source `existing-secret`). */
  public readonly secretName?: string;

  private constructor(source: GatewayTlsSource, issuerName?: string, issuerKind?: CertIssuerKind, secretName?: string) {
    this.source = source;
    this.issuerName = issuerName;
    this.issuerKind = issuerKind;
    this.secretName = secretName;
  }
}

/** Options of {@link GatewayAuthentication.apiKeys}. */
export interface ApiKeyOptions {
  /**
   * Envoy: the Opaque Secret in the tenant's namespace whose keys are client ids and values the API keys (without
   * `Bearer`). Kuadrant: the value of the label `ai-factory.dev/api-keys` on the key Secrets (each with an `api_key`
   * field, label `authorino.kuadrant.io/managed-by: authorino`) in Kuadrant's namespace.
   * @default '<tenant>-api-keys'
   */
  readonly secretName?: string;
}

/** Options of {@link GatewayAuthentication.jwt}. */
export interface JwtOptions {
  /** Issuer (`iss`) the tokens must carry, an https URL. */
  readonly issuerUrl: string;
  /** The issuer's JWKS endpoint, an https URL. */
  readonly jwksUrl: string;
  /**
   * Audiences (`aud`) accepted.
   * @default - any audience
   */
  readonly audiences?: string[];
}

/** How tenants' callers authenticate. */
export enum GatewayAuthenticationKind {
  /** API keys sent as `Authorization: Bearer <key>`. */
  API_KEYS = 'api-keys',
  /** JWTs from an OIDC issuer, sent as `Authorization: Bearer <jwt>`. */
  JWT = 'jwt',
}

/** How a tenant's callers prove who they are. Key values never appear in the output: they live in Secrets. */
export class GatewayAuthentication {
  /** API keys (`Authorization: Bearer <key>`), kept in Secrets the platform team fills. */
  public static apiKeys(options: ApiKeyOptions = {}): GatewayAuthentication {
    return new GatewayAuthentication(GatewayAuthenticationKind.API_KEYS, options.secretName, undefined);
  }

  /** JWTs from an OIDC issuer. */
  public static jwt(options: JwtOptions): GatewayAuthentication {
    return new GatewayAuthentication(GatewayAuthenticationKind.JWT, undefined, options);
  }

  /** Which mechanism. */
  public readonly kind: GatewayAuthenticationKind;
  /** API key secret name or label value, when set. */
  public readonly secretName?: string;
  /** JWT settings, for JWT. */
  public readonly jwtOptions?: JwtOptions;

  private constructor(kind: GatewayAuthenticationKind, secretName?: string, jwt?: JwtOptions) {
    this.kind = kind;
    this.secretName = secretName;
    this.jwtOptions = jwt ? { ...jwt, audiences: jwt.audiences ? [...jwt.audiences] : undefined } : undefined;
  }
}

/** A tenant's plan: how much it may send, counted for the whole tenant (an API key group is a tenant of its own). */
export interface TenantRateLimits {
  /** Requests per minute. */
  readonly requestsPerMinute: number;
  /**
   * LLM tokens (prompt + completion, `usage.total_tokens`) per minute.
   * @default - no per-minute token limit
   */
  readonly tokensPerMinute?: number;
  /**
   * LLM tokens per day.
   * @default - no daily token limit
   */
  readonly tokensPerDay?: number;
}

/**
 * A plan for a group of a tenant's callers (a tier such as `gold`): the callers it names share its limits instead
 * of the tenant's. Callers of no plan share the tenant's `limits`.
 */
export interface CallerPlan {
  /** Name of the plan, a DNS label of at most 40 characters. */
  readonly planName: string;
  /**
   * The callers on the plan. API keys: the client id of each key (Envoy: the key's name in the tenant's key Secret;
   * Kuadrant: the name of the key's Secret). JWT: the token's `sub`.
   */
  readonly clientIds: string[];
  /** What the group may send, counted for the group as a whole. */
  readonly limits: TenantRateLimits;
}

/** Props of {@link DataPlanePlacement.dpuNodes}. */
export interface DpuPlacementProps {
  /** The node pool whose nodes carry the DPU (its node selector and tolerations pin the data plane). */
  readonly nodePool: IGpuNodePool;
  /** The server profile of the pool's nodes; it must have a DPU of `dpuModel`. */
  readonly server: ServerProfile;
  /**
   * DPU model the server must have.
   * @default 'BlueField-3'
   */
  readonly dpuModel?: string;
}

/** Where the gateway's data plane runs. */
export class DataPlanePlacement {
  /**
   * On the nodes of a pool whose servers have a DPU: the data-plane pods get the pool's node selector and tolerations,
   * so their network path (OVN/OVS datapath, VF representors, the `remote-managed` ports) runs on the BlueField and the
   * host keeps its cores for the GPUs. The L7 work (TLS, HTTP, auth) of an Envoy data plane still runs on host cores:
   * the per-replica host-CPU budget bounds it.
   */
  public static dpuNodes(props: DpuPlacementProps): DataPlanePlacement {
    return new DataPlanePlacement(props);
  }

  /** Wherever the scheduler puts it (no DPU offload). */
  public static anyNode(): DataPlanePlacement {
    return new DataPlanePlacement(undefined);
  }

  /** The DPU placement, when the data plane is pinned to DPU nodes. */
  public readonly dpu?: DpuPlacementProps;

  private constructor(dpu: DpuPlacementProps | undefined) {
    this.dpu = dpu;
  }

  /** Node selector of the data-plane pods. */
  public get nodeSelector(): { [key: string]: string } {
    return this.dpu ? { ...this.dpu.nodePool.nodeSelector } : {};
  }

  /** Tolerations of the data-plane pods. */
  public get tolerations(): k8s.Toleration[] {
    return this.dpu ? this.dpu.nodePool.tolerations.map((t) => ({ ...t })) : [];
  }
}
