import { k8s } from 'cdk8s-plus-28';
import { EnvVar, ModelSourceBinding, Volume, env, secretEnv } from './private/pod';
import { fail } from '../../lib/errors';
import { LlmModel } from '../../lib/models/llm';
import { IModelStore, ModelStoreKind } from '../storage/model-store';

/** A key of a Kubernetes Secret in the server's namespace. */
export interface SecretKeyReference {
  /** Secret name (same namespace). */
  readonly secretName: string;
  /** Key in the Secret. */
  readonly key: string;
}

/** Options of {@link ModelSource.huggingFace}. */
export interface HuggingFaceSourceOptions {
  /**
   * Secret key holding a Hugging Face token (`HF_TOKEN`), needed for gated models such as Llama.
   * @default - no token: public models only
   */
  readonly tokenSecret?: SecretKeyReference;
  /**
   * A PersistentVolumeClaim for the download cache (`HF_HOME`), so restarts and new replicas do not download again.
   * Use a ReadWriteMany claim when replicas run on several nodes.
   * @default - an emptyDir on the node, sized to the checkpoint: every pod downloads the weights once
   */
  readonly cacheClaimName?: string;
  /**
   * Repository to download instead of the model's own (a fine-tune or a mirror with the same architecture).
   * @default - the model's `huggingFaceId`
   */
  readonly repositoryId?: string;
}

/** Options of {@link ModelSource.s3}. */
export interface S3SourceOptions {
  /** Bucket name. */
  readonly bucket: string;
  /** Key prefix of the model directory (config.json, tokenizer and safetensors files), e.g. `llama-3.1-8b-instruct`. */
  readonly prefix: string;
  /** Secret holding the access key pair. */
  readonly credentialsSecretName: string;
  /**
   * Key of the access key id in the Secret.
   * @default 'AWS_ACCESS_KEY_ID'
   */
  readonly accessKeyIdKey?: string;
  /**
   * Key of the secret access key in the Secret.
   * @default 'AWS_SECRET_ACCESS_KEY'
   */
  readonly secretAccessKeyKey?: string;
  /**
   * Endpoint of an S3-compatible store (Ceph RGW, MinIO), e.g. `https://rgw.example.org`.
   * @default - AWS S3
   */
  readonly endpointUrl?: string;
  /**
   * Region.
   * @default - none set
   */
  readonly region?: string;
  /**
   * Whether the store wants virtual-hosted-style addressing (`bucket.host`) instead of path-style (`host/bucket`).
   * @default false - path-style, what Ceph RGW and MinIO serve without wildcard DNS
   */
  readonly virtualHostedStyle?: boolean;
}

/** Options of {@link ModelSource.persistentVolumeClaim}. */
export interface PersistentVolumeClaimSourceOptions {
  /**
   * Whether the server may write to the volume.
   * @default false - mounted read-only
   */
  readonly writable?: boolean;
}

/** Where a model source comes from. */
export enum ModelSourceKind {
  /** The Hugging Face hub. */
  HUGGING_FACE = 'huggingface',
  /** A directory on a PersistentVolumeClaim (a model store share). */
  PERSISTENT_VOLUME_CLAIM = 'pvc',
  /** An S3-compatible bucket, streamed to the GPUs. */
  S3 = 's3',
}

/** Mount path of a model store volume. */
const MODELS_PATH = '/models';
/** Mount path of the Hugging Face download cache. */
const HF_CACHE_PATH = '/models-cache';

/**
 * Where a server gets its model weights: the Hugging Face hub (token from a Secret), a model store share mounted
 * through a PersistentVolumeClaim, or an S3-compatible bucket streamed with the Run:ai model streamer
 * (`--load-format runai_streamer`). A tenant's model store (`IModelStore`) maps onto the second or the third.
 */
export class ModelSource {
  /**
   * Download from the Hugging Face hub at start (`HF_HOME` on a cache volume, `HF_TOKEN` from a Secret;
   * https://huggingface.co/docs/huggingface_hub/package_reference/environment_variables).
   */
  public static huggingFace(options: HuggingFaceSourceOptions = {}): ModelSource {
    return new ModelSource(ModelSourceKind.HUGGING_FACE, (model) => {
      const volume: Volume = options.cacheClaimName
        ? { name: 'model-cache', persistentVolumeClaim: { claimName: options.cacheClaimName } }
        : { name: 'model-cache', emptyDir: { sizeLimit: k8s.Quantity.fromString(`${cacheSizeGib(model)}Gi`) } };
      return {
        modelArgument: options.repositoryId ?? model.huggingFaceId,
        args: [],
        env: [
          env('HF_HOME', HF_CACHE_PATH),
          ...(options.tokenSecret ? [secretEnv('HF_TOKEN', options.tokenSecret.secretName, options.tokenSecret.key)] : []),
        ],
        volumes: [volume],
        mounts: [{ name: 'model-cache', mountPath: HF_CACHE_PATH }],
      };
    });
  }

