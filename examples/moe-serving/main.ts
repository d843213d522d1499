/**
 * Mixture-of-experts serving, LoRA adapters behind the gateway, and an AMD pool, each sized by the planner.
 *
 * Cluster side only (Kubernetes YAML: `dist/moe-serving.k8s.yaml` for the servers, `dist/moe-serving-cluster.k8s.yaml`
 * for the InfiniBand fabric and the AMD GPU Operator's DeviceConfig):
 *   - DeepSeek-R1 (671 B, FP8, MLA) with llm-d's wide expert parallelism: 16 data-parallel attention ranks with the
 *     256 experts spread over all 16 GPUs of two 8× H100 nodes (TP=1 × DP=16, EP=16), one LeaderWorkerSet group whose
 *     pods reach each other over the RDMA rails;
 *   - Llama 3.1 8B with two LoRA adapters behind an llm-d InferencePool: clients pick `support-bot` or `sql-writer`
 *     as the model; the adapters' slots come out of the KV budget;
 *   - Llama 3.1 70B on one AMD Instinct MI300X (192 GB holds the BF16 weights) with AMD's ROCm build of vLLM, next
 *     to an MI300X pool split into CPX partitions by the AMD GPU Operator.
 *
 * Secret `hf-token` (key `token`) is created out of band. deviceGroupIds are the video and render group ids of the
 * AMD nodes (`getent group video render` on a node).
 *
 *   npm run synth -- moe-serving      # from the repository root
 */
import * as path from 'path';
import * as cdk8s from 'cdk8s';
import {
  AmdComputePartition,
  AmdGpuNodePool,
  AmdGpuOperator,
  AmdMemoryPartition,
  GpuModel,
  GpuNodePool,
  InferencePool,
  InfinibandFabric,
  LlmModel,
  ModelSource,
  ServingChart,
  VllmServer,
} from 'cdk-ai-factory';

/** Builds and synthesizes the example into `outdir` (dist/). */
export function synth(outdir: string = __dirname): void {
  const app = new cdk8s.App({ outdir: path.join(outdir, 'dist') });
  const hub = ModelSource.huggingFace({ tokenSecret: { secretName: 'hf-token', key: 'token' } });

  // the cluster side: an eight-rail InfiniBand fabric under 8× H100 nodes, and two MI300X pools (whole GPUs; CPX)
  const cluster = new cdk8s.Chart(app, 'moe-serving-cluster', { disableResourceNameHashes: true });
  const fabric = new InfinibandFabric(cluster, 'H100Fabric', {
    fabricName: 'h100-ib',
    rails: [0, 1, 2, 3, 4, 5, 6, 7].map((i) => ({ interfaceName: `ibp${i}s0`, hcaName: `mlx5_${i}` })),
  });
  const h100 = new GpuNodePool(cluster, 'H100', { poolName: 'h100', gpuModel: GpuModel.H100_SXM5_80GB, gpusPerNode: 8, nodeCount: 4, rdma: fabric.attachment });
  const mi300x = new AmdGpuNodePool(cluster, 'MI300X', { poolName: 'mi300x', gpuModel: GpuModel.MI300X_192GB, gpusPerNode: 8, nodeCount: 2 });
  const mi300xCpx = new AmdGpuNodePool(cluster, 'MI300XCpx', {
    poolName: 'mi300x-cpx',
    gpuModel: GpuModel.MI300X_192GB,
    gpusPerNode: 8,
    computePartition: AmdComputePartition.CPX,
    memoryPartition: AmdMemoryPartition.NPS4,
  });
  new AmdGpuOperator(cluster, 'AmdGpuOperator', { pools: [mi300x, mi300xCpx] });

  const chart = new ServingChart(app, 'moe-serving', { namespaceName: 'llm' });

  // 1. DeepSeek-R1 does not fit one 8× H100 node: wide EP across two
  new VllmServer(chart, 'DeepSeekR1', { model: LlmModel.DEEPSEEK_R1, pool: h100, maxNodesPerReplica: 2, maxModelLen: 32768, modelSource: hub });

  // 2. an 8B model with two LoRA adapters behind the gateway's endpoint picker
  const loraPool = new InferencePool(chart, 'Llama8BLoraPool', { poolName: 'llama-8b-lora' });
  new VllmServer(chart, 'Llama8BLora', {
    model: LlmModel.LLAMA_3_1_8B,
    pool: h100,
    maxModelLen: 16384,
    modelSource: hub,
    inferencePool: loraPool,
    replicas: 2,
    loraAdapters: [
      { name: 'support-bot', source: 'acme/llama-3.1-8b-support-lora', rank: 16 },
      { name: 'sql-writer', source: 'acme/llama-3.1-8b-sql-lora', rank: 64 },
    ],
  });

  // 3. 70B on one MI300X with the ROCm build of vLLM
  new VllmServer(chart, 'Llama70BOnMI300X', {
    model: LlmModel.LLAMA_3_1_70B, pool: mi300x, maxModelLen: 32768, modelSource: hub, deviceGroupIds: [44, 110],
  });

  app.synth();
}

if (require.main === module) {
  synth();
}
