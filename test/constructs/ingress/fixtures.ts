/**
 * A small AI factory cluster side for the gateway tests: an L40S + BlueField-3 node pool, a gateway chart in namespace
 * `ai-gateway`, and model servers (vLLM behind an InferencePool) in the namespaces the tests ask for.
 */
import { App, Chart, Testing } from 'cdk8s';
import { GpuNodePool } from '../../../constructs/accelerators/gpu-node-pool';
import { AiGateway, AiGatewayProps, AiGatewayTenant, AiGatewayTenantOptions } from '../../../constructs/ingress/ai-gateway';
import { DataPlanePlacement, GatewayAuthentication, GatewayImplementation, GatewayTls } from '../../../constructs/ingress/options';
import { InferencePool } from '../../../constructs/serving/inference-pool';
import { VllmServer } from '../../../constructs/serving/vllm-server';
import { ServerProfile } from '../../../lib/hardware/server';
import { LlmModel } from '../../../lib/models/llm';

export const SERVER = ServerProfile.L40S_4GPU_BF3;

export class GatewayScenario {
  public readonly app: App;
  public readonly cluster: Chart;
  public readonly gatewayChart: Chart;
  public readonly l40s: GpuNodePool;
  /** The pools made by `servedModel`, by pool name. */
  public readonly pools = new Map<string, InferencePool>();
  private readonly charts = new Map<string, Chart>();
  private gw?: AiGateway;

  constructor() {
    this.app = Testing.app();
    this.cluster = new Chart(this.app, 'cluster', { disableResourceNameHashes: true });
    this.l40s = new GpuNodePool(this.cluster, 'L40S', { poolName: 'l40s-bf3', gpuModel: SERVER.requireGpuModel(), gpusPerNode: 4 });
    this.gatewayChart = new Chart(this.app, 'gateway', { namespace: 'ai-gateway', disableResourceNameHashes: true });
  }

  /** The gateway (created on first use with a private CA and Prometheus in `monitoring` unless `gateway(props)` says otherwise). */
  public gateway(props?: AiGatewayProps): AiGateway {
    if (!this.gw) {
      this.gw = new AiGateway(this.gatewayChart, 'Gateway', { tls: GatewayTls.privateCa('site-ca'), monitoringNamespaceName: 'monitoring', ...props });
    } else if (props) {
      throw new Error('gateway already created');
    }
    return this.gw;
  }

  /** A vLLM server behind an InferencePool named `poolName` in `namespaceName`. */
  public servedModel(namespaceName: string, poolName: string, model: LlmModel = LlmModel.LLAMA_3_1_8B): InferencePool {
    let chart = this.charts.get(namespaceName);
    if (!chart) {
      chart = new Chart(this.app, `serving-${namespaceName}`, { namespace: namespaceName, disableResourceNameHashes: true });
      this.charts.set(namespaceName, chart);
    }
    const pool = new InferencePool(chart, `Pool-${poolName}`, { poolName });
    new VllmServer(chart, `Server-${poolName}`, { model, pool: this.l40s, maxModelLen: 8192, inferencePool: pool, servedModelName: poolName });
    this.pools.set(poolName, pool);
    return pool;
  }

  /**
   * A tenant with its own model (pool `<name>-llm` in namespace `<name>`), API keys and a plan of 600 requests,
   * 200k tokens/min and 50M tokens/day, routed.
   */
  public tenant(name: string, options: Partial<AiGatewayTenantOptions> = {}): AiGatewayTenant {
    const gateway = this.gateway();
    const pool = this.servedModel(options.namespaceName ?? name, `${name}-llm`);
    gateway.addModel(`${name}-llm`, pool);
    const tenant = gateway.addTenant(name, {
      namespaceName: name,
      hostname: `${name}.ai.example.com`,
      authentication: GatewayAuthentication.apiKeys(),
      limits: { requestsPerMinute: 600, tokensPerMinute: 200_000, tokensPerDay: 50_000_000 },
      ...options,
    });
    tenant.routeModel(`${name}-llm`);
    return tenant;
  }

  /** Every Kubernetes object of every chart (runs the validations, like `app.synth()`). */
  public synth(): any[] {
    return this.app.charts.flatMap((c) => Testing.synth(c));
  }
}

/** The DPU placement on the scenario's L40S + BlueField-3 pool. */
export function dpuPlacement(s: GatewayScenario): DataPlanePlacement {
  return DataPlanePlacement.dpuNodes({ nodePool: s.l40s, server: SERVER });
}

/** Objects of a kind in a namespace. */
export function objectsIn(manifests: any[], kind: string, namespaceName: string): any[] {
  return manifests.filter((m) => m.kind === kind && m.metadata.namespace === namespaceName);
}

export const ENVOY = GatewayImplementation.envoyAiGateway();
export const KUADRANT = GatewayImplementation.kuadrant();
export const F5 = GatewayImplementation.f5BigIpNext({ gatewayClassName: 'f5-gateway' });

/** Runs `fn` and returns its result and the warnings it printed (`WARN [path]: message` on stdout, constructs/common/warnings.ts). */
export function capturingWarnings<T>(fn: () => T): { result: T; warnings: string[] } {
  const warnings: string[] = [];
  const spy = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    const line = args.join(' ');
    if (line.startsWith('WARN [')) warnings.push(line);
  });
  try {
    return { result: fn(), warnings };
  } finally {
    spy.mockRestore();
  }
}
