import { check, fail, oneOf } from '../errors';

/**
 * GPU vendors. The value is the PCI vendor id (lower-case hex, no `0x`), as Nova's `[pci] alias` wants it.
 */
export enum GpuVendor {
  /** NVIDIA, PCI vendor `10de` (pciutils/pciids pci.ids). */
  NVIDIA = '10de',
  /** AMD (ATI), PCI vendor `1002` (pciutils/pciids pci.ids). */
  AMD = '1002',
}

/** How the GPU attaches to the host. */
export enum GpuFormFactor {
  /** NVIDIA SXM module on an HGX baseboard, GPUs joined by NVLink/NVSwitch. */
  SXM = 'SXM',
  /** PCIe add-in card. */
  PCIE = 'PCIE',
  /** OCP Accelerator Module (AMD Instinct platforms, Infinity Fabric between GPUs). */
  OAM = 'OAM',
}

/** A MIG GPU-instance profile, as the NVIDIA MIG manager (mig-parted) names it. */
export interface MigProfileProps {
  /** Profile name as mig-parted and the device plugin use it, e.g. `1g.10gb` or `1g.10gb+me`. */
  readonly name: string;
  /** Compute slices (the `Ng` part): 1 to 7. */
  readonly computeSlices: number;
  /** Memory slices out of the GPU's {@link GpuModelProps.migMemorySlices} (8 on every MIG-capable GPU here). */
  readonly memorySlices: number;
  /** Memory of one instance in GB, as in the profile name. */
  readonly memoryGb: number;
  /** How many instances of this profile fit one GPU when it is the only profile used. */
  readonly maxInstances: number;
  /**
   * Memory-slice indices where an instance of this profile may start (`nvidia-smi mig -lgipp`).
   * An instance occupies `memorySlices` consecutive slices from its start.
   */
  readonly placements: number[];
  /**
   * Whether the profile includes the media extensions (`+me`: NVDEC/NVJPG/OFA), of which one GPU has one.
   * @default false
   */
  readonly mediaExtensions?: boolean;
}

/** One MIG GPU-instance profile of one GPU model. */
export class MigProfile {
  /** Profile name, e.g. `3g.40gb`. */
  public readonly name: string;
  /** Compute slices (1 to 7). */
  public readonly computeSlices: number;
  /** Memory slices (of 8). */
  public readonly memorySlices: number;
  /** Memory of one instance in GB. */
  public readonly memoryGb: number;
  /** Maximum instances of this profile on one GPU. */
  public readonly maxInstances: number;
  /** Start indices (in memory slices) where an instance may be placed. */
  public readonly placements: number[];
  /** Whether this is a `+me` (media extensions) profile. */
  public readonly mediaExtensions: boolean;

  constructor(props: MigProfileProps) {
    check(/^[1-7]g\.\d+gb(\+me)?$/.test(props.name), `MIG profile name ${JSON.stringify(props.name)} is not of the form <N>g.<M>gb[+me]; use e.g. 1g.10gb`);
    check(props.computeSlices >= 1 && props.computeSlices <= 7, `MIG profile ${props.name}: computeSlices ${props.computeSlices} is outside 1..7`);
    check(props.maxInstances >= 1 && props.maxInstances <= 7, `MIG profile ${props.name}: maxInstances ${props.maxInstances} is outside 1..7`);
    check(props.placements.length > 0, `MIG profile ${props.name}: at least one placement is needed`);
    this.name = props.name;
    this.computeSlices = props.computeSlices;
    this.memorySlices = props.memorySlices;
    this.memoryGb = props.memoryGb;
    this.maxInstances = props.maxInstances;
    this.placements = [...props.placements];
    this.mediaExtensions = props.mediaExtensions ?? false;
  }
}

