import { parseYamlDocuments, synthExample } from '../util';

describe('examples/gpu-cluster', () => {
  const files = synthExample('gpu-cluster');
  const docs = parseYamlDocuments(files['dist/gpu-cluster.k8s.yaml']);
  const kinds = (kind: string) => docs.filter((d) => d.kind === kind);
  const site = JSON.parse(files['cdktf.out/stacks/gpu-cluster/cdk.tf.json']);
  const workloads = JSON.parse(files['cdktf.out/stacks/gpu-cluster-workloads/cdk.tf.json']);
  const nodeGroups = Object.values(site.resource.openstack_containerinfra_nodegroup_v1) as any[];
  const group = (name: string) => nodeGroups.find((g) => g.name === name);
  const labelerScript: string = kinds('ConfigMap').find((c) => c.metadata.name === 'ai-factory-node-labeler').data['label-nodes.sh'];
  /** node group → labels and taints the labeler gives its nodes, read back from the script */
  const applied = (nodeGroup: string) => {
    const line = labelerScript.split('\n').find((l) => l.startsWith(`  configure '${nodeGroup}' `))!;
    const [, , , taints, labels] = line.match(/^ {2}configure '([^']*)' '([^']*)' '([^']*)' '([^']*)'$/)!;
    return {
      labels: Object.fromEntries(labels.split(' ').map((kv) => kv.split('='))),
      taints: taints.split(' ').filter((t) => t),
    };
  };

  test('writes the Magnum stack, the workloads stack and the cluster side', () => {
    expect(Object.keys(files).sort()).toEqual([
      'cdktf.out/stacks/gpu-cluster-workloads/cdk.tf.json',
      'cdktf.out/stacks/gpu-cluster/cdk.tf.json',
      'dist/gpu-cluster.k8s.yaml',
    ]);
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

  test("the tenant's cluster on a public magnum-cluster-api template, created with the tenant's credentials", () => {
    const [template] = Object.values(site.resource.openstack_containerinfra_clustertemplate_v1) as any[];
    expect(template).toMatchObject({ coe: 'kubernetes', server_type: 'vm', network_driver: 'calico', master_lb_enabled: true, public: true });
    expect(template.labels).toMatchObject({ kube_tag: 'v1.33.12', master_lb_floating_ip_enabled: 'true' });
    expect(template.provider).toBeUndefined();
    const [cluster] = Object.values(site.resource.openstack_containerinfra_cluster_v1) as any[];
    expect(cluster).toMatchObject({ name: 'ai-platform', master_count: 3, node_count: 2, provider: 'openstack.tenant_ai_platform' });
    expect(cluster.labels.auto_scaling_enabled).toBe('true');
    expect(site.provider.openstack).toEqual([{ cloud: 'openstack' }, { alias: 'tenant_ai_platform', cloud: 'ai-platform' }]);
    const images = Object.values(site.resource.openstack_images_image_v2) as any[];
    expect(images.map((i) => i.properties)).toEqual([{ img_hv_type: 'baremetal', os_distro: 'ubuntu' }, { os_distro: 'ubuntu' }]);
  });

  test('node groups from the pools: H100 VMs that autoscale 2 to 4, H200 bare metal (4 servers), created one after the other', () => {
    expect(group('h100')).toMatchObject({ node_count: 2, min_node_count: 2, max_node_count: 4, role: 'gpu', provider: 'openstack.tenant_ai_platform' });
    expect(group('h100').flavor_id).toMatch(/openstack_compute_flavor_v2\.H100x8_/);
    expect(group('h100').image_id).toMatch(/openstack_images_image_v2\.NodeImage_/);
    expect(group('h200')).toMatchObject({ node_count: 4, min_node_count: 4, max_node_count: 4, labels: { boot_volume_size: '0' } });
    expect(group('h200').flavor_id).toMatch(/openstack_compute_flavor_v2\.H200BareMetal_/);
    expect(group('h200').image_id).toMatch(/openstack_images_image_v2\.BareMetalNodeImage_/);
    expect(group('h200').depends_on).toEqual([expect.stringMatching(/^openstack_containerinfra_nodegroup_v1\.Cluster_H100Nodes_/)]);
    // the bare-metal flavor fits only the Ironic servers
    const bm = Object.values(site.resource.openstack_compute_flavor_v2).find((f: any) => f.name === 'bm.hgx-h200-8gpu') as any;
    expect(bm.extra_specs).toMatchObject({ 'resources:CUSTOM_BAREMETAL_HGX_H200_8GPU': '1', 'resources:VCPU': '0', 'resources:MEMORY_MB': '0', 'resources:DISK_GB': '0' });
    // both private GPU flavors are granted to the tenant's project
    expect(Object.values(site.resource.openstack_compute_flavor_access_v2).map((a: any) => a.tenant_id)).toEqual([
      expect.stringMatching(/data\.openstack_identity_auth_scope_v3\.AiPlatform_Project_[0-9A-F]+\.project_id/),
      expect.stringMatching(/data\.openstack_identity_auth_scope_v3\.AiPlatform_Project_[0-9A-F]+\.project_id/),
    ]);
  });

  test('the nodes get exactly the labels and taints the Kubernetes side selects and tolerates (pool → node group)', () => {
    for (const pool of ['h100', 'h200']) {
      const { labels, taints } = applied(pool);
      const flavors = kinds('ResourceFlavor').filter((f) => f.metadata.name.startsWith(`${pool}-`));
      expect(flavors.length).toBeGreaterThan(0);
      for (const f of flavors) {
        expect(labels).toMatchObject(f.spec.nodeLabels);
        for (const t of f.spec.tolerations) expect(taints.some((taint) => taint.startsWith(`${t.key}=`) && taint.endsWith(`:${t.effect}`))).toBe(true);
      }
    }
    expect(applied('h100').labels).toEqual({ 'ai-factory.dev/gpu-pool': 'h100', 'nvidia.com/mig.config': 'h100-mixed' });
    expect(applied('h200').labels).toEqual({ 'ai-factory.dev/gpu-pool': 'h200', 'nvidia.com/mig.config': 'all-disabled' });
    expect(kinds('Job')[0].spec.template.spec.nodeSelector).toEqual({ 'ai-factory.dev/gpu-pool': 'h100' });
    expect(kinds('Deployment')[0].spec.template.spec.containers[0].image).toBe('registry.k8s.io/kubectl:v1.33.12');
  });

  test('the kubeconfig leaves the cluster stack only as sensitive outputs', () => {
    const names = ['ai_platform_kubeconfig', 'ai_platform_kube_host', 'ai_platform_kube_cluster_ca_certificate', 'ai_platform_kube_client_certificate', 'ai_platform_kube_client_key'];
    for (const name of names) expect(site.output[name]).toMatchObject({ sensitive: true, value: expect.stringMatching(/openstack_containerinfra_cluster_v1\.Cluster_[0-9A-F]+\.kubeconfig\[/) });
  });

  test('the workloads stack reaches the cluster through its kubeconfig and applies the same documents, self-contained', () => {
    const [lookupId, lookup] = Object.entries(workloads.data.openstack_containerinfra_cluster_v1)[0] as [string, any];
    expect(lookup).toMatchObject({ name: 'ai-platform', provider: 'openstack.cluster_ai_platform' });
    expect(workloads.provider.openstack).toContainEqual({ alias: 'cluster_ai_platform', cloud: 'ai-platform' });
    expect(workloads.provider.kubernetes).toEqual([{
      alias: 'cluster_ai_platform',
      host: `\${data.openstack_containerinfra_cluster_v1.${lookupId}.kubeconfig["host"]}`,
      cluster_ca_certificate: `\${data.openstack_containerinfra_cluster_v1.${lookupId}.kubeconfig["cluster_ca_certificate"]}`,
      client_certificate: `\${data.openstack_containerinfra_cluster_v1.${lookupId}.kubeconfig["client_certificate"]}`,
      client_key: `\${data.openstack_containerinfra_cluster_v1.${lookupId}.kubeconfig["client_key"]}`,
    }]);
    const manifests = Object.values(workloads.resource.kubernetes_manifest) as any[];
    // every document but the batch Job (a run, not a state: kubectl or GitOps submit it)
    const applicable = docs.filter((d) => d.kind !== 'Job');
    expect(applicable).toHaveLength(docs.length - 1);
    expect(manifests).toHaveLength(applicable.length);
    const text = JSON.stringify(manifests.map((m) => m.manifest));
    expect(text).not.toMatch(/(?<!\$)\$\{|(?<!%)%\{/); // no unresolved reference: every ${ is escaped
    const unescape = (v: any): any => JSON.parse(JSON.stringify(v).replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{'));
    const key = (d: any) => `${d.apiVersion} ${d.kind} ${d.metadata.namespace ?? ''}/${d.metadata.name}`;
    const rendered = new Map(manifests.map((m) => [key(m.manifest), unescape(m.manifest)]));
    for (const doc of applicable) expect(rendered.get(key(doc))).toEqual(doc);
    for (const m of manifests) {
      expect(m.provider).toBe('kubernetes.cluster_ai_platform');
      expect(m.field_manager).toEqual({ name: 'cdk-ai-factory', force_conflicts: true });
    }
  });

  test('Kubernetes YAML snapshot', () => {
    expect(docs).toMatchSnapshot();
  });

  test('Magnum resources snapshot', () => {
    const strip = (o: any) => Object.fromEntries(Object.entries(o).map(([k, v]: [string, any]) => [k, { ...v, '//': undefined }]));
    expect({
      template: strip(site.resource.openstack_containerinfra_clustertemplate_v1),
      cluster: strip(site.resource.openstack_containerinfra_cluster_v1),
      nodeGroups: strip(site.resource.openstack_containerinfra_nodegroup_v1),
      images: strip(site.resource.openstack_images_image_v2),
    }).toMatchSnapshot();
  });

  test('no absolute paths, timestamps or credentials in the output', () => {
    for (const content of Object.values(files)) {
      // (the transcription job's own scratch files live in the container's /tmp)
      expect(content).not.toMatch(/\/(work|home|Users)\/|example-gpu-cluster-/);
      expect(content).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
      expect(content).not.toMatch(/"(password|application_credential_secret|token)"\s*:/);
    }
  });

  test('two syntheses are byte-identical', () => {
    expect(synthExample('gpu-cluster')).toEqual(files);
  });
});
