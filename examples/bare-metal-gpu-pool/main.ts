/**
 * Bare-metal GPU pool: one site's GPU servers, described once and derived everywhere.
 *
 * OpenStack side (Terraform JSON, `cdktf.out/stacks/bare-metal-gpu-pool/cdk.tf.json`):
 *   - an HGX H200 pool of four servers enrolled in Ironic (Redfish virtual media, UEFI, PXE only on the onboard
 *     provisioning port, the two BlueField-3 ports of each server bonded with LACP), and its bare-metal flavor;
 *   - the 1/2/4/8-GPU passthrough flavor family for HGX H200 hypervisors, a MIG-backed vGPU flavor, and the
 *     `nova_pci_alias` output nova.conf needs;
 *   - two L40S + BlueField-3 ingress servers kept by the operator: allocated and deployed with an OS image directly;
 *   - server groups for multi-node jobs;
 *   - Ironic's cleaning network, without DHCP because every node boots from Redfish virtual media.
 * BMC credentials are sensitive Terraform variables (`TF_VAR_hgx_h200_bmc_username`, `TF_VAR_hgx_h200_bmc_password`)
 * or Barbican secrets: no credential is in this file or in the output.
 *
 *   npx cdktf synth          # from this folder (or `npm run synth` at the repository root)
 */
import * as path from 'path';
import { App } from 'cdktf';
import {
  BaremetalFlavor,
  BaremetalNodePool,
  BmcCredentials,
  BondMode,
  DeployRamdisk,
  FactoryStack,
  GpuAttachment,
  GpuFlavor,
  GpuFlavorFamily,
  IronicAuth,
  NetworkSite,
  OsImage,
  PhysicalNetwork,
  ProviderNetwork,
  ProviderNetworkRole,
  ServerGroup,
  ServerGroupPolicy,
  ServerProfile,
} from 'cdk-ai-factory';

