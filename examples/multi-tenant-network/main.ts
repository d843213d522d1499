/**
 * Multi-tenant network: one site, two AI tenants, nothing shared that was not asked for.
 *
 * OpenStack side (Terraform JSON, `cdktf.out/stacks/multi-tenant-network/cdk.tf.json`):
 *   - the site's physnets: a provider network, a bare-metal/SR-IOV VLAN fabric (networking-generic-switch) and eight
 *     InfiniBand rails on one fabric (an HGX cluster's compute fabric),
 *   - site provider networks: the external network and Ironic's provisioning and cleaning networks,
 *   - per tenant: an OVN Geneve control network, a VLAN network for bare metal, eight IB rail networks in one
 *     partition, a router, deny-by-default security groups, a bare-metal port on a trunk, an SR-IOV port with a QoS
 *     policy, a BlueField DPU port and an IB port,
 *   - every CIDR, VLAN id and pkey allocated by the site, unique where it must be.
 *
 *   npx cdktf synth          # from this folder (or `npm run synth` at the repository root)
 *   npx cdktf deploy         # admin credentials: provider networks, segments and QoS policies are admin-only
 */
import * as path from 'path';
import { App } from 'cdktf';
import { Construct } from 'constructs';
import {
  FactoryStack,
  IExternalNetwork,
  InfiniBandRails,
  IProject,
  Project,
  INetworkQosPolicy,
  NetworkPort,
  NetworkSite,
  NetworkTrunk,
  Peer,
  PhysicalNetwork,
  ProviderNetwork,
  ProviderNetworkRole,
  NetworkQosPolicy,
  SecurityGroup,
  TenantNetwork,
  TenantRouter,
  TrafficPort,
  VnicType,
} from 'cdk-ai-factory';

/** Builds and synthesizes the example into `outdir` (cdktf.out/). */
export function synth(outdir: string = __dirname): void {
  const app = new App({ outdir: process.env.CDKTF_OUTDIR || path.join(outdir, 'cdktf.out'), stackTraces: false });
  const stack = new FactoryStack(app, 'multi-tenant-network', { cloud: 'openstack' });

  // the physical networks, as configured in ml2_conf.ini, OVN bridge mappings, Nova's device_spec and networking-mlnx
  const provider = PhysicalNetwork.ethernet({ name: 'provider', mtuBytes: 1500 });
  const baremetal = PhysicalNetwork.ethernet({
    name: 'baremetal', mtuBytes: 9000, vlanRanges: [{ min: 700, max: 799 }], baremetal: true, sriov: true,
  });
  const rails = Array.from({ length: 8 }, (_, i) => PhysicalNetwork.infiniBand({
    name: `ibrail${i}`, fabricName: 'gpu-fabric', mtuBytes: 4092, pkeyRanges: [{ min: 0x0100, max: 0x01ff }], reservedPkeys: [0x0100],
  }));
  const site = new NetworkSite(stack, 'Site', {
    tenantSupernet: '10.64.0.0/10',
    overlayUnderlayMtuBytes: 9000,
    overlayRemoteManaged: true, // BlueField-3 DPUs in the GPU servers serve the overlay
    physicalNetworks: [provider, baremetal, ...rails],
    reservedCidrs: ['10.64.0.0/16'], // BMCs and storage, outside Neutron
  });

  // site provider networks: kept outside the tenant supernet and the tenant VLAN range
  const publicNet = new ProviderNetwork(stack, 'Public', {
    site, role: ProviderNetworkRole.EXTERNAL, physicalNetwork: provider, cidr: '203.0.113.0/24', reservedAddressCount: 9,
  });
  new ProviderNetwork(stack, 'Provisioning', {
    site, role: ProviderNetworkRole.PROVISIONING, physicalNetwork: baremetal, vlanId: 100, cidr: '172.16.0.0/22', gateway: false,
  });
  new ProviderNetwork(stack, 'Cleaning', {
    site, role: ProviderNetworkRole.CLEANING, physicalNetwork: baremetal, vlanId: 101, cidr: '172.16.4.0/22', gateway: false,
  });

  // storage traffic: a floor and a ceiling on the SR-IOV data ports (creating QoS policies is admin-only). No DSCP
  // marking: Neutron's SR-IOV QoS driver has none and refuses a direct port whose policy marks DSCP
  const storageQos = new NetworkQosPolicy(stack, 'StorageQos', { policyName: 'storage', description: 'storage traffic of GPU nodes' });
  storageQos.addBandwidthLimit({ maxKbps: 100_000_000 });
  storageQos.addMinimumBandwidth({ minKbps: 25_000_000 });

  for (const name of ['acme', 'beta']) {
    const project = new Project(stack, `${name}-project`, { projectName: name, description: `AI tenant ${name}` });
    storageQos.shareWith(project);
    addTenant(stack, site, name, project, publicNet, storageQos);
  }
  app.synth();
}

