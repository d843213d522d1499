import { check, fail, oneOf } from '../errors';
import { LlmModel, ModelTask, NumericFormat } from './llm';
import { GpuModel } from '../hardware/gpu';

/** What to serve on what: the input of {@link ServingPlanner.plan}. */
export interface ServingRequest {
  /** The model. */
  readonly model: LlmModel;
  /** The GPU model of the nodes. */
  readonly gpu: GpuModel;
  /**
   * GPU units per node one replica may use: whole GPUs, or MIG instances / shared replicas when `migProfile` /
   * `sharedGpu` say so.
   */
  readonly gpusPerNode: number;
  /**
   * Memory of one unit in GB.
   * @default - the MIG profile's memory for a MIG slice, else the GPU's memory
   */
  readonly gpuMemoryGb?: number;
  /**
   * The units are MIG instances of this profile (e.g. `3g.40gb`): one replica gets exactly one, since tensor
   * parallelism cannot span MIG instances (no NVLink or P2P between them: NVIDIA MIG user guide, https://docs.nvidia.com/datacenter/tesla/mig-user-guide/, "No GPU to
   * GPU P2P (both PCIe and NVLink) is supported").
   * @default - whole GPUs
   */
  readonly migProfile?: string;
  /**
   * The units are time-sliced or MPS replicas of a GPU: one replica gets exactly one, because two of them may be the
   * same physical GPU (NVIDIA/k8s-device-plugin README, time-slicing: replicas of one GPU share its memory without isolation).
   * @default false
   */
  readonly sharedGpu?: boolean;
  /**
   * Nodes one replica may span (pipeline stages).
   * @default 1
   */
  readonly maxNodesPerReplica?: number;
  /**
   * Longest request the server must accept (`--max-model-len`), in tokens.
   * @default - the model's maximum context
   */
  readonly maxModelLen?: number;
  /**
   * Weight format: the checkpoint's own, or FP8 for a 16-bit checkpoint (vLLM quantizes on the fly with
   * `--quantization fp8`). Other formats need a quantized checkpoint (`LlmModel.withCheckpoint()`).
   * @default - the model's native format
   */
  readonly weightFormat?: NumericFormat;
  /**
   * KV-cache format (`--kv-cache-dtype`): FP8, or the model's 16-bit activation format.
   * @default - the activation format: the weight format when it is 16-bit, else BF16
   */
  readonly kvCacheFormat?: NumericFormat;
  /**
   * Fraction of each GPU's memory vLLM may use (`--gpu-memory-utilization`, vLLM's default 0.9).
   * @default 0.9
   */
  readonly gpuMemoryUtilization?: number;
  /**
   * Memory per GPU kept for activations, CUDA graphs and the CUDA/NCCL context, in GB (a few GB; vLLM measures it when
   * it profiles the model at start, this library assumes 3 GB).
   * @default 3
   */
  readonly activationReserveGb?: number;
  /**
   * Pin `--tensor-parallel-size` instead of choosing the smallest that fits.
   * @default - the planner chooses
   */
  readonly tensorParallelSize?: number;
  /**
   * Pin `--pipeline-parallel-size` (nodes per replica) instead of choosing the smallest that fits.
   * @default - the planner chooses
   */
  readonly pipelineParallelSize?: number;
  /**
   * Pin `--data-parallel-size`: attention ranks of one server, each with its own KV cache and TP GPUs, whose experts
   * are spread over all DP × TP GPUs. The planner considers it for mixture-of-experts models only.
   * @default - the planner chooses (1 for a dense model)
   */
  readonly dataParallelSize?: number;
  /**
   * LoRA adapters served at once (`--max-loras`): vLLM keeps this many adapter slots of `maxLoraRank` on every GPU.
   * @default 0 - no LoRA
   */
  readonly maxLoras?: number;
  /**
   * `--max-lora-rank`, one of vLLM's 1, 8, 16, 32, 64, 128, 256, 320, 512.
   * @default 16 - vLLM's default, when maxLoras is set
   */
  readonly maxLoraRank?: number;
  /**
   * Pin `--enable-expert-parallel`: whole experts per GPU over the DP × TP GPUs instead of every expert sharded by TP.
   * @default - on for a mixture-of-experts model with data parallelism (llm-d's wide expert parallelism), else off
   */
  readonly expertParallel?: boolean;
}

