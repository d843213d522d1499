import { check, fail } from '../errors';
import { LlmModel, NumericFormat, bytesPerElement } from './llm';
import { GpuModel } from '../hardware/gpu';

/** What to serve on what: the input of {@link ServingPlanner.plan}. */
export interface ServingRequest {
  /** The model. */
  readonly model: LlmModel;
  /** The GPU model of the nodes. */
  readonly gpu: GpuModel;
  /** GPUs per node available to one replica. */
  readonly gpusPerNode: number;
  /**
   * Nodes one replica may span (pipeline stages).
   * @default 1
   */
  readonly maxNodes?: number;
  /**
   * Longest request the server must accept (`--max-model-len`), in tokens.
   * @default - the model's maximum context
   */
  readonly maxModelLen?: number;
  /**
   * Weight format (on-the-fly FP8 quantization of BF16 weights is `FP8`).
   * @default - the model's native format
   */
  readonly weightFormat?: NumericFormat;
  /**
   * KV-cache format (`--kv-cache-dtype`).
   * @default - the weight format for 16-bit weights, else BF16
   */
  readonly kvCacheFormat?: NumericFormat;
  /**
   * Fraction of each GPU's memory vLLM may use (`--gpu-memory-utilization`).
   * @default 0.9
   */
  readonly gpuMemoryUtilization?: number;
  /**
   * Memory per GPU kept for activations and CUDA graphs, in GB.
   * @default 4
   */
  readonly activationReserveGb?: number;
}

/** A feasible layout for one model replica and what it holds. */
export interface ServingPlan {
  /** `--tensor-parallel-size`. */
  readonly tensorParallelSize: number;
  /** `--pipeline-parallel-size` (= nodes per replica). */
  readonly pipelineParallelSize: number;
  /** GPUs per replica. */
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
  /** Weights held by each GPU in GB. */
  readonly weightsPerGpuGb: number;
  /** KV-cache memory per GPU in GB. */
  readonly kvCachePerGpuGb: number;
  /** Tokens the KV cache of one replica holds. */
  readonly kvCacheTokens: number;
  /** Sequences of `maxModelLen` tokens that fit the KV cache at once. */
  readonly maxConcurrentSequences: number;
}

const GB = 1e9;

/**
 * Sizes vLLM deployments. Pure: no constructs.
 *
 * Memory per GPU = total × utilization − weights / (TP × PP) − activation reserve, the rest is KV cache
 * (shared/reference/llm-serving.md §2). A layout is feasible when that KV cache holds at least one sequence of
 * `maxModelLen` tokens (vLLM refuses to start otherwise).
 */
export class ServingPlanner {
  /** The smallest feasible layout (fewest GPUs, then fewest nodes), or an error naming the shortfall. */
  public static plan(request: ServingRequest): ServingPlan {
    const candidates = ServingPlanner.layouts(request);
    const feasible = candidates.find((c) => c.maxConcurrentSequences >= 1);
    if (feasible) return feasible;
    const { model, gpu } = request;
    const biggest = candidates[candidates.length - 1];
    const need = (model.weightsGb(biggest.weightFormat) / biggest.gpusPerReplica) + (request.activationReserveGb ?? 4);
    const have = gpu.memoryGb * biggest.gpuMemoryUtilization;
    return fail(
      `${model.name} (${biggest.weightFormat}, max-model-len ${biggest.maxModelLen}) does not fit ${request.maxNodes ?? 1} node(s) of ` +
        `${request.gpusPerNode}× ${gpu.displayName}: even TP=${biggest.tensorParallelSize} PP=${biggest.pipelineParallelSize} needs ` +
        `${(need + biggest.maxModelLen * ServingPlanner.kvBytesPerTokenPerGpu(model, biggest) / GB).toFixed(1)} GB per GPU but ` +
        `${have.toFixed(1)} GB is usable; allow more nodes, quantize the weights, or lower the context`,
    );
  }

