import { objectsOf, parseYamlDocuments, synthExample } from '../util';

describe('examples/llm-serving', () => {
  const files = synthExample('llm-serving');
  const manifests = parseYamlDocuments(files['dist/llm-serving.k8s.yaml']);

  test('writes the servers and the cluster side (the InfiniBand fabric) as two Kubernetes files', () => {
    expect(Object.keys(files).sort()).toEqual(['dist/llm-serving-cluster.k8s.yaml', 'dist/llm-serving.k8s.yaml']);
  });

  test('the H100 servers reach all eight rails of the fabric their pool is on', () => {
    const cluster = parseYamlDocuments(files['dist/llm-serving-cluster.k8s.yaml']);
    const rails = objectsOf(cluster, 'NetworkAttachmentDefinition').map((n) => `${n.metadata.namespace}/${n.metadata.name}`);
    expect(rails).toHaveLength(8);
    const [lws] = objectsOf(manifests, 'LeaderWorkerSet');
    expect(lws.spec.leaderWorkerTemplate.workerTemplate.metadata.annotations['k8s.v1.cni.cncf.io/networks']).toBe(rails.join(','));
  });

  test('cluster Kubernetes YAML snapshot', () => {
    expect(parseYamlDocuments(files['dist/llm-serving-cluster.k8s.yaml'])).toMatchSnapshot();
  });

  test('8B on an L40S, 70B at TP=4, 405B as a two-node LeaderWorkerSet, a P/D pair', () => {
    const deployments = Object.fromEntries(objectsOf(manifests, 'Deployment').map((d) => [d.metadata.name, d]));
    expect(Object.keys(deployments).sort()).toEqual([
      'llama-70b-epp', 'llama-70b-pd-epp', 'vllm-llama-3-1-70b', 'vllm-llama-3-1-70b-decode', 'vllm-llama-3-1-70b-prefill', 'vllm-llama-3-1-8b',
    ]);
    const gpus = (name: string) => deployments[name].spec.template.spec.containers[0].resources.limits;
    expect(gpus('vllm-llama-3-1-8b')['nvidia.com/gpu']).toBe(1);
    expect(gpus('vllm-llama-3-1-70b')['nvidia.com/gpu']).toBe(4);
    const lws = objectsOf(manifests, 'LeaderWorkerSet');
    expect(lws.map((l) => [l.metadata.name, l.spec.leaderWorkerTemplate.size])).toEqual([['vllm-llama-3-1-405b', 2]]);
    expect(objectsOf(manifests, 'InferencePool').map((p) => p.metadata.name)).toEqual(['llama-70b', 'llama-70b-pd']);
    expect(objectsOf(manifests, 'ScaledObject').map((s) => s.spec.scaleTargetRef.kind)).toEqual(['Deployment', 'LeaderWorkerSet']);
  });

  test('Kubernetes YAML snapshot', () => {
    expect(manifests).toMatchSnapshot();
  });

  test('no absolute paths or timestamps in the output', () => {
    for (const content of Object.values(files)) {
      expect(content).not.toMatch(/\/(work|tmp|root|Users)\//);
      expect(content).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    }
  });

  test('two syntheses are byte-identical', () => {
    expect(synthExample('llm-serving')).toEqual(files);
  });
});