/** One AI tenant: control, bare-metal and GPU-fabric networks, security groups and ports. */
function addTenant(scope: Construct, site: NetworkSite, name: string, project: IProject, publicNet: IExternalNetwork,
  storageQos: INetworkQosPolicy): void {
  const t = new Construct(scope, name);
  const tenant = site.addTenant(name, { project });
  const router = new TenantRouter(t, 'Router', { routerName: `${name}-router`, externalNetwork: publicNet, project });
  const control = new TenantNetwork(t, 'Control', {
    tenant, networkName: `${name}-control`, prefixLength: 22, router, dnsNameservers: ['10.64.0.53'], reservedAddressCount: 16,
  });
  const metal = new TenantNetwork(t, 'Metal', {
    tenant, networkName: `${name}-metal`, physicalNetwork: site.physicalNetwork('baremetal'), router, dnsNameservers: ['10.64.0.53'],
  });
  const storage = new TenantNetwork(t, 'Storage', {
    tenant, networkName: `${name}-storage`, physicalNetwork: site.physicalNetwork('baremetal'),
  });
  const gpu = new InfiniBandRails(t, 'Gpu', { tenant, railSetName: `${name}-gpu`, physicalNetworks: site.infiniBandPhysicalNetworks });

  // deny by default: only what is listed gets in
  const nodes = new SecurityGroup(t, 'Nodes', { groupName: `${name}-nodes`, project });
  nodes.allowFrom(Peer.ipv4('192.0.2.0/24'), TrafficPort.tcp(22), { description: 'operations VPN' });
  nodes.allowFrom(Peer.network(control), TrafficPort.tcp(6443));
  nodes.allowFrom(Peer.anyIpv4(), TrafficPort.tcp(443), { description: 'public inference API' });
  nodes.allowInternally();
  const data = new SecurityGroup(t, 'Data', { groupName: `${name}-data`, project, stateful: false });
  data.allowInternally();

  // a bare-metal GPU node: native VLAN on the metal network, storage as a tagged sub-port
  const nodePort = new NetworkPort(t, 'NodePort', { network: metal, portName: `${name}-gpu-node-1`, vnicType: VnicType.BAREMETAL, securityGroups: [nodes] });
  const nodeStorage = new NetworkPort(t, 'NodeStoragePort', {
    network: storage, portName: `${name}-gpu-node-1-storage`, vnicType: VnicType.BAREMETAL, securityGroups: [data],
  });
  new NetworkTrunk(t, 'NodeTrunk', { parentPort: nodePort, trunkName: `${name}-gpu-node-1` }).addSubPort(nodeStorage);

  // a GPU VM: an SR-IOV VF for storage, a BlueField VF on the control network, an IB VF on rail 0
  new NetworkPort(t, 'VmStoragePort', {
    network: storage, portName: `${name}-vm-1-storage`, vnicType: VnicType.DIRECT, securityGroups: [data], qosPolicy: storageQos,
  });
  new NetworkPort(t, 'VmControlPort', { network: control, portName: `${name}-vm-1-control`, vnicType: VnicType.REMOTE_MANAGED, securityGroups: [nodes] });
  new NetworkPort(t, 'VmRail0Port', { network: gpu.rail(0), portName: `${name}-vm-1-rail0`, vnicType: VnicType.DIRECT });
}

if (require.main === module) {
  synth();
}