/** Describes a GPU model. Every shipped value carries its source. */
export interface GpuModelProps {
  /** Short, stable id used in names and labels, e.g. `h100-sxm5-80gb`. Lower case, digits and dashes. */
  readonly name: string;
  /** Marketing name, e.g. `NVIDIA H100 SXM5 80GB`. */
  readonly displayName: string;
  /** PCI vendor. */
  readonly vendor: GpuVendor;
  /** PCI product (device) id, lower-case hex without `0x`, e.g. `2330`. */
  readonly pciProductId: string;
  /** Device memory in GB (1e9 bytes), as the vendor states it. */
  readonly memoryGb: number;
  /** Attachment form factor. */
  readonly formFactor: GpuFormFactor;
  /**
   * The product name the driver reports (`nvidia-smi --query-gpu=name`); GPU feature discovery publishes it,
   * spaces replaced by dashes, as the node label `nvidia.com/gpu.product`.
   * @default - none known
   */
  readonly productName?: string;
  /**
   * MIG profiles of the default mig-parted configuration.
   * @default - the GPU has no MIG
   */
  readonly migProfiles?: MigProfileProps[];
  /**
   * Memory slices a MIG-capable GPU is divided into.
   * @default 8
   */
  readonly migMemorySlices?: number;
  /**
   * Whether NVIDIA vGPU (mediated devices or SR-IOV VFs managed by the vGPU host driver) supports this GPU.
   * MIG-backed vGPU additionally needs MIG.
   * @default false
   */
  readonly vgpuCapable?: boolean;
  /**
   * Whether the GPU has the PCIe SR-IOV capability. nova-compute then records it as `type-PF` (libvirt lists a
   * `virt_functions` capability; openstack/nova `nova/virt/libvirt/host.py` `_get_device_type`), even with no VF
   * enabled, so its PCI alias needs `device_type: type-PF`.
   * @default false
   */
  readonly sriovCapable?: boolean;
  /**
   * PCI product id of the SR-IOV virtual functions a host driver creates on the GPU for VMs (AMD MxGPU: the GIM
   * driver of amd/MxGPU-Virtualization), e.g. `74b5` for MI300X. Needs `sriovCapable`.
   * @default - none: SR-IOV VF flavors (`GpuAttachment.sriovVf()`) are refused
   */
  readonly vfPciProductId?: string;
  /**
   * The numbers of VFs per GPU the VF driver supports (each VF gets an equal share of the GPU).
   * @default - [1] when `vfPciProductId` is set
   */
  readonly vfsPerGpuOptions?: number[];
  /**
   * Whether GPUs of this model in one server are joined by a GPU fabric (NVLink/NVSwitch, Infinity Fabric),
   * so tensor parallelism across them does not cross PCIe.
   * @default false
   */
  readonly gpuFabric?: boolean;
}

// Placements from `nvidia-smi mig -lgipp` on A100/H100 (profile ids 19/20: {0..6}:1, 15: {0,2,4,6}:2, 14: {0,2,4}:2,
// 9: {0,4}:4, 5: {0}:4, 0: {0}:8), which H200 and B200 share: only the memory per slice differs
// (NVIDIA MIG user guide "Supported MIG Profiles"; H100 NVL and A100 outputs quoted in public MIG how-tos).
const P_1G_SMALL = [0, 1, 2, 3, 4, 5, 6];
const P_2_SLICE = [0, 2, 4, 6];
const P_2G = [0, 2, 4];
const P_HALF = [0, 4];
const P_WHOLE = [0];

/**
 * The eight-slice MIG profile family shared by A100, H100, H200 and B200: only the memory per slice differs.
 * Profile names and maximum counts: NVIDIA/gpu-operator assets/state-mig-manager/0400_configmap.yaml; `+me` is limited to one instance per GPU (NVIDIA MIG user guide,
 * "A single 1g profile can include media extensions").
 */
