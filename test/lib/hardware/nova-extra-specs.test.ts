import { MI300X_SERVER } from './fixtures';
import { CpuPolicy, GpuFlavorPlanner } from '../../../lib/hardware/flavor-plan';
import { GpuAttachment } from '../../../lib/hardware/gpu-attachment';
import { NovaExtraSpecs } from '../../../lib/hardware/nova-extra-specs';
import { ServerProfile } from '../../../lib/hardware/server';

// The cases of Nova's own tests, openstack/nova 33.0.2 nova/tests/unit/api/validation/extra_specs/test_validators.py
const NOVA_VALID: [string, string][] = [
  // unknown namespaces: Nova lets them through
  ['hhw:cpu_realtime_mask', '^0'], ['w:cpu_realtime_mask', '^0'], ['hw_cpu_realtime_mask', '^0'], ['foo', 'bar'],
  // str patterns and enums
  ['hw:cpu_realtime_mask', '0'], ['hw:cpu_realtime_mask', '^0'], ['hw:cpu_realtime_mask', '^0,2-3,1'],
  ['hw:cpu_dedicated_mask', '0-4,^2,6'], ['hw:mem_page_size', 'large'], ['hw:mem_page_size', '2kbit'], ['hw:mem_page_size', '1GB'],
  ['hw:cpu_thread_policy', 'prefer'], ['hw:emulator_threads_policy', 'isolate'], ['hw:pci_numa_affinity_policy', 'legacy'],
  ['hw:pci_numa_affinity_policy', 'required'], ['hw:pci_numa_affinity_policy', 'preferred'], ['hw:pci_numa_affinity_policy', 'socket'],
  ['hw:cpu_policy', 'mixed'], ['hw:viommu_model', 'auto'], ['hw:viommu_model', 'intel'], ['hw:viommu_model', 'smmuv3'],
  ['hw:viommu_model', 'virtio'], ['hw:tpm_model', 'tpm-tis'], ['hw:tpm_model', 'tpm-crb'], ['hw:tpm_version', '1.2'],
  ['hw:tpm_version', '2.0'], ['hw:tpm_secret_security', 'user'], ['hw:tpm_secret_security', 'host'], ['hw:tpm_secret_security', 'deployment'],
  // int and bool
  ['hw:numa_nodes', '1'], ['hw:cpu_realtime', '1'], ['hw:cpu_realtime', '0'], ['hw:mem_encryption', 'true'], ['hw:boot_menu', 'y'],
];
const NOVA_INVALID: [string, string][] = [
  ['hw:cpu_realtime_maskk', '^0'], ['hw:cpu_realtime_mas', '^0'], ['hw:foo', 'bar'],
  ['hw:cpu_realtime_mask', 'a'], ['hw:cpu_realtime_mask', '^0,2-3,b'], ['hw:mem_page_size', 'largest'], ['hw:mem_page_size', '2kbits'],
  ['hw:mem_page_size', '1gigabyte'], ['hw:cpu_thread_policy', 'preferred'], ['hw:emulator_threads_policy', 'iisolate'],
  ['hw:pci_numa_affinity_policy', 'lgacy'], ['hw:pci_numa_affinity_policy', 'requird'], ['hw:pci_numa_affinity_policy', 'prefrred'],
  ['hw:pci_numa_affinity_policy', 'socet'], ['hw:viommu_model', 'autt'], ['hw:tpm_model', 'tpm-foo'], ['hw:tpm_version', '4.2'],
  ['hw:tpm_secret_security', 'bar'],
  ['hw:serial_port_count', 'five'], ['hw:serial_port_count', '!'], ['hw:numa_nodes', '0'],
  ['hw:cpu_realtime', '2'], ['hw:cpu_realtime', '00'], ['hw:mem_encryption', 'tru'], ['hw:boot_menu', 'yah'],
];

