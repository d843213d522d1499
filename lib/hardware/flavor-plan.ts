import { check, fail } from '../errors';
import { ServerProfile } from './server';

/**
 * `hw:cpu_thread_policy` (nova/api/validation/extra_specs/hw.py; shared/reference/openstack-compute.md §2).
 * Only valid together with dedicated (pinned) CPUs.
 */
export enum CpuThreadPolicy {
  /** Prefer thread siblings, use any host CPU otherwise (Nova's default). */
  PREFER = 'prefer',
  /** Each vCPU on a core whose siblings stay unused. */
  ISOLATE = 'isolate',
  /** Each vCPU on a thread sibling of another vCPU (needs SMT on the host). */
  REQUIRE = 'require',
}

/** `hw:pci_numa_affinity_policy` (nova doc/source/admin/pci-passthrough.rst; openstack-compute.md §2). */
export enum PciNumaAffinityPolicy {
  /** The device must sit on one of the guest's host NUMA nodes. */
  REQUIRED = 'required',
  /** The device must sit on the same socket as one of the guest's NUMA nodes. */
  SOCKET = 'socket',
  /** Best effort. */
  PREFERRED = 'preferred',
  /** Nova's default: like required when the device reports NUMA information. */
  LEGACY = 'legacy',
}

/** Guest memory backing, `hw:mem_page_size` (openstack-compute.md §2). */
export enum MemoryPageSize {
  /** 1 GiB hugepages (`1GB`): the usual choice for GPU VMs, lowest TLB pressure for large pinned DMA buffers. */
  HUGE_1G = '1GB',
  /** 2 MiB hugepages (`2MB`). */
  HUGE_2M = '2MB',
  /** Any large page size the host has (`large`). */
  LARGE = 'large',
  /** Normal 4 KiB pages (`small`). */
  SMALL = 'small',
}

/** What a flavor asks the host to keep for itself on every NUMA node it uses. */
export interface HostReservation {
  /**
   * Physical cores per NUMA node kept for the hypervisor, OVS/OVN and the GPU host driver.
   * @default 2
   */
  readonly coresPerNumaNode?: number;
  /**
   * Memory per NUMA node kept for the host, in GiB.
   * @default 16
   */
  readonly memoryGibPerNumaNode?: number;
}

/** Input of {@link GpuFlavorPlanner.passthrough}. */
export interface PassthroughFlavorOptions {
  /** The server the flavor runs on. */
  readonly server: ServerProfile;
  /** Whole GPUs passed through to the guest. */
  readonly gpuCount: number;
  /**
   * Nova PCI alias name the flavor requests (must match `[pci] alias` in nova.conf).
   * @default - the GPU model's name, e.g. `h200-sxm-141gb`
   */
  readonly pciAlias?: string;
  /**
   * Guest NUMA nodes. Each maps to its own host NUMA node.
   * @default - the fewest NUMA nodes that hold `gpuCount` GPUs
   */
  readonly numaNodes?: number;
  /**
   * PCI NUMA affinity policy.
   * @default PciNumaAffinityPolicy.REQUIRED
   */
  readonly pciNumaAffinityPolicy?: PciNumaAffinityPolicy;
  /**
   * CPU thread policy (CPUs are always dedicated).
   * @default CpuThreadPolicy.PREFER
   */
  readonly cpuThreadPolicy?: CpuThreadPolicy;
  /**
   * Guest memory page size.
   * @default MemoryPageSize.HUGE_1G
   */
  readonly memoryPageSize?: MemoryPageSize;
  /**
   * Host reservation subtracted before the GPUs' share is taken.
   * @default - 2 cores and 16 GiB per NUMA node
   */
  readonly hostReservation?: HostReservation;
}

/** A planned GPU flavor: sizes and the extra specs that make Nova place it NUMA-correctly. */
export interface GpuFlavorPlan {
  /** vCPUs (all dedicated). */
  readonly vcpus: number;
  /** RAM in MiB (Nova's unit). */
  readonly ramMb: number;
  /** Guest NUMA nodes. */
  readonly numaNodes: number;
  /** GPUs. */
  readonly gpuCount: number;
  /** vCPUs of each guest NUMA node. */
  readonly vcpusPerNumaNode: number[];
  /** RAM in MiB of each guest NUMA node. */
  readonly ramMbPerNumaNode: number[];
  /** Flavor extra specs (all values strings, as `openstack_compute_flavor_v2.extra_specs` wants). */
  readonly extraSpecs: { [key: string]: string };
}

/** Formats vCPU ids `first..last` as a Nova CPU-range string, e.g. `0-55`. */
function cpuRange(first: number, count: number): string {
  return count === 1 ? `${first}` : `${first}-${first + count - 1}`;
}

/**
 * Derives NUMA-aware GPU flavors from a server profile. Pure: no constructs.
 *
 * vCPUs and RAM are the GPUs' share of the host NUMA nodes they sit on, after the host reservation, so that a
 * server's flavors add up to at most the whole server and every guest stays on the NUMA nodes of its GPUs.
 */
