import { ClusterImage } from '../../constructs/cluster/cluster-image';
import { ClusterTemplate } from '../../constructs/cluster/cluster-template';
import { MagnumCluster } from '../../constructs/cluster/magnum-cluster';
import { GpuFlavor, IGpuFlavor } from '../../constructs/compute/gpu-flavor';
import { ServerGroup, ServerGroupPolicy } from '../../constructs/compute/server-group';
import { Project } from '../../constructs/identity/project';
import { NetworkPort } from '../../constructs/network/port';
import { NetworkQosPolicy } from '../../constructs/network/qos-policy';
import { TenantRouter } from '../../constructs/network/router';
import { SecurityGroup } from '../../constructs/network/security-group';
import { TenantNetwork } from '../../constructs/network/tenant-network';
import { Share, ShareNetwork } from '../../constructs/storage/share';
import { ShareTypeCatalog } from '../../constructs/storage/share-type-catalog';
import { ServerProfile } from '../../lib/hardware/server';
import { Encapsulation } from '../../lib/net/mtu';
import { VnicType } from '../../lib/net/port-binding';
import { ShareAccessRule } from '../../lib/storage/share-access';
import { ShareProtocol, ShareType } from '../../lib/storage/share-type';
import { Tenant } from '../../stacks/tenant';
import { h200Pool, magnumSite, VERSION } from '../constructs/cluster/magnum-fixtures';
import { synthValidated, tenant } from '../constructs/identity/fixtures';
import { baremetal } from '../constructs/network/fixtures';
import { dataSourcesOf, onlyResource, resourcesOf, synthStack, testStack } from '../util';

const only = (tf: any, type: string) => {
  const all = Object.values(dataSourcesOf(tf, type));
  expect(all).toHaveLength(1);
  return all[0] as any;
};

