import { synthExample } from '../util';

const STACK = 'cdktf.out/stacks/bare-metal-gpu-pool/cdk.tf.json';

/** Every (path, value) of a JSON document whose key looks like a credential. */
function credentialValues(node: any, path: string[] = []): [string, unknown][] {
  if (Array.isArray(node)) return node.flatMap((v, i) => credentialValues(v, [...path, String(i)]));
  if (node && typeof node === 'object') {
    return Object.entries(node).flatMap(([k, v]) =>
      /(password|passwd|username|secret|token|credentials?)$/i.test(k) && typeof v !== 'object' ? [[[...path, k].join('.'), v] as [string, unknown]] : credentialValues(v, [...path, k]),
    );
  }
  return [];
}

describe('examples/bare-metal-gpu-pool', () => {
  const files = synthExample('bare-metal-gpu-pool');
  const tf = JSON.parse(files[STACK]);

  test('writes one Terraform stack', () => {
    expect(Object.keys(files)).toEqual([STACK]);
  });

  test('Terraform JSON snapshot', () => {
    expect(tf).toMatchSnapshot();
  });

  test('enrolls the HGX H200 pool and emits its bare-metal flavor and GPU flavor family', () => {
    const nodes = Object.values(tf.resource.ironic_node).filter((n: any) => n.resource_class === 'baremetal-hgx-h200-8gpu');
    expect(nodes).toHaveLength(4);
    const flavors = Object.fromEntries(Object.values(tf.resource.openstack_compute_flavor_v2).map((f: any) => [f.name, f.extra_specs]));
    expect(flavors['bm.hgx-h200-8gpu']['resources:CUSTOM_BAREMETAL_HGX_H200_8GPU']).toBe('1');
    // GPUs spread: 1 and 4 GPUs on one NUMA node under required affinity, 8 GPUs across two
    for (const [n, numa] of [[1, '1'], [2, '1'], [4, '1'], [8, '2']]) {
      expect(flavors[`gpu.h200-sxm-141gb.${n}x`]).toMatchObject({ 'hw:numa_nodes': numa, 'hw:pci_numa_affinity_policy': 'required' });
    }
    // H200 is SR-IOV capable: nova-compute records it as type-PF, and the device_spec makes it assignable
    expect(tf.output.nova_pci_alias.value).toEqual({
      alias: ['{"name":"h200-sxm-141gb","vendor_id":"10de","product_id":"2335","device_type":"type-PF","numa_policy":"required"}'],
      device_spec: ['{"vendor_id":"10de","product_id":"2335"}'],
    });
  });

  test('the cleaning network has no DHCP, since every node boots from Redfish virtual media; the VM flavors carry multiqueue', () => {
    const bootInterfaces = new Set(Object.values(tf.resource.ironic_node).map((n: any) => n.boot_interface));
    expect([...bootInterfaces]).toEqual(['redfish-virtual-media']);
    expect(Object.values(tf.resource.openstack_networking_subnet_v2).map((s: any) => [s.name, s.enable_dhcp])).toEqual([['baremetal-v4', false]]);
    const vm = Object.values(tf.resource.openstack_compute_flavor_v2).filter((f: any) => f.name.startsWith('gpu.'));
    expect(vm.map((f: any) => f.extra_specs['hw:vif_multiqueue_enabled'])).toEqual(['true', 'true', 'true', 'true']);
  });

  test('no secret literal in any synthesized file: BMC credentials are sensitive variables or Barbican payloads', () => {
    // the scan itself finds literals
    expect(credentialValues({ a: { redfish_password: 'hunter2' } })).toEqual([['a.redfish_password', 'hunter2']]);
    const refs = /^\$\{(var\.[a-z0-9_]+|data\.openstack_keymanager_secret_v1\.[A-Za-z0-9_-]+\.payload)\}$/;
    for (const content of Object.values(files)) {
      const found = credentialValues(JSON.parse(content));
      expect(found.length).toBeGreaterThan(0);
      for (const [where, value] of found) {
        expect({ where, value }).toEqual({ where, value: expect.stringMatching(refs) });
      }
    }
    for (const [name, v] of Object.entries<any>(tf.variable)) {
      expect({ name, sensitive: v.sensitive, default: v.default }).toEqual({ name, sensitive: true, default: undefined });
    }
  });

  test('no absolute paths or timestamps in the output', () => {
    for (const content of Object.values(files)) {
      expect(content).not.toMatch(/\/(work|home|tmp|Users)\//);
      expect(content).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    }
  });

  test('two syntheses are byte-identical', () => {
    expect(synthExample('bare-metal-gpu-pool')).toEqual(files);
  });
});
