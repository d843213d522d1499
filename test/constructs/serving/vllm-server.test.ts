import { RDMA, h100Pool, migPool } from './pools';
import { AmdGpuNodePool } from '../../../constructs/accelerators/amd-gpu';
import { GpuNodePool, GpuPartitioning, MigLayout } from '../../../constructs/accelerators/gpu-node-pool';
import { InferencePool } from '../../../constructs/serving/inference-pool';
import { ModelSource } from '../../../constructs/serving/model-source';
import { MultiNodeBackend, VllmServer } from '../../../constructs/serving/vllm-server';
import { BucketModelStore, ShareModelStore } from '../../../constructs/storage/model-store';
import { ShareTypeCatalog } from '../../../constructs/storage/share-type-catalog';
import { GpuModel } from '../../../lib/hardware/gpu';
import { LlmModel, ModelTask, NumericFormat } from '../../../lib/models/llm';
import { ServingPlanner } from '../../../lib/models/serving-plan';
import { ObjectStorageService } from '../../../lib/storage/object-storage';
import { ShareType } from '../../../lib/storage/share-type';
import { objectsOf, onlyObject, synthChart, testChart, testStack } from '../../util';
import { tenant } from '../identity/fixtures';

const vllm = (podSpec: any) => podSpec.containers.find((c: any) => c.name === 'vllm');
const envOf = (container: any) => Object.fromEntries(container.env.filter((e: any) => e.value !== undefined).map((e: any) => [e.name, e.value]));