export class GpuFlavorPlanner {
  /** Plans a whole-GPU (PCI passthrough) flavor. */
  public static passthrough(options: PassthroughFlavorOptions): GpuFlavorPlan {
    const server = options.server;
    const gpu = server.requireGpuModel();
    const n = options.gpuCount;
    check(Number.isInteger(n) && n >= 1, `gpuCount ${n} must be a positive integer`);
    check(n <= server.gpuCount, `gpuCount ${n} is more than the ${server.gpuCount} GPUs of server profile ${server.name}; use 1 to ${server.gpuCount}`);

    const policy = options.pciNumaAffinityPolicy ?? PciNumaAffinityPolicy.REQUIRED;
    const threadPolicy = options.cpuThreadPolicy ?? CpuThreadPolicy.PREFER;
    const reservedCores = options.hostReservation?.coresPerNumaNode ?? 2;
    const reservedMemGib = options.hostReservation?.memoryGibPerNumaNode ?? 16;

    // host NUMA nodes ordered by GPUs (most first), then id: the guest takes the fewest nodes that hold its GPUs
    const byGpus = [...server.numaNodes].filter((node) => node.gpus > 0).sort((a, b) => b.gpus - a.gpus || a.id - b.id);
    const maxPerNode = byGpus.length ? byGpus[0].gpus : 0;
    let needed = 0;
    for (let held = 0; held < n; needed++) held += byGpus[needed].gpus;
    const numaNodes = options.numaNodes ?? needed;
    check(Number.isInteger(numaNodes) && numaNodes >= 1 && numaNodes <= server.numaNodes.length,
      `numaNodes ${numaNodes} must be between 1 and the ${server.numaNodes.length} NUMA nodes of server profile ${server.name}`);
    if (numaNodes < needed && (policy === PciNumaAffinityPolicy.REQUIRED || policy === PciNumaAffinityPolicy.LEGACY)) {
      const sockets = new Set(byGpus.slice(0, needed).map((node) => node.socket)).size;
      const alternative = sockets <= numaNodes ? 'socket or preferred' : 'preferred';
      fail(
        `${n} GPUs cannot be placed on ${numaNodes} NUMA node(s) of server profile ${server.name} under ${policy} PCI NUMA affinity ` +
          `(at most ${maxPerNode} GPUs share a NUMA node); use numaNodes ${needed}, or pciNumaAffinityPolicy ${alternative}`,
      );
    }

    check(numaNodes <= byGpus.length, `numaNodes ${numaNodes} is more than the ${byGpus.length} NUMA node(s) of server profile ${server.name} that have GPUs`);
    check(n >= numaNodes, `${n} GPU(s) cannot be spread over ${numaNodes} NUMA nodes; every guest NUMA node needs at least one GPU`);

    // GPUs per chosen host node: fill the fullest nodes first; spread evenly when more nodes were asked for
    const chosen = byGpus.slice(0, numaNodes);
    const take = chosen.map(() => 0);
    let left = n;
    if (numaNodes > needed) {
      for (let i = 0; left > 0; i = (i + 1) % numaNodes) {
        if (take[i] < chosen[i].gpus) {
          take[i]++;
          left--;
        }
      }
    } else {
      chosen.forEach((node, i) => {
        take[i] = Math.min(left, node.gpus);
        left -= take[i];
      });
    }

    // each guest node gets its GPUs' share of the host node's cores and memory, after the host reservation
    const vcpusPerNode: number[] = [];
    const ramMbPerNode: number[] = [];
    chosen.forEach((node, i) => {
      const share = take[i] / node.gpus;
      const usableCores = node.cores - reservedCores;
      check(usableCores > 0, `host reservation of ${reservedCores} cores leaves no CPUs on NUMA node ${node.id} of server profile ${server.name}`);
      const usableGib = node.memoryGib - reservedMemGib;
      check(usableGib > 0, `host reservation of ${reservedMemGib} GiB leaves no memory on NUMA node ${node.id} of server profile ${server.name}`);
      // whole cores: `prefer` and `require` pin both thread siblings, `isolate` pins one vCPU per core
      const cores = Math.max(1, Math.floor(usableCores * share));
      vcpusPerNode.push(threadPolicy === CpuThreadPolicy.ISOLATE ? cores : cores * server.threadsPerCore);
      ramMbPerNode.push(Math.max(1, Math.floor(usableGib * share)) * 1024);
    });
    const vcpus = vcpusPerNode.reduce((a, b) => a + b, 0);
    const ramMb = ramMbPerNode.reduce((a, b) => a + b, 0);

    const extraSpecs: { [key: string]: string } = {
      'hw:cpu_policy': 'dedicated',
      'hw:cpu_thread_policy': threadPolicy,
      'hw:mem_page_size': options.memoryPageSize ?? MemoryPageSize.HUGE_1G,
      'hw:numa_nodes': String(numaNodes),
      'hw:pci_numa_affinity_policy': policy,
      'pci_passthrough:alias': `${options.pciAlias ?? gpu.name}:${n}`,
    };
    if (numaNodes > 1) {
      let first = 0;
      vcpusPerNode.forEach((count, i) => {
        extraSpecs[`hw:numa_cpus.${i}`] = cpuRange(first, count);
        extraSpecs[`hw:numa_mem.${i}`] = String(ramMbPerNode[i]);
        first += count;
      });
    }
    return {
      vcpus,
      ramMb,
      numaNodes,
      gpuCount: n,
      vcpusPerNumaNode: vcpusPerNode,
      ramMbPerNumaNode: ramMbPerNode,
      extraSpecs: sortKeys(extraSpecs),
    };
  }
}

function sortKeys(o: { [key: string]: string }): { [key: string]: string } {
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
}
