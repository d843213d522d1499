import * as fc from 'fast-check';
import { GpuModel } from '../../../lib/hardware/gpu';
import { LlmModel, NumericFormat } from '../../../lib/models/llm';
import { ServingPlan, ServingPlanAnnotations, ServingPlanner, ServingRequest } from '../../../lib/models/serving-plan';

const GB = 1e9;
const H100 = GpuModel.H100_SXM5_80GB;
const H200 = GpuModel.H200_SXM_141GB;

/**
 * Independent feasibility check: does one GPU of a (TP, PP) layout hold its share of the weights, the reserve and one
 * full-length sequence of KV cache? Written from the model's numbers, not from the planner's candidate list.
 */
function fits(request: ServingRequest, tp: number, pp: number): boolean {
  const { model } = request;
  const weightFormat = request.weightFormat ?? model.nativeFormat;
  const sixteenBit = weightFormat === NumericFormat.BF16 || weightFormat === NumericFormat.FP16;
  const kv = request.kvCacheFormat ?? (sixteenBit ? weightFormat : NumericFormat.BF16);
  const len = request.maxModelLen ?? model.maxContextTokens;
  const memory = request.gpuMemoryGb ?? request.gpu.memoryGb;
  const headsPerGpu = Math.max(1, model.kvHeads / tp);
  const layersPerGpu = Math.ceil(model.layers / pp);
  const wholeModelBytes = model.kvBytesPerToken(kv) * len + model.kvBytesPerSequence(kv, len);
  const sequenceBytes = wholeModelBytes * (headsPerGpu / model.kvHeads) * (layersPerGpu / model.layers);
  return model.weightsGb(weightFormat) / (tp * pp) + 3 + sequenceBytes / GB <= memory * 0.9;
}

/** Every layout a user could ask for on nodes of `gpusPerNode`: TP a divisor of the heads within a node, PP up to maxNodesPerReplica. */
function allLayouts(model: LlmModel, gpusPerNode: number, maxNodesPerReplica: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let tp = 1; tp <= gpusPerNode; tp++) {
    if (model.attentionHeads % tp !== 0 || (model.kvHeads % tp !== 0 && tp % model.kvHeads !== 0)) continue;
    for (let pp = 1; pp <= maxNodesPerReplica; pp++) out.push([tp, pp]);
  }
  return out;
}

function tryPlan(request: ServingRequest): ServingPlan | Error {
  try {
    return ServingPlanner.plan(request);
  } catch (e) {
    return e as Error;
  }
}