/** A feasible layout for one model replica and what it holds. */
export interface ServingPlan {
  /** `--tensor-parallel-size`: GPUs per pipeline stage, all on one node. */
  readonly tensorParallelSize: number;
  /** `--pipeline-parallel-size`. */
  readonly pipelineParallelSize: number;
  /** `--data-parallel-size`: attention ranks of one replica, each with its own KV cache (1 without data parallelism). */
  readonly dataParallelSize: number;
  /** `--enable-expert-parallel`: experts placed whole over the DP × TP GPUs. */
  readonly expertParallel: boolean;
  /** GPUs the experts are spread over with expert parallelism (DP × TP), else 1. */
  readonly expertParallelSize: number;
  /** GPUs (or MIG instances) per replica. */
  readonly gpusPerReplica: number;
  /** Nodes per replica. */
  readonly nodesPerReplica: number;
  /** `--max-model-len`. */
  readonly maxModelLen: number;
  /** `--gpu-memory-utilization`. */
  readonly gpuMemoryUtilization: number;
  /** Weight format. */
  readonly weightFormat: NumericFormat;
  /** KV-cache format. */
  readonly kvCacheFormat: NumericFormat;
  /**
   * `--quantization` for on-the-fly quantization (`fp8` for FP8 weights from a 16-bit checkpoint).
   * @default - none: the checkpoint's own format
   */
  readonly quantization?: string;
  /**
   * Display name of the GPU model the plan was sized for, as `GpuModel.all()` lists it (`NVIDIA H100 SXM5 80GB`); for
   * a MIG slice or a shared GPU, the physical GPU's (`gpuMemoryGb` is the unit's).
   */
  readonly gpuDisplayName: string;
  /** Memory of one GPU unit in GB. */
  readonly gpuMemoryGb: number;
  /** Memory vLLM may use per GPU: memory × utilization, in GB. */
  readonly usableMemoryPerGpuGb: number;
  /** Weights held by each GPU in GB. */
  readonly weightsPerGpuGb: number;
  /** Memory per GPU kept for activations and CUDA graphs in GB. */
  readonly activationReserveGb: number;
  /** Memory per GPU of the LoRA adapter slots in GB (0 without LoRA). */
  readonly loraMemoryPerGpuGb: number;
  /** `--max-loras` (0 without LoRA). */
  readonly maxLoras: number;
  /** `--max-lora-rank` (0 without LoRA). */
  readonly maxLoraRank: number;
  /** KV-cache memory per GPU in GB. */
  readonly kvCachePerGpuGb: number;
  /** Tokens the KV cache of one replica holds, all data-parallel ranks together (at full-length sequences). */
  readonly kvCacheTokens: number;
  /** Sequences of `maxModelLen` tokens that fit the KV cache at once. */
  readonly maxConcurrentSequences: number;
  /**
   * MIG profile of the unit.
   * @default - whole GPUs
   */
  readonly migProfile?: string;
}

const GB = 1e9;
/**
 * The `--max-lora-rank` values vLLM accepts (vllm-project/vllm `vllm/config/lora.py`
 * `MaxLoRARanks = Literal[1, 8, 16, 32, 64, 128, 256, 320, 512]`).
 */
const VLLM_LORA_RANKS = [1, 8, 16, 32, 64, 128, 256, 320, 512];
/** Largest number of nodes the refusal searches when it names the smallest layout that would fit. */
const SEARCH_NODES = 64;

/** A request with every default applied. */
interface Resolved {
  readonly model: LlmModel;
  readonly gpu: GpuModel;
  readonly gpusPerNode: number;
  readonly unitMemoryGb: number;
  readonly migProfile?: string;
  readonly sharedGpu: boolean;
  readonly maxNodesPerReplica: number;
  readonly maxModelLen: number;
  readonly weightFormat: NumericFormat;
  readonly kvCacheFormat: NumericFormat;
  readonly quantization?: string;
  readonly util: number;
  readonly reserveGb: number;
  readonly tensorParallelSize?: number;
  readonly pipelineParallelSize?: number;
  readonly dataParallelSize?: number;
  readonly expertParallel?: boolean;
  readonly maxLoras: number;
  readonly maxLoraRank: number;
  readonly loraGb: number;
}

/** A layout with what one of its GPUs needs for one full-length sequence. */
interface Candidate {
  readonly plan: ServingPlan;
  /** Weights + reserve + one sequence of KV, per GPU, in GB. */
  readonly needPerGpuGb: number;
  /** KV of one full-length sequence per GPU in GB. */
  readonly sequencePerGpuGb: number;
}

/**
 * Sizes vLLM deployments. Pure: no constructs.
 *
 * Per GPU: usable = memory × `--gpu-memory-utilization`; KV cache = usable − weights / (TP × PP) − reserve
 * (vllm-project/vllm `vllm/config/cache.py`: `gpu_memory_utilization` is the fraction of total GPU memory for weights,
 * activations and KV cache). Under TP each GPU holds KV heads / TP heads (one replicated head when TP
 * exceeds the KV heads), under PP ⌈layers / PP⌉ layers. A layout is feasible when its KV cache holds at least one
 * sequence of `maxModelLen` tokens: vLLM refuses to start otherwise. The planner returns the smallest feasible
 * layout — fewest GPUs, then fewest nodes, then the most KV-cache tokens — with TP within a node and dividing the
 * heads, and pipeline stages across nodes only when one node is not enough; or it refuses with the shortfall and the
 * smallest layout that would fit.
 *
 * Mixture-of-experts models may also run data-parallel attention ranks (DP) whose routed experts are spread over all
 * DP × TP GPUs — by expert parallelism, on by default with DP, whose size must divide the experts — while attention,
 * shared experts and embeddings are replicated per rank; each rank has its own KV cache. DP × TP GPUs fit one node or
 * fill whole nodes (llm-d's wide expert parallelism). An MLA latent is not split by TP: every TP rank caches all of it,
 * which is why DP attention wins for DeepSeek.
 */
