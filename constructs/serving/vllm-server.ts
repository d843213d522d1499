import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { GpuModel } from '../../lib/hardware/gpu';
import { LlmModel, NumericFormat } from '../../lib/models/llm';
import { ServingPlan, ServingPlanner } from '../../lib/models/serving-plan';
import { guard, invalid } from '../common/validation';

/** A key of a Kubernetes Secret. */
export interface SecretKeyReference {
  /** Secret name (same namespace). */
  readonly secretName: string;
  /** Key in the Secret. */
  readonly key: string;
}

/** Props of {@link VllmServer}. */
export interface VllmServerProps {
  /** The model to serve. */
  readonly model: LlmModel;
  /** GPU model of the nodes it runs on. */
  readonly gpu: GpuModel;
  /** GPUs per node the server may use. */
  readonly gpusPerNode: number;
  /**
   * Longest request in tokens (`--max-model-len`).
   * @default - the model's maximum context
   */
  readonly maxModelLen?: number;
  /**
   * Weight format; FP8 on a BF16 model quantizes on the fly (`--quantization fp8`).
   * @default - the model's native format
   */
  readonly weightFormat?: NumericFormat;
  /**
   * KV-cache format (`--kv-cache-dtype`).
   * @default - 16-bit, like the weights
   */
  readonly kvCacheFormat?: NumericFormat;
  /**
   * `--gpu-memory-utilization`.
   * @default 0.9
   */
  readonly gpuMemoryUtilization?: number;
  /**
   * Replicas of the server.
   * @default 1
   */
  readonly replicas?: number;
  /**
   * Name of the Deployment and Service.
   * @default - `vllm-<model name>` with dots replaced by dashes
   */
  readonly serverName?: string;
  /**
   * Name clients put in the `model` field (`--served-model-name`).
   * @default - the model's Hugging Face id
   */
  readonly servedModelName?: string;
  /**
   * Container image.
   * @default 'vllm/vllm-openai:v0.12.0'
   */
  readonly image?: string;
  /**
   * Secret key holding a Hugging Face token (`HF_TOKEN`) for gated models.
   * @default - no token
   */
  readonly huggingFaceToken?: SecretKeyReference;
  /**
   * Secret key holding the API key clients must send as a Bearer token (`VLLM_API_KEY`).
   * @default - no API key
   */
  readonly apiKey?: SecretKeyReference;
}

const PORT = 8000;
const DEFAULT_IMAGE = 'vllm/vllm-openai:v0.12.0';

/**
 * A vLLM OpenAI-compatible server on one node, sized from the model and the GPUs: the planner picks the smallest
 * tensor-parallel size whose GPUs hold the weights and at least one full-length sequence of KV cache, or the
 * constructor refuses with the shortfall (shared/reference/llm-serving.md §1-2).
 *
 * Renders a Deployment (GPUs from `nvidia.com/gpu`, memory-backed `/dev/shm`, `/health` probes, non-root) and a
 * ClusterIP Service on port 8000.
 */
export class VllmServer extends Construct {
  /** The sizing decision the manifests were rendered from. */
  public readonly plan: ServingPlan;
  /** Deployment and Service name. */
  public readonly serverName: string;
  /** In-cluster URL of the OpenAI-compatible API. */
  public readonly url: string;
  /** Name clients put in the `model` field. */
  public readonly servedModelName: string;

