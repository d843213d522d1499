import * as fs from 'fs';
import { check, fail, oneOf } from '../errors';

/** Numeric formats for weights and KV cache, with their size per element. */
export enum NumericFormat {
  /** bfloat16: 2 bytes. */
  BF16 = 'bfloat16',
  /** float16: 2 bytes. */
  FP16 = 'float16',
  /** FP8 (e4m3): 1 byte. */
  FP8 = 'fp8',
  /** INT8: 1 byte. */
  INT8 = 'int8',
  /** INT4 (AWQ/GPTQ): 0.5 byte. */
  INT4 = 'int4',
  /**
   * MXFP4 (OCP microscaling FP4): 4-bit values plus one 8-bit scale per 32-element block, 4.25 bits = 0.53125 byte.
   * gpt-oss ships its MoE experts in it.
   */
  MXFP4 = 'mxfp4',
}

/** Bytes per element of a numeric format (BF16/FP16 2, FP8/INT8 1, INT4 0.5; MXFP4: OCP Microscaling Formats v1.0, 32-element blocks with an 8-bit scale). */
export function bytesPerElement(format: NumericFormat): number {
  switch (format) {
    case NumericFormat.BF16:
    case NumericFormat.FP16:
      return 2;
    case NumericFormat.FP8:
    case NumericFormat.INT8:
      return 1;
    case NumericFormat.INT4:
      return 0.5;
    case NumericFormat.MXFP4:
      return 4.25 / 8;
    default:
      return fail(`unknown numeric format ${format}`);
  }
}

/** What a model does, which decides the API vLLM serves it with. */
export enum ModelTask {
  /** Decoder-only text generation: `/v1/chat/completions`, `/v1/completions`. */
  TEXT_GENERATION = 'text-generation',
  /**
   * Speech to text with an encoder-decoder model (Whisper): `/v1/audio/transcriptions` and `/v1/audio/translations`.
   * The decoder's context is short (448 tokens for Whisper) and every sequence also holds cross-attention KV for the
   * encoded audio.
   */
  TRANSCRIPTION = 'transcription',
  /**
   * Embeddings (`/v1/embeddings`): vLLM's pooling runner (`--runner pooling`) returns one vector per input, no
   * decoding.
   */
  EMBEDDING = 'embedding',
}


/** Architecture of a model as the sizing math needs it. Every shipped number carries its source. */
export interface LlmModelProps {
  /** Short, stable id used in names and labels, e.g. `llama-3.1-70b`. */
  readonly name: string;
  /** Hugging Face repository id, e.g. `meta-llama/Llama-3.1-70B-Instruct`. */
  readonly huggingFaceId: string;
  /** Total parameters in billions (all experts of a mixture-of-experts model). */
  readonly parametersBillions: number;
  /** Transformer layers that hold a KV cache (decoder layers; `num_hidden_layers`, Whisper's `decoder_layers`). */
  readonly layers: number;
  /** Hidden size (`hidden_size`, Whisper's `d_model`). */
  readonly hiddenSize: number;
  /** Attention (query) heads (`num_attention_heads`). */
  readonly attentionHeads: number;
  /** Key/value heads (`num_key_value_heads`; equal to the attention heads without grouped-query attention). */
  readonly kvHeads: number;
  /** Head dimension (`head_dim`, else hidden size / attention heads). */
  readonly headDim: number;
  /** Longest context the model supports (`max_position_embeddings`; Whisper's `max_target_positions`), in tokens. */
  readonly maxContextTokens: number;
  /**
   * Numeric format of the published weights.
   * @default NumericFormat.BF16
   */
  readonly nativeFormat?: NumericFormat;
  /**
   * Size of the published checkpoint in GB when it is not parameters × bytes (mixed-precision checkpoints such as
   * MXFP4 MoE experts with BF16 attention).
   * @default - parametersBillions × bytes of the weight format
   */
  readonly checkpointGb?: number;
  /**
   * What the model does.
   * @default ModelTask.TEXT_GENERATION
   */
  readonly task?: ModelTask;
  /**
   * Layers that use sliding-window attention: their KV cache holds at most `slidingWindowTokens` per sequence.
   * @default 0
   */
  readonly slidingWindowLayers?: number;
  /**
   * Window of the sliding-window layers, in tokens (`sliding_window`).
   * @default 0
   */
  readonly slidingWindowTokens?: number;
  /**
   * Encoder positions every sequence attends to through cross-attention (Whisper's `max_source_positions`): each
   * sequence holds their K and V in every decoder layer.
   * @default 0
   */
  readonly crossAttentionTokens?: number;
  /**
   * Intermediate size of the dense MLP (`intermediate_size`); sizes the LoRA adapter slots of a server.
   * @default - unknown: LoRA adapters cannot be sized
   */
  readonly intermediateSize?: number;
  /**
   * Experts per MoE layer (`num_local_experts`).
   * @default 0 - a dense model
   */
  readonly experts?: number;
  /**
   * Experts each token is routed to (`num_experts_per_tok`).
   * @default 0 - a dense model
   */
  readonly activeExperts?: number;
  /**
   * Intermediate size of one routed expert (`moe_intermediate_size`; Mixtral's and gpt-oss's `intermediate_size`): an
   * expert is a gated MLP of 3 × hidden × this parameters.
   * @default 0 - a dense model
   */
  readonly expertIntermediateSize?: number;
  /**
   * Layers with routed experts (DeepSeek: layers − `first_k_dense_replace`; Llama 4 Maverick: every
   * `interleave_moe_layer_step`-th layer).
   * @default - every layer of a mixture-of-experts model
   */
  readonly moeLayers?: number;
  /**
   * Rank of the compressed KV latent of multi-head latent attention (MLA, `kv_lora_rank`): the KV cache holds this
   * latent plus the RoPE key part per token and layer, shared by every head, instead of per-head K and V.
   * @default 0 - no MLA
   */
  readonly kvLoraRank?: number;
  /**
   * Decoupled RoPE key dimension of MLA (`qk_rope_head_dim`), cached next to the latent.
   * @default 0 - no MLA
   */
  readonly qkRopeHeadDim?: number;
}

