import { check, fail, oneOf } from '../errors';
import { LlmModel, NumericFormat } from './llm';
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
   * parallelism cannot span MIG instances (no NVLink or P2P between them; shared/reference/llm-serving.md §3).
   * @default - whole GPUs
   */
  readonly migProfile?: string;
  /**
   * The units are time-sliced or MPS replicas of a GPU: one replica gets exactly one, because two of them may be the
   * same physical GPU (shared/reference/llm-serving.md §4).
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
   * Memory per GPU kept for activations, CUDA graphs and the CUDA/NCCL context, in GB ("a few GiB",
   * shared/reference/llm-serving.md §2; 3 GB reproduces its worked examples).
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
}

/** A feasible layout for one model replica and what it holds. */
export interface ServingPlan {
  /** `--tensor-parallel-size`: GPUs per pipeline stage, all on one node. */
  readonly tensorParallelSize: number;
  /** `--pipeline-parallel-size` (= nodes per replica). */
  readonly pipelineParallelSize: number;
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
  /** Memory of one GPU unit in GB. */
  readonly gpuMemoryGb: number;
  /** Memory vLLM may use per GPU: memory × utilization, in GB. */
  readonly usableMemoryPerGpuGb: number;
  /** Weights held by each GPU in GB. */
  readonly weightsPerGpuGb: number;
  /** Memory per GPU kept for activations and CUDA graphs in GB. */
  readonly activationReserveGb: number;
  /** KV-cache memory per GPU in GB. */
  readonly kvCachePerGpuGb: number;
  /** Tokens the KV cache of one replica holds (at full-length sequences). */
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
 * (shared/reference/llm-serving.md §2). Under TP each GPU holds KV heads / TP heads (one replicated head when TP
 * exceeds the KV heads), under PP ⌈layers / PP⌉ layers. A layout is feasible when its KV cache holds at least one
 * sequence of `maxModelLen` tokens: vLLM refuses to start otherwise. The planner returns the smallest feasible
 * layout — fewest GPUs, then fewest nodes — with TP within a node and dividing the heads, and pipeline stages across
 * nodes only when one node is not enough; or it refuses with the shortfall and the smallest layout that would fit.
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
  };
}

/** The (TP, PP) pairs to consider, smallest first. */
function layoutsOf(r: Resolved): Array<[number, number]> {
  if (r.migProfile !== undefined || r.sharedGpu) return [[1, 1]];
  const sizes = ServingPlanner.tensorParallelSizes(r.model, r.gpusPerNode);
  const pairs: Array<[number, number]> = sizes.map((tp) => [tp, 1]);
  // across nodes: pipeline stages, each as wide as tensor parallelism allows within a node
  const widest = sizes[sizes.length - 1];
  for (let pp = 2; pp <= Math.min(r.maxNodesPerReplica, r.model.layers); pp++) {
    pairs.push([r.tensorParallelSize ?? widest, pp]);
  }
  return pairs
    .filter(([tp, pp]) => (r.tensorParallelSize ?? tp) === tp && (r.pipelineParallelSize ?? pp) === pp)
    .sort((a, b) => a[0] * a[1] - b[0] * b[1] || a[1] - b[1]);
}

function evaluateAll(r: Resolved): Candidate[] {
  return layoutsOf(r).map(([tp, pp]) => evaluate(r, tp, pp));
}