/** Builds and synthesizes the example into `outdir` (cdktf.out/). */
export function synth(outdir: string = __dirname): void {
  const app = new App({ outdir: process.env.CDKTF_OUTDIR || path.join(outdir, 'cdktf.out'), stackTraces: false });
  const site = new FactoryStack(app, 'bare-metal-gpu-pool', {
    cloud: 'openstack',
    // the Ironic API root with /v1; http_basic credentials from TF_VAR_ironic_username / TF_VAR_ironic_password
    ironic: { url: 'https://ironic.example.net:6385/v1', auth: IronicAuth.httpBasic() },
  });

  // --- HGX H200 servers for tenants, through Nova -------------------------------------------------------------
  const hgx = ServerProfile.HGX_H200_8GPU;
  const rack = (u: number) => ({
    nodeName: `hgx-r01-u${String(u).padStart(2, '0')}`,
    bmcAddress: `https://10.10.1.${u}`,
    macAddresses: {
      'lom0/0': `3c:ec:ef:10:01:${hex(u)}`,
      'bf3-0/0': `b8:3f:d2:10:00:${hex(u)}`,
      'bf3-0/1': `b8:3f:d2:10:01:${hex(u)}`,
    },
  });
  const pool = new BaremetalNodePool(site, 'HgxPool', {
    poolName: 'hgx-h200',
    server: hgx,
    nodes: [rack(5), rack(13), rack(21), rack(29)],
    bonds: [{ bondName: 'bond0', ports: ['bf3-0/0', 'bf3-0/1'], mode: BondMode.LACP }],
    traits: ['CUSTOM_NVLINK_NVSWITCH', 'CUSTOM_IB_NDR'],
    deployRamdisk: DeployRamdisk.kernelAndRamdisk('https://images.example.net/ipa/ipa.kernel', 'https://images.example.net/ipa/ipa.initramfs'),
    bmcCaCertificatePath: '/etc/ironic/bmc-ca.pem',
    // Terraform enrolls these nodes with their ports and bonds: run the `hgx_h200_enroll_commands` output once
    // (manage, inspect, then provide with automated cleaning). Afterwards, `verifyInventory: true` makes every later apply
    // fail if a server is not what the profile says (memory, architecture, MACs).
  });
  const baremetal = new BaremetalFlavor(site, 'HgxBareMetal', { pool, requiredTraits: ['CUSTOM_IB_NDR'] });

  // hypervisors of the same model: the usual 1/2/4/8-GPU VM flavors, NUMA-aware, with one virtio-net queue per vCPU
  // and pinned to the H200 hypervisors' host aggregate (metadata gpu_pool=hgx-h200, AggregateInstanceExtraSpecsFilter on)
  new GpuFlavorFamily(site, 'H200Vm', {
    server: hgx,
    vifMultiqueue: true,
    extraSpecs: { 'aggregate_instance_extra_specs:gpu_pool': 'hgx-h200' },
  });
  // small inference slices: one MIG-backed vGPU (3g.71gb, two per GPU)
  new GpuFlavor(site, 'H200Mig', { server: hgx, gpuCount: 1, attachment: GpuAttachment.mig('3g.71gb', { vgpuType: 'H200X-3-71C' }) });

  // multi-node jobs: one bare-metal server per node, never two on one host
  new ServerGroup(site, 'TrainingJob', { serverGroupName: 'llm-training', policy: ServerGroupPolicy.ANTI_AFFINITY });
  new ServerGroup(site, 'InferenceReplicas', { serverGroupName: 'llm-replicas', policy: ServerGroupPolicy.SOFT_ANTI_AFFINITY });

  // --- L40S + BlueField-3 ingress servers, kept by the operator ------------------------------------------------
  const ingress = new BaremetalNodePool(site, 'IngressPool', {
    poolName: 'ingress-l40s',
    server: ServerProfile.L40S_4GPU_BF3,
    nodes: [
      { nodeName: 'ingress-01', bmcAddress: 'https://10.10.2.11', macAddresses: { 'lom0/0': '3c:ec:ef:20:00:11', 'bf3-0/0': 'b8:3f:d2:20:00:11' } },
      { nodeName: 'ingress-02', bmcAddress: 'https://10.10.2.12', macAddresses: { 'lom0/0': '3c:ec:ef:20:00:12', 'bf3-0/0': 'b8:3f:d2:20:00:12' } },
    ],
    credentials: BmcCredentials.fromKeyManager({ usernameSecretName: 'ingress-bmc-username', passwordSecretName: 'ingress-bmc-password' }),
    // no inspection and no automated cleaning on enrollment, so Terraform itself makes the nodes available and the
    // allocation below succeeds in the same apply (the Ironic provider 1.0 can provide only a node that needs no ports)
    inspect: false,
    automatedClean: false,
  });
  const gateway = ingress.allocate('Gateway', { allocationName: 'f5-bnk-gateway' });
  gateway.deploy('Os', {
    image: OsImage.fromUrl(
      'https://images.example.net/ubuntu-24.04-doca.qcow2',
      'https://images.example.net/ubuntu-24.04-doca.qcow2.sha256',
    ),
    userData: '#cloud-config\nhostname: f5-bnk-gateway\n',
  });

  // --- Ironic's cleaning network (ironic.conf [neutron] cleaning_network = baremetal) ---------------------------
  // with the flat network interface, nodes are deployed on the flat network their servers attach to and cleaned on the
  // cleaning network (ironic/drivers/modules/network/flat.py). Every node here boots from Redfish virtual media, which
  // runs without DHCP: Ironic writes each node's Neutron addresses onto the boot ISO, and the IPA ramdisk above is
  // built with the simple-init element to apply them
  const baremetalNet = PhysicalNetwork.ethernet({ name: 'baremetal', mtuBytes: 9000, baremetal: true });
  const network = new NetworkSite(site, 'Network', { tenantSupernet: '10.64.0.0/10', physicalNetworks: [baremetalNet] });
  new ProviderNetwork(site, 'Cleaning', {
    site: network,
    role: ProviderNetworkRole.CLEANING,
    networkName: 'baremetal',
    physicalNetwork: baremetalNet,
    cidr: '172.16.0.0/22',
    gateway: false,
    bootInterfaces: [pool.bootInterface, ingress.bootInterface],
  });

  void baremetal;
  app.synth();
}

function hex(n: number): string {
  return n.toString(16).padStart(2, '0');
}

if (require.main === module) {
  synth();
}