/**
 * A model of your own, described by the fields of its Hugging Face `config.json`: {@link LlmModel.fromConfig}.
 * Give the config as an object or as a file read at synth.
 */
export interface LlmModelConfigProps {
  /** Short, stable id used in names and labels, e.g. `my-llama-8b-ft`. */
  readonly name: string;
  /** Hugging Face repository id (or the name vLLM is given), e.g. `acme/llama-3.1-8b-support`. */
  readonly huggingFaceId: string;
  /**
   * The parsed `config.json`.
   * @default - read from `configFile`
   */
  readonly config?: { [key: string]: any };
  /**
   * Path of a `config.json` read at synth.
   * @default - `config` is given
   */
  readonly configFile?: string;
  /**
   * Total parameters in billions, when you know them (the model card, `model.safetensors.index.json` total size).
   * @default - estimated from the config: embeddings, attention, MLPs and experts (within a few percent for the
   * shipped models; biases and norms are left out)
   */
  readonly parametersBillions?: number;
  /**
   * Numeric format of the weights.
   * @default - from `quantization_config` (fp8, mxfp4, 4-bit AWQ/GPTQ), else `torch_dtype`, else BF16
   */
  readonly nativeFormat?: NumericFormat;
  /**
   * Checkpoint size in GB when it is not parameters × bytes.
   * @default - parametersBillions × bytes of the weight format
   */
  readonly checkpointGb?: number;
  /**
   * Longest context in tokens.
   * @default - `max_position_embeddings`
   */
  readonly maxContextTokens?: number;
  /**
   * What the model does.
   * @default ModelTask.TEXT_GENERATION
   */
  readonly task?: ModelTask;
}

/** A checkpoint of a shipped architecture quantized by someone else: same layers and heads, other weights. */
export interface QuantizedCheckpointProps {
  /** Hugging Face repository of the quantized checkpoint, e.g. `hugging-quants/Meta-Llama-3.1-70B-Instruct-AWQ-INT4`. */
  readonly huggingFaceId: string;
  /** Format of its weights. */
  readonly weightFormat: NumericFormat;
  /**
   * Name of the variant.
   * @default - `<name>-<weight format>`, e.g. `llama-3.1-70b-int4`
   */
  readonly name?: string;
  /**
   * Size of the checkpoint in GB when it is not parameters × bytes.
   * @default - parametersBillions × bytes of the weight format
   */
  readonly checkpointGb?: number;
}

/**
 * A model's architecture, for sizing. Shipped models are static members; add others with `LlmModel.custom()`, and
 * quantized checkpoints of a shipped architecture with `withCheckpoint()`.
 */
export class LlmModel {
  /**
   * Llama 3.1 8B: 32 layers, hidden 4096, 32 heads, 8 KV heads, head dim 128, 8.03 B parameters, 128K context
   * (meta-llama/Llama-3.1-8B-Instruct config.json, as copied in vllm-project/vllm and huggingface/transformers tests).
   */
  public static readonly LLAMA_3_1_8B = new LlmModel({
    name: 'llama-3.1-8b',
    huggingFaceId: 'meta-llama/Llama-3.1-8B-Instruct',
    parametersBillions: 8.03,
    layers: 32,
    hiddenSize: 4096,
    attentionHeads: 32,
    kvHeads: 8,
    headDim: 128,
    maxContextTokens: 131072,
    intermediateSize: 14336,
  });

  /**
   * Llama 3.1 70B: 80 layers, hidden 8192, 64 heads, 8 KV heads, head dim 128, 70.6 B parameters, 128K context
   * (meta-llama/Llama-3.1-70B-Instruct config.json, as copied in vllm-project/vllm and huggingface/transformers tests).
   */
  public static readonly LLAMA_3_1_70B = new LlmModel({
    name: 'llama-3.1-70b',
    huggingFaceId: 'meta-llama/Llama-3.1-70B-Instruct',
    parametersBillions: 70.6,
    layers: 80,
    hiddenSize: 8192,
    attentionHeads: 64,
    kvHeads: 8,
    headDim: 128,
    maxContextTokens: 131072,
    intermediateSize: 28672,
  });

  /**
   * Llama 3.1 405B: 126 layers, hidden 16384, 128 heads, 8 KV heads, head dim 128, 404.7 B parameters, 128K context
   * (meta-llama/Llama-3.1-405B-Instruct config.json, as copied in vllm-project/vllm and huggingface/transformers tests).
   */
  public static readonly LLAMA_3_1_405B = new LlmModel({
    name: 'llama-3.1-405b',
    huggingFaceId: 'meta-llama/Llama-3.1-405B-Instruct',
    parametersBillions: 404.7,
    layers: 126,
    hiddenSize: 16384,
    attentionHeads: 128,
    kvHeads: 8,
    headDim: 128,
    maxContextTokens: 131072,
    intermediateSize: 53248,
  });

  /**
   * Llama 3.1 405B in Meta's own FP8 checkpoint (`meta-llama/Llama-3.1-405B-Instruct-FP8`): the 405B architecture with
   * 1-byte weights, 405 GB (https://huggingface.co/meta-llama/Llama-3.1-405B-Instruct-FP8).
   */
  public static readonly LLAMA_3_1_405B_FP8 = LlmModel.LLAMA_3_1_405B.withCheckpoint({
    huggingFaceId: 'meta-llama/Llama-3.1-405B-Instruct-FP8',
    weightFormat: NumericFormat.FP8,
    name: 'llama-3.1-405b-fp8',
  });