export class ServingPlanner {
  /** The smallest feasible layout (fewest GPUs, then fewest nodes), or an error naming the shortfall and what fits. */
  public static plan(request: ServingRequest): ServingPlan {
    const resolved = resolve(request);
    const candidates = evaluateAll(resolved);
    const feasible = candidates.find((c) => c.plan.maxConcurrentSequences >= 1);
    if (feasible) return feasible.plan;
    return fail(refusal(resolved, candidates));
  }

  /** Every layout the hardware and the pins allow, smallest first, with its KV capacity (0 when it does not fit). */
  public static layouts(request: ServingRequest): ServingPlan[] {
    return evaluateAll(resolve(request)).map((c) => c.plan);
  }

  /** The `--max-lora-rank` values vLLM accepts: 1, 8, 16, 32, 64, 128, 256, 320, 512. */
  public static loraRanks(): number[] {
    return [...VLLM_LORA_RANKS];
  }

  /**
   * Tensor-parallel sizes vLLM accepts for the model within one node: divisors of the attention heads that either
   * divide the KV heads or are a multiple of them (KV heads are then replicated).
   */
  public static tensorParallelSizes(model: LlmModel, gpusPerNode: number): number[] {
    const sizes: number[] = [];
    for (let tp = 1; tp <= gpusPerNode; tp++) {
      if (tensorParallelRule(model, tp) === undefined) sizes.push(tp);
    }
    return sizes;
  }
}

/** Why a tensor-parallel size does not suit the model's heads, or undefined when it does. */
function tensorParallelRule(model: LlmModel, tp: number): string | undefined {
  if (model.attentionHeads % tp !== 0) return `does not divide the ${model.attentionHeads} attention heads of ${model.name}`;
  if (model.kvHeads % tp !== 0 && tp % model.kvHeads !== 0) {
    return `neither divides nor is a multiple of the ${model.kvHeads} KV heads of ${model.name}`;
  }
  return undefined;
}

function isSixteenBit(format: NumericFormat): boolean {
  return format === NumericFormat.BF16 || format === NumericFormat.FP16;
}

