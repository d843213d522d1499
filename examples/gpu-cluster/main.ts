/**
 * GPU cluster: one factory from the bare metal to the batch job. A tenant's Magnum cluster with an H100 node group
 * (MIG) and an H200 bare-metal node group (8 InfiniBand rails), and what runs inside it.
 *
 * OpenStack side (Terraform JSON, `cdktf.out/stacks/gpu-cluster/cdk.tf.json`), created with the site's credentials
 * (clouds.yaml entry `openstack`) except where the tenant's are needed (entry `ai-platform`):
 *   - four HGX H200 servers enrolled in Ironic and their bare-metal flavor; an 8-GPU passthrough flavor for HGX H100
 *     hypervisors; both granted to the tenant's project,
 *   - the magnum-cluster-api node images for Kubernetes v1.33.12 (a VM image, and a bare-metal one with
 *     `img_hv_type=baremetal`) and a public cluster template,
 *   - the cluster's network: a VLAN on the `baremetal` physnet, the tenant's, routed to `public`; the H200 servers use
 *     Ironic's `neutron` network interface, so their switch ports join it (a bare-metal node joins no overlay network),
 *   - the tenant's cluster (3 control plane VMs, 2 default workers, autoscaler on), created with the tenant's
 *     credentials, with node groups built from the pools below: `h100` (2 to 4 VMs) and `h200` (4 bare-metal servers),
 *   - the kubeconfig as sensitive outputs (`ai_platform_kubeconfig`, `ai_platform_kube_host`, ...).
 * Cluster side (Kubernetes YAML, `dist/gpu-cluster.k8s.yaml`; Terraform applies all of it but the batch job from
 * `cdktf.out/stacks/gpu-cluster-workloads/cdk.tf.json`):
 *   - an H100 node pool (2 to 4 nodes x 8 GPUs) with a mixed MIG layout: 3g.40gb + 2g.20gb + 2 x 1g.10gb on every GPU,
 *   - an H200 node pool (4 nodes x 8 GPUs) with whole GPUs and 8 InfiniBand rails for GPUDirect RDMA,
 *   - the GPU Operator's ClusterPolicy with the MIG manager's layouts and a DCGM exporter ServiceMonitor,
 *   - the Network Operator's NicClusterPolicy and one IPoIB network per rail,
 *   - two tenants with isolated namespaces and Kueue queues that borrow from each other in one cohort; both get H200
 *     GPUs, so on InfiniBand they share the fabric's default partition (synth warns: NetworkPolicies stop at the pod
 *     network, and per-tenant partitions need nodes or SR-IOV VFs of their own),
 *   - a Whisper transcription job of tenant A, admitted through its LocalQueue onto a 3g.40gb MIG slice,
 *   - the node labeler that gives each node group's nodes their pool's labels and taints (Magnum cannot).
 *
 *   npx cdktf synth                                   # from this folder (or `npm run synth` at the repository root)
 *   npx cdktf deploy gpu-cluster                      # the cluster; then install the operators' Helm charts
 *   npx cdktf deploy gpu-cluster-workloads            # everything inside the cluster (or hand dist/ to GitOps)
 *   kubectl apply -f dist/ --selector kueue.x-k8s.io/queue-name   # the batch job: a run, not Terraform state
 */
import * as path from 'path';
import * as cdk8s from 'cdk8s';
import { App } from 'cdktf';
import {
  BaremetalFlavor,
  BaremetalNodePool,
  BatchDataSource,
  BondMode,
  ClusterImage,
  ClusterManifests,
  ClusterTemplate,
  ComputeResourceFlavor,
  DeployRamdisk,
  ExistingFlavor,
  ExternalNetwork,
  FactoryStack,
  GpuFlavor,
  GpuModel,
  GpuNodePool,
  GpuOperatorPolicy,
  GpuPartitioning,
  GpuResourceFlavor,
  InfinibandFabric,
  MagnumCluster,
  MigLayout,
  NetworkAdapterKind,
  NetworkInterfaceType,
  NetworkSite,
  NodeGroupLabeler,
  PhysicalNetwork,
  PodSecurityLevel,
  QueueCohort,
  ServerProfile,
  TenantCloud,
  TenantNamespace,
  TenantNetwork,
  TenantQueue,
  WhisperModel,
  WhisperTranscriptionJob,
} from 'cdk-ai-factory';

