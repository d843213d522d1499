import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as fc from 'fast-check';
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

describe('LlmModel.fromConfig', () => {
  // the config.json fields of the shipped models, from the sources their catalog entries cite
  const llama8b = {
    architectures: ['LlamaForCausalLM'],
    hidden_size: 4096,
    intermediate_size: 14336,
    max_position_embeddings: 131072,
    num_attention_heads: 32,
    num_hidden_layers: 32,
    num_key_value_heads: 8,
    tie_word_embeddings: false,
    torch_dtype: 'bfloat16',
    vocab_size: 128256,
  };
  const mixtral = {
    architectures: ['MixtralForCausalLM'],
    hidden_size: 4096,
    intermediate_size: 14336,
    max_position_embeddings: 32768,
    model_type: 'mixtral',
    num_attention_heads: 32,
    num_experts_per_tok: 2,
    num_hidden_layers: 32,
    num_key_value_heads: 8,
    num_local_experts: 8,
    sliding_window: null,
    tie_word_embeddings: false,
    torch_dtype: 'bfloat16',
    vocab_size: 32000,
  };
  const qwen3 = {
    architectures: ['Qwen3MoeForCausalLM'],
    head_dim: 128,
    hidden_size: 4096,
    intermediate_size: 12288,
    max_position_embeddings: 40960,
    moe_intermediate_size: 1536,
    num_attention_heads: 64,
    num_experts: 128,
    num_experts_per_tok: 8,
    num_hidden_layers: 94,
    num_key_value_heads: 4,
    sliding_window: null,
    use_sliding_window: false,
    tie_word_embeddings: false,
    torch_dtype: 'bfloat16',
    vocab_size: 151936,
  };
  const deepseek = {
    architectures: ['DeepseekV3ForCausalLM'],
    first_k_dense_replace: 3,
    hidden_size: 7168,
    intermediate_size: 18432,
    kv_lora_rank: 512,
    max_position_embeddings: 163840,
    model_type: 'deepseek_v3',
    moe_intermediate_size: 2048,
    n_routed_experts: 256,
    n_shared_experts: 1,
    num_attention_heads: 128,
    num_experts_per_tok: 8,
    num_hidden_layers: 61,
    num_key_value_heads: 128,
    q_lora_rank: 1536,
    qk_nope_head_dim: 128,
    qk_rope_head_dim: 64,
    v_head_dim: 128,
    quantization_config: { quant_method: 'fp8', weight_block_size: [128, 128] },
    tie_word_embeddings: false,
    torch_dtype: 'bfloat16',
    vocab_size: 129280,
  };
  const maverick = {
    architectures: ['Llama4ForConditionalGeneration'],
    model_type: 'llama4',
    text_config: {
      model_type: 'llama4_text',
      head_dim: 128,
      hidden_size: 5120,
      interleave_moe_layer_step: 2,
      intermediate_size: 8192,
      intermediate_size_mlp: 16384,
      max_position_embeddings: 1048576,
      num_attention_heads: 40,
      num_experts_per_tok: 1,
      num_hidden_layers: 48,
      num_key_value_heads: 8,
      num_local_experts: 128,
      torch_dtype: 'bfloat16',
      vocab_size: 202048,
    },
  };
  const gptOss = {
    architectures: ['GptOssForCausalLM'],
    experts_per_token: 4,
    head_dim: 64,
    hidden_size: 2880,
    intermediate_size: 2880,
    layer_types: Array.from({ length: 36 }, (_, i) => (i % 2 === 0 ? 'sliding_attention' : 'full_attention')),
    max_position_embeddings: 131072,
    num_attention_heads: 64,
    num_experts: 128,
    num_hidden_layers: 36,
    num_key_value_heads: 8,
    sliding_window: 128,
    quantization_config: { quant_method: 'mxfp4' },
    tie_word_embeddings: false,
    vocab_size: 201088,
  };
  const shape = (m: LlmModel) => ({
    layers: m.layers,
    hiddenSize: m.hiddenSize,
    attentionHeads: m.attentionHeads,
    kvHeads: m.kvHeads,
    headDim: m.headDim,
    maxContextTokens: m.maxContextTokens,
    nativeFormat: m.nativeFormat,
    slidingWindowLayers: m.slidingWindowLayers,
    slidingWindowTokens: m.slidingWindowTokens,
    experts: m.experts,
    activeExperts: m.activeExperts,
    expertIntermediateSize: m.expertIntermediateSize,
    moeLayers: m.moeLayers,
    kvLoraRank: m.kvLoraRank,
    qkRopeHeadDim: m.qkRopeHeadDim,
  });

  test.each([
    ['dense GQA', llama8b, LlmModel.LLAMA_3_1_8B, 0.01],
    ['MoE', mixtral, LlmModel.MIXTRAL_8X7B, 0.01],
    ['MoE with 4 KV heads', qwen3, LlmModel.QWEN3_235B_A22B, 0.01],
    ['MoE with MLA, FP8', deepseek, LlmModel.DEEPSEEK_R1, 0.01],
    ['interleaved MoE under text_config', maverick, LlmModel.LLAMA_4_MAVERICK, 0.01],
    ['MoE with sliding-window layers, MXFP4', gptOss, LlmModel.GPT_OSS_120B, 0.01],
  ])('%s: the config gives the catalog entry\'s shape, and the estimated parameters are within 1%% of the published count', (_, config, shipped, tolerance) => {
    const m = LlmModel.fromConfig({ name: 'mine', huggingFaceId: 'acme/mine', config });
    expect(shape(m)).toEqual(shape(shipped));
    expect(Math.abs(m.parametersBillions - shipped.parametersBillions) / shipped.parametersBillions).toBeLessThanOrEqual(tolerance);
    expect(m.kvBytesPerToken(NumericFormat.BF16)).toBe(shipped.kvBytesPerToken(NumericFormat.BF16));
  });

  test('a config file is read at synth; given parameters win over the estimate', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-config-'));
    const file = path.join(dir, 'config.json');
    fs.writeFileSync(file, JSON.stringify(llama8b));
    const m = LlmModel.fromConfig({ name: 'ft-8b', huggingFaceId: 'acme/ft-8b', configFile: file, parametersBillions: 8.03 });
    expect(m).toMatchObject({ name: 'ft-8b', huggingFaceId: 'acme/ft-8b', parametersBillions: 8.03, layers: 32, kvHeads: 8 });
    fs.rmSync(dir, { recursive: true });
  });

  test('a sliding window on every layer (Mistral) is sized as such; Qwen\'s disabled window is not', () => {
    const mistral = LlmModel.fromConfig({ name: 'm', huggingFaceId: 'x/m', config: { ...llama8b, max_position_embeddings: 32768, sliding_window: 4096 } });
    expect(mistral).toMatchObject({ slidingWindowLayers: 32, slidingWindowTokens: 4096 });
    const qwen = LlmModel.fromConfig({ name: 'q', huggingFaceId: 'x/q', config: { ...llama8b, sliding_window: 4096, use_sliding_window: false } });
    expect(qwen.slidingWindowLayers).toBe(0);
  });

  test('fails when the config lacks the number of KV heads', () => {
    const { num_key_value_heads: _, ...noKv } = llama8b;
    expect(() => LlmModel.fromConfig({ name: 'x', huggingFaceId: 'x/x', config: noKv }))
      .toThrow('config of model x: num_key_value_heads is missing; sizing needs the KV heads for the KV cache and tensor parallelism ' +
        '(give it: 32 for multi-head attention, fewer for grouped-query attention)');
  });

  test('fails when the config lacks the layers, the experts per token or the MLA RoPE dimension', () => {
    const { num_hidden_layers: _, ...noLayers } = llama8b;
    expect(() => LlmModel.fromConfig({ name: 'x', huggingFaceId: 'x/x', config: noLayers }))
      .toThrow('config of model x: num_hidden_layers / n_layer is missing; sizing needs it for the KV cache per layer');
    const { num_experts_per_tok: __, ...noTopK } = mixtral;
    expect(() => LlmModel.fromConfig({ name: 'x', huggingFaceId: 'x/x', config: noTopK }))
      .toThrow('config of model x: 8 experts but num_experts_per_tok is missing; sizing needs the experts per token');
    const { qk_rope_head_dim: ___, ...noRope } = deepseek;
    expect(() => LlmModel.fromConfig({ name: 'x', huggingFaceId: 'x/x', config: noRope }))
      .toThrow('config of model x: qk_rope_head_dim is missing; sizing needs it for the MLA latent cached per token');
  });

  test('fails when the config file cannot be read or both sources are given', () => {
    expect(() => LlmModel.fromConfig({ name: 'x', huggingFaceId: 'x/x', configFile: '/nonexistent/config.json' }))
      .toThrow(/^config of model x: cannot read configFile \/nonexistent\/config.json \(ENOENT/);
    expect(() => LlmModel.fromConfig({ name: 'x', huggingFaceId: 'x/x', config: llama8b, configFile: 'c.json' }))
      .toThrow('config of model x: give config or configFile, not both');
  });

  test('fails when the quantization method is not one the planner sizes', () => {
    expect(() => LlmModel.fromConfig({ name: 'x', huggingFaceId: 'x/x', config: { ...llama8b, quantization_config: { quant_method: 'bitsandbytes' } } }))
      .toThrow('config of model x: quantization_config.quant_method "bitsandbytes" is not one the planner sizes; give nativeFormat ' +
        '(and checkpointGb for a mixed-precision checkpoint)');
  });
});