function evaluate(r: Resolved, tp: number, pp: number): Candidate {
  const { model } = r;
  const gpus = tp * pp;
  const usable = r.unitMemoryGb * r.util;
  const weightsPerGpu = model.weightsGb(r.weightFormat) / gpus;
  const kvPerGpuGb = Math.max(0, usable - weightsPerGpu - r.reserveGb);
  // one GPU holds ⌈layers / PP⌉ layers and KV heads / TP heads (at least one, replicated when TP > KV heads)
  const headShare = Math.max(1 / model.kvHeads, 1 / tp);
  const layerShare = Math.ceil(model.layers / pp) / model.layers;
  const perTokenBytes = model.kvBytesPerToken(r.kvCacheFormat) * headShare * layerShare;
  const perSequenceBytes = model.kvBytesPerSequence(r.kvCacheFormat, r.maxModelLen) * headShare * layerShare;
  const sequenceBytes = r.maxModelLen * perTokenBytes + perSequenceBytes;
  const sequences = Math.floor((kvPerGpuGb * GB) / sequenceBytes);
  const tokens = Math.floor((kvPerGpuGb * GB) / (perTokenBytes + perSequenceBytes / r.maxModelLen));
  return {
    plan: {
      tensorParallelSize: tp,
      pipelineParallelSize: pp,
      gpusPerReplica: gpus,
      nodesPerReplica: pp,
      maxModelLen: r.maxModelLen,
      gpuMemoryUtilization: r.util,
      weightFormat: r.weightFormat,
      kvCacheFormat: r.kvCacheFormat,
      quantization: r.quantization,
      gpuMemoryGb: r.unitMemoryGb,
      usableMemoryPerGpuGb: round(usable),
      weightsPerGpuGb: round(weightsPerGpu),
      activationReserveGb: r.reserveGb,
      kvCachePerGpuGb: round(kvPerGpuGb),
      kvCacheTokens: sequences >= 1 ? tokens : 0,
      maxConcurrentSequences: sequences,
      migProfile: r.migProfile,
    },
    needPerGpuGb: weightsPerGpu + r.reserveGb + sequenceBytes / GB,
    sequencePerGpuGb: sequenceBytes / GB,
  };
}

function firstFeasible(r: Resolved): Candidate | undefined {
  return evaluateAll(r).find((c) => c.plan.maxConcurrentSequences >= 1);
}

function layoutName(plan: ServingPlan): string {
  if (plan.pipelineParallelSize === 1) return `TP=${plan.tensorParallelSize}`;
  return `TP=${plan.tensorParallelSize} × PP=${plan.pipelineParallelSize} on ${plan.nodesPerReplica} nodes`;
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
    return `${what} does not fit ${unit}: it needs ${gb(c.needPerGpuGb)} GB (${gb(weightsGb)} GB weights, ${gb(r.reserveGb)} GB reserve, ` +
      `${gb(c.sequencePerGpuGb)} GB KV for one sequence) but ${gb(usable)} GB is usable ${utilText}, ` +
      `${gb(c.needPerGpuGb - usable)} GB short; ${rule}; ${fixes}`;
  }

  const where = `${r.maxNodesPerReplica} node${r.maxNodesPerReplica === 1 ? '' : 's'} of ${r.gpusPerNode}× ${gpu.displayName}`;
  const largest = candidates[candidates.length - 1];
  const short = largest.needPerGpuGb - usable;
  return `${what} does not fit ${where}: the largest allowed layout, ${layoutName(largest.plan)}, needs ${gb(largest.needPerGpuGb)} GB per GPU ` +
    `(${gb(largest.plan.weightsPerGpuGb)} GB weights, ${gb(r.reserveGb)} GB reserve, ${gb(largest.sequencePerGpuGb)} GB KV for one sequence) ` +
    `but ${gb(usable)} GB is usable ${utilText}, ${gb(short)} GB short per GPU (${gb(short * largest.plan.gpusPerReplica)} GB in total); ${fixes}`;
}

/**
 * What would fit instead: the smallest layout without the pins and up to 64 nodes (or the smallest MIG slice), then,
 * keeping the requested layout limits, FP8 weights, an FP8 KV cache or a shorter context.
 */
