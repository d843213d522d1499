import { LlmModel, ModelTask, NumericFormat, bytesPerElement } from '../../../lib/models/llm';

const KiB = 1024;

describe('LlmModel catalog', () => {
  test('ships Llama 3.1 8B/70B/405B (+ FP8), gpt-oss-120b, Qwen2.5 7B, Whisper large-v3 and the MoE models', () => {
    expect(LlmModel.all().map((m) => m.name)).toEqual([
      'llama-3.1-8b', 'llama-3.1-70b', 'llama-3.1-405b', 'llama-3.1-405b-fp8', 'gpt-oss-120b', 'qwen2.5-7b', 'whisper-large-v3',
      'mixtral-8x7b', 'qwen3-235b-a22b', 'llama-4-scout', 'llama-4-maverick', 'deepseek-r1',
    ]);
    expect(LlmModel.fromName('qwen2.5-7b')).toBe(LlmModel.QWEN_2_5_7B);
  });

  test('KV bytes per token match the reference (128, 320, 504 KiB in BF16; half in FP8)', () => {
    expect(LlmModel.LLAMA_3_1_8B.kvBytesPerToken(NumericFormat.BF16)).toBe(128 * KiB);
    expect(LlmModel.LLAMA_3_1_70B.kvBytesPerToken(NumericFormat.BF16)).toBe(320 * KiB);
    expect(LlmModel.LLAMA_3_1_405B.kvBytesPerToken(NumericFormat.BF16)).toBe(504 * KiB);
    expect(LlmModel.LLAMA_3_1_70B.kvBytesPerToken(NumericFormat.FP8)).toBe(160 * KiB);
    expect(LlmModel.QWEN_2_5_7B.kvBytesPerToken(NumericFormat.BF16)).toBe(56 * KiB);
  });

  test('one 128K-token context costs 16 GiB (8B), 40 GiB (70B) and 63 GiB (405B) in BF16', () => {
    const GiB = 2 ** 30;
    expect((LlmModel.LLAMA_3_1_8B.kvBytesPerToken(NumericFormat.BF16) * 131072) / GiB).toBe(16);
    expect((LlmModel.LLAMA_3_1_70B.kvBytesPerToken(NumericFormat.BF16) * 131072) / GiB).toBe(40);
    expect((LlmModel.LLAMA_3_1_405B.kvBytesPerToken(NumericFormat.BF16) * 131072) / GiB).toBe(63);
  });

  test('gpt-oss-120b: 36 KiB per token for the 18 full-attention layers, 4.5 MiB per sequence for the sliding ones', () => {
    const m = LlmModel.GPT_OSS_120B;
    expect(m.fullAttentionLayers).toBe(18);
    expect(m.kvBytesPerToken(NumericFormat.BF16)).toBe(36 * KiB);
    expect(m.kvBytesPerSequence(NumericFormat.BF16, 100_000)).toBe(4.5 * KiB * KiB);
    // a sequence shorter than the window holds only its own tokens
    expect(m.kvBytesPerSequence(NumericFormat.BF16, 64)).toBe(2.25 * KiB * KiB);
    expect(m.weightsGb(NumericFormat.MXFP4)).toBe(65.3);
    expect(m).toMatchObject({ experts: 128, activeExperts: 4, nativeFormat: NumericFormat.MXFP4 });
  });

  test('Whisper large-v3: 160 KiB per decoder token plus the cross-attention KV of 1500 encoder positions per sequence', () => {
    const m = LlmModel.WHISPER_LARGE_V3;
    expect(m.task).toBe(ModelTask.TRANSCRIPTION);
    expect(m.maxContextTokens).toBe(448);
    expect(m.kvBytesPerToken(NumericFormat.BF16)).toBe(160 * KiB);
    expect(m.kvBytesPerSequence(NumericFormat.BF16, 448)).toBe(2 * 32 * 20 * 64 * 2 * 1500);
  });

  test('weights scale with the format; a checkpoint override wins in its own format', () => {
    expect(LlmModel.LLAMA_3_1_70B.weightsGb(NumericFormat.BF16)).toBeCloseTo(141.2);
    expect(LlmModel.LLAMA_3_1_70B.weightsGb(NumericFormat.INT4)).toBeCloseTo(35.3);
    expect(LlmModel.LLAMA_3_1_405B_FP8.weightsGb(NumericFormat.FP8)).toBeCloseTo(404.7);
    expect(bytesPerElement(NumericFormat.MXFP4)).toBe(0.53125);
  });

  test('withCheckpoint keeps the architecture and swaps repository and format', () => {
    const awq = LlmModel.LLAMA_3_1_70B.withCheckpoint({ huggingFaceId: 'hugging-quants/Meta-Llama-3.1-70B-Instruct-AWQ-INT4', weightFormat: NumericFormat.INT4 });
    expect(awq).toMatchObject({ name: 'llama-3.1-70b-int4', nativeFormat: NumericFormat.INT4, layers: 80, kvHeads: 8 });
    expect(awq.weightsGb(NumericFormat.INT4)).toBeCloseTo(35.3);
    expect(LlmModel.LLAMA_3_1_405B_FP8).toMatchObject({ huggingFaceId: 'meta-llama/Llama-3.1-405B-Instruct-FP8', layers: 126 });
  });

  test('fails when the KV heads do not divide the attention heads', () => {
    expect(() => LlmModel.custom({ name: 'odd', huggingFaceId: 'x/odd', parametersBillions: 1, layers: 2, hiddenSize: 64, attentionHeads: 6, kvHeads: 4, headDim: 16, maxContextTokens: 1024 }))
      .toThrow('model odd: attentionHeads 6 must be a multiple of kvHeads 4');
  });

  test('fails when a sliding window has no layers', () => {
    expect(() => LlmModel.custom({
      name: 'sw', huggingFaceId: 'x/sw', parametersBillions: 1, layers: 2, hiddenSize: 64, attentionHeads: 4, kvHeads: 4, headDim: 16, maxContextTokens: 1024, slidingWindowTokens: 128,
    })).toThrow('model sw: slidingWindowLayers and slidingWindowTokens go together; give both or neither');
  });

  test('fails when the model name is not a label', () => {
    expect(() => LlmModel.fromName('gpt-5')).toThrow(/^unknown model "gpt-5"; use one of llama-3.1-8b, /);
  });
});

