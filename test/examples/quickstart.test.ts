import { parseYamlDocuments, synthExample } from '../util';

describe('examples/quickstart', () => {
  const files = synthExample('quickstart');
  const site = JSON.parse(files['cdktf.out/stacks/quickstart-site/cdk.tf.json']);
  const tenant = JSON.parse(files['cdktf.out/stacks/quickstart-llm/cdk.tf.json']);
  const cluster = parseYamlDocuments(files['dist/quickstart-llm-cluster.k8s.yaml']);
  const serving = parseYamlDocuments(files['dist/quickstart-llm-serving.k8s.yaml']);

  test('writes the site, tenant and workloads stacks and the cluster side', () => {
    expect(Object.keys(files).sort()).toEqual([
      'cdktf.out/stacks/quickstart-llm-workloads/cdk.tf.json',
      'cdktf.out/stacks/quickstart-llm/cdk.tf.json',
      'cdktf.out/stacks/quickstart-site/cdk.tf.json',
      'dist/quickstart-llm-cluster.k8s.yaml',
      'dist/quickstart-llm-serving.k8s.yaml',
    ]);
  });

  test('connected end to end: the labels the server selects are put on the nodes of a node group that exists', () => {
    const [deployment] = serving.filter((d) => d.kind === 'Deployment');
    const selector = deployment.spec.template.spec.nodeSelector;
    expect(selector).toEqual({ 'ai-factory.dev/gpu-pool': 'h200x4' });
    // the node group the tenant stack creates, on the site's 4-GPU flavor (a remote-state reference)
    const [group] = Object.values(tenant.resource.openstack_containerinfra_nodegroup_v1) as any[];
    expect(group).toMatchObject({ name: 'h200x4', node_count: 1 });
    expect(group.flavor_id).toMatch(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-quickstart-site\.outputs\.cross-stack-output-openstack_compute_flavor_v2Flavors_h200--passthrough--4_/);
    // the labeler gives that node group's nodes exactly the labels the server selects
    const script: string = cluster.find((d) => d.kind === 'ConfigMap' && d.metadata.name === 'ai-factory-node-labeler').data['label-nodes.sh'];
    const line = script.split('\n').find((l) => l.startsWith(`  configure '${group.name}' `))!;
    const labels = Object.fromEntries(line.match(/'([^']*)'$/)![1].split(' ').map((kv) => kv.split('=')));
    expect(labels).toMatchObject(selector);
    // the server's GPU request fits the node group's flavor
    const [flavor] = Object.values(site.resource.openstack_compute_flavor_v2) as any[];
    expect(flavor.extra_specs['pci_passthrough:alias']).toBe('h200-sxm-141gb:4');
    expect(deployment.spec.template.spec.containers[0].resources.limits['nvidia.com/gpu']).toBeLessThanOrEqual(4);
  });

  test('Terraform JSON snapshots', () => {
    for (const [file, content] of Object.entries(files).filter(([f]) => f.endsWith('.json'))) expect(JSON.parse(content)).toMatchSnapshot(file);
  });

  test('Kubernetes YAML snapshots', () => {
    for (const [file, content] of Object.entries(files).filter(([f]) => f.endsWith('.yaml'))) expect(parseYamlDocuments(content)).toMatchSnapshot(file);
  });

  test('no absolute paths or timestamps in the output', () => {
    for (const content of Object.values(files)) {
      expect(content).not.toMatch(/\/(work|home|tmp|Users)\//);
      expect(content).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    }
  });

  test('two syntheses are byte-identical', () => {
    expect(synthExample('quickstart')).toEqual(files);
  });
});