describe('ServingPlanner: the reference worked examples (shared/reference/llm-serving.md §2)', () => {
  test('8B BF16 on one L40S: ≈24 GB KV, ~180K tokens, 22 sequences of 8K', () => {
    const plan = ServingPlanner.plan({ model: LlmModel.LLAMA_3_1_8B, gpu: GpuModel.L40S_48GB, gpusPerNode: 1, maxModelLen: 8192 });
    expect(plan).toMatchObject({ tensorParallelSize: 1, usableMemoryPerGpuGb: 43.2, weightsPerGpuGb: 16.06, maxConcurrentSequences: 22 });
    expect(plan.kvCachePerGpuGb).toBeCloseTo(24, 0);
    expect(plan.kvCacheTokens).toBeGreaterThan(175_000);
    expect(plan.kvCacheTokens).toBeLessThan(190_000);
  });

  test('70B BF16 at TP=8 on 8× H100: 17.6 GB weights and ≈50 GB KV per GPU, ~1.2M tokens', () => {
    const plan = ServingPlanner.plan({ model: LlmModel.LLAMA_3_1_70B, gpu: GpuModel.H100_SXM5_80GB, gpusPerNode: 8, tensorParallelSize: 8 });
    expect(plan.weightsPerGpuGb).toBeCloseTo(17.6, 1);
    expect(plan.kvCachePerGpuGb).toBeGreaterThan(50);
    expect(plan.kvCachePerGpuGb).toBeLessThan(52);
    expect(plan.kvCacheTokens / 1e6).toBeCloseTo(1.2, 0);
  });

  test('70B BF16 on H200 needs TP=2: 70.6 GB weights, ~52 GB KV per GPU, ~320K tokens', () => {
    const plan = ServingPlanner.plan({ model: LlmModel.LLAMA_3_1_70B, gpu: GpuModel.H200_SXM_141GB, gpusPerNode: 8 });
    expect(plan).toMatchObject({ tensorParallelSize: 2, pipelineParallelSize: 1, weightsPerGpuGb: 70.6 });
    expect(plan.kvCachePerGpuGb).toBeCloseTo(53, 0);
    expect(Math.round(plan.kvCacheTokens / 10_000) * 10_000).toBeGreaterThanOrEqual(320_000);
    expect(plan.kvCacheTokens).toBeLessThan(330_000);
  });

  test('70B with FP8 weights fits one H200: ~160K tokens of BF16 KV, twice that with an FP8 KV cache', () => {
    const bf16Kv = ServingPlanner.plan({ model: LlmModel.LLAMA_3_1_70B, gpu: H200, gpusPerNode: 8, weightFormat: NumericFormat.FP8 });
    expect(bf16Kv).toMatchObject({ tensorParallelSize: 1, quantization: 'fp8', kvCacheFormat: NumericFormat.BF16 });
    expect(Math.round(bf16Kv.kvCacheTokens / 1000)).toBeGreaterThanOrEqual(159);
    expect(bf16Kv.kvCacheTokens).toBeLessThan(165_000);
    const fp8Kv = ServingPlanner.plan({
      model: LlmModel.LLAMA_3_1_70B, gpu: GpuModel.H200_SXM_141GB, gpusPerNode: 8, weightFormat: NumericFormat.FP8, kvCacheFormat: NumericFormat.FP8,
    });
    expect(fp8Kv.kvCacheTokens).toBe(2 * bf16Kv.kvCacheTokens + (fp8Kv.kvCacheTokens % 2));
  });

  test('405B FP8 at TP=8 on 8× H200: 50.6 GB weights, ~72 GB KV per GPU, ~1.1M tokens', () => {
    const plan = ServingPlanner.plan({ model: LlmModel.LLAMA_3_1_405B_FP8, gpu: GpuModel.H200_SXM_141GB, gpusPerNode: 8, tensorParallelSize: 8 });
    expect(plan.weightsPerGpuGb).toBeCloseTo(50.6, 1);
    expect(plan.kvCachePerGpuGb).toBeCloseTo(73, 0);
    expect(plan.kvCacheTokens / 1e6).toBeCloseTo(1.1, 1);
  });

  test('405B BF16 does not fit one 8× H100 node; it needs TP=8 × PP=2 on two nodes', () => {
    expect(tryPlan({ model: LlmModel.LLAMA_3_1_405B, gpu: GpuModel.H100_SXM5_80GB, gpusPerNode: 8, maxModelLen: 8192 })).toBeInstanceOf(Error);
    const plan = ServingPlanner.plan({ model: LlmModel.LLAMA_3_1_405B, gpu: H100, gpusPerNode: 8, maxNodesPerReplica: 2, maxModelLen: 8192 });
    expect(plan).toMatchObject({ tensorParallelSize: 8, pipelineParallelSize: 2, gpusPerReplica: 16, nodesPerReplica: 2 });
  });
});

describe('ServingPlanner: other models', () => {
  test('gpt-oss-120b (MXFP4 experts) fits one H100 at 32K context and needs TP=2 at its full 128K', () => {
    expect(ServingPlanner.plan({ model: LlmModel.GPT_OSS_120B, gpu: H100, gpusPerNode: 8, maxModelLen: 32768 }).tensorParallelSize).toBe(1);
    expect(ServingPlanner.plan({ model: LlmModel.GPT_OSS_120B, gpu: GpuModel.H100_SXM5_80GB, gpusPerNode: 8 }).tensorParallelSize).toBe(2);
  });

  test('Whisper large-v3 fits a 1g.10gb MIG slice: 448-token context, cross-attention KV per sequence', () => {
    const plan = ServingPlanner.plan({ model: LlmModel.WHISPER_LARGE_V3, gpu: GpuModel.H100_SXM5_80GB, gpusPerNode: 7, migProfile: '1g.10gb' });
    expect(plan).toMatchObject({ tensorParallelSize: 1, maxModelLen: 448, migProfile: '1g.10gb', gpuMemoryGb: 10 });
    // 2.9 GB of KV / (448 × 160 KiB + 245.76 MB) per sequence
    expect(plan.maxConcurrentSequences).toBe(9);
  });

  test('Qwen2.5 7B: tensor parallelism of 1, 2 or 4 only (28 heads, 4 KV heads)', () => {
    expect(ServingPlanner.tensorParallelSizes(LlmModel.QWEN_2_5_7B, 8)).toEqual([1, 2, 4]);
    expect(ServingPlanner.tensorParallelSizes(LlmModel.LLAMA_3_1_70B, 8)).toEqual([1, 2, 4, 8]);
    expect(ServingPlanner.tensorParallelSizes(LlmModel.LLAMA_3_1_70B, 6)).toEqual([1, 2, 4]);
  });

  test('an 8B model on a 3g.40gb MIG slice', () => {
    const plan = ServingPlanner.plan({ model: LlmModel.LLAMA_3_1_8B, gpu: H100, gpusPerNode: 2, migProfile: '3g.40gb', maxModelLen: 32768 });
    expect(plan).toMatchObject({ tensorParallelSize: 1, gpuMemoryGb: 40, maxConcurrentSequences: 3 });
  });
});