function resolve(request: ServingRequest): Resolved {
  const { model, gpu } = request;
  const maxNodesPerReplica = request.maxNodesPerReplica ?? 1;
  const util = request.gpuMemoryUtilization ?? 0.9;
  const reserveGb = request.activationReserveGb ?? 3;
  const maxModelLen = request.maxModelLen ?? model.maxContextTokens;
  const sharedGpu = request.sharedGpu ?? false;
  check(Number.isInteger(request.gpusPerNode) && request.gpusPerNode >= 1, `gpusPerNode ${request.gpusPerNode} must be a positive integer`);
  check(Number.isInteger(maxNodesPerReplica) && maxNodesPerReplica >= 1, `maxNodesPerReplica ${maxNodesPerReplica} must be a positive integer`);
  check(util > 0 && util <= 1, `gpuMemoryUtilization ${util} must be in (0, 1]`);
  check(reserveGb >= 0, `activationReserveGb ${reserveGb} must not be negative`);
  check(Number.isInteger(maxModelLen) && maxModelLen >= 1, `maxModelLen ${maxModelLen} must be a positive integer`);
  check(maxModelLen <= model.maxContextTokens,
    `maxModelLen ${maxModelLen} is above the ${model.maxContextTokens}-token maximum context of ${model.name}; use at most ${model.maxContextTokens}`);

  const weightFormat = request.weightFormat ?? model.nativeFormat;
  let quantization: string | undefined;
  if (weightFormat !== model.nativeFormat) {
    check(weightFormat === NumericFormat.FP8 && isSixteenBit(model.nativeFormat),
      `weightFormat ${weightFormat} needs a checkpoint in that format: ${model.name} ships ${model.nativeFormat} weights and vLLM ` +
        'quantizes on the fly only from 16-bit to fp8; use model.withCheckpoint({ huggingFaceId, weightFormat }) for a quantized repository');
    quantization = 'fp8';
  }
  const activationFormat = isSixteenBit(weightFormat) ? weightFormat : NumericFormat.BF16;
  const kvCacheFormat = request.kvCacheFormat ?? activationFormat;
  check(kvCacheFormat === activationFormat || kvCacheFormat === NumericFormat.FP8,
    `kvCacheFormat ${kvCacheFormat} is not a KV-cache format vLLM serves ${model.name} with; use ${activationFormat} (the activation format) or fp8`);

  let unitMemoryGb = gpu.memoryGb;
  if (request.migProfile !== undefined) {
    unitMemoryGb = gpu.migProfile(request.migProfile).memoryGb;
    check(!sharedGpu, 'a unit cannot be both a MIG slice and a shared GPU; MPS is not supported on MIG-enabled devices');
  }
  unitMemoryGb = request.gpuMemoryGb ?? unitMemoryGb;
  check(unitMemoryGb > 0, `gpuMemoryGb ${unitMemoryGb} must be positive`);

  const slice = request.migProfile !== undefined ? `MIG ${request.migProfile} slices` : sharedGpu ? 'shared (time-sliced or MPS) GPUs' : undefined;
  const tp = request.tensorParallelSize;
  if (tp !== undefined) {
    check(Number.isInteger(tp) && tp >= 1, `tensorParallelSize ${tp} must be a positive integer`);
    if (slice !== undefined) {
      check(tp === 1, `tensorParallelSize ${tp} cannot be used on ${slice}: ` +
        (sharedGpu ? 'two replicas may be the same physical GPU' : 'tensor parallelism cannot span MIG instances (no NVLink or P2P between them)') +
        '; use 1');
    }
    check(tp <= request.gpusPerNode,
      `tensorParallelSize ${tp} exceeds the ${request.gpusPerNode} GPUs per node; tensor parallelism stays within one node (NVLink), ` +
        `so use at most ${request.gpusPerNode} and add pipeline stages across nodes`);
    const rule = tensorParallelRule(model, tp);
    check(rule === undefined, () => `tensorParallelSize ${tp} ${rule}; use ${oneOf(ServingPlanner.tensorParallelSizes(model, request.gpusPerNode))}`);
  }
  const pp = request.pipelineParallelSize;
  if (pp !== undefined) {
    check(Number.isInteger(pp) && pp >= 1, `pipelineParallelSize ${pp} must be a positive integer`);
    check(slice === undefined || pp === 1, `pipelineParallelSize ${pp} cannot be used on ${slice}; one replica runs on one unit`);
    check(pp <= maxNodesPerReplica, `pipelineParallelSize ${pp} needs ${pp} nodes but maxNodesPerReplica is ${maxNodesPerReplica}; raise maxNodesPerReplica or lower pipelineParallelSize`);
    check(pp <= model.layers, `pipelineParallelSize ${pp} is more than the ${model.layers} layers of ${model.name}`);
  }
  const dp = request.dataParallelSize;
  if (dp !== undefined) {
    check(Number.isInteger(dp) && dp >= 1, `dataParallelSize ${dp} must be a positive integer`);
    check(slice === undefined || dp === 1, `dataParallelSize ${dp} cannot be used on ${slice}; one replica runs on one unit`);
    check(dp === 1 || pp === undefined || pp === 1,
      `dataParallelSize ${dp} with pipelineParallelSize ${pp} is not a layout the planner renders; spread a mixture-of-experts model ` +
        'over nodes with data and expert parallelism (pipelineParallelSize 1) or pipeline stages (dataParallelSize 1)');
    if (dp > 1 && tp !== undefined) {
      const gpus = dp * tp;
      check(gpus <= request.gpusPerNode || (gpus % request.gpusPerNode === 0 && gpus / request.gpusPerNode <= maxNodesPerReplica),
        `dataParallelSize ${dp} × tensorParallelSize ${tp} = ${gpus} GPUs ` +
          (gpus % request.gpusPerNode === 0
            ? `needs ${gpus / request.gpusPerNode} nodes but maxNodesPerReplica is ${maxNodesPerReplica}; raise maxNodesPerReplica or lower dataParallelSize`
            : `neither fits one node of ${request.gpusPerNode} GPUs nor fills whole nodes; make DP × TP at most ${request.gpusPerNode} or a multiple of it`));
    }
  }
  const ep = request.expertParallel;
  if (ep === true) {
    check(model.mixtureOfExperts, `expertParallel needs a mixture-of-experts model; ${model.name} is dense`);
  }
  if (model.mixtureOfExperts && tp !== undefined && dp !== undefined && (ep ?? dp > 1)) {
    const size = tp * dp;
    check(model.experts % size === 0,
      () => `expert parallel size ${size} (tensorParallelSize ${tp} × dataParallelSize ${dp}) does not divide the ${model.experts} experts of ` +
        `${model.name}: GPUs would hold unequal numbers of experts; use an expert parallel size of ${oneOf(divisors(model.experts).filter((d) => d > 1 && d <= SEARCH_NODES * request.gpusPerNode))}`);
  }
  const maxLoras = request.maxLoras ?? 0;
  check(Number.isInteger(maxLoras) && maxLoras >= 0, `maxLoras ${maxLoras} must be a non-negative integer`);
  check(maxLoras > 0 || request.maxLoraRank === undefined, `maxLoraRank ${request.maxLoraRank} without maxLoras; give maxLoras (adapters served at once) too`);
  const maxLoraRank = maxLoras > 0 ? request.maxLoraRank ?? 16 : 0;
  let loraGb = 0;
  if (maxLoras > 0) {
    check(VLLM_LORA_RANKS.includes(maxLoraRank), `maxLoraRank ${maxLoraRank} is not one vLLM accepts; use ${oneOf(VLLM_LORA_RANKS)}`);
    check(model.task === ModelTask.TEXT_GENERATION, `LoRA adapters are sized for text generation; ${model.name} is a ${model.task} model`);
    check(!model.mixtureOfExperts, `LoRA adapters on the experts of ${model.name} are not sized by the planner; serve adapters of a dense model`);
    loraGb = (maxLoras * model.loraBytesPerSlot(maxLoraRank, activationFormat)) / GB;
  }
  return {
    model,
    gpu,
    gpusPerNode: request.gpusPerNode,
    unitMemoryGb,
    migProfile: request.migProfile,
    sharedGpu,
    maxNodesPerReplica,
    maxModelLen,
    weightFormat,
    kvCacheFormat,
    quantization,
    util,
    reserveGb,
    tensorParallelSize: tp,
    pipelineParallelSize: pp,
    dataParallelSize: dp,
    expertParallel: ep,
    maxLoras,
    maxLoraRank,
    loraGb,
  };
}