  /**
   * gpt-oss-120b: mixture of experts, 36 layers, hidden 2880, 64 heads, 8 KV heads, head dim 64, 128 experts with 4
   * active per token, 116.8 B parameters (5.1 B active), 131072-token context; every other layer uses a 128-token
   * sliding window (`layer_types` alternates sliding_attention / full_attention). The checkpoint keeps the experts in
   * MXFP4 and attention, router and embeddings in BF16: 60.8 GiB = 65.3 GB.
   *
   * Sources: huggingface/transformers `src/transformers/models/gpt_oss/configuration_gpt_oss.py` (`GptOssConfig` defaults, which
   * describe the 120b; expert `intermediate_size` 2880);
   * verified against copies of openai/gpt-oss-120b config.json in public code (36 layers, 128 experts,
   * `experts_per_token` 4, `sliding_window` 128, `max_position_embeddings` 131072) and OpenAI's model card as quoted
   * by third parties (116.8 B total / 5.1 B active, 60.8 GiB checkpoint). **Verify** the checkpoint size against the
   * Hugging Face repository before relying on the last GB.
   */
  public static readonly GPT_OSS_120B = new LlmModel({
    name: 'gpt-oss-120b',
    huggingFaceId: 'openai/gpt-oss-120b',
    parametersBillions: 116.8,
    layers: 36,
    hiddenSize: 2880,
    attentionHeads: 64,
    kvHeads: 8,
    headDim: 64,
    maxContextTokens: 131072,
    nativeFormat: NumericFormat.MXFP4,
    checkpointGb: 65.3,
    slidingWindowLayers: 18,
    slidingWindowTokens: 128,
    experts: 128,
    activeExperts: 4,
    expertIntermediateSize: 2880,
  });

  /**
   * Qwen2.5 7B Instruct: 28 layers, hidden 3584, 28 heads, 4 KV heads (7:1 grouped-query attention), head dim 128,
   * 7.62 B parameters (7,615,616,000), 32768-token context (`max_position_embeddings`; longer only with YaRN rope
   * scaling, which this catalog does not assume). 28 heads means tensor parallelism of 1, 2 or 4 only.
   *
   * Sources: Qwen/Qwen2.5-7B-Instruct config.json as copied in public code (num_hidden_layers 28, hidden_size 3584,
   * num_attention_heads 28, num_key_value_heads 4, max_position_embeddings 32768, torch_dtype bfloat16) and a model
   * registry's exact parameter count.
   */
  public static readonly QWEN_2_5_7B = new LlmModel({
    name: 'qwen2.5-7b',
    huggingFaceId: 'Qwen/Qwen2.5-7B-Instruct',
    parametersBillions: 7.62,
    layers: 28,
    hiddenSize: 3584,
    attentionHeads: 28,
    kvHeads: 4,
    headDim: 128,
    maxContextTokens: 32768,
    intermediateSize: 18944,
  });

  /**
   * Whisper large-v3: encoder-decoder speech model, 32 encoder and 32 decoder layers, d_model 1280, 20 heads (no
   * grouped-query attention, head dim 64), 1.55 B parameters, 128 mel bins; the decoder takes at most 448 tokens
   * (`max_target_positions`) and attends to 1500 encoder positions (`max_source_positions`, 30 s of audio).
   * vLLM serves it with the transcription API; the planner sizes the decoder's self-attention KV per token and the
   * cross-attention KV (1500 positions × 32 layers) per sequence.
   *
   * Sources: openai/whisper-large-v3 config.json as printed in public code (d_model 1280, decoder_layers 32,
   * decoder_attention_heads 20, encoder_layers 32, is_encoder_decoder true) and the model card's size table
   * (1550 M parameters, 1500 source / 448 target positions, 128 mel bins).
   */
  public static readonly WHISPER_LARGE_V3 = new LlmModel({
    name: 'whisper-large-v3',
    huggingFaceId: 'openai/whisper-large-v3',
    parametersBillions: 1.55,
    layers: 32,
    hiddenSize: 1280,
    attentionHeads: 20,
    kvHeads: 20,
    headDim: 64,
    maxContextTokens: 448,
    task: ModelTask.TRANSCRIPTION,
    crossAttentionTokens: 1500,
  });

  /**
   * Mixtral 8x7B Instruct v0.1: 32 layers, hidden 4096, 32 heads, 8 KV heads (head dim 128), 8 experts of intermediate
   * size 14336 in every layer with 2 per token, 32768-token context, no sliding window (`sliding_window` null), BF16.
   * 46.7 B parameters, 12.9 B active per token.
   *
   * Sources: https://huggingface.co/mistralai/Mixtral-8x7B-Instruct-v0.1/blob/eba92302a2861cdc0098cc54bc9f17cb2c47eb61/config.json
   * (num_hidden_layers 32, hidden_size 4096, num_attention_heads 32, num_key_value_heads 8, num_local_experts 8,
   * num_experts_per_tok 2, intermediate_size 14336, max_position_embeddings 32768, torch_dtype bfloat16); parameter
   * counts from Mistral's release (https://mistral.ai/news/mixtral-of-experts/, "46.7B total parameters but only uses
   * 12.9B parameters per token").
   */
  public static readonly MIXTRAL_8X7B = new LlmModel({
    name: 'mixtral-8x7b',
    huggingFaceId: 'mistralai/Mixtral-8x7B-Instruct-v0.1',
    parametersBillions: 46.7,
    layers: 32,
    hiddenSize: 4096,
    attentionHeads: 32,
    kvHeads: 8,
    headDim: 128,
    maxContextTokens: 32768,
    experts: 8,
    activeExperts: 2,
    expertIntermediateSize: 14336,
  });

  /**
   * Qwen3-235B-A22B: 94 layers, hidden 4096, 64 heads, 4 KV heads, head dim 128, 128 experts of intermediate size 1536
   * in every layer with 8 per token, 40960-token context (`max_position_embeddings`; 32K native, longer with YaRN), BF16.
   * 235 B parameters, 22 B active. 4 KV heads: tensor parallelism above 4 replicates them.
   *
   * Sources: Qwen/Qwen3-235B-A22B config.json as copied in public code (num_hidden_layers 94, num_attention_heads 64,
   * num_key_value_heads 4, head_dim 128, hidden_size 4096, max_position_embeddings 40960; num_experts 128,
   * num_experts_per_tok 8, moe_intermediate_size 1536 as zyzshishui/slime `scripts/models/qwen3-235B-A22B.sh` passes them to Megatron);
   * the model card (https://huggingface.co/Qwen/Qwen3-235B-A22B, "235B in total and 22B activated").
   */
  public static readonly QWEN3_235B_A22B = new LlmModel({
    name: 'qwen3-235b-a22b',
    huggingFaceId: 'Qwen/Qwen3-235B-A22B',
    parametersBillions: 235,
    layers: 94,
    hiddenSize: 4096,
    attentionHeads: 64,
    kvHeads: 4,
    headDim: 128,
    maxContextTokens: 40960,
    experts: 128,
    activeExperts: 8,
    expertIntermediateSize: 1536,
  });

