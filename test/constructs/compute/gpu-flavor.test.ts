import { Project } from './helpers';
import { GpuFlavor } from '../../../constructs/compute/gpu-flavor';
import { GpuFlavorFamily } from '../../../constructs/compute/gpu-flavor-family';
import { CpuPolicy, CpuThreadPolicy, PciNumaAffinityPolicy } from '../../../lib/hardware/flavor-plan';
import { GpuAttachment, GpuAttachmentKind } from '../../../lib/hardware/gpu-attachment';
import { ServerProfile } from '../../../lib/hardware/server';
import { MI300X_SERVER } from '../../lib/hardware/fixtures';
import { onlyResource, resourcesOf, synthStack, testStack } from '../../util';

const hgx = ServerProfile.HGX_H200_8GPU;

describe('GpuFlavor', () => {
  test('renders openstack_compute_flavor_v2 with the planned sizes and NUMA extra specs', () => {
    const stack = testStack();
    const flavor = new GpuFlavor(stack, 'H200x1', { server: hgx, gpuCount: 1 });
    const tf = onlyResource(synthStack(stack), 'openstack_compute_flavor_v2');
    expect(tf).toMatchObject({
      name: 'gpu.h200-sxm-141gb.1x',
      vcpus: 26,
      ram: 252 * 1024,
      disk: 100,
      is_public: false,
      extra_specs: {
        'hw:cpu_policy': 'dedicated',
        'hw:numa_nodes': '1',
        'hw:pci_numa_affinity_policy': 'required',
        'pci_passthrough:alias': 'h200-sxm-141gb:1',
      },
      description: '1× NVIDIA H200 SXM 141GB (PCI passthrough) on hgx-h200-8gpu, 1 NUMA node(s)',
    });
    expect(flavor.gpuCount).toBe(1);
    expect(flavor.flavorId).toMatch(/^\$\{TfToken\[/);
  });

  test('exposes what tenants size quotas from', () => {
    const stack = testStack();
    const flavor = new GpuFlavor(stack, 'F', { server: hgx, gpuCount: 4 });
    expect({
      bareMetal: flavor.bareMetal,
      kind: flavor.attachmentKind,
      rc: flavor.gpuResourceClass,
      mem: flavor.gpuMemoryGb,
      placement: flavor.placementResources,
    }).toEqual({
      bareMetal: false,
      kind: GpuAttachmentKind.PASSTHROUGH,
      rc: 'CUSTOM_PCI_10DE_2335',
      mem: 141,
      placement: { CUSTOM_PCI_10DE_2335: 4, DISK_GB: 100, MEMORY_MB: 1008 * 1024, PCPU: 108 },
    });
  });

  test('registers its PCI alias and the matching device_spec in the nova_pci_alias output, once each', () => {
    const stack = testStack();
    new GpuFlavor(stack, 'A', { server: hgx, gpuCount: 1 });
    new GpuFlavor(stack, 'B', { server: hgx, gpuCount: 8 });
    new GpuFlavor(stack, 'C', {
      server: hgx,
      gpuCount: 1,
      flavorName: 'g1.preferred',
      attachment: GpuAttachment.passthrough({ pciAlias: 'h200-preferred' }),
      pciNumaAffinityPolicy: PciNumaAffinityPolicy.PREFERRED,
    });
    const tf = synthStack(stack);
    // an H200 is SR-IOV capable, so Nova records it as type-PF: a type-PCI alias would match nothing ("No valid host")
    expect(tf.output.nova_pci_alias.value).toEqual({
      alias: [
        '{"name":"h200-sxm-141gb","vendor_id":"10de","product_id":"2335","device_type":"type-PF","numa_policy":"required"}',
        '{"name":"h200-preferred","vendor_id":"10de","product_id":"2335","device_type":"type-PF","numa_policy":"preferred"}',
      ],
      device_spec: ['{"vendor_id":"10de","product_id":"2335"}'],
    });
  });

  test('AMD MxGPU VF flavors: a type-VF alias and the VF device_spec; the whole GPU beside its VFs warns', () => {
    const stack = testStack();
    const mi300x = MI300X_SERVER;
    const family = new GpuFlavorFamily(stack, 'Vf', { server: mi300x, attachment: GpuAttachment.sriovVf({ vfsPerGpu: 8 }) });
    expect(family.flavors.map((f) => [f.flavorName, f.gpuCount, f.gpuMemoryGb, f.attachmentKind])).toEqual([
      ['vf.mi300x-192gb.8vf.1x', 1, 24, GpuAttachmentKind.SRIOV_VF],
      ['vf.mi300x-192gb.8vf.2x', 2, 24, GpuAttachmentKind.SRIOV_VF],
      ['vf.mi300x-192gb.8vf.4x', 4, 24, GpuAttachmentKind.SRIOV_VF],
      ['vf.mi300x-192gb.8vf.8x', 8, 24, GpuAttachmentKind.SRIOV_VF],
    ]);
    expect(family.flavors[0].placementResources).toMatchObject({ CUSTOM_PCI_1002_74B5: 1 });
    expect(synthStack(stack).output.nova_pci_alias.value).toEqual({
      alias: ['{"name":"mi300x-192gb-vf","vendor_id":"1002","product_id":"74b5","device_type":"type-VF","numa_policy":"required"}'],
      device_spec: ['{"vendor_id":"1002","product_id":"74b5"}'],
    });
    const whole = new GpuFlavor(stack, 'Whole', { server: mi300x, gpuCount: 8 });
    const warnings = whole.node.metadata.filter((m) => /warn/i.test(m.type)).map((m) => m.data);
    expect(warnings).toEqual([
      'the site offers PCI device 1002:74a1 whole (alias mi300x-192gb) and its SR-IOV VFs 1002:74b5 (alias mi300x-192gb-vf); '
      + 'nova-compute refuses to start with device_specs for both, so give each host only one of them and keep the two kinds of hosts apart (aggregates)',
    ]);
  });

  test('fails when two aliases of one device ask for different resource classes', () => {
    const stack = testStack();
    new GpuFlavor(stack, 'A', { server: hgx, gpuCount: 1, attachment: GpuAttachment.passthrough({ pciAlias: 'a', resourceClass: 'CUSTOM_GPU_A' }) });
    expect(() => new GpuFlavor(stack, 'B', { server: hgx, gpuCount: 1, flavorName: 'g1.b', attachment: GpuAttachment.passthrough({ pciAlias: 'b', resourceClass: 'CUSTOM_GPU_B' }) })).toThrow(
      'test/B: PCI device 10de:2335 is already given resource class CUSTOM_GPU_A in [pci] device_spec (by test/A); a device has one resource class, so alias b cannot ask for CUSTOM_GPU_B: use the same resourceClass',
    );
  });

  test('honours a custom name, alias, disk and visibility', () => {
    const stack = testStack();
    new GpuFlavor(stack, 'F', {
      server: hgx,
      gpuCount: 2,
      flavorName: 'g2.h200',
      attachment: GpuAttachment.passthrough({ pciAlias: 'h200' }),
      diskGb: 0,
      isPublic: true,
    });
    const tf = onlyResource(synthStack(stack), 'openstack_compute_flavor_v2');
    expect(tf).toMatchObject({ name: 'g2.h200', disk: 0, is_public: true, extra_specs: { 'pci_passthrough:alias': 'h200:2' } });
  });

  test('vGPU and MIG flavors request VGPU, not a PCI alias, and emit no alias output', () => {
    const stack = testStack();
    new GpuFlavor(stack, 'Mig', { server: hgx, gpuCount: 1, attachment: GpuAttachment.mig('1g.18gb') });
    new GpuFlavor(stack, 'Vgpu', { server: ServerProfile.L40S_4GPU_BF3, gpuCount: 1, attachment: GpuAttachment.vgpu('L40S-24Q') });
    const tf = synthStack(stack);
    const flavors = Object.values(resourcesOf(tf, 'openstack_compute_flavor_v2')).map((f: any) => [f.name, f.extra_specs['resources:VGPU'], f.extra_specs['pci_passthrough:alias']]);
    expect(flavors).toEqual([
      ['mig.h200-sxm-141gb.1g.18gb.1x', '1', undefined],
      ['vgpu.l40s-24q.1x', '1', undefined],
    ]);
    expect(tf.output).toBeUndefined();
  });

  test('multiqueue and operators\' own extra specs join the derived ones; their resource requests count in the claim', () => {
    const stack = testStack();
    const flavor = new GpuFlavor(stack, 'F', {
      server: hgx,
      gpuCount: 1,
      vifMultiqueue: true,
      extraSpecs: {
        'aggregate_instance_extra_specs:gpu_pool': 'h200',
        'hw_rng:allowed': 'true',
        'hw_rng:rate_bytes': '24',
        'hw_rng:rate_period': '5000',
        'quota:disk_total_iops_sec': '20000',
        'resources:CUSTOM_NVME_SLICE': '1',
      },
    });
    expect(onlyResource(synthStack(stack), 'openstack_compute_flavor_v2').extra_specs).toEqual({
      'aggregate_instance_extra_specs:gpu_pool': 'h200',
      'hw:cpu_policy': 'dedicated',
      'hw:cpu_thread_policy': 'prefer',
      'hw:mem_page_size': '1GB',
      'hw:numa_nodes': '1',
      'hw:pci_numa_affinity_policy': 'required',
      'hw:vif_multiqueue_enabled': 'true',
      'hw_rng:allowed': 'true',
      'hw_rng:rate_bytes': '24',
      'hw_rng:rate_period': '5000',
      'pci_passthrough:alias': 'h200-sxm-141gb:1',
      'quota:disk_total_iops_sec': '20000',
      'resources:CUSTOM_NVME_SLICE': '1',
    });
    expect(flavor.placementResources).toEqual({ CUSTOM_NVME_SLICE: 1, CUSTOM_PCI_10DE_2335: 1, DISK_GB: 100, MEMORY_MB: 252 * 1024, PCPU: 26 });
  });

  test('fails when an extra spec is not one Nova accepts', () => {
    const stack = testStack();
    expect(() => new GpuFlavor(stack, 'F', { server: hgx, gpuCount: 1, extraSpecs: { 'hw:vif_multiqueue_enable': 'true' } })).toThrow(
      'test/F: extra spec hw:vif_multiqueue_enable is not one Nova knows in namespace hw (nova/api/validation/extra_specs); check its spelling');
    expect(() => new GpuFlavor(stack, 'G', { server: hgx, gpuCount: 1, extraSpecs: { 'quota:disk_read_iops_sec': 'fast' } })).toThrow(
      'test/G: extra spec quota:disk_read_iops_sec="fast" must be an integer');
  });

  test('fails when an extra spec contradicts what the flavor derives', () => {
    const stack = testStack();
    expect(() => new GpuFlavor(stack, 'F', { server: hgx, gpuCount: 1, vifMultiqueue: false, extraSpecs: { 'hw:vif_multiqueue_enabled': 'true' } })).toThrow(
      'test/F: extra spec hw:vif_multiqueue_enabled="true" contradicts the derived hw:vif_multiqueue_enabled="false"; drop it, or set the prop that derives it');
    expect(() => new GpuFlavor(stack, 'G', { server: hgx, gpuCount: 1, extraSpecs: { 'hw:mem_page_size': 'large' } })).toThrow(
      'test/G: extra spec hw:mem_page_size="large" contradicts the derived hw:mem_page_size="1GB"');
    expect(() => new GpuFlavor(stack, 'H', { server: hgx, gpuCount: 1, extraSpecs: { 'resources:CUSTOM_PCI_10DE_2335': '2' } })).toThrow(
      "test/H: extra spec resources:CUSTOM_PCI_10DE_2335 is refused: the flavor's vCPUs, RAM, disk and GPUs decide the request for CUSTOM_PCI_10DE_2335");
  });

  test('grantAccess adds one flavor access per project', () => {
    const stack = testStack();
    const flavor = new GpuFlavor(stack, 'F', { server: hgx, gpuCount: 1 });
    const project = new Project(stack, 'Team', 'team-a');
    flavor.grantAccess(project);
    flavor.grantAccess(project);
    const access = onlyResource(synthStack(stack), 'openstack_compute_flavor_access_v2');
    expect(access).toEqual(expect.objectContaining({ tenant_id: 'project-team-a', flavor_id: expect.stringMatching(/openstack_compute_flavor_v2\.F_.*\.id/) }));
  });

  test('fails when the flavor asks for more GPUs than the server has, naming the construct', () => {
    const stack = testStack();
    expect(() => new GpuFlavor(stack, 'TooMany', { server: hgx, gpuCount: 9 })).toThrow(
      'test/TooMany: gpuCount 9 is more than the 8 GPUs of server profile hgx-h200-8gpu; use 1 to 8',
    );
  });

  test('fails when the GPUs cannot be placed on the flavor NUMA nodes under required affinity, naming the policy that works', () => {
    const stack = testStack();
    expect(() => new GpuFlavor(stack, 'Squeezed', { server: hgx, gpuCount: 6, numaNodes: 1 })).toThrow(
      'test/Squeezed: 6 GPUs cannot be placed on 1 NUMA node(s) of server profile hgx-h200-8gpu under required PCI NUMA affinity ' +
        '(at most 4 GPUs share a NUMA node); use numaNodes 2, or pciNumaAffinityPolicy preferred',
    );
  });

  test('fails when a MIG profile is not offered by the GPU model', () => {
    const stack = testStack();
    expect(() => new GpuFlavor(stack, 'Mig', { server: hgx, gpuCount: 1, attachment: GpuAttachment.mig('3g.40gb') })).toThrow(
      'test/Mig: MIG profile "3g.40gb" does not exist on NVIDIA H200 SXM 141GB; its profiles are 1g.18gb, 1g.35gb, 2g.35gb, 3g.71gb, 4g.71gb, 7g.141gb or 1g.18gb+me',
    );
  });

  test('fails when more MIG instances are asked than the GPU allows', () => {
    const stack = testStack();
    expect(() => new GpuFlavor(stack, 'Mig', { server: hgx, gpuCount: 1, attachment: GpuAttachment.mig('2g.35gb', { instancesPerGpu: 4 }) })).toThrow(
      'test/Mig: 4 instances of MIG profile 2g.35gb do not fit one NVIDIA H200 SXM 141GB; it allows at most 3',
    );
  });

  test('fails when vGPU is asked of a GPU without vGPU', () => {
    const stack = testStack();
    const mi300x = MI300X_SERVER;
    expect(() => new GpuFlavor(stack, 'V', { server: mi300x, gpuCount: 1, attachment: GpuAttachment.vgpu('MI300X-48C') })).toThrow(
      'test/V: AMD Instinct MI300X does not support NVIDIA vGPU, so vGPU type MI300X-48C cannot be used; use GpuAttachment.passthrough()',
    );
  });

  test('fails when a CPU thread policy is given without dedicated CPUs', () => {
    const stack = testStack();
    expect(() => new GpuFlavor(stack, 'T', { server: hgx, gpuCount: 1, cpuPolicy: CpuPolicy.SHARED, cpuThreadPolicy: CpuThreadPolicy.REQUIRE })).toThrow(
      'test/T: cpuThreadPolicy require needs dedicated CPUs, but cpuPolicy is shared; Nova rejects hw:cpu_thread_policy without hw:cpu_policy=dedicated ' +
        '(CPUThreadPolicyConfigurationInvalid); use CpuPolicy.DEDICATED or drop cpuThreadPolicy',
    );
  });

  test('fails when two flavors share a name', () => {
    const stack = testStack();
    new GpuFlavor(stack, 'A', { server: hgx, gpuCount: 1, flavorName: 'g1' });
    expect(() => new GpuFlavor(stack, 'B', { server: hgx, gpuCount: 2, flavorName: 'g1' })).toThrow(
      'test/B: flavor name g1 is already used by test/A; Nova flavor names are unique, give one of them another flavorName',
    );
  });

  test('fails when two flavors give one PCI alias different NUMA policies', () => {
    const stack = testStack();
    new GpuFlavor(stack, 'A', { server: hgx, gpuCount: 1 });
    expect(
      () => new GpuFlavor(stack, 'B', { server: hgx, gpuCount: 8, numaNodes: 1, pciNumaAffinityPolicy: PciNumaAffinityPolicy.PREFERRED }),
    ).toThrow(
      'test/B: PCI alias h200-sxm-141gb is already defined with device_type type-PF and numa_policy required (by test/A); ' +
        'Nova needs one device_type and numa_policy per alias name, so type-PF/preferred cannot share it: use another pciAlias',
    );
  });

  test('fails when access is granted to a public flavor', () => {
    const stack = testStack();
    const flavor = new GpuFlavor(stack, 'F', { server: hgx, gpuCount: 1, isPublic: true });
    expect(() => flavor.grantAccess(new Project(stack, 'Team', 'team-a'))).toThrow(
      'test/F: the flavor is public, so every project can use it already; granting team-a access is meaningless (make it private with isPublic false)',
    );
  });
});