function divisors(n: number): number[] {
  const out: number[] = [];
  for (let d = 1; d <= n; d++) if (n % d === 0) out.push(d);
  return out;
}

/** Whether a layout runs with expert parallelism: as pinned, else for a mixture-of-experts model with DP. */
function usesExpertParallel(r: Resolved, dp: number): boolean {
  return r.model.mixtureOfExperts && (r.expertParallel ?? dp > 1);
}

/** The (TP, PP, DP) layouts to consider. */
function layoutsOf(r: Resolved): Array<[number, number, number]> {
  if (r.migProfile !== undefined || r.sharedGpu) return [[1, 1, 1]];
  const sizes = ServingPlanner.tensorParallelSizes(r.model, r.gpusPerNode);
  const layouts: Array<[number, number, number]> = sizes.map((tp) => [tp, 1, 1]);
  // across nodes: pipeline stages, each as wide as tensor parallelism allows within a node
  const widest = sizes[sizes.length - 1];
  for (let pp = 2; pp <= Math.min(r.maxNodesPerReplica, r.model.layers); pp++) {
    layouts.push([r.tensorParallelSize ?? widest, pp, 1]);
  }
  // data-parallel attention ranks with the experts spread over all their GPUs: within a node, or whole nodes
  if (r.model.mixtureOfExperts || (r.dataParallelSize ?? 1) > 1) {
    const most = r.gpusPerNode * r.maxNodesPerReplica;
    for (const tp of sizes) {
      for (let dp = 2; tp * dp <= most; dp++) {
        const gpus = tp * dp;
        if (gpus > r.gpusPerNode && gpus % r.gpusPerNode !== 0) continue;
        if (usesExpertParallel(r, dp) && r.model.experts % gpus !== 0) continue;
        layouts.push([tp, 1, dp]);
      }
    }
  }
  return layouts.filter(([tp, pp, dp]) =>
    (r.tensorParallelSize ?? tp) === tp && (r.pipelineParallelSize ?? pp) === pp && (r.dataParallelSize ?? dp) === dp);
}

/** Every layout evaluated: fewest GPUs, then fewest nodes, then the most KV-cache tokens first. */
function evaluateAll(r: Resolved): Candidate[] {
  return layoutsOf(r)
    .map(([tp, pp, dp]) => evaluate(r, tp, pp, dp))
    .sort((a, b) => a.plan.gpusPerReplica - b.plan.gpusPerReplica || a.plan.nodesPerReplica - b.plan.nodesPerReplica ||
      b.plan.kvCacheTokens - a.plan.kvCacheTokens || a.plan.dataParallelSize - b.plan.dataParallelSize);
}

function evaluate(r: Resolved, tp: number, pp: number, dp: number): Candidate {
  const { model } = r;
  const gpus = tp * pp * dp;
  const nodes = dp > 1 ? Math.ceil(gpus / r.gpusPerNode) : pp;
  const expertParallel = usesExpertParallel(r, dp);
  const usable = r.unitMemoryGb * r.util;
  // attention, shared experts and embeddings are split by TP and PP and replicated per DP rank; the routed experts
  // are spread over all DP × TP GPUs of a stage, by expert parallelism or tensor parallelism (vllm-project/vllm
  // docs/serving/data_parallel_deployment.md: "expert layers form a tensor parallel group of size DP × TP")
  const expertGb = model.expertWeightsGb(r.weightFormat);
  const denseGb = Math.max(0, model.weightsGb(r.weightFormat) - expertGb);
  const weightsPerGpu = denseGb / (tp * pp) + expertGb / gpus;
  const kvPerGpuGb = Math.max(0, usable - weightsPerGpu - r.reserveGb - r.loraGb);
  // one GPU holds ⌈layers / PP⌉ layers and KV heads / TP heads (at least one, replicated when TP > KV heads);
  // an MLA latent is shared by all heads, so every TP rank holds all of it
  const headShare = model.multiHeadLatentAttention ? 1 : Math.max(1 / model.kvHeads, 1 / tp);
  const layerShare = Math.ceil(model.layers / pp) / model.layers;
  const perTokenBytes = model.kvBytesPerToken(r.kvCacheFormat) * headShare * layerShare;
  const perSequenceBytes = model.kvBytesPerSequence(r.kvCacheFormat, r.maxModelLen) * headShare * layerShare;
  const sequenceBytes = r.maxModelLen * perTokenBytes + perSequenceBytes;
  // each data-parallel rank has its own KV cache
  const rankSequences = Math.floor((kvPerGpuGb * GB) / sequenceBytes);
  const rankTokens = Math.floor((kvPerGpuGb * GB) / (perTokenBytes + perSequenceBytes / r.maxModelLen));
  return {
    plan: {
      tensorParallelSize: tp,
      pipelineParallelSize: pp,
      dataParallelSize: dp,
      expertParallel,
      expertParallelSize: expertParallel ? tp * dp : 1,
      gpusPerReplica: gpus,
      nodesPerReplica: nodes,
      maxModelLen: r.maxModelLen,
      gpuMemoryUtilization: r.util,
      weightFormat: r.weightFormat,
      kvCacheFormat: r.kvCacheFormat,
      quantization: r.quantization,
      gpuDisplayName: r.gpu.displayName,
      gpuMemoryGb: r.unitMemoryGb,
      usableMemoryPerGpuGb: round(usable),
      weightsPerGpuGb: round(weightsPerGpu),
      activationReserveGb: r.reserveGb,
      loraMemoryPerGpuGb: round(r.loraGb),
      maxLoras: r.maxLoras,
      maxLoraRank: r.maxLoraRank,
      kvCachePerGpuGb: round(kvPerGpuGb),
      kvCacheTokens: rankSequences >= 1 ? rankTokens * dp : 0,
      maxConcurrentSequences: rankSequences * dp,
      migProfile: r.migProfile,
    },
    needPerGpuGb: weightsPerGpu + r.reserveGb + r.loraGb + sequenceBytes / GB,
    sequencePerGpuGb: sequenceBytes / GB,
  };
}