describe('VllmServer on one node (Deployment)', () => {
  const chart = testChart('llm');
  const server = new VllmServer(chart, 'L70', { model: LlmModel.LLAMA_3_1_70B, pool: h100Pool(chart), maxModelLen: 32768 });
  const manifests = synthChart(chart);
  const deployment = onlyObject(manifests, 'Deployment');
  const pod = deployment.spec.template;
  const container = vllm(pod.spec);

  test('the planner chooses TP=4 for 70B BF16 on H100 80 GB at 32K; the arguments come from the plan', () => {
    expect(server.plan).toMatchObject({ tensorParallelSize: 4, pipelineParallelSize: 1 });
    expect(server.workloadKind).toBe('Deployment');
    expect(deployment.metadata).toMatchObject({ name: 'vllm-llama-3-1-70b', namespace: 'llm' });
    expect(container.command).toEqual(['vllm', 'serve']);
    expect(container.args).toEqual([
      'meta-llama/Llama-3.1-70B-Instruct',
      '--served-model-name=meta-llama/Llama-3.1-70B-Instruct',
      '--port=8000',
      '--tensor-parallel-size=4',
      '--max-model-len=32768',
      '--gpu-memory-utilization=0.9',
      '--enable-prefix-caching',
    ]);
    expect(deployment.spec.strategy).toEqual({ type: 'Recreate' });
    expect(deployment.spec.replicas).toBe(1);
  });

  test('the plan is written on the Deployment: layout, memory per GPU and KV-cache capacity in tokens', () => {
    expect(deployment.metadata.annotations).toEqual({
      'ai-factory.dev/tensor-parallel-size': '4',
      'ai-factory.dev/pipeline-parallel-size': '1',
      'ai-factory.dev/data-parallel-size': '1',
      'ai-factory.dev/expert-parallel-size': '1',
      'ai-factory.dev/nodes-per-replica': '1',
      'ai-factory.dev/gpus-per-replica': '4',
      'ai-factory.dev/gpu': 'NVIDIA H100 SXM5 80GB',
      'ai-factory.dev/gpu-memory-gb': '80',
      'ai-factory.dev/usable-memory-per-gpu-gb': '72',
      'ai-factory.dev/weights-per-gpu-gb': String(server.plan.weightsPerGpuGb),
      'ai-factory.dev/kv-cache-per-gpu-gb': String(server.plan.kvCachePerGpuGb),
      'ai-factory.dev/kv-cache-tokens': String(server.plan.kvCacheTokens),
      'ai-factory.dev/max-model-len': '32768',
      'ai-factory.dev/max-concurrent-sequences': String(server.plan.maxConcurrentSequences),
      'ai-factory.dev/weight-format': 'bfloat16',
      'ai-factory.dev/kv-cache-format': 'bfloat16',
    });
    // 70.6 B × 2 bytes / 4 GPUs = 35.3 GB of weights per GPU; 72 − 35.3 − 3 GB reserve = 33.7 GB of KV per GPU;
    // KV per token per GPU: 2 × 80 layers × (8 / 4) heads × 128 × 2 bytes = 81,920 bytes → 411,376 tokens
    expect(server.plan.weightsPerGpuGb).toBe(35.3);
    expect(server.plan.kvCachePerGpuGb).toBe(33.7);
    expect(deployment.metadata.annotations['ai-factory.dev/kv-cache-tokens']).toBe(String(Math.floor(33.7e9 / 81920)));
    expect(deployment.spec.template.metadata.annotations).toBeUndefined();
    // the GPU is named as the catalog lists it, so a reader of the annotations finds the model again
    expect(GpuModel.all().map((g) => g.displayName)).toContain(deployment.metadata.annotations['ai-factory.dev/gpu']);
  });

  test('the default image is vLLM v0.21.0, the release llm-d-router v0.10.0 deploys', () => {
    expect(container.image).toBe('vllm/vllm-openai:v0.21.0');
  });

  test('GPUs, node selector and tolerations come from the pool; /dev/shm is memory-backed', () => {
    expect(container.resources).toEqual({
      requests: { 'cpu': 16, 'memory': '80Gi', 'nvidia.com/gpu': 4 },
      limits: { 'memory': '80Gi', 'nvidia.com/gpu': 4 },
    });
    expect(pod.spec.nodeSelector).toEqual({ 'ai-factory.dev/gpu-pool': 'h100' });
    expect(pod.spec.tolerations).toEqual([{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }]);
    expect(pod.spec.volumes).toContainEqual({ name: 'shm', emptyDir: { medium: 'Memory', sizeLimit: '16Gi' } });
    expect(container.volumeMounts).toContainEqual({ name: 'shm', mountPath: '/dev/shm' });
    expect(pod.metadata.annotations).toBeUndefined();
  });

  test('startup, readiness and liveness probes on /health; startup allows 10 minutes plus 2 s per GB of weights', () => {
    expect(container.startupProbe).toEqual({ httpGet: { path: '/health', port: 'http' }, periodSeconds: 10, failureThreshold: 90, timeoutSeconds: 5 });
    expect(container.readinessProbe).toMatchObject({ httpGet: { path: '/health', port: 'http' }, periodSeconds: 5, failureThreshold: 3 });
    expect(container.livenessProbe).toMatchObject({ httpGet: { path: '/health', port: 'http' }, periodSeconds: 10, failureThreshold: 3 });
    expect(envOf(container).VLLM_ENGINE_READY_TIMEOUT_S).toBe('900');
  });

  test('non-root, and every cache vLLM, torch, Triton, FlashInfer and CUDA write is under a writable home', () => {
    expect(pod.spec.securityContext).toEqual({
      runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000, fsGroupChangePolicy: 'OnRootMismatch', seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(container.securityContext).toEqual({ allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
    expect(container.volumeMounts).toContainEqual({ name: 'home', mountPath: '/var/lib/vllm' });
    const vars = envOf(container);
    for (const name of ['XDG_CACHE_HOME', 'XDG_CONFIG_HOME', 'VLLM_CACHE_ROOT', 'TRITON_CACHE_DIR', 'TORCHINDUCTOR_CACHE_DIR', 'CUDA_CACHE_PATH', 'FLASHINFER_WORKSPACE_BASE']) {
      expect(vars[name]).toMatch(/^\/var\/lib\/vllm/);
    }
    expect(vars).toMatchObject({ HOME: '/var/lib/vllm', USER: 'vllm', LOGNAME: 'vllm', HF_HOME: '/models-cache' });
    // the Hugging Face cache is an emptyDir sized to the checkpoint (141.2 GB × 1.2)
    expect(pod.spec.volumes).toContainEqual({ name: 'model-cache', emptyDir: { sizeLimit: '158Gi' } });
  });

  test('a ClusterIP Service on 8000, a PodDisruptionBudget and a PodMonitor that renames the old KV-cache metric', () => {
    expect(onlyObject(manifests, 'Service').spec).toEqual({
      type: 'ClusterIP',
      selector: { 'app.kubernetes.io/instance': 'vllm-llama-3-1-70b' },
      ports: [{ name: 'http', port: 8000, targetPort: 8000, protocol: 'TCP' }],
    });
    expect(onlyObject(manifests, 'PodDisruptionBudget').spec).toEqual({ maxUnavailable: 1, selector: { matchLabels: { 'app.kubernetes.io/instance': 'vllm-llama-3-1-70b' } } });
    const monitor = onlyObject(manifests, 'PodMonitor');
    expect(monitor.apiVersion).toBe('monitoring.coreos.com/v1');
    expect(monitor.spec.podMetricsEndpoints[0]).toMatchObject({ port: 'http', path: '/metrics' });
    expect(monitor.spec.podMetricsEndpoints[0].metricRelabelings[0]).toEqual({
      sourceLabels: ['__name__'], regex: 'vllm:gpu_cache_usage_perc', targetLabel: '__name__', replacement: 'vllm:kv_cache_usage_perc', action: 'replace',
    });
    expect(server.url).toBe('http://vllm-llama-3-1-70b:8000/v1');
  });
});

describe('VllmServer options', () => {
  test('FP8 weights and KV cache add --quantization and --kv-cache-dtype; the API key comes from a Secret', () => {
    const chart = testChart();
    new VllmServer(chart, 'S', {
      model: LlmModel.LLAMA_3_1_70B,
      pool: new GpuNodePool(chart, 'P', { poolName: 'h200', gpuModel: GpuModel.H200_SXM_141GB, gpusPerNode: 8 }),
      weightFormat: NumericFormat.FP8,
      kvCacheFormat: NumericFormat.FP8,
      modelSource: ModelSource.huggingFace({ tokenSecret: { secretName: 'hf', key: 'token' } }),
      apiKey: { secretName: 'api', key: 'key' },
    });
    const container = vllm(onlyObject(synthChart(chart), 'Deployment').spec.template.spec);
    expect(container.args).toEqual(expect.arrayContaining(['--quantization=fp8', '--kv-cache-dtype=fp8', '--tensor-parallel-size=1']));
    expect(container.env).toEqual(expect.arrayContaining([
      { name: 'HF_TOKEN', valueFrom: { secretKeyRef: { name: 'hf', key: 'token' } } },
      { name: 'VLLM_API_KEY', valueFrom: { secretKeyRef: { name: 'api', key: 'key' } } },
    ]));
  });

  test('on a MIG pool the pod requests one MIG instance of the offer', () => {
    const chart = testChart();
    const server = new VllmServer(chart, 'S', { model: LlmModel.LLAMA_3_1_8B, pool: migPool(chart), maxModelLen: 16384 });
    const container = vllm(onlyObject(synthChart(chart), 'Deployment').spec.template.spec);
    expect(server.gpuResourceName).toBe('nvidia.com/mig-3g.40gb');
    expect(server.plan).toMatchObject({ migProfile: '3g.40gb', gpuMemoryGb: 40, tensorParallelSize: 1 });
    // the annotations name the physical GPU and the slice's memory
    expect(onlyObject(synthChart(chart), 'Deployment').metadata.annotations).toMatchObject({ 'ai-factory.dev/gpu': 'NVIDIA H100 SXM5 80GB', 'ai-factory.dev/gpu-memory-gb': '40' });
    expect(container.resources.limits).toEqual({ 'memory': '20Gi', 'nvidia.com/mig-3g.40gb': 1 });
  });

  test('a model store share: read-only PVC at /models, offline hub', () => {
    const chart = testChart();
    new VllmServer(chart, 'S', {
      model: LlmModel.LLAMA_3_1_8B, pool: h100Pool(chart), maxModelLen: 8192, modelSource: ModelSource.persistentVolumeClaim('models', '/meta/llama-3.1-8b/'),
    });
    const spec = onlyObject(synthChart(chart), 'Deployment').spec.template.spec;
    const container = vllm(spec);
    expect(container.args[0]).toBe('/models/meta/llama-3.1-8b');
    expect(container.args[1]).toBe('--served-model-name=meta-llama/Llama-3.1-8B-Instruct');
    expect(envOf(container).HF_HUB_OFFLINE).toBe('1');
    expect(spec.volumes).toContainEqual({ name: 'model-store', persistentVolumeClaim: { claimName: 'models', readOnly: true } });
    expect(container.volumeMounts).toContainEqual({ name: 'model-store', mountPath: '/models', readOnly: true });
  });

  test('an S3 bucket: streamed with the Run:ai streamer, credentials from a Secret, path-style addressing', () => {
    const chart = testChart();
    new VllmServer(chart, 'S', {
      model: LlmModel.LLAMA_3_1_8B,
      pool: h100Pool(chart),
      maxModelLen: 8192,
      modelSource: ModelSource.s3({ bucket: 'models', prefix: 'llama-3.1-8b', credentialsSecretName: 'rgw', endpointUrl: 'https://rgw.example.org' }),
    });
    const container = vllm(onlyObject(synthChart(chart), 'Deployment').spec.template.spec);
    expect(container.args[0]).toBe('s3://models/llama-3.1-8b');
    expect(container.args).toContain('--load-format=runai_streamer');
    expect(container.env).toEqual(expect.arrayContaining([
      { name: 'AWS_ACCESS_KEY_ID', valueFrom: { secretKeyRef: { name: 'rgw', key: 'AWS_ACCESS_KEY_ID' } } },
      { name: 'AWS_SECRET_ACCESS_KEY', valueFrom: { secretKeyRef: { name: 'rgw', key: 'AWS_SECRET_ACCESS_KEY' } } },
    ]));
    expect(envOf(container)).toMatchObject({ AWS_ENDPOINT_URL: 'https://rgw.example.org', RUNAI_STREAMER_S3_USE_VIRTUAL_ADDRESSING: '0', AWS_EC2_METADATA_DISABLED: 'true' });
  });

  test('Whisper is served without prefix caching at its 448-token context', () => {
    const chart = testChart();
    new VllmServer(chart, 'S', { model: LlmModel.WHISPER_LARGE_V3, pool: migPool(chart, '1g.10gb', 56) });
    const container = vllm(onlyObject(synthChart(chart), 'Deployment').spec.template.spec);
    expect(container.args).toContain('--max-model-len=448');
    expect(container.args.filter((a: string) => a.includes('prefix-caching'))).toEqual([]);
  });
});

describe('VllmServer across nodes (LeaderWorkerSet)', () => {
  const chart = testChart('llm');
  const server = new VllmServer(chart, 'L405', { model: LlmModel.LLAMA_3_1_405B, pool: h100Pool(chart, RDMA), maxNodesPerReplica: 2, maxModelLen: 16384 });
  const manifests = synthChart(chart);
  const lws = onlyObject(manifests, 'LeaderWorkerSet');
  const leader = lws.spec.leaderWorkerTemplate.leaderTemplate;
  const worker = lws.spec.leaderWorkerTemplate.workerTemplate;

  test('405B BF16 on 8× H100 nodes: TP=8 × PP=2, one group of two pods running vLLM\'s multiprocessing backend', () => {
    expect(server.plan).toMatchObject({ tensorParallelSize: 8, pipelineParallelSize: 2 });
    expect(server.multiNodeBackend).toBe(MultiNodeBackend.MULTIPROCESSING);
    expect(objectsOf(manifests, 'Deployment')).toEqual([]);
    expect(lws.apiVersion).toBe('leaderworkerset.x-k8s.io/v1');
    expect(lws.spec).toMatchObject({ replicas: 1, startupPolicy: 'LeaderCreated', leaderWorkerTemplate: { size: 2, restartPolicy: 'RecreateGroupOnPodRestart' } });
    expect(vllm(leader.spec).readinessProbe).toBeDefined();
    expect(vllm(worker.spec).readinessProbe).toBeUndefined();
    expect(lws.metadata.annotations).toMatchObject({
      'ai-factory.dev/tensor-parallel-size': '8',
      'ai-factory.dev/pipeline-parallel-size': '2',
      'ai-factory.dev/nodes-per-replica': '2',
      'ai-factory.dev/gpus-per-replica': '16',
      'ai-factory.dev/kv-cache-tokens': String(server.plan.kvCacheTokens),
    });
  });

  test('leader and worker commands are vLLM\'s documented multi-node flags: --nnodes, --node-rank, --master-addr, --master-port, --headless', () => {
    // vllm-project/vllm docs/serving/parallelism_scaling.md "Running vLLM with MultiProcessing":
    //   head:   vllm serve MODEL --tensor-parallel-size 8 --pipeline-parallel-size 2 --nnodes 2 --node-rank 0 --master-addr HEAD_IP
    //   worker: vllm serve MODEL --tensor-parallel-size 8 --pipeline-parallel-size 2 --nnodes 2 --node-rank 1 --master-addr HEAD_IP --headless
    const engine = [
      'meta-llama/Llama-3.1-405B-Instruct', '--served-model-name=meta-llama/Llama-3.1-405B-Instruct', '--port=8000', '--tensor-parallel-size=8',
      '--pipeline-parallel-size=2', '--distributed-executor-backend=mp', '--max-model-len=16384', '--gpu-memory-utilization=0.9', '--enable-prefix-caching',
    ];
    const leaderContainer = vllm(leader.spec);
    const workerContainer = vllm(worker.spec);
    expect(leaderContainer.command).toEqual(['vllm', 'serve']);
    expect(leaderContainer.args).toEqual([...engine, '--nnodes=2', '--node-rank=0', '--master-addr=$(LWS_LEADER_ADDRESS)', '--master-port=29501']);
    expect(workerContainer.command).toEqual(['vllm', 'serve']);
    expect(workerContainer.args).toEqual([...engine, '--nnodes=2', '--node-rank=$(NODE_RANK)', '--master-addr=$(LWS_LEADER_ADDRESS)', '--master-port=29501', '--headless']);
    // the rank is the pod's LWS worker index; the worker declares it before the arguments that expand it
    const rankField = "metadata.labels['leaderworkerset.sigs.k8s.io/worker-index']";
    expect(workerContainer.env).toContainEqual({ name: 'NODE_RANK', valueFrom: { fieldRef: { fieldPath: rankField } } });
    expect(leaderContainer.env.map((e: any) => e.name)).not.toContain('NODE_RANK');
  });

  test('Ray stays an option: the leader starts the Ray head, workers join it', () => {
    const rayChart = testChart('llm');
    new VllmServer(rayChart, 'L405', {
      model: LlmModel.LLAMA_3_1_405B,
      pool: h100Pool(rayChart, RDMA),
      maxNodesPerReplica: 2,
      maxModelLen: 16384,
      multiNodeBackend: MultiNodeBackend.RAY,
    });
    const group = onlyObject(synthChart(rayChart), 'LeaderWorkerSet').spec.leaderWorkerTemplate;
    const leaderContainer = vllm(group.leaderTemplate.spec);
    expect(leaderContainer.command).toEqual(['/bin/bash', '-c']);
    expect(leaderContainer.args[0]).toBe(
      'bash /vllm-workspace/examples/online_serving/multi-node-serving.sh leader --ray_cluster_size="${LWS_GROUP_SIZE}" && exec vllm serve ' +
      'meta-llama/Llama-3.1-405B-Instruct --served-model-name=meta-llama/Llama-3.1-405B-Instruct --port=8000 --tensor-parallel-size=8 ' +
      '--pipeline-parallel-size=2 --distributed-executor-backend=ray --max-model-len=16384 --gpu-memory-utilization=0.9 --enable-prefix-caching',
    );
    expect(vllm(group.workerTemplate.spec).args).toEqual(['exec bash /vllm-workspace/examples/online_serving/multi-node-serving.sh worker --ray_address="${LWS_LEADER_ADDRESS}"']);
  });

  test('RDMA from the pool: Multus rails, RDMA device, IPC_LOCK and the NCCL environment on every pod', () => {
    for (const template of [leader, worker]) {
      expect(template.metadata.annotations).toEqual({ 'k8s.v1.cni.cncf.io/networks': 'default/rdma-rail-0,default/rdma-rail-1' });
      const c = vllm(template.spec);
      expect(c.resources.limits).toEqual({ 'memory': '144Gi', 'nvidia.com/gpu': 8, 'rdma/rdma_shared_device_a': 1 });
      expect(c.securityContext.capabilities).toEqual({ drop: ['ALL'], add: ['IPC_LOCK'] });
      expect(envOf(c)).toMatchObject({ NCCL_IB_HCA: 'mlx5_0:1,mlx5_1:1', NCCL_SOCKET_IFNAME: 'eth0' });
    }
  });

  test('the Service and the PodMonitor select the leaders, which serve the API', () => {
    const leaderSelector = { 'app.kubernetes.io/instance': 'vllm-llama-3-1-405b', 'leaderworkerset.sigs.k8s.io/worker-index': '0' };
    expect(onlyObject(manifests, 'Service').spec.selector).toEqual(leaderSelector);
    expect(onlyObject(manifests, 'PodMonitor').spec.selector).toEqual({ matchLabels: leaderSelector });
  });

  test('warns when a multi-node layout has no RDMA network', () => {
    const c = testChart();
    const s = new VllmServer(c, 'S', { model: LlmModel.LLAMA_3_1_405B, pool: h100Pool(c), maxNodesPerReplica: 2, maxModelLen: 8192 });
    expect(s.node.metadata.map((m) => m.data)).toContainEqual('2-node layout on GPU pool h100 without an RDMA network: NCCL falls back to TCP sockets between nodes');
  });
});

describe('VllmServer autoscaling', () => {
  test('KEDA scales the Deployment on queue depth and KV-cache usage (either metric name); replicas are left to it', () => {
    const chart = testChart('llm');
    const server = new VllmServer(chart, 'S', { model: LlmModel.LLAMA_3_1_8B, pool: h100Pool(chart), maxModelLen: 8192 });
    server.autoscale({ minReplicas: 1, maxReplicas: 4, prometheusServerAddress: 'http://prometheus-operated.monitoring:9090' });
    const manifests = synthChart(chart);
    expect(onlyObject(manifests, 'Deployment').spec.replicas).toBeUndefined();
    const scaled = onlyObject(manifests, 'ScaledObject');
    expect(scaled.spec).toMatchObject({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'vllm-llama-3-1-8b' },
      minReplicaCount: 1,
      maxReplicaCount: 4,
      advanced: { horizontalPodAutoscalerConfig: { behavior: { scaleDown: { stabilizationWindowSeconds: 600 } } } },
    });
    const match = 'namespace="llm",app_kubernetes_io_instance="vllm-llama-3-1-8b"';
    expect(scaled.spec.triggers.map((t: any) => t.metadata)).toEqual([
      { serverAddress: 'http://prometheus-operated.monitoring:9090', query: `sum(vllm:num_requests_waiting{${match}})`, threshold: '5' },
      {
        serverAddress: 'http://prometheus-operated.monitoring:9090',
        query: `sum(max by (pod) (vllm:kv_cache_usage_perc{${match}} or vllm:gpu_cache_usage_perc{${match}}))`,
        threshold: '0.8',
      },
    ]);
  });

  test('a multi-node server scales its LeaderWorkerSet in groups', () => {
    const chart = testChart();
    const server = new VllmServer(chart, 'S', { model: LlmModel.LLAMA_3_1_405B, pool: h100Pool(chart, RDMA), maxNodesPerReplica: 2, maxModelLen: 8192 });
    server.autoscale({ minReplicas: 1, maxReplicas: 3, prometheusServerAddress: 'http://prometheus:9090' });
    const manifests = synthChart(chart);
    expect(onlyObject(manifests, 'ScaledObject').spec.scaleTargetRef).toEqual({ apiVersion: 'leaderworkerset.x-k8s.io/v1', kind: 'LeaderWorkerSet', name: 'vllm-llama-3-1-405b' });
    expect(onlyObject(manifests, 'LeaderWorkerSet').spec.replicas).toBeUndefined();
  });

  test('fails when autoscaling bounds contradict the replica count', () => {
    const chart = testChart();
    const server = new VllmServer(chart, 'S', { model: LlmModel.LLAMA_3_1_8B, pool: h100Pool(chart), maxModelLen: 8192, replicas: 4 });
    expect(() => server.autoscale({ minReplicas: 1, maxReplicas: 3, prometheusServerAddress: 'http://prometheus:9090' })).toThrow(
      'test/S: replicas 4 contradicts the autoscaling bounds 1..3; drop replicas (the autoscaler starts at minReplicas) or widen the bounds',
    );
  });

  test('fails when autoscaling would go below one replica of the layout', () => {
    const chart = testChart();
    const server = new VllmServer(chart, 'S', { model: LlmModel.LLAMA_3_1_405B, pool: h100Pool(chart, RDMA), maxNodesPerReplica: 2, maxModelLen: 8192 });
    expect(() => server.autoscale({ minReplicas: 0, maxReplicas: 2, prometheusServerAddress: 'http://prometheus:9090' })).toThrow(
      'test/S/Autoscaler: minReplicas 0 would scale the server below one replica; a replica of this layout is 16 GPUs on 2 nodes ' +
      '(one LeaderWorkerSet group) and takes minutes to load its model; use at least 1',
    );
  });

  test('fails when maxReplicas is below minReplicas', () => {
    const chart = testChart();
    const server = new VllmServer(chart, 'S', { model: LlmModel.LLAMA_3_1_8B, pool: h100Pool(chart), maxModelLen: 8192 });
    expect(() => server.autoscale({ minReplicas: 3, maxReplicas: 2, prometheusServerAddress: 'http://prometheus:9090' })).toThrow(
      'test/S/Autoscaler: maxReplicas 2 is below minReplicas 3; use at least 3',
    );
  });

  test('fails when autoscaling has no metrics to read', () => {
    const chart = testChart();
    const server = new VllmServer(chart, 'S', { model: LlmModel.LLAMA_3_1_8B, pool: h100Pool(chart), maxModelLen: 8192, monitoring: false });
    expect(() => server.autoscale({ minReplicas: 1, maxReplicas: 2, prometheusServerAddress: 'http://prometheus:9090' })).toThrow(
      'test/S: autoscaling reads the vLLM metrics its PodMonitor scrapes, but monitoring is false; enable monitoring',
    );
  });
});

describe('VllmServer validation', () => {
  test('fails when the model does not fit the chosen GPUs, naming the shortfall and a layout that fits', () => {
    const chart = testChart();
    expect(() => new VllmServer(chart, 'Big', { model: LlmModel.LLAMA_3_1_405B, pool: h100Pool(chart), maxModelLen: 8192 })).toThrow(
      /^test\/Big: llama-3\.1-405b \(bfloat16 weights, bfloat16 KV cache, max-model-len 8192\) does not fit 1 node of 8× NVIDIA H100 SXM5 80GB: .* 32\.7 GB short per GPU \(261\.6 GB in total\); smallest layout that fits: TP=8 × PP=2 on 2 nodes \(16 GPUs; allow maxNodesPerReplica 2\), KV cache 571K tokens \(69 × 8192\); or FP8 weights with TP=8, KV cache 285K tokens \(34 × 8192\)$/,
    );
  });

  test('fails when the tensor-parallel size does not divide the heads', () => {
    const chart = testChart();
    expect(() => new VllmServer(chart, 'Q', { model: LlmModel.QWEN_2_5_7B, pool: h100Pool(chart), tensorParallelSize: 8 })).toThrow(
      'test/Q: tensorParallelSize 8 does not divide the 28 attention heads of qwen2.5-7b; use 1, 2 or 4',
    );
  });

  test('fails when the tensor-parallel size exceeds the GPUs per node', () => {
    const chart = testChart();
    expect(() => new VllmServer(chart, 'T', { model: LlmModel.LLAMA_3_1_405B, pool: h100Pool(chart), tensorParallelSize: 16 })).toThrow(
      'test/T: tensorParallelSize 16 exceeds the 8 GPUs per node; tensor parallelism stays within one node (NVLink), so use at most 8 and add pipeline stages across nodes',
    );
  });

  test('fails when a MIG slice is smaller than the weights', () => {
    const chart = testChart();
    expect(() => new VllmServer(chart, 'M', { model: LlmModel.LLAMA_3_1_70B, pool: migPool(chart) })).toThrow(
      'test/M: llama-3.1-70b weights need 141.2 GB (bfloat16) but a MIG 3g.40gb slice of NVIDIA H100 SXM5 80GB holds 40.0 GB, 36.0 GB usable at ' +
      'gpu-memory-utilization 0.9; tensor parallelism cannot span MIG slices; no MIG slice of NVIDIA H100 SXM5 80GB holds it; use whole GPUs (TP=4)',
    );
  });

  test('fails when the context is above the model maximum', () => {
    const chart = testChart();
    expect(() => new VllmServer(chart, 'C', { model: LlmModel.QWEN_2_5_7B, pool: h100Pool(chart), maxModelLen: 65536 })).toThrow(
      'test/C: maxModelLen 65536 is above the 32768-token maximum context of qwen2.5-7b; use at most 32768',
    );
  });

  test('fails when the pool has several offers and none is chosen', () => {
    const chart = testChart();
    const pool = new GpuNodePool(chart, 'P', {
      poolName: 'mixed',
      gpuModel: GpuModel.H100_SXM5_80GB,
      gpusPerNode: 8,
      partitioning: GpuPartitioning.mig(MigLayout.uniform('mixed', [{ profile: '1g.10gb', count: 2 }, { profile: '3g.40gb', count: 1 }])),
    });
    expect(() => new VllmServer(chart, 'S', { model: LlmModel.LLAMA_3_1_8B, pool })).toThrow(
      'test/S: GPU pool mixed offers nvidia.com/mig-1g.10gb, nvidia.com/mig-3g.40gb; choose one with gpuResourceName',
    );
    expect(() => new VllmServer(chart, 'T', { model: LlmModel.LLAMA_3_1_8B, pool, gpuResourceName: 'nvidia.com/gpu' })).toThrow(
      'test/T: gpuResourceName nvidia.com/gpu is not offered by GPU pool mixed; it offers nvidia.com/mig-1g.10gb, nvidia.com/mig-3g.40gb',
    );
  });

  test('fails when a MIG offer of a pool of your own has a non-finite or fractional count or memory (fuzz: NaN nvidia.com/mig-3g.40gb)', () => {
    const chart = testChart();
    const base = migPool(chart);
    const own = (offer: { countPerNode: number; memoryGb: number }) => ({ ...base, node: base.node, poolName: 'own', offers: [{ resourceName: 'nvidia.com/mig-3g.40gb', migProfile: '3g.40gb', ...offer }] });
    for (const countPerNode of [NaN, Infinity, 1.5, 0]) {
      expect(() => new VllmServer(chart, `C${countPerNode}`, { model: LlmModel.LLAMA_3_1_8B, pool: own({ countPerNode, memoryGb: 40 }), maxModelLen: 8192 })).toThrow(
        `test/C${countPerNode}: GPU pool own offers ${countPerNode} nvidia.com/mig-3g.40gb per node; ` +
          'the count must be a positive integer (a pod requests whole units of an extended resource)',
      );
    }
    for (const memoryGb of [NaN, Infinity, -40]) {
      expect(() => new VllmServer(chart, `M${memoryGb}`, { model: LlmModel.LLAMA_3_1_8B, pool: own({ countPerNode: 16, memoryGb }), maxModelLen: 8192 })).toThrow(
        `test/M${memoryGb}: GPU pool own: nvidia.com/mig-3g.40gb has ${memoryGb} GB of memory; it must be a finite positive number`,
      );
    }
  });

  test('fails when a MIG layout count is not a positive integer, before any pod requests it', () => {
    const chart = testChart();
    expect(() => new GpuNodePool(chart, 'P', {
      poolName: 'p',
      gpuModel: GpuModel.H100_SXM5_80GB,
      gpusPerNode: 8,
      partitioning: GpuPartitioning.mig(MigLayout.uniform('all-3g.40gb', [{ profile: '3g.40gb', count: NaN }])),
    })).toThrow('test/P: MIG layout 3g.40gb xNaN: count NaN of 3g.40gb must be a positive integer');
  });

  test('fails when replicas is not a positive integer', () => {
    const chart = testChart();
    expect(() => new VllmServer(chart, 'R', { model: LlmModel.LLAMA_3_1_8B, pool: h100Pool(chart), maxModelLen: 8192, replicas: 0 })).toThrow(
      'test/R: replicas 0 must be a positive integer',
    );
  });

  test('fails when the server name is not a DNS label', () => {
    const chart = testChart();
    expect(() => new VllmServer(chart, 'N', { model: LlmModel.LLAMA_3_1_8B, pool: h100Pool(chart), maxModelLen: 8192, serverName: 'Llama_8B' })).toThrow(
      'test/N: serverName "Llama_8B" is not a DNS-1035 label; use lower-case letters, digits and dashes, starting with a letter',
    );
  });
});

describe('VllmServer from a tenant model store', () => {
  test('a CephFS store is mounted through its claim, read-only, with the hub offline', () => {
    const stack = testStack();
    new ShareTypeCatalog(stack, 'ShareTypes', { shareTypes: [ShareType.cephfsNative()] });
    const t = tenant(stack, 'T', 'inference');
    const store = new ShareModelStore(stack, 'Weights', { tenant: t, storeName: 'llama-3-1-70b', shareType: ShareType.cephfsNative(), sizeGb: 160 });
    const chart = testChart('llm');
    new VllmServer(chart, 'S', {
      model: LlmModel.LLAMA_3_1_70B,
      pool: h100Pool(chart),
      maxModelLen: 32768,
      modelSource: ModelSource.fromModelStore(store, '/meta-llama/Llama-3.1-70B-Instruct/'),
    });
    const pod = onlyObject(synthChart(chart), 'Deployment').spec.template.spec;
    expect(pod.containers[0].args[0]).toBe('/models/meta-llama/Llama-3.1-70B-Instruct');
    expect(pod.volumes).toContainEqual({ name: 'model-store', persistentVolumeClaim: { claimName: store.fileSystem!.claimName, readOnly: true } });
    expect(pod.containers[0].env).toContainEqual({ name: 'HF_HUB_OFFLINE', value: '1' });
  });

  test('a bucket store is streamed over S3 with its endpoint, region and credentials Secret', () => {
    const stack = testStack();
    const t = tenant(stack, 'T', 'inference');
    const rgw = ObjectStorageService.cephRgw({ s3EndpointUrl: 'https://rgw.example.net', s3Region: 'eu-1' });
    const store = new BucketModelStore(stack, 'Weights', { tenant: t, storeName: 'mistral', service: rgw, capacityGb: 15, credentialUserName: 'reader' });
    const chart = testChart('llm');
    new VllmServer(chart, 'S', { model: LlmModel.LLAMA_3_1_8B, pool: h100Pool(chart), maxModelLen: 8192, modelSource: ModelSource.fromModelStore(store, 'llama-8b') });
    const c = onlyObject(synthChart(chart), 'Deployment').spec.template.spec.containers[0];
    const bucket = store.objectBucket!;
    expect(c.args[0]).toBe(`s3://${bucket.bucketName}/llama-8b`);
    expect(c.args).toContain('--load-format=runai_streamer');
    expect(c.env).toEqual(expect.arrayContaining([
      { name: 'AWS_ENDPOINT_URL', value: 'https://rgw.example.net' },
      { name: 'AWS_REGION', value: 'eu-1' },
      { name: 'AWS_ACCESS_KEY_ID', valueFrom: { secretKeyRef: { name: bucket.credentialsSecret.secretName, key: bucket.accessKeyIdKey } } },
    ]));
  });
});

describe('VllmServer for mixture-of-experts models: data and expert parallelism', () => {
  test('DeepSeek-R1 on one 8× H200 node: one pod, TP=1 × DP=8 with --enable-expert-parallel on all 8 GPUs', () => {
    const chart = testChart('llm');
    const pool = new GpuNodePool(chart, 'H200', { poolName: 'h200', gpuModel: GpuModel.H200_SXM_141GB, gpusPerNode: 8 });
    const server = new VllmServer(chart, 'R1', { model: LlmModel.DEEPSEEK_R1, pool, maxModelLen: 32768 });
    const deployment = onlyObject(synthChart(chart), 'Deployment');
    const container = vllm(deployment.spec.template.spec);
    expect(server.plan).toMatchObject({ tensorParallelSize: 1, dataParallelSize: 8, expertParallel: true });
    expect(container.args).toEqual([
      'deepseek-ai/DeepSeek-R1', '--served-model-name=deepseek-ai/DeepSeek-R1', '--port=8000', '--tensor-parallel-size=1',
      '--data-parallel-size=8', '--enable-expert-parallel', '--max-model-len=32768', '--gpu-memory-utilization=0.9', '--enable-prefix-caching',
    ]);
    expect(container.resources.limits['nvidia.com/gpu']).toBe(8);
    expect(deployment.metadata.annotations).toMatchObject({ 'ai-factory.dev/data-parallel-size': '8', 'ai-factory.dev/expert-parallel-size': '8' });
  });

  describe('DeepSeek-R1 on two 8× H100 nodes: wide EP, TP=1 × DP=16 as one LeaderWorkerSet group', () => {
    const chart = testChart('llm');
    const server = new VllmServer(chart, 'R1', { model: LlmModel.DEEPSEEK_R1, pool: h100Pool(chart, RDMA), maxNodesPerReplica: 2, maxModelLen: 32768 });
    const lws = onlyObject(synthChart(chart), 'LeaderWorkerSet');
    const group = lws.spec.leaderWorkerTemplate;
    const leaderContainer = vllm(group.leaderTemplate.spec);
    const workerContainer = vllm(group.workerTemplate.spec);
    const engine = [
      'deepseek-ai/DeepSeek-R1', '--served-model-name=deepseek-ai/DeepSeek-R1', '--port=8000', '--tensor-parallel-size=1',
      '--data-parallel-size=16', '--enable-expert-parallel', '--max-model-len=32768', '--gpu-memory-utilization=0.9', '--enable-prefix-caching',
    ];

    test('two pods of 8 GPUs, 8 ranks each, with RDMA', () => {
      expect(server.plan).toMatchObject({ dataParallelSize: 16, expertParallelSize: 16, nodesPerReplica: 2, gpusPerReplica: 16 });
      expect(group.size).toBe(2);
      for (const c of [leaderContainer, workerContainer]) {
        expect(c.resources.limits).toMatchObject({ 'nvidia.com/gpu': 8, 'rdma/rdma_shared_device_a': 1 });
      }
      expect(lws.metadata.annotations).toMatchObject({ 'ai-factory.dev/data-parallel-size': '16', 'ai-factory.dev/expert-parallel-size': '16' });
    });

    test('the leader runs ranks 0-7 and the API, the worker ranks 8-15 headless: vLLM\'s documented multi-node DP flags', () => {
      // vllm-project/vllm docs/serving/data_parallel_deployment.md, "Internal Load Balancing":
      //   node 0: vllm serve $MODEL --data-parallel-size 4 --data-parallel-size-local 2 --data-parallel-address IP --data-parallel-rpc-port 13345
      //   node 1: vllm serve $MODEL --headless --data-parallel-size 4 --data-parallel-size-local 2 --data-parallel-start-rank 2 --data-parallel-address IP --data-parallel-rpc-port 13345
      expect(leaderContainer.command).toEqual(['vllm', 'serve']);
      expect(leaderContainer.args).toEqual([...engine, '--data-parallel-size-local=8', '--data-parallel-address=$(LWS_LEADER_ADDRESS)', '--data-parallel-rpc-port=13345']);
      expect(workerContainer.command).toEqual(['/bin/bash', '-c']);
      expect(workerContainer.args).toEqual([
        `exec vllm serve ${engine.join(' ')} --headless --data-parallel-size-local=8 ` +
        '--data-parallel-address="${LWS_LEADER_ADDRESS}" --data-parallel-rpc-port=13345 --data-parallel-start-rank="$((${NODE_RANK} * 8))"',
      ]);
      expect(workerContainer.env).toContainEqual({ name: 'NODE_RANK', valueFrom: { fieldRef: { fieldPath: "metadata.labels['leaderworkerset.sigs.k8s.io/worker-index']" } } });
      // no pipeline or --nnodes flags: the DP coordinator, not torch.distributed's master, joins the pods
      expect(leaderContainer.args.filter((a: string) => /pipeline|nnodes|master/.test(a))).toEqual([]);
    });
  });

  test('fails when data-parallel ranks across nodes are asked of the Ray backend', () => {
    const chart = testChart('llm');
    expect(() => new VllmServer(chart, 'R1', {
      model: LlmModel.DEEPSEEK_R1, pool: h100Pool(chart, RDMA), maxNodesPerReplica: 2, maxModelLen: 32768, multiNodeBackend: MultiNodeBackend.RAY,
    })).toThrow(/multiNodeBackend ray with 16 data-parallel ranks on 2 nodes is not rendered: .*use MultiNodeBackend.MULTIPROCESSING/);
  });

  test('fails when the expert parallel size does not divide the experts', () => {
    const chart = testChart('llm');
    expect(() => new VllmServer(chart, 'Q', {
      model: LlmModel.QWEN3_235B_A22B, pool: h100Pool(chart), tensorParallelSize: 2, dataParallelSize: 3,
    })).toThrow(/expert parallel size 6 \(tensorParallelSize 2 × dataParallelSize 3\) does not divide the 128 experts of qwen3-235b-a22b/);
  });
});

describe('VllmServer with LoRA adapters', () => {
  const adapters = [
    { name: 'support-bot', source: 'acme/llama-3.1-8b-support-lora', rank: 16 },
    { name: 'sql-writer', source: '/models/adapters/sql', rank: 32 },
  ];

  test('loads the adapters at start under their own names, with slots sized into the plan', () => {
    const chart = testChart('llm');
    const server = new VllmServer(chart, 'L8', { model: LlmModel.LLAMA_3_1_8B, pool: h100Pool(chart), maxModelLen: 8192, loraAdapters: adapters });
    const container = vllm(onlyObject(synthChart(chart), 'Deployment').spec.template.spec);
    // one --lora-modules with every adapter (vLLM's LoRAParserAction keeps the last occurrence of a repeated flag)
    expect(container.args.slice(container.args.indexOf('--enable-lora'))).toEqual([
      '--enable-lora', '--max-loras=2', '--max-lora-rank=32', '--lora-modules', 'support-bot=acme/llama-3.1-8b-support-lora', 'sql-writer=/models/adapters/sql',
    ]);
    expect(server.servedModelNames).toEqual(['meta-llama/Llama-3.1-8B-Instruct', 'support-bot', 'sql-writer']);
    expect(server.plan).toMatchObject({ maxLoras: 2, maxLoraRank: 32 });
    expect(server.plan.loraMemoryPerGpuGb).toBeCloseTo((2 * LlmModel.LLAMA_3_1_8B.loraBytesPerSlot(32, NumericFormat.BF16)) / 1e9, 2);
    expect(onlyObject(synthChart(chart), 'Deployment').metadata.annotations['ai-factory.dev/lora-memory-per-gpu-gb']).toBe(String(server.plan.loraMemoryPerGpuGb));
  });

  test('fails when an adapter\'s rank is above the server\'s max', () => {
    const chart = testChart('llm');
    expect(() => new VllmServer(chart, 'L8', { model: LlmModel.LLAMA_3_1_8B, pool: h100Pool(chart), loraAdapters: adapters, maxLoraRank: 16 }))
      .toThrow(/LoRA adapter sql-writer has rank 32, above the server's maxLoraRank 16; raise maxLoraRank to 32 or use an adapter of rank 16 or less/);
  });

  test('fails when an adapter is above vLLM\'s largest rank, names clash, or limits come without adapters', () => {
    const chart = testChart('llm');
    const pool = h100Pool(chart);
    expect(() => new VllmServer(chart, 'A', { model: LlmModel.LLAMA_3_1_8B, pool, loraAdapters: [{ name: 'big', source: 'x/big', rank: 1024 }] }))
      .toThrow(/LoRA adapter big has rank 1024, above vLLM's largest --max-lora-rank 512/);
    expect(() => new VllmServer(chart, 'B', { model: LlmModel.LLAMA_3_1_8B, pool, loraAdapters: [adapters[0], { ...adapters[1], name: 'support-bot' }] }))
      .toThrow(/LoRA adapter name support-bot is used twice/);
    expect(() => new VllmServer(chart, 'C', { model: LlmModel.LLAMA_3_1_8B, pool, maxLoras: 4 }))
      .toThrow(/maxLoras and maxLoraRank size LoRA adapters, but loraAdapters is empty/);
  });
});

describe('VllmServer for an embedding model', () => {
  const e5 = LlmModel.fromConfig({
    name: 'e5-mistral-7b',
    huggingFaceId: 'intfloat/e5-mistral-7b-instruct',
    task: ModelTask.EMBEDDING,
    config: {
      hidden_size: 4096,
      intermediate_size: 14336,
      max_position_embeddings: 32768,
      num_attention_heads: 32,
      num_hidden_layers: 32,
      num_key_value_heads: 8,
      tie_word_embeddings: false,
      torch_dtype: 'float16',
      vocab_size: 32000,
    },
  });

  test('runs vLLM\'s pooling runner, without prefix caching', () => {
    const chart = testChart('llm');
    new VllmServer(chart, 'E5', { model: e5, pool: h100Pool(chart), maxModelLen: 4096 });
    const container = vllm(onlyObject(synthChart(chart), 'Deployment').spec.template.spec);
    expect(container.args).toContain('--runner=pooling');
    expect(container.args.filter((a: string) => a.includes('prefix-caching'))).toEqual([]);
    // Mistral 7B without its LM head: 7.11 B (the e5-mistral-7b-instruct card)
    expect(e5.parametersBillions).toBeCloseTo(7.11, 2);
  });

  test('fails when an embedding model joins an InferencePool', () => {
    const chart = testChart('llm');
    const inferencePool = new InferencePool(chart, 'Pool', { poolName: 'embed' });
    expect(() => new VllmServer(chart, 'E5', { model: e5, pool: h100Pool(chart), inferencePool }))
      .toThrow(/e5-mistral-7b is an embedding model \(\/v1\/embeddings\); the endpoint picker's prefix and KV scorers are for generation/);
  });
});

describe('VllmServer on AMD Instinct', () => {
  test('serves on an MI300X pool with the ROCm build, amd.com/gpu and the device group ids', () => {
    const chart = testChart('llm');
    const pool = new AmdGpuNodePool(chart, 'Mi300', { poolName: 'mi300x', gpuModel: GpuModel.MI300X_192GB, gpusPerNode: 8 });
    const server = new VllmServer(chart, 'L70', { model: LlmModel.LLAMA_3_1_70B, pool, maxModelLen: 32768, deviceGroupIds: [44, 992] });
    const deployment = onlyObject(synthChart(chart), 'Deployment');
    const container = vllm(deployment.spec.template.spec);
    // 141.2 GB of BF16 weights + 3 GB + one 32K sequence fit 0.9 × 192 GB: TP=1
    expect(server.plan.tensorParallelSize).toBe(1);
    expect(container.image).toBe('rocm/vllm:rocm7.14.0_cdna_ubuntu24.04_py3.14_pytorch_2.11.0_vllm_0.23.0');
    expect(container.resources.limits['amd.com/gpu']).toBe(1);
    expect(deployment.spec.template.spec.securityContext).toMatchObject({ runAsNonRoot: true, supplementalGroups: [44, 992] });
    expect(deployment.spec.template.spec.tolerations).toEqual([{ key: 'amd.com/gpu', operator: 'Exists', effect: 'NoSchedule' }]);
  });

  test('fails when a CUDA image is given for an AMD pool, or a ROCm image for an NVIDIA pool', () => {
    const chart = testChart('llm');
    const amd = new AmdGpuNodePool(chart, 'Mi300', { poolName: 'mi300x', gpuModel: GpuModel.MI300X_192GB, gpusPerNode: 8 });
    expect(() => new VllmServer(chart, 'A', { model: LlmModel.LLAMA_3_1_8B, pool: amd, image: 'vllm/vllm-openai:v0.21.0', deviceGroupIds: [44] }))
      .toThrow(/image vllm\/vllm-openai:v0.21.0 is a CUDA build, but GPU pool mi300x has AMD Instinct MI300X; use a ROCm build of vLLM/);
    expect(() => new VllmServer(chart, 'N', { model: LlmModel.LLAMA_3_1_8B, pool: h100Pool(chart), image: 'rocm/vllm:latest' }))
      .toThrow(/image rocm\/vllm:latest is a ROCm build for AMD GPUs, but GPU pool h100 has NVIDIA H100 SXM5 80GB; use a CUDA build/);
  });
});

describe('VllmServer refusals name the other pools that would hold the model', () => {
  test('DeepSeek-R1 on one H100 node is refused, naming the H200 pool of the app with its layout and KV budget', () => {
    const chart = testChart('llm');
    const h100 = h100Pool(chart);
    const h200 = new GpuNodePool(chart, 'H200', { poolName: 'h200', gpuModel: GpuModel.H200_SXM_141GB, gpusPerNode: 8 });
    new GpuNodePool(chart, 'L40S', { poolName: 'l40s', gpuModel: GpuModel.L40S_48GB, gpusPerNode: 4 });
    const fits = ServingPlanner.plan({ model: LlmModel.DEEPSEEK_R1, gpu: h200.gpuModel, gpusPerNode: 8, maxModelLen: 32768 });
    let message = '';
    try {
      new VllmServer(chart, 'R1', { model: LlmModel.DEEPSEEK_R1, pool: h100, maxModelLen: 32768 });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^test\/R1: deepseek-r1 \(fp8 weights, bfloat16 KV cache, max-model-len 32768\) does not fit 1 node of 8× NVIDIA H100 SXM5 80GB: /);
    expect(message.endsWith('; or serve it on another pool: pool h200 (8× NVIDIA H200 SXM 141GB) holds it with TP=1 × DP=8, ' +
      `KV cache ${fits.kvCacheTokens} tokens (${fits.maxConcurrentSequences} × 32768)`)).toBe(true);
    // the L40S pool (4× 48 GB) cannot hold 671 GB of weights on one node, so it is not named
    expect(message).not.toContain('pool l40s');
  });
});