  /** Every layout the hardware allows, smallest first, with its KV capacity (capacity 0 when it does not fit). */
  public static layouts(request: ServingRequest): ServingPlan[] {
    const { model, gpu } = request;
    const maxNodes = request.maxNodes ?? 1;
    const weightFormat = request.weightFormat ?? model.nativeFormat;
    const kvCacheFormat = request.kvCacheFormat ?? (bytesPerElement(weightFormat) === 2 ? weightFormat : NumericFormat.BF16);
    const maxModelLen = request.maxModelLen ?? model.maxContextTokens;
    const util = request.gpuMemoryUtilization ?? 0.9;
    const reserveGb = request.activationReserveGb ?? 4;
    check(Number.isInteger(request.gpusPerNode) && request.gpusPerNode >= 1, `gpusPerNode ${request.gpusPerNode} must be a positive integer`);
    check(Number.isInteger(maxNodes) && maxNodes >= 1, `maxNodes ${maxNodes} must be a positive integer`);
    check(util > 0 && util <= 1, `gpuMemoryUtilization ${util} must be in (0, 1]`);
    check(Number.isInteger(maxModelLen) && maxModelLen >= 1, `maxModelLen ${maxModelLen} must be a positive integer`);
    check(maxModelLen <= model.maxContextTokens,
      `maxModelLen ${maxModelLen} is above the ${model.maxContextTokens}-token maximum context of ${model.name}; use at most ${model.maxContextTokens}`);

    const plans: ServingPlan[] = [];
    for (let pp = 1; pp <= maxNodes; pp++) {
      if (pp > model.layers) break;
      for (const tp of ServingPlanner.tensorParallelSizes(model, request.gpusPerNode)) {
        const gpus = tp * pp;
        const weightsPerGpu = model.weightsGb(weightFormat) / gpus;
        const kvPerGpu = Math.max(0, gpu.memoryGb * util - weightsPerGpu - reserveGb);
        const layout = { tensorParallelSize: tp, pipelineParallelSize: pp, weightFormat, kvCacheFormat, maxModelLen };
        const perToken = ServingPlanner.kvBytesPerTokenPerGpu(model, layout);
        const tokens = Math.floor((kvPerGpu * GB) / perToken);
        plans.push({
          ...layout,
          gpusPerReplica: gpus,
          nodesPerReplica: pp,
          gpuMemoryUtilization: util,
          weightsPerGpuGb: round(weightsPerGpu),
          kvCachePerGpuGb: round(kvPerGpu),
          kvCacheTokens: tokens,
          maxConcurrentSequences: Math.floor(tokens / maxModelLen),
        });
      }
    }
    return plans.sort((a, b) => a.gpusPerReplica - b.gpusPerReplica || a.nodesPerReplica - b.nodesPerReplica);
  }

  /**
   * Tensor-parallel sizes vLLM accepts for the model within one node: divisors of the attention heads that either
   * divide the KV heads or are a multiple of them (KV heads are then replicated).
   */
  public static tensorParallelSizes(model: LlmModel, gpusPerNode: number): number[] {
    const sizes: number[] = [];
    for (let tp = 1; tp <= gpusPerNode; tp++) {
      if (model.attentionHeads % tp !== 0) continue;
      if (model.kvHeads % tp !== 0 && tp % model.kvHeads !== 0) continue;
      sizes.push(tp);
    }
    return sizes;
  }

  /** KV bytes per token held by one GPU: its layers (1/PP) and its KV heads (1/TP, at least one head). */
  private static kvBytesPerTokenPerGpu(
    model: LlmModel,
    layout: { tensorParallelSize: number; pipelineParallelSize: number; kvCacheFormat: NumericFormat },
  ): number {
    const headsPerGpu = Math.max(1, model.kvHeads / layout.tensorParallelSize);
    const layersPerGpu = Math.ceil(model.layers / layout.pipelineParallelSize);
    return 2 * layersPerGpu * headsPerGpu * model.headDim * bytesPerElement(layout.kvCacheFormat);
  }
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