  /**
   * Llama 4 Scout 17B-16E Instruct: 48 layers, hidden 5120, 40 heads, 8 KV heads, head dim 128, 16 experts of
   * intermediate size 8192 in every layer (`interleave_moe_layer_step` 1) with 1 per token plus a shared expert,
   * 10,485,760-token context, BF16. 109 B parameters (with the vision encoder), 17 B active.
   * Three of four layers use chunked attention over 8192 tokens (`attention_chunk_size`); the planner sizes every
   * layer as full attention, an upper bound on the KV cache.
   *
   * Sources: the text_config of meta-llama/Llama-4-Scout-17B-16E-Instruct config.json as copied in public code
   * (aws-neuron/neuronx-distributed-inference Llama 4 tests: hidden_size 5120, num_hidden_layers 48,
   * num_attention_heads 40, num_key_value_heads 8, num_local_experts 16, num_experts_per_tok 1,
   * max_position_embeddings 10485760; intermediate_size 8192, head_dim 128, attention_chunk_size 8192,
   * interleave_moe_layer_step 1); https://huggingface.co/docs/transformers/model_doc/llama4 ("17B active parameters out
   * of ~109B total, using just 16 experts").
   */
  public static readonly LLAMA_4_SCOUT = new LlmModel({
    name: 'llama-4-scout',
    huggingFaceId: 'meta-llama/Llama-4-Scout-17B-16E-Instruct',
    parametersBillions: 109,
    layers: 48,
    hiddenSize: 5120,
    attentionHeads: 40,
    kvHeads: 8,
    headDim: 128,
    maxContextTokens: 10485760,
    experts: 16,
    activeExperts: 1,
    expertIntermediateSize: 8192,
  });

  /**
   * Llama 4 Maverick 17B-128E Instruct: Scout's attention (48 layers, hidden 5120, 40 heads, 8 KV heads, head dim 128)
   * with 128 experts of intermediate size 8192 in every other layer (`interleave_moe_layer_step` 2, so 24 MoE layers)
   * and 1 per token, dense layers of intermediate size 16384, 1,048,576-token context, BF16. 402 B parameters, 17 B
   * active. Meta also publishes an FP8 checkpoint (`meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8`).
   *
   * Sources: the text_config of meta-llama/Llama-4-Maverick-17B-128E config.json as copied in NVIDIA/TensorRT-LLM's
   * Llama 4 tests (hidden_size 5120, num_attention_heads 40, num_key_value_heads 8, head_dim 128,
   * num_local_experts 128, num_experts_per_tok 1, interleave_moe_layer_step 2, intermediate_size 8192,
   * intermediate_size_mlp 16384, max_position_embeddings 1048576, 48 layers before the test reduced them);
   * https://huggingface.co/docs/transformers/model_doc/llama4 ("two flavors: 109B, and 402B parameters").
   */
  public static readonly LLAMA_4_MAVERICK = new LlmModel({
    name: 'llama-4-maverick',
    huggingFaceId: 'meta-llama/Llama-4-Maverick-17B-128E-Instruct',
    parametersBillions: 402,
    layers: 48,
    hiddenSize: 5120,
    attentionHeads: 40,
    kvHeads: 8,
    headDim: 128,
    maxContextTokens: 1048576,
    experts: 128,
    activeExperts: 1,
    expertIntermediateSize: 8192,
    moeLayers: 24,
  });

  /**
   * DeepSeek-R1 (the DeepSeek-V3 architecture) in its native FP8 checkpoint: 61 layers, hidden 7168, 128 heads with
   * multi-head latent attention (KV latent rank 512 plus a 64-dimension RoPE key, so 576 values per token and layer
   * shared by every head), 256 routed experts of intermediate size 2048 in the 58 layers after the first 3 dense ones
   * (`first_k_dense_replace` 3) with 8 per token plus one shared expert, 163840-token context. 671 B parameters, 37 B
   * active; the 14 B of the multi-token-prediction module (`num_nextn_predict_layers` 1) are loaded only for
   * speculative decoding and are not counted.
   *
   * Sources: copies of deepseek-ai/DeepSeek-R1 config.json on Hugging Face (e.g.
   * https://huggingface.co/wanzhenchn/DeepSeek-R1-AWQ/blob/main/config.json: hidden_size 7168, num_hidden_layers 61,
   * num_attention_heads 128, kv_lora_rank 512, qk_rope_head_dim 64, n_routed_experts 256, num_experts_per_tok 8,
   * moe_intermediate_size 2048, first_k_dense_replace 3, max_position_embeddings 163840) and vLLM's `DeepseekV3Config`
   * (https://docs.vllm.ai/en/v0.11.0/api/vllm/transformers_utils/configs/deepseek_v3.html, same defaults); parameter
   * counts from the DeepSeek-V3 README (https://github.com/deepseek-ai/DeepSeek-V3, "671B total parameters with 37B
   * activated for each token", "685B ... includes 671B of the Main Model weights and 14B of the MTP Module weights").
   */
  public static readonly DEEPSEEK_R1 = new LlmModel({
    name: 'deepseek-r1',
    huggingFaceId: 'deepseek-ai/DeepSeek-R1',
    parametersBillions: 671,
    layers: 61,
    hiddenSize: 7168,
    attentionHeads: 128,
    kvHeads: 128,
    headDim: 128,
    maxContextTokens: 163840,
    nativeFormat: NumericFormat.FP8,
    experts: 256,
    activeExperts: 8,
    expertIntermediateSize: 2048,
    moeLayers: 58,
    kvLoraRank: 512,
    qkRopeHeadDim: 64,
  });

