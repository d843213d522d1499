import { ApiObject, Chart, Yaml } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct, IConstruct } from 'constructs';
import { InferencePoolMember, containerSecurityContext, isDnsLabel, podSecurityContext, resources } from './private/pod';
import { InferenceExtensionRelease, LlmdRouterRelease } from './releases';
import { bindings } from '../common/bindings';
import { checkImage } from '../common/image';
import * as k8sNames from '../common/k8s';
import { invalid } from '../common/validation';

/** A model server's role in an llm-d pool (pod label `llm-d.ai/role`, which llm-d-router's prefill and decode filters select on). */
export enum ServingRole {
  /** Prefill and decode in the same pod: aggregated serving. */
  PREFILL_DECODE = 'prefill-decode',
  /** Prefill only: computes the prompt's KV cache and hands it to a decode pod over NIXL. */
  PREFILL = 'prefill',
  /** Decode only, behind the llm-d routing sidecar that fetches the prompt's KV cache from a prefill pod. */
  DECODE = 'decode',
}

/** What the gateway does when the endpoint picker does not answer. */
export enum EndpointPickerFailureMode {
  /** Route to any pod of the pool (what llm-d's chart sets). */
  FAIL_OPEN = 'FailOpen',
  /** Reject the request (the InferencePool API default). */
  FAIL_CLOSE = 'FailClose',
}

/**
 * An InferencePool as routes and model servers see it: the ingress constructs point an HTTPRoute `backendRef` at
 * `{ group: apiGroup, kind, name: poolName }`; a `VllmServer` joins it by carrying `podSelectorLabels` and listening
 * on `targetPortNumber`. Made by {@link InferencePool}, or {@link InferencePool.fromPoolName} for a pool that
 * already exists.
 */
export interface IInferencePool extends IConstruct {
  /** InferencePool name. */
  readonly poolName: string;
  /** API group of the InferencePool kind (`inference.networking.k8s.io`). */
  readonly apiGroup: string;
  /** Kind (`InferencePool`). */
  readonly kind: string;
  /** Port of the model server pods the pool routes to. */
  readonly targetPortNumber: number;
  /** Namespace of the pool (HTTPRoutes in other namespaces need a ReferenceGrant). */
  readonly namespaceName: string;
  /** Labels a model server pod carries to be in the pool (the InferencePool selector). */
  readonly podSelectorLabels: { [key: string]: string };
  /** Whether the pool's endpoint picker disaggregates prefill and decode (members need roles `prefill` and `decode`). */
  readonly disaggregated: boolean;
  /** The llm-d-router release of the pool's endpoint picker: decode members run its routing sidecar. */
  readonly routerRelease: LlmdRouterRelease;
}

/** What {@link InferencePool.fromPoolName} needs to know of an InferencePool that already exists. */
export interface InferencePoolAttributes {
  /** Name of the InferencePool. A DNS label. */
  readonly poolName: string;
  /**
   * Namespace of the InferencePool; model servers joining it must be in the same namespace (the pool selects pods
   * of its own namespace).
   * @default - the namespace of the scope's chart, or `default`
   */
  readonly namespaceName?: string;
  /**
   * The pool's `spec.selector.matchLabels`: model servers joining it carry these labels. Give the selector of a pool
   * rendered by llm-d's charts (`kubectl get inferencepool <name> -o jsonpath='{.spec.selector.matchLabels}'`).
   * @default - the selector {@link InferencePool} renders: `llm-d.ai/inference-serving: "true"` and
   * `ai-factory.dev/inference-pool: <poolName>`
   */
  readonly podSelectorLabels?: { [key: string]: string };
  /**
   * The pool's target port (`spec.targetPorts[0].number`). `VllmServer` serves on 8000 and refuses another port.
   * @default 8000
   */
  readonly targetPortNumber?: number;
  /**
   * Whether the pool's endpoint picker runs the prefill/decode profiles.
   * @default false
   */
  readonly disaggregated?: boolean;
  /**
   * The llm-d-router release of the pool's endpoint picker (decides the routing sidecar image of decode members).
   * @default LlmdRouterRelease.V0_10_0
   */
  readonly routerRelease?: LlmdRouterRelease;
}

