import { Construct } from 'constructs';
import { cluster, h200MigPool, h200Pool, magnumSite, template, VERSION } from './magnum-fixtures';
import { ClusterImage } from '../../../constructs/cluster/cluster-image';
import { IProject } from '../../../constructs/common/project';
import { IGpuFlavor, GpuFlavor } from '../../../constructs/compute/gpu-flavor';
import { GpuModel } from '../../../lib/hardware/gpu';
import { GpuAttachment, GpuAttachmentKind } from '../../../lib/hardware/gpu-attachment';
import { ServerProfile } from '../../../lib/hardware/server';
import { resourcesOf, synthStack } from '../../util';

/** A flavor someone wrapped by hand: what the compute constructs would never emit. */
class HandMadeFlavor extends Construct implements IGpuFlavor {
  public readonly flavorId = 'flavor-id';
  public readonly server = ServerProfile.HGX_H200_8GPU;
  public readonly vcpus = 64;
  public readonly ramMb = 512 * 1024;
  public readonly diskGb = 100;
  public readonly attachmentKind = GpuAttachmentKind.BARE_METAL;
  public readonly gpuMemoryGb = 141;
  public readonly gpuResourceClass = 'CUSTOM_BAREMETAL_HGX';
  public readonly gpuModel = GpuModel.H200_SXM_141GB;
  public readonly isPublic = true;
  public readonly extraSpecs: { [key: string]: string } = { 'resources:VCPU': '0', 'resources:MEMORY_MB': '0', 'resources:DISK_GB': '0' };
  constructor(
    scope: Construct,
    id: string,
    public readonly flavorName: string,
    public readonly gpuCount: number,
    public readonly bareMetal: boolean,
    public readonly placementResources: { [rc: string]: number },
  ) {
    super(scope, id);
  }
  public grantAccess(_project: IProject): void {}
}

function nodeGroups(site: ReturnType<typeof magnumSite>): any[] {
  return Object.values(resourcesOf(synthStack(site.stack), 'openstack_containerinfra_nodegroup_v1'));
}