  /** Every shipped model. */
  public static all(): LlmModel[] {
    return [
      LlmModel.LLAMA_3_1_8B,
      LlmModel.LLAMA_3_1_70B,
      LlmModel.LLAMA_3_1_405B,
      LlmModel.LLAMA_3_1_405B_FP8,
      LlmModel.GPT_OSS_120B,
      LlmModel.QWEN_2_5_7B,
      LlmModel.WHISPER_LARGE_V3,
      LlmModel.MIXTRAL_8X7B,
      LlmModel.QWEN3_235B_A22B,
      LlmModel.LLAMA_4_SCOUT,
      LlmModel.LLAMA_4_MAVERICK,
      LlmModel.DEEPSEEK_R1,
    ];
  }

  /** Looks up a shipped model by name. */
  public static fromName(name: string): LlmModel {
    return (
      LlmModel.all().find((m) => m.name === name) ??
      fail(`unknown model ${JSON.stringify(name)}; use one of ${oneOf(LlmModel.all().map((m) => m.name))} or LlmModel.custom()`)
    );
  }

  /** A model that is not shipped with the library. */
  public static custom(props: LlmModelProps): LlmModel {
    return new LlmModel(props);
  }

  /**
   * A model of your own from its Hugging Face `config.json`: dense, grouped-query, sliding-window, mixture-of-experts
   * and MLA architectures (Llama, Qwen, Mistral/Mixtral, gpt-oss, DeepSeek-V3, Llama 4's `text_config`). Refuses a
   * config that lacks what sizing needs, naming the field.
   */
  public static fromConfig(props: LlmModelConfigProps): LlmModel {
    return new LlmModel(propsFromConfig(props));
  }

  /** Short, stable id. */
  public readonly name: string;
  /** Hugging Face repository id. */
  public readonly huggingFaceId: string;
  /** Total parameters in billions. */
  public readonly parametersBillions: number;
  /** Layers that hold a KV cache. */
  public readonly layers: number;
  /** Hidden size. */
  public readonly hiddenSize: number;
  /** Attention heads. */
  public readonly attentionHeads: number;
  /** KV heads. */
  public readonly kvHeads: number;
  /** Head dimension. */
  public readonly headDim: number;
  /** Longest supported context in tokens. */
  public readonly maxContextTokens: number;
  /** Format of the published weights. */
  public readonly nativeFormat: NumericFormat;
  /** Checkpoint size override in GB, if any. */
  public readonly checkpointGb?: number;
  /** What the model does. */
  public readonly task: ModelTask;
  /** Layers with sliding-window attention. */
  public readonly slidingWindowLayers: number;
  /** Sliding window in tokens. */
  public readonly slidingWindowTokens: number;
  /** Encoder positions held as cross-attention KV per sequence. */
  public readonly crossAttentionTokens: number;
  /** Intermediate size of the dense MLP, if known. */
  public readonly intermediateSize?: number;
  /** Experts per MoE layer (0 for a dense model). */
  public readonly experts: number;
  /** Experts per token (0 for a dense model). */
  public readonly activeExperts: number;
  /** Intermediate size of one routed expert (0 for a dense model). */
  public readonly expertIntermediateSize: number;
  /** Layers with routed experts (0 for a dense model). */
  public readonly moeLayers: number;
  /** MLA latent rank (0 without MLA). */
  public readonly kvLoraRank: number;
  /** MLA RoPE key dimension (0 without MLA). */
  public readonly qkRopeHeadDim: number;

  private constructor(private readonly props: LlmModelProps) {
    const where = `model ${props.name}`;
    check(/^[a-z0-9][a-z0-9.-]*$/.test(props.name), `model name ${JSON.stringify(props.name)} must be lower case letters, digits, dots and dashes`);
    check(props.huggingFaceId.length > 0, `${where}: huggingFaceId must not be empty`);
    for (const key of ['layers', 'hiddenSize', 'attentionHeads', 'kvHeads', 'headDim', 'maxContextTokens'] as const) {
      check(Number.isInteger(props[key]) && props[key] > 0, `${where}: ${key} ${props[key]} must be a positive integer`);
    }
    for (const key of ['slidingWindowLayers', 'slidingWindowTokens', 'crossAttentionTokens', 'experts', 'activeExperts',
      'expertIntermediateSize', 'moeLayers', 'kvLoraRank', 'qkRopeHeadDim', 'intermediateSize'] as const) {
      const value = props[key] ?? 0;
      check(Number.isInteger(value) && value >= 0, `${where}: ${key} ${value} must be a non-negative integer`);
    }
    check(props.parametersBillions > 0, `${where}: parametersBillions must be positive`);
    check(props.checkpointGb === undefined || props.checkpointGb > 0, `${where}: checkpointGb must be positive`);
    check(props.attentionHeads % props.kvHeads === 0, `${where}: attentionHeads ${props.attentionHeads} must be a multiple of kvHeads ${props.kvHeads}`);
    check((props.slidingWindowLayers ?? 0) <= props.layers, `${where}: slidingWindowLayers ${props.slidingWindowLayers} is more than the ${props.layers} layers`);
    check(((props.slidingWindowLayers ?? 0) > 0) === ((props.slidingWindowTokens ?? 0) > 0),
      `${where}: slidingWindowLayers and slidingWindowTokens go together; give both or neither`);
    check((props.activeExperts ?? 0) <= (props.experts ?? 0), `${where}: activeExperts ${props.activeExperts} is more than the ${props.experts ?? 0} experts`);
    const experts = props.experts ?? 0;
    if (experts > 0) {
      check((props.activeExperts ?? 0) >= 1, `${where}: a mixture-of-experts model routes each token to at least one expert; give activeExperts (num_experts_per_tok)`);
      check((props.expertIntermediateSize ?? 0) >= 1,
        `${where}: ${experts} experts need expertIntermediateSize (moe_intermediate_size) to size the expert weights`);
    } else {
      check((props.activeExperts ?? 0) === 0 && (props.expertIntermediateSize ?? 0) === 0 && (props.moeLayers ?? 0) === 0,
        `${where}: activeExperts, expertIntermediateSize and moeLayers describe experts; give experts (num_local_experts) too`);
    }
    check((props.moeLayers ?? 0) <= props.layers, `${where}: moeLayers ${props.moeLayers} is more than the ${props.layers} layers`);
    check(((props.kvLoraRank ?? 0) > 0) === ((props.qkRopeHeadDim ?? 0) > 0),
      `${where}: kvLoraRank and qkRopeHeadDim describe the MLA latent together; give both or neither`);
    check(!((props.kvLoraRank ?? 0) > 0 && (props.slidingWindowLayers ?? 0) > 0), `${where}: MLA with sliding-window layers is not a shape the planner sizes`);
    this.name = props.name;
    this.huggingFaceId = props.huggingFaceId;
    this.parametersBillions = props.parametersBillions;
    this.layers = props.layers;
    this.hiddenSize = props.hiddenSize;
    this.attentionHeads = props.attentionHeads;
    this.kvHeads = props.kvHeads;
    this.headDim = props.headDim;
    this.maxContextTokens = props.maxContextTokens;
    this.nativeFormat = props.nativeFormat ?? NumericFormat.BF16;
    this.checkpointGb = props.checkpointGb;
    this.task = props.task ?? ModelTask.TEXT_GENERATION;
    this.slidingWindowLayers = props.slidingWindowLayers ?? 0;
    this.slidingWindowTokens = props.slidingWindowTokens ?? 0;
    this.crossAttentionTokens = props.crossAttentionTokens ?? 0;
    this.experts = props.experts ?? 0;
    this.activeExperts = props.activeExperts ?? 0;
    this.expertIntermediateSize = props.expertIntermediateSize ?? 0;
    this.intermediateSize = props.intermediateSize;
    this.moeLayers = experts > 0 ? props.moeLayers ?? props.layers : 0;
    this.kvLoraRank = props.kvLoraRank ?? 0;
    this.qkRopeHeadDim = props.qkRopeHeadDim ?? 0;
    check(this.expertParametersBillions < props.parametersBillions,
      () => `${where}: the ${this.moeLayers} × ${experts} experts of 3 × ${props.hiddenSize} × ${this.expertIntermediateSize} hold ` +
        `${this.expertParametersBillions.toFixed(1)} B parameters, not less than the ${props.parametersBillions} B total; check the expert fields`);
  }