function firstFeasible(r: Resolved): Candidate | undefined {
  return evaluateAll(r).find((c) => c.plan.maxConcurrentSequences >= 1);
}

function layoutName(plan: ServingPlan): string {
  const onNodes = plan.nodesPerReplica > 1 ? ` on ${plan.nodesPerReplica} nodes` : '';
  if (plan.dataParallelSize > 1) {
    const ep = plan.expertParallel ? ` with EP=${plan.expertParallelSize}` : '';
    return `TP=${plan.tensorParallelSize} × DP=${plan.dataParallelSize}${ep}${onNodes}`;
  }
  if (plan.pipelineParallelSize === 1) return `TP=${plan.tensorParallelSize}`;
  return `TP=${plan.tensorParallelSize} × PP=${plan.pipelineParallelSize}${onNodes}`;
}

/** The refusal: what was asked, the shortfall of the largest allowed layout, and what would fit. */
function refusal(r: Resolved, candidates: Candidate[]): string {
  const { model, gpu } = r;
  const what = `${model.name} (${r.weightFormat} weights, ${r.kvCacheFormat} KV cache, max-model-len ${r.maxModelLen})`;
  const usable = r.unitMemoryGb * r.util;
  const utilText = `at gpu-memory-utilization ${r.util}`;
  const weightsGb = model.weightsGb(r.weightFormat);
  const fixes = suggestions(r);

  if (r.migProfile !== undefined || r.sharedGpu) {
    const unit = r.migProfile !== undefined ? `a MIG ${r.migProfile} slice of ${gpu.displayName}` : `a shared ${gpu.displayName} replica`;
    const rule = r.migProfile !== undefined ? 'tensor parallelism cannot span MIG slices' : 'tensor parallelism cannot span shared GPU replicas';
    if (weightsGb + r.reserveGb > usable) {
      return `${model.name} weights need ${gb(weightsGb)} GB (${r.weightFormat}) but ${unit} holds ${gb(r.unitMemoryGb)} GB, ` +
        `${gb(usable)} GB usable ${utilText}; ${rule}; ${fixes}`;
    }
    const c = candidates[0];
    return `${what} does not fit ${unit}: it needs ${gb(c.needPerGpuGb)} GB (${gb(weightsGb)} GB weights, ${gb(r.reserveGb)} GB reserve, ${loraPart(r)}` +
      `${gb(c.sequencePerGpuGb)} GB KV for one sequence) but ${gb(usable)} GB is usable ${utilText}, ` +
      `${gb(c.needPerGpuGb - usable)} GB short; ${rule}; ${fixes}`;
  }

  const where = `${r.maxNodesPerReplica} node${r.maxNodesPerReplica === 1 ? '' : 's'} of ${r.gpusPerNode}× ${gpu.displayName}`;
  check(candidates.length > 0, `no layout of ${where} matches the pinned sizes (tensorParallelSize ${r.tensorParallelSize ?? 'any'}, ` +
    `pipelineParallelSize ${r.pipelineParallelSize ?? 'any'}, dataParallelSize ${r.dataParallelSize ?? 'any'}); unpin one of them`);
  // the largest allowed layout that comes closest
  const most = Math.max(...candidates.map((c) => c.plan.gpusPerReplica));
  const largest = candidates.filter((c) => c.plan.gpusPerReplica === most).sort((a, b) => a.needPerGpuGb - b.needPerGpuGb)[0];
  const short = largest.needPerGpuGb - usable;
  return `${what} does not fit ${where}: the largest allowed layout, ${layoutName(largest.plan)}, needs ${gb(largest.needPerGpuGb)} GB per GPU ` +
    `(${gb(largest.plan.weightsPerGpuGb)} GB weights, ${gb(r.reserveGb)} GB reserve, ${loraPart(r)}${gb(largest.sequencePerGpuGb)} GB KV for one sequence) ` +
    `but ${gb(usable)} GB is usable ${utilText}, ${gb(short)} GB short per GPU (${gb(short * largest.plan.gpusPerReplica)} GB in total); ${fixes}`;
}

