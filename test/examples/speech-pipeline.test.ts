import { outputChecks } from './output-checks';
import { parseYamlDocuments, synthExample } from '../util';

describe('examples/speech-pipeline', () => {
  const files = synthExample('speech-pipeline');
  const tf = (stack: string) => JSON.parse(files[`cdktf.out/stacks/${stack}/cdk.tf.json`]);
  const resources = (stack: string, type: string): any[] => Object.values(tf(stack).resource[type] ?? {});
  const cluster = parseYamlDocuments(files['dist/speech-voice-cluster.k8s.yaml']);
  const serving = parseYamlDocuments(files['dist/speech-voice-serving.k8s.yaml']);
  const jobs = parseYamlDocuments(files['dist/speech-voice-jobs.k8s.yaml']);
  const gateway = parseYamlDocuments(files['dist/speech-voice-gateway.k8s.yaml']);

  test('the site, the tenant, its workloads stack, and the cluster side with the jobs apart', () => {
    expect(Object.keys(files).sort()).toEqual([
      'cdktf.out/stacks/speech-site/cdk.tf.json',
      'cdktf.out/stacks/speech-voice-workloads/cdk.tf.json',
      'cdktf.out/stacks/speech-voice/cdk.tf.json',
      'dist/speech-voice-cluster.k8s.yaml',
      'dist/speech-voice-gateway.k8s.yaml',
      'dist/speech-voice-jobs.k8s.yaml',
      'dist/speech-voice-serving.k8s.yaml',
    ]);
    // a Job is a run: Terraform does not apply it
    const kinds = resources('speech-voice-workloads', 'kubernetes_manifest').map((m) => m.manifest.kind);
    expect(kinds).not.toContain('Job');
    expect(kinds).toEqual(expect.arrayContaining(['ClusterQueue', 'InferencePool', 'PersistentVolumeClaim', 'PersistentVolume']));
  });

  test('Whisper runs as an Indexed Kueue job on MIG slices the queue has quota for', () => {
    const [job] = jobs;
    expect(job).toMatchObject({ kind: 'Job', metadata: { name: 'transcribe-calls', namespace: 'voice', labels: { 'kueue.x-k8s.io/queue-name': 'voice' } } });
    expect(job.spec).toMatchObject({ suspend: true, completionMode: 'Indexed', completions: 28, parallelism: 28 });
    const pod = job.spec.template.spec;
    expect(pod.containers[0].resources.limits).toMatchObject({ 'nvidia.com/mig-1g.18gb': 1 });
    expect(pod.containers[0].command[2]).toContain('whisper --model large-v3 --device cuda');
    expect(pod.nodeSelector).toEqual({ 'ai-factory.dev/gpu-pool': 'slices' });
    // the slices: 8 GPUs x 7 1g.18gb, cut by the MIG manager on the node group's nodes
    const layout: string = cluster.find((d) => d.kind === 'ConfigMap' && d.metadata.name === 'ai-factory-mig-parted-config').data['config.yaml'];
    expect(layout).toMatch(/h200-1g:\n\s+- devices: all\n\s+mig-enabled: true\n\s+mig-devices:\n\s+"1g\.18gb": 7/);
    const queue = cluster.find((d) => d.kind === 'ClusterQueue' && d.metadata.name === 'voice');
    const nominal = Object.fromEntries(queue.spec.resourceGroups.flatMap((g: any) => g.flavors)
      .flatMap((f: any) => f.resources.map((r: any) => [`${f.name}/${r.name}`, r.nominalQuota])));
    expect(nominal).toMatchObject({ 'slices-mig-1g.18gb/nvidia.com/mig-1g.18gb': 56, 'llm-gpu/nvidia.com/gpu': 4 });
    expect(job.spec.parallelism).toBeLessThanOrEqual(nominal['slices-mig-1g.18gb/nvidia.com/mig-1g.18gb']);
  });

  test('recordings and transcripts on one CephFS share: the Terraform-side PV pre-bound to the claim the job mounts', () => {
    const [share] = resources('speech-voice', 'openstack_sharedfilesystem_share_v2');
    expect(share).toMatchObject({ name: 'voice-calls', share_proto: 'CEPHFS', size: 4000, lifecycle: { prevent_destroy: true } });
    expect(resources('speech-voice', 'openstack_sharedfilesystem_share_access_v2')).toEqual([expect.objectContaining({ access_type: 'cephx', access_level: 'rw' })]);
    const claim = serving.find((d) => d.kind === 'PersistentVolumeClaim');
    expect(claim).toMatchObject({ metadata: { name: 'calls', namespace: 'voice' }, spec: { accessModes: ['ReadWriteMany'], storageClassName: '' } });
    const pv = resources('speech-voice-workloads', 'kubernetes_manifest').find((m) => m.manifest.kind === 'PersistentVolume').manifest;
    expect(pv.spec.claimRef).toEqual({ name: 'calls', namespace: 'voice' });
    expect(pv.metadata.name).toBe(claim.spec.volumeName);
    expect(pv.spec.csi.volumeAttributes.shareID).toMatch(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-speech-voice\.outputs\./);
    const volumes = jobs[0].spec.template.spec.volumes.filter((v: any) => v.persistentVolumeClaim);
    expect(volumes.map((v: any) => v.persistentVolumeClaim)).toEqual([{ claimName: 'calls', readOnly: true }, { claimName: 'calls', readOnly: false }]);
  });

  test('the summarizer: Llama 3.1 70B on the whole-GPU node group behind an llm-d InferencePool', () => {
    const pool = serving.find((d) => d.kind === 'InferencePool');
    const vllm = serving.find((d) => d.kind === 'Deployment' && d.metadata.name === 'vllm-llama-3-1-70b');
    expect(vllm.spec.replicas).toBe(2);
    expect(vllm.spec.template.spec.nodeSelector).toEqual({ 'ai-factory.dev/gpu-pool': 'llm' });
    expect(vllm.spec.template.spec.containers[0].args).toEqual(expect.arrayContaining(['--tensor-parallel-size=2', '--max-model-len=32768', '--served-model-name=summarizer']));
    expect(vllm.spec.template.metadata.labels).toMatchObject(pool.spec.selector.matchLabels);
    expect(serving.find((d) => d.kind === 'Deployment' && d.metadata.name === pool.spec.endpointPickerRef.name)).toBeDefined();
    // 2 replicas x TP=2 fill the node group's 4 GPUs
    const [llm] = resources('speech-voice', 'openstack_containerinfra_nodegroup_v1').filter((g) => g.name === 'llm');
    expect(llm).toMatchObject({ node_count: 1 });
  });

  test('clients reach the summarizer by its served name through the AI gateway, on their own hostname', () => {
    const route = gateway.find((d) => d.kind === 'AIGatewayRoute');
    expect(route.metadata.namespace).toBe('voice');
    expect(route.spec.hostnames).toEqual(['voice.ai.example.net']);
    const [rule] = route.spec.rules;
    const pool = serving.find((d) => d.kind === 'InferencePool');
    expect(rule.backendRefs).toEqual([{ group: 'inference.networking.k8s.io', kind: 'InferencePool', name: pool.metadata.name }]);
    // Envoy AI Gateway routes on the body's model (x-ai-eg-model): the name vLLM serves under
    expect(rule.matches).toEqual([{ headers: [{ name: 'x-ai-eg-model', type: 'Exact', value: 'summarizer' }] }]);
    // the gateway's namespace is created with it, before its objects (the workloads stack orders them)
    expect(gateway.filter((d) => d.kind === 'Namespace').map((n) => n.metadata.name)).toEqual(['ai-gateway']);
    const manifests = tf('speech-voice-workloads').resource.kubernetes_manifest;
    const gw = Object.values(manifests).find((m: any) => m.manifest.kind === 'Gateway') as any;
    expect(gw.depends_on).toEqual([expect.stringMatching(/^kubernetes_manifest\.Manifests_core-Namespace-cluster-ai-gateway_/)]);
  });

  outputChecks('speech-pipeline', files);
});
