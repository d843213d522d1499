import { magnumSite, template, VERSION } from './magnum-fixtures';
import { ClusterImage, ImageVisibility } from '../../../constructs/cluster/cluster-image';
import { ApiEndpointAccess, NetworkDriver, OctaviaProvider } from '../../../constructs/cluster/cluster-template';
import { onlyResource, synthStack } from '../../util';

describe('ClusterTemplate', () => {
  test('defaults: Cluster API driver, kube_tag of the image, API behind a load balancer with a floating IP', () => {
    const site = magnumSite();
    const t = template(site);
    const r = onlyResource(synthStack(site.stack), 'openstack_containerinfra_clustertemplate_v1');
    expect(r).toMatchObject({
      name: 'template',
      coe: 'kubernetes',
      server_type: 'vm',
      network_driver: 'calico',
      volume_driver: 'cinder',
      master_lb_enabled: true,
      floating_ip_enabled: false,
      tls_disabled: false,
      public: true,
      labels: { kube_tag: VERSION, master_lb_floating_ip_enabled: 'true' },
    });
    expect(r.image).toMatch(/^\$\{openstack_images_image_v2\.VmImage_[0-9A-F]+\.id\}$/);
    expect(r.master_flavor).toMatch(/^\$\{data\.openstack_compute_flavor_v2\.Cp_/);
    expect(r.flavor).toMatch(/^\$\{data\.openstack_compute_flavor_v2\.Workers_/);
    expect(r.external_network_id).toMatch(/^\$\{data\.openstack_networking_network_v2\.Public_/);
    expect(r.provider).toBeUndefined();
    expect(t.kubernetesVersion).toBe(VERSION);
    expect(t.bootVolume).toBeUndefined();
  });

  test('options become fields and labels: Cilium, private API, node floating IPs, boot volume, mirror, OVN, audit log', () => {
    const site = magnumSite();
    template(site, {
      templateName: 'k8s-gpu',
      networkDriver: NetworkDriver.CILIUM,
      apiAccess: ApiEndpointAccess.PRIVATE,
      nodeFloatingIps: true,
      bootVolume: { sizeGb: 200, volumeType: 'ssd' },
      containerRegistry: 'registry.test/mirror',
      octaviaProvider: OctaviaProvider.OVN,
      auditLog: true,
      dnsNameserver: '10.0.0.53',
      labels: { calico_ipv4pool: '10.200.0.0/16', octavia_lb_algorithm: 'SOURCE_IP_PORT' },
      isPublic: false,
    });
    const r = onlyResource(synthStack(site.stack), 'openstack_containerinfra_clustertemplate_v1');
    expect(r).toMatchObject({ name: 'k8s-gpu', network_driver: 'cilium', floating_ip_enabled: true, public: false, dns_nameserver: '10.0.0.53' });
    expect(r.labels).toEqual({
      audit_log_enabled: 'true',
      boot_volume_size: '200',
      boot_volume_type: 'ssd',
      calico_ipv4pool: '10.200.0.0/16',
      container_infra_prefix: 'registry.test/mirror',
      kube_tag: VERSION,
      master_lb_floating_ip_enabled: 'false',
      octavia_lb_algorithm: 'SOURCE_IP_PORT',
      octavia_provider: 'ovn',
    });
  });

  test('a tenant template is created with the tenant provider', () => {
    const site = magnumSite();
    template(site, { isPublic: false, credentials: site.tenant });
    expect(onlyResource(synthStack(site.stack), 'openstack_containerinfra_clustertemplate_v1').provider).toBe('openstack.tenant_team_a');
  });

  test('warns about a label magnum-cluster-api does not know', () => {
    const site = magnumSite();
    const t = template(site, { labels: { cinder_csi_enable: 'true' } });
    const warnings = t.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => m.data);
    expect(warnings).toEqual(['label cinder_csi_enable is not a magnum-cluster-api label; the driver ignores it']);
  });

  test('a label named like an Object.prototype member is an unknown label, not one the construct sets', () => {
    const site = magnumSite();
    const t = template(site, { labels: { constructor: 'x' } });
    const warnings = t.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => m.data);
    expect(warnings).toEqual(['label constructor is not a magnum-cluster-api label; the driver ignores it']);
  });

  test('fails when the Kubernetes version has no matching image', () => {
    const site = magnumSite();
    expect(() => template(site, { kubernetesVersion: 'v1.34.1' })).toThrow(
      'test/Template: kubernetesVersion v1.34.1 has no matching image: image ubuntu-24.04-v1.33.12 was built for v1.33.12; ' +
        'magnum-cluster-api needs one image per kube_tag, so give a v1.34.1 image or use v1.33.12',
    );
  });

  test('fails when the Kubernetes version is not a kube_tag', () => {
    const site = magnumSite();
    expect(() => template(site, { kubernetesVersion: '1.33.12' })).toThrow('test/Template: kubernetesVersion "1.33.12" must look like v1.33.12 (magnum-cluster-api\'s kube_tag)');
  });

  test('fails when the template image is a bare-metal image', () => {
    const site = magnumSite();
    expect(() => template(site, { image: site.bareMetalImage })).toThrow(
      `test/Template: image ubuntu-24.04-${VERSION}-bm is a bare-metal image (img_hv_type=baremetal) but the control plane and default workers are VMs; ` +
        'give the template a VM image and the bare-metal image to the bare-metal node groups',
    );
  });

  test('fails when a tenant publishes a template', () => {
    const site = magnumSite();
    expect(() => template(site, { credentials: site.tenant, isPublic: true })).toThrow(
      'test/Template: a public template cannot be created with the tenant credentials of team-a: publishing is admin-only (clustertemplate:publish); drop credentials or isPublic',
    );
  });

  test('fails when the image is private to other credentials', () => {
    const site = magnumSite();
    const image = new ClusterImage(site.stack, 'Private', {
      imageName: 'private', kubernetesVersion: VERSION, sourceUrl: 'https://images.test/p.qcow2', visibility: ImageVisibility.PRIVATE,
    });
    expect(() => template(site, { image, credentials: site.tenant, isPublic: false })).toThrow(
      "test/Template: image private is private to the stack's own credentials but is used with clouds.yaml entry team-a; " +
        'Nova could not boot it: make the image public, shared or community, or upload it with the same credentials',
    );
  });

  test('fails when a label looks like a Kubernetes node label', () => {
    const site = magnumSite();
    expect(() => template(site, { labels: { 'nvidia.com/mig.config': 'all-disabled' } })).toThrow(
      'test/Template: label nvidia.com/mig.config looks like a Kubernetes node label, but Magnum labels configure the driver and never reach the nodes ' +
        "(magnum-cluster-api only sets node-role.kubernetes.io/<role> and node.cluster.x-k8s.io/nodegroup); the pool's nodeLabels reach the nodes through NodeGroupLabeler",
    );
  });

  test('fails when a boolean label is not a boolean', () => {
    const site = magnumSite();
    expect(() => template(site, { labels: { cilium_hubble_ui_enabled: 'enabled' } })).toThrow(
      'test/Template: label cilium_hubble_ui_enabled=enabled is not a boolean; magnum-cluster-api reads it strictly, use "true" or "false"',
    );
  });

  test('fails when an integer label is not an integer', () => {
    const site = magnumSite();
    expect(() => template(site, { labels: { etcd_volume_size: '20GB' } })).toThrow(
      'test/Template: label etcd_volume_size=20GB is not an integer; magnum-cluster-api reads it with validate_integer',
    );
  });

  test('fails when a label is set by a prop', () => {
    const site = magnumSite();
    expect(() => template(site, { labels: { kube_tag: 'v1.33.12' } })).toThrow(
      'test/Template: label kube_tag is set by the construct (kube_tag=v1.33.12); use the matching prop instead of labels',
    );
  });

  test('fails when a per-cluster label is put on the template', () => {
    const site = magnumSite();
    expect(() => template(site, { labels: { auto_scaling_enabled: 'true' } })).toThrow(
      'test/Template: label auto_scaling_enabled is a per-cluster choice; set MagnumCluster autoScaling instead',
    );
  });

  test('fails when a label key is not snake_case', () => {
    const site = magnumSite();
    expect(() => template(site, { labels: { BootVolumeType: 'ssd' } })).toThrow(
      'test/Template: label key "BootVolumeType" is not a Magnum label name; magnum-cluster-api labels are lower-case snake_case such as boot_volume_type',
    );
  });

  test('fails when server group policies name a policy the driver drops', () => {
    const site = magnumSite();
    expect(() => template(site, { labels: { server_group_policies: 'anti-affinity,spread' } })).toThrow(
      'test/Template: label server_group_policies=anti-affinity,spread names spread, which magnum-cluster-api drops silently; use affinity, anti-affinity, soft-affinity or soft-anti-affinity',
    );
  });

  test('fails when the OVN provider gets another algorithm than SOURCE_IP_PORT', () => {
    const site = magnumSite();
    expect(() => template(site, { octaviaProvider: OctaviaProvider.OVN, labels: { octavia_lb_algorithm: 'ROUND_ROBIN' } })).toThrow(
      'test/Template: octavia_lb_algorithm ROUND_ROBIN does not work with the ovn Octavia provider; it supports only SOURCE_IP_PORT',
    );
  });

  test('fails when the boot volume size is not positive', () => {
    const site = magnumSite();
    expect(() => template(site, { bootVolume: { sizeGb: 0 } })).toThrow('test/Template: bootVolume.sizeGb 0 must be a positive integer (GB)');
  });

  test('fails when the template name is not a Magnum name', () => {
    const site = magnumSite();
    expect(() => template(site, { templateName: '1-k8s' })).toThrow('test/Template: templateName "1-k8s" must start with a letter and use letters, digits, _ . - (at most 63)');
  });
});
