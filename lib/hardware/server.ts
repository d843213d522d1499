import { check, fail } from '../errors';
import { GpuModel } from './gpu';

/** Kinds of network adapter a server profile places on a NUMA node. */
export enum NetworkAdapterKind {
  /** An Ethernet NIC (e.g. ConnectX-7 in Ethernet mode). */
  ETHERNET = 'ETHERNET',
  /** An InfiniBand host channel adapter (e.g. ConnectX-7 NDR). */
  INFINIBAND = 'INFINIBAND',
  /** A DPU (e.g. BlueField-3): an Ethernet/IB adapter with its own Arm cores. */
  DPU = 'DPU',
}

/** A network adapter and the NUMA node its PCIe root sits on. */
export interface NetworkAdapterProps {
  /** Adapter name, unique within the profile, e.g. `ib0` or `bf3-0`. */
  readonly name: string;
  /** Adapter kind. */
  readonly kind: NetworkAdapterKind;
  /** Host NUMA node the adapter is attached to. */
  readonly numaNode: number;
  /** Number of physical ports. */
  readonly ports: number;
  /** Speed of one port in Gbit/s. */
  readonly portSpeedGbps: number;
  /** Model, e.g. `ConnectX-7` or `BlueField-3`. */
  readonly model: string;
  /**
   * PCI id (`vendor:product`, lower-case hex) of the physical function.
   * @default - unknown
   */
  readonly pciId?: string;
}

/** The GPUs of a server profile: one model, and the host NUMA node of each GPU. */
export interface GpuPlacementProps {
  /** GPU model (all GPUs of a server are one model). */
  readonly model: GpuModel;
  /** Host NUMA node of each GPU, in GPU index order; the length is the GPU count. */
  readonly numaNodes: number[];
}

/** Local NVMe drives. */
export interface NvmeProps {
  /** Number of drives. */
  readonly count: number;
  /** Capacity of one drive in GB. */
  readonly sizeGb: number;
  /**
   * Host NUMA node of each drive.
   * @default - spread evenly over the NUMA nodes
   */
  readonly numaNodes?: number[];
}

/** Describes a server model: CPUs, memory, NUMA layout and where each device sits. */
export interface ServerProfileProps {
  /** Short, stable id, e.g. `hgx-h200-8gpu`. Lower case, digits and dashes. */
  readonly name: string;
  /** Human name, e.g. `Supermicro SYS-821GE-TNHR (HGX H200 8-GPU)`. */
  readonly displayName: string;
  /**
   * CPU architecture as Ironic's `properties/cpu_arch` names it.
   * @default 'x86_64'
   */
  readonly cpuArch?: string;
  /** CPU sockets. */
  readonly sockets: number;
  /** Physical cores per socket. */
  readonly coresPerSocket: number;
  /**
   * Hardware threads per core (2 with SMT/Hyper-Threading on).
   * @default 2
   */
  readonly threadsPerCore?: number;
  /** Installed memory in GiB. */
  readonly memoryGib: number;
  /**
   * NUMA nodes per socket (BIOS sub-NUMA clustering / AMD NPS setting). Cores and memory are split evenly.
   * @default 1
   */
  readonly numaNodesPerSocket?: number;
  /**
   * GPUs and their NUMA nodes.
   * @default - no GPUs
   */
  readonly gpus?: GpuPlacementProps;
  /**
   * Network adapters (Ethernet NICs, InfiniBand HCAs, DPUs).
   * @default - none
   */
  readonly networkAdapters?: NetworkAdapterProps[];
  /**
   * Local NVMe drives.
   * @default - none
   */
  readonly nvme?: NvmeProps;
  /**
   * Size of the boot/root disk offered to Ironic (`properties/local_gb`) in GB.
   * @default 480
   */
  readonly rootDiskGb?: number;
}

/** One host NUMA node of a server profile, derived from the profile. */
export class NumaNode {
  /** Host NUMA node id. */
  public readonly id: number;
  /** Socket the node belongs to. */
  public readonly socket: number;
  /** Physical cores on the node. */
  public readonly cores: number;
  /** Hardware threads on the node (cores × threads per core). */
  public readonly threads: number;
  /** Memory on the node in GiB. */
  public readonly memoryGib: number;
  /** GPUs attached to the node. */
  public readonly gpus: number;