/** Props of {@link InferencePool}. */
export interface InferencePoolProps {
  /** Name of the InferencePool; the endpoint picker is `<poolName>-epp`. A DNS label. */
  readonly poolName: string;
  /**
   * Prefill/decode disaggregation: the endpoint picker runs a prefill and a decode scheduling profile and sends long
   * uncached prompts to a prefill pod first. Members need roles `prefill` and `decode`.
   * @default false - aggregated serving, members with role `prefill-decode`
   */
  readonly disaggregated?: boolean;
  /**
   * The llm-d-router release of the endpoint picker and routing sidecar: decides their images, the API group of
   * InferenceObjectives (`llm-d.ai` from v0.9.0, the Inference Extension's `inference.networking.x-k8s.io` before)
   * and the plugin file's apiVersion. The cluster needs that release's CRDs.
   * @default LlmdRouterRelease.V0_10_0
   */
  readonly routerRelease?: LlmdRouterRelease;
  /**
   * The Gateway API Inference Extension release whose InferencePool CRD is installed: `spec.appProtocol` is rendered
   * only from v1.4.0, which added it (older CRDs prune or refuse the field).
   * @default InferenceExtensionRelease.V1_6_0
   */
  readonly inferenceExtensionRelease?: InferenceExtensionRelease;
  /**
   * Endpoint picker image.
   * @default - the image `routerRelease` publishes, `ghcr.io/llm-d/llm-d-router-endpoint-picker:v0.10.0`
   */
  readonly endpointPickerImage?: string;
  /**
   * Endpoint picker replicas; above 1 they elect a leader (`--ha-enable-leader-election`).
   * @default 1
   */
  readonly endpointPickerReplicas?: number;
  /**
   * What the gateway does when the endpoint picker does not answer.
   * @default EndpointPickerFailureMode.FAIL_OPEN
   */
  readonly failureMode?: EndpointPickerFailureMode;
  /**
   * Weight of the prefix-cache scorer (prefers pods that already hold the prompt's prefix).
   * @default 3 (aggregated), 2 (disaggregated) - llm-d's defaults
   */
  readonly prefixCacheScorerWeight?: number;
  /**
   * Weight of the queue scorer (prefers pods with short queues).
   * @default 2 (aggregated), 1 (disaggregated)
   */
  readonly queueScorerWeight?: number;
  /**
   * Weight of the KV-cache utilization scorer (prefers pods with free KV cache).
   * @default 2 (aggregated), 1 (disaggregated)
   */
  readonly kvCacheUtilizationScorerWeight?: number;
  /**
   * Uncached prompt tokens above which a request is prefilled on a prefill pod (`prefix-based-pd-decider`
   * `nonCachedTokens`); shorter ones are prefilled by the decode pod itself.
   * @default 16
   */
  readonly disaggregationThresholdTokens?: number;
  /**
   * Whether to render a ServiceMonitor for the endpoint picker's metrics.
   * @default true
   */
  readonly monitoring?: boolean;
}

/** Options of {@link InferencePool.addObjective}. */
export interface InferenceObjectiveOptions {
  /**
   * Priority of requests that name this objective (header `x-llm-d-inference-objective`, see
   * `InferencePool.objectiveHeader`); higher is served first
   * and shed last under load, negative values are sheddable.
   * @default 0
   */
  readonly priority?: number;
}

/** The pool's target port: vLLM's, or the routing sidecar's in decode pods. */
const TARGET_PORT = 8000;
const EXT_PROC_PORT = 9002;
const HEALTH_PORT = 9003;
const METRICS_PORT = 9090;
const CONFIG_FILE = 'epp-config.yaml';
/** The endpoint picker's image runs as this non-root user (distroless `nonroot`). */
const EPP_UID = 65532;

/**
 * An llm-d InferencePool (`inference.networking.k8s.io/v1`) with its endpoint picker: the EPP Deployment, its
 * Service, ServiceAccount and RBAC, and its plugin configuration (an `EndpointPickerConfig` file, `llm-d.ai/v1alpha1`,
 * in a ConfigMap). Routing is prefix-cache aware (prefix-cache scorer) and load aware (queue and KV-cache utilization
 * scorers); a disaggregated pool adds the prefill/decode filters, profiles and decider. Model servers join with
 * `VllmServer({ inferencePool, role })`; InferenceObjectives (`llm-d.ai/v1alpha2`, or the
 * Inference Extension's group for llm-d-router before v0.9.0) set request priorities.
 * Sources: llm-d/llm-d-router v0.10.0 `config/manifests/` and `config/crd/bases/`, kubernetes-sigs/gateway-api-inference-extension
 * `api/v1/inferencepool_types.go`.
 */