function migFamily(oneSliceGb: number, twoSliceGb: number, halfGb: number, wholeGb: number, withMe: boolean): MigProfileProps[] {
  const profiles: MigProfileProps[] = [
    { name: `1g.${oneSliceGb}gb`, computeSlices: 1, memorySlices: 1, memoryGb: oneSliceGb, maxInstances: 7, placements: P_1G_SMALL },
    { name: `1g.${twoSliceGb}gb`, computeSlices: 1, memorySlices: 2, memoryGb: twoSliceGb, maxInstances: 4, placements: P_2_SLICE },
    { name: `2g.${twoSliceGb}gb`, computeSlices: 2, memorySlices: 2, memoryGb: twoSliceGb, maxInstances: 3, placements: P_2G },
    { name: `3g.${halfGb}gb`, computeSlices: 3, memorySlices: 4, memoryGb: halfGb, maxInstances: 2, placements: P_HALF },
    { name: `4g.${halfGb}gb`, computeSlices: 4, memorySlices: 4, memoryGb: halfGb, maxInstances: 1, placements: P_WHOLE },
    { name: `7g.${wholeGb}gb`, computeSlices: 7, memorySlices: 8, memoryGb: wholeGb, maxInstances: 1, placements: P_WHOLE },
  ];
  if (withMe) {
    profiles.push({
      name: `1g.${oneSliceGb}gb+me`,
      computeSlices: 1,
      memorySlices: 1,
      memoryGb: oneSliceGb,
      maxInstances: 1,
      placements: P_1G_SMALL,
      mediaExtensions: true,
    });
  }
  return profiles;
}

/**
 * A GPU model: memory, PCI identity, MIG profiles and vGPU support.
 *
 * Shipped models are static members (`GpuModel.H100_SXM5_80GB`); define others with `GpuModel.custom()`.
 * Sources: PCI ids from pciutils pci.ids; memory and MIG profiles from NVIDIA's gpu-operator mig-parted defaults, the
 * NVIDIA MIG user guide ("Supported GPUs": memory and instance counts) and vendor data; vGPU support from NVIDIA AI Enterprise "NVIDIA vGPU Types by Hardware" (Ampere, Ada Lovelace,
 * Hopper H100/H200 and Blackwell type tables).
 */
export class GpuModel {
  // SR-IOV (`sriovCapable`): NVIDIA's Ampere and later data-center GPUs have it ("recent nVidia GPU architectures like
  // Ampere or newer GPUs which have SR-IOV feature", openstack/nova doc/source/admin/virtual-gpu.rst; their vGPUs run on
  // SR-IOV VFs enabled with sriov-manage); AMD Instinct MI300X (1002:74a1) is an SR-IOV physical function of AMD's GIM
  // driver (amd/MxGPU-Virtualization libgv/core/amdgv_device.c). MI350X is not verified: type-PCI until it is.
  /**
   * NVIDIA A100 SXM4 40GB: PCI `10de:20b0` (pci.ids); 40 GB HBM2 (MIG user guide: A100-SXM4 40GB, 7 instances);
   * MIG 1g.5gb×7, 1g.10gb×4, 2g.10gb×3, 3g.20gb×2, 4g.20gb, 7g.40gb, 1g.5gb+me (mig-parted);
   * vGPU: Ampere vGPU types (A100-*).
   */
  public static readonly A100_SXM4_40GB = new GpuModel({
    name: 'a100-sxm4-40gb',
    displayName: 'NVIDIA A100 SXM4 40GB',
    vendor: GpuVendor.NVIDIA,
    pciProductId: '20b0',
    memoryGb: 40,
    formFactor: GpuFormFactor.SXM,
    productName: 'NVIDIA A100-SXM4-40GB',
    migProfiles: migFamily(5, 10, 20, 40, true),
    vgpuCapable: true,
    gpuFabric: true,
    sriovCapable: true,
  });

  /**
   * NVIDIA A100 SXM4 80GB: PCI `10de:20b2` (pci.ids); 80 GB HBM2e (MIG user guide: A100-SXM4 80GB, 7 instances);
   * MIG 1g.10gb×7 ... 7g.80gb (mig-parted); vGPU: Ampere vGPU types (A100D-*; MIG-backed A100D-1-10C ... run under
   * Nova in StackHPC's kayobe vGPU role).
   */
  public static readonly A100_SXM4_80GB = new GpuModel({
    name: 'a100-sxm4-80gb',
    displayName: 'NVIDIA A100 SXM4 80GB',
    vendor: GpuVendor.NVIDIA,
    pciProductId: '20b2',
    memoryGb: 80,
    formFactor: GpuFormFactor.SXM,
    productName: 'NVIDIA A100-SXM4-80GB',
    migProfiles: migFamily(10, 20, 40, 80, true),
    vgpuCapable: true,
    gpuFabric: true,
    sriovCapable: true,
  });