  constructor(id: number, socket: number, cores: number, threads: number, memoryGib: number, gpus: number) {
    this.id = id;
    this.socket = socket;
    this.cores = cores;
    this.threads = threads;
    this.memoryGib = memoryGib;
    this.gpus = gpus;
  }
}

/**
 * A server model: the single description from which Ironic enrollment, bare-metal flavors and NUMA-aware GPU
 * flavors are derived. Ship your own with `ServerProfile.custom()` or `new ServerProfile()`.
 */
export class ServerProfile {
  /**
   * HGX H200 8-GPU server, **GPUs spread across NUMA nodes** (the second layout of the OpenInfra "OpenStack for AI"
   * white paper as the issue describes it), shaped like NVIDIA DGX H200:
   * - CPUs and memory: 2× Intel Xeon Platinum 8480C, 56 cores each, SMT on, 2 TB (32× 64 GB DIMMs)
   *   (MLCommons inference v4.1, closed/NVIDIA/systems/H200-SXM-141GBx8_TRT_MaxQ.json: `host_processor_model_name`,
   *   `host_processor_core_count` 56, `host_processors_per_node` 2, `host_memory_configuration` 32× 64GB).
   *   One NUMA node per socket (sub-NUMA clustering off, the BIOS default).
   * - GPUs: 8× H200 SXM 141GB; GPUs 0-3 with InfiniBand HCAs ib0-3 behind the PCIe switches of socket 0, GPUs 4-7 and
   *   ib4-7 on socket 1 (each HCA shares a PCIe switch with its GPU for GPUDirect RDMA, as `nvidia-smi topo -m` shows
   *   `PXB` between a GPU and its HCA).
   * - Network: 8× single-port ConnectX-7 NDR 400 Gb/s InfiniBand and 2× dual-port BlueField-3 (200 GbE per port),
   *   one per socket (MLCommons: "10x 400Gbe Infiniband" host cards; DGX H200 datasheet: 8× ConnectX-7 VPI, 2× dual-port
   *   BlueField-3), plus the onboard 10 GbE RJ45 NIC the datasheet lists for in-band management (`lom0`), the
   *   provisioning port. PCI ids: ConnectX-7 `15b3:1021`, BlueField-3 `15b3:a2dc` (pciutils/pciids pci.ids).
   * - Storage: 8× 3.84 TB NVMe U.2 data drives, 4 per socket (DGX H200 datasheet; the per-socket split is assumed), and
   *   the 2× 1.92 TB M.2 NVMe OS mirror as the root disk Ironic deploys to (`rootDiskGb` 1920).
   */
  public static readonly HGX_H200_8GPU = new ServerProfile({
    name: 'hgx-h200-8gpu',
    displayName: 'HGX H200 8-GPU server (2× Xeon Platinum 8480C, 2 TiB)',
    sockets: 2,
    coresPerSocket: 56,
    threadsPerCore: 2,
    memoryGib: 2048,
    gpus: { model: GpuModel.H200_SXM_141GB, numaNodes: [0, 0, 0, 0, 1, 1, 1, 1] },
    networkAdapters: [
      { name: 'lom0', kind: NetworkAdapterKind.ETHERNET, numaNode: 0, ports: 1, portSpeedGbps: 10, model: 'onboard 10GBASE-T' },
      ...[0, 1, 2, 3, 4, 5, 6, 7].map((i) => ({
        name: `ib${i}`,
        kind: NetworkAdapterKind.INFINIBAND,
        numaNode: i < 4 ? 0 : 1,
        ports: 1,
        portSpeedGbps: 400,
        model: 'ConnectX-7',
        pciId: '15b3:1021',
      })),
      ...[0, 1].map((i) => ({
        name: `bf3-${i}`,
        kind: NetworkAdapterKind.DPU,
        numaNode: i,
        ports: 2,
        portSpeedGbps: 200,
        model: 'BlueField-3',
        pciId: '15b3:a2dc',
      })),
    ],
    nvme: { count: 8, sizeGb: 3840, numaNodes: [0, 0, 0, 0, 1, 1, 1, 1] },
    rootDiskGb: 1920,
  });