export class InferencePool extends Construct implements IInferencePool {
  /**
   * An InferencePool that already exists (rendered by another chart, repository or llm-d's Helm charts): renders
   * nothing; routes and model servers point at it by name and selector. Its endpoint picker and objectives are the
   * owner's; the members' checks that need the pool's other members (a disaggregated pool has both roles, one
   * served model) are not made.
   */
  public static fromPoolName(scope: Construct, id: string, attrs: InferencePoolAttributes): IInferencePool {
    return new ImportedInferencePool(scope, id, attrs);
  }

  /**
   * Why `member` cannot join `pool`, or undefined: the one check of roles against pools, for built and imported pools.
   * @internal
   */
  public static _memberError(pool: IInferencePool, member: InferencePoolMember): string | undefined {
    if (pool.disaggregated && member.role === ServingRole.PREFILL_DECODE) {
      return `${member.path} joins the disaggregated pool ${pool.poolName} with role prefill-decode; give it role prefill or decode`;
    }
    if (!pool.disaggregated && member.role !== ServingRole.PREFILL_DECODE) {
      return `${member.path} has role ${member.role}, but pool ${pool.poolName} is not disaggregated; set disaggregated: true on the pool`;
    }
    return undefined;
  }

  public readonly poolName: string;
  public readonly apiGroup: string = bindings.inferenceExtension().InferencePool.GVK.apiVersion.split('/')[0];
  public readonly kind: string = bindings.inferenceExtension().InferencePool.GVK.kind;
  public readonly targetPortNumber: number = TARGET_PORT;
  public readonly namespaceName: string;
  /** Whether the pool disaggregates prefill and decode. */
  public readonly disaggregated: boolean;
  /** Name of the endpoint picker's Service. */
  public readonly endpointPickerServiceName: string;
  /** Labels a model server pod carries to be in the pool (the InferencePool selector). */
  public readonly podSelectorLabels: { [key: string]: string };
  /** The llm-d-router release the picker and sidecars come from. */
  public readonly routerRelease: LlmdRouterRelease;
  /** The Inference Extension release whose InferencePool CRD the pool is rendered for. */
  public readonly inferenceExtensionRelease: InferenceExtensionRelease;
  /** The request header that selects an objective of this pool (that of `routerRelease`). */
  public readonly objectiveHeader: string;

  private readonly members: InferencePoolMember[] = [];

