import { outputChecks } from './output-checks';
import { parseYamlDocuments, synthExample } from '../util';

describe('examples/gpu-as-a-service', () => {
  const files = synthExample('gpu-as-a-service');
  const tf = (stack: string) => JSON.parse(files[`cdktf.out/stacks/${stack}/cdk.tf.json`]);
  const resources = (stack: string, type: string): any[] => Object.values(tf(stack).resource[type] ?? {});
  const limits = (stack: string) => Object.fromEntries(resources(stack, 'openstack_identity_limit_v3').map((l) => [l.resource_name, l.resource_limit]));
  const cluster = parseYamlDocuments(files['dist/gpuaas-acme-cluster.k8s.yaml']);
  const serving = parseYamlDocuments(files['dist/gpuaas-acme-serving.k8s.yaml']);

  test('a site stack, a stack per tenant, the workloads stack and the cluster side of the one cluster', () => {
    expect(Object.keys(files).sort()).toEqual([
      'cdktf.out/stacks/gpuaas-acme-workloads/cdk.tf.json',
      'cdktf.out/stacks/gpuaas-acme/cdk.tf.json',
      'cdktf.out/stacks/gpuaas-research/cdk.tf.json',
      'cdktf.out/stacks/gpuaas-site/cdk.tf.json',
      'cdktf.out/stacks/gpuaas-studio/cdk.tf.json',
      'dist/gpuaas-acme-cluster.k8s.yaml',
      'dist/gpuaas-acme-serving.k8s.yaml',
    ]);
  });

  test('the site offers exactly the flavors bought: passthrough, time-sliced vGPU and MIG-backed vGPU', () => {
    const flavors = Object.fromEntries(resources('gpuaas-site', 'openstack_compute_flavor_v2').map((f) => [f.name, f.extra_specs]));
    expect(Object.keys(flavors).sort()).toEqual(['h200.gpu.4x', 'h200.gpu.8x', 'h200.mig.3g.71gb.1x', 'l40s.vgpu.l40s-12q.1x']);
    expect(flavors['h200.gpu.8x']).toMatchObject({ 'pci_passthrough:alias': 'h200-sxm-141gb:8', 'hw:numa_nodes': '2', 'hw:pci_numa_affinity_policy': 'required' });
    expect(flavors['h200.gpu.4x']).toMatchObject({ 'pci_passthrough:alias': 'h200-sxm-141gb:4', 'hw:numa_nodes': '1' });
    expect(flavors['l40s.vgpu.l40s-12q.1x']).toMatchObject({ 'resources:VGPU': '1', 'trait:CUSTOM_L40S_12Q': 'required' });
    expect(flavors['h200.mig.3g.71gb.1x']).toMatchObject({ 'resources:VGPU': '1', 'trait:CUSTOM_MIG_3G_71GB': 'required' });
    // private flavors, granted by each buyer's own stack
    expect(resources('gpuaas-site', 'openstack_compute_flavor_access_v2')).toEqual([]);
    expect(resources('gpuaas-research', 'openstack_compute_flavor_access_v2')).toHaveLength(2);
  });

  test('per-tenant quotas: GPU limits are the purchases, servers what the stacks create', () => {
    expect(limits('gpuaas-acme')).toMatchObject({ 'class:CUSTOM_PCI_10DE_2335': 16, 'servers': Math.ceil((2 + 3 + 2) * 1.1) });
    expect(limits('gpuaas-studio')).toMatchObject({ 'class:VGPU': 8, 'servers': Math.ceil(8 * 1.1) });
    expect(limits('gpuaas-research')).toMatchObject({ 'class:CUSTOM_PCI_10DE_2335': 8, 'class:VGPU': 6, 'servers': 8 });
    // GPUs a project has no limit on are registered at 0 for everyone
    expect(resources('gpuaas-site', 'openstack_identity_registered_limit_v3').map((r) => [r.resource_name, r.default_limit]).sort()).toEqual([
      ['class:CUSTOM_PCI_10DE_2335', 0],
      ['class:VGPU', 0],
    ]);
  });

  test('the Magnum cluster\'s GPU node group is the passthrough purchase, and the MIG manager cuts its GPUs for containers', () => {
    const [group] = resources('gpuaas-acme', 'openstack_containerinfra_nodegroup_v1');
    expect(group).toMatchObject({ name: 'h200', node_count: 2 });
    expect(cluster.find((d) => d.kind === 'ClusterPolicy').spec.mig).toEqual({ strategy: 'mixed' });
    const layouts: string = cluster.find((d) => d.kind === 'ConfigMap' && d.metadata.name === 'ai-factory-mig-parted-config').data['config.yaml'];
    expect(layouts).toContain('h200-mixed:');
    const script: string = cluster.find((d) => d.kind === 'ConfigMap' && d.metadata.name === 'ai-factory-node-labeler').data['label-nodes.sh'];
    expect(script).toMatch(/configure 'h200' '\w+' '[^']*' 'ai-factory.dev\/gpu-pool=h200 nvidia.com\/mig.config=h200-mixed'/);
    // namespace quota and Kueue nominal quota: 16 GPUs x (1 3g.71gb + 2 2g.35gb)
    const quota = cluster.find((d) => d.kind === 'ResourceQuota' && d.metadata.namespace === 'acme');
    expect(quota.spec.hard).toMatchObject({ 'requests.nvidia.com/mig-3g.71gb': '16', 'requests.nvidia.com/mig-2g.35gb': '32' });
    const queue = cluster.find((d) => d.kind === 'ClusterQueue');
    const nominal = queue.spec.resourceGroups.flatMap((g: any) => g.flavors)
      .flatMap((f: any) => f.resources.map((r: any) => [r.name, r.nominalQuota]));
    expect(nominal).toEqual(expect.arrayContaining([['nvidia.com/mig-3g.71gb', 16], ['nvidia.com/mig-2g.35gb', 32]]));
    const deployment = serving.find((d) => d.kind === 'Deployment');
    expect(deployment.spec.template.spec.containers[0].resources.limits).toMatchObject({ 'nvidia.com/mig-3g.71gb': 1 });
  });

  outputChecks('gpu-as-a-service', files);
});
