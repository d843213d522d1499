import * as fc from 'fast-check';
import { CpuThreadPolicy, GpuFlavorPlanner, PciNumaAffinityPolicy } from '../../../lib/hardware/flavor-plan';
import { GpuModel } from '../../../lib/hardware/gpu';
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
});