describe('LlmModel.fromConfig: properties over generated configs', () => {

  const config = fc.record({
    kvHeads: fc.constantFrom(1, 2, 4, 8, 16),
    groups: fc.constantFrom(1, 2, 4, 8),
    headDim: fc.constantFrom(64, 128, 256),
    layers: fc.integer({ min: 1, max: 128 }),
    intermediate: fc.integer({ min: 1, max: 64 }).map((k) => k * 512),
    vocab: fc.integer({ min: 1000, max: 260000 }),
    context: fc.constantFrom(4096, 32768, 131072),
    experts: fc.constantFrom(0, 8, 64, 256),
    topK: fc.constantFrom(1, 2, 8),
    tied: fc.boolean(),
  }).map((g) => {
    const heads = g.kvHeads * g.groups;
    const c: { [key: string]: unknown } = {
      hidden_size: heads * g.headDim,
      num_attention_heads: heads,
      num_key_value_heads: g.kvHeads,
      head_dim: g.headDim,
      num_hidden_layers: g.layers,
      intermediate_size: g.intermediate,
      vocab_size: g.vocab,
      max_position_embeddings: g.context,
      tie_word_embeddings: g.tied,
      torch_dtype: 'bfloat16',
    };
    if (g.experts > 0) Object.assign(c, { num_local_experts: g.experts, num_experts_per_tok: Math.min(g.topK, g.experts) });
    return { g, c };
  });

  test('the shape comes through, KV per token is 2 × layers × KV heads × head dim × 2 bytes, experts hold most of a MoE model', () => {
    fc.assert(fc.property(config, ({ g, c }) => {
      const m = LlmModel.fromConfig({ name: 'gen', huggingFaceId: 'x/gen', config: c });
      const shapeOk = m.layers === g.layers && m.kvHeads === g.kvHeads && m.headDim === g.headDim && m.maxContextTokens === g.context &&
        m.kvBytesPerToken(NumericFormat.BF16) === 2 * g.layers * g.kvHeads * g.headDim * 2;
      const h = g.kvHeads * g.groups * g.headDim;
      const expertParams = g.experts > 0 ? (g.layers * g.experts * 3 * h * g.intermediate) / 1e9 : 0;
      return shapeOk && Math.abs(m.expertParametersBillions - expertParams) < 1e-9 && m.parametersBillions > expertParams &&
        m.activeParametersBillions <= m.parametersBillions && (g.experts === 0) === !m.mixtureOfExperts;
    }), { numRuns: 200 });
  });

  test('a config without any one field sizing needs is refused, naming that field', () => {
    const needed = ['num_hidden_layers', 'hidden_size', 'num_attention_heads', 'num_key_value_heads', 'max_position_embeddings'];
    fc.assert(fc.property(config, fc.constantFrom(...needed), ({ c }, key) => {
      const { [key]: _, ...rest } = c;
      try {
        LlmModel.fromConfig({ name: 'gen', huggingFaceId: 'x/gen', config: rest });
        return false;
      } catch (e) {
        return (e as Error).message.includes(`${key}`) && (e as Error).message.includes('missing');
      }
    }), { numRuns: 100 });
  });
});