  constructor(scope: Construct, id: string, props: InferencePoolProps) {
    super(scope, id);
    if (!isDnsLabel(props.poolName) || props.poolName.length > 59) {
      invalid(this, `poolName ${JSON.stringify(props.poolName)} must be a DNS label of at most 59 characters (the picker adds -epp)`);
    }
    const replicas = props.endpointPickerReplicas ?? 1;
    if (!Number.isInteger(replicas) || replicas < 1) invalid(this, `endpointPickerReplicas ${replicas} must be a positive integer`);
    const threshold = props.disaggregationThresholdTokens ?? 16;
    if (!Number.isInteger(threshold) || threshold < 0) invalid(this, `disaggregationThresholdTokens ${threshold} must be a non-negative integer`);
    this.poolName = props.poolName;
    this.namespaceName = Chart.of(this).namespace ?? 'default';
    this.disaggregated = props.disaggregated ?? false;
    this.routerRelease = props.routerRelease ?? LlmdRouterRelease.V0_10_0;
    if (props.endpointPickerImage !== undefined) checkImage(this, 'endpointPickerImage', props.endpointPickerImage);
    this.inferenceExtensionRelease = props.inferenceExtensionRelease ?? InferenceExtensionRelease.V1_6_0;
    this.objectiveHeader = this.routerRelease.objectiveHeader;
    this.endpointPickerServiceName = `${props.poolName}-epp`;
    this.podSelectorLabels = { 'llm-d.ai/inference-serving': 'true', 'ai-factory.dev/inference-pool': props.poolName };
    const weights = {
      prefix: props.prefixCacheScorerWeight ?? (this.disaggregated ? 2 : 3),
      queue: props.queueScorerWeight ?? (this.disaggregated ? 1 : 2),
      kv: props.kvCacheUtilizationScorerWeight ?? (this.disaggregated ? 1 : 2),
    };
    for (const [name, weight] of Object.entries(weights)) {
      if (!(weight >= 0)) invalid(this, `${name} scorer weight ${weight} must not be negative`);
    }

    const name = this.endpointPickerServiceName;
    const labels = { 'app.kubernetes.io/name': 'llm-d-endpoint-picker', 'app.kubernetes.io/instance': name, 'app.kubernetes.io/component': 'endpoint-picker' };

    new (bindings.inferenceExtension().InferencePool)(this, 'Resource', {
      metadata: { name: this.poolName },
      spec: {
        selector: { matchLabels: this.podSelectorLabels },
        targetPorts: [{ number: TARGET_PORT }],
        appProtocol: this.inferenceExtensionRelease.supportsAppProtocol ? bindings.inferenceExtension().InferencePoolSpecAppProtocol.HTTP : undefined,
        endpointPickerRef: {
          kind: 'Service',
          name,
          port: { number: EXT_PROC_PORT },
          failureMode: (props.failureMode ?? EndpointPickerFailureMode.FAIL_OPEN) === EndpointPickerFailureMode.FAIL_OPEN
            ? bindings.inferenceExtension().InferencePoolSpecEndpointPickerRefFailureMode.FAIL_OPEN
            : bindings.inferenceExtension().InferencePoolSpecEndpointPickerRefFailureMode.FAIL_CLOSE,
        },
      },
    });

    new k8s.KubeConfigMap(this, 'Config', {
      metadata: { name, labels },
      data: { [CONFIG_FILE]: Yaml.stringify(endpointPickerConfig(this.routerRelease, this.disaggregated, weights, threshold)) },
    });

    new k8s.KubeServiceAccount(this, 'ServiceAccount', { metadata: { name, labels } });
    const read = ['get', 'list', 'watch'];
    new k8s.KubeRole(this, 'Role', {
      metadata: { name, labels },
      rules: [
        { apiGroups: [''], resources: ['pods'], verbs: read },
        { apiGroups: ['inference.networking.k8s.io'], resources: ['inferencepools'], verbs: read },
        { apiGroups: ['llm-d.ai', 'inference.networking.x-k8s.io'], resources: ['inferenceobjectives', 'inferencemodelrewrites'], verbs: read },
        ...(replicas > 1 ? [{ apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['get', 'list', 'watch', 'create', 'update', 'patch'] }] : []),
      ],
    });
    new k8s.KubeRoleBinding(this, 'RoleBinding', {
      metadata: { name, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
      subjects: [{ kind: 'ServiceAccount', name, namespace: this.namespaceName }],
    });

    const healthService = replicas > 1 ? { liveness: 'liveness', readiness: 'readiness' } : { liveness: 'inference-extension', readiness: 'inference-extension' };
    new k8s.KubeDeployment(this, 'EndpointPicker', {
      metadata: { name, labels },
      spec: {
        replicas,
        // one active picker at a time keeps the prefix-cache index coherent (llm-d routerlib chart)
        strategy: { type: 'Recreate' },
        selector: { matchLabels: { 'app.kubernetes.io/instance': name } },
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: name,
            securityContext: podSecurityContext(EPP_UID),
            terminationGracePeriodSeconds: 130,
            containers: [{
              name: 'epp',
              image: props.endpointPickerImage ?? this.routerRelease.endpointPickerImage,
              args: [
                '--pool-name', this.poolName,
                '--pool-namespace', this.namespaceName,
                '--pool-group', this.apiGroup,
                '--zap-encoder', 'json',
                '--config-file', `/config/${CONFIG_FILE}`,
                '--grpc-health-port', String(HEALTH_PORT),
                '--tracing=false',
                // Prometheus scrapes without a token; the alternative is a ClusterRole for TokenReviews
                '--metrics-endpoint-auth=false',
                ...(replicas > 1 ? ['--ha-enable-leader-election'] : []),
              ],
              env: [
                { name: 'NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
                { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
              ],
              ports: [
                { name: 'grpc', containerPort: EXT_PROC_PORT, protocol: 'TCP' },
                { name: 'grpc-health', containerPort: HEALTH_PORT, protocol: 'TCP' },
                { name: 'metrics', containerPort: METRICS_PORT, protocol: 'TCP' },
              ],
              livenessProbe: { grpc: { port: HEALTH_PORT, service: healthService.liveness }, initialDelaySeconds: 5, periodSeconds: 10 },
              readinessProbe: { grpc: { port: HEALTH_PORT, service: healthService.readiness }, periodSeconds: 2 },
              resources: resources(2, 4, {}),
              securityContext: containerSecurityContext(),
              volumeMounts: [{ name: 'config', mountPath: '/config', readOnly: true }],
            }],
            volumes: [{ name: 'config', configMap: { name } }],
          },
        },
      },
    });

    new k8s.KubeService(this, 'Service', {
      metadata: { name, labels },
      spec: {
        type: 'ClusterIP',
        selector: { 'app.kubernetes.io/instance': name },
        ports: [
          { name: 'grpc-ext-proc', port: EXT_PROC_PORT, targetPort: k8s.IntOrString.fromNumber(EXT_PROC_PORT), protocol: 'TCP', appProtocol: 'kubernetes.io/h2c' },
          { name: 'grpc-health', port: HEALTH_PORT, targetPort: k8s.IntOrString.fromNumber(HEALTH_PORT), protocol: 'TCP' },
          { name: 'http-metrics', port: METRICS_PORT, targetPort: k8s.IntOrString.fromNumber(METRICS_PORT), protocol: 'TCP' },
        ],
      },
    });

    if (props.monitoring ?? true) {
      new (bindings.prometheusOperator().ServiceMonitor)(this, 'ServiceMonitor', {
        metadata: { name, labels },
        spec: {
          selector: { matchLabels: { 'app.kubernetes.io/instance': name } },
          endpoints: [{ port: 'http-metrics', path: '/metrics', interval: '10s' }],
        },
      });
    }

    this.node.addValidation({ validate: () => this.validateMembers() });
  }

  /**
   * Adds an InferenceObjective (the group of the pool's `routerRelease`): requests carrying the header
   * {@link objectiveHeader} (`x-llm-d-inference-objective: <name>` from llm-d-router v0.9.0) get its priority. The
   * object carries the header in its annotation `ai-factory.dev/objective-header`.
   */
  public addObjective(name: string, options: InferenceObjectiveOptions = {}): void {
    if (!isDnsLabel(name)) invalid(this, `objective name ${JSON.stringify(name)} must be a DNS label`);
    const priority = options.priority ?? 0;
    if (!Number.isInteger(priority)) invalid(this, `objective ${name}: priority ${priority} must be an integer`);
    const spec = { priority, poolRef: { group: this.apiGroup, kind: this.kind, name: this.poolName } };
    const metadata = { name, annotations: { 'ai-factory.dev/objective-header': this.objectiveHeader } };
    if (this.routerRelease.llmdApiGroup) {
      new (bindings.llmD().InferenceObjective)(this, `Objective-${name}`, { metadata, spec });
    } else {
      // before llm-d-router v0.9.0 the picker watched the Inference Extension's InferenceObjective (v1.5.0 CRD
      // `inference.networking.x-k8s.io_inferenceobjectives.yaml`: the same spec, priority and poolRef)
      new ApiObject(this, `Objective-${name}`, { apiVersion: this.routerRelease.objectiveApiVersion, kind: 'InferenceObjective', metadata, spec });
    }
  }

  /** Registers a model server that selects this pool. @internal */
  public _register(member: InferencePoolMember): void {
    const error = InferencePool._memberError(this, member);
    if (error) invalid(this, error);
    this.members.push(member);
  }

  private validateMembers(): string[] {
    const errors: string[] = [];
    if (this.members.length === 0) {
      errors.push(`inference pool ${this.poolName} has no model servers; create a VllmServer with inferencePool set to it`);
    }
    if (this.disaggregated) {
      for (const role of [ServingRole.PREFILL, ServingRole.DECODE]) {
        if (!this.members.some((m) => m.role === role)) {
          errors.push(`disaggregated pool ${this.poolName} has no ${role} server; add a VllmServer with role ${role}`);
        }
      }
      const names = [...new Set(this.members.map((m) => m.servedModelName))];
      if (names.length > 1) {
        errors.push(`disaggregated pool ${this.poolName} mixes served models ${names.join(', ')}; prefill and decode must serve the same model`);
      }
    }
    return errors;
  }
}

/** An InferencePool that exists outside this app (see `InferencePool.fromPoolName`). */
class ImportedInferencePool extends Construct implements IInferencePool {
  public readonly poolName: string;
  public readonly apiGroup: string = bindings.inferenceExtension().InferencePool.GVK.apiVersion.split('/')[0];
  public readonly kind: string = bindings.inferenceExtension().InferencePool.GVK.kind;
  public readonly targetPortNumber: number;
  public readonly namespaceName: string;
  public readonly podSelectorLabels: { [key: string]: string };
  public readonly disaggregated: boolean;
  public readonly routerRelease: LlmdRouterRelease;