  /**
   * 2-socket PCIe server with 4× L40S and one BlueField-3 DPU, **GPUs concentrated on one NUMA node** (the first layout
   * of the OpenInfra "OpenStack for AI" white paper as the issue describes it; the shape of F5's BlueField-3 ingress
   * test bed, BIG-IP Next for Kubernetes on BlueField-3 in front of L40S inference servers).
   * - GPUs and DPU: all four L40S (`10de:26b9`) and the BlueField-3 (2× 200 GbE, `15b3:a2dc`) behind socket 0's PCIe
   *   switch (single-root layout: GPU peer traffic and DPU ingress never cross the socket interconnect).
   * - CPUs, memory and disks are a **representative** configuration (2× 32-core Xeon Gold 6448Y with SMT, 1 TiB,
   *   2× 3.84 TB NVMe, 2× 1 GbE onboard for provisioning): F5 and the Tolly report (#226104) do not publish the test
   *   bed's CPU and memory in the material available here. Define your own profile with `ServerProfile.custom()` when
   *   your servers differ.
   */
  public static readonly L40S_4GPU_BF3 = new ServerProfile({
    name: 'l40s-4gpu-bf3',
    displayName: '2-socket PCIe server, 4× L40S single-root, BlueField-3 (2× Xeon Gold 6448Y, 1 TiB)',
    sockets: 2,
    coresPerSocket: 32,
    threadsPerCore: 2,
    memoryGib: 1024,
    gpus: { model: GpuModel.L40S_48GB, numaNodes: [0, 0, 0, 0] },
    networkAdapters: [
      { name: 'lom0', kind: NetworkAdapterKind.ETHERNET, numaNode: 0, ports: 2, portSpeedGbps: 1, model: 'onboard 1GBASE-T' },
      { name: 'bf3-0', kind: NetworkAdapterKind.DPU, numaNode: 0, ports: 2, portSpeedGbps: 200, model: 'BlueField-3', pciId: '15b3:a2dc' },
    ],
    nvme: { count: 2, sizeGb: 3840, numaNodes: [0, 1] },
    rootDiskGb: 480,
  });

  /** A server profile from props. */
  public static custom(props: ServerProfileProps): ServerProfile {
    return new ServerProfile(props);
  }

  /** Short, stable id. */
  public readonly name: string;
  /** Human name. */
  public readonly displayName: string;
  /** CPU architecture (`x86_64`, `aarch64`). */
  public readonly cpuArch: string;
  /** CPU sockets. */
  public readonly sockets: number;
  /** Physical cores per socket. */
  public readonly coresPerSocket: number;
  /** Hardware threads per core. */
  public readonly threadsPerCore: number;
  /** Installed memory in GiB. */
  public readonly memoryGib: number;
  /** NUMA nodes, in id order. */
  public readonly numaNodes: NumaNode[];
  /** GPU model, if the server has GPUs. */
  public readonly gpuModel?: GpuModel;
  /** Host NUMA node of each GPU. */
  public readonly gpuNumaNodes: number[];
  /** Network adapters. */
  public readonly networkAdapters: NetworkAdapterProps[];
  /** Local NVMe drives (count 0 when none). */
  public readonly nvme: NvmeProps;
  /** Root disk size in GB for Ironic. */
  public readonly rootDiskGb: number;

