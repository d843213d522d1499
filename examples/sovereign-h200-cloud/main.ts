/**
 * A sovereign HGX H200 cloud, from one description (`AiFactory`).
 *
 * Inventory: four HGX H200 servers enrolled in Ironic (Redfish virtual media: the BMC mounts the boot ISO Ironic builds
 * from the agent kernel and ramdisk, no PXE; UEFI; the `neutron` network interface, so each tenant's servers sit on its
 * own VLAN, https://docs.openstack.org/ironic/latest/admin/multitenancy.html) and two HGX H200 hypervisors; the bare
 * metal has eight 400G NDR InfiniBand HCAs, one per rail. Two agencies bought capacity:
 *   - `health`: two bare-metal servers and a 4-GPU passthrough VM, an 8-rail InfiniBand partition, a CephFS share for
 *     its datasets and an RGW bucket for checkpoints, and a Magnum cluster spanning VMs (control plane, system workers,
 *     the VM GPU node group) and the bare-metal GPU nodes, serving Llama 3.1 70B through llm-d (an InferencePool with
 *     its endpoint picker) on the bare metal;
 *   - `research`: the other two bare-metal servers, its own partition (another pkey on every rail), share and bucket,
 *     and a cluster serving gpt-oss-120b through llm-d with a Kueue queue for training jobs.
 * Out come `sovereign-site` (Ironic nodes, the bare-metal and passthrough flavors, the network site, CephFS share
 * types, Nova's unified limits, the Magnum images and template), `sovereign-health`, `sovereign-research`, their
 * `-workloads` stacks and the cluster sides (`dist/sovereign-<tenant>-*.k8s.yaml`); every stack keeps its Terraform state
 * in the site's own Ceph RGW, and reads the site's outputs from there.
 *
 *   npx cdktf synth        # from this folder (or `npm run synth -- sovereign-h200-cloud` at the repository root)
 */
import * as path from 'path';
import { App } from 'cdktf';
import { AiFactory, BootInterfaceType, DeployRamdisk, IronicAuth, LlmModel, ModelSource, NetworkInterfaceType, ObjectStorageService, PhysicalNetwork, ServerProfile, ShareType } from 'cdk-ai-factory';

const RAILS = [0, 1, 2, 3, 4, 5, 6, 7];