describe('LlmModel: mixture of experts and MLA', () => {
  test('expert parameters from the config fields (MoE layers × experts × 3 × hidden × expert intermediate size)', () => {
    expect(LlmModel.MIXTRAL_8X7B.expertParametersBillions).toBeCloseTo((32 * 8 * 3 * 4096 * 14336) / 1e9, 6);
    expect(LlmModel.DEEPSEEK_R1.expertParametersBillions).toBeCloseTo((58 * 256 * 3 * 7168 * 2048) / 1e9, 6);
    expect(LlmModel.LLAMA_4_MAVERICK.expertParametersBillions).toBeCloseTo((24 * 128 * 3 * 5120 * 8192) / 1e9, 6);
    expect(LlmModel.LLAMA_3_1_70B.expertParametersBillions).toBe(0);
    expect(LlmModel.LLAMA_3_1_70B.activeParametersBillions).toBe(70.6);
  });

  // the published active counts are an independent check of the expert fields: total − the experts a token skips
  test.each([
    [LlmModel.MIXTRAL_8X7B, 12.9, 0.02],
    [LlmModel.QWEN3_235B_A22B, 22, 0.02],
    [LlmModel.DEEPSEEK_R1, 37, 0.02],
    // Llama 4's 17 B excludes the vision encoder and embeddings that the 109 B / 402 B totals count
    [LlmModel.LLAMA_4_SCOUT, 17, 0.1],
    [LlmModel.LLAMA_4_MAVERICK, 17, 0.1],
  ])('%s: active parameters match the published count', (model, published, tolerance) => {
    expect(Math.abs(model.activeParametersBillions - published) / published).toBeLessThanOrEqual(tolerance);
  });

  test('DeepSeek-R1 caches a 576-value MLA latent per token and layer: 70,272 bytes per token in BF16, half in FP8', () => {
    const m = LlmModel.DEEPSEEK_R1;
    expect(m.multiHeadLatentAttention).toBe(true);
    expect(m.kvBytesPerToken(NumericFormat.BF16)).toBe(61 * (512 + 64) * 2);
    expect(m.kvBytesPerToken(NumericFormat.FP8)).toBe(61 * 576);
    // per-head K/V with its 128 heads would be 2 × 61 × 128 × 128 × 2 bytes, 56× more
    expect((2 * 61 * 128 * 128 * 2) / m.kvBytesPerToken(NumericFormat.BF16)).toBeCloseTo(56.9, 1);
    expect(m.weightsGb(NumericFormat.FP8)).toBe(671);
  });

  test('gpt-oss-120b: MXFP4 experts and BF16 rest split the 65.3 GB checkpoint', () => {
    const m = LlmModel.GPT_OSS_120B;
    expect(m.expertWeightsGb(NumericFormat.MXFP4)).toBeCloseTo(114.66 * 0.53125, 1);
    expect(m.denseWeightsGb(NumericFormat.MXFP4)).toBeCloseTo(65.3 - 114.66 * 0.53125, 1);
  });

  const base = { name: 'moe', huggingFaceId: 'x/moe', parametersBillions: 50, layers: 32, hiddenSize: 4096, attentionHeads: 32, kvHeads: 8, headDim: 128, maxContextTokens: 32768 };

  test('fails when experts are given without the expert intermediate size', () => {
    expect(() => LlmModel.custom({ ...base, experts: 8, activeExperts: 2 }))
      .toThrow('model moe: 8 experts need expertIntermediateSize (moe_intermediate_size) to size the expert weights');
  });

  test('fails when the experts hold more parameters than the model', () => {
    expect(() => LlmModel.custom({ ...base, parametersBillions: 10, experts: 8, activeExperts: 2, expertIntermediateSize: 14336 }))
      .toThrow('model moe: the 32 × 8 experts of 3 × 4096 × 14336 hold 45.1 B parameters, not less than the 10 B total; check the expert fields');
  });

  test('fails when expert fields come without experts', () => {
    expect(() => LlmModel.custom({ ...base, expertIntermediateSize: 2048 }))
      .toThrow('model moe: activeExperts, expertIntermediateSize and moeLayers describe experts; give experts (num_local_experts) too');
  });

  test('fails when only half of the MLA latent is given', () => {
    expect(() => LlmModel.custom({ ...base, kvLoraRank: 512 }))
      .toThrow('model moe: kvLoraRank and qkRopeHeadDim describe the MLA latent together; give both or neither');
  });
});
