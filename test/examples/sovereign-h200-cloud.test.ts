import { outputChecks } from './output-checks';
import { parseYamlDocuments, synthExample } from '../util';

describe('examples/sovereign-h200-cloud', () => {
  const files = synthExample('sovereign-h200-cloud');
  const tf = (stack: string) => JSON.parse(files[`cdktf.out/stacks/${stack}/cdk.tf.json`]);
  const resources = (stack: string, type: string): any[] => Object.values(tf(stack).resource[type] ?? {});
  const yaml = (file: string) => parseYamlDocuments(files[`dist/${file}.k8s.yaml`]);
  const remote = (output: string) => new RegExp(`^\\$\\{data\\.terraform_remote_state\\.cross-stack-reference-input-sovereign-site\\.outputs\\.cross-stack-output-${output}`);

  test('a site stack, a stack per agency, their workloads stacks and cluster sides', () => {
    expect(Object.keys(files).sort()).toEqual([
      'cdktf.out/stacks/sovereign-health-workloads/cdk.tf.json',
      'cdktf.out/stacks/sovereign-health/cdk.tf.json',
      'cdktf.out/stacks/sovereign-research-workloads/cdk.tf.json',
      'cdktf.out/stacks/sovereign-research/cdk.tf.json',
      'cdktf.out/stacks/sovereign-site/cdk.tf.json',
      'dist/sovereign-health-cluster.k8s.yaml',
      'dist/sovereign-health-serving.k8s.yaml',
      'dist/sovereign-research-cluster.k8s.yaml',
      'dist/sovereign-research-serving.k8s.yaml',
    ]);
  });

  test('every stack keeps its state in the site\'s Ceph RGW and reads the site\'s outputs from there', () => {
    for (const stack of ['sovereign-site', 'sovereign-health', 'sovereign-research', 'sovereign-health-workloads', 'sovereign-research-workloads']) {
      expect(tf(stack).terraform.backend.s3).toMatchObject({ bucket: 'sovereign-tfstate', key: `${stack}/terraform.tfstate`, use_lockfile: true });
    }
    expect(Object.values(tf('sovereign-health').data.terraform_remote_state)).toEqual([
      expect.objectContaining({ backend: 's3', config: expect.objectContaining({ key: 'sovereign-site/terraform.tfstate', endpoints: { s3: 'https://s3.sovereign.example' } }) }),
    ]);
  });

  test('bare metal for tenants: Redfish virtual media, Neutron-bound ports, a flavor that requires the NDR trait', () => {
    const nodes = resources('sovereign-site', 'ironic_node');
    expect(nodes.map((n) => n.name).sort()).toEqual(['hgx-r02-u11', 'hgx-r02-u21', 'hgx-r02-u31', 'hgx-r02-u41']);
    for (const n of nodes) {
      expect(n).toMatchObject({ driver: 'redfish', boot_interface: 'redfish-virtual-media', network_interface: 'neutron', properties: { capabilities: 'boot_mode:uefi' } });
      expect(n.driver_info).toMatchObject({ deploy_kernel: expect.stringMatching(/ipa\.kernel$/), redfish_password: expect.stringMatching(/^\$\{var\./) });
    }
    expect(resources('sovereign-site', 'ironic_port').map((p) => p.local_link_connection.port_id).sort()).toEqual(['Ethernet1/11', 'Ethernet1/21', 'Ethernet1/31', 'Ethernet1/41']);
    const flavors = Object.fromEntries(resources('sovereign-site', 'openstack_compute_flavor_v2').map((f) => [f.name, f.extra_specs]));
    expect(flavors['bm.hgx']).toMatchObject({ 'resources:CUSTOM_BAREMETAL_HGX_H200_8GPU': '1', 'resources:VCPU': '0', 'trait:CUSTOM_IB_NDR': 'required' });
    expect(flavors['h200.gpu.4x']).toMatchObject({ 'pci_passthrough:alias': 'h200-sxm-141gb:4' });
    // each agency's limit is the servers it bought
    const limit = (stack: string) => resources(stack, 'openstack_identity_limit_v3').find((l) => l.resource_name === 'class:CUSTOM_BAREMETAL_HGX_H200_8GPU').resource_limit;
    expect([limit('sovereign-health'), limit('sovereign-research')]).toEqual([2, 2]);
  });

  test('an 8-rail InfiniBand partition per agency: one pkey on every rail, never shared', () => {
    const partition = (stack: string) => resources(stack, 'openstack_networking_network_v2')
      .flatMap((n) => n.segments ?? []).filter((s: any) => s.physical_network.startsWith('ibrail'));
    const health = partition('sovereign-health');
    const research = partition('sovereign-research');
    expect(health.map((s: any) => s.physical_network).sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((i) => `ibrail${i}`));
    expect(research).toHaveLength(8);
    const pkeys = (segments: any[]) => [...new Set(segments.map((s) => s.segmentation_id))];
    expect(pkeys(health)).toHaveLength(1);
    expect(pkeys(research)).toHaveLength(1);
    expect(pkeys(health)[0]).not.toBe(pkeys(research)[0]);
    for (const pkey of [...pkeys(health), ...pkeys(research)]) expect(pkey >= 0x100 && pkey <= 0x1ff).toBe(true);
    // the bare-metal pool's node group joins it: one RDMA network per rail on the cluster side
    expect(yaml('sovereign-health-cluster').filter((d) => d.kind === 'NetworkAttachmentDefinition')).toHaveLength(8);
    // the cluster network is a VLAN on the bare-metal physnet, so Ironic can bind the servers' ports to it
    const [net] = resources('sovereign-health', 'openstack_networking_network_v2').filter((n) => n.name === 'health');
    expect(net.segments).toEqual([expect.objectContaining({ network_type: 'vlan', physical_network: 'baremetal' })]);
  });

  test('Manila file storage and S3 in each agency\'s project', () => {
    const [share] = resources('sovereign-health', 'openstack_sharedfilesystem_share_v2');
    expect(share).toMatchObject({ name: 'health-datasets', share_proto: 'CEPHFS', size: 20000, lifecycle: { prevent_destroy: true } });
    expect(resources('sovereign-health', 'openstack_sharedfilesystem_share_access_v2')).toEqual([
      expect.objectContaining({ access_type: 'cephx', access_to: 'health-k8s', access_level: 'rw' }),
    ]);
    expect(resources('sovereign-research', 'openstack_objectstorage_container_v1').map((b) => b.name)).toEqual(['research-checkpoints']);
  });

  test('a Magnum cluster spanning VMs and bare-metal GPU nodes, from the site\'s images and flavors', () => {
    const [cluster] = resources('sovereign-health', 'openstack_containerinfra_cluster_v1');
    expect(cluster).toMatchObject({ name: 'health', master_count: 3, node_count: 2 });
    const groups = Object.fromEntries(resources('sovereign-health', 'openstack_containerinfra_nodegroup_v1').map((g) => [g.name, g]));
    expect(groups.hgx).toMatchObject({ node_count: 2, role: 'gpu' });
    expect(groups.hgx.flavor_id).toMatch(remote('openstack_compute_flavor_v2Flavors_hgx--bare-metal--8'));
    expect(groups.hgx.image_id).toMatch(remote('openstack_images_image_v2BareMetalNodeImage'));
    expect(groups.dev.flavor_id).toMatch(remote('openstack_compute_flavor_v2Flavors_h200--passthrough--4'));
    expect(groups.dev.image_id).toMatch(remote('openstack_images_image_v2NodeImage'));
  });

  test('llm-d serving: an InferencePool with its endpoint picker in front of vLLM on the bare-metal node group', () => {
    for (const [tenant, pool] of [['health', 'llama-3-1-70b'], ['research', 'gpt-oss-120b']]) {
      const serving = yaml(`sovereign-${tenant}-serving`);
      const inferencePool = serving.find((d) => d.kind === 'InferencePool');
      expect(inferencePool.metadata).toEqual({ name: pool, namespace: tenant });
      const epp = serving.find((d) => d.kind === 'Deployment' && d.metadata.name === `${pool}-epp`);
      expect(epp.spec.template.spec.containers[0].image).toMatch(/^ghcr\.io\/llm-d\//);
      expect(inferencePool.spec.endpointPickerRef).toMatchObject({ kind: 'Service', name: `${pool}-epp` });
      const vllm = serving.find((d) => d.kind === 'Deployment' && d.metadata.name === `vllm-${pool}`);
      expect(vllm.spec.template.metadata.labels).toMatchObject(inferencePool.spec.selector.matchLabels);
      expect(vllm.spec.template.spec.nodeSelector).toEqual({ 'ai-factory.dev/gpu-pool': 'hgx' });
    }
  });

  outputChecks('sovereign-h200-cloud', files);
});