  constructor(scope: Construct, id: string, props: VllmServerProps) {
    super(scope, id);
    this.plan = guard(this, () =>
      ServingPlanner.plan({
        model: props.model,
        gpu: props.gpu,
        gpusPerNode: props.gpusPerNode,
        maxModelLen: props.maxModelLen,
        weightFormat: props.weightFormat,
        kvCacheFormat: props.kvCacheFormat,
        gpuMemoryUtilization: props.gpuMemoryUtilization,
      }),
    );
    const replicas = props.replicas ?? 1;
    if (!Number.isInteger(replicas) || replicas < 1) {
      invalid(this, `replicas ${replicas} must be a positive integer`);
    }
    this.serverName = props.serverName ?? `vllm-${props.model.name.replace(/\./g, '-')}`;
    if (!/^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/.test(this.serverName)) {
      invalid(this, `serverName ${JSON.stringify(this.serverName)} is not a DNS-1035 label; use lower-case letters, digits and dashes, starting with a letter`);
    }
    this.servedModelName = props.servedModelName ?? props.model.huggingFaceId;
    this.url = `http://${this.serverName}:${PORT}/v1`;

    const labels = {
      'app.kubernetes.io/name': 'vllm',
      'app.kubernetes.io/instance': this.serverName,
      'app.kubernetes.io/component': 'model-server',
      'ai-factory.dev/model': props.model.name,
    };
    const tp = this.plan.tensorParallelSize;
    const args = [
      props.model.huggingFaceId,
      `--served-model-name=${this.servedModelName}`,
      `--port=${PORT}`,
      `--tensor-parallel-size=${tp}`,
      `--max-model-len=${this.plan.maxModelLen}`,
      `--gpu-memory-utilization=${this.plan.gpuMemoryUtilization}`,
      '--enable-prefix-caching',
    ];
    if (this.plan.weightFormat === NumericFormat.FP8 && props.model.nativeFormat !== NumericFormat.FP8) {
      args.push('--quantization=fp8');
    }
    if (this.plan.kvCacheFormat === NumericFormat.FP8) {
      args.push('--kv-cache-dtype=fp8');
    }

    const env: k8s.EnvVar[] = [
      { name: 'HF_HOME', value: '/models-cache' },
      { name: 'HOME', value: '/tmp' },
    ];
    if (props.huggingFaceToken) {
      env.push({ name: 'HF_TOKEN', valueFrom: { secretKeyRef: { name: props.huggingFaceToken.secretName, key: props.huggingFaceToken.key } } });
    }
    if (props.apiKey) {
      env.push({ name: 'VLLM_API_KEY', valueFrom: { secretKeyRef: { name: props.apiKey.secretName, key: props.apiKey.key } } });
    }
    const health = (periodSeconds: number, failureThreshold: number): k8s.Probe => ({
      httpGet: { path: '/health', port: k8s.IntOrString.fromString('http') },
      periodSeconds,
      failureThreshold,
      timeoutSeconds: 5,
    });
    const gpuProduct = props.gpu.productName?.replace(/ /g, '-');

    new k8s.KubeDeployment(this, 'Resource', {
      metadata: { name: this.serverName, labels },
      spec: {
        replicas,
        selector: { matchLabels: { 'app.kubernetes.io/instance': this.serverName } },
        strategy: { type: 'Recreate' },
        template: {
          metadata: { labels },
          spec: {
            securityContext: { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000, seccompProfile: { type: 'RuntimeDefault' } },
            nodeSelector: gpuProduct ? { 'nvidia.com/gpu.product': gpuProduct } : undefined,
            tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
            containers: [
              {
                name: 'vllm',
                image: props.image ?? DEFAULT_IMAGE,
                command: ['vllm', 'serve'],
                args,
                env,
                ports: [{ name: 'http', containerPort: PORT, protocol: 'TCP' }],
                resources: {
                  requests: { 'cpu': k8s.Quantity.fromNumber(4 * tp), 'memory': k8s.Quantity.fromString(`${16 * tp}Gi`), 'nvidia.com/gpu': k8s.Quantity.fromNumber(tp) },
                  limits: { 'memory': k8s.Quantity.fromString(`${16 * tp}Gi`), 'nvidia.com/gpu': k8s.Quantity.fromNumber(tp) },
                },
                startupProbe: health(10, 60),
                readinessProbe: health(5, 3),
                livenessProbe: health(10, 3),
                securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
                volumeMounts: [
                  { name: 'shm', mountPath: '/dev/shm' },
                  { name: 'models-cache', mountPath: '/models-cache' },
                ],
              },
            ],
            volumes: [
              { name: 'shm', emptyDir: { medium: 'Memory', sizeLimit: k8s.Quantity.fromString('16Gi') } },
              { name: 'models-cache', emptyDir: {} },
            ],
          },
        },
      },
    });

    new k8s.KubeService(this, 'Service', {
      metadata: { name: this.serverName, labels },
      spec: {
        type: 'ClusterIP',
        selector: { 'app.kubernetes.io/instance': this.serverName },
        ports: [{ name: 'http', port: PORT, targetPort: k8s.IntOrString.fromString('http'), protocol: 'TCP' }],
      },
    });
  }
}