  constructor(scope: Construct, id: string, attrs: InferencePoolAttributes) {
    super(scope, id);
    if (!k8sNames.isDnsLabel(attrs.poolName)) invalid(this, `poolName ${JSON.stringify(attrs.poolName)} must be a DNS label (an InferencePool name)`);
    this.namespaceName = attrs.namespaceName ?? Chart.of(this).namespace ?? 'default';
    if (!k8sNames.isDnsLabel(this.namespaceName)) invalid(this, `namespaceName ${JSON.stringify(this.namespaceName)} must be a DNS label (a Kubernetes namespace)`);
    this.targetPortNumber = attrs.targetPortNumber ?? TARGET_PORT;
    if (!Number.isInteger(this.targetPortNumber) || this.targetPortNumber < 1 || this.targetPortNumber > 65535) {
      invalid(this, `targetPortNumber ${this.targetPortNumber} must be a port number (1 to 65535)`);
    }
    this.podSelectorLabels = attrs.podSelectorLabels ?? { 'llm-d.ai/inference-serving': 'true', 'ai-factory.dev/inference-pool': attrs.poolName };
    const entries = Object.entries(this.podSelectorLabels);
    if (entries.length === 0) invalid(this, 'podSelectorLabels is empty; give the pool\'s spec.selector.matchLabels');
    for (const [key, value] of entries) {
      if (!isLabelKey(key)) invalid(this, `podSelectorLabels: ${JSON.stringify(key)} is not a label key ([prefix/]name, the name a label value of at most 63 characters)`);
      if (value !== '' && !k8sNames.isLabelValue(value)) invalid(this, `podSelectorLabels: the value ${JSON.stringify(value)} of ${key} is not a label value (at most 63 alphanumerics, '-', '_', '.')`);
    }
    this.poolName = attrs.poolName;
    this.disaggregated = attrs.disaggregated ?? false;
    this.routerRelease = attrs.routerRelease ?? LlmdRouterRelease.V0_10_0;
  }
}

/** Whether `key` is a Kubernetes label key: an optional DNS subdomain prefix and `/`, then a name (k8s.io/apimachinery `IsQualifiedName`). */
function isLabelKey(key: string): boolean {
  const slash = key.lastIndexOf('/');
  const name = slash < 0 ? key : key.slice(slash + 1);
  const prefix = slash < 0 ? undefined : key.slice(0, slash);
  return k8sNames.isLabelValue(name) && (prefix === undefined || k8sNames.isDnsSubdomain(prefix));
}

/**
 * The endpoint picker's plugin file. Aggregated: prefix-cache, queue and KV-cache utilization scorers in one
 * profile (llm-d routerlib chart `default-plugins.yaml`). Disaggregated: the same scorers behind prefill/decode
 * filters in two profiles, with the prefix-based decider choosing when to prefill remotely (llm-d-router
 * `deploy/config/pd-epp-config.yaml`, plugin types registered in `pkg/epp/framework/plugins/scheduling/`).
 */
function endpointPickerConfig(
  release: LlmdRouterRelease, disaggregated: boolean, w: { prefix: number; queue: number; kv: number }, threshold: number,
): object {
  const apiVersion = release.endpointPickerConfigApiVersion;
  const scorers = [
    { pluginRef: 'prefix-cache-scorer', weight: w.prefix },
    { pluginRef: 'queue-scorer', weight: w.queue },
    { pluginRef: 'kv-cache-utilization-scorer', weight: w.kv },
  ];
  const common = [
    { type: 'prefix-cache-scorer' },
    { type: 'queue-scorer' },
    { type: 'kv-cache-utilization-scorer' },
    { type: 'max-score-picker' },
  ];
  if (!disaggregated) {
    return {
      apiVersion,
      kind: 'EndpointPickerConfig',
      plugins: [...common, { type: 'single-profile-handler' }],
      schedulingProfiles: [{ name: 'default', plugins: [{ pluginRef: 'max-score-picker' }, ...scorers] }],
    };
  }
  return {
    apiVersion,
    kind: 'EndpointPickerConfig',
    plugins: [
      { type: 'prefill-filter' },
      { type: 'decode-filter' },
      ...common,
      { type: 'prefix-based-pd-decider', parameters: { nonCachedTokens: threshold } },
      { type: 'disagg-profile-handler', parameters: { deciders: { prefill: 'prefix-based-pd-decider' } } },
    ],
    schedulingProfiles: [
      { name: 'prefill', plugins: [{ pluginRef: 'prefill-filter' }, { pluginRef: 'max-score-picker' }, ...scorers] },
      { name: 'decode', plugins: [{ pluginRef: 'decode-filter' }, { pluginRef: 'max-score-picker' }, ...scorers] },
    ],
  };
}
