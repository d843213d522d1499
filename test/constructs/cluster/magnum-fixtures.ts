/**
 * Fixtures of the cluster room's Magnum tests: a site stack with Ironic, a tenant, GPU pools, GPU flavors, images and a
 * public template, built the way examples/gpu-cluster builds them.
 */
import { Chart } from 'cdk8s';
import { GpuNodePool, GpuNodePoolProps, GpuPartitioning, MigLayout } from '../../../constructs/accelerators/gpu-node-pool';
import { ClusterImage } from '../../../constructs/cluster/cluster-image';
import { ClusterTemplate, ClusterTemplateProps } from '../../../constructs/cluster/cluster-template';
import { ExistingFlavor } from '../../../constructs/cluster/existing-flavor';
import { MagnumCluster, MagnumClusterProps } from '../../../constructs/cluster/magnum-cluster';
import { TenantCloud } from '../../../constructs/cluster/tenant-cloud';
import { BaremetalFlavor } from '../../../constructs/compute/baremetal-flavor';
import { NetworkInterfaceType } from '../../../constructs/compute/baremetal-node';
import { BaremetalNodePool } from '../../../constructs/compute/baremetal-node-pool';
import { GpuFlavor } from '../../../constructs/compute/gpu-flavor';
import { ExternalNetwork } from '../../../constructs/network/external-network';
import { NetworkSite } from '../../../constructs/network/network-site';
import { TenantNetwork } from '../../../constructs/network/tenant-network';
import { GpuModel } from '../../../lib/hardware/gpu';
import { ServerProfile } from '../../../lib/hardware/server';
import { PhysicalNetwork } from '../../../lib/net/physical-network';
import { FactoryStack } from '../../../stacks/factory-stack';
import { testChart, testStack } from '../../util';

export const VERSION = 'v1.33.12';

/** Everything a Magnum test needs, in one site stack (Ironic on) and one chart for the pools. */
export interface MagnumSite {
  readonly stack: FactoryStack;
  readonly chart: Chart;
  readonly tenant: TenantCloud;
  readonly vmImage: ClusterImage;
  readonly bareMetalImage: ClusterImage;
  readonly h200Vm: GpuFlavor;
  readonly h200BareMetal: BaremetalFlavor;
  readonly ironicPool: BaremetalNodePool;
  readonly controlPlane: ExistingFlavor;
  readonly workers: ExistingFlavor;
  readonly externalNetwork: ExternalNetwork;
  /** A VLAN tenant network on the bare-metal physnet: what a cluster with bare-metal node groups runs on. */
  readonly bareMetalNetwork: TenantNetwork;
}

export function magnumSite(): MagnumSite {
  const stack = testStack({ cloud: 'openstack', ironic: { url: 'https://ironic.test:6385' } });
  const chart = testChart('ignored');
  const tenant = new TenantCloud(stack, 'Tenant', { cloud: 'team-a' });
  const vmImage = new ClusterImage(stack, 'VmImage', { imageName: `ubuntu-24.04-${VERSION}`, kubernetesVersion: VERSION, sourceUrl: 'https://images.test/vm.qcow2' });
  const bareMetalImage = new ClusterImage(stack, 'BmImage', { imageName: `ubuntu-24.04-${VERSION}-bm`, kubernetesVersion: VERSION, bareMetal: true, sourceUrl: 'https://images.test/bm.qcow2' });
  const h200Vm = new GpuFlavor(stack, 'H200x8', { server: ServerProfile.HGX_H200_8GPU, gpuCount: 8 });
  const ironicPool = new BaremetalNodePool(stack, 'Hgx', {
    poolName: 'hgx-h200',
    server: ServerProfile.HGX_H200_8GPU,
    // multi-tenant Ironic networking: the switch port joins the cluster's VLAN network
    networkInterface: NetworkInterfaceType.NEUTRON,
    nodes: [1, 2, 3, 4].map((i) => ({
      nodeName: `hgx-${i}`,
      bmcAddress: `https://10.0.0.${i}`,
      macAddresses: { 'lom0/0': `3c:ec:ef:00:00:0${i}` },
      localLinkConnections: { 'lom0/0': { switchId: '0c:42:a1:00:00:01', portId: `Ethernet1/${i}` } },
    })),
  });
  const h200BareMetal = new BaremetalFlavor(stack, 'H200Bm', { pool: ironicPool });
  const controlPlane = new ExistingFlavor(stack, 'Cp', { flavorName: 'm1.xlarge' });
  const workers = new ExistingFlavor(stack, 'Workers', { flavorName: 'm1.2xlarge' });
  const externalNetwork = new ExternalNetwork(stack, 'Public', { networkName: 'public' });
  const networks = new NetworkSite(stack, 'Site', {
    tenantSupernet: '10.64.0.0/10',
    physicalNetworks: [PhysicalNetwork.ethernet({ name: 'baremetal', mtuBytes: 9000, vlanRanges: [{ min: 700, max: 799 }], baremetal: true })],
  });
  const bareMetalNetwork = new TenantNetwork(stack, 'BmNet', { tenant: networks.addTenant('team-a'), physicalNetwork: networks.physicalNetwork('baremetal') });
  return {
    stack, chart, tenant, vmImage, bareMetalImage, h200Vm, h200BareMetal, ironicPool, controlPlane, workers, externalNetwork, bareMetalNetwork,
  };
}

/** A public template on the VM image. */
export function template(site: MagnumSite, props: Partial<ClusterTemplateProps> = {}, id = 'Template'): ClusterTemplate {
  return new ClusterTemplate(site.stack, id, {
    image: site.vmImage,
    externalNetwork: site.externalNetwork,
    controlPlaneFlavor: site.controlPlane,
    workerFlavor: site.workers,
    isPublic: true,
    ...props,
  });
}

/** The tenant's cluster on a public template, on the bare-metal VLAN network. */
export function cluster(site: MagnumSite, props: Partial<MagnumClusterProps> = {}): MagnumCluster {
  return new MagnumCluster(site.stack, 'Cluster', {
    template: props.template ?? template(site), credentials: site.tenant, clusterName: 'team-a', network: site.bareMetalNetwork, ...props,
  });
}

/** An H200 pool of whole GPUs (4 nodes) on 8 rails when asked. */
export function h200Pool(site: MagnumSite, props: Partial<GpuNodePoolProps> = {}, id = 'H200'): GpuNodePool {
  return new GpuNodePool(site.chart, id, { poolName: 'h200', gpuModel: GpuModel.H200_SXM_141GB, gpusPerNode: 8, nodeCount: 4, ...props });
}

/** An H200 pool with a MIG layout (2 nodes). */
export function h200MigPool(site: MagnumSite, props: Partial<GpuNodePoolProps> = {}): GpuNodePool {
  return new GpuNodePool(site.chart, 'H200Mig', {
    poolName: 'h200-mig',
    gpuModel: GpuModel.H200_SXM_141GB,
    gpusPerNode: 8,
    nodeCount: 2,
    partitioning: GpuPartitioning.mig(MigLayout.uniform('h200-3g', [{ profile: '3g.71gb', count: 2 }])),
    ...props,
  });
}
