import { check, fail } from '../errors';
import { GpuAttachment, GpuAttachmentKind, PciDeviceType, ResolvedGpuAttachment } from './gpu-attachment';
import { NumaNode, ServerProfile } from './server';

/** `hw:cpu_policy` (openstack/nova nova/api/validation/extra_specs/hw.py). */
export enum CpuPolicy {
  /** Each vCPU pinned to its own host CPU; Placement counts them as `PCPU`. The right choice for GPU VMs. */
  DEDICATED = 'dedicated',
  /** Floating vCPUs (Nova's default); Placement counts them as `VCPU`. */
  SHARED = 'shared',
}

/**
 * `hw:cpu_thread_policy` (openstack/nova nova/api/validation/extra_specs/hw.py).
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

/** `hw:pci_numa_affinity_policy` (openstack/nova doc/source/admin/pci-passthrough.rst). */
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

/** Guest memory backing, `hw:mem_page_size` (openstack/nova doc/source/admin/huge-pages.rst). */
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

/** Input of {@link GpuFlavorPlanner.plan}. */
export interface GpuFlavorPlanOptions {
  /** The server the flavor runs on. */
  readonly server: ServerProfile;
  /** GPUs per VM: whole GPUs (passthrough), SR-IOV VFs, vGPUs, or MIG instances. */
  readonly gpuCount: number;
  /**
   * How the GPUs are attached.
   * @default GpuAttachment.passthrough()
   */
  readonly attachment?: GpuAttachment;
  /**
   * Guest NUMA nodes. Each maps to its own host NUMA node.
   * @default - the fewest NUMA nodes that hold the GPUs
   */
  readonly numaNodes?: number;
  /**
   * PCI NUMA affinity policy (passthrough and SR-IOV VFs: Nova applies it to PCI devices, not to mediated devices).
   * @default PciNumaAffinityPolicy.REQUIRED
   */
  readonly pciNumaAffinityPolicy?: PciNumaAffinityPolicy;
  /**
   * CPU policy.
   * @default CpuPolicy.DEDICATED
   */
  readonly cpuPolicy?: CpuPolicy;
  /**
   * CPU thread policy; needs dedicated CPUs.
   * @default - CpuThreadPolicy.PREFER with dedicated CPUs, none with shared CPUs
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

/** A Nova `[pci] alias` entry (openstack/nova `nova/conf/pci.py`). */
export interface PciAliasDefinition {
  /** Alias name, referenced by `pci_passthrough:alias`. */
  readonly name: string;
  /** PCI vendor id, lower-case hex without `0x`. */
  readonly vendorId: string;
  /** PCI product id, lower-case hex without `0x`. */
  readonly productId: string;
  /** `device_type`. */
  readonly deviceType: PciDeviceType;
  /** `numa_policy`. */
  readonly numaPolicy: PciNumaAffinityPolicy;
  /**
   * `resource_class` (needs PCI devices in Placement).
   * @default - not set
   */
  readonly resourceClass?: string;
  /**
   * For a `type-VF` alias: the product id of the GPU (the physical function) the VFs belong to.
   * @default - not a VF alias
   */
  readonly physicalFunctionProductId?: string;
}

/** A planned GPU flavor: sizes and the extra specs that make Nova place it NUMA-correctly. */
export interface GpuFlavorPlan {
  /** vCPUs. */
  readonly vcpus: number;
  /** RAM in MiB (Nova's unit). */
  readonly ramMb: number;
  /** Guest NUMA nodes. */
  readonly numaNodes: number;
  /** GPUs (whole GPUs, vGPUs or MIG instances). */
  readonly gpuCount: number;
  /** Attachment kind. */
  readonly attachmentKind: GpuAttachmentKind;
  /** Memory in GB of each GPU the guest sees (a whole GPU, a vGPU's framebuffer or a MIG instance). */
  readonly gpuMemoryGb: number;
  /** Placement resource class of one GPU (e.g. `CUSTOM_PCI_10DE_2335`, `VGPU`, `CUSTOM_NVIDIA_700`). */
  readonly gpuResourceClass: string;
  /** Host NUMA node ids the guest NUMA nodes are sized from, in guest node order. */
  readonly hostNumaNodes: number[];
  /** vCPUs of each guest NUMA node. */
  readonly vcpusPerNumaNode: number[];
  /** RAM in MiB of each guest NUMA node. */
  readonly ramMbPerNumaNode: number[];
  /** Flavor extra specs (all values strings, as `openstack_compute_flavor_v2.extra_specs` wants). */
  readonly extraSpecs: { [key: string]: string };
  /**
   * What one server of the flavor claims in Placement, without disk: `PCPU` or `VCPU`, `MEMORY_MB` and the GPU class.
   * Unified limits count these as `class:<RC>` (openstack/nova doc/source/admin/unified-limits.rst).
   */
  readonly placementResources: { [resourceClass: string]: number };
  /** The PCI alias the flavor requests (passthrough and SR-IOV VFs). */
  readonly pciAlias?: PciAliasDefinition;
  /** What the flavor gives, for descriptions. */
  readonly description: string;
}

/** Formats vCPU ids `first..last` as a Nova CPU-range string, e.g. `0-55`. */
function cpuRange(first: number, count: number): string {
  return count === 1 ? `${first}` : `${first}-${first + count - 1}`;
}

/**
 * Derives NUMA-aware GPU flavors from a server profile. Pure: no constructs.
 *
 * vCPUs and RAM are the GPUs' share of the host NUMA nodes they sit on, after the host reservation, so that a
 * server's flavors add up to at most the whole server and every guest stays on the NUMA nodes of its GPUs. A vGPU or
 * MIG instance counts as `1 / instancesPerGpu` of a GPU.
 */
export class GpuFlavorPlanner {
  /** Plans a GPU flavor with any attachment. */
  public static plan(options: GpuFlavorPlanOptions): GpuFlavorPlan {
    const server = options.server;
    const gpu = server.requireGpuModel();
    const n = options.gpuCount;
    check(Number.isInteger(n) && n >= 1, `gpuCount ${n} must be a positive integer`);
    const att: ResolvedGpuAttachment = (options.attachment ?? GpuAttachment.passthrough()).resolve(gpu);
    const passthrough = att.kind === GpuAttachmentKind.PASSTHROUGH;
    const vf = att.kind === GpuAttachmentKind.SRIOV_VF;
    const pci = passthrough || vf; // PCI devices: a PCI alias and PCI NUMA affinity

    // how many units one VM can have: one whole GPU or one time-sliced vGPU per physical GPU (NVIDIA allows one vGPU
    // per GPU in a VM, openstack/nova doc/source/admin/virtual-gpu.rst), MIG instances and VFs up to the host's layout
    const packed = att.kind === GpuAttachmentKind.MIG_VGPU || vf;
    const maxUnits = packed ? server.gpuCount * att.instancesPerGpu : server.gpuCount;
    if (n > maxUnits) {
      if (vf) {
        fail(`gpuCount ${n} is more than the ${maxUnits} VFs of server profile ${server.name} (${att.instancesPerGpu} on each of ${server.gpuCount} GPUs); use 1 to ${maxUnits}`);
      }
      if (passthrough) {
        fail(`gpuCount ${n} is more than the ${server.gpuCount} GPUs of server profile ${server.name}; use 1 to ${server.gpuCount}`);
      } else if (att.kind === GpuAttachmentKind.VGPU) {
        fail(`gpuCount ${n} is more than the ${server.gpuCount} GPUs of server profile ${server.name}; a VM gets at most one ${att.vgpuType} vGPU per GPU, so use 1 to ${server.gpuCount}`);
      }
      fail(`gpuCount ${n} is more than the ${maxUnits} MIG instances of server profile ${server.name} (${att.instancesPerGpu}× ${att.migProfile} on each of ${server.gpuCount} GPUs); use 1 to ${maxUnits}`);
    }

    const cpuPolicy = options.cpuPolicy ?? CpuPolicy.DEDICATED;
    if (options.cpuThreadPolicy !== undefined && cpuPolicy !== CpuPolicy.DEDICATED) {
      fail(
        `cpuThreadPolicy ${options.cpuThreadPolicy} needs dedicated CPUs, but cpuPolicy is ${cpuPolicy}; Nova rejects hw:cpu_thread_policy ` +
          'without hw:cpu_policy=dedicated (CPUThreadPolicyConfigurationInvalid); use CpuPolicy.DEDICATED or drop cpuThreadPolicy',
      );
    }
    const threadPolicy = cpuPolicy === CpuPolicy.DEDICATED ? options.cpuThreadPolicy ?? CpuThreadPolicy.PREFER : undefined;
    const policy = options.pciNumaAffinityPolicy ?? PciNumaAffinityPolicy.REQUIRED;
    if (!pci && options.pciNumaAffinityPolicy !== undefined) {
      fail(`pciNumaAffinityPolicy applies to PCI devices, not to ${att.kind === GpuAttachmentKind.VGPU ? 'vGPUs' : 'MIG-backed vGPUs'} (mediated devices); drop it`);
    }
    const reservedCores = options.hostReservation?.coresPerNumaNode ?? 2;
    const reservedMemGib = options.hostReservation?.memoryGibPerNumaNode ?? 16;
    check(Number.isInteger(reservedCores) && reservedCores >= 0, `hostReservation.coresPerNumaNode ${reservedCores} must be a non-negative integer`);
    check(Number.isInteger(reservedMemGib) && reservedMemGib >= 0, `hostReservation.memoryGibPerNumaNode ${reservedMemGib} must be a non-negative integer`);

    // physical GPUs the VM's units sit on: time-sliced vGPUs each on their own GPU, MIG instances and VFs packed
    const physical = packed ? Math.ceil(n / att.instancesPerGpu) : n;
    const gpuShare = n / att.instancesPerGpu; // in whole GPUs

    // host NUMA nodes ordered by GPUs (most first), then id: the guest takes the fewest nodes that hold its GPUs
    const byGpus = [...server.numaNodes].filter((node) => node.gpus > 0).sort((a, b) => b.gpus - a.gpus || a.id - b.id);
    const maxPerNode = byGpus[0].gpus;
    let needed = 0;
    for (let held = 0; held < physical; needed++) held += byGpus[needed].gpus;
    const numaNodes = options.numaNodes ?? needed;
    check(Number.isInteger(numaNodes) && numaNodes >= 1 && numaNodes <= server.numaNodes.length,
      `numaNodes ${numaNodes} must be between 1 and the ${server.numaNodes.length} NUMA nodes of server profile ${server.name}`);
    if (pci && numaNodes < needed && (policy === PciNumaAffinityPolicy.REQUIRED || policy === PciNumaAffinityPolicy.LEGACY)) {
      const sockets = new Set(byGpus.slice(0, needed).map((node) => node.socket)).size;
      const alternative = sockets <= numaNodes ? 'socket or preferred' : 'preferred';
      fail(
        `${vf ? `${n} VFs (on ${physical} GPUs)` : `${n} GPUs`} cannot be placed on ${numaNodes} NUMA node(s) of server profile ${server.name} under ${policy} PCI NUMA affinity ` +
          `(at most ${maxPerNode} GPUs share a NUMA node); use numaNodes ${needed}, or pciNumaAffinityPolicy ${alternative}`,
      );
    }
    check(numaNodes <= byGpus.length, `numaNodes ${numaNodes} is more than the ${byGpus.length} NUMA node(s) of server profile ${server.name} that have GPUs`);
    check(physical >= numaNodes, `${physical} GPU(s) cannot be spread over ${numaNodes} NUMA nodes; every guest NUMA node needs at least one GPU`);

    // physical GPUs per chosen host node: fill the fullest nodes first; spread evenly when more nodes were asked for
    const chosen = byGpus.slice(0, numaNodes);
    const take = chosen.map(() => 0);
    let left = physical;
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
    const placed = take.reduce((a, b) => a + b, 0);

    // each guest node gets its GPUs' share of the host node's cores and memory, after the host reservation
    const vcpusPerNode: number[] = [];
    const ramMbPerNode: number[] = [];
    chosen.forEach((node: NumaNode, i) => {
      // never more than the whole host node: a guest NUMA node must fit on one host NUMA node
      const share = Math.min(1, ((take[i] / placed) * gpuShare) / node.gpus);
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
      'hw:cpu_policy': cpuPolicy,
      'hw:mem_page_size': options.memoryPageSize ?? MemoryPageSize.HUGE_1G,
      'hw:numa_nodes': String(numaNodes),
    };
    if (threadPolicy !== undefined) extraSpecs['hw:cpu_thread_policy'] = threadPolicy;
    if (numaNodes > 1) {
      let first = 0;
      vcpusPerNode.forEach((count, i) => {
        extraSpecs[`hw:numa_cpus.${i}`] = cpuRange(first, count);
        extraSpecs[`hw:numa_mem.${i}`] = String(ramMbPerNode[i]);
        first += count;
      });
    }
    let pciAlias: PciAliasDefinition | undefined;
    if (pci) {
      extraSpecs['hw:pci_numa_affinity_policy'] = policy;
      extraSpecs['pci_passthrough:alias'] = `${att.pciAlias}:${n}`;
      pciAlias = {
        name: att.pciAlias!,
        vendorId: gpu.pciVendorId,
        productId: att.pciProductId!,
        physicalFunctionProductId: vf ? gpu.pciProductId : undefined,
        deviceType: att.pciDeviceType!,
        numaPolicy: policy,
        resourceClass: att.aliasResourceClass,
      };
    } else if (n === 1) {
      // one vGPU: the unnumbered request group, as in Nova's virtual-gpu guide
      extraSpecs[`resources:${att.resourceClass}`] = '1';
      if (att.trait) extraSpecs[`trait:${att.trait}`] = 'required';
    } else {
      // several vGPUs: one numbered group each (Nova 33.0.0), each from a different resource provider
      for (let g = 1; g <= n; g++) {
        extraSpecs[`resources${g}:${att.resourceClass}`] = '1';
        if (att.trait) extraSpecs[`trait${g}:${att.trait}`] = 'required';
      }
      extraSpecs.group_policy = 'isolate';
    }

    const placementResources: { [rc: string]: number } = {
      [cpuPolicy === CpuPolicy.DEDICATED ? 'PCPU' : 'VCPU']: vcpus,
      MEMORY_MB: ramMb,
      [att.resourceClass]: n,
    };
    return {
      vcpus,
      ramMb,
      numaNodes,
      gpuCount: n,
      attachmentKind: att.kind,
      gpuMemoryGb: att.unitMemoryGb,
      gpuResourceClass: att.resourceClass,
      hostNumaNodes: chosen.map((node) => node.id),
      vcpusPerNumaNode: vcpusPerNode,
      ramMbPerNumaNode: ramMbPerNode,
      extraSpecs: sortKeys(extraSpecs),
      placementResources: sortNumbers(placementResources),
      pciAlias,
      description: `${n}× ${att.description} on ${server.name}, ${numaNodes} NUMA node(s)`,
    };
  }

  /** Plans a whole-GPU (PCI passthrough) flavor. */
  public static passthrough(options: PassthroughFlavorOptions): GpuFlavorPlan {
    return GpuFlavorPlanner.plan({
      server: options.server,
      gpuCount: options.gpuCount,
      attachment: GpuAttachment.passthrough({ pciAlias: options.pciAlias }),
      numaNodes: options.numaNodes,
      pciNumaAffinityPolicy: options.pciNumaAffinityPolicy,
      cpuThreadPolicy: options.cpuThreadPolicy,
      memoryPageSize: options.memoryPageSize,
      hostReservation: options.hostReservation,
    });
  }

  /**
   * The nova.conf `[pci] alias` value of an alias definition: one JSON object per line of the multi-valued option.
   */
  public static novaPciAliasJson(alias: PciAliasDefinition): string {
    const o: { [key: string]: string } = {
      name: alias.name,
      vendor_id: alias.vendorId,
      product_id: alias.productId,
      device_type: alias.deviceType,
      numa_policy: alias.numaPolicy,
    };
    if (alias.resourceClass) o.resource_class = alias.resourceClass;
    return JSON.stringify(o);
  }

  /**
   * The nova.conf `[pci] device_spec` value that makes the alias's devices assignable on nova-compute: vendor and
   * product id, and the alias's resource class when it has one (openstack/nova `nova/conf/pci.py` `device_spec`: the
   * `resource_class` tag is what an alias's `resource_class` is matched against with `[pci] report_in_placement`).
   */
  public static novaPciDeviceSpecJson(alias: PciAliasDefinition): string {
    const o: { [key: string]: string } = { vendor_id: alias.vendorId, product_id: alias.productId };
    if (alias.resourceClass) o.resource_class = alias.resourceClass;
    return JSON.stringify(o);
  }
}

function sortKeys(o: { [key: string]: string }): { [key: string]: string } {
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
}

function sortNumbers(o: { [key: string]: number }): { [key: string]: number } {
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
}