const KUBERNETES = 'v1.33.12';

/** Builds and synthesizes the example into `outdir` (cdktf.out/ and dist/). */
export function synth(outdir: string = __dirname): void {
  const app = new App({ outdir: process.env.CDKTF_OUTDIR || path.join(outdir, 'cdktf.out'), stackTraces: false });
  const k8sApp = new cdk8s.App({ outdir: path.join(outdir, 'dist') });
  const cluster = new cdk8s.Chart(k8sApp, 'gpu-cluster', { disableResourceNameHashes: true });

  // 8 InfiniBand rails of an HGX H200 node: one ConnectX-7 port per GPU
  const fabric = new InfinibandFabric(cluster, 'H200Fabric', {
    fabricName: 'h200-ib',
    rails: [0, 1, 2, 3, 4, 5, 6, 7].map((i) => ({ interfaceName: `ibp${i}s0`, hcaName: `mlx5_${i}` })),
  });

  const h100 = new GpuNodePool(cluster, 'H100', {
    poolName: 'h100',
    gpuModel: GpuModel.H100_SXM5_80GB,
    gpusPerNode: 8,
    nodeCount: 2,
    maxNodeCount: 4, // the cluster autoscaler adds up to two more H100 VMs
    partitioning: GpuPartitioning.mig(
      MigLayout.uniform('h100-mixed', [
        { profile: '3g.40gb', count: 1 },
        { profile: '2g.20gb', count: 1 },
        { profile: '1g.10gb', count: 2 },
      ]),
    ),
  });
  const h200 = new GpuNodePool(cluster, 'H200', {
    poolName: 'h200',
    gpuModel: GpuModel.H200_SXM_141GB,
    gpusPerNode: 8,
    nodeCount: 4,
    rdma: fabric.attachment,
  });

  new GpuOperatorPolicy(cluster, 'GpuOperator', {
    pools: [h100, h200],
    serviceMonitorLabels: { release: 'kube-prometheus-stack' },
  });

  const teamA = new TenantNamespace(cluster, 'TeamA', {
    namespaceName: 'team-a',
    cpuCores: 256,
    memoryGib: 2048,
    gpuLimits: [
      { pool: h100, migProfile: '3g.40gb', count: 8 },
      { pool: h100, migProfile: '1g.10gb', count: 16 },
      { pool: h200, count: 16 },
    ],
    podSecurity: PodSecurityLevel.PRIVILEGED, // RDMA pods add IPC_LOCK
  });
  const teamB = new TenantNamespace(cluster, 'TeamB', {
    namespaceName: 'team-b',
    cpuCores: 256,
    memoryGib: 2048,
    gpuLimits: [
      { pool: h100, migProfile: '3g.40gb', count: 8 },
      { pool: h100, migProfile: '2g.20gb', count: 16 },
      { pool: h200, count: 16 },
    ],
  });

  const compute = new ComputeResourceFlavor(cluster, 'Compute');
  const mig3g = new GpuResourceFlavor(cluster, 'H100Mig3g', { pool: h100, migProfile: '3g.40gb' });
  const mig2g = new GpuResourceFlavor(cluster, 'H100Mig2g', { pool: h100, migProfile: '2g.20gb' });
  const mig1g = new GpuResourceFlavor(cluster, 'H100Mig1g', { pool: h100, migProfile: '1g.10gb' });
  const h200Gpu = new GpuResourceFlavor(cluster, 'H200Gpu', { pool: h200 });
  const cohort = new QueueCohort(cluster, 'Cohort', { cohortName: 'ai-factory' });

  const queueA = new TenantQueue(cluster, 'TeamAQueue', {
    queueName: 'team-a',
    namespaces: [teamA],
    cohort,
    computeFlavor: compute,
    cpuCores: 128,
    memoryGib: 1024,
    gpuQuotas: [
      { flavor: mig3g, nominal: 8 },
      { flavor: mig1g, nominal: 16 },
      { flavor: h200Gpu, nominal: 16 },
    ],
  });
  new TenantQueue(cluster, 'TeamBQueue', {
    queueName: 'team-b',
    namespaces: [teamB],
    cohort,
    computeFlavor: compute,
    cpuCores: 128,
    memoryGib: 1024,
    gpuQuotas: [
      { flavor: mig3g, nominal: 8 },
      { flavor: mig2g, nominal: 16 },
      { flavor: h200Gpu, nominal: 16, borrowingLimit: 8 },
    ],
  });

  new WhisperTranscriptionJob(cluster, 'Transcribe', {
    jobName: 'transcribe-interviews',
    queue: queueA,
    tenantNamespace: teamA,
    flavor: mig3g,
    image: 'registry.example.net/team-a/whisper:20250625',
    model: WhisperModel.LARGE_V3,
    audio: BatchDataSource.persistentVolumeClaim('team-a-share', { subPath: 'interviews' }),
    transcripts: BatchDataSource.persistentVolumeClaim('team-a-share', { subPath: 'transcripts' }),
    shards: 4,
  });

  // --- OpenStack: the site's GPU servers and flavors, the node images, a public template ---------------------------
  const site = new FactoryStack(app, 'gpu-cluster', { cloud: 'openstack', ironic: { url: 'https://ironic.example.net:6385' } });
  // the tenant that owns the cluster: Magnum creates a cluster in the caller's project
  const tenant = new TenantCloud(site, 'AiPlatform', { cloud: 'ai-platform' });
  const publicNetwork = new ExternalNetwork(site, 'Public', { networkName: 'public' });

  // the cluster's network: a VLAN on the physnet whose switches Ironic configures (multi-tenant bare metal), since a
  // bare-metal node joins no overlay network and magnum-cluster-api would otherwise create one
  const networks = new NetworkSite(site, 'Networks', {
    tenantSupernet: '10.64.0.0/12',
    physicalNetworks: [PhysicalNetwork.ethernet({ name: 'baremetal', mtuBytes: 9000, vlanRanges: [{ min: 700, max: 799 }], baremetal: true })],
  });
  const clusterNetwork = new TenantNetwork(site, 'ClusterNetwork', {
    tenant: networks.addTenant('ai-platform', { project: tenant.project }),
    physicalNetwork: networks.physicalNetwork('baremetal'),
    externalNetwork: publicNetwork,
  });

  const hgxH200 = ServerProfile.HGX_H200_8GPU;
  const h200Servers = new BaremetalNodePool(site, 'H200Servers', {
    poolName: 'hgx-h200',
    server: hgxH200,
    nodes: [5, 13, 21, 29].map((u) => ({
      nodeName: `hgx-r02-u${String(u).padStart(2, '0')}`,
      bmcAddress: `https://10.10.2.${u}`,
      macAddresses: { 'lom0/0': `3c:ec:ef:20:01:${hex(u)}`, 'bf3-0/0': `b8:3f:d2:20:00:${hex(u)}`, 'bf3-0/1': `b8:3f:d2:20:01:${hex(u)}` },
      // the leaf switch ports networking-generic-switch moves into the cluster's VLAN
      localLinkConnections: {
        'lom0/0': { switchId: '0c:42:a1:02:00:01', portId: `Ethernet1/${u}`, switchInfo: 'leaf-r02-a' },
        'bf3-0/0': { switchId: '0c:42:a1:02:00:02', portId: `Ethernet1/${u}`, switchInfo: 'leaf-r02-b' },
        'bf3-0/1': { switchId: '0c:42:a1:02:00:03', portId: `Ethernet1/${u}`, switchInfo: 'leaf-r02-c' },
      },
    })),
    networkInterface: NetworkInterfaceType.NEUTRON,
    bonds: [{ bondName: 'bond0', ports: ['bf3-0/0', 'bf3-0/1'], mode: BondMode.LACP }],
    deployRamdisk: DeployRamdisk.kernelAndRamdisk('https://images.example.net/ipa/ipa.kernel', 'https://images.example.net/ipa/ipa.initramfs'),
  });
  const h200Flavor = new BaremetalFlavor(site, 'H200BareMetal', { pool: h200Servers });
  // HGX H100 hypervisors: the same layout as the H200 servers (DGX H100: 2x 8480C, 2 TiB, 8 GPUs, 8 ConnectX-7)
  const hgxH100 = ServerProfile.custom({
    name: 'hgx-h100-8gpu',
    displayName: 'HGX H100 8-GPU server (2x Xeon Platinum 8480C, 2 TiB)',
    sockets: 2,
    coresPerSocket: 56,
    threadsPerCore: 2,
    memoryGib: 2048,
    gpus: { model: GpuModel.H100_SXM5_80GB, numaNodes: [0, 0, 0, 0, 1, 1, 1, 1] },
    networkAdapters: [
      { name: 'lom0', kind: NetworkAdapterKind.ETHERNET, numaNode: 0, ports: 1, portSpeedGbps: 10, model: 'onboard 10GBASE-T' },
      { name: 'bf3-0', kind: NetworkAdapterKind.DPU, numaNode: 0, ports: 2, portSpeedGbps: 200, model: 'BlueField-3', pciId: '15b3:a2dc' },
    ],
    nvme: { count: 8, sizeGb: 3840 },
    rootDiskGb: 1920,
  });
  // whole GPUs by passthrough: the MIG manager partitions them inside the VM
  const h100Flavor = new GpuFlavor(site, 'H100x8', { server: hgxH100, gpuCount: 8 });

  const nodeImage = new ClusterImage(site, 'NodeImage', {
    imageName: `ubuntu-24.04-${KUBERNETES}`,
    kubernetesVersion: KUBERNETES,
    sourceUrl: `https://images.example.net/magnum-capi/ubuntu-24.04-${KUBERNETES}.qcow2`,
  });
  const bareMetalImage = new ClusterImage(site, 'BareMetalNodeImage', {
    imageName: `ubuntu-24.04-${KUBERNETES}-baremetal`,
    kubernetesVersion: KUBERNETES,
    bareMetal: true,
    sourceUrl: `https://images.example.net/magnum-capi/ubuntu-24.04-${KUBERNETES}-baremetal.qcow2`,
  });
  const template = new ClusterTemplate(site, 'Kubernetes133', {
    templateName: `k8s-${KUBERNETES}`,
    image: nodeImage,
    externalNetwork: publicNetwork,
    controlPlaneFlavor: new ExistingFlavor(site, 'ControlPlaneFlavor', { flavorName: 'm1.xlarge' }),
    workerFlavor: new ExistingFlavor(site, 'WorkerFlavor', { flavorName: 'm1.2xlarge' }),
    containerRegistry: 'registry.example.net/mirror',
    isPublic: true,
  });

  // --- the tenant's cluster: node groups from the pools (counts, GPUs, labels and taints come from them) ------------
  const magnum = new MagnumCluster(site, 'Cluster', {
    clusterName: 'ai-platform',
    template,
    credentials: tenant,
    network: clusterNetwork,
    autoScaling: true,
    sshPublicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIC8s2x9mJ0p1u7mK2Zr4wq3d5Jc6tX1yVb0nLh7eQf2a ops@example.net',
  });
  magnum.addNodeGroup('H100Nodes', { pool: h100, flavor: h100Flavor });
  magnum.addNodeGroup('H200Nodes', { pool: h200, flavor: h200Flavor, image: bareMetalImage });

  // Magnum labels a node group's nodes only with its name and role: the pools' labels and taints come from this
  new NodeGroupLabeler(cluster, 'NodeLabels', { nodeGroups: magnum.nodeGroups });

  // --- everything above, applied into the cluster by a second stack (kubernetes_manifest needs the API at plan) -----
  const workloads = new FactoryStack(app, 'gpu-cluster-workloads', { cloud: 'ai-platform' });
  new ClusterManifests(workloads, 'Manifests', { cluster: magnum, cdk8sApp: k8sApp });

  app.synth();
  k8sApp.synth();
}

function hex(n: number): string {
  return n.toString(16).padStart(2, '0');
}

if (require.main === module) {
  synth();
}