/**
 * What would fit instead: the smallest layout without the pins and up to 64 nodes (or the smallest MIG slice), then,
 * keeping the requested layout limits, FP8 weights, an FP8 KV cache or a shorter context.
 */
function suggestions(r: Resolved): string {
  const found: string[] = [];
  const unpinned: Resolved = { ...r, tensorParallelSize: undefined, pipelineParallelSize: undefined, dataParallelSize: undefined };

  if (r.migProfile !== undefined) {
    const profiles = r.gpu.migProfiles.filter((p) => !p.mediaExtensions).sort((a, b) => a.memoryGb - b.memoryGb);
    const fits = profiles.find((p) => firstFeasible({ ...unpinned, unitMemoryGb: p.memoryGb, migProfile: p.name }));
    if (fits) {
      found.push(`smallest slice that fits: MIG ${fits.name}${kvBudget(firstFeasible({ ...unpinned, unitMemoryGb: fits.memoryGb, migProfile: fits.name })!)}`);
    } else {
      const whole = firstFeasible({ ...unpinned, unitMemoryGb: r.gpu.memoryGb, migProfile: undefined, gpusPerNode: Math.max(r.gpusPerNode, 8) });
      found.push(whole ? `no MIG slice of ${r.gpu.displayName} holds it; use whole GPUs (${layoutName(whole.plan)})${kvBudget(whole)}` : `no MIG slice of ${r.gpu.displayName} holds it`);
    }
  } else if (r.sharedGpu) {
    const whole = firstFeasible({ ...unpinned, sharedGpu: false, unitMemoryGb: r.gpu.memoryGb, gpusPerNode: Math.max(r.gpusPerNode, 1) });
    found.push(whole ? `use whole GPUs (${layoutName(whole.plan)})${kvBudget(whole)}` : `a whole ${r.gpu.displayName} does not hold it either`);
  } else {
    const more = firstFeasible({ ...unpinned, maxNodesPerReplica: Math.max(r.maxNodesPerReplica, Math.min(SEARCH_NODES, r.model.layers)) });
    if (more) {
      const nodes = more.plan.nodesPerReplica;
      const allow = nodes > r.maxNodesPerReplica ? `; allow maxNodesPerReplica ${nodes}` : '';
      found.push(`smallest layout that fits: ${layoutName(more.plan)} (${more.plan.gpusPerReplica} GPUs${allow})${kvBudget(more)}`);
    } else {
      found.push(`no layout of up to ${Math.min(SEARCH_NODES, r.model.layers)} nodes holds it`);
    }
  }

  if (r.weightFormat !== NumericFormat.FP8 && isSixteenBit(r.model.nativeFormat)) {
    const fp8 = firstFeasible({ ...r, weightFormat: NumericFormat.FP8, quantization: 'fp8', kvCacheFormat: r.kvCacheFormat === NumericFormat.FP8 ? NumericFormat.FP8 : NumericFormat.BF16 });
    if (fp8) found.push(`or FP8 weights with ${layoutName(fp8.plan)}${kvBudget(fp8)}`);
  }
  if (r.kvCacheFormat !== NumericFormat.FP8) {
    const fp8Kv = firstFeasible({ ...r, kvCacheFormat: NumericFormat.FP8 });
    if (fp8Kv) found.push(`or an FP8 KV cache with ${layoutName(fp8Kv.plan)}${kvBudget(fp8Kv)}`);
  }
  const longest = longestContext(r);
  if (longest !== undefined) found.push(`or max-model-len ${longest.plan.maxModelLen} or less with ${layoutName(longest.plan)}${kvBudget(longest)}`);
  return found.join('; ');
}

/** The longest context the allowed layouts hold (binary search over maxModelLen), if any holds a 1-token context. */
function longestContext(r: Resolved): Candidate | undefined {
  if (!firstFeasible({ ...r, maxModelLen: 1 })) return undefined;
  let lo = 1;
  let hi = r.maxModelLen - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (firstFeasible({ ...r, maxModelLen: mid })) lo = mid;
    else hi = mid - 1;
  }
  // a round number a user would type: the largest multiple of 1024 that fits, when there is one
  const rounded = lo >= 1024 ? Math.floor(lo / 1024) * 1024 : lo;
  return firstFeasible({ ...r, maxModelLen: rounded });
}

/** The KV budget of an alternative: tokens of one replica and full-length sequences at once. */
function kvBudget(c: Candidate): string {
  const t = c.plan.kvCacheTokens;
  const tokens = t >= 1e6 ? `${(t / 1e6).toFixed(2)}M` : t >= 1e3 ? `${Math.round(t / 1e3)}K` : String(t);
  return `, KV cache ${tokens} tokens (${c.plan.maxConcurrentSequences} × ${c.plan.maxModelLen})`;
}