  /** Whether the model routes tokens to experts. */
  public get mixtureOfExperts(): boolean {
    return this.experts > 0;
  }

  /** Whether the model caches an MLA latent instead of per-head K and V. */
  public get multiHeadLatentAttention(): boolean {
    return this.kvLoraRank > 0;
  }

  /** Parameters of the routed experts in billions: MoE layers × experts × 3 × hidden × expert intermediate size. */
  public get expertParametersBillions(): number {
    return (this.moeLayers * this.experts * 3 * this.hiddenSize * this.expertIntermediateSize) / 1e9;
  }

  /**
   * Parameters one token goes through, in billions: everything but the routed experts it is not sent to
   * (the total for a dense model).
   */
  public get activeParametersBillions(): number {
    if (!this.mixtureOfExperts) return this.parametersBillions;
    return this.parametersBillions - this.expertParametersBillions * (1 - this.activeExperts / this.experts);
  }

  /**
   * Size of the routed experts' weights in GB in a format. A mixed-precision checkpoint (`checkpointGb`) keeps its
   * experts in its native format and the rest in BF16.
   */
  public expertWeightsGb(format: NumericFormat): number {
    return this.expertParametersBillions * bytesPerElement(format);
  }

  /**
   * GPU memory of one LoRA adapter slot of rank `rank` in bytes: vLLM allocates A (in × r) and B (r × out) for the
   * q, k, v, o, gate, up and down projections of every layer (vllm-project/vllm `vllm/lora/layers/`), in the
   * activation format. Counted whole on every GPU, an upper bound under tensor parallelism (vLLM shards half of it).
   */
  public loraBytesPerSlot(rank: number, format: NumericFormat): number {
    const size = this.intermediateSize ??
      fail(`model ${this.name}: LoRA adapters are sized from the MLP's intermediate size, which the model does not give; ` +
        'set intermediateSize (intermediate_size in config.json)');
    const h = this.hiddenSize;
    const q = this.attentionHeads * this.headDim;
    const kv = this.kvHeads * this.headDim;
    const perLayer = (h + q) + 2 * (h + kv) + (q + h) + 2 * (h + size) + (size + h);
    return rank * this.layers * perLayer * bytesPerElement(format);
  }

  /** Size of the weights that are not routed experts (attention, shared experts, embeddings) in GB in a format. */
  public denseWeightsGb(format: NumericFormat): number {
    return this.weightsGb(format) - this.expertWeightsGb(format);
  }

  /**
   * The same architecture with another checkpoint's weights, e.g. an AWQ INT4 or FP8 repository: vLLM reads the
   * quantization from the checkpoint, and the planner sizes the weights in its format.
   */
  public withCheckpoint(checkpoint: QuantizedCheckpointProps): LlmModel {
    return new LlmModel({
      ...this.props,
      name: checkpoint.name ?? `${this.name}-${checkpoint.weightFormat}`,
      huggingFaceId: checkpoint.huggingFaceId,
      nativeFormat: checkpoint.weightFormat,
      checkpointGb: checkpoint.checkpointGb,
    });
  }

  /** Size of the weights in GB (1e9 bytes) in a format. */
  public weightsGb(format: NumericFormat): number {
    if (this.checkpointGb !== undefined && format === this.nativeFormat) return this.checkpointGb;
    return this.parametersBillions * bytesPerElement(format);
  }

  /** Layers with full attention, whose KV cache grows with every token of a sequence. */
  public get fullAttentionLayers(): number {
    return this.layers - this.slidingWindowLayers;
  }

