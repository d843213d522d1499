import { ClusterImage, ImageDiskFormat, ImageDistro, ImageVisibility } from '../../../constructs/cluster/cluster-image';
import { ExistingFlavor } from '../../../constructs/cluster/existing-flavor';
import { TenantCloud } from '../../../constructs/cluster/tenant-cloud';
import { dataSourcesOf, onlyResource, synthStack, testStack } from '../../util';

describe('ClusterImage', () => {
  test('uploads a public image with the os_distro that selects magnum-cluster-api', () => {
    const stack = testStack();
    const image = new ClusterImage(stack, 'Image', {
      imageName: 'ubuntu-24.04-v1.33.12',
      kubernetesVersion: 'v1.33.12',
      sourceUrl: 'https://images.test/ubuntu-24.04-v1.33.12.qcow2',
    });
    const tf = synthStack(stack);
    const r = onlyResource(tf, 'openstack_images_image_v2');
    expect(r).toMatchObject({
      name: 'ubuntu-24.04-v1.33.12',
      container_format: 'bare',
      disk_format: 'qcow2',
      image_source_url: 'https://images.test/ubuntu-24.04-v1.33.12.qcow2',
      web_download: false,
      visibility: 'public',
      properties: { os_distro: 'ubuntu' },
    });
    expect(r.properties.img_hv_type).toBeUndefined();
    expect(image.bareMetal).toBe(false);
    expect(image.kubernetesVersion).toBe('v1.33.12');
  });

  test('a bare-metal image carries img_hv_type=baremetal, so Nova only places it on Ironic nodes', () => {
    const stack = testStack();
    const tenant = new TenantCloud(stack, 'T', { cloud: 'team-a' });
    new ClusterImage(stack, 'Image', {
      imageName: 'rocky-bm',
      kubernetesVersion: 'v1.33.12',
      osDistro: ImageDistro.ROCKY_LINUX,
      bareMetal: true,
      sourceUrl: 'https://images.test/rocky.raw',
      diskFormat: ImageDiskFormat.RAW,
      webDownload: true,
      visibility: ImageVisibility.PRIVATE,
      credentials: tenant,
    });
    expect(onlyResource(synthStack(stack), 'openstack_images_image_v2')).toMatchObject({
      disk_format: 'raw',
      web_download: true,
      visibility: 'private',
      properties: { os_distro: 'rockylinux', img_hv_type: 'baremetal' },
      provider: 'openstack.tenant_team_a',
    });
  });

  test('an existing image is looked up by name and the properties the driver needs', () => {
    const stack = testStack();
    const image = new ClusterImage(stack, 'Image', { imageName: 'ubuntu-bm', kubernetesVersion: 'v1.33.12', bareMetal: true });
    const tf = synthStack(stack);
    expect(Object.values(dataSourcesOf(tf, 'openstack_images_image_v2'))[0]).toMatchObject({
      name: 'ubuntu-bm',
      most_recent: true,
      properties: { os_distro: 'ubuntu', img_hv_type: 'baremetal' },
    });
    expect(image.visibility).toBeUndefined();
  });

  test('fails when the Kubernetes version is not a kube_tag', () => {
    const stack = testStack();
    expect(() => new ClusterImage(stack, 'Image', { imageName: 'x', kubernetesVersion: '1.33' })).toThrow(
      'test/Image: kubernetesVersion "1.33" must look like v1.33.12 (the kube_tag the image was built for)',
    );
  });

  test('fails when upload options are given for a lookup', () => {
    const stack = testStack();
    expect(() => new ClusterImage(stack, 'Image', { imageName: 'x', kubernetesVersion: 'v1.33.12', visibility: ImageVisibility.PUBLIC })).toThrow(
      'test/Image: visibility, diskFormat and webDownload apply to an uploaded image; give sourceUrl or drop them',
    );
  });

  test('fails when the source is not an http(s) URL', () => {
    const stack = testStack();
    expect(() => new ClusterImage(stack, 'Image', { imageName: 'x', kubernetesVersion: 'v1.33.12', sourceUrl: '/tmp/x.qcow2' })).toThrow(
      'test/Image: sourceUrl "/tmp/x.qcow2" must be an http(s) URL',
    );
  });
});

describe('ExistingFlavor', () => {
  test('looks a flavor up by name, as the tenant when asked', () => {
    const stack = testStack();
    const tenant = new TenantCloud(stack, 'T', { cloud: 'team-a' });
    const flavor = new ExistingFlavor(stack, 'F', { flavorName: 'm1.xlarge', credentials: tenant });
    expect(Object.values(dataSourcesOf(synthStack(stack), 'openstack_compute_flavor_v2'))[0]).toMatchObject({ name: 'm1.xlarge', provider: 'openstack.tenant_team_a' });
    expect(flavor.flavorName).toBe('m1.xlarge');
  });

  test('fails when the name is empty', () => {
    expect(() => new ExistingFlavor(testStack(), 'F', { flavorName: ' ' })).toThrow('test/F: flavorName must be a non-empty literal');
  });
});