  /**
   * NVIDIA A100 PCIe 40GB: PCI `10de:20f1` (pci.ids; `20b1` is an earlier A100 PCIe 40GB board id: give it its own
   * `GpuModel.custom()` if your hosts report it); 40 GB (MIG user guide: A100-PCIE 40GB, 7 instances);
   * same MIG profiles as A100 SXM4 40GB (mig-parted lists 20b0, 20b1, 20f1 together); vGPU: Ampere vGPU types.
   */
  public static readonly A100_PCIE_40GB = new GpuModel({
    name: 'a100-pcie-40gb',
    displayName: 'NVIDIA A100 PCIe 40GB',
    vendor: GpuVendor.NVIDIA,
    pciProductId: '20f1',
    memoryGb: 40,
    formFactor: GpuFormFactor.PCIE,
    productName: 'NVIDIA A100-PCIE-40GB',
    migProfiles: migFamily(5, 10, 20, 40, true),
    vgpuCapable: true,
    sriovCapable: true,
  });

  /**
   * NVIDIA A100 PCIe 80GB: PCI `10de:20b5` (pci.ids); 80 GB HBM2e (MIG user guide: A100-PCIE 80GB, 7 instances);
   * same MIG profiles as A100 SXM4 80GB (mig-parted); vGPU: Ampere vGPU types.
   */
  public static readonly A100_PCIE_80GB = new GpuModel({
    name: 'a100-pcie-80gb',
    displayName: 'NVIDIA A100 PCIe 80GB',
    vendor: GpuVendor.NVIDIA,
    pciProductId: '20b5',
    memoryGb: 80,
    formFactor: GpuFormFactor.PCIE,
    productName: 'NVIDIA A100 80GB PCIe',
    migProfiles: migFamily(10, 20, 40, 80, true),
    vgpuCapable: true,
    sriovCapable: true,
  });

  /**
   * NVIDIA H100 SXM5 80GB: PCI `10de:2330` (pci.ids); 80 GB HBM3 (MIG user guide: H100-SXM5 80GB, 7 instances);
   * MIG 1g.10gb×7, 1g.20gb×4, 2g.20gb×3, 3g.40gb×2, 4g.40gb, 7g.80gb, 1g.10gb+me (mig-parted; placements from
   * `nvidia-smi mig -lgipp`); vGPU: Hopper H100 vGPU types.
   */
  public static readonly H100_SXM5_80GB = new GpuModel({
    name: 'h100-sxm5-80gb',
    displayName: 'NVIDIA H100 SXM5 80GB',
    vendor: GpuVendor.NVIDIA,
    pciProductId: '2330',
    memoryGb: 80,
    formFactor: GpuFormFactor.SXM,
    productName: 'NVIDIA H100 80GB HBM3',
    migProfiles: migFamily(10, 20, 40, 80, true),
    vgpuCapable: true,
    gpuFabric: true,
    sriovCapable: true,
  });

  /**
   * NVIDIA H100 PCIe 80GB: PCI `10de:2331` (pci.ids); 80 GB HBM2e (MIG user guide: H100-PCIE 80GB, 7 instances);
   * same MIG profiles as H100 SXM5 (mig-parted lists 2330 and 2331 together); vGPU: Hopper H100 vGPU types.
   */
  public static readonly H100_PCIE_80GB = new GpuModel({
    name: 'h100-pcie-80gb',
    displayName: 'NVIDIA H100 PCIe 80GB',
    vendor: GpuVendor.NVIDIA,
    pciProductId: '2331',
    memoryGb: 80,
    formFactor: GpuFormFactor.PCIE,
    productName: 'NVIDIA H100 PCIe',
    migProfiles: migFamily(10, 20, 40, 80, true),
    vgpuCapable: true,
    sriovCapable: true,
  });