  /**
   * KV-cache bytes per token of a sequence for the whole model: 2 (K and V) × full-attention layers × KV heads ×
   * head dim × bytes (vllm-project/vllm `vllm/v1/kv_cache_interface.py`: an attention layer's page holds K and V of
   * every KV head for each token of the block). Sliding-window and cross-attention KV do not grow with the
   * sequence: see {@link kvBytesPerSequence}.
   */
  public kvBytesPerToken(format: NumericFormat): number {
    // MLA caches one latent of kv_lora_rank + qk_rope_head_dim per token and layer, shared by all heads
    // (DeepSeek-V2 paper, arXiv:2405.04434 §2.1.2: (d_c + d_h^R) × layers elements per token)
    if (this.multiHeadLatentAttention) return this.layers * (this.kvLoraRank + this.qkRopeHeadDim) * bytesPerElement(format);
    return 2 * this.fullAttentionLayers * this.kvHeads * this.headDim * bytesPerElement(format);
  }

  /**
   * KV-cache bytes one sequence of `tokens` tokens holds beyond `tokens × kvBytesPerToken`: the sliding-window layers'
   * last `slidingWindowTokens` tokens and the cross-attention K/V of the encoder positions.
   * gpt-oss-120b: 18 layers × 128 tokens × 2 × 8 × 64 × 2 bytes = 4.5 MiB.
   */
  public kvBytesPerSequence(format: NumericFormat, tokens: number): number {
    const perLayerToken = 2 * this.kvHeads * this.headDim * bytesPerElement(format);
    const sliding = this.slidingWindowLayers * Math.min(this.slidingWindowTokens, tokens) * perLayerToken;
    const cross = this.layers * this.crossAttentionTokens * perLayerToken;
    return sliding + cross;
  }
}

/** The `config.json` fields sizing reads, mapped the way transformers' config classes name them. */
function propsFromConfig(props: LlmModelConfigProps): LlmModelProps {
  const where = `config of model ${props.name}`;
  check((props.config === undefined) !== (props.configFile === undefined), `${where}: give config or configFile, not ${props.config ? 'both' : 'neither'}`);
  let raw: { [key: string]: any };
  if (props.configFile !== undefined) {
    let text: string;
    try {
      text = fs.readFileSync(props.configFile, 'utf8');
    } catch (e) {
      return fail(`${where}: cannot read configFile ${props.configFile} (${(e as Error).message.split('\n')[0]}); give the path of a config.json`);
    }
    try {
      raw = JSON.parse(text);
    } catch (e) {
      return fail(`${where}: configFile ${props.configFile} is not JSON (${(e as Error).message}); give a Hugging Face config.json`);
    }
  } else {
    raw = props.config!;
  }
  check(typeof raw === 'object' && raw !== null && !Array.isArray(raw), `${where}: the config must be a JSON object`);
  // multimodal checkpoints (Llama 4) keep the language model under text_config
  const c: { [key: string]: any } = typeof raw.text_config === 'object' && raw.text_config !== null ? { ...raw, ...raw.text_config } : raw;
  const int = (key: string): number | undefined => {
    const v = c[key];
    if (v === undefined || v === null) return undefined;
    check(Number.isInteger(v) && v >= 0, `${where}: ${key} ${JSON.stringify(v)} must be a non-negative integer`);
    return v;
  };
  const need = (key: string, why: string, ...aliases: string[]): number => {
    for (const k of [key, ...aliases]) {
      const v = int(k);
      if (v !== undefined) return v;
    }
    return fail(`${where}: ${[key, ...aliases].join(' / ')} is missing; sizing needs it for ${why}`);
  };

  const layers = need('num_hidden_layers', 'the KV cache per layer', 'n_layer');
  const hiddenSize = need('hidden_size', 'the weights', 'd_model', 'n_embd');
  const attentionHeads = need('num_attention_heads', 'tensor parallelism', 'n_head');
  const kvHeads = int('num_key_value_heads') ??
    fail(`${where}: num_key_value_heads is missing; sizing needs the KV heads for the KV cache and tensor parallelism ` +
      `(give it: ${attentionHeads} for multi-head attention, fewer for grouped-query attention)`);
  // MLA heads have their own dimensions (v_head_dim); others default to hidden / heads as transformers does
  const headDim = int('head_dim') ?? ((int('kv_lora_rank') ?? 0) > 0 ? int('v_head_dim') : undefined) ?? hiddenSize / attentionHeads;
  check(Number.isInteger(headDim), `${where}: head_dim is missing and hidden_size ${hiddenSize} / num_attention_heads ${attentionHeads} is not an integer; give head_dim`);
  const maxContextTokens = props.maxContextTokens ?? int('max_position_embeddings') ??
    fail(`${where}: max_position_embeddings is missing; sizing needs the longest context (or give maxContextTokens)`);

  // sliding window: layer_types (gpt-oss, Gemma 3), else a window on every layer unless use_sliding_window is false (Qwen2)
  let slidingWindowLayers = 0;
  let slidingWindowTokens = 0;
  const window = int('sliding_window');
  if (window !== undefined && window > 0 && window < maxContextTokens) {
    if (Array.isArray(c.layer_types)) {
      slidingWindowLayers = c.layer_types.filter((t: unknown) => t === 'sliding_attention').length;
    } else if (c.use_sliding_window !== false) {
      slidingWindowLayers = layers;
    }
    slidingWindowTokens = slidingWindowLayers > 0 ? window : 0;
  }

  // experts: Mixtral/Llama 4 num_local_experts, Qwen/gpt-oss num_experts, DeepSeek n_routed_experts
  const experts = int('num_local_experts') ?? int('num_experts') ?? int('n_routed_experts') ?? 0;
  let activeExperts = 0;
  let expertIntermediateSize = 0;
  let moeLayers = 0;
  const intermediate = int('intermediate_size');
  if (experts > 0) {
    activeExperts = int('num_experts_per_tok') ?? int('experts_per_token') ??
      fail(`${where}: ${experts} experts but num_experts_per_tok is missing; sizing needs the experts per token`);
    expertIntermediateSize = int('moe_intermediate_size') ?? intermediate ??
      fail(`${where}: ${experts} experts but moe_intermediate_size (or intermediate_size) is missing; sizing needs the expert size`);
    const firstDense = int('first_k_dense_replace') ?? 0;
    const step = int('interleave_moe_layer_step') ?? 1;
    const mlpOnly = Array.isArray(c.mlp_only_layers) ? c.mlp_only_layers.length : 0;
    moeLayers = step > 0 ? Math.floor((layers - firstDense) / step) - mlpOnly : 0;
    check(moeLayers > 0, `${where}: ${experts} experts but no layer has them (first_k_dense_replace, interleave_moe_layer_step, mlp_only_layers)`);
  }
  const kvLoraRank = int('kv_lora_rank') ?? 0;
  const qkRopeHeadDim = kvLoraRank > 0 ? need('qk_rope_head_dim', 'the MLA latent cached per token') : 0;

  const nativeFormat = props.nativeFormat ?? formatOf(c, where);
  const parametersBillions = props.parametersBillions ?? estimateParameters(c, {
    layers,
    hiddenSize,
    attentionHeads,
    kvHeads,
    headDim,
    experts,
    expertIntermediateSize,
    moeLayers,
    kvLoraRank,
    qkRopeHeadDim,
    intermediate,
    where,
    embedding: props.task === ModelTask.EMBEDDING,
  });
  return {
    name: props.name,
    huggingFaceId: props.huggingFaceId,
    parametersBillions,
    layers,
    hiddenSize,
    attentionHeads,
    kvHeads,
    headDim,
    maxContextTokens,
    nativeFormat,
    checkpointGb: props.checkpointGb,
    task: props.task,
    intermediateSize: experts === 0 ? intermediate : undefined,
    slidingWindowLayers,
    slidingWindowTokens,
    experts,
    activeExperts,
    expertIntermediateSize,
    moeLayers: experts > 0 ? moeLayers : undefined,
    kvLoraRank,
    qkRopeHeadDim,
  };
}

