import { objectsOf, parseYamlDocuments, synthExample } from '../util';

describe('examples/moe-serving', () => {
  const files = synthExample('moe-serving');
  const manifests = parseYamlDocuments(files['dist/moe-serving.k8s.yaml']);
  const cluster = parseYamlDocuments(files['dist/moe-serving-cluster.k8s.yaml']);
  const vllm = (spec: any) => spec.containers.find((c: any) => c.name === 'vllm');

  test('writes the servers and the cluster side as two Kubernetes files', () => {
    expect(Object.keys(files).sort()).toEqual(['dist/moe-serving-cluster.k8s.yaml', 'dist/moe-serving.k8s.yaml']);
  });

  test('DeepSeek-R1 with wide EP: one LWS group of two 8-GPU pods, 16 data-parallel ranks, experts over all 16 GPUs, on the RDMA rails', () => {
    const [lws] = objectsOf(manifests, 'LeaderWorkerSet');
    expect(lws.metadata.name).toBe('vllm-deepseek-r1');
    expect(lws.spec.leaderWorkerTemplate.size).toBe(2);
    const leader = vllm(lws.spec.leaderWorkerTemplate.leaderTemplate.spec);
    expect(leader.args).toEqual(expect.arrayContaining(['--tensor-parallel-size=1', '--data-parallel-size=16', '--enable-expert-parallel', '--data-parallel-size-local=8']));
    expect(leader.resources.limits['nvidia.com/gpu']).toBe(8);
    const rails = objectsOf(cluster, 'NetworkAttachmentDefinition').map((n) => `${n.metadata.namespace}/${n.metadata.name}`);
    expect(lws.spec.leaderWorkerTemplate.workerTemplate.metadata.annotations['k8s.v1.cni.cncf.io/networks']).toBe(rails.join(','));
  });

  test('the LoRA-adapted 8B joins the InferencePool and serves both adapters by name', () => {
    const deployment = objectsOf(manifests, 'Deployment').find((d) => d.metadata.name === 'vllm-llama-3-1-8b');
    const args = vllm(deployment.spec.template.spec).args;
    expect(args.slice(args.indexOf('--enable-lora'))).toEqual([
      '--enable-lora', '--max-loras=2', '--max-lora-rank=64', '--lora-modules',
      'support-bot=acme/llama-3.1-8b-support-lora', 'sql-writer=acme/llama-3.1-8b-sql-lora',
    ]);
    expect(deployment.spec.template.metadata.labels['llm-d.ai/role']).toBe('prefill-decode');
    expect(objectsOf(manifests, 'InferencePool').map((p) => p.metadata.name)).toEqual(['llama-8b-lora']);
  });

  test('70B on one MI300X with the ROCm build, and the AMD GPU Operator with a profile per AMD pool', () => {
    const deployment = objectsOf(manifests, 'Deployment').find((d) => d.metadata.name === 'vllm-llama-3-1-70b');
    const container = vllm(deployment.spec.template.spec);
    expect(container.image).toMatch(/^rocm\/vllm:/);
    expect(container.resources.limits['amd.com/gpu']).toBe(1);
    const [deviceConfig] = objectsOf(cluster, 'DeviceConfig');
    expect(deviceConfig.spec.configManager).toMatchObject({ enable: true, config: { name: 'amd-gpu-partition-profiles' } });
    const profiles = JSON.parse(objectsOf(cluster, 'ConfigMap').find((c) => c.metadata.name === 'amd-gpu-partition-profiles').data['config.json']);
    expect(Object.keys(profiles['gpu-config-profiles'])).toEqual(['cpx-nps4-8gpu', 'spx-nps1-8gpu']);
  });

  test('Kubernetes YAML snapshots', () => {
    expect(manifests).toMatchSnapshot();
    expect(cluster).toMatchSnapshot();
  });

  test('two syntheses are byte-identical, without absolute paths or timestamps', () => {
    expect(synthExample('moe-serving')).toEqual(files);
    for (const content of Object.values(files)) {
      expect(content).not.toMatch(/\/(work|tmp|root|Users)\//);
      expect(content).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    }
  });
});
