import * as fc from 'fast-check';
import { GpuModel } from '../../../lib/hardware/gpu';
import { LlmModel, NumericFormat } from '../../../lib/models/llm';
import { ServingPlanner } from '../../../lib/models/serving-plan';

describe('LlmModel', () => {
  test('KV bytes per token match the worked numbers (128, 320, 504 KiB in BF16)', () => {
    expect(LlmModel.LLAMA_3_1_8B.kvBytesPerToken(NumericFormat.BF16)).toBe(128 * 1024);
    expect(LlmModel.LLAMA_3_1_70B.kvBytesPerToken(NumericFormat.BF16)).toBe(320 * 1024);
    expect(LlmModel.LLAMA_3_1_405B.kvBytesPerToken(NumericFormat.BF16)).toBe(504 * 1024);
    expect(LlmModel.LLAMA_3_1_70B.kvBytesPerToken(NumericFormat.FP8)).toBe(160 * 1024);
  });

  test('weights scale with the format', () => {
    expect(LlmModel.LLAMA_3_1_70B.weightsGb(NumericFormat.BF16)).toBeCloseTo(141.2);
    expect(LlmModel.LLAMA_3_1_405B.weightsGb(NumericFormat.FP8)).toBeCloseTo(404.7);
  });
});

describe('ServingPlanner', () => {
  test('Llama 3.1 8B fits one H200 at full context', () => {
    const plan = ServingPlanner.plan({ model: LlmModel.LLAMA_3_1_8B, gpu: GpuModel.H200_SXM_141GB, gpusPerNode: 8 });
    expect(plan.tensorParallelSize).toBe(1);
    expect(plan.maxModelLen).toBe(131072);
    expect(plan.maxConcurrentSequences).toBeGreaterThanOrEqual(1);
  });

  test('Llama 3.1 70B in BF16 needs TP=4 on H100 80 GB at 32K context', () => {
    const plan = ServingPlanner.plan({ model: LlmModel.LLAMA_3_1_70B, gpu: GpuModel.H100_SXM5_80GB, gpusPerNode: 8, maxModelLen: 32768 });
    expect(plan.tensorParallelSize).toBe(4);
    expect(plan.pipelineParallelSize).toBe(1);
  });

  test('fails when Llama 3.1 405B in BF16 is asked to fit one 8× H100 80 GB node', () => {
    expect(() =>
      ServingPlanner.plan({ model: LlmModel.LLAMA_3_1_405B, gpu: GpuModel.H100_SXM5_80GB, gpusPerNode: 8, maxModelLen: 8192 }),
    ).toThrow(/^llama-3.1-405b \(bfloat16, max-model-len 8192\) does not fit 1 node\(s\) of 8× NVIDIA H100 SXM5 80GB/);
  });

  test('Llama 3.1 405B in BF16 fits two 8× H100 nodes with TP=8, PP=2', () => {
    const plan = ServingPlanner.plan({
      model: LlmModel.LLAMA_3_1_405B, gpu: GpuModel.H100_SXM5_80GB, gpusPerNode: 8, maxNodes: 2, maxModelLen: 8192,
    });
    expect(plan).toMatchObject({ tensorParallelSize: 8, pipelineParallelSize: 2, gpusPerReplica: 16 });
  });

  test('fails when the context is longer than the model supports', () => {
    expect(() =>
      ServingPlanner.plan({ model: LlmModel.LLAMA_3_1_8B, gpu: GpuModel.H100_SXM5_80GB, gpusPerNode: 1, maxModelLen: 200000 }),
    ).toThrow('maxModelLen 200000 is above the 131072-token maximum context of llama-3.1-8b; use at most 131072');
  });

  test('tensor-parallel sizes divide the heads and stay within the node', () => {
    expect(ServingPlanner.tensorParallelSizes(LlmModel.LLAMA_3_1_70B, 8)).toEqual([1, 2, 4, 8]);
    expect(ServingPlanner.tensorParallelSizes(LlmModel.LLAMA_3_1_70B, 6)).toEqual([1, 2, 4]);
  });

  test('property: the chosen layout is feasible and no smaller layout is', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LlmModel.all()),
        fc.constantFrom(GpuModel.H100_SXM5_80GB, GpuModel.H200_SXM_141GB, GpuModel.L40S_48GB, GpuModel.B200_180GB),
        fc.constantFrom(NumericFormat.BF16, NumericFormat.FP8),
        fc.integer({ min: 1024, max: 131072 }),
        (model, gpu, weightFormat, maxModelLen) => {
          const request = { model, gpu, gpusPerNode: 8, maxNodes: 2, weightFormat, maxModelLen };
          const layouts = ServingPlanner.layouts(request);
          let plan;
          try {
            plan = ServingPlanner.plan(request);
          } catch {
            return layouts.every((l) => l.maxConcurrentSequences < 1);
          }
          const smaller = layouts.filter((l) => l.gpusPerReplica < plan.gpusPerReplica);
          return plan.maxConcurrentSequences >= 1 && plan.kvCacheTokens >= maxModelLen && smaller.every((l) => l.maxConcurrentSequences < 1);
        },
      ),
    );
  });
});
