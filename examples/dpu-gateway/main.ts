/**
 * DPU gateway: one AI gateway for two tenants, its data plane on the BlueField-3 DPUs of host-scale L40S servers.
 *
 * OpenStack side (Terraform JSON, `cdktf.out/stacks/dpu-gateway/cdk.tf.json`):
 *   - a network site whose Geneve overlay is served by BlueField-3 DPUs (`remote_managed` VFs),
 *   - one project and tenant network per tenant,
 *   - `remote-managed` ports for the gateway's data-plane replicas on both tenant networks, HTTPS in only.
 * Cluster side (Kubernetes YAML), once per gateway implementation (the two sets are alternatives, not both at once):
 *   - `dist/envoy-ai-gateway/`: Envoy Gateway + Envoy AI Gateway,
 *   - `dist/kuadrant/`: Kuadrant on an Envoy Gateway data plane.
 *   Each set holds the L40S node pool, each tenant's model (vLLM behind an llm-d InferencePool in the tenant's
 *   namespace) and the gateway: an HTTPS listener, certificate, API keys, request and token limits per tenant, the
 *   data plane pinned to the DPU servers, and NetworkPolicies that let only the gateway (and Prometheus in
 *   `monitoring`) reach the models. On Envoy AI Gateway team-a also gets an MCP route (`/mcp`, its tool servers)
 *   behind the same API keys, and its nightly evaluation job a plan of its own (its key is `nightly-eval`: on Envoy
 *   the key's name in `team-a-api-keys`, on Kuadrant the name of its key Secret).
 *
 * Created out of band: the site CA Secret `site-ca` (cert-manager), the API key Secrets (`team-a-api-keys`,
 * `team-b-api-keys`; on Envoy AI Gateway a copy of `team-a-api-keys` in `ai-gateway` for the MCP route), `hf-token`,
 * team-a's MCP server Service `team-a-tools` in `ai-gateway`; Envoy Gateway installed with its global rate limit
 * service (Redis); Prometheus in `monitoring`.
 *
 *   npx cdktf synth          # from this folder (or `npm run synth` at the repository root)
 */
import * as path from 'path';
import * as cdk8s from 'cdk8s';
import { App } from 'cdktf';
import {
  AiGateway,
  AiGatewayPorts,
  CallerPlan,
  DataPlanePlacement,
  FactoryStack,
  GatewayAuthentication,
  GatewayImplementation,
  GatewayImplementationKind,
  GatewayTls,
  GpuNodePool,
  InferencePool,
  LlmModel,
  ModelSource,
  NetworkSite,
  Peer,
  Project,
  SecurityGroup,
  ServerProfile,
  ServingChart,
  TenantNetwork,
  TlsVersion,
  TrafficPort,
  VllmServer,
} from 'cdk-ai-factory';

/** The nightly evaluation job of team-a: few requests, a large daily token budget, not counted with the team. */
const BATCH_PLAN: CallerPlan = { planName: 'batch', clientIds: ['nightly-eval'], limits: { requestsPerMinute: 30, tokensPerMinute: 1_000_000, tokensPerDay: 200_000_000 } };
/** The two tenants: each its own model, hostname, key Secret and plan. */
interface TenantSpec {
  readonly name: string;
  readonly model: LlmModel;
  readonly modelName: string;
  readonly requestsPerMinute: number;
  readonly tokensPerMinute: number;
  readonly tokensPerDay: number;
  readonly plans: CallerPlan[];
}
const TENANTS: TenantSpec[] = [
  { name: 'team-a', model: LlmModel.LLAMA_3_1_8B, modelName: 'llama-3-1-8b', requestsPerMinute: 600, tokensPerMinute: 200_000, tokensPerDay: 50_000_000, plans: [BATCH_PLAN] },
  { name: 'team-b', model: LlmModel.QWEN_2_5_7B, modelName: 'qwen-2-5-7b', requestsPerMinute: 300, tokensPerMinute: 100_000, tokensPerDay: 20_000_000, plans: [] },
];
const DOMAIN = 'ai.factory.example';
const REPLICAS = 2;

