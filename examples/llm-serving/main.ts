/**
 * LLM serving: four ways to serve a model on a factory's GPU nodes, each sized by the planner.
 *
 * Cluster side only (Kubernetes YAML, `dist/llm-serving.k8s.yaml` for the servers, `dist/llm-serving-cluster.k8s.yaml`
 * for the InfiniBand fabric); the nodes come from the cluster and accelerator constructs (Magnum node groups, GPU
 * operator), described here as GPU node pools:
 *   - Llama 3.1 8B on one L40S, autoscaled by KEDA on queue depth and KV-cache usage;
 *   - Llama 3.1 70B with tensor parallelism on H100s (the planner picks TP=4 at 32K context), behind an llm-d
 *     InferencePool with prefix-cache and load-aware routing and two priorities;
 *   - Llama 3.1 405B in BF16 across two 8× H100 nodes (TP=8 × PP=2) as a LeaderWorkerSet over the RDMA fabric, the
 *     weights from the tenant's model store share;
 *   - Llama 3.1 70B disaggregated into prefill and decode pods that move the KV cache with NIXL over RDMA.
 *
 * Secrets `hf-token` (key `token`) and `vllm-api-key` (key `key`) are created out of band.
 *
 *   npm run synth -- llm-serving      # from the repository root
 */
import * as path from 'path';
import * as cdk8s from 'cdk8s';
import {
  GpuModel,
  GpuNodePool,
  InferencePool,
  InfinibandFabric,
  LlmModel,
  ModelSource,
  ServingChart,
  ServingRole,
  VllmServer,
} from 'cdk-ai-factory';

/** Builds and synthesizes the example into `outdir` (dist/). */
export function synth(outdir: string = __dirname): void {
  const app = new cdk8s.App({ outdir: path.join(outdir, 'dist') });

  const hub = ModelSource.huggingFace({ tokenSecret: { secretName: 'hf-token', key: 'token' } });
  const apiKey = { secretName: 'vllm-api-key', key: 'key' };
  const prometheus = 'http://prometheus-operated.monitoring:9090';

  // The cluster side the servers land on (its own chart, `dist/llm-serving-cluster.k8s.yaml`): an InfiniBand fabric
  // with one rail per H100 (NVIDIA network operator, IPoIB networks), whole-L40S nodes and 8× H100 SXM nodes on the
  // fabric. See examples/gpu-cluster for the full GPU stack (GPU operator, MIG layouts, Kueue).
  const cluster = new cdk8s.Chart(app, 'llm-serving-cluster', { disableResourceNameHashes: true });
  const fabric = new InfinibandFabric(cluster, 'H100Fabric', {
    fabricName: 'h100-ib',
    rails: [0, 1, 2, 3, 4, 5, 6, 7].map((i) => ({ interfaceName: `ibp${i}s0`, hcaName: `mlx5_${i}` })),
  });
  const l40s = new GpuNodePool(cluster, 'L40S', { poolName: 'l40s', gpuModel: GpuModel.L40S_48GB, gpusPerNode: 4, nodeCount: 2 });
  const h100 = new GpuNodePool(cluster, 'H100', {
    poolName: 'h100',
    gpuModel: GpuModel.H100_SXM5_80GB,
    gpusPerNode: 8,
    nodeCount: 6,
    rdma: fabric.attachment,
  });

  const chart = new ServingChart(app, 'llm-serving', { namespaceName: 'llm' });

  // 1. an 8B model on one L40S, scaled between 1 and 4 replicas
  const small = new VllmServer(chart, 'Llama8B', { model: LlmModel.LLAMA_3_1_8B, pool: l40s, maxModelLen: 16384, modelSource: hub, apiKey });
  small.autoscale({ minReplicas: 1, maxReplicas: 4, prometheusServerAddress: prometheus });

  // 2. 70B with tensor parallelism behind an llm-d InferencePool
  const pool70b = new InferencePool(chart, 'Llama70BPool', { poolName: 'llama-70b' });
  new VllmServer(chart, 'Llama70B', {
    model: LlmModel.LLAMA_3_1_70B, pool: h100, maxModelLen: 32768, modelSource: hub, apiKey, inferencePool: pool70b, replicas: 2,
  });
  pool70b.addObjective('interactive', { priority: 10 });
  pool70b.addObjective('batch', { priority: -1 });

  // 3. 405B in BF16 does not fit one 8× H100 node: two nodes per replica, weights from the model store share
  const big = new VllmServer(chart, 'Llama405B', {
    model: LlmModel.LLAMA_3_1_405B,
    pool: h100,
    maxNodesPerReplica: 2,
    maxModelLen: 32768,
    modelSource: ModelSource.persistentVolumeClaim('model-store', 'meta-llama/Llama-3.1-405B-Instruct'),
    apiKey,
  });
  big.autoscale({ minReplicas: 1, maxReplicas: 2, prometheusServerAddress: prometheus });

  // 4. prefill/decode disaggregation: the endpoint picker sends long uncached prompts to a prefill pod first
  const pd = new InferencePool(chart, 'Llama70BPdPool', { poolName: 'llama-70b-pd', disaggregated: true });
  const pdServer = {
    model: LlmModel.LLAMA_3_1_70B,
    pool: h100,
    maxModelLen: 32768,
    modelSource: hub,
    apiKey,
    inferencePool: pd,
    servedModelName: 'llama-3.1-70b-pd',
    // P/D moves the KV cache with NIXL, which the default upstream vLLM image ships
  };
  new VllmServer(chart, 'Llama70BPrefill', { ...pdServer, role: ServingRole.PREFILL, replicas: 2 });
  new VllmServer(chart, 'Llama70BDecode', { ...pdServer, role: ServingRole.DECODE });

  app.synth();
}

if (require.main === module) {
  synth();
}