  /**
   * NVIDIA H200 SXM 141GB: PCI `10de:2335` (pci.ids; seen as `GH100 [H200 SXM 141GB] [10de:2335]` on HGX H200 hosts);
   * 141 GB HBM3e (MIG user guide: H200-SXM5 141GB, 7 instances; MLCommons inference v4.1 H200-SXM-141GB system);
   * MIG 1g.18gb×7, 1g.35gb×4, 2g.35gb×3, 3g.71gb×2, 4g.71gb, 7g.141gb, 1g.18gb+me (mig-parted);
   * vGPU: Hopper H200 vGPU types.
   */
  public static readonly H200_SXM_141GB = new GpuModel({
    name: 'h200-sxm-141gb',
    displayName: 'NVIDIA H200 SXM 141GB',
    vendor: GpuVendor.NVIDIA,
    pciProductId: '2335',
    memoryGb: 141,
    formFactor: GpuFormFactor.SXM,
    productName: 'NVIDIA H200',
    migProfiles: migFamily(18, 35, 71, 141, true),
    vgpuCapable: true,
    gpuFabric: true,
    sriovCapable: true,
  });

  /**
   * NVIDIA B200: PCI `10de:2901` (pci.ids); 180 GB usable (MIG user guide "Supported GPUs": B200 180GB, 7 instances;
   * marketing quotes 192 GB); MIG 1g.23gb×7, 1g.45gb×4, 2g.45gb×3, 3g.90gb×2, 4g.90gb, 7g.180gb (mig-parted lists no
   * `+me` profile); vGPU: Blackwell vGPU types (HGX B200 8-GPU baseboard is on NVIDIA's vGPU NVSwitch platform list).
   */
  public static readonly B200_180GB = new GpuModel({
    name: 'b200-180gb',
    displayName: 'NVIDIA B200',
    vendor: GpuVendor.NVIDIA,
    pciProductId: '2901',
    memoryGb: 180,
    formFactor: GpuFormFactor.SXM,
    productName: 'NVIDIA B200',
    migProfiles: migFamily(23, 45, 90, 180, false),
    vgpuCapable: true,
    gpuFabric: true,
    sriovCapable: true,
  });

  /**
   * NVIDIA L40S: PCI `10de:26b9` (pci.ids); 48 GB GDDR6 (NVIDIA L40S datasheet); no MIG (MIG user guide lists no Ada GPU;
   * the NVIDIA k8s test-infra board table marks l40s as not MIG-capable); vGPU: Ada Lovelace vGPU types (time-sliced).
   */
  public static readonly L40S_48GB = new GpuModel({
    name: 'l40s-48gb',
    displayName: 'NVIDIA L40S',
    vendor: GpuVendor.NVIDIA,
    pciProductId: '26b9',
    memoryGb: 48,
    formFactor: GpuFormFactor.PCIE,
    productName: 'NVIDIA L40S',
    vgpuCapable: true,
    sriovCapable: true,
  });

  /**
   * AMD Instinct MI300X: PCI `1002:74a1` (pci.ids); 192 GB HBM3 (MLCommons inference v4.1 AMD system
   * "MI300X-NPS1-SPX-192GB"); no MIG (AMD uses compute/memory partition modes instead); not NVIDIA vGPU.
   * AMD MxGPU: with the GIM host driver (amd/MxGPU-Virtualization) the GPU offers SR-IOV virtual functions
   * `1002:74b5` ("Instinct MI300X VF", pciutils pci.ids; `libgv/core/amdgv_marketing_name.c` at staging/8.1.0.K),
   * 1 per GPU (SPX compute mode, NPS1 memory; GIM's default `vf_num`, `gim_shim/gim_config.h`) or 8 per GPU (CPX,
   * NPS4; a preview in the GIM 8.5.0.K to 9.4.0.K release notes).
   */
  public static readonly MI300X_192GB = new GpuModel({
    name: 'mi300x-192gb',
    displayName: 'AMD Instinct MI300X',
    vendor: GpuVendor.AMD,
    pciProductId: '74a1',
    memoryGb: 192,
    formFactor: GpuFormFactor.OAM,
    gpuFabric: true,
    sriovCapable: true,
    vfPciProductId: '74b5',
    vfsPerGpuOptions: [1, 8],
  });

  /**
   * AMD Instinct MI350X: PCI `1002:75a0` (pci.ids); 288 GB HBM3E (AMD's MI350 series announcement and
   * Hot Chips 2025 talk; not checked against a datasheet here);
   * no MIG; not NVIDIA vGPU. GIM 9.x offers MxGPU VFs on MI350X (1, 2 or 8 per GPU, release notes 9.1.0.K-9.4.0.K),
   * but their PCI product id is not in pci.ids: give it with `GpuModel.custom({ vfPciProductId, ... })` to use them.
   */
  public static readonly MI350X_288GB = new GpuModel({
    name: 'mi350x-288gb',
    displayName: 'AMD Instinct MI350X',
    vendor: GpuVendor.AMD,
    pciProductId: '75a0',
    memoryGb: 288,
    formFactor: GpuFormFactor.OAM,
    gpuFabric: true,
  });