function loraPart(r: Resolved): string {
  return r.loraGb > 0 ? `${gb(r.loraGb)} GB for ${r.maxLoras} LoRA slots of rank ${r.maxLoraRank}, ` : '';
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function gb(x: number): string {
  return x.toFixed(1);
}

/**
 * The annotations that say a server's plan on its workload (Deployment or LeaderWorkerSet), so that operators
 * (`kubectl describe`) and the capacity report read the layout, the memory of each GPU and the KV-cache capacity
 * without re-running the planner. Every value but the GPU and format names is a decimal string; sizes in GB are 1e9
 * bytes, rounded to 0.01.
 */
export class ServingPlanAnnotations {
  /** `--tensor-parallel-size`. */
  public static readonly TENSOR_PARALLEL_SIZE = 'ai-factory.dev/tensor-parallel-size';
  /** `--pipeline-parallel-size`. */
  public static readonly PIPELINE_PARALLEL_SIZE = 'ai-factory.dev/pipeline-parallel-size';
  /** `--data-parallel-size`. */
  public static readonly DATA_PARALLEL_SIZE = 'ai-factory.dev/data-parallel-size';
  /** GPUs the experts are spread over with expert parallelism (1 without). */
  public static readonly EXPERT_PARALLEL_SIZE = 'ai-factory.dev/expert-parallel-size';
  /** Nodes one replica spans. */
  public static readonly NODES_PER_REPLICA = 'ai-factory.dev/nodes-per-replica';
  /** GPUs (or MIG instances) one replica uses. */
  public static readonly GPUS_PER_REPLICA = 'ai-factory.dev/gpus-per-replica';
  /**
   * The GPU model the plan was sized for: its display name exactly as `GpuModel.all()` lists it (a MIG slice's or
   * shared GPU's physical model), so that a reader can find the model in the catalog.
   */
  public static readonly GPU = 'ai-factory.dev/gpu';
  /** Memory of one GPU unit in GB. */
  public static readonly GPU_MEMORY_GB = 'ai-factory.dev/gpu-memory-gb';
  /** Memory vLLM may use per GPU (memory × `--gpu-memory-utilization`) in GB. */
  public static readonly USABLE_MEMORY_PER_GPU_GB = 'ai-factory.dev/usable-memory-per-gpu-gb';
  /** Weights held by each GPU in GB. */
  public static readonly WEIGHTS_PER_GPU_GB = 'ai-factory.dev/weights-per-gpu-gb';
  /** KV-cache memory of each GPU in GB. */
  public static readonly KV_CACHE_PER_GPU_GB = 'ai-factory.dev/kv-cache-per-gpu-gb';
  /** Tokens the KV cache of one replica holds. */
  public static readonly KV_CACHE_TOKENS = 'ai-factory.dev/kv-cache-tokens';
  /** `--max-model-len`. */
  public static readonly MAX_MODEL_LEN = 'ai-factory.dev/max-model-len';
  /** Sequences of `max-model-len` tokens the KV cache holds at once. */
  public static readonly MAX_CONCURRENT_SEQUENCES = 'ai-factory.dev/max-concurrent-sequences';
  /** Memory of the LoRA adapter slots per GPU in GB (only on servers with LoRA adapters). */
  public static readonly LORA_MEMORY_PER_GPU_GB = 'ai-factory.dev/lora-memory-per-gpu-gb';
  /** Weight format (`bfloat16`, `fp8`, ...). */
  public static readonly WEIGHT_FORMAT = 'ai-factory.dev/weight-format';
  /** KV-cache format. */
  public static readonly KV_CACHE_FORMAT = 'ai-factory.dev/kv-cache-format';

  /** The annotations of a plan, keyed by the constants of this class. */
  public static of(plan: ServingPlan): { [key: string]: string } {
    const A = ServingPlanAnnotations;
    return {
      [A.TENSOR_PARALLEL_SIZE]: String(plan.tensorParallelSize),
      [A.PIPELINE_PARALLEL_SIZE]: String(plan.pipelineParallelSize),
      [A.DATA_PARALLEL_SIZE]: String(plan.dataParallelSize),
      [A.EXPERT_PARALLEL_SIZE]: String(plan.expertParallelSize),
      [A.NODES_PER_REPLICA]: String(plan.nodesPerReplica),
      [A.GPUS_PER_REPLICA]: String(plan.gpusPerReplica),
      [A.GPU]: plan.gpuDisplayName,
      [A.GPU_MEMORY_GB]: String(round(plan.gpuMemoryGb)),
      [A.USABLE_MEMORY_PER_GPU_GB]: String(plan.usableMemoryPerGpuGb),
      [A.WEIGHTS_PER_GPU_GB]: String(plan.weightsPerGpuGb),
      [A.KV_CACHE_PER_GPU_GB]: String(plan.kvCachePerGpuGb),
      [A.KV_CACHE_TOKENS]: String(plan.kvCacheTokens),
      [A.MAX_MODEL_LEN]: String(plan.maxModelLen),
      [A.MAX_CONCURRENT_SEQUENCES]: String(plan.maxConcurrentSequences),
      [A.WEIGHT_FORMAT]: plan.weightFormat,
      [A.KV_CACHE_FORMAT]: plan.kvCacheFormat,
      ...(plan.maxLoras > 0 ? { [A.LORA_MEMORY_PER_GPU_GB]: String(plan.loraMemoryPerGpuGb) } : {}),
    };
  }

  private constructor() {}
}
