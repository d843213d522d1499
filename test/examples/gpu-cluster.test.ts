import { parseYamlDocuments, synthExample } from '../util';

describe('examples/gpu-cluster', () => {
  const files = synthExample('gpu-cluster');
  const docs = parseYamlDocuments(files['dist/gpu-cluster.k8s.yaml']);
  const kinds = (kind: string) => docs.filter((d) => d.kind === kind);

  test('writes the cluster side only (the Magnum stack comes later)', () => {
    expect(Object.keys(files).sort()).toEqual(['dist/gpu-cluster.k8s.yaml']);
  });

  test('H100 mixed MIG layout and H200 whole GPUs with 8 IB rails, two tenants, one batch job', () => {
    const migConfig = kinds('ConfigMap').find((c) => c.metadata.name === 'ai-factory-mig-parted-config');
    expect(migConfig.data['config.yaml']).toContain('h100-mixed:');
    expect(kinds('ClusterPolicy')[0].spec.mig).toEqual({ strategy: 'mixed' });
    expect(kinds('NetworkAttachmentDefinition')).toHaveLength(8);
    expect(kinds('ClusterQueue').map((q) => q.metadata.name)).toEqual(['team-a', 'team-b']);
    expect(kinds('LocalQueue').map((q) => `${q.metadata.namespace}/${q.metadata.name}`)).toEqual(['team-a/team-a', 'team-b/team-b']);
    expect(kinds('Job').map((j) => j.metadata.labels['kueue.x-k8s.io/queue-name'])).toEqual(['team-a']);
  });

  test('Kubernetes YAML snapshot', () => {
    expect(docs).toMatchSnapshot();
  });

  test('no absolute paths or timestamps in the output', () => {
    for (const content of Object.values(files)) {
      // (the transcription job's own scratch files live in the container's /tmp)
      expect(content).not.toMatch(/\/(work|home|Users)\/|example-gpu-cluster-/);
      expect(content).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    }
  });

  test('two syntheses are byte-identical', () => {
    expect(synthExample('gpu-cluster')).toEqual(files);
  });
});
