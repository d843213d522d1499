import * as fc from 'fast-check';
import * as YAML from 'yaml';
import { RDMA, h100Pool } from './pools';
import { GpuNodePool } from '../../../constructs/accelerators/gpu-node-pool';
import { InferencePool, ServingRole } from '../../../constructs/serving/inference-pool';
import { InferenceExtensionRelease, LlmdRouterRelease } from '../../../constructs/serving/releases';
import { VllmServer } from '../../../constructs/serving/vllm-server';
import { GpuModel } from '../../../lib/hardware/gpu';
import { LlmModel } from '../../../lib/models/llm';
import { objectsOf, onlyObject, synthChart, testChart } from '../../util';

/** Any image with NIXL; the tests pin one explicitly to show the prop is honoured. */
const NIXL_IMAGE = 'vllm/vllm-openai:v0.19.1'; // the tag llm-d's P/D guide runs (llm-d/llm-d guides/pd-disaggregation)

describe('InferencePool (aggregated)', () => {
  const chart = testChart('llm');
  const pool = new InferencePool(chart, 'Pool', { poolName: 'llama-8b' });
  new VllmServer(chart, 'S', { model: LlmModel.LLAMA_3_1_8B, pool: h100Pool(chart), maxModelLen: 8192, inferencePool: pool, replicas: 2 });
  pool.addObjective('interactive', { priority: 10 });
  pool.addObjective('batch', { priority: -1 });
  const manifests = synthChart(chart);

  test('the InferencePool selects the servers on port 8000 and points at its endpoint picker', () => {
    const ip = onlyObject(manifests, 'InferencePool');
    expect(ip.apiVersion).toBe('inference.networking.k8s.io/v1');
    expect(ip.spec).toEqual({
      selector: { matchLabels: { 'llm-d.ai/inference-serving': 'true', 'ai-factory.dev/inference-pool': 'llama-8b' } },
      targetPorts: [{ number: 8000 }],
      appProtocol: 'http',
      endpointPickerRef: { kind: 'Service', name: 'llama-8b-epp', port: { number: 9002 }, failureMode: 'FailOpen' },
    });
    const podLabels = objectsOf(manifests, 'Deployment').find((d) => d.metadata.name === 'vllm-llama-3-1-8b').spec.template.metadata.labels;
    expect(podLabels).toMatchObject({ ...ip.spec.selector.matchLabels, 'llm-d.ai/role': 'prefill-decode', 'llm-d.ai/model': 'meta-llama-llama-3.1-8b-instruct' });
    expect(pool).toMatchObject({ apiGroup: 'inference.networking.k8s.io', kind: 'InferencePool', targetPortNumber: 8000, namespaceName: 'llm' });
  });

  test('the endpoint picker config scores prefix-cache hits, queue depth and KV-cache utilization', () => {
    const config = YAML.parse(onlyObject(manifests, 'ConfigMap').data['epp-config.yaml']);
    expect(config).toEqual({
      apiVersion: 'llm-d.ai/v1alpha1',
      kind: 'EndpointPickerConfig',
      plugins: [
        { type: 'prefix-cache-scorer' }, { type: 'queue-scorer' }, { type: 'kv-cache-utilization-scorer' }, { type: 'max-score-picker' }, { type: 'single-profile-handler' },
      ],
      schedulingProfiles: [{
        name: 'default',
        plugins: [
          { pluginRef: 'max-score-picker' },
          { pluginRef: 'prefix-cache-scorer', weight: 3 },
          { pluginRef: 'queue-scorer', weight: 2 },
          { pluginRef: 'kv-cache-utilization-scorer', weight: 2 },
        ],
      }],
    });
  });

  test('the endpoint picker: args for the pool, gRPC ports and probes, config file, RBAC to read pods and pools', () => {
    const epp = objectsOf(manifests, 'Deployment').find((d) => d.metadata.name === 'llama-8b-epp');
    const c = epp.spec.template.spec.containers[0];
    expect(c.args).toEqual([
      '--pool-name', 'llama-8b', '--pool-namespace', 'llm', '--pool-group', 'inference.networking.k8s.io', '--zap-encoder', 'json',
      '--config-file', '/config/epp-config.yaml', '--grpc-health-port', '9003', '--tracing=false', '--metrics-endpoint-auth=false',
    ]);
    expect(c.ports.map((p: any) => p.containerPort)).toEqual([9002, 9003, 9090]);
    expect(c.readinessProbe).toEqual({ grpc: { port: 9003, service: 'inference-extension' }, periodSeconds: 2 });
    expect(epp.spec.template.spec.serviceAccountName).toBe('llama-8b-epp');
    expect(epp.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
    const role = onlyObject(manifests, 'Role');
    expect(role.rules).toEqual([
      { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: ['inference.networking.k8s.io'], resources: ['inferencepools'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: ['llm-d.ai', 'inference.networking.x-k8s.io'], resources: ['inferenceobjectives', 'inferencemodelrewrites'], verbs: ['get', 'list', 'watch'] },
    ]);
    expect(onlyObject(manifests, 'RoleBinding').subjects).toEqual([{ kind: 'ServiceAccount', name: 'llama-8b-epp', namespace: 'llm' }]);
    const service = objectsOf(manifests, 'Service').find((s) => s.metadata.name === 'llama-8b-epp');
    expect(service.spec.ports[0]).toEqual({ name: 'grpc-ext-proc', port: 9002, targetPort: 9002, protocol: 'TCP', appProtocol: 'kubernetes.io/h2c' });
    // servers in a pool hash prompts the same way, so the picker's prefix index matches theirs
    const vllm = objectsOf(manifests, 'Deployment').find((d) => d.metadata.name === 'vllm-llama-3-1-8b').spec.template.spec.containers[0];
    expect(vllm.env).toContainEqual({ name: 'PYTHONHASHSEED', value: '42' });
  });

  test('InferenceObjectives in llm-d.ai/v1alpha2 set priorities', () => {
    expect(objectsOf(manifests, 'InferenceObjective').map((o) => [o.apiVersion, o.metadata.name, o.spec])).toEqual([
      ['llm-d.ai/v1alpha2', 'interactive', { priority: 10, poolRef: { group: 'inference.networking.k8s.io', kind: 'InferencePool', name: 'llama-8b' } }],
      ['llm-d.ai/v1alpha2', 'batch', { priority: -1, poolRef: { group: 'inference.networking.k8s.io', kind: 'InferencePool', name: 'llama-8b' } }],
    ]);
  });
});

describe('InferencePool (prefill/decode disaggregation)', () => {
  const chart = testChart('llm');
  const gpus = h100Pool(chart, RDMA);
  const pool = new InferencePool(chart, 'Pool', { poolName: 'llama-70b-pd', disaggregated: true, endpointPickerReplicas: 2 });
  const common = { model: LlmModel.LLAMA_3_1_70B, pool: gpus, maxModelLen: 32768, inferencePool: pool, image: NIXL_IMAGE };
  new VllmServer(chart, 'Prefill', { ...common, role: ServingRole.PREFILL, replicas: 2 });
  new VllmServer(chart, 'Decode', { ...common, role: ServingRole.DECODE });
  const manifests = synthChart(chart);
  const deployment = (name: string) => objectsOf(manifests, 'Deployment').find((d) => d.metadata.name === name);

  test('decode pods run the routing sidecar on 8000 as a native sidecar; vLLM moves to 8200', () => {
    const spec = deployment('vllm-llama-3-1-70b-decode').spec.template.spec;
    expect(spec.initContainers).toEqual([expect.objectContaining({
      name: 'routing-proxy',
      image: 'ghcr.io/llm-d/llm-d-router-disagg-sidecar:v0.10.0',
      restartPolicy: 'Always',
      args: ['--port=8000', '--vllm-port=8200', '--kv-connector=nixlv2', '--secure-proxy=false'],
      ports: [{ name: 'proxy', containerPort: 8000, protocol: 'TCP' }],
    })]);
    const vllm = spec.containers[0];
    expect(vllm.args).toContain('--port=8200');
    expect(vllm.ports).toEqual([{ name: 'http', containerPort: 8200, protocol: 'TCP' }, { name: 'nixl', containerPort: 5600, protocol: 'TCP' }]);
  });

  test('prefill pods serve vLLM on 8000 without a sidecar; both transfer KV with NIXL over the RDMA rails', () => {
    const prefill = deployment('vllm-llama-3-1-70b-prefill');
    expect(prefill.spec.replicas).toBe(2);
    expect(prefill.spec.template.spec.initContainers).toBeUndefined();
    expect(prefill.spec.template.metadata.labels['llm-d.ai/role']).toBe('prefill');
    for (const d of [prefill, deployment('vllm-llama-3-1-70b-decode')]) {
      const vllm = d.spec.template.spec.containers[0];
      expect(vllm.args).toContain('--kv-transfer-config={"kv_connector":"NixlConnector","kv_role":"kv_both"}');
      expect(vllm.env).toEqual(expect.arrayContaining([
        { name: 'VLLM_NIXL_SIDE_CHANNEL_HOST', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
        { name: 'VLLM_NIXL_SIDE_CHANNEL_PORT', value: '5600' },
        { name: 'UCX_TLS', value: 'rc,cuda_ipc,cuda_copy' },
        { name: 'NCCL_IB_HCA', value: 'mlx5_0:1,mlx5_1:1' },
      ]));
      expect(vllm.resources.limits['rdma/rdma_shared_device_a']).toBe(1);
      expect(d.spec.template.metadata.annotations).toEqual({ 'k8s.v1.cni.cncf.io/networks': 'default/rdma-rail-0,default/rdma-rail-1' });
    }
  });

  test('the picker runs prefill and decode profiles with the prefix-based decider; two replicas elect a leader', () => {
    const config = YAML.parse(onlyObject(manifests, 'ConfigMap').data['epp-config.yaml']);
    expect(config.plugins.map((p: any) => p.type)).toEqual([
      'prefill-filter', 'decode-filter', 'prefix-cache-scorer', 'queue-scorer', 'kv-cache-utilization-scorer', 'max-score-picker',
      'prefix-based-pd-decider', 'disagg-profile-handler',
    ]);
    expect(config.plugins[6].parameters).toEqual({ nonCachedTokens: 16 });
    expect(config.plugins[7].parameters).toEqual({ deciders: { prefill: 'prefix-based-pd-decider' } });
    expect(config.schedulingProfiles.map((p: any) => [p.name, p.plugins[0].pluginRef])).toEqual([['prefill', 'prefill-filter'], ['decode', 'decode-filter']]);
    const epp = deployment('llama-70b-pd-epp');
    expect(epp.spec.replicas).toBe(2);
    expect(epp.spec.template.spec.containers[0].args).toContain('--ha-enable-leader-election');
    expect(onlyObject(manifests, 'Role').rules).toContainEqual({ apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['get', 'list', 'watch', 'create', 'update', 'patch'] });
  });
});

describe('InferencePool validation', () => {
  test('fails when P/D disaggregation has no RDMA network', () => {
    const chart = testChart();
    const pool = new InferencePool(chart, 'Pool', { poolName: 'pd', disaggregated: true });
    expect(() => new VllmServer(chart, 'D', { model: LlmModel.LLAMA_3_1_8B, pool: h100Pool(chart), inferencePool: pool, role: ServingRole.DECODE, image: NIXL_IMAGE })).toThrow(
      'test/D: role decode (prefill/decode disaggregation) moves the KV cache between pods with NIXL over RDMA, but GPU pool h100 has no RDMA network; ' +
      'give the pool an RdmaAttachment or serve with role prefill-decode',
    );
  });

  test('fails when a disaggregated pool lacks decode servers', () => {
    const chart = testChart();
    const pool = new InferencePool(chart, 'Pool', { poolName: 'pd', disaggregated: true });
    new VllmServer(chart, 'P', { model: LlmModel.LLAMA_3_1_8B, pool: h100Pool(chart, RDMA), inferencePool: pool, role: ServingRole.PREFILL, image: NIXL_IMAGE });
    expect(() => synthChart(chart)).toThrow(/disaggregated pool pd has no decode server; add a VllmServer with role decode/);
  });

  test('fails when a P/D role joins an aggregated pool', () => {
    const chart = testChart();
    const pool = new InferencePool(chart, 'Pool', { poolName: 'agg' });
    expect(() => new VllmServer(chart, 'P', { model: LlmModel.LLAMA_3_1_8B, pool: h100Pool(chart, RDMA), inferencePool: pool, role: ServingRole.PREFILL, image: NIXL_IMAGE })).toThrow(
      'test/Pool: test/P has role prefill, but pool agg is not disaggregated; set disaggregated: true on the pool',
    );
  });

  test('P/D roles default to the upstream vLLM image, which ships NIXL', () => {
    const chart = testChart();
    const pool = new InferencePool(chart, 'Pool', { poolName: 'pd', disaggregated: true });
    const gpus = h100Pool(chart, RDMA);
    new VllmServer(chart, 'P', { model: LlmModel.LLAMA_3_1_8B, pool: gpus, inferencePool: pool, role: ServingRole.PREFILL });
    new VllmServer(chart, 'D', { model: LlmModel.LLAMA_3_1_8B, pool: gpus, inferencePool: pool, role: ServingRole.DECODE });
    const images = objectsOf(synthChart(chart), 'Deployment')
      .filter((d: any) => d.metadata.name.startsWith('vllm-'))
      .map((d: any) => d.spec.template.spec.containers.find((c: any) => c.name === 'vllm').image);
    expect(images).toEqual(['vllm/vllm-openai:v0.21.0', 'vllm/vllm-openai:v0.21.0']);
  });

  test('fails when prefill and decode serve different models', () => {
    const chart = testChart();
    const gpus = h100Pool(chart, RDMA);
    const pool = new InferencePool(chart, 'Pool', { poolName: 'pd', disaggregated: true });
    new VllmServer(chart, 'P', { model: LlmModel.LLAMA_3_1_8B, pool: gpus, inferencePool: pool, role: ServingRole.PREFILL, image: NIXL_IMAGE });
    new VllmServer(chart, 'D', { model: LlmModel.QWEN_2_5_7B, pool: gpus, inferencePool: pool, role: ServingRole.DECODE, image: NIXL_IMAGE });
    expect(() => synthChart(chart)).toThrow(/disaggregated pool pd mixes served models meta-llama\/Llama-3.1-8B-Instruct, Qwen\/Qwen2.5-7B-Instruct/);
  });

  test('fails when a pool has no servers', () => {
    const chart = testChart();
    new InferencePool(chart, 'Pool', { poolName: 'empty' });
    expect(() => synthChart(chart)).toThrow(/inference pool empty has no model servers/);
  });

  test('fails when a transcription model joins a pool', () => {
    const chart = testChart();
    const pool = new InferencePool(chart, 'Pool', { poolName: 'asr' });
    expect(() => new VllmServer(chart, 'W', { model: LlmModel.WHISPER_LARGE_V3, pool: h100Pool(chart), inferencePool: pool })).toThrow(
      /^test\/W: whisper-large-v3 serves \/v1\/audio\/transcriptions \(multipart audio\)/,
    );
  });
});

describe('InferencePool releases (CRD floors as a typed choice)', () => {
  const build = (props: { routerRelease?: LlmdRouterRelease; inferenceExtensionRelease?: InferenceExtensionRelease }) => {
    const chart = testChart('llm');
    const gpus = h100Pool(chart, RDMA);
    const pool = new InferencePool(chart, 'Pool', { poolName: 'pd', disaggregated: true, ...props });
    new VllmServer(chart, 'P', { model: LlmModel.LLAMA_3_1_8B, pool: gpus, inferencePool: pool, role: ServingRole.PREFILL });
    new VllmServer(chart, 'D', { model: LlmModel.LLAMA_3_1_8B, pool: gpus, inferencePool: pool, role: ServingRole.DECODE });
    pool.addObjective('interactive', { priority: 10 });
    return synthChart(chart);
  };

  test('appProtocol is rendered only for Inference Extension v1.4.0 and later, which added it', () => {
    expect(onlyObject(build({ inferenceExtensionRelease: InferenceExtensionRelease.V1_3_1 }), 'InferencePool').spec).not.toHaveProperty('appProtocol');
    expect(onlyObject(build({ inferenceExtensionRelease: InferenceExtensionRelease.V1_4_0 }), 'InferencePool').spec.appProtocol).toBe('http');
    expect(onlyObject(build({}), 'InferencePool').spec.appProtocol).toBe('http');
  });

  test('llm-d-router v0.10.0 (default): llm-d.ai objectives and plugin file, the images that release publishes', () => {
    const manifests = build({});
    expect(onlyObject(manifests, 'InferenceObjective').apiVersion).toBe('llm-d.ai/v1alpha2');
    expect(YAML.parse(onlyObject(manifests, 'ConfigMap').data['epp-config.yaml']).apiVersion).toBe('llm-d.ai/v1alpha1');
    const deployments = objectsOf(manifests, 'Deployment');
    expect(deployments.find((d) => d.metadata.name === 'pd-epp').spec.template.spec.containers[0].image).toBe('ghcr.io/llm-d/llm-d-router-endpoint-picker:v0.10.0');
    const decode = deployments.find((d) => d.metadata.name === 'vllm-llama-3-1-8b-decode').spec.template.spec;
    expect(decode.initContainers[0].image).toBe('ghcr.io/llm-d/llm-d-router-disagg-sidecar:v0.10.0');
  });

  test('requests name an objective with x-llm-d-inference-objective (llm-d-router v0.9.0+), written on each objective', () => {
    const objective = onlyObject(build({}), 'InferenceObjective');
    expect(objective.metadata.annotations).toEqual({ 'ai-factory.dev/objective-header': 'x-llm-d-inference-objective' });
    const old = onlyObject(build({ routerRelease: LlmdRouterRelease.V0_8_0 }), 'InferenceObjective');
    expect(old.metadata.annotations).toEqual({ 'ai-factory.dev/objective-header': 'x-gateway-inference-objective' });
    expect(LlmdRouterRelease.V0_9_0.objectiveHeader).toBe('x-llm-d-inference-objective');
  });

  test('llm-d-router v0.8.0: objectives and plugin file in the Inference Extension groups, llm-d-inference-scheduler images', () => {
    const manifests = build({ routerRelease: LlmdRouterRelease.V0_8_0 });
    const objective = onlyObject(manifests, 'InferenceObjective');
    expect(objective.apiVersion).toBe('inference.networking.x-k8s.io/v1alpha2');
    expect(objective.spec).toEqual({ priority: 10, poolRef: { group: 'inference.networking.k8s.io', kind: 'InferencePool', name: 'pd' } });
    expect(YAML.parse(onlyObject(manifests, 'ConfigMap').data['epp-config.yaml']).apiVersion).toBe('inference.networking.x-k8s.io/v1alpha1');
    const deployments = objectsOf(manifests, 'Deployment');
    expect(deployments.find((d) => d.metadata.name === 'pd-epp').spec.template.spec.containers[0].image).toBe('ghcr.io/llm-d/llm-d-inference-scheduler:v0.8.0');
    const decode = deployments.find((d) => d.metadata.name === 'vllm-llama-3-1-8b-decode').spec.template.spec;
    expect(decode.initContainers[0].image).toBe('ghcr.io/llm-d/llm-d-routing-sidecar:v0.8.0');
  });
});

describe('InferencePool.fromPoolName', () => {
  test('a server joins an existing pool: it carries the selector, renders no pool objects, and decode pods run the pool release\'s sidecar', () => {
    const chart = testChart('llm');
    const pool = InferencePool.fromPoolName(chart, 'Existing', {
      poolName: 'shared-8b', podSelectorLabels: { 'llm-d.ai/inference-serving': 'true', 'app.example.com/pool': 'shared-8b' },
    });
    expect(pool).toMatchObject({ poolName: 'shared-8b', namespaceName: 'llm', targetPortNumber: 8000, apiGroup: 'inference.networking.k8s.io', kind: 'InferencePool', disaggregated: false });
    new VllmServer(chart, 'S', { model: LlmModel.LLAMA_3_1_8B, pool: h100Pool(chart), maxModelLen: 8192, inferencePool: pool });
    const manifests = synthChart(chart);
    expect(objectsOf(manifests, 'InferencePool')).toEqual([]);
    expect(objectsOf(manifests, 'ConfigMap')).toEqual([]);
    expect(onlyObject(manifests, 'Deployment').spec.template.metadata.labels).toMatchObject({
      'llm-d.ai/inference-serving': 'true', 'app.example.com/pool': 'shared-8b', 'llm-d.ai/role': 'prefill-decode',
    });
  });

  test('defaults to the selector InferencePool renders, and a disaggregated pool takes decode servers with its release\'s sidecar', () => {
    const chart = testChart();
    const pool = InferencePool.fromPoolName(chart, 'Existing', { poolName: 'pd', disaggregated: true, routerRelease: LlmdRouterRelease.V0_8_0 });
    expect(pool.podSelectorLabels).toEqual({ 'llm-d.ai/inference-serving': 'true', 'ai-factory.dev/inference-pool': 'pd' });
    new VllmServer(chart, 'D', { model: LlmModel.LLAMA_3_1_8B, pool: h100Pool(chart, RDMA), inferencePool: pool, role: ServingRole.DECODE, image: NIXL_IMAGE });
    const decode = onlyObject(synthChart(chart), 'Deployment').spec.template.spec;
    expect(decode.initContainers[0].image).toBe('ghcr.io/llm-d/llm-d-routing-sidecar:v0.8.0');
  });

  test('fails when a P/D role joins an existing aggregated pool', () => {
    const chart = testChart();
    const pool = InferencePool.fromPoolName(chart, 'Existing', { poolName: 'agg' });
    expect(() => new VllmServer(chart, 'P', { model: LlmModel.LLAMA_3_1_8B, pool: h100Pool(chart, RDMA), inferencePool: pool, role: ServingRole.PREFILL, image: NIXL_IMAGE })).toThrow(
      'test/P: test/P has role prefill, but pool agg is not disaggregated; set disaggregated: true on the pool',
    );
  });

  test('fails when the server is not in the pool\'s namespace', () => {
    const chart = testChart('serving');
    const pool = InferencePool.fromPoolName(chart, 'Existing', { poolName: 'shared', namespaceName: 'llm' });
    expect(() => new VllmServer(chart, 'S', { model: LlmModel.LLAMA_3_1_8B, pool: h100Pool(chart), maxModelLen: 8192, inferencePool: pool })).toThrow(
      'test/S: inference pool shared is in namespace llm, but the server is in serving; an InferencePool selects pods of its own namespace, ' +
      'so put the server in the pool\'s chart namespace',
    );
  });

  test('fails when the pool routes to another port than vLLM\'s', () => {
    const chart = testChart();
    const pool = InferencePool.fromPoolName(chart, 'Existing', { poolName: 'shared', targetPortNumber: 8080 });
    expect(() => new VllmServer(chart, 'S', { model: LlmModel.LLAMA_3_1_8B, pool: h100Pool(chart), maxModelLen: 8192, inferencePool: pool })).toThrow(
      'test/S: inference pool shared routes to port 8080, but vLLM (or the routing sidecar) listens on 8000; set the pool\'s targetPorts to 8000',
    );
  });

  test.each([
    [{ poolName: 'Shared' }, 'test/Existing: poolName "Shared" must be a DNS label (an InferencePool name)'],
    [{ poolName: 'p', namespaceName: 'ns_1' }, 'test/Existing: namespaceName "ns_1" must be a DNS label (a Kubernetes namespace)'],
    [{ poolName: 'p', targetPortNumber: 70000 }, 'test/Existing: targetPortNumber 70000 must be a port number (1 to 65535)'],
    [{ poolName: 'p', podSelectorLabels: {} }, 'test/Existing: podSelectorLabels is empty; give the pool\'s spec.selector.matchLabels'],
    [{ poolName: 'p', podSelectorLabels: { 'bad key!': 'x' } }, 'test/Existing: podSelectorLabels: "bad key!" is not a label key ([prefix/]name, the name a label value of at most 63 characters)'],
    [{ poolName: 'p', podSelectorLabels: { app: 'a b' } }, 'test/Existing: podSelectorLabels: the value "a b" of app is not a label value (at most 63 alphanumerics, \'-\', \'_\', \'.\')'],
  ])('fails when the attributes are invalid: %j', (attrs, message) => {
    expect(() => InferencePool.fromPoolName(testChart(), 'Existing', attrs)).toThrow(message);
  });
});

describe('multi-node servers in an InferencePool', () => {
  test('only the leaders, which serve the API, carry the pool selector; the headless workers do not', () => {
    const chart = testChart();
    const pool = new InferencePool(chart, 'Pool', { poolName: 'llama-405b' });
    new VllmServer(chart, 'L405', { model: LlmModel.LLAMA_3_1_405B, pool: h100Pool(chart, RDMA), maxNodesPerReplica: 2, maxModelLen: 16384, inferencePool: pool });
    const manifests = synthChart(chart);
    const selector = onlyObject(manifests, 'InferencePool').spec.selector.matchLabels;
    const group = onlyObject(manifests, 'LeaderWorkerSet').spec.leaderWorkerTemplate;
    expect(group.leaderTemplate.metadata.labels).toMatchObject({ ...selector, 'llm-d.ai/role': 'prefill-decode' });
    expect(group.workerTemplate.metadata.labels).toEqual({
      'app.kubernetes.io/name': 'vllm',
      'app.kubernetes.io/instance': 'vllm-llama-3-1-405b',
      'app.kubernetes.io/component': 'model-server',
      'ai-factory.dev/model': 'llama-3.1-405b',
      'ai-factory.dev/lws-role': 'worker',
    });
    expect(Object.entries(selector).every(([k, v]) => group.workerTemplate.metadata.labels[k] === v)).toBe(false);
  });

  test('fails when the pool selects labels the headless workers also carry', () => {
    const chart = testChart();
    const pool = InferencePool.fromPoolName(chart, 'Existing', { poolName: 'any-vllm', podSelectorLabels: { 'app.kubernetes.io/name': 'vllm' } });
    expect(() => new VllmServer(chart, 'L405', { model: LlmModel.LLAMA_3_1_405B, pool: h100Pool(chart, RDMA), maxNodesPerReplica: 2, maxModelLen: 16384, inferencePool: pool })).toThrow(
      'test/L405: inference pool any-vllm selects app.kubernetes.io/name=vllm, which the headless workers of this multi-node server also carry; ' +
      'give the pool a selector label of its own (e.g. llm-d.ai/inference-serving=true)',
    );
  });
});

describe('P/D for a MoE model on single-node layouts', () => {
  test('DeepSeek-R1 prefill and decode each run TP=1 × DP=8 with EP=8 on one 8× H200 node, with NIXL', () => {
    const chart = testChart();
    const h200 = new GpuNodePool(chart, 'H200', { poolName: 'h200', gpuModel: GpuModel.H200_SXM_141GB, gpusPerNode: 8, rdma: RDMA });
    const pool = new InferencePool(chart, 'Pool', { poolName: 'deepseek-r1', disaggregated: true });
    const prefill = new VllmServer(chart, 'P', { model: LlmModel.DEEPSEEK_R1, pool: h200, maxModelLen: 32768, inferencePool: pool, role: ServingRole.PREFILL });
    new VllmServer(chart, 'D', { model: LlmModel.DEEPSEEK_R1, pool: h200, maxModelLen: 32768, inferencePool: pool, role: ServingRole.DECODE });
    expect(prefill.plan).toMatchObject({ tensorParallelSize: 1, dataParallelSize: 8, expertParallelSize: 8, nodesPerReplica: 1 });
    const deployments = objectsOf(synthChart(chart), 'Deployment');
    for (const name of ['vllm-deepseek-r1-prefill', 'vllm-deepseek-r1-decode']) {
      const spec = deployments.find((d) => d.metadata.name === name).spec.template.spec;
      const vllmContainer = spec.containers.find((c: any) => c.name === 'vllm');
      expect(vllmContainer.args).toEqual(expect.arrayContaining([
        '--tensor-parallel-size=1', '--data-parallel-size=8', '--enable-expert-parallel', '--kv-transfer-config={"kv_connector":"NixlConnector","kv_role":"kv_both"}',
      ]));
      expect(vllmContainer.resources.limits['nvidia.com/gpu']).toBe(8);
    }
    const decode = deployments.find((d) => d.metadata.name === 'vllm-deepseek-r1-decode').spec.template.spec;
    expect(decode.initContainers.map((c: any) => c.name)).toHaveLength(1);
  });

  test('fails when P/D needs a multi-node layout (wide EP across nodes)', () => {
    const chart = testChart();
    const pool = new InferencePool(chart, 'Pool', { poolName: 'deepseek-r1', disaggregated: true });
    expect(() => new VllmServer(chart, 'P', { model: LlmModel.DEEPSEEK_R1, pool: h100Pool(chart, RDMA), maxNodesPerReplica: 2, maxModelLen: 32768, inferencePool: pool, role: ServingRole.PREFILL }))
      .toThrow(/test\/P: role prefill with a 2-node layout is not supported: the routing sidecar and NIXL side channel are wired for single-node pods/);
  });
});

describe('InferencePool.fromPoolName (properties)', () => {
  const label = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,20}[a-z0-9])?$/);
  test('any DNS-label name and label selector is taken as given, and a server joining the pool carries the selector', () => {
    fc.assert(fc.property(label, fc.dictionary(label.map((k) => `example.com/${k}`), label, { minKeys: 1, maxKeys: 3 }), (poolName, podSelectorLabels) => {
      const chart = testChart();
      const pool = InferencePool.fromPoolName(chart, 'Existing', { poolName, podSelectorLabels });
      const server = new VllmServer(chart, 'S', { model: LlmModel.LLAMA_3_1_8B, pool: h100Pool(chart), maxModelLen: 8192, inferencePool: pool });
      return pool.poolName === poolName && Object.entries(podSelectorLabels).every(([k, v]) => server.podLabels[k] === v);
    }), { numRuns: 25 });
  });

  test('a selector key with a character labels may not hold is refused', () => {
    fc.assert(fc.property(label, fc.constantFrom(' ', '!', '#', '*', ':'), (name, bad) => {
      expect(() => InferencePool.fromPoolName(testChart(), 'Existing', { poolName: 'p', podSelectorLabels: { [`${name}${bad}x`]: 'v' } }))
        .toThrow(/is not a label key/);
    }), { numRuns: 25 });
  });
});