describe('ServingPlanner: refusals', () => {
  test('fails when the model does not fit the chosen GPUs (shortfall and the smallest layout that fits)', () => {
    expect(() => ServingPlanner.plan({ model: LlmModel.LLAMA_3_1_405B, gpu: GpuModel.H100_SXM5_80GB, gpusPerNode: 8, maxModelLen: 8192 })).toThrow(
      'llama-3.1-405b (bfloat16 weights, bfloat16 KV cache, max-model-len 8192) does not fit 1 node of 8× NVIDIA H100 SXM5 80GB: ' +
      'the largest allowed layout, TP=8, needs 104.7 GB per GPU (101.2 GB weights, 3.0 GB reserve, 0.5 GB KV for one sequence) ' +
      'but 72.0 GB is usable at gpu-memory-utilization 0.9, 32.7 GB short per GPU (261.6 GB in total); ' +
      'smallest layout that fits: TP=8 × PP=2 on 2 nodes (16 GPUs; allow maxNodesPerReplica 2), KV cache 571K tokens (69 × 8192); ' +
      'or FP8 weights with TP=8, KV cache 285K tokens (34 × 8192)',
    );
  });

  test('fails when a pinned layout is too small, naming the one that fits', () => {
    expect(() => ServingPlanner.plan({ model: LlmModel.LLAMA_3_1_70B, gpu: GpuModel.H100_SXM5_80GB, gpusPerNode: 8, tensorParallelSize: 2 })).toThrow(
      /the largest allowed layout, TP=2, needs 95\.1 GB per GPU .* 23\.1 GB short per GPU \(46\.1 GB in total\); smallest layout that fits: TP=4 \(4 GPUs\), KV cache 411K tokens \(3 × 131072\); or FP8 weights with TP=2, KV cache 206K tokens \(1 × 131072\)$/,
    );
  });

  test('fails when the context is so long that only a shorter one fits', () => {
    expect(() => ServingPlanner.plan({ model: LlmModel.LLAMA_3_1_8B, gpu: GpuModel.L40S_48GB, gpusPerNode: 1, gpuMemoryUtilization: 0.5 })).toThrow(
      /does not fit 1 node of 1× NVIDIA L40S: .* 12\.2 GB short per GPU \(12\.2 GB in total\); smallest layout that fits: TP=1 × PP=2 on 2 nodes \(2 GPUs; allow maxNodesPerReplica 2\), KV cache 198K tokens \(1 × 131072\); or max-model-len 36864 or less with TP=1, KV cache 38K tokens \(1 × 36864\)$/,
    );
  });

  test('fails when the tensor-parallel size does not divide the attention heads', () => {
    expect(() => ServingPlanner.plan({ model: LlmModel.QWEN_2_5_7B, gpu: GpuModel.L40S_48GB, gpusPerNode: 8, tensorParallelSize: 8 })).toThrow(
      'tensorParallelSize 8 does not divide the 28 attention heads of qwen2.5-7b; use 1, 2 or 4',
    );
  });

  test('fails when the tensor-parallel size does not suit the KV heads', () => {
    const l40s = GpuModel.L40S_48GB;
    expect(() => ServingPlanner.plan({ model: LlmModel.LLAMA_3_1_70B, gpu: l40s, gpusPerNode: 32, tensorParallelSize: 32, maxModelLen: 1024 }))
      .not.toThrow();
    const model = LlmModel.custom({ name: 'gqa', huggingFaceId: 'x/gqa', parametersBillions: 1, layers: 4, hiddenSize: 768, attentionHeads: 12, kvHeads: 4, headDim: 64, maxContextTokens: 4096 });
    expect(() => ServingPlanner.plan({ model, gpu: GpuModel.L40S_48GB, gpusPerNode: 8, tensorParallelSize: 6 })).toThrow(
      'tensorParallelSize 6 neither divides nor is a multiple of the 4 KV heads of gqa; use 1, 2 or 4',
    );
  });

  test('fails when the tensor-parallel size exceeds the GPUs per node', () => {
    expect(() => ServingPlanner.plan({ model: LlmModel.LLAMA_3_1_405B, gpu: H100, gpusPerNode: 8, tensorParallelSize: 16 })).toThrow(
      'tensorParallelSize 16 exceeds the 8 GPUs per node; tensor parallelism stays within one node (NVLink), so use at most 8 and add pipeline stages across nodes',
    );
  });

  test('fails when a MIG slice is smaller than the weights', () => {
    expect(() => ServingPlanner.plan({ model: LlmModel.LLAMA_3_1_8B, gpu: H100, gpusPerNode: 7, migProfile: '1g.10gb', maxModelLen: 8192 })).toThrow(
      'llama-3.1-8b weights need 16.1 GB (bfloat16) but a MIG 1g.10gb slice of NVIDIA H100 SXM5 80GB holds 10.0 GB, 9.0 GB usable at ' +
      'gpu-memory-utilization 0.9; tensor parallelism cannot span MIG slices; smallest slice that fits: MIG 3g.40gb',
    );
    expect(() => ServingPlanner.plan({ model: LlmModel.LLAMA_3_1_70B, gpu: GpuModel.H100_SXM5_80GB, gpusPerNode: 2, migProfile: '3g.40gb' })).toThrow(
      /tensor parallelism cannot span MIG slices; no MIG slice of NVIDIA H100 SXM5 80GB holds it; use whole GPUs \(TP=4\), KV cache 411K tokens \(3 × 131072\)$/,
    );
  });

  test('fails when tensor parallelism is asked of MIG slices', () => {
    expect(() => ServingPlanner.plan({ model: LlmModel.LLAMA_3_1_8B, gpu: H100, gpusPerNode: 7, migProfile: '1g.10gb', tensorParallelSize: 2 })).toThrow(
      'tensorParallelSize 2 cannot be used on MIG 1g.10gb slices: tensor parallelism cannot span MIG instances (no NVLink or P2P between them); use 1',
    );
  });

  test('fails when the MIG profile does not exist on the GPU', () => {
    expect(() => ServingPlanner.plan({ model: LlmModel.LLAMA_3_1_8B, gpu: GpuModel.L40S_48GB, gpusPerNode: 1, migProfile: '1g.10gb' })).toThrow(
      /^NVIDIA L40S has no MIG profiles/,
    );
  });

  test('fails when the context is longer than the model supports', () => {
    expect(() => ServingPlanner.plan({ model: LlmModel.LLAMA_3_1_8B, gpu: GpuModel.H100_SXM5_80GB, gpusPerNode: 1, maxModelLen: 200000 })).toThrow(
      'maxModelLen 200000 is above the 131072-token maximum context of llama-3.1-8b; use at most 131072',
    );
    expect(() => ServingPlanner.plan({ model: LlmModel.WHISPER_LARGE_V3, gpu: GpuModel.L40S_48GB, gpusPerNode: 1, maxModelLen: 1024 })).toThrow(
      'maxModelLen 1024 is above the 448-token maximum context of whisper-large-v3; use at most 448',
    );
  });

  test('fails when a weight format needs a checkpoint that was not given', () => {
    expect(() => ServingPlanner.plan({ model: LlmModel.LLAMA_3_1_70B, gpu: H100, gpusPerNode: 8, weightFormat: NumericFormat.INT4 })).toThrow(
      'weightFormat int4 needs a checkpoint in that format: llama-3.1-70b ships bfloat16 weights and vLLM quantizes on the fly only from 16-bit to fp8; ' +
      'use model.withCheckpoint({ huggingFaceId, weightFormat }) for a quantized repository',
    );
  });

  test('fails when the KV-cache format is not one vLLM serves the model with', () => {
    expect(() => ServingPlanner.plan({ model: LlmModel.LLAMA_3_1_8B, gpu: H100, gpusPerNode: 1, kvCacheFormat: NumericFormat.INT4 })).toThrow(
      'kvCacheFormat int4 is not a KV-cache format vLLM serves llama-3.1-8b with; use bfloat16 (the activation format) or fp8',
    );
  });

  test('fails when pipeline stages exceed the allowed nodes', () => {
    const request = { model: LlmModel.LLAMA_3_1_405B, gpu: H100, gpusPerNode: 8, pipelineParallelSize: 3, maxNodesPerReplica: 2 };
    expect(() => ServingPlanner.plan(request)).toThrow(
      'pipelineParallelSize 3 needs 3 nodes but maxNodesPerReplica is 2; raise maxNodesPerReplica or lower pipelineParallelSize',
    );
  });
});