function suggestions(r: Resolved): string {
  const found: string[] = [];
  const unpinned: Resolved = { ...r, tensorParallelSize: undefined, pipelineParallelSize: undefined };

  if (r.migProfile !== undefined) {
    const profiles = r.gpu.migProfiles.filter((p) => !p.mediaExtensions).sort((a, b) => a.memoryGb - b.memoryGb);
    const fits = profiles.find((p) => firstFeasible({ ...unpinned, unitMemoryGb: p.memoryGb, migProfile: p.name }));
    if (fits) {
      found.push(`smallest slice that fits: MIG ${fits.name}`);
    } else {
      const whole = firstFeasible({ ...unpinned, unitMemoryGb: r.gpu.memoryGb, migProfile: undefined, gpusPerNode: Math.max(r.gpusPerNode, 8) });
      found.push(whole ? `no MIG slice of ${r.gpu.displayName} holds it; use whole GPUs (${layoutName(whole.plan)})` : `no MIG slice of ${r.gpu.displayName} holds it`);
    }
  } else if (r.sharedGpu) {
    const whole = firstFeasible({ ...unpinned, sharedGpu: false, unitMemoryGb: r.gpu.memoryGb, gpusPerNode: Math.max(r.gpusPerNode, 1) });
    found.push(whole ? `use whole GPUs (${layoutName(whole.plan)})` : `a whole ${r.gpu.displayName} does not hold it either`);
  } else {
    const more = firstFeasible({ ...unpinned, maxNodesPerReplica: Math.max(r.maxNodesPerReplica, Math.min(SEARCH_NODES, r.model.layers)) });
    if (more) {
      const nodes = more.plan.nodesPerReplica;
      const allow = nodes > r.maxNodesPerReplica ? `; allow maxNodesPerReplica ${nodes}` : '';
      found.push(`smallest layout that fits: ${layoutName(more.plan)} (${more.plan.gpusPerReplica} GPUs${allow})`);
    } else {
      found.push(`no layout of up to ${Math.min(SEARCH_NODES, r.model.layers)} nodes holds it`);
    }
  }

  if (r.weightFormat !== NumericFormat.FP8 && isSixteenBit(r.model.nativeFormat)) {
    const fp8 = firstFeasible({ ...r, weightFormat: NumericFormat.FP8, quantization: 'fp8', kvCacheFormat: r.kvCacheFormat === NumericFormat.FP8 ? NumericFormat.FP8 : NumericFormat.BF16 });
    if (fp8) found.push(`or FP8 weights with ${layoutName(fp8.plan)}`);
  }
  if (r.kvCacheFormat !== NumericFormat.FP8) {
    const fp8Kv = firstFeasible({ ...r, kvCacheFormat: NumericFormat.FP8 });
    if (fp8Kv) found.push(`or an FP8 KV cache with ${layoutName(fp8Kv.plan)}`);
  }
  const longest = longestContext(r);
  if (longest !== undefined) found.push(`or max-model-len ${longest.plan.maxModelLen} or less with ${layoutName(longest.plan)}`);
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

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function gb(x: number): string {
  return x.toFixed(1);
}

/**
 * The annotations that say a server's plan on its workload (Deployment or LeaderWorkerSet), so that operators
 * (`kubectl describe`) and the capacity report read the layout, the memory of each GPU and the KV-cache capacity
 * without re-running the planner. Every value is a decimal string; sizes in GB are 1e9 bytes, rounded to 0.01.
 */
export class ServingPlanAnnotations {
  /** `--tensor-parallel-size`. */
  public static readonly TENSOR_PARALLEL_SIZE = 'ai-factory.dev/tensor-parallel-size';
  /** `--pipeline-parallel-size` (= nodes per replica). */
  public static readonly PIPELINE_PARALLEL_SIZE = 'ai-factory.dev/pipeline-parallel-size';
  /** Nodes one replica spans. */
  public static readonly NODES_PER_REPLICA = 'ai-factory.dev/nodes-per-replica';
  /** GPUs (or MIG instances) one replica uses. */
  public static readonly GPUS_PER_REPLICA = 'ai-factory.dev/gpus-per-replica';
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
      [A.NODES_PER_REPLICA]: String(plan.nodesPerReplica),
      [A.GPUS_PER_REPLICA]: String(plan.gpusPerReplica),
      [A.GPU_MEMORY_GB]: String(round(plan.gpuMemoryGb)),
      [A.USABLE_MEMORY_PER_GPU_GB]: String(plan.usableMemoryPerGpuGb),
      [A.WEIGHTS_PER_GPU_GB]: String(plan.weightsPerGpuGb),
      [A.KV_CACHE_PER_GPU_GB]: String(plan.kvCachePerGpuGb),
      [A.KV_CACHE_TOKENS]: String(plan.kvCacheTokens),
      [A.MAX_MODEL_LEN]: String(plan.maxModelLen),
      [A.MAX_CONCURRENT_SEQUENCES]: String(plan.maxConcurrentSequences),
      [A.WEIGHT_FORMAT]: plan.weightFormat,
      [A.KV_CACHE_FORMAT]: plan.kvCacheFormat,
    };
  }

  private constructor() {}
}