describe('MagnumNodeGroup', () => {
  test("a VM node group from its pool: counts, GPU flavor, template image, role, the tenant's provider and flavor access", () => {
    const site = magnumSite();
    const c = cluster(site, { autoScaling: true });
    const pool = h200MigPool(site, { nodeCount: 2, minNodeCount: 1, maxNodeCount: 3 });
    const group = c.addNodeGroup('H200Mig', { pool, flavor: site.h200Vm });
    const tf = synthStack(site.stack);
    const [r] = Object.values(resourcesOf(tf, 'openstack_containerinfra_nodegroup_v1')) as any[];
    expect(r).toMatchObject({
      name: 'h200-mig',
      node_count: 2,
      min_node_count: 1,
      max_node_count: 3,
      role: 'gpu',
      merge_labels: true,
      provider: 'openstack.tenant_team_a',
      timeouts: { create: '60m', update: '60m', delete: '60m' },
    });
    expect(r.labels).toBeUndefined();
    expect(r.depends_on).toBeUndefined();
    expect(r.cluster_id).toMatch(/^\$\{openstack_containerinfra_cluster_v1\.Cluster_[0-9A-F]+\.id\}$/);
    expect(r.flavor_id).toMatch(/^\$\{openstack_compute_flavor_v2\.H200x8_[0-9A-F]+\.id\}$/);
    expect(r.image_id).toMatch(/^\$\{openstack_images_image_v2\.VmImage_[0-9A-F]+\.id\}$/);
    // the private GPU flavor is granted to the tenant's project (the project of its token)
    const [access] = Object.values(resourcesOf(tf, 'openstack_compute_flavor_access_v2')) as any[];
    expect(access.flavor_id).toBe(r.flavor_id);
    expect(access.tenant_id).toMatch(/^\$\{data\.openstack_identity_auth_scope_v3\.Tenant_Project_[0-9A-F]+\.project_id\}$/);
    // what the nodes must carry comes from the pool object itself
    expect(group.nodeLabels).toEqual(pool.nodeLabels);
    expect(group.nodeLabels).toEqual({ 'ai-factory.dev/gpu-pool': 'h200-mig', 'nvidia.com/mig.config': 'h200-3g' });
    expect(group.nodeTaints).toEqual(pool.nodeTaints);
    expect(group.magnumNodeLabels).toEqual({ 'node.cluster.x-k8s.io/nodegroup': 'h200-mig', 'node-role.kubernetes.io/gpu': '' });
    expect(group.bareMetal).toBe(false);
  });

  test('a bare-metal node group: bare-metal image, no boot volume even when the template has one, longer timeouts', () => {
    const site = magnumSite();
    const t = template(site, { bootVolume: { sizeGb: 200 } });
    const c = cluster(site, { template: t });
    const group = c.addNodeGroup('H200', { pool: h200Pool(site), flavor: site.h200BareMetal, image: site.bareMetalImage, role: 'gpu-bm' });
    const [r] = nodeGroups(site);
    expect(r).toMatchObject({ name: 'h200', node_count: 4, min_node_count: 4, max_node_count: 4, role: 'gpu-bm', labels: { boot_volume_size: '0' } });
    expect(r.timeouts).toEqual({ create: '120m', update: '120m', delete: '60m' });
    expect(r.image_id).toMatch(/^\$\{openstack_images_image_v2\.BmImage_[0-9A-F]+\.id\}$/);
    expect(r.flavor_id).toMatch(/^\$\{openstack_compute_flavor_v2\.H200Bm_[0-9A-F]+\.id\}$/);
    expect(group.bareMetal).toBe(true);
    expect(group.magnumNodeLabels).toEqual({ 'node.cluster.x-k8s.io/nodegroup': 'h200', 'node-role.kubernetes.io/gpu-bm': '' });
  });

  test('node groups are created one after the other (Magnum races on concurrent node group creation)', () => {
    const site = magnumSite();
    const c = cluster(site);
    c.addNodeGroup('First', { pool: h200Pool(site), flavor: site.h200BareMetal, image: site.bareMetalImage });
    c.addNodeGroup('Second', { pool: h200MigPool(site), flavor: site.h200Vm });
    const tf = synthStack(site.stack);
    const groups = resourcesOf(tf, 'openstack_containerinfra_nodegroup_v1');
    const [firstId] = Object.keys(groups).filter((k) => k.startsWith('Cluster_First'));
    const second = Object.entries(groups).find(([k]) => k.startsWith('Cluster_Second'))![1] as any;
    expect(second.depends_on).toEqual([`openstack_containerinfra_nodegroup_v1.${firstId}`]);
    expect(c.nodeGroups.map((g) => g.nodeGroupName)).toEqual(['h200', 'h200-mig']);
  });

  test('a VM node group with its own boot volume, zone and driver labels', () => {
    const site = magnumSite();
    const c = cluster(site);
    c.addNodeGroup('H200Mig', {
      pool: h200MigPool(site),
      flavor: site.h200Vm,
      bootVolume: { sizeGb: 300, volumeType: 'nvme' },
      availabilityZone: 'az-gpu',
      labels: { server_group_policies: 'soft-anti-affinity', different_failure_domain: 'true' },
    });
    expect(nodeGroups(site)[0].labels).toEqual({
      availability_zone: 'az-gpu', boot_volume_size: '300', boot_volume_type: 'nvme', different_failure_domain: 'true', server_group_policies: 'soft-anti-affinity',
    });
  });

  test('a zero-disk GPU flavor works when the template boots from a volume', () => {
    const site = magnumSite();
    const zeroDisk = new GpuFlavor(site.stack, 'ZeroDisk', { server: ServerProfile.HGX_H200_8GPU, gpuCount: 8, diskGb: 0, flavorName: 'gpu.zero' });
    const c = cluster(site, { template: template(site, { bootVolume: { sizeGb: 100 } }) });
    c.addNodeGroup('H200Mig', { pool: h200MigPool(site), flavor: zeroDisk });
    expect(nodeGroups(site)).toHaveLength(1);
  });

  test('fails when the flavor has no GPU but the pool asks for GPUs', () => {
    const site = magnumSite();
    const c = cluster(site);
    const cpu = new HandMadeFlavor(site.stack, 'Cpu', 'm1.4xlarge', 0, false, { VCPU: 64 });
    expect(() => c.addNodeGroup('H200', { pool: h200Pool(site), flavor: cpu })).toThrow(
      'test/Cluster/H200: flavor m1.4xlarge has no GPU, but pool h200 needs 8 × NVIDIA H200 SXM 141GB per node; use a GPU flavor (GpuFlavor or BaremetalFlavor)',
    );
  });

  test("fails when the flavor's GPU model differs from the pool's", () => {
    const site = magnumSite();
    const c = cluster(site);
    const h100Pool = h200Pool(site, { poolName: 'h100', gpuModel: GpuModel.H100_SXM5_80GB }, 'H100');
    expect(() => c.addNodeGroup('H100', { pool: h100Pool, flavor: site.h200Vm })).toThrow(
      'test/Cluster/H100: flavor gpu.h200-sxm-141gb.8x has NVIDIA H200 SXM 141GB GPUs but pool h100 is NVIDIA H100 SXM5 80GB; ' +
        "the nodes would not be what the pool's workloads and quotas were sized for: use a flavor of the pool's GPU model",
    );
  });

  test('fails when the flavor gives vGPUs to a pool of whole GPUs', () => {
    const site = magnumSite();
    const c = cluster(site);
    const mig = new GpuFlavor(site.stack, 'Mig', { server: ServerProfile.HGX_H200_8GPU, gpuCount: 1, attachment: GpuAttachment.mig('3g.71gb', { vgpuType: 'H200X-3-71C' }) });
    expect(() => c.addNodeGroup('H200', { pool: h200Pool(site, { gpusPerNode: 1 }), flavor: mig })).toThrow(
      `test/Cluster/H200: flavor ${mig.flavorName} gives MIG-backed vGPUs of 71 GB, but pool h200 models whole 141 GB GPUs ` +
        '(and the GPU Operator cannot partition a vGPU); use a passthrough or bare-metal flavor',
    );
  });

  test('fails when the flavor gives another number of GPUs than the pool has per node', () => {
    const site = magnumSite();
    const c = cluster(site);
    const four = new GpuFlavor(site.stack, 'Four', { server: ServerProfile.HGX_H200_8GPU, gpuCount: 4 });
    expect(() => c.addNodeGroup('H200', { pool: h200Pool(site), flavor: four })).toThrow(
      'test/Cluster/H200: flavor gpu.h200-sxm-141gb.4x gives 4 GPUs per server but pool h200 has 8 per node; use a 8-GPU flavor or change the pool',
    );
  });

  test('fails when a flavor says bare metal but a hypervisor could take its servers', () => {
    const site = magnumSite();
    const c = cluster(site);
    const fake = new HandMadeFlavor(site.stack, 'Fake', 'bm.fake', 8, true, { CUSTOM_BAREMETAL_HGX: 1, VCPU: 64, MEMORY_MB: 524288 });
    expect(() => c.addNodeGroup('H200', { pool: h200Pool(site), flavor: fake, image: site.bareMetalImage })).toThrow(
      'test/Cluster/H200: flavor bm.fake says it is bare metal but requests CUSTOM_BAREMETAL_HGX=1, VCPU=64, MEMORY_MB=524288; ' +
        "its servers could land on a hypervisor: a bare-metal flavor requests exactly one unit of the nodes' resource class and VCPU/MEMORY_MB/DISK_GB=0 (use BaremetalFlavor)",
    );
  });

  test('fails when a bare-metal flavor gets a VM image', () => {
    const site = magnumSite();
    const c = cluster(site);
    expect(() => c.addNodeGroup('H200', { pool: h200Pool(site), flavor: site.h200BareMetal })).toThrow(
      `test/Cluster/H200: flavor bm.hgx-h200-8gpu is bare metal but image ubuntu-24.04-${VERSION} is not marked for bare metal; ` +
        'give the node group an image with bareMetal: true (img_hv_type=baremetal), so Nova can only place its servers on Ironic nodes',
    );
  });

  test('fails when a VM flavor gets a bare-metal image', () => {
    const site = magnumSite();
    const c = cluster(site);
    expect(() => c.addNodeGroup('H200', { pool: h200Pool(site), flavor: site.h200Vm, image: site.bareMetalImage })).toThrow(
      `test/Cluster/H200: image ubuntu-24.04-${VERSION}-bm is for bare metal (img_hv_type=baremetal) but flavor gpu.h200-sxm-141gb.8x makes VMs, which no hypervisor would accept; use a VM image`,
    );
  });

  test('fails when a bare-metal node group asks for a boot volume', () => {
    const site = magnumSite();
    const c = cluster(site);
    expect(() => c.addNodeGroup('H200', { pool: h200Pool(site), flavor: site.h200BareMetal, image: site.bareMetalImage, bootVolume: { sizeGb: 100 } })).toThrow(
      'test/Cluster/H200: flavor bm.hgx-h200-8gpu is bare metal and cannot boot from a Cinder volume (Ironic deploys the image to the local disk; ' +
        'boot from volume needs an iSCSI storage interface and iPXE); drop bootVolume',
    );
  });

  test('fails when a bare-metal node group sets boot_volume_size', () => {
    const site = magnumSite();
    const c = cluster(site);
    expect(() => c.addNodeGroup('H200', { pool: h200Pool(site), flavor: site.h200BareMetal, image: site.bareMetalImage, labels: { boot_volume_size: '50' } })).toThrow(
      'test/Cluster/H200: label boot_volume_size=50 asks a bare-metal node group to boot from a Cinder volume; Ironic deploys to the local disk, drop it',
    );
  });

  test('fails when a VM flavor has no root disk and nothing boots from a volume', () => {
    const site = magnumSite();
    const c = cluster(site);
    const zeroDisk = new GpuFlavor(site.stack, 'ZeroDisk', { server: ServerProfile.HGX_H200_8GPU, gpuCount: 8, diskGb: 0, flavorName: 'gpu.zero' });
    expect(() => c.addNodeGroup('H200', { pool: h200Pool(site), flavor: zeroDisk })).toThrow(
      'test/Cluster/H200: flavor gpu.zero has a 0 GB root disk and the node group has no boot volume; Nova refuses image-backed servers on ' +
        'zero-disk flavors (policy os_compute_api:servers:create:zero_disk_flavor): set bootVolume on the node group or the template',
    );
  });

  test("fails when the node image carries another Kubernetes version than the cluster's", () => {
    const site = magnumSite();
    const c = cluster(site);
    const old = new ClusterImage(site.stack, 'Old', { imageName: 'ubuntu-v1.32.9', kubernetesVersion: 'v1.32.9', sourceUrl: 'https://images.test/old.qcow2' });
    expect(() => c.addNodeGroup('H200', { pool: h200Pool(site), flavor: site.h200Vm, image: old })).toThrow(
      `test/Cluster/H200: image ubuntu-v1.32.9 carries Kubernetes v1.32.9 but cluster team-a runs ${VERSION}; ` +
        `every node of a magnum-cluster-api cluster runs the cluster's kube_tag: give a ${VERSION} image`,
    );
  });

  test('fails when a VM pool has RDMA rails', () => {
    const site = magnumSite();
    const c = cluster(site);
    const rdma = { networkNames: ['rail0', 'rail1'], resourceName: 'rdma/ib', resourcesPerPod: 1, ncclEnvironment: {} };
    expect(() => c.addNodeGroup('H200', { pool: h200Pool(site, { rdma }), flavor: site.h200Vm })).toThrow(
      'test/Cluster/H200: pool h200 uses 2 RDMA rails, but flavor gpu.h200-sxm-141gb.8x makes VMs that get only GPUs (Magnum cannot attach InfiniBand ports to its nodes); use a bare-metal flavor',
    );
  });

  test('fails when a pool has more rails than the server has InfiniBand ports', () => {
    const site = magnumSite();
    const c = cluster(site);
    const rdma = { networkNames: Array.from({ length: 9 }, (_, i) => `rail${i}`), resourceName: 'rdma/ib', resourcesPerPod: 1, ncclEnvironment: {} };
    expect(() => c.addNodeGroup('H200', { pool: h200Pool(site, { rdma }), flavor: site.h200BareMetal, image: site.bareMetalImage })).toThrow(
      'test/Cluster/H200: pool h200 uses 9 RDMA rails but a hgx-h200-8gpu server has 8 InfiniBand ports; use at most 8 rails',
    );
  });

  test('fails when the pool may have no node', () => {
    const site = magnumSite();
    const c = cluster(site, { autoScaling: true });
    expect(() => c.addNodeGroup('H200', { pool: h200Pool(site, { nodeCount: 1, minNodeCount: 0, maxNodeCount: 4 }), flavor: site.h200Vm })).toThrow(
      'test/Cluster/H200: pool h200 may have 0 nodes, but a Magnum node group needs at least one (an empty group cannot be created, and the autoscaler ' +
        'cannot grow a GPU group from zero: magnum-cluster-api publishes only CPU, memory and disk capacity for it); give the pool minNodeCount and nodeCount of at least 1',
    );
  });

  test('fails when a node group label is a Kubernetes node label', () => {
    const site = magnumSite();
    const c = cluster(site);
    expect(() => c.addNodeGroup('H200', { pool: h200Pool(site), flavor: site.h200Vm, labels: { 'ai-factory.dev/gpu-pool': 'h200' } })).toThrow(
      'test/Cluster/H200: label ai-factory.dev/gpu-pool looks like a Kubernetes node label, but Magnum labels configure the driver and never reach the nodes ' +
        "(magnum-cluster-api only sets node-role.kubernetes.io/<role> and node.cluster.x-k8s.io/nodegroup); the pool's nodeLabels reach the nodes through NodeGroupLabeler",
    );
  });

  test('fails when a node group label belongs to the cluster', () => {
    const site = magnumSite();
    const c = cluster(site);
    expect(() => c.addNodeGroup('H200', { pool: h200Pool(site), flavor: site.h200Vm, labels: { kube_tag: 'v1.34.0' } })).toThrow(
      'test/Cluster/H200: label kube_tag is not a node group choice here; it comes from the cluster and its template',
    );
  });

  test("fails when the pool's labels contradict what magnum-cluster-api sets", () => {
    const site = magnumSite();
    const c = cluster(site);
    const pool = h200Pool(site, { nodeSelector: { 'node.cluster.x-k8s.io/nodegroup': 'gpus' } });
    expect(() => c.addNodeGroup('H200', { pool, flavor: site.h200Vm })).toThrow(
      'test/Cluster/H200: pool h200 expects node.cluster.x-k8s.io/nodegroup=gpus, but magnum-cluster-api sets node.cluster.x-k8s.io/nodegroup=h200 on this node group\'s nodes; make them agree',
    );
  });

  test('fails when the node group name is not a Cluster API name', () => {
    const site = magnumSite();
    const c = cluster(site);
    expect(() => c.addNodeGroup('H200', { pool: h200Pool(site), flavor: site.h200Vm, nodeGroupName: 'GPU_Nodes' })).toThrow(
      'test/Cluster/H200: nodeGroupName "GPU_Nodes" must be a lower-case RFC 1123 name of at most 63 characters (Cluster API\'s MachineDeployment name and a label value)',
    );
  });

  test('fails when the node group takes the name of a group Magnum creates', () => {
    const site = magnumSite();
    const c = cluster(site);
    expect(() => c.addNodeGroup('H200', { pool: h200Pool(site), flavor: site.h200Vm, nodeGroupName: 'default-worker' })).toThrow(
      'test/Cluster/H200: nodeGroupName default-worker is the name of a node group Magnum creates itself; choose another',
    );
  });

  test('fails when the role is master or not a label name', () => {
    const site = magnumSite();
    const c = cluster(site);
    expect(() => c.addNodeGroup('H200', { pool: h200Pool(site), flavor: site.h200Vm, role: 'master' })).toThrow(
      'test/Cluster/H200: role "master" becomes the label node-role.kubernetes.io/<role>: use a label name (letters, digits, - _ .; at most 63) other than master',
    );
  });
});