/** Builds and synthesizes the example into `outdir` (cdktf.out/ and dist/). */
export function synth(outdir: string = __dirname): void {
  const app = new App({ outdir: process.env.CDKTF_OUTDIR || path.join(outdir, 'cdktf.out'), stackTraces: false });
  const stack = new FactoryStack(app, 'dpu-gateway', { cloud: 'openstack' });
  const site = new NetworkSite(stack, 'Site', {
    tenantSupernet: '10.64.0.0/10',
    overlayUnderlayMtuBytes: 9000,
    overlayRemoteManaged: true, // the BlueField-3 of every L40S server serves the overlay
  });
  const networks = TENANTS.map((t) => {
    const project = new Project(stack, `${t.name}-project`, { projectName: t.name, description: `AI tenant ${t.name}` });
    return new TenantNetwork(stack, `${t.name}-net`, { tenant: site.addTenant(t.name, { project }), networkName: `${t.name}-models`, dnsNameservers: ['10.64.0.53'] });
  });
  const https = new SecurityGroup(stack, 'GatewayHttps', { groupName: 'ai-gateway-https' });
  https.allowFrom(Peer.anyIpv4(), TrafficPort.tcp(443), { description: 'tenants\' inference API' });
  new AiGatewayPorts(stack, 'GatewayPorts', { networks, replicas: REPLICAS, securityGroups: [https], namePrefix: 'ai-gateway' });
  app.synth();

  clusterSide(path.join(outdir, 'dist', 'envoy-ai-gateway'), GatewayImplementation.envoyAiGateway());
  clusterSide(path.join(outdir, 'dist', 'kuadrant'), GatewayImplementation.kuadrant());
}

/** The cluster side for one gateway implementation. */
function clusterSide(outdir: string, implementation: GatewayImplementation): void {
  const k8s = new cdk8s.App({ outdir });
  const server = ServerProfile.L40S_4GPU_BF3;
  const cluster = new cdk8s.Chart(k8s, 'dpu-gateway-cluster', { disableResourceNameHashes: true });
  const l40s = new GpuNodePool(cluster, 'L40S', { poolName: 'l40s-bf3', gpuModel: server.requireGpuModel(), gpusPerNode: server.gpuNumaNodes.length, nodeCount: 4 });

  const gatewayChart = new cdk8s.Chart(k8s, 'dpu-gateway', { namespace: 'ai-gateway', disableResourceNameHashes: true });
  const gateway = new AiGateway(gatewayChart, 'Gateway', {
    implementation,
    tls: GatewayTls.privateCa('site-ca'),
    minTlsVersion: TlsVersion.TLS_1_2,
    dataPlane: DataPlanePlacement.dpuNodes({ nodePool: l40s, server }),
    replicas: REPLICAS,
    hostCpuCoresPerReplica: 2,
    monitoringNamespaceName: 'monitoring',
  });

  for (const t of TENANTS) {
    const serving = new ServingChart(k8s, `dpu-gateway-${t.name}`, { namespaceName: t.name });
    const pool = new InferencePool(serving, 'Pool', { poolName: t.modelName });
    new VllmServer(serving, 'Server', {
      model: t.model,
      pool: l40s,
      maxModelLen: 16384,
      inferencePool: pool,
      // clients send "model": "<modelName>"; vLLM must serve it under that name
      servedModelName: t.modelName,
      modelSource: ModelSource.huggingFace({ tokenSecret: { secretName: 'hf-token', key: 'token' } }),
    });
    gateway.addModel(t.modelName, pool);
    const tenant = gateway.addTenant(t.name, {
      namespaceName: t.name,
      hostname: `${t.name}.${DOMAIN}`,
      authentication: GatewayAuthentication.apiKeys({ secretName: `${t.name}-api-keys` }),
      limits: { requestsPerMinute: t.requestsPerMinute, tokensPerMinute: t.tokensPerMinute, tokensPerDay: t.tokensPerDay },
      plans: t.plans,
    });
    tenant.routeModel(t.modelName);
    // agentic traffic next to the model: MCPRoute is Envoy AI Gateway's (Kuadrant has no MCP route)
    if (t.name === 'team-a' && implementation.kind === GatewayImplementationKind.ENVOY_AI_GATEWAY) {
      tenant.addMcpServer({ serviceName: 'team-a-tools', port: 8080 });
    }
  }
  k8s.synth();
}

if (require.main === module) {
  synth();
}