  /**
   * Serve a model directory from a PersistentVolumeClaim, e.g. a Manila share of the tenant's model store: mounted
   * read-only at `/models`, with `HF_HUB_OFFLINE=1` so nothing is downloaded. Use a ReadOnlyMany or ReadWriteMany
   * claim when replicas run on several nodes.
   *
   * @param claimName the PersistentVolumeClaim in the server's namespace
   * @param path the model directory inside the volume (holding config.json, tokenizer and safetensors files)
   */
  public static persistentVolumeClaim(claimName: string, path: string, options: PersistentVolumeClaimSourceOptions = {}): ModelSource {
    const clean = path.replace(/^\/+|\/+$/g, '');
    if (clean.split('/').includes('..')) fail(`model path ${JSON.stringify(path)} must stay inside the volume; remove the '..'`);
    return new ModelSource(ModelSourceKind.PERSISTENT_VOLUME_CLAIM, () => ({
      modelArgument: clean ? `${MODELS_PATH}/${clean}` : MODELS_PATH,
      args: [],
      env: [env('HF_HUB_OFFLINE', '1')],
      volumes: [{ name: 'model-store', persistentVolumeClaim: { claimName, readOnly: !options.writable } }],
      mounts: [{ name: 'model-store', mountPath: MODELS_PATH, readOnly: !options.writable }],
    }));
  }

  /**
   * Stream the weights from an S3-compatible bucket straight to GPU memory (`vllm serve s3://bucket/prefix
   * --load-format runai_streamer`; the vllm-openai image ships `runai-model-streamer[s3]`). Credentials come from a
   * Secret as `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY`; a non-AWS endpoint is `AWS_ENDPOINT_URL` with path-style
   * addressing (`RUNAI_STREAMER_S3_USE_VIRTUAL_ADDRESSING=0`) and no EC2 metadata lookups, as vLLM's Run:ai model
   * streamer guide shows. The directory must hold safetensors weights.
   */
  public static s3(options: S3SourceOptions): ModelSource {
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(options.bucket)) {
      fail(`bucket ${JSON.stringify(options.bucket)} is not a valid S3 bucket name; use 3 to 63 lower-case letters, digits, dots and dashes`);
    }
    const prefix = options.prefix.replace(/^\/+|\/+$/g, '');
    return new ModelSource(ModelSourceKind.S3, () => {
      const vars: EnvVar[] = [
        secretEnv('AWS_ACCESS_KEY_ID', options.credentialsSecretName, options.accessKeyIdKey ?? 'AWS_ACCESS_KEY_ID'),
        secretEnv('AWS_SECRET_ACCESS_KEY', options.credentialsSecretName, options.secretAccessKeyKey ?? 'AWS_SECRET_ACCESS_KEY'),
        env('AWS_EC2_METADATA_DISABLED', 'true'),
        env('RUNAI_STREAMER_S3_USE_VIRTUAL_ADDRESSING', options.virtualHostedStyle ? '1' : '0'),
      ];
      if (options.endpointUrl) vars.push(env('AWS_ENDPOINT_URL', options.endpointUrl));
      if (options.region) vars.push(env('AWS_REGION', options.region));
      return {
        modelArgument: `s3://${options.bucket}/${prefix}`,
        args: ['--load-format=runai_streamer'],
        env: vars,
        volumes: [],
        mounts: [],
      };
    });
  }

  /**
   * Serve from a tenant's model store: a shared-file-system store through its PersistentVolumeClaim
   * (`ModelStoreClaim` renders it in the server's namespace; read-only unless the store is writable), an
   * object-bucket store streamed over S3 with the store's endpoint, region and credentials Secret.
   *
   * @param store the model store
   * @param path the model directory inside the share, or the key prefix inside the bucket
   */
  public static fromModelStore(store: IModelStore, path: string): ModelSource {
    if (store.storeKind === ModelStoreKind.SHARED_FILE_SYSTEM) {
      const fs = store.fileSystem ?? fail(`model store ${store.storeName} is a shared file system without mount details`);
      return ModelSource.persistentVolumeClaim(fs.claimName, path, { writable: !store.readOnly });
    }
    const bucket = store.objectBucket ?? fail(`model store ${store.storeName} is an object bucket without fetch details`);
    return ModelSource.s3({
      bucket: bucket.bucketName,
      prefix: path,
      endpointUrl: bucket.endpointUrl,
      region: bucket.region,
      credentialsSecretName: bucket.credentialsSecret.secretName,
      accessKeyIdKey: bucket.accessKeyIdKey,
      secretAccessKeyKey: bucket.secretAccessKeyKey,
    });
  }

  /** Where the weights come from. */
  public readonly kind: ModelSourceKind;

  private constructor(kind: ModelSourceKind, private readonly render: (model: LlmModel) => ModelSourceBinding) {
    this.kind = kind;
  }

  /** How the source shows up in a pod serving `model`. @internal */
  public _bind(model: LlmModel): ModelSourceBinding {
    return this.render(model);
  }
}

/** The download cache for a checkpoint: its size plus 20 % for the tokenizer, partial downloads and hub metadata. */
function cacheSizeGib(model: LlmModel): number {
  return Math.ceil((model.weightsGb(model.nativeFormat) * 1.2 * 1e9) / 2 ** 30);
}