  /** Every shipped GPU model. */
  public static all(): GpuModel[] {
    return [
      GpuModel.A100_SXM4_40GB,
      GpuModel.A100_SXM4_80GB,
      GpuModel.A100_PCIE_40GB,
      GpuModel.A100_PCIE_80GB,
      GpuModel.H100_SXM5_80GB,
      GpuModel.H100_PCIE_80GB,
      GpuModel.H200_SXM_141GB,
      GpuModel.B200_180GB,
      GpuModel.L40S_48GB,
      GpuModel.MI300X_192GB,
      GpuModel.MI350X_288GB,
    ];
  }

  /** Looks up a shipped model by its {@link GpuModel.name}. */
  public static fromName(name: string): GpuModel {
    const found = GpuModel.all().find((g) => g.name === name);
    return found ?? fail(`unknown GPU model ${JSON.stringify(name)}; use one of ${oneOf(GpuModel.all().map((g) => g.name))} or GpuModel.custom()`);
  }

  /** A GPU model that is not shipped with the library. */
  public static custom(props: GpuModelProps): GpuModel {
    return new GpuModel(props);
  }

  /** Short, stable id, e.g. `h100-sxm5-80gb`. */
  public readonly name: string;
  /** Marketing name. */
  public readonly displayName: string;
  /** PCI vendor. */
  public readonly vendor: GpuVendor;
  /** PCI vendor id (lower-case hex), e.g. `10de`. */
  public readonly pciVendorId: string;
  /** PCI product id (lower-case hex), e.g. `2330`. */
  public readonly pciProductId: string;
  /** Device memory in GB. */
  public readonly memoryGb: number;
  /** Attachment form factor. */
  public readonly formFactor: GpuFormFactor;
  /** Driver-reported product name, if known. */
  public readonly productName?: string;
  /** MIG profiles (empty when the GPU has no MIG). */
  public readonly migProfiles: MigProfile[];
  /** Memory slices of a MIG-capable GPU. */
  public readonly migMemorySlices: number;
  /** Whether NVIDIA vGPU supports this GPU. */
  public readonly vgpuCapable: boolean;
  /** Whether the GPU has the PCIe SR-IOV capability (Nova records it as `type-PF`). */
  public readonly sriovCapable: boolean;
  /** Whether GPUs of this model share a GPU fabric inside a server. */
  public readonly gpuFabric: boolean;
  /**
   * PCI product id of the GPU's SR-IOV virtual functions (AMD MxGPU).
   * @default - none known
   */
  public readonly vfPciProductId?: string;
  /** The numbers of VFs per GPU the VF driver supports (empty without `vfPciProductId`). */
  public readonly vfsPerGpuOptions: number[];

