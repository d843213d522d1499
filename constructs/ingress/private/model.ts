/**
 * What the renderers of each gateway implementation see: plain data of the gateway and its tenants. Not jsii API.
 */
import { IConstruct } from 'constructs';
import { NetworkAdapterKind, ServerProfile } from '../../../lib/hardware/server';
import { IInferencePool } from '../../serving/inference-pool';
import {
  CallerPlan,
  DataPlanePlacement,
  GatewayAuthentication,
  GatewayImplementation,
  GatewayImplementationKind,
  GatewayTls,
  TenantRateLimits,
  TlsVersion,
} from '../options';

export const GATEWAY_GROUP = 'gateway.networking.k8s.io';
export const CERT_MANAGER_GROUP = 'cert-manager.io';
/** Header the gateway sets to the authenticated caller (API key client id or JWT `sub`); never trusted from clients. */
export const CLIENT_ID_HEADER = 'x-ai-factory-client-id';

export interface GatewayModel {
  readonly scope: IConstruct;
  readonly gatewayName: string;
  readonly namespaceName: string;
  readonly implementation: GatewayImplementation;
  readonly minTlsVersion: TlsVersion;
  readonly placement: DataPlanePlacement;
  readonly replicas: number;
  readonly cpuCores: number;
  readonly memoryGib: number;
  readonly requestTimeoutSeconds: number;
  readonly streamIdleTimeoutSeconds: number;
  readonly tls?: GatewayTls;
}

export interface ModelRouteModel {
  readonly modelName: string;
  readonly pool: IInferencePool;
}

export interface TenantModel {
  readonly scope: IConstruct;
  readonly tenantName: string;
  readonly namespaceName: string;
  readonly hostname: string;
  readonly listenerName: string;
  readonly routeName: string;
  readonly authentication: GatewayAuthentication;
  readonly apiKeySecretName: string;
  readonly limits: TenantRateLimits;
  /** Caller plans; callers of none are on `limits`. */
  readonly plans: CallerPlan[];
  /** Filled as the tenant routes models; renderers read it lazily. */
  readonly routes: ModelRouteModel[];
}

/** The DPU adapters of a server profile that are of a model. */
export function dpusOf(server: ServerProfile, model: string): string[] {
  return server.adaptersOfKind(NetworkAdapterKind.DPU).filter((a) => a.model === model).map((a) => a.name);
}

/**
 * Labels of the pods Envoy Gateway runs for a Gateway: `EnvoyAppLabel()` plus the owning-gateway labels
 * (envoyproxy/gateway v1.9.0 `internal/infrastructure/kubernetes/proxy/resource.go`, `internal/gatewayapi/translator.go`).
 * F5's data-plane pod labels are not published: undefined (the whole data-plane namespace is admitted).
 */
export function envoyProxyPodLabels(gw: GatewayModel): { [key: string]: string } | undefined {
  if (gw.implementation.kind === GatewayImplementationKind.F5_BIG_IP_NEXT) return undefined;
  return {
    'app.kubernetes.io/name': 'envoy',
    'app.kubernetes.io/component': 'proxy',
    'app.kubernetes.io/managed-by': 'envoy-gateway',
    'gateway.envoyproxy.io/owning-gateway-name': gw.gatewayName,
    'gateway.envoyproxy.io/owning-gateway-namespace': gw.namespaceName,
  };
}

/** The labels of a pool's model server pods, or undefined when the pool names none. */
export function poolPodLabels(pool: IInferencePool): { [key: string]: string } | undefined {
  const labels = pool.podSelectorLabels;
  return Object.keys(labels).length > 0 ? { ...labels } : undefined;
}

/** A backendRef to a pool from a route in `routeNamespace` (namespace only when it crosses). */
export function poolRef(pool: IInferencePool, routeNamespace: string): { group: string; kind: string; name: string; namespace?: string } {
  return {
    group: pool.apiGroup,
    kind: pool.kind,
    name: pool.poolName,
    namespace: pool.namespaceName !== routeNamespace ? pool.namespaceName : undefined,
  };
}

/** A caller's client id (API key name, key Secret name or JWT `sub`): what the plans' patterns and predicates may hold. */
export const CLIENT_ID = /^[A-Za-z0-9@:_.-]{1,253}$/;

/** An RE2 pattern matching exactly these client ids (`.` escaped; CLIENT_ID admits no other metacharacter). */
export function callerPattern(clientIds: string[]): string {
  return `^(${[...clientIds].sort().map((id) => id.replace(/\./g, '\\.')).join('|')})$`;
}

/** A CEL list literal of client ids. */
export function celList(clientIds: string[]): string {
  return `[${[...clientIds].sort().map((id) => JSON.stringify(id)).join(', ')}]`;
}
