import { parseYamlDocuments, synthExample } from '../util';

const STACK = 'cdktf.out/stacks/tenants-and-storage/cdk.tf.json';
const YAML = 'dist/tenants-and-storage-models.k8s.yaml';

describe('examples/tenants-and-storage', () => {
  const files = synthExample('tenants-and-storage');
  const tf = JSON.parse(files[STACK]);
  const resources = (type: string): any[] => Object.values(tf.resource[type] ?? {});

  test('writes one Terraform stack and one Kubernetes file', () => {
    expect(Object.keys(files).sort()).toEqual([STACK, YAML]);
  });

  test('two tenants: projects, quotas, GPU limits and credentials', () => {
    expect(resources('openstack_identity_project_v3').map((p) => p.name).sort()).toEqual(['inference', 'research']);
    const gpuLimits = resources('openstack_identity_limit_v3').filter((l) => l.resource_name === 'class:CUSTOM_PCI_10DE_2335').map((l) => l.resource_limit).sort();
    expect(gpuLimits).toEqual([16, 8]);
    expect(resources('openstack_identity_application_credential_v3').map((c) => [c.name, c.expires_at]).sort()).toEqual([
      ['inference-modelsync', '2026-12-31T00:00:00Z'],
      ['research-trainingpipeline', '2026-08-30T00:00:00Z'],
    ]);
    expect(resources('openstack_networking_quota_v2')).toHaveLength(2);
  });

  test('a CephFS share and a bucket per tenant, and a read-only dataset share from research to inference', () => {
    const shares = resources('openstack_sharedfilesystem_share_v2');
    for (const tenant of ['research', 'inference']) {
      expect(shares.some((s) => s.share_proto === 'CEPHFS' && s.provider === `openstack.project_${tenant}`)).toBe(true);
      expect(resources('openstack_objectstorage_container_v1').some((b) => b.provider === `openstack.project_${tenant}`)).toBe(true);
    }
    expect(resources('openstack_sharedfilesystem_share_access_v2')).toContainEqual(expect.objectContaining({
      access_type: 'cephx', access_to: 'inference-research', access_level: 'ro', provider: 'openstack.project_research',
    }));
  });

  test('every stateful resource has prevent_destroy, except the scratch volume opted out with a reason', () => {
    for (const type of ['openstack_sharedfilesystem_share_v2', 'openstack_objectstorage_container_v1', 'openstack_identity_project_v3']) {
      for (const r of resources(type)) expect(r.lifecycle).toEqual({ prevent_destroy: true });
    }
    expect(resources('openstack_blockstorage_volume_v3').map((v) => [v.name, v.lifecycle?.prevent_destroy ?? false]).sort()).toEqual([
      ['research-researchcheckpoints', true],
      ['research-researchscratch', false],
    ]);
  });

  test('Terraform JSON snapshot', () => {
    expect(tf).toMatchSnapshot();
  });

  test('Kubernetes YAML snapshot', () => {
    expect(parseYamlDocuments(files[YAML])).toMatchSnapshot();
  });

  test('no absolute paths or timestamps in the output', () => {
    for (const content of Object.values(files)) {
      expect(content).not.toMatch(/\/(work|home|tmp|Users)\//);
      expect(content).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?!Z")/);
    }
  });

  test('two syntheses are byte-identical', () => {
    expect(synthExample('tenants-and-storage')).toEqual(files);
  });
});
