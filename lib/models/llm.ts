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
}

/** Bytes per element of a numeric format (shared/reference/llm-serving.md §2). */
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
    default:
      return fail(`unknown numeric format ${format}`);
  }
}

/** Architecture of a model as the sizing math needs it. Every shipped number carries its source. */
export interface LlmModelProps {
  /** Short, stable id used in names and labels, e.g. `llama-3.1-70b`. */
  readonly name: string;
  /** Hugging Face repository id, e.g. `meta-llama/Llama-3.1-70B-Instruct`. */
  readonly huggingFaceId: string;
  /** Total parameters in billions. */
  readonly parametersBillions: number;
  /** Transformer layers (decoder layers). */
  readonly layers: number;
  /** Hidden size. */
  readonly hiddenSize: number;
  /** Attention (query) heads. */
  readonly attentionHeads: number;
  /** Key/value heads (grouped-query attention). */
  readonly kvHeads: number;
  /** Head dimension. */
  readonly headDim: number;
  /** Longest context the model supports (`max_position_embeddings`), in tokens. */
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
}

/**
 * A language model's architecture, for sizing. Shipped models are static members; add others with `LlmModel.custom()`.
 */
export class LlmModel {
  /**
   * Llama 3.1 8B: 32 layers, hidden 4096, 32 heads, 8 KV heads, head dim 128, 8.03 B parameters, 128K context
   * (meta-llama config.json; shared/reference/llm-serving.md §2).
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
  });

  /**
   * Llama 3.1 70B: 80 layers, hidden 8192, 64 heads, 8 KV heads, head dim 128, 70.6 B parameters, 128K context
   * (meta-llama config.json; shared/reference/llm-serving.md §2).
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
  });

  /**
   * Llama 3.1 405B: 126 layers, hidden 16384, 128 heads, 8 KV heads, head dim 128, 404.7 B parameters, 128K context
   * (meta-llama config.json; shared/reference/llm-serving.md §2).
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
  });

  /** Every shipped model. */
  public static all(): LlmModel[] {
    return [LlmModel.LLAMA_3_1_8B, LlmModel.LLAMA_3_1_70B, LlmModel.LLAMA_3_1_405B];
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

  /** Short, stable id. */
  public readonly name: string;
  /** Hugging Face repository id. */
  public readonly huggingFaceId: string;
  /** Total parameters in billions. */
  public readonly parametersBillions: number;
  /** Layers. */
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

  private constructor(props: LlmModelProps) {
    const where = `model ${props.name}`;
    check(/^[a-z0-9][a-z0-9.-]*$/.test(props.name), `model name ${JSON.stringify(props.name)} must be lower case letters, digits, dots and dashes`);
    for (const key of ['layers', 'hiddenSize', 'attentionHeads', 'kvHeads', 'headDim', 'maxContextTokens'] as const) {
      check(Number.isInteger(props[key]) && props[key] > 0, `${where}: ${key} ${props[key]} must be a positive integer`);
    }
    check(props.parametersBillions > 0, `${where}: parametersBillions must be positive`);
    check(props.attentionHeads % props.kvHeads === 0, `${where}: attentionHeads ${props.attentionHeads} must be a multiple of kvHeads ${props.kvHeads}`);
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
  }

  /** Size of the weights in GB (1e9 bytes) in a format. */
  public weightsGb(format: NumericFormat): number {
    if (this.checkpointGb !== undefined && format === this.nativeFormat) return this.checkpointGb;
    return this.parametersBillions * bytesPerElement(format);
  }

  /**
   * KV-cache bytes per token for the whole model: 2 (K and V) × layers × KV heads × head dim × bytes
   * (shared/reference/llm-serving.md §2).
   */
  public kvBytesPerToken(format: NumericFormat): number {
    return 2 * this.layers * this.kvHeads * this.headDim * bytesPerElement(format);
  }
}