describe('NovaExtraSpecs', () => {
  test.each(NOVA_VALID)("accepts what Nova's own tests accept: %s=%s", (key, value) => {
    expect(NovaExtraSpecs.problem(key, value)).toBeUndefined();
  });

  test.each(NOVA_INVALID)("refuses what Nova's own tests refuse: %s=%s", (key, value) => {
    expect(NovaExtraSpecs.problem(key, value)).toBeDefined();
  });

  test("every extra spec the planner derives passes Nova's validators", () => {
    const hgx = ServerProfile.HGX_H200_8GPU;
    const plans = [
      ...[1, 2, 4, 8].map((n) => GpuFlavorPlanner.plan({ server: hgx, gpuCount: n })),
      GpuFlavorPlanner.plan({ server: hgx, gpuCount: 2, cpuPolicy: CpuPolicy.SHARED }),
      GpuFlavorPlanner.plan({ server: hgx, gpuCount: 3, attachment: GpuAttachment.mig('3g.71gb') }),
      GpuFlavorPlanner.plan({ server: ServerProfile.L40S_4GPU_BF3, gpuCount: 2, attachment: GpuAttachment.vgpu('L40S-12Q') }),
      GpuFlavorPlanner.plan({ server: MI300X_SERVER, gpuCount: 8, attachment: GpuAttachment.sriovVf({ vfsPerGpu: 8 }) }),
    ];
    const refused = plans.flatMap((p) => Object.entries(p.extraSpecs)).filter(([k, v]) => NovaExtraSpecs.problem(k, v) !== undefined);
    expect(refused).toEqual([]);
  });

  test('the keys operators set: multiqueue, aggregate pinning, RNG, disk and VIF quotas, standard and custom traits', () => {
    const specs: [string, string][] = [
      ['hw:vif_multiqueue_enabled', 'true'], ['aggregate_instance_extra_specs:gpu_pool', 'h200'], ['hw_rng:allowed', 'True'],
      ['hw_rng:rate_bytes', '24'], ['hw_rng:rate_period', '5000'], ['quota:disk_read_iops_sec', '20000'],
      ['quota:disk_write_bytes_sec', '1_000_000'], ['quota:vif_outbound_average', '1250000'], ['trait:HW_CPU_X86_AVX512F', 'required'],
      ['trait2:CUSTOM_RACK_A', 'forbidden'], ['resources:CUSTOM_NVME_SLICE', '2'], ['group_policy', 'none'], ['hw:numa_cpus.1', '26-51'],
    ];
    expect(specs.filter(([k, v]) => NovaExtraSpecs.problem(k, v) !== undefined)).toEqual([]);
  });

  test('fails when a key is misspelt in a namespace Nova knows', () => {
    expect(() => NovaExtraSpecs.check('hw:vif_multiqueue_enable', 'true')).toThrow(
      'extra spec hw:vif_multiqueue_enable is not one Nova knows in namespace hw (nova/api/validation/extra_specs); check its spelling');
    expect(() => NovaExtraSpecs.check('trait:HW_CPU_X86_AVX512X', 'required')).toThrow(
      'extra spec trait:HW_CPU_X86_AVX512X is not one Nova knows in namespace trait (nova/api/validation/extra_specs); check its spelling');
  });

  test('fails when a value has the wrong syntax, with the rule', () => {
    expect(() => NovaExtraSpecs.check('hw:vif_multiqueue_enabled', 'maybe')).toThrow('extra spec hw:vif_multiqueue_enabled="maybe" must be a boolean (true or false)');
    expect(() => NovaExtraSpecs.check('quota:disk_read_iops_sec', '-1')).toThrow('extra spec quota:disk_read_iops_sec="-1" must be at least 0');
    expect(() => NovaExtraSpecs.check('hw_rng:rate_bytes', '1k')).toThrow('extra spec hw_rng:rate_bytes="1k" must be an integer');
    expect(() => NovaExtraSpecs.check('trait:CUSTOM_RACK_A', 'yes')).toThrow('extra spec trait:CUSTOM_RACK_A="yes" must be one of required, forbidden');
    expect(() => NovaExtraSpecs.check('hw:mem_page_size', '1gigabyte')).toThrow(
      'extra spec hw:mem_page_size="1gigabyte" is not of the format (large|small|any|\\d+([kKMGT]i?)?(b|bit|B)?) that Nova requires');
  });

  test('deprecated keys are known', () => {
    expect([NovaExtraSpecs.isDeprecated('hide_hypervisor_id'), NovaExtraSpecs.isDeprecated('hw:hide_hypervisor_id')]).toEqual([true, false]);
  });

  test('resource requests are summed per class, zeros left out', () => {
    expect(NovaExtraSpecs.resourceRequests({ 'resources:CUSTOM_A': '1', 'resources2:CUSTOM_A': '2', 'resources:VCPU': '0', 'hw:numa_nodes': '1' }))
      .toEqual({ CUSTOM_A: 3 });
  });

  describe('VM flavors', () => {
    const derived = { 'hw:cpu_policy': 'dedicated', 'hw:numa_nodes': '1', 'pci_passthrough:alias': 'h200:1' };

    test('adds the extra specs, sorted, and accepts a derived key with the same value', () => {
      expect(NovaExtraSpecs.mergeIntoVmFlavor(derived, { 'hw_rng:allowed': 'true', 'hw:numa_nodes': '1' })).toEqual({
        'hw:cpu_policy': 'dedicated', 'hw:numa_nodes': '1', 'hw_rng:allowed': 'true', 'pci_passthrough:alias': 'h200:1',
      });
    });

    test('fails when an extra spec contradicts a derived one', () => {
      expect(() => NovaExtraSpecs.mergeIntoVmFlavor(derived, { 'hw:cpu_policy': 'shared' })).toThrow(
        'extra spec hw:cpu_policy="shared" contradicts the derived hw:cpu_policy="dedicated"; drop it, or set the prop that derives it');
    });

    test('fails when an extra spec splits NUMA nodes, masks CPUs or requests sized resources', () => {
      expect(() => NovaExtraSpecs.mergeIntoVmFlavor(derived, { 'hw:numa_cpus.1': '0-3' })).toThrow(
        'extra spec hw:numa_cpus.1 is refused: the guest NUMA split is derived from the GPU layout; choose numaNodes instead');
      expect(() => NovaExtraSpecs.mergeIntoVmFlavor(derived, { 'hw:cpu_dedicated_mask': '0-3' })).toThrow(
        'extra spec hw:cpu_dedicated_mask is refused: it needs hw:cpu_policy=mixed, and GPU flavors pin every vCPU (cpuPolicy)');
      expect(() => NovaExtraSpecs.mergeIntoVmFlavor(derived, { 'resources:PCPU': '8' })).toThrow(
        "extra spec resources:PCPU is refused: the flavor's vCPUs, RAM, disk and GPUs decide the request for PCPU; Nova would count it twice or against the plan");
      expect(() => NovaExtraSpecs.mergeIntoVmFlavor({ 'resources:VGPU': '1' }, { 'resources7:VGPU': '1' })).toThrow('request for VGPU');
    });

    test('fails when an extra spec is invalid for Nova', () => {
      expect(() => NovaExtraSpecs.mergeIntoVmFlavor(derived, { 'hw:vif_multiqueue': 'true' })).toThrow('extra spec hw:vif_multiqueue is not one Nova knows');
    });
  });

  describe('bare-metal flavors', () => {
    const derived = { 'resources:CUSTOM_BAREMETAL_HGX': '1', 'resources:VCPU': '0', 'capabilities:boot_mode': 'uefi' };

    test('adds aggregate pinning, traits and Ironic node capabilities (which Nova\'s strict validators do not list)', () => {
      expect(NovaExtraSpecs.problem('capabilities:disk_label', 'gpt')).toBeDefined();
      expect(NovaExtraSpecs.mergeIntoBareMetalFlavor(derived, {
        'aggregate_instance_extra_specs:rack': 'a', 'trait:CUSTOM_DIRTY': 'forbidden', 'capabilities:disk_label': 'gpt',
      })).toEqual({
        'aggregate_instance_extra_specs:rack': 'a',
        'capabilities:boot_mode': 'uefi',
        'capabilities:disk_label': 'gpt',
        'resources:CUSTOM_BAREMETAL_HGX': '1',
        'resources:VCPU': '0',
        'trait:CUSTOM_DIRTY': 'forbidden',
      });
    });

    test('fails when an extra spec requests resources or guest hardware no Ironic node has', () => {
      expect(() => NovaExtraSpecs.mergeIntoBareMetalFlavor(derived, { 'resources:CUSTOM_GPU': '8' })).toThrow(
        "extra spec resources:CUSTOM_GPU is refused: a bare-metal flavor requests one unit of the pool's resource class and nothing else");
      for (const key of ['hw:cpu_policy', 'hw:numa_nodes', 'hw:mem_page_size', 'pci_passthrough:alias']) {
        const value = { 'hw:cpu_policy': 'dedicated', 'hw:numa_nodes': '1', 'hw:mem_page_size': 'large', 'pci_passthrough:alias': 'h200:8' }[key]!;
        expect(() => NovaExtraSpecs.mergeIntoBareMetalFlavor(derived, { [key]: value })).toThrow(
          `extra spec ${key} is refused: Nova turns it into a CPU pinning, NUMA, memory-encryption or PCI request that no Ironic node can meet (No valid host)`);
      }
      expect(() => NovaExtraSpecs.mergeIntoBareMetalFlavor(derived, { 'capabilities:boot_mode': 'bios' })).toThrow('contradicts the derived capabilities:boot_mode="uefi"');
    });
  });
});