  private constructor(props: GpuModelProps) {
    check(/^[a-z0-9][a-z0-9-]*$/.test(props.name), `GPU model name ${JSON.stringify(props.name)} must be lower case letters, digits and dashes`);
    check(/^[0-9a-f]{4}$/.test(props.pciProductId), `GPU model ${props.name}: pciProductId ${JSON.stringify(props.pciProductId)} must be 4 lower-case hex digits without 0x`);
    check(props.memoryGb > 0, `GPU model ${props.name}: memoryGb must be positive`);
    this.name = props.name;
    this.displayName = props.displayName;
    this.vendor = props.vendor;
    this.pciVendorId = props.vendor;
    this.pciProductId = props.pciProductId;
    this.memoryGb = props.memoryGb;
    this.formFactor = props.formFactor;
    this.productName = props.productName;
    this.migProfiles = (props.migProfiles ?? []).map((p) => new MigProfile(p));
    this.migMemorySlices = props.migMemorySlices ?? 8;
    this.vgpuCapable = props.vgpuCapable ?? false;
    this.sriovCapable = props.sriovCapable ?? false;
    this.gpuFabric = props.gpuFabric ?? false;
    if (props.vfPciProductId !== undefined) {
      check(/^[0-9a-f]{4}$/.test(props.vfPciProductId), `GPU model ${props.name}: vfPciProductId ${JSON.stringify(props.vfPciProductId)} must be 4 lower-case hex digits without 0x`);
      check(this.sriovCapable, `GPU model ${props.name}: vfPciProductId needs sriovCapable true (virtual functions exist only on an SR-IOV capable GPU)`);
    }
    this.vfPciProductId = props.vfPciProductId;
    this.vfsPerGpuOptions = props.vfPciProductId === undefined ? [] : [...new Set(props.vfsPerGpuOptions ?? [1])].sort((a, b) => a - b);
    check(props.vfPciProductId !== undefined || props.vfsPerGpuOptions === undefined, `GPU model ${props.name}: vfsPerGpuOptions needs vfPciProductId`);
    check(this.vfsPerGpuOptions.every((v) => Number.isInteger(v) && v >= 1), `GPU model ${props.name}: vfsPerGpuOptions must be positive integers`);
    for (const p of this.migProfiles) {
      check(
        p.placements.every((start) => Number.isInteger(start) && start >= 0 && start + p.memorySlices <= this.migMemorySlices),
        `GPU model ${props.name}: MIG profile ${p.name} has a placement that does not fit ${this.migMemorySlices} memory slices`,
      );
    }
  }

  /** Whether the GPU supports MIG. */
  public get migCapable(): boolean {
    return this.migProfiles.length > 0;
  }

  /** The PCI id as `vendor:product`, e.g. `10de:2330`. */
  public get pciId(): string {
    return `${this.pciVendorId}:${this.pciProductId}`;
  }

  /** The MIG profile of that name, or undefined. */
  public findMigProfile(name: string): MigProfile | undefined {
    return this.migProfiles.find((p) => p.name === name);
  }

  /** The MIG profile of that name; throws with the valid names when the GPU has no such profile. */
  public migProfile(name: string): MigProfile {
    if (!this.migCapable) {
      fail(`${this.displayName} has no MIG profiles; MIG profile ${JSON.stringify(name)} cannot be used (use a MIG-capable GPU such as H100 or H200)`);
    }
    return (
      this.findMigProfile(name) ??
      fail(`MIG profile ${JSON.stringify(name)} does not exist on ${this.displayName}; its profiles are ${oneOf(this.migProfiles.map((p) => p.name))}`)
    );
  }

  /**
   * Whether MIG instances in these counts fit one GPU together: every instance needs a free placement
   * (consecutive memory slices from an allowed start), compute slices add up to at most 7 and no profile exceeds its
   * maximum count. Unknown profile names throw.
   *
   * @param layout profile name → instances on one GPU, e.g. `{ '3g.40gb': 1, '2g.20gb': 1, '1g.10gb': 2 }`
   */
  public migLayoutFits(layout: { [profile: string]: number }): boolean {
    const wanted: MigProfile[] = [];
    for (const [name, count] of Object.entries(layout)) {
      const profile = this.migProfile(name);
      check(Number.isInteger(count) && count >= 0, `MIG layout: ${name} count ${count} must be a non-negative integer`);
      if (count > profile.maxInstances) return false;
      for (let i = 0; i < count; i++) wanted.push(profile);
    }
    if (wanted.reduce((sum, p) => sum + p.computeSlices, 0) > 7) return false;
    // place the largest instances first; backtrack over their allowed starts (at most 7 instances, 8 slices)
    wanted.sort((a, b) => b.memorySlices - a.memorySlices || b.computeSlices - a.computeSlices);
    const used: boolean[] = Array(this.migMemorySlices).fill(false);
    const place = (i: number): boolean => {
      if (i === wanted.length) return true;
      const p = wanted[i];
      for (const start of p.placements) {
        const span = Array.from({ length: p.memorySlices }, (_, k) => start + k);
        if (span.some((slice) => used[slice])) continue;
        span.forEach((slice) => (used[slice] = true));
        if (place(i + 1)) return true;
        span.forEach((slice) => (used[slice] = false));
      }
      return false;
    };
    return place(0);
  }
}