describe('lookups of existing resources', () => {
  test('Project.fromProjectName reads the project by name and domain, and other constructs place resources in it', () => {
    const stack = testStack();
    const project = Project.fromProjectName(stack, 'Research', 'research', 'd-1');
    new SecurityGroup(stack, 'Sg', { groupName: 'web', project });
    const tf = synthStack(stack);
    expect(only(tf, 'openstack_identity_project_v3')).toEqual({ name: 'research', domain_id: 'd-1' });
    expect(project.projectName).toBe('research');
    expect(onlyResource(tf, 'openstack_networking_secgroup_v2').tenant_id).toMatch(/^\$\{data\.openstack_identity_project_v3\.Research_\w+\.id\}$/);
    // a lookup creates nothing: no project resource, no uniqueness claim on the name
    expect(tf.resource.openstack_identity_project_v3).toBeUndefined();
    expect(() => new Project(stack, 'Same', { projectName: 'research', domainId: 'd-1' })).not.toThrow();
  });

  test('Project.fromProjectName defaults to the default domain', () => {
    const stack = testStack();
    Project.fromProjectName(stack, 'P', 'ops');
    expect(only(synthStack(stack), 'openstack_identity_project_v3')).toEqual({ name: 'ops', domain_id: 'default' });
  });

  test('SecurityGroup.fromSecurityGroupName reads the group, scoped to a project when given, and ports use it', () => {
    const stack = testStack();
    const project = Project.fromProjectName(stack, 'P', 'ops');
    const sg = SecurityGroup.fromSecurityGroupName(stack, 'DefaultGroup', 'default', project);
    const net = TenantNetwork.fromNetworkName(stack, 'Net', { networkName: 'legacy', cidr: '10.9.0.0/24' });
    new NetworkPort(stack, 'Port', { network: net, securityGroups: [sg] });
    const tf = synthStack(stack);
    expect(only(tf, 'openstack_networking_secgroup_v2')).toEqual({ name: 'default', tenant_id: expect.stringMatching(/^\$\{data\.openstack_identity_project_v3\.P_\w+\.id\}$/) });
    expect(sg.securityGroupName).toBe('default');
    expect(onlyResource(tf, 'openstack_networking_port_v2').security_group_ids).toEqual([expect.stringMatching(/^\$\{data\.openstack_networking_secgroup_v2\.DefaultGroup_\w+\.id\}$/)]);
    expect(tf.resource.openstack_networking_secgroup_v2).toBeUndefined();
  });

  test('TenantNetwork.fromNetworkName reads the network and its subnet by CIDR; ports are created on them', () => {
    const stack = testStack();
    const project = Project.fromProjectName(stack, 'P', 'ops');
    const net = TenantNetwork.fromNetworkName(stack, 'Legacy', { networkName: 'legacy-net', cidr: '10.9.0.0/24', project });
    new NetworkPort(stack, 'Port', { network: net, fixedIp: '10.9.0.10' });
    const tf = synthStack(stack);
    expect(only(tf, 'openstack_networking_network_v2')).toEqual({ name: 'legacy-net', tenant_id: expect.stringMatching(/^\$\{data\.openstack_identity_project_v3\.P_\w+\.id\}$/) });
    const networkRef = expect.stringMatching(/^\$\{data\.openstack_networking_network_v2\.Legacy_\w+\.id\}$/);
    expect(only(tf, 'openstack_networking_subnet_v2')).toEqual({ cidr: '10.9.0.0/24', network_id: networkRef });
    const port = onlyResource(tf, 'openstack_networking_port_v2');
    expect(port.network_id).toEqual(networkRef);
    expect(port.fixed_ip).toEqual([{ ip_address: '10.9.0.10', subnet_id: expect.stringMatching(/^\$\{data\.openstack_networking_subnet_v2\.Legacy_Subnet_\w+\.id\}$/) }]);
    expect(tf.resource.openstack_networking_network_v2).toBeUndefined();
    expect([net.mtu, net.encapsulation, net.portSecurityEnabled, net.gatewayIp]).toEqual([1442, Encapsulation.GENEVE, true, undefined]);
  });

  test('TenantNetwork.fromNetworkName on a physnet takes its MTU and port kinds', () => {
    const stack = testStack();
    const net = TenantNetwork.fromNetworkName(stack, 'Metal', { networkName: 'metal', cidr: '10.8.0.0/24', physicalNetwork: baremetal(), segmentationId: 710 });
    expect([net.mtu, net.encapsulation, net.physicalNetworkName, net.segmentationId, net.capabilities.baremetal]).toEqual([9000, Encapsulation.VLAN, 'baremetal', 710, true]);
    new NetworkPort(stack, 'Port', { network: net, vnicType: VnicType.BAREMETAL });
    expect(onlyResource(synthStack(stack), 'openstack_networking_port_v2').binding).toEqual({ vnic_type: 'baremetal' });
  });

  test('fails when a port on a looked-up overlay network asks for SR-IOV', () => {
    const stack = testStack();
    const net = TenantNetwork.fromNetworkName(stack, 'Legacy', { networkName: 'legacy', cidr: '10.9.0.0/24' });
    expect(() => new NetworkPort(stack, 'Port', { network: net, vnicType: VnicType.DIRECT })).toThrow('existing network legacy has no physnet');
  });

  test('fails when a looked-up network has an invalid CIDR', () => {
    expect(() => TenantNetwork.fromNetworkName(testStack(), 'N', { networkName: 'n', cidr: '10.9.0.0/33' })).toThrow(/^test\/N: .*10\.9\.0\.0\/33/);
  });

  test('fails when a looked-up overlay network has an MTU no underlay carries', () => {
    expect(() => TenantNetwork.fromNetworkName(testStack(), 'N', { networkName: 'n', cidr: '10.9.0.0/24', mtuBytes: 9200 })).toThrow(
      'test/N: mtuBytes 9200 is larger than the 9158 bytes a geneve network on the largest (9216-byte) underlay allows; use 9158 or less',
    );
  });

  test('fails when a looked-up VLAN network has no physnet', () => {
    expect(() => TenantNetwork.fromNetworkName(testStack(), 'N', { networkName: 'n', cidr: '10.9.0.0/24', encapsulation: Encapsulation.VLAN })).toThrow(
      'test/N: a vlan network is on a physnet; give physicalNetwork',
    );
  });

  test('fails when a looked-up network has a VLAN id out of range', () => {
    expect(() => TenantNetwork.fromNetworkName(testStack(), 'N', { networkName: 'n', cidr: '10.9.0.0/24', physicalNetwork: baremetal(), segmentationId: 5000 })).toThrow(
      'test/N: segmentationId 5000 must be a VLAN id from 1 to 4094',
    );
  });

  test('TenantRouter.fromRouterName: this app\'s networks attach to a router that exists', () => {
    const stack = testStack();
    const project = Project.fromProjectName(stack, 'P', 'ops');
    const router = TenantRouter.fromRouterName(stack, 'Edge', 'ops-router', project);
    new TenantNetwork(stack, 'Net', { cidr: '10.7.0.0/24', router, project });
    const tf = synthStack(stack);
    expect(only(tf, 'openstack_networking_router_v2')).toEqual({ name: 'ops-router', tenant_id: expect.stringMatching(/^\$\{data\.openstack_identity_project_v3\.P_\w+\.id\}$/) });
    expect(tf.resource.openstack_networking_router_v2).toBeUndefined();
    expect(onlyResource(tf, 'openstack_networking_router_interface_v2')).toEqual({
      router_id: expect.stringMatching(/^\$\{data\.openstack_networking_router_v2\.Edge_\w+\.id\}$/),
      subnet_id: expect.stringMatching(/^\$\{openstack_networking_subnet_v2\.Net_Subnet_\w+\.id\}$/),
    });
  });

  test('fails when a network without a gateway is attached to a looked-up router', () => {
    const stack = testStack();
    const router = TenantRouter.fromRouterName(stack, 'Edge', 'edge');
    const net = TenantNetwork.fromNetworkName(stack, 'Legacy', { networkName: 'legacy', cidr: '10.9.0.0/24' });
    expect(() => router.addInterface(net)).toThrow(
      'test/Edge: network legacy has no gateway address, so it cannot be attached; create it with `router` (or `gatewayIp`) in its props',
    );
  });

  test('fails when a looked-up router name is empty', () => {
    expect(() => TenantRouter.fromRouterName(testStack(), 'R', '')).toThrow(
      'test/R: routerName "" must be 1 to 255 characters (Neutron\'s limit); give the name of the existing router',
    );
  });

  test('NetworkQosPolicy.fromPolicyName: ports and networks of this app use an existing policy', () => {
    const stack = testStack();
    const project = Project.fromProjectName(stack, 'P', 'ops');
    const qos = NetworkQosPolicy.fromPolicyName(stack, 'Gold', 'gold', project);
    const net = new TenantNetwork(stack, 'Net', { cidr: '10.7.0.0/24', project, qosPolicy: qos });
    new NetworkPort(stack, 'Port', { network: net, qosPolicy: qos });
    const tf = synthStack(stack);
    expect(only(tf, 'openstack_networking_qos_policy_v2')).toEqual({ name: 'gold', project_id: expect.stringMatching(/^\$\{data\.openstack_identity_project_v3\.P_\w+\.id\}$/) });
    const ref = expect.stringMatching(/^\$\{data\.openstack_networking_qos_policy_v2\.Gold_\w+\.id\}$/);
    expect([onlyResource(tf, 'openstack_networking_network_v2').qos_policy_id, onlyResource(tf, 'openstack_networking_port_v2').qos_policy_id]).toEqual([ref, ref]);
    expect(tf.resource.openstack_networking_qos_policy_v2).toBeUndefined();
  });

  test('ServerGroup.fromServerGroupName reads the group and checks its policy at plan time', () => {
    const stack = testStack();
    const group = ServerGroup.fromServerGroupName(stack, 'Ranks', 'job-ranks', ServerGroupPolicy.ANTI_AFFINITY);
    const tf = synthStack(stack);
    expect(only(tf, 'openstack_compute_servergroup_v2')).toEqual({
      name: 'job-ranks',
      lifecycle: { postcondition: [{ condition: '${contains(self.policies, "anti-affinity")}', error_message: 'Server group job-ranks: its policy is not anti-affinity.' }] },
    });
    expect([group.serverGroupName, group.policy]).toEqual(['job-ranks', ServerGroupPolicy.ANTI_AFFINITY]);
    expect(tf.resource?.openstack_compute_servergroup_v2).toBeUndefined();
  });

  test('fails when a looked-up server group name is empty', () => {
    expect(() => ServerGroup.fromServerGroupName(testStack(), 'G', ' ', ServerGroupPolicy.AFFINITY)).toThrow(
      'test/G: serverGroupName " " must be 1 to 255 characters (Nova\'s limit); give the name of the existing group',
    );
  });

  test('fails when a looked-up QoS policy name is empty', () => {
    expect(() => NetworkQosPolicy.fromPolicyName(testStack(), 'Q', '')).toThrow(
      'test/Q: policyName "" must be 1 to 255 characters (Neutron\'s limit); give the name of the existing policy',
    );
  });

  test('GpuFlavor.fromFlavorName reads the flavor by name and its planned sizes, and tenants size quotas from it', () => {
    const stack = testStack();
    const looked = GpuFlavor.fromFlavorName(stack, 'H200x4', { flavorName: 'legacy.h200.4x', server: ServerProfile.HGX_H200_8GPU, gpuCount: 4 });
    const other = testStack();
    const created = new GpuFlavor(other, 'F', { server: ServerProfile.HGX_H200_8GPU, gpuCount: 4 });
    new Tenant(stack, 'T', { projectName: 'vision', gpuServers: [{ flavor: looked, count: 2 }] });
    new Tenant(other, 'T', { projectName: 'vision', gpuServers: [{ flavor: created, count: 2 }] });
    const tf = synthStack(stack);
    expect(only(tf, 'openstack_compute_flavor_v2')).toEqual({ name: 'legacy.h200.4x', vcpus: created.vcpus, ram: created.ramMb, disk: 100 });
    const fields = (f: IGpuFlavor) => [f.vcpus, f.ramMb, f.gpuCount, f.gpuResourceClass, f.placementResources, f.extraSpecs, f.isPublic, f.bareMetal];
    expect(fields(looked)).toEqual(fields(created));
    // a private flavor: the tenant is granted access to the looked-up id; nothing is created, no PCI alias output
    expect(onlyResource(tf, 'openstack_compute_flavor_access_v2').flavor_id).toMatch(/^\$\{data\.openstack_compute_flavor_v2\.H200x4_\w+\.id\}$/);
    expect(tf.resource.openstack_compute_flavor_v2).toBeUndefined();
    expect(tf.output?.nova_pci_alias).toBeUndefined();
    // the same quotas as with a flavor this app creates
    const quota = (q: any) => ({ ...q, project_id: undefined });
    expect(quota(onlyResource(tf, 'openstack_compute_quotaset_v2'))).toEqual(quota(onlyResource(synthStack(other), 'openstack_compute_quotaset_v2')));
  });

  test('fails when a looked-up GPU flavor asks for more GPUs than its server has', () => {
    expect(() => GpuFlavor.fromFlavorName(testStack(), 'F', { flavorName: 'f', server: ServerProfile.HGX_H200_8GPU, gpuCount: 9 })).toThrow(/^test\/F: .*9/);
  });

  test('fails when a looked-up GPU flavor name is empty', () => {
    expect(() => GpuFlavor.fromFlavorName(testStack(), 'F', { flavorName: '', server: ServerProfile.HGX_H200_8GPU, gpuCount: 1 })).toThrow(
      'test/F: flavorName "" must be 1 to 255 characters without leading or trailing spaces (Nova\'s limit)',
    );
  });

  test('ClusterTemplate.fromTemplateName and MagnumCluster.fromClusterName: node groups go into a cluster another repository made', () => {
    const site = magnumSite();
    const image = new ClusterImage(site.stack, 'Image', { imageName: 'ubuntu-2404-kube', kubernetesVersion: VERSION });
    const tpl = ClusterTemplate.fromTemplateName(site.stack, 'Shared', { templateName: 'k8s-v1-33', image });
    const existing = MagnumCluster.fromClusterName(site.stack, 'Prod', { clusterName: 'prod', template: tpl, credentials: site.tenant, autoScaling: true });
    const a = existing.addNodeGroup('A', { pool: h200Pool(site, { minNodeCount: 1, maxNodeCount: 4 }), flavor: site.h200Vm });
    existing.addNodeGroup('B', { pool: h200Pool(site, { poolName: 'h200b' }, 'H200b'), flavor: site.h200Vm });
    const tf = synthStack(site.stack);

    const t = only(tf, 'openstack_containerinfra_clustertemplate_v1');
    expect(t.name).toBe('k8s-v1-33');
    expect(t.lifecycle.postcondition.map((c: any) => c.condition)).toEqual([
      `\${try(self.labels.kube_tag, "") == "${VERSION}"}`,
      '${self.network_driver == "calico"}',
      '${self.public == true}',
    ]);
    const c = only(tf, 'openstack_containerinfra_cluster_v1');
    expect(c).toMatchObject({ name: 'prod', provider: 'openstack.tenant_team_a' });
    expect(c.lifecycle.postcondition.map((x: any) => x.condition)).toEqual([
      `\${try(self.labels.kube_tag, "") == "${VERSION}"}`,
      '${lower(try(self.labels.auto_scaling_enabled, "false")) == "true"}',
    ]);
    expect(tf.resource.openstack_containerinfra_cluster_v1).toBeUndefined();
    const groups = Object.values(resourcesOf(tf, 'openstack_containerinfra_nodegroup_v1')) as any[];
    expect(groups.map((g) => [g.name, g.cluster_id, g.provider])).toEqual([
      ['h200', expect.stringMatching(/^\$\{data\.openstack_containerinfra_cluster_v1\.Prod_\w+\.id\}$/), 'openstack.tenant_team_a'],
      ['h200b', expect.stringMatching(/^\$\{data\.openstack_containerinfra_cluster_v1\.Prod_\w+\.id\}$/), 'openstack.tenant_team_a'],
    ]);
    // one after the other, as for a cluster this app creates
    expect(groups[1].depends_on).toEqual([expect.stringMatching(/^openstack_containerinfra_nodegroup_v1\.Prod_A_\w+$/)]);
    expect(existing.nodeGroups).toEqual([a, expect.anything()]);
    expect([existing.kubernetesVersion, existing.cloudName, tpl.kubernetesVersion]).toEqual([VERSION, 'team-a', VERSION]);
  });

  test('fails when a node group of a looked-up cluster without autoscaler scales', () => {
    const site = magnumSite();
    const tpl = ClusterTemplate.fromTemplateName(site.stack, 'Shared', { templateName: 'k8s', image: site.vmImage });
    const existing = MagnumCluster.fromClusterName(site.stack, 'Prod', { clusterName: 'prod', template: tpl, credentials: site.tenant });
    existing.addNodeGroup('A', { pool: h200Pool(site, { minNodeCount: 1, maxNodeCount: 4 }), flavor: site.h200Vm });
    expect(existing.node.validate()).toEqual([
      'pool h200 scales between 1 and 4 nodes, but cluster prod runs no autoscaler, so node group h200 stays at 4; set autoScaling: true on the cluster or give the pool minNodeCount = maxNodeCount = nodeCount',
    ]);
  });

  test('fails when a node group of a looked-up cluster has an image of another Kubernetes version', () => {
    const site = magnumSite();
    const tpl = ClusterTemplate.fromTemplateName(site.stack, 'Shared', { templateName: 'k8s', image: site.vmImage });
    const existing = MagnumCluster.fromClusterName(site.stack, 'Prod', { clusterName: 'prod', template: tpl, credentials: site.tenant });
    const old = new ClusterImage(site.stack, 'Old', { imageName: 'old', kubernetesVersion: 'v1.32.9' });
    expect(() => existing.addNodeGroup('A', { pool: h200Pool(site), flavor: site.h200Vm, image: old })).toThrow(
      `test/Prod/A: image old carries Kubernetes v1.32.9 but cluster prod runs ${VERSION}`,
    );
  });

  test('fails when a bare-metal node group is added to a looked-up cluster whose network is unknown', () => {
    const site = magnumSite();
    const tpl = ClusterTemplate.fromTemplateName(site.stack, 'Shared', { templateName: 'k8s', image: site.vmImage });
    const existing = MagnumCluster.fromClusterName(site.stack, 'Prod', { clusterName: 'prod', template: tpl, credentials: site.tenant });
    expect(() => existing.addNodeGroup('Bm', { pool: h200Pool(site), flavor: site.h200BareMetal, image: site.bareMetalImage })).toThrow(
      'test/Prod: bare-metal node group h200: the network of cluster prod is unknown; give network in MagnumCluster.fromClusterName ' +
        '(the cluster\'s fixed_network), so the nodes are checked against it',
    );
  });

  test('fails when a looked-up template is given a bare-metal image', () => {
    const site = magnumSite();
    expect(() => ClusterTemplate.fromTemplateName(site.stack, 'T', { templateName: 'k8s', image: site.bareMetalImage })).toThrow(
      `test/T: image ubuntu-24.04-${VERSION}-bm is a bare-metal image (img_hv_type=baremetal) but a template's control plane and default workers are VMs; give the template's VM image`,
    );
  });

  test('fails when a looked-up cluster name breaks Magnum\'s rule', () => {
    const site = magnumSite();
    const tpl = ClusterTemplate.fromTemplateName(site.stack, 'Shared', { templateName: 'k8s', image: site.vmImage });
    expect(() => MagnumCluster.fromClusterName(site.stack, 'C', { clusterName: '1prod', template: tpl })).toThrow(
      'test/C: clusterName "1prod" must start with a letter and use letters, digits, _ . - (at most 63)',
    );
  });

  test('ShareTypeCatalog with existing types declares them for the shares and emits no bootstrap script', () => {
    const stack = testStack();
    const catalog = new ShareTypeCatalog(stack, 'ShareTypes', { shareTypes: [ShareType.cephfsNative()], existing: true });
    new Share(stack, 'Datasets', { tenant: tenant(stack, 'A', 'a'), shareType: ShareType.cephfsNative(), sizeGb: 100 });
    const tf = synthValidated(stack);
    expect(onlyResource(tf, 'openstack_sharedfilesystem_share_v2').share_type).toBe('cephfs');
    expect(Object.keys(tf.output)).toEqual(['manila_quota_a']);
    expect(catalog.bootstrapOutputName).toBeUndefined();
  });

  test('ShareNetwork.fromShareNetworkName: a DHSS=True share on a tenant\'s existing share network, read as the tenant', () => {
    const stack = testStack();
    const netapp = ShareType.custom({ name: 'netapp', driverHandlesShareServers: true, protocol: ShareProtocol.NFS });
    new ShareTypeCatalog(stack, 'ShareTypes', { shareTypes: [netapp], existing: true });
    const a = tenant(stack, 'A', 'tenant-a');
    const sn = ShareNetwork.fromShareNetworkName(stack, 'Sn', 'tenant-a-storage', a);
    new Share(stack, 'Home', { tenant: a, shareType: netapp, sizeGb: 10, shareNetwork: sn });
    const tf = synthValidated(stack);
    expect(only(tf, 'openstack_sharedfilesystem_sharenetwork_v2')).toMatchObject({ name: 'tenant-a-storage', provider: 'openstack.project_tenant_a' });
    expect(tf.resource.openstack_sharedfilesystem_sharenetwork_v2).toBeUndefined();
    expect(onlyResource(tf, 'openstack_sharedfilesystem_share_v2').share_network_id).toMatch(/^\$\{data\.openstack_sharedfilesystem_sharenetwork_v2\.Sn_\w+\.id\}$/);
    // Manila counts it in the project's share networks, so the quota does too (1 plus the 10 % headroom, rounded up)
    expect(tf.output.manila_quota_tenant_a.value).toContain('--share-networks 2 ');
  });

  test('Share.fromShareName: access rules on a tenant\'s existing share, which counts into its Manila quota', () => {
    const stack = testStack();
    new ShareTypeCatalog(stack, 'ShareTypes', { shareTypes: [ShareType.cephfsNative()], existing: true });
    const a = tenant(stack, 'A', 'a');
    const share = Share.fromShareName(stack, 'Datasets', { shareName: 'a-datasets', tenant: a, shareType: ShareType.cephfsNative(), sizeGb: 500 });
    share.grantAccess(ShareAccessRule.cephx('a-training'));
    const tf = synthValidated(stack);
    const data = only(tf, 'openstack_sharedfilesystem_share_v2');
    expect(data).toMatchObject({ name: 'a-datasets', provider: 'openstack.project_a' });
    expect(data.lifecycle.postcondition.map((c: any) => c.condition)).toEqual(['${self.share_proto == "CEPHFS"}', '${self.size == 500}']);
    expect(tf.resource.openstack_sharedfilesystem_share_v2).toBeUndefined();
    expect(onlyResource(tf, 'openstack_sharedfilesystem_share_access_v2')).toMatchObject({
      share_id: expect.stringMatching(/^\$\{data\.openstack_sharedfilesystem_share_v2\.Datasets_\w+\.id\}$/),
      access_type: 'cephx',
      access_to: 'a-training',
    });
    expect(share.exportPath).toMatch(/^\$\{TfToken\[/);
    expect(tf.output.manila_quota_a.value).toContain('--gigabytes 550 ');
  });

  test('fails when a looked-up share\'s type is not declared in a catalog', () => {
    const stack = testStack();
    Share.fromShareName(stack, 'Datasets', { shareName: 'a-datasets', tenant: tenant(stack, 'A', 'a'), shareType: ShareType.cephfsNative(), sizeGb: 500 });
    expect(() => synthValidated(stack)).toThrow(
      "[test/Datasets] share type cephfs is not declared in a ShareTypeCatalog; declare it (new ShareTypeCatalog(site, 'ShareTypes', { shareTypes: [...] })) so its bootstrap command is emitted",
    );
  });

  test('fails when a looked-up share has a size that is not a positive integer', () => {
    const stack = testStack();
    expect(() => Share.fromShareName(stack, 'S', { shareName: 's', tenant: tenant(stack, 'A', 'a'), shareType: ShareType.cephfsNative(), sizeGb: 0.5 })).toThrow(
      'test/S: sizeGb 0.5 must be a positive integer',
    );
  });

  test('fails when a catalog of existing share types names a bootstrap output', () => {
    expect(() => new ShareTypeCatalog(testStack(), 'T', { shareTypes: [ShareType.cephfsNative()], existing: true, outputName: 'x' })).toThrow(
      'test/T: outputName names the bootstrap script, which a catalog of existing share types does not emit; drop it',
    );
  });

  test('fails when a looked-up project name is empty', () => {
    expect(() => Project.fromProjectName(testStack(), 'P', '')).toThrow(
      'test/P: projectName "" must be 1 to 64 characters without leading or trailing spaces (Keystone\'s limit)',
    );
  });

  test('fails when a looked-up domain id is empty', () => {
    expect(() => Project.fromProjectName(testStack(), 'P', 'ops', ' ')).toThrow(
      'test/P: domainId "" is empty; give the id of the project\'s domain, or leave it out for default',
    );
  });

  test('fails when a looked-up security group name is empty', () => {
    expect(() => SecurityGroup.fromSecurityGroupName(testStack(), 'S', ' ')).toThrow(
      'test/S: securityGroupName "" is empty; give the name of the existing security group',
    );
  });

  test('fails when a looked-up network name is empty', () => {
    expect(() => TenantNetwork.fromNetworkName(testStack(), 'N', { networkName: '', cidr: '10.9.0.0/24' })).toThrow(
      'test/N: networkName "" must be 1 to 255 characters (Neutron\'s limit); give the name of the existing network',
    );
  });
});