  constructor(props: ServerProfileProps) {
    const where = `server profile ${props.name}`;
    check(/^[a-z0-9][a-z0-9-]*$/.test(props.name), `server profile name ${JSON.stringify(props.name)} must be lower case letters, digits and dashes`);
    check(Number.isInteger(props.sockets) && props.sockets >= 1, `${where}: sockets ${props.sockets} must be a positive integer`);
    check(Number.isInteger(props.coresPerSocket) && props.coresPerSocket >= 1, `${where}: coresPerSocket ${props.coresPerSocket} must be a positive integer`);
    const threadsPerCore = props.threadsPerCore ?? 2;
    check(threadsPerCore === 1 || threadsPerCore === 2 || threadsPerCore === 4, `${where}: threadsPerCore ${threadsPerCore} must be 1, 2 or 4`);
    const perSocket = props.numaNodesPerSocket ?? 1;
    check([1, 2, 4].includes(perSocket), `${where}: numaNodesPerSocket ${perSocket} must be 1, 2 or 4`);
    check(props.coresPerSocket % perSocket === 0, `${where}: ${props.coresPerSocket} cores per socket do not split evenly into ${perSocket} NUMA nodes`);
    const nodeCount = props.sockets * perSocket;
    check(props.memoryGib > 0 && props.memoryGib % nodeCount === 0, `${where}: memoryGib ${props.memoryGib} must split evenly over ${nodeCount} NUMA nodes`);

    const gpuNodes = props.gpus?.numaNodes ?? [];
    for (const n of gpuNodes) {
      check(Number.isInteger(n) && n >= 0 && n < nodeCount, `${where}: GPU NUMA node ${n} does not exist (the profile has NUMA nodes 0..${nodeCount - 1})`);
    }
    const adapters = props.networkAdapters ?? [];
    const names = new Set<string>();
    for (const a of adapters) {
      check(!names.has(a.name), `${where}: network adapter name ${a.name} is used twice`);
      names.add(a.name);
      check(Number.isInteger(a.numaNode) && a.numaNode >= 0 && a.numaNode < nodeCount, `${where}: adapter ${a.name} NUMA node ${a.numaNode} does not exist (0..${nodeCount - 1})`);
      check(/^[a-z0-9][a-z0-9-]*$/.test(a.name), `${where}: adapter name ${JSON.stringify(a.name)} must be lower case letters, digits and dashes`);
      check(Number.isInteger(a.ports) && a.ports >= 1, `${where}: adapter ${a.name} needs at least one port`);
    }
    const nvme = props.nvme ?? { count: 0, sizeGb: 0 };
    if (nvme.numaNodes) {
      check(nvme.numaNodes.length === nvme.count, `${where}: nvme.numaNodes lists ${nvme.numaNodes.length} drives but count is ${nvme.count}`);
    }

    this.name = props.name;
    this.displayName = props.displayName;
    this.cpuArch = props.cpuArch ?? 'x86_64';
    this.sockets = props.sockets;
    this.coresPerSocket = props.coresPerSocket;
    this.threadsPerCore = threadsPerCore;
    this.memoryGib = props.memoryGib;
    this.gpuModel = props.gpus?.model;
    this.gpuNumaNodes = [...gpuNodes];
    this.networkAdapters = adapters.map((a) => ({ ...a }));
    this.nvme = { ...nvme };
    this.rootDiskGb = props.rootDiskGb ?? 480;

    const coresPerNode = props.coresPerSocket / perSocket;
    this.numaNodes = [];
    for (let id = 0; id < nodeCount; id++) {
      this.numaNodes.push(
        new NumaNode(
          id,
          Math.floor(id / perSocket),
          coresPerNode,
          coresPerNode * threadsPerCore,
          props.memoryGib / nodeCount,
          gpuNodes.filter((n) => n === id).length,
        ),
      );
    }
  }

  /** Number of GPUs. */
  public get gpuCount(): number {
    return this.gpuNumaNodes.length;
  }

  /** Physical cores in the server. */
  public get totalCores(): number {
    return this.sockets * this.coresPerSocket;
  }

  /** Hardware threads in the server. */
  public get totalThreads(): number {
    return this.totalCores * this.threadsPerCore;
  }

  /** The GPU model; throws when the profile has no GPUs. */
  public requireGpuModel(): GpuModel {
    return this.gpuModel ?? fail(`server profile ${this.name} has no GPUs`);
  }

  /** Network adapters of one kind. */
  public adaptersOfKind(kind: NetworkAdapterKind): NetworkAdapterProps[] {
    return this.networkAdapters.filter((a) => a.kind === kind);
  }

  /**
   * Names of the Ethernet ports Ironic enrolls (Ethernet NICs and DPUs, not InfiniBand HCAs), `<adapter>/<port>` in
   * profile order, e.g. `lom0/0`, `bf3-0/0`, `bf3-0/1`.
   */
  public get ethernetPorts(): string[] {
    return this.networkAdapters
      .filter((a) => a.kind !== NetworkAdapterKind.INFINIBAND)
      .flatMap((a) => Array.from({ length: a.ports }, (_, i) => `${a.name}/${i}`));
  }

  /** GPUs attached to one host NUMA node. */
  public gpusOnNumaNode(numaNode: number): number {
    return this.gpuNumaNodes.filter((n) => n === numaNode).length;
  }
}