describe('ServingPlanner: properties over (model, GPU, dtype, context, nodes)', () => {
  // dense models: the (TP, PP) rule; mixture-of-experts models have their own properties below
  const models = LlmModel.all().filter((m) => m.nativeFormat === NumericFormat.BF16 && !m.mixtureOfExperts);
  const gpus = [GpuModel.L40S_48GB, GpuModel.A100_SXM4_80GB, GpuModel.H100_SXM5_80GB, GpuModel.H200_SXM_141GB, GpuModel.B200_180GB];
  const request = fc.record({
    model: fc.constantFrom(...models),
    gpu: fc.constantFrom(...gpus),
    weightFormat: fc.constantFrom(NumericFormat.BF16, NumericFormat.FP8),
    kvCacheFormat: fc.constantFrom(NumericFormat.BF16, NumericFormat.FP8),
    contextShare: fc.double({ min: 0.001, max: 1, noNaN: true }),
    gpusPerNode: fc.constantFrom(1, 2, 4, 8),
    maxNodesPerReplica: fc.integer({ min: 1, max: 4 }),
  }).map(({ model, contextShare, ...rest }): ServingRequest => ({
    model, maxModelLen: Math.max(1, Math.floor(model.maxContextTokens * contextShare)), ...rest,
  }));

  test('the plan is feasible and minimal: the fewest GPUs on one node, else the fewest nodes of full-width stages', () => {
    fc.assert(fc.property(request, (r) => {
      const sizes = allLayouts(r.model, r.gpusPerNode, 1).map(([tp]) => tp);
      const widest = sizes[sizes.length - 1];
      // the rule of the issue: TP within a node; pipeline stages across nodes only when one node is not enough
      const singleNode = sizes.find((tp) => fits(r, tp, 1));
      let expected: [number, number] | undefined = singleNode !== undefined ? [singleNode, 1] : undefined;
      for (let pp = 2; expected === undefined && pp <= r.maxNodesPerReplica!; pp++) {
        if (fits(r, widest, pp)) expected = [widest, pp];
      }
      const plan = tryPlan(r);
      if (expected === undefined) return plan instanceof Error;
      return !(plan instanceof Error) &&
        plan.tensorParallelSize === expected[0] && plan.pipelineParallelSize === expected[1] &&
        plan.kvCacheTokens >= plan.maxModelLen && plan.maxConcurrentSequences >= 1 &&
        r.model.attentionHeads % plan.tensorParallelSize === 0 && plan.tensorParallelSize <= r.gpusPerNode;
    }), { numRuns: 400 });
  });

  test('the plan annotations name the GPU it was sized for as the catalog lists it', () => {
    fc.assert(fc.property(request, (r) => {
      const plan = tryPlan(r);
      if (plan instanceof Error) return true;
      const name = ServingPlanAnnotations.of(plan)[ServingPlanAnnotations.GPU];
      return name === r.gpu.displayName && GpuModel.all().filter((g) => g.displayName === name).length === 1;
    }), { numRuns: 100 });
  });

  test('no layout with fewer GPUs on one node fits than the plan', () => {
    fc.assert(fc.property(request, (r) => {
      const plan = tryPlan(r);
      if (plan instanceof Error || plan.pipelineParallelSize > 1) return true;
      return allLayouts(r.model, r.gpusPerNode, 1).every(([tp]) => tp >= plan.tensorParallelSize || !fits(r, tp, 1));
    }), { numRuns: 200 });
  });

  test('more memory per GPU never needs more GPUs; a longer context never needs fewer', () => {
    fc.assert(fc.property(request, (r) => {
      const base = tryPlan(r);
      const bigger = tryPlan({ ...r, gpuMemoryGb: r.gpu.memoryGb * 1.5 });
      const longer = tryPlan({ ...r, maxModelLen: Math.min(r.model.maxContextTokens, r.maxModelLen! * 2) });
      if (!(base instanceof Error)) {
        if (bigger instanceof Error || bigger.gpusPerReplica > base.gpusPerReplica) return false;
      }
      if (!(longer instanceof Error) && (base instanceof Error || longer.gpusPerReplica < base.gpusPerReplica)) return false;
      return true;
    }), { numRuns: 300 });
  });

  test('a refusal that names a layout with more nodes is right: allowing those nodes yields exactly that layout', () => {
    fc.assert(fc.property(request, (r) => {
      const plan = tryPlan(r);
      if (!(plan instanceof Error)) return true;
      const named = /smallest layout that fits: TP=(\d+)(?: × PP=(\d+) on (\d+) nodes)? \((\d+) GPUs(?:; allow maxNodesPerReplica (\d+))?\)/.exec(plan.message);
      if (!named) return /no layout of up to \d+ nodes holds it/.test(plan.message);
      const nodes = Number(named[5] ?? r.maxNodesPerReplica);
      const replan = ServingPlanner.plan({ ...r, maxNodesPerReplica: nodes });
      return replan.tensorParallelSize === Number(named[1]) && replan.pipelineParallelSize === Number(named[2] ?? 1) &&
        replan.gpusPerReplica === Number(named[4]);
    }), { numRuns: 300 });
  });
});

