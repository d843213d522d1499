import * as fc from 'fast-check';
import { MI300X_SERVER as mi300x } from './fixtures';
import { CpuPolicy, CpuThreadPolicy, GpuFlavorPlan, GpuFlavorPlanner, PciNumaAffinityPolicy } from '../../../lib/hardware/flavor-plan';
import { GpuModel } from '../../../lib/hardware/gpu';
import { GpuAttachment, GpuAttachmentKind, PciDeviceType } from '../../../lib/hardware/gpu-attachment';
import { ServerProfile } from '../../../lib/hardware/server';

const hgx = ServerProfile.HGX_H200_8GPU;

describe('GpuFlavorPlanner.passthrough', () => {
  test('1 GPU on the GPUs-spread HGX server: one NUMA node, required affinity, 1/4 of the node after reservation', () => {
    const plan = GpuFlavorPlanner.passthrough({ server: hgx, gpuCount: 1 });
    // NUMA node 0: 56 cores - 2 reserved = 54; 1 of its 4 GPUs → floor(13.5) = 13 cores = 26 threads
    expect(plan.vcpus).toBe(26);
    // 1024 GiB - 16 reserved = 1008; a quarter = 252 GiB
    expect(plan.ramMb).toBe(252 * 1024);
    expect(plan.extraSpecs).toEqual({
      'hw:cpu_policy': 'dedicated',
      'hw:cpu_thread_policy': 'prefer',
      'hw:mem_page_size': '1GB',
      'hw:numa_nodes': '1',
      'hw:pci_numa_affinity_policy': 'required',
      'pci_passthrough:alias': 'h200-sxm-141gb:1',
    });
  });

  test('4 GPUs fit one NUMA node of the HGX server', () => {
    const plan = GpuFlavorPlanner.passthrough({ server: hgx, gpuCount: 4 });
    expect(plan.numaNodes).toBe(1);
    expect(plan.vcpus).toBe(108);
    expect(plan.extraSpecs['pci_passthrough:alias']).toBe('h200-sxm-141gb:4');
  });

  test('8 GPUs span both NUMA nodes with an explicit CPU and memory split', () => {
    const plan = GpuFlavorPlanner.passthrough({ server: hgx, gpuCount: 8 });
    expect(plan.numaNodes).toBe(2);
    expect(plan.vcpusPerNumaNode).toEqual([108, 108]);
    expect(plan.extraSpecs).toMatchObject({
      'hw:numa_nodes': '2',
      'hw:numa_cpus.0': '0-107',
      'hw:numa_cpus.1': '108-215',
      'hw:numa_mem.0': String(1008 * 1024),
      'hw:numa_mem.1': String(1008 * 1024),
    });
  });

  test('isolate pins one vCPU per core', () => {
    const plan = GpuFlavorPlanner.passthrough({ server: hgx, gpuCount: 4, cpuThreadPolicy: CpuThreadPolicy.ISOLATE });
    expect(plan.vcpus).toBe(54);
    expect(plan.extraSpecs['hw:cpu_thread_policy']).toBe('isolate');
  });

  test('more NUMA nodes than needed spread the GPUs evenly', () => {
    const plan = GpuFlavorPlanner.passthrough({ server: hgx, gpuCount: 4, numaNodes: 2 });
    expect(plan.vcpusPerNumaNode).toEqual([54, 54]);
  });

  test('GPUs-concentrated server: all four L40S on NUMA node 0', () => {
    const plan = GpuFlavorPlanner.passthrough({ server: ServerProfile.L40S_4GPU_BF3, gpuCount: 4 });
    expect(plan.numaNodes).toBe(1);
    expect(plan.vcpus).toBe(60);
  });

  test('fails when the flavor asks for more GPUs than the server has', () => {
    expect(() => GpuFlavorPlanner.passthrough({ server: hgx, gpuCount: 9 })).toThrow(
      'gpuCount 9 is more than the 8 GPUs of server profile hgx-h200-8gpu; use 1 to 8',
    );
  });

  test('fails when required affinity cannot place the GPUs on the flavor NUMA nodes, naming the policy that works', () => {
    expect(() => GpuFlavorPlanner.passthrough({ server: hgx, gpuCount: 8, numaNodes: 1 })).toThrow(
      '8 GPUs cannot be placed on 1 NUMA node(s) of server profile hgx-h200-8gpu under required PCI NUMA affinity ' +
        '(at most 4 GPUs share a NUMA node); use numaNodes 2, or pciNumaAffinityPolicy preferred',
    );
  });

  test('a relaxed policy allows fewer NUMA nodes than the GPUs sit on', () => {
    const plan = GpuFlavorPlanner.passthrough({ server: hgx, gpuCount: 8, numaNodes: 1, pciNumaAffinityPolicy: PciNumaAffinityPolicy.PREFERRED });
    expect(plan.extraSpecs['hw:pci_numa_affinity_policy']).toBe('preferred');
    expect(plan.numaNodes).toBe(1);
  });

  test('fails when the server has no GPUs', () => {
    const cpuOnly = new ServerProfile({ name: 'cpu', displayName: 'CPU', sockets: 1, coresPerSocket: 8, memoryGib: 64 });
    expect(() => GpuFlavorPlanner.passthrough({ server: cpuOnly, gpuCount: 1 })).toThrow('server profile cpu has no GPUs');
  });

  test('property: the flavors of one server never take more CPUs or memory than the server has after reservation', () => {
    const profile = fc.record({
      sockets: fc.integer({ min: 1, max: 2 }),
      coresPerSocket: fc.constantFrom(16, 32, 48, 56, 64),
      gpusPerNode: fc.integer({ min: 1, max: 4 }),
    });
    fc.assert(
      fc.property(profile, ({ sockets, coresPerSocket, gpusPerNode }) => {
        const gpuNodes = Array.from({ length: sockets }, (_, node) => Array(gpusPerNode).fill(node)).flat();
        const server = new ServerProfile({
          name: 'p',
          displayName: 'p',
          sockets,
          coresPerSocket,
          memoryGib: 512 * sockets,
          gpus: { model: GpuModel.H100_SXM5_80GB, numaNodes: gpuNodes },
        });
        // fill the server with 1-GPU flavors: their sum must stay within the usable host
        const one = GpuFlavorPlanner.passthrough({ server, gpuCount: 1 });
        const usableThreads = sockets * (coresPerSocket - 2) * 2;
        const usableMb = sockets * (512 - 16) * 1024;
        return one.vcpus * server.gpuCount <= usableThreads && one.ramMb * server.gpuCount <= usableMb && one.vcpus % 2 === 0;
      }),
    );
  });

  test('passthrough plans name their PCI alias and Placement resources', () => {
    const plan = GpuFlavorPlanner.plan({ server: hgx, gpuCount: 4 });
    expect(plan.attachmentKind).toBe(GpuAttachmentKind.PASSTHROUGH);
    expect(plan.pciAlias).toEqual({
      name: 'h200-sxm-141gb',
      vendorId: '10de',
      productId: '2335',
      // H200 is SR-IOV capable: Nova records it as type-PF (nova/virt/libvirt/host.py _get_device_type)
      deviceType: PciDeviceType.TYPE_PF,
      numaPolicy: PciNumaAffinityPolicy.REQUIRED,
      resourceClass: undefined,
    });
    expect(plan.placementResources).toEqual({ CUSTOM_PCI_10DE_2335: 4, MEMORY_MB: plan.ramMb, PCPU: 108 });
    expect(plan.gpuMemoryGb).toBe(141);
    expect(plan.hostNumaNodes).toEqual([0]);
    expect(GpuFlavorPlanner.novaPciAliasJson(plan.pciAlias!)).toBe(
      '{"name":"h200-sxm-141gb","vendor_id":"10de","product_id":"2335","device_type":"type-PF","numa_policy":"required"}',
    );
    expect(GpuFlavorPlanner.novaPciDeviceSpecJson(plan.pciAlias!)).toBe('{"vendor_id":"10de","product_id":"2335"}');
  });

  test('the device_spec carries the resource class the alias requests', () => {
    const plan = GpuFlavorPlanner.plan({ server: hgx, gpuCount: 1, attachment: GpuAttachment.passthrough({ resourceClass: 'CUSTOM_GPU_H200' }) });
    expect(GpuFlavorPlanner.novaPciDeviceSpecJson(plan.pciAlias!)).toBe('{"vendor_id":"10de","product_id":"2335","resource_class":"CUSTOM_GPU_H200"}');
  });

  test('a passthrough resource class goes into the alias and the Placement resources', () => {
    const plan = GpuFlavorPlanner.plan({
      server: hgx,
      gpuCount: 1,
      attachment: GpuAttachment.passthrough({ pciAlias: 'h200', deviceType: PciDeviceType.TYPE_PF, resourceClass: 'CUSTOM_GPU_H200' }),
    });
    expect(GpuFlavorPlanner.novaPciAliasJson(plan.pciAlias!)).toBe(
      '{"name":"h200","vendor_id":"10de","product_id":"2335","device_type":"type-PF","numa_policy":"required","resource_class":"CUSTOM_GPU_H200"}',
    );
    expect(plan.placementResources.CUSTOM_GPU_H200).toBe(1);
  });

  test('one time-sliced vGPU: the unnumbered VGPU group and the type trait, no PCI keys', () => {
    const l40s = ServerProfile.L40S_4GPU_BF3;
    const plan = GpuFlavorPlanner.plan({ server: l40s, gpuCount: 1, attachment: GpuAttachment.vgpu('L40S-12Q') });
    // a quarter of one of the four GPUs of NUMA node 0: (32 - 2) cores / 16 = 1.875 -> 1 core; (512 - 16) GiB / 16 = 31 GiB
    expect(plan.vcpus).toBe(2);
    expect(plan.ramMb).toBe(31 * 1024);
    expect(plan.gpuMemoryGb).toBe(12);
    expect(plan.extraSpecs).toEqual({
      'hw:cpu_policy': 'dedicated',
      'hw:cpu_thread_policy': 'prefer',
      'hw:mem_page_size': '1GB',
      'hw:numa_nodes': '1',
      'resources:VGPU': '1',
      'trait:CUSTOM_L40S_12Q': 'required',
    });
    expect(plan.placementResources).toEqual({ MEMORY_MB: 31 * 1024, PCPU: 2, VGPU: 1 });
  });

  test('several vGPUs: one numbered request group each, isolated', () => {
    const plan = GpuFlavorPlanner.plan({ server: ServerProfile.L40S_4GPU_BF3, gpuCount: 2, attachment: GpuAttachment.vgpu('L40S-48Q') });
    expect(plan.extraSpecs).toMatchObject({
      'resources1:VGPU': '1',
      'resources2:VGPU': '1',
      'trait1:CUSTOM_L40S_48Q': 'required',
      'trait2:CUSTOM_L40S_48Q': 'required',
      'group_policy': 'isolate',
    });
    expect(plan.extraSpecs['resources:VGPU']).toBeUndefined();
  });

  test('a type-specific mdev class needs no trait', () => {
    const plan = GpuFlavorPlanner.plan({
      server: hgx,
      gpuCount: 1,
      attachment: GpuAttachment.mig('2g.35gb', { resourceClass: 'CUSTOM_NVIDIA_700' }),
    });
    expect(plan.extraSpecs['resources:CUSTOM_NVIDIA_700']).toBe('1');
    expect(Object.keys(plan.extraSpecs).filter((k) => k.startsWith('trait'))).toEqual([]);
    expect(plan.gpuResourceClass).toBe('CUSTOM_NVIDIA_700');
  });

  test('MIG-backed vGPU: one 3g.71gb instance is half a GPU', () => {
    const plan = GpuFlavorPlanner.plan({ server: hgx, gpuCount: 1, attachment: GpuAttachment.mig('3g.71gb') });
    // (56 - 2) cores * 0.5 / 4 = 6.75 -> 6 cores; (1024 - 16) GiB * 0.5 / 4 = 126 GiB
    expect(plan.vcpus).toBe(12);
    expect(plan.ramMb).toBe(126 * 1024);
    expect(plan.gpuMemoryGb).toBe(71);
    expect(plan.extraSpecs['trait:CUSTOM_MIG_3G_71GB']).toBe('required');
    expect(plan.description).toBe('1× MIG-backed vGPU 3g.71gb on NVIDIA H200 SXM 141GB on hgx-h200-8gpu, 1 NUMA node(s)');
  });

  test('shared CPUs: no thread policy, VCPU in Placement', () => {
    const plan = GpuFlavorPlanner.plan({ server: hgx, gpuCount: 1, cpuPolicy: CpuPolicy.SHARED });
    expect(plan.extraSpecs['hw:cpu_policy']).toBe('shared');
    expect(plan.extraSpecs['hw:cpu_thread_policy']).toBeUndefined();
    expect(plan.placementResources.VCPU).toBe(26);
  });

  test('fails when a CPU thread policy is asked without dedicated CPUs', () => {
    expect(() => GpuFlavorPlanner.plan({ server: hgx, gpuCount: 1, cpuPolicy: CpuPolicy.SHARED, cpuThreadPolicy: CpuThreadPolicy.ISOLATE })).toThrow(
      'cpuThreadPolicy isolate needs dedicated CPUs, but cpuPolicy is shared; Nova rejects hw:cpu_thread_policy without hw:cpu_policy=dedicated ' +
        '(CPUThreadPolicyConfigurationInvalid); use CpuPolicy.DEDICATED or drop cpuThreadPolicy',
    );
  });

  test('fails when a vGPU flavor asks for more vGPUs than the server has GPUs', () => {
    expect(() => GpuFlavorPlanner.plan({ server: ServerProfile.L40S_4GPU_BF3, gpuCount: 5, attachment: GpuAttachment.vgpu('L40S-12Q') })).toThrow(
      'gpuCount 5 is more than the 4 GPUs of server profile l40s-4gpu-bf3; a VM gets at most one L40S-12Q vGPU per GPU, so use 1 to 4',
    );
  });

  test('fails when a MIG flavor asks for more instances than the server has', () => {
    expect(() => GpuFlavorPlanner.plan({ server: hgx, gpuCount: 17, attachment: GpuAttachment.mig('3g.71gb') })).toThrow(
      'gpuCount 17 is more than the 16 MIG instances of server profile hgx-h200-8gpu (2× 3g.71gb on each of 8 GPUs); use 1 to 16',
    );
  });

  test('AMD MxGPU VFs: a type-VF alias of the VF product id, PCI NUMA affinity, 1/8 of a GPU each with 8 VFs per GPU', () => {
    const whole = GpuFlavorPlanner.plan({ server: mi300x, gpuCount: 1 });
    const oneVf = GpuFlavorPlanner.plan({ server: mi300x, gpuCount: 1, attachment: GpuAttachment.sriovVf() });
    const eighth = GpuFlavorPlanner.plan({ server: mi300x, gpuCount: 1, attachment: GpuAttachment.sriovVf({ vfsPerGpu: 8 }) });
    expect(oneVf.pciAlias).toEqual({
      name: 'mi300x-192gb-vf',
      vendorId: '1002',
      productId: '74b5',
      deviceType: PciDeviceType.TYPE_VF,
      numaPolicy: PciNumaAffinityPolicy.REQUIRED,
      physicalFunctionProductId: '74a1',
    });
    expect(oneVf.extraSpecs).toMatchObject({ 'pci_passthrough:alias': 'mi300x-192gb-vf:1', 'hw:pci_numa_affinity_policy': 'required' });
    expect([oneVf.attachmentKind, oneVf.gpuMemoryGb, oneVf.gpuResourceClass]).toEqual([GpuAttachmentKind.SRIOV_VF, 192, 'CUSTOM_PCI_1002_74B5']);
    // one VF per GPU sizes like the whole GPU; one of eight VFs gets an eighth of a GPU's share: NUMA node 0 has
    // 64 - 2 cores and 1024 - 16 GiB for 4 GPUs, so 1/32 of it: 1 core (2 threads) and 31 GiB
    expect([oneVf.vcpus, oneVf.ramMb]).toEqual([whole.vcpus, whole.ramMb]);
    expect([eighth.gpuMemoryGb, eighth.vcpus, eighth.ramMb]).toEqual([24, 2, 31 * 1024]);
    // eight VFs pack onto one GPU and one NUMA node; 64 fill the server
    expect(GpuFlavorPlanner.plan({ server: mi300x, gpuCount: 8, attachment: GpuAttachment.sriovVf({ vfsPerGpu: 8 }) }).numaNodes).toBe(1);
    expect(GpuFlavorPlanner.plan({ server: mi300x, gpuCount: 64, attachment: GpuAttachment.sriovVf({ vfsPerGpu: 8 }) }).numaNodes).toBe(2);
  });

  test('fails when a VF flavor asks for more VFs than the server has, or VFs of a GPU without them', () => {
    expect(() => GpuFlavorPlanner.plan({ server: mi300x, gpuCount: 9, attachment: GpuAttachment.sriovVf() })).toThrow(
      'gpuCount 9 is more than the 8 VFs of server profile mi300x-8gpu (1 on each of 8 GPUs); use 1 to 8');
    expect(() => GpuFlavorPlanner.plan({ server: hgx, gpuCount: 1, attachment: GpuAttachment.sriovVf() })).toThrow(
      'NVIDIA H200 SXM 141GB has no SR-IOV virtual functions the catalog knows (AMD MxGPU VFs are known for MI300X); '
      + 'use GpuAttachment.passthrough(), or describe the GPU with GpuModel.custom({ vfPciProductId, vfsPerGpuOptions })');
  });

  test('fails when a PCI NUMA affinity policy is given for vGPUs', () => {
    expect(() =>
      GpuFlavorPlanner.plan({ server: hgx, gpuCount: 1, attachment: GpuAttachment.mig('1g.18gb'), pciNumaAffinityPolicy: PciNumaAffinityPolicy.REQUIRED }),
    ).toThrow('pciNumaAffinityPolicy applies to PCI devices, not to MIG-backed vGPUs (mediated devices); drop it');
  });

  test('fails when the host reservation leaves no CPUs', () => {
    expect(() => GpuFlavorPlanner.plan({ server: hgx, gpuCount: 1, hostReservation: { coresPerNumaNode: 56 } })).toThrow(
      'host reservation of 56 cores leaves no CPUs on NUMA node 0 of server profile hgx-h200-8gpu',
    );
  });

  test('property: every guest NUMA node fits its host NUMA node and the NUMA extra specs add up', () => {
    const h100 = GpuModel.H100_SXM5_80GB;
    const attachments: [GpuAttachment, GpuModel][] = [
      [GpuAttachment.passthrough(), h100],
      [GpuAttachment.vgpu('H100XM-20C'), h100],
      [GpuAttachment.mig('1g.10gb'), h100],
      [GpuAttachment.mig('3g.40gb'), h100],
      [GpuAttachment.mig('7g.80gb'), h100],
      [GpuAttachment.sriovVf(), GpuModel.MI300X_192GB],
      [GpuAttachment.sriovVf({ vfsPerGpu: 8 }), GpuModel.MI300X_192GB],
    ];
    const profile = fc.record({
      sockets: fc.integer({ min: 1, max: 2 }),
      perSocket: fc.constantFrom(1, 2),
      coresPerNode: fc.integer({ min: 4, max: 64 }),
      memoryGibPerNode: fc.integer({ min: 32, max: 1024 }),
      gpusPerNode: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 4, maxLength: 4 }),
      attachment: fc.constantFrom(...attachments),
      pick: fc.nat(),
      threadPolicy: fc.constantFrom(CpuThreadPolicy.PREFER, CpuThreadPolicy.ISOLATE, CpuThreadPolicy.REQUIRE),
    });
    fc.assert(
      fc.property(profile, (p) => {
        const nodeCount = p.sockets * p.perSocket;
        const gpuNodes = p.gpusPerNode.slice(0, nodeCount).flatMap((g, node) => Array(g).fill(node));
        if (gpuNodes.length === 0) return true;
        const server = new ServerProfile({
          name: 'p',
          displayName: 'p',
          sockets: p.sockets,
          numaNodesPerSocket: p.perSocket,
          coresPerSocket: p.coresPerNode * p.perSocket,
          memoryGib: p.memoryGibPerNode * nodeCount,
          gpus: { model: p.attachment[1], numaNodes: gpuNodes },
        });
        const [attachment, model] = p.attachment;
        const perGpu = attachment.resolve(model).instancesPerGpu;
        const packed = attachment.kind === GpuAttachmentKind.MIG_VGPU || attachment.kind === GpuAttachmentKind.SRIOV_VF;
        const max = packed ? gpuNodes.length * perGpu : gpuNodes.length;
        const gpuCount = 1 + (p.pick % max);
        let plan: GpuFlavorPlan;
        try {
          plan = GpuFlavorPlanner.plan({ server, gpuCount, attachment, cpuThreadPolicy: p.threadPolicy });
        } catch (e) {
          // the only refusal on a valid count: the host reservation eats a small node
          return /host reservation/.test(String(e)) && p.coresPerNode <= 2;
        }
        const fits = plan.hostNumaNodes.every((id, i) => {
          const node = server.numaNodes[id];
          return plan.vcpusPerNumaNode[i] <= (node.cores - 2) * server.threadsPerCore && plan.ramMbPerNumaNode[i] <= (node.memoryGib - 16) * 1024;
        });
        const distinct = new Set(plan.hostNumaNodes).size === plan.numaNodes;
        const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
        const sums = sum(plan.vcpusPerNumaNode) === plan.vcpus && sum(plan.ramMbPerNumaNode) === plan.ramMb;
        const pinnedPairs = p.threadPolicy === CpuThreadPolicy.ISOLATE || plan.vcpusPerNumaNode.every((v) => v % 2 === 0);
        const wholeGib = plan.ramMbPerNumaNode.every((m) => m % 1024 === 0);
        let explicit = true;
        if (plan.numaNodes > 1) {
          const cpus = plan.vcpusPerNumaNode.flatMap((_, i) => expandRange(plan.extraSpecs[`hw:numa_cpus.${i}`]));
          explicit =
            cpus.length === plan.vcpus &&
            new Set(cpus).size === plan.vcpus &&
            Math.max(...cpus) === plan.vcpus - 1 &&
            plan.ramMbPerNumaNode.every((m, i) => plan.extraSpecs[`hw:numa_mem.${i}`] === String(m));
        }
        return fits && distinct && sums && pinnedPairs && wholeGib && explicit;
      }),
    );
  });

  test('property: under required affinity the guest NUMA nodes hold all passthrough GPUs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), (n) => {
        const plan = GpuFlavorPlanner.plan({ server: hgx, gpuCount: n });
        const held = plan.hostNumaNodes.reduce((sum, id) => sum + hgx.gpusOnNumaNode(id), 0);
        return held >= n && plan.extraSpecs['hw:pci_numa_affinity_policy'] === 'required' && plan.numaNodes === (n <= 4 ? 1 : 2);
      }),
    );
  });
});

/** `0-3` -> [0, 1, 2, 3]; `5` -> [5]. */
function expandRange(range: string): number[] {
  const [a, b] = range.split('-').map(Number);
  return b === undefined ? [a] : Array.from({ length: b - a + 1 }, (_, i) => a + i);
}