/** Builds and synthesizes the example into `outdir` (cdktf.out/ and dist/). */
export function synth(outdir: string = __dirname): void {
  const app = new App({ outdir: process.env.CDKTF_OUTDIR || path.join(outdir, 'cdktf.out'), stackTraces: false });
  const server = (u: number) => ({
    nodeName: `hgx-r02-u${u}`,
    bmcAddress: `https://10.10.2.${u}`,
    macAddresses: { 'lom0/0': `3c:ec:ef:20:02:${u}` },
    localLinkConnections: { 'lom0/0': { switchId: '0c:42:a1:02:00:01', portId: `Ethernet1/${u}`, switchInfo: 'leaf-r02' } },
  });
  // tenants' bare metal is isolated on VLANs of this physnet: Ironic's neutron network interface has the ML2 switch
  // driver (networking-generic-switch) move each server's port into the tenant's VLAN; a tenant whose cluster has
  // bare-metal nodes gets its cluster network there
  const baremetalVlans = PhysicalNetwork.ethernet({ name: 'baremetal', mtuBytes: 9000, vlanRanges: [{ min: 700, max: 799 }], baremetal: true });
  const hf = ModelSource.huggingFace({ tokenSecret: { secretName: 'hf-token', key: 'token' } });
  new AiFactory(app, 'Factory', {
    factoryName: 'sovereign',
    kubernetesOutdir: path.join(outdir, 'dist'),
    ironic: { url: 'https://ironic.sovereign.example:6385/v1', auth: IronicAuth.httpBasic() },
    // the state stays in the country: every stack's in the site's Ceph RGW (credentials from AWS_* at terraform init)
    stateBackend: { endpoint: 'https://s3.sovereign.example', bucket: 'sovereign-tfstate' },
    pools: [
      {
        poolName: 'hgx',
        server: ServerProfile.HGX_H200_8GPU,
        ironic: {
          nodes: [11, 21, 31, 41].map(server),
          bootInterface: BootInterfaceType.REDFISH_VIRTUAL_MEDIA,
          networkInterface: NetworkInterfaceType.NEUTRON,
          deployRamdisk: DeployRamdisk.kernelAndRamdisk('https://images.sovereign.example/ipa/ipa.kernel', 'https://images.sovereign.example/ipa/ipa.initramfs'),
          traits: ['CUSTOM_IB_NDR'],
          requiredTraits: ['CUSTOM_IB_NDR'],
        },
        rdmaRails: RAILS.map((i) => ({ interfaceName: `ibp${i}s0`, hcaName: `mlx5_${i}` })),
      },
      { poolName: 'h200', server: ServerProfile.HGX_H200_8GPU, serverCount: 2 }, // VMs: GPUs only, Magnum attaches no IB ports to them
    ],
    network: {
      externalNetworkName: 'public',
      tenantSupernet: '10.64.0.0/12',
      dnsNameservers: ['10.0.0.53'],
      // one physnet per rail, one fabric: a tenant's partition is one pkey across all eight
      physicalNetworks: [baremetalVlans, ...RAILS.map((i) => PhysicalNetwork.infiniBand({ name: `ibrail${i}`, fabricName: 'ndr', mtuBytes: 4092, pkeyRanges: [{ min: 0x100, max: 0x1ff }], baremetal: true }))],
    },
    storage: { shareTypes: [ShareType.cephfsNative()], objectStorage: ObjectStorageService.cephRgw({ s3EndpointUrl: 'https://s3.sovereign.example' }) },
    kubernetes: {
      kubernetesVersion: 'v1.33.12',
      imageUrl: 'https://images.sovereign.example/magnum-capi/ubuntu-24.04-v1.33.12.qcow2',
      bareMetalImageUrl: 'https://images.sovereign.example/magnum-capi/ubuntu-24.04-v1.33.12-baremetal.qcow2',
      controlPlaneFlavor: { flavorName: 'm1.xlarge', vcpus: 8, ramMb: 16384 },
      workerFlavor: { flavorName: 'm1.2xlarge', vcpus: 16, ramMb: 32768 },
      containerRegistry: 'registry.sovereign.example',
    },
    tenants: [
      {
        tenantName: 'health',
        projectScope: { cloud: 'health', userName: 'health-deployer' },
        gpus: [{ purchaseName: 'hgx', poolName: 'hgx', servers: 2 }, { purchaseName: 'dev', poolName: 'h200', servers: 1, gpusPerServer: 4 }],
        infiniBand: true,
        shares: [{ shareName: 'health-datasets', sizeGb: 20000, cephxClient: 'health-k8s' }],
        buckets: [{ bucketName: 'health-checkpoints' }],
        cluster: {},
        models: [{ model: LlmModel.LLAMA_3_1_70B, nodeGroupName: 'hgx', maxModelLen: 32768, replicas: 4, modelSource: hf, inferencePool: true }],
      },
      {
        tenantName: 'research',
        projectScope: { cloud: 'research', userName: 'research-deployer' },
        gpus: [{ purchaseName: 'hgx', poolName: 'hgx', servers: 2 }],
        infiniBand: true,
        shares: [{ shareName: 'research-datasets', sizeGb: 50000, cephxClient: 'research-k8s' }],
        buckets: [{ bucketName: 'research-checkpoints' }],
        cluster: { batchQueue: true },
        models: [{ model: LlmModel.GPT_OSS_120B, nodeGroupName: 'hgx', modelSource: hf, inferencePool: true }],
      },
    ],
  }).synth();
}

if (require.main === module) {
  synth();
}