describe('ServingPlanner: mixture of experts (data and expert parallelism)', () => {
  test('DeepSeek-R1 FP8 on two 8× H100 nodes: wide EP, TP=1 × DP=16, experts over all 16 GPUs, MLA KV per rank', () => {
    const plan = ServingPlanner.plan({ model: LlmModel.DEEPSEEK_R1, gpu: H100, gpusPerNode: 8, maxNodesPerReplica: 2, maxModelLen: 32768 });
    expect(plan).toMatchObject({
      tensorParallelSize: 1,
      pipelineParallelSize: 1,
      dataParallelSize: 16,
      expertParallel: true,
      expertParallelSize: 16,
      gpusPerReplica: 16,
      nodesPerReplica: 2,
    });
    // 17.1 GB of attention, shared experts and embeddings on every rank + 653.9 GB of experts / 16
    const dense = 671 - (58 * 256 * 3 * 7168 * 2048) / 1e9;
    expect(plan.weightsPerGpuGb).toBeCloseTo(dense + (671 - dense) / 16, 1);
    // every rank holds its own latent cache: 72 − 57.96 − 3 GB over 70,272 bytes per token, 16 ranks
    const perRank = Math.floor((plan.kvCachePerGpuGb * GB) / 70272);
    expect(Math.abs(plan.kvCacheTokens - 16 * perRank)).toBeLessThanOrEqual(16 * 200);
  });

  test('DeepSeek-R1 on one 8× H200 node: TP=1 × DP=8 holds more KV than TP=8, which replicates the MLA latent', () => {
    const plan = ServingPlanner.plan({ model: LlmModel.DEEPSEEK_R1, gpu: H200, gpusPerNode: 8, maxModelLen: 32768 });
    expect(plan).toMatchObject({ tensorParallelSize: 1, dataParallelSize: 8, expertParallelSize: 8, nodesPerReplica: 1 });
    const tp8 = ServingPlanner.plan({ model: LlmModel.DEEPSEEK_R1, gpu: H200, gpusPerNode: 8, maxModelLen: 32768, tensorParallelSize: 8 });
    expect(tp8).toMatchObject({ tensorParallelSize: 8, dataParallelSize: 1, expertParallel: false });
    expect(plan.kvCacheTokens).toBeGreaterThan(4 * tp8.kvCacheTokens);
  });

  test('Qwen3-235B-A22B BF16 on 8× H100: TP=4 × DP=2 with EP=8 (4 KV heads: TP=8 would replicate them)', () => {
    const plan = ServingPlanner.plan({ model: LlmModel.QWEN3_235B_A22B, gpu: H100, gpusPerNode: 8, maxModelLen: 32768 });
    expect(plan).toMatchObject({ tensorParallelSize: 4, dataParallelSize: 2, expertParallelSize: 8, gpusPerReplica: 8 });
  });

  test('Mixtral 8x7B fits one H200 and needs TP=2 on H100; dense layouts stay dense', () => {
    expect(ServingPlanner.plan({ model: LlmModel.MIXTRAL_8X7B, gpu: H200, gpusPerNode: 8, maxModelLen: 8192 }))
      .toMatchObject({ tensorParallelSize: 1, dataParallelSize: 1, expertParallel: false });
    expect(ServingPlanner.plan({ model: LlmModel.MIXTRAL_8X7B, gpu: H100, gpusPerNode: 8, maxModelLen: 8192 }).tensorParallelSize).toBe(2);
  });

  test('fails when the expert parallel size does not divide the experts', () => {
    expect(() => ServingPlanner.plan({ model: LlmModel.QWEN3_235B_A22B, gpu: H100, gpusPerNode: 8, tensorParallelSize: 2, dataParallelSize: 3 }))
      .toThrow('expert parallel size 6 (tensorParallelSize 2 × dataParallelSize 3) does not divide the 128 experts of qwen3-235b-a22b: ' +
        'GPUs would hold unequal numbers of experts; use an expert parallel size of 2, 4, 8, 16, 32, 64 or 128');
  });

  test('fails when DP × TP does not match the GPUs of the pool', () => {
    const r1 = { model: LlmModel.DEEPSEEK_R1, gpu: H100, gpusPerNode: 8 };
    expect(() => ServingPlanner.plan({ ...r1, maxNodesPerReplica: 2, tensorParallelSize: 4, dataParallelSize: 3 }))
      .toThrow('dataParallelSize 3 × tensorParallelSize 4 = 12 GPUs neither fits one node of 8 GPUs nor fills whole nodes; ' +
        'make DP × TP at most 8 or a multiple of it');
    expect(() => ServingPlanner.plan({ model: LlmModel.DEEPSEEK_R1, gpu: H100, gpusPerNode: 8, tensorParallelSize: 1, dataParallelSize: 16 }))
      .toThrow('dataParallelSize 16 × tensorParallelSize 1 = 16 GPUs needs 2 nodes but maxNodesPerReplica is 1; ' +
        'raise maxNodesPerReplica or lower dataParallelSize');
  });

  test('fails when the experts do not fit even the largest allowed layout, saying how many nodes would', () => {
    expect(() => ServingPlanner.plan({ model: LlmModel.DEEPSEEK_R1, gpu: H100, gpusPerNode: 8, maxModelLen: 32768 }))
      .toThrow(new RegExp('^deepseek-r1 \\(fp8 weights, bfloat16 KV cache, max-model-len 32768\\) does not fit 1 node of 8× NVIDIA H100 SXM5 80GB: ' +
        '.*smallest layout that fits: TP=1 × DP=16 with EP=16 on 2 nodes \\(16 GPUs; allow maxNodesPerReplica 2\\)'));
  });

  test('fails when expert parallelism is asked of a dense model', () => {
    expect(() => ServingPlanner.plan({ model: LlmModel.LLAMA_3_1_70B, gpu: H100, gpusPerNode: 8, expertParallel: true }))
      .toThrow('expertParallel needs a mixture-of-experts model; llama-3.1-70b is dense');
  });

  test('fails when data and pipeline parallelism are pinned together', () => {
    const r1 = { model: LlmModel.DEEPSEEK_R1, gpu: H100, gpusPerNode: 8, maxNodesPerReplica: 4 };
    expect(() => ServingPlanner.plan({ ...r1, dataParallelSize: 2, pipelineParallelSize: 2 }))
      .toThrow(/^dataParallelSize 2 with pipelineParallelSize 2 is not a layout the planner renders/);
  });

  const moeModels = LlmModel.all().filter((m) => m.mixtureOfExperts);
  const gpus = [GpuModel.A100_SXM4_80GB, GpuModel.H100_SXM5_80GB, GpuModel.H200_SXM_141GB, GpuModel.B200_180GB, GpuModel.MI300X_192GB];
  const moeRequest = fc.record({
    model: fc.constantFrom(...moeModels),
    gpu: fc.constantFrom(...gpus),
    contextShare: fc.double({ min: 0.0005, max: 0.25, noNaN: true }),
    gpusPerNode: fc.constantFrom(4, 8),
    maxNodesPerReplica: fc.integer({ min: 1, max: 4 }),
  }).map(({ model, contextShare, ...rest }): ServingRequest => ({
    model, maxModelLen: Math.max(1, Math.floor(Math.min(model.maxContextTokens, 131072) * contextShare)), ...rest,
  }));

  test('a MoE plan is feasible and well formed: DP × TP within a node or whole nodes, EP dividing the experts', () => {
    fc.assert(fc.property(moeRequest, (r) => {
      const plan = tryPlan(r);
      if (plan instanceof Error) return /does not fit/.test(plan.message);
      const gpusPerRank = plan.tensorParallelSize * plan.pipelineParallelSize;
      const wellFormed = plan.gpusPerReplica === gpusPerRank * plan.dataParallelSize &&
        (plan.dataParallelSize === 1 || plan.pipelineParallelSize === 1) &&
        (plan.gpusPerReplica <= r.gpusPerNode
          ? plan.nodesPerReplica === 1 || plan.pipelineParallelSize > 1
          : plan.gpusPerReplica % r.gpusPerNode === 0) &&
        plan.nodesPerReplica <= r.maxNodesPerReplica!;
      const ep = !plan.expertParallel ||
        (plan.expertParallelSize === plan.tensorParallelSize * plan.dataParallelSize && r.model.experts % plan.expertParallelSize === 0);
      const fitsMemory = plan.weightsPerGpuGb + plan.activationReserveGb + plan.kvCachePerGpuGb <= plan.usableMemoryPerGpuGb + 0.02;
      return wellFormed && ep && fitsMemory && plan.maxConcurrentSequences >= plan.dataParallelSize && plan.kvCacheTokens >= plan.maxModelLen;
    }), { numRuns: 300 });
  });

  test('no MoE layout with fewer GPUs, or as many GPUs on fewer nodes, fits', () => {
    fc.assert(fc.property(moeRequest, (r) => {
      const plan = tryPlan(r);
      if (plan instanceof Error) return ServingPlanner.layouts(r).every((l) => l.maxConcurrentSequences === 0);
      return ServingPlanner.layouts(r).every((l) => l.maxConcurrentSequences === 0 || l.gpusPerReplica > plan.gpusPerReplica ||
        (l.gpusPerReplica === plan.gpusPerReplica && (l.nodesPerReplica > plan.nodesPerReplica || l.kvCacheTokens <= plan.kvCacheTokens)));
    }), { numRuns: 200 });
  });

  test('spreading the experts over more data-parallel ranks never raises the weights per GPU', () => {
    fc.assert(fc.property(moeRequest, (r) => {
      const layouts = ServingPlanner.layouts(r).filter((l) => l.pipelineParallelSize === 1);
      return layouts.every((a) => layouts.every((b) =>
        a.tensorParallelSize !== b.tensorParallelSize || a.dataParallelSize >= b.dataParallelSize || a.weightsPerGpuGb >= b.weightsPerGpuGb - 0.01));
    }), { numRuns: 100 });
  });
});