/** The weight format a config declares: its quantization method, else its dtype. */
function formatOf(c: { [key: string]: any }, where: string): NumericFormat {
  const q = c.quantization_config;
  if (q && typeof q === 'object') {
    const method = String(q.quant_method ?? '').toLowerCase();
    if (method === 'fp8') return NumericFormat.FP8;
    if (method === 'mxfp4') return NumericFormat.MXFP4;
    if ((method === 'awq' || method === 'gptq') && q.bits === 4) return NumericFormat.INT4;
    return fail(`${where}: quantization_config.quant_method ${JSON.stringify(q.quant_method)} is not one the planner sizes; give nativeFormat ` +
      '(and checkpointGb for a mixed-precision checkpoint)');
  }
  const dtype = String(c.torch_dtype ?? c.dtype ?? 'bfloat16');
  if (dtype === 'bfloat16') return NumericFormat.BF16;
  if (dtype === 'float16') return NumericFormat.FP16;
  return fail(`${where}: torch_dtype ${JSON.stringify(dtype)} is not a serving format; give nativeFormat`);
}

interface Shape {
  readonly layers: number;
  readonly hiddenSize: number;
  readonly attentionHeads: number;
  readonly kvHeads: number;
  readonly headDim: number;
  readonly experts: number;
  readonly expertIntermediateSize: number;
  readonly moeLayers: number;
  readonly kvLoraRank: number;
  readonly qkRopeHeadDim: number;
  readonly intermediate?: number;
  readonly embedding: boolean;
  readonly where: string;
}

/**
 * Parameters in billions from the config: embeddings (twice unless tied), attention (MLA's low-rank projections for
 * DeepSeek), gated MLPs of 3 × hidden × intermediate, routed experts, shared experts and routers. Biases and norms are
 * left out (under 0.1 %).
 */
function estimateParameters(c: { [key: string]: any }, s: Shape): number {
  const h = s.hiddenSize;
  const vocab = Number.isInteger(c.vocab_size) ? c.vocab_size : fail(`${s.where}: vocab_size is missing; sizing needs it for the embeddings (or give parametersBillions)`);
  // an embedding checkpoint has no LM head; a generative one has its own unless tied to the input embeddings
  const embeddings = vocab * h * (c.tie_word_embeddings === true || s.embedding ? 1 : 2);
  let attention: number;
  if (s.kvLoraRank > 0) {
    const nope = Number(c.qk_nope_head_dim ?? 0);
    const v = Number(c.v_head_dim ?? s.headDim);
    const qRank = Number(c.q_lora_rank ?? 0);
    const qHead = s.attentionHeads * (nope + s.qkRopeHeadDim);
    attention = (qRank > 0 ? h * qRank + qRank * qHead : h * qHead) + h * (s.kvLoraRank + s.qkRopeHeadDim) +
      s.kvLoraRank * s.attentionHeads * (nope + v) + s.attentionHeads * v * h;
  } else {
    attention = h * s.headDim * (s.attentionHeads + 2 * s.kvHeads) + s.attentionHeads * s.headDim * h;
  }
  const mlp = (size: number) => 3 * h * size;
  const denseLayers = s.layers - s.moeLayers;
  // Llama 4 names the dense layers' size intermediate_size_mlp; the others intermediate_size
  const denseSize = Number(c.intermediate_size_mlp ?? s.intermediate ?? 0);
  check(denseLayers === 0 || denseSize > 0, `${s.where}: intermediate_size is missing; sizing needs the MLP size (or give parametersBillions)`);
  let perMoeLayer = 0;
  if (s.experts > 0) {
    // shared experts: DeepSeek n_shared_experts × moe_intermediate_size, Qwen2-MoE shared_expert_intermediate_size,
    // Llama 4 one shared expert of intermediate_size
    const shared = Number.isInteger(c.n_shared_experts) ? c.n_shared_experts * mlp(s.expertIntermediateSize)
      : Number.isInteger(c.shared_expert_intermediate_size) ? mlp(c.shared_expert_intermediate_size)
        : String(c.model_type ?? '').startsWith('llama4') ? mlp(s.expertIntermediateSize) : 0;
    perMoeLayer = s.experts * mlp(s.expertIntermediateSize) + shared + h * s.experts;
  }
  return (embeddings + s.layers * attention + denseLayers * mlp(denseSize) + s.moeLayers * perMoeLayer) / 1e9;
}
