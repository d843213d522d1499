import { cluster, h200Pool, magnumSite, template, VERSION } from './magnum-fixtures';
import { network } from './network-fixture';
import { ClusterImage, ImageVisibility } from '../../../constructs/cluster/cluster-image';
import { MagnumCluster } from '../../../constructs/cluster/magnum-cluster';
import { TenantCloud } from '../../../constructs/cluster/tenant-cloud';
import { BaremetalFlavor } from '../../../constructs/compute/baremetal-flavor';
import { BaremetalNodePool } from '../../../constructs/compute/baremetal-node-pool';
import { ServerProfile } from '../../../lib/hardware/server';
import { onlyResource, resourcesOf, synthStack } from '../../util';
import { Project } from '../compute/helpers';

describe('MagnumCluster', () => {
  test("defaults: 3 control plane VMs, 2 default workers, auto-healing on, autoscaler off, the tenant's provider", () => {
    const site = magnumSite();
    const c = cluster(site, { network: undefined });
    const tf = synthStack(site.stack);
    const r = onlyResource(tf, 'openstack_containerinfra_cluster_v1');
    expect(r).toMatchObject({
      name: 'team-a',
      master_count: 3,
      node_count: 2,
      merge_labels: true,
      labels: { auto_healing_enabled: 'true', auto_scaling_enabled: 'false' },
      create_timeout: 60,
      provider: 'openstack.tenant_team_a',
      timeouts: { create: '60m', update: '60m', delete: '60m' },
    });
    expect(r.cluster_template_id).toMatch(/^\$\{openstack_containerinfra_clustertemplate_v1\.Template_[0-9A-F]+\.id\}$/);
    expect(r.keypair).toBeUndefined();
    expect(r.fixed_network).toBeUndefined();
    expect(c.kubernetesVersion).toBe(VERSION);
    expect(c.cloudName).toBe('team-a');
  });

  test('the kubeconfig is exported as sensitive outputs, never as literal credentials', () => {
    const site = magnumSite();
    const c = cluster(site);
    const tf = synthStack(site.stack);
    expect(c.kubeconfigOutputNames).toEqual(['team_a_kubeconfig', 'team_a_kube_host', 'team_a_kube_cluster_ca_certificate', 'team_a_kube_client_certificate', 'team_a_kube_client_key']);
    const keys = ['raw_config', 'host', 'cluster_ca_certificate', 'client_certificate', 'client_key'];
    c.kubeconfigOutputNames.forEach((name, i) => {
      expect(tf.output[name].sensitive).toBe(true);
      expect(tf.output[name].value).toMatch(new RegExp(`^\\$\\{openstack_containerinfra_cluster_v1\\.Cluster_[0-9A-F]+\\.kubeconfig\\["${keys[i]}"\\]\\}$`));
    });
  });

  test('options: network, SSH key as the tenant, autoscaler pins the default workers, own labels', () => {
    const site = magnumSite();
    const c = cluster(site, {
      network: network(site.stack),
      sshPublicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBx ops@test',
      autoScaling: true,
      autoHealing: false,
      controlPlaneCount: 1,
      defaultWorkerCount: 3,
      createTimeoutMinutes: 90,
      labels: { audit_log_maxage: '7' },
    });
    const tf = synthStack(site.stack);
    const r = onlyResource(tf, 'openstack_containerinfra_cluster_v1');
    expect(r.labels).toEqual({
      audit_log_maxage: '7', auto_healing_enabled: 'false', auto_scaling_enabled: 'true', max_node_count: '3', min_node_count: '3',
    });
    expect(r).toMatchObject({ master_count: 1, node_count: 3, create_timeout: 90 });
    expect(r.fixed_network).toMatch(/openstack_networking_network_v2/);
    expect(r.fixed_subnet).toMatch(/openstack_networking_subnet_v2/);
    expect(onlyResource(tf, 'openstack_compute_keypair_v2')).toEqual(expect.objectContaining({
      name: 'team-a-nodes', public_key: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBx ops@test', provider: 'openstack.tenant_team_a',
    }));
    expect(r.keypair).toMatch(/openstack_compute_keypair_v2\.Cluster_Keypair_[0-9A-F]+\.name/);
    expect(c.autoScaling).toBe(true);
  });

  test("the stack's own credentials: the cloud is the FactoryStack's", () => {
    const site = magnumSite();
    const c = new MagnumCluster(site.stack, 'Admin', { template: template(site) });
    expect(c.cloudName).toBe('openstack');
    expect(onlyResource(synthStack(site.stack), 'openstack_containerinfra_cluster_v1').provider).toBeUndefined();
  });

  test('fails when the control plane count is even', () => {
    const site = magnumSite();
    expect(() => cluster(site, { controlPlaneCount: 2 })).toThrow(
      'test/Cluster: controlPlaneCount 2 must be odd (1, 3, 5): magnum-cluster-api refuses even control planes (etcd quorum)',
    );
  });

  test('fails when there is no default worker', () => {
    const site = magnumSite();
    expect(() => cluster(site, { defaultWorkerCount: 0 })).toThrow(
      'test/Cluster: defaultWorkerCount 0 must be at least 1: the system pods (CoreDNS, operators) need a node off the GPU pools',
    );
  });

  test('fails when the template is private to other credentials', () => {
    const site = magnumSite();
    const t = template(site, { isPublic: false });
    expect(() => cluster(site, { template: t })).toThrow(
      "test/Cluster: template template is private to the stack's own credentials, but the cluster is created with clouds.yaml entry team-a, " +
        "whose project cannot see it; make the template public or create it with the cluster's credentials",
    );
  });

  test("fails when the template's image is private to the site while the tenant's nodes boot it", () => {
    const site = magnumSite();
    const image = new ClusterImage(site.stack, 'Private', {
      imageName: 'private', kubernetesVersion: VERSION, sourceUrl: 'https://images.test/p.qcow2', visibility: ImageVisibility.PRIVATE,
    });
    expect(() => cluster(site, { template: template(site, { image }) })).toThrow(
      "test/Cluster: image private is private to the stack's own credentials but is used with clouds.yaml entry team-a; " +
        'Nova could not boot it: make the image public, shared or community, or upload it with the same credentials',
    );
  });

  test('fails when the cluster sets kube_tag', () => {
    const site = magnumSite();
    expect(() => cluster(site, { labels: { kube_tag: 'v1.34.0' } })).toThrow(
      'test/Cluster: label kube_tag comes from the template (kubernetesVersion); a cluster cannot run another version than its image',
    );
  });

  test('fails when the SSH key is not an OpenSSH public key', () => {
    const site = magnumSite();
    expect(() => cluster(site, { sshPublicKey: '-----BEGIN OPENSSH PRIVATE KEY-----' })).toThrow(
      'test/Cluster: sshPublicKey must be an OpenSSH public key (ssh-ed25519 AAAA... comment); never a private key',
    );
  });

  test('fails when the cluster name is not a Magnum name', () => {
    const site = magnumSite();
    expect(() => cluster(site, { clusterName: 'team a' })).toThrow('test/Cluster: clusterName "team a" must start with a letter and use letters, digits, _ . - (at most 63)');
  });

  test('fails when the create timeout is too short', () => {
    const site = magnumSite();
    expect(() => cluster(site, { createTimeoutMinutes: 5 })).toThrow('test/Cluster: createTimeoutMinutes 5 must be an integer of at least 10');
  });

  test("fails when a pool's min/max contradict a cluster without autoscaler", () => {
    const site = magnumSite();
    const c = cluster(site);
    c.addNodeGroup('H200', { pool: h200Pool(site, { nodeCount: 2, minNodeCount: 1, maxNodeCount: 4 }), flavor: site.h200BareMetal, image: site.bareMetalImage });
    expect(c.node.validate()).toEqual([
      'pool h200 scales between 1 and 4 nodes, but cluster team-a runs no autoscaler, so node group h200 stays at 2; ' +
        'set autoScaling: true on the cluster or give the pool minNodeCount = maxNodeCount = nodeCount',
    ]);
  });

  test('fails when bare-metal node groups can grow beyond the enrolled servers', () => {
    const site = magnumSite();
    const c = cluster(site, { autoScaling: true });
    c.addNodeGroup('H200', { pool: h200Pool(site, { nodeCount: 4, maxNodeCount: 6 }), flavor: site.h200BareMetal, image: site.bareMetalImage });
    expect(c.node.validate()).toEqual([
      "node groups h200 can grow to 6 bare-metal servers but Ironic pool hgx-h200 has 4 enrolled; enroll more nodes or lower the pools' maxNodeCount",
    ]);
  });

  test('a bare-metal node group joins a VLAN network its switch ports can be bound into', () => {
    const site = magnumSite();
    const c = cluster(site);
    c.addNodeGroup('H200', { pool: h200Pool(site), flavor: site.h200BareMetal, image: site.bareMetalImage });
    const r = onlyResource(synthStack(site.stack), 'openstack_containerinfra_cluster_v1');
    expect(r.fixed_network).toMatch(/^\$\{openstack_networking_network_v2\.BmNet_[0-9A-F]+\.id\}$/);
    expect(site.bareMetalNetwork.encapsulation).toBe('vlan');
    expect(c.node.validate()).toEqual([]);
  });

  test('fails when a bare-metal node group would land on the private overlay network the driver creates', () => {
    const site = magnumSite();
    const c = cluster(site, { network: undefined });
    expect(() => c.addNodeGroup('H200', { pool: h200Pool(site), flavor: site.h200BareMetal, image: site.bareMetalImage })).toThrow(
      'test/Cluster: bare-metal node group h200: without a network magnum-cluster-api puts cluster team-a on a private overlay network it creates, ' +
        "which Ironic cannot bind bare-metal switch ports into; give the cluster network: a VLAN tenant network on the nodes' physnet");
  });

  test('fails when the cluster network is an overlay, which no bare-metal switch port can join', () => {
    const site = magnumSite();
    const c = cluster(site, { network: network(site.stack) });
    expect(() => c.addNodeGroup('H200', { pool: h200Pool(site), flavor: site.h200BareMetal, image: site.bareMetalImage })).toThrow(
      'test/Cluster: bare-metal node group h200: network net cannot bind bare-metal switch ports (capabilities from nothing (network net is not ' +
        "from a NetworkSite)), so Ironic cannot attach the nodes; give the cluster a VLAN tenant network on the nodes' physnet");
  });

  test('fails when the Ironic nodes use the flat network interface, which keeps them on the provisioning network', () => {
    const site = magnumSite();
    const flatPool = new BaremetalNodePool(site.stack, 'Flat', {
      poolName: 'hgx-flat',
      resourceClass: 'baremetal-hgx-flat',
      server: ServerProfile.HGX_H200_8GPU,
      nodes: [{ nodeName: 'hgx-9', bmcAddress: 'https://10.0.0.9', macAddresses: { 'lom0/0': '3c:ec:ef:00:00:09' } }],
    });
    const c = cluster(site);
    expect(() => c.addNodeGroup('H200', {
      pool: h200Pool(site, { nodeCount: 1 }), flavor: new BaremetalFlavor(site.stack, 'FlatFlavor', { pool: flatPool, flavorName: 'bm.hgx-flat' }), image: site.bareMetalImage,
    })).toThrow(
      'test/Cluster: bare-metal node group h200: Ironic nodes hgx-9 use the flat network interface, which leaves them on the network they are cabled to ' +
        "(the provisioning network), so they cannot join cluster team-a's network; enroll them with NetworkInterfaceType.NEUTRON and local link connections, " +
        'and give the cluster a VLAN tenant network on their physnet');
  });

  test('fails when two node groups share a name', () => {
    const site = magnumSite();
    const c = cluster(site);
    c.addNodeGroup('A', { pool: h200Pool(site), flavor: site.h200BareMetal, image: site.bareMetalImage });
    expect(() => c.addNodeGroup('B', { pool: h200Pool(site, { poolName: 'other' }, 'Other'), flavor: site.h200Vm, nodeGroupName: 'h200' })).toThrow(
      'test/Cluster: node group h200 already exists (test/Cluster/A); node group names are unique in a cluster',
    );
  });

  test('fails when one pool gets two node groups', () => {
    const site = magnumSite();
    const c = cluster(site);
    const pool = h200Pool(site);
    c.addNodeGroup('A', { pool, flavor: site.h200BareMetal, image: site.bareMetalImage });
    expect(() => c.addNodeGroup('B', { pool, flavor: site.h200Vm, nodeGroupName: 'h200-vm' })).toThrow(
      "test/Cluster: pool h200 already has node group h200; one node group per pool keeps the pool's node counts true",
    );
  });

  test('an explicit project of the tenant receives the flavor access', () => {
    const site = magnumSite();
    const project = new Project(site.stack, 'P', 'team-b');
    const tenantB = new TenantCloud(site.stack, 'TeamB', { cloud: 'team-b', project });
    const c = new MagnumCluster(site.stack, 'B', { template: template(site), credentials: tenantB });
    c.addNodeGroup('H200', { pool: h200Pool(site), flavor: site.h200Vm });
    const access = Object.values(resourcesOf(synthStack(site.stack), 'openstack_compute_flavor_access_v2')) as any[];
    expect(access.map((a) => a.tenant_id)).toEqual(['project-team-b']);
  });
});