describe('ServingPlanner: LoRA adapter slots in the VRAM plan', () => {
  test('8B with 4 slots of rank 16: 4 × 83.9 MB on every GPU come out of the KV cache', () => {
    // A (in × r) and B (r × out) for q, k, v, o, gate, up, down: (4096+4096) + 2 × (4096+1024) + (4096+4096) + 2 × (4096+14336) + (14336+4096)
    const perSlot = 16 * 32 * 81920 * 2;
    expect(LlmModel.LLAMA_3_1_8B.loraBytesPerSlot(16, NumericFormat.BF16)).toBe(perSlot);
    const base = ServingPlanner.plan({ model: LlmModel.LLAMA_3_1_8B, gpu: H100, gpusPerNode: 8, maxModelLen: 8192 });
    const lora = ServingPlanner.plan({ model: LlmModel.LLAMA_3_1_8B, gpu: H100, gpusPerNode: 8, maxModelLen: 8192, maxLoras: 4, maxLoraRank: 16 });
    expect(lora).toMatchObject({ maxLoras: 4, maxLoraRank: 16, loraMemoryPerGpuGb: Math.round((4 * perSlot) / GB * 100) / 100 });
    expect(base.kvCachePerGpuGb - lora.kvCachePerGpuGb).toBeCloseTo((4 * perSlot) / GB, 1);
    expect(base.loraMemoryPerGpuGb).toBe(0);
  });

  test('many large adapters can push a model to more GPUs', () => {
    const request = { model: LlmModel.LLAMA_3_1_70B, gpu: H200, gpusPerNode: 8, maxModelLen: 8192 };
    const plain = ServingPlanner.plan(request);
    const heavy = ServingPlanner.plan({ ...request, maxLoras: 16, maxLoraRank: 128 });
    expect(plain.tensorParallelSize).toBe(2);
    // 16 slots × 3.3 GB of rank-128 A and B matrices on every GPU
    expect(heavy.loraMemoryPerGpuGb).toBeCloseTo((16 * 128 * 80 * 161792 * 2) / GB, 1);
    expect(heavy.tensorParallelSize).toBe(4);
  });

  test('fails when the LoRA rank is not one vLLM accepts', () => {
    expect(() => ServingPlanner.plan({ model: LlmModel.LLAMA_3_1_8B, gpu: H100, gpusPerNode: 8, maxLoras: 2, maxLoraRank: 24 }))
      .toThrow('maxLoraRank 24 is not one vLLM accepts; use 1, 8, 16, 32, 64, 128, 256, 320 or 512');
  });

  test('fails when LoRA is asked of a mixture-of-experts model or a model without its MLP size', () => {
    expect(() => ServingPlanner.plan({ model: LlmModel.MIXTRAL_8X7B, gpu: H100, gpusPerNode: 8, maxLoras: 2 }))
      .toThrow('LoRA adapters on the experts of mixtral-8x7b are not sized by the planner; serve adapters of a dense model');
    const noSize = LlmModel.custom({
      name: 'x', huggingFaceId: 'x/x', parametersBillions: 8, layers: 32, hiddenSize: 4096, attentionHeads: 32, kvHeads: 8, headDim: 128, maxContextTokens: 8192,
    });
    expect(() => ServingPlanner.plan({ model: noSize, gpu: H100, gpusPerNode: 8, maxLoras: 2 }))
      .toThrow('model x: LoRA adapters are sized from the MLP\'s intermediate size, which the model does not give; set intermediateSize (intermediate_size in config.json)');
  });
});
