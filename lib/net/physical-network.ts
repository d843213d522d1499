import { SegmentationRange } from './allocation';
import { checkRanges } from './id-pool';
import { Pkey, VlanAllocator } from './segmentation';
import { check } from '../errors';

/** What a physical network carries. */
export enum LinkType {
  /** Ethernet: OVN/OVS bridges, SR-IOV NICs, bare-metal switch ports. */
  ETHERNET = 'ethernet',
  /** InfiniBand, bound by networking-mlnx: the segmentation id is the partition key. */
  INFINIBAND = 'infiniband',
}

/** Props of {@link PhysicalNetwork.ethernet}. */
export interface EthernetPhysicalNetworkProps {
  /**
   * Physnet name: the same string in Neutron's `network_vlan_ranges`, OVN's `ovn-bridge-mappings`, Nova's
   * `[pci] device_spec` and networking-generic-switch's `ngs_physical_networks` (openstack/neutron `doc/source/admin/ovn/smartnic_dpu.rst`;
   * openstack/networking-generic-switch `doc/source/configuration.rst`).
   */
  readonly name: string;
  /**
   * MTU of the physical network (`[ml2] physical_network_mtus`, or `global_physnet_mtu`). VLAN and flat networks on
   * it use it unchanged; jumbo frames need every switch port and bridge at or above it.
   * @default 1500
   */
  readonly mtuBytes?: number;
  /**
   * Tenant VLAN ranges the site allocates from; tenant VLAN networks get their ids here, site provider networks use
   * ids outside them. If Neutron also hands out tenant VLANs on this physnet (`tenant_network_types` includes vlan),
   * give Neutron's `network_vlan_ranges` a different range, or the two allocators will collide.
   * @default - none: no tenant VLAN networks on this physnet
   */
  readonly vlanRanges?: SegmentationRange[];
  /**
   * Nova's `[pci] device_spec` exposes SR-IOV VFs (and PFs) with `physical_network` = this physnet, so ports of vnic
   * type `direct`, `direct-physical`, `macvtap` and `virtio-forwarder` can bind on its networks.
   * @default false
   */
  readonly sriov?: boolean;
  /**
   * BlueField DPUs serve this physnet: Nova's `device_spec` has `remote_managed: "true"` VFs with this
   * `physical_network`, so `remote-managed` ports can bind (openstack/neutron `doc/source/admin/ovn/smartnic_dpu.rst`).
   * @default false
   */
  readonly remoteManaged?: boolean;
  /**
   * Bare-metal nodes' switch ports are on this physnet and networking-generic-switch manages their VLANs, so
   * `baremetal` ports can bind on its VLAN networks (openstack/networking-generic-switch `doc/source/configuration.rst`).
   * @default false
   */
  readonly baremetal?: boolean;
}

/** Props of {@link PhysicalNetwork.infiniBand}. */
export interface InfiniBandPhysicalNetworkProps {
  /** Physnet name, as in networking-mlnx's `physical_interface_mappings` and Nova's `device_spec` (e.g. `ibrail0`). */
  readonly name: string;
  /**
   * The InfiniBand fabric (subnet manager) the physnet is cabled to. Pkeys are unique per fabric: physnets of the
   * same fabric (the rails of one rail-optimized fabric) share one pkey space.
   * @default - the physnet name: a fabric of its own
   */
  readonly fabricName?: string;
  /**
   * Pkeys tenants may use (the segmentation id is the pkey; keep Neutron's own tenant VLAN allocation away from
   * them). Every value must be a partition the subnet manager (OpenSM `partitions.conf` or UFM) can create; the
   * range stays inside 0x0001-0x0ffe. Physnets of one fabric declare the same ranges.
   */
  readonly pkeyRanges: SegmentationRange[];
  /**
   * Pkeys inside the ranges that are kept for the site (a storage or management partition).
   * @default - none
   */
  readonly reservedPkeys?: number[];
  /**
   * IPoIB MTU of the networks on this physnet. It follows the IPoIB mode and the fabric's IB MTU, not Neutron's
   * Ethernet arithmetic (https://docs.kernel.org/infiniband/ipoib.html): 2044 is IPoIB datagram mode on a 2K IB MTU,
   * 4092 datagram mode on a 4K IB MTU.
   * @default 2044
   */
  readonly mtuBytes?: number;
  /**
   * Virtual machines get IB VFs on this physnet (`mlnx_infiniband` binds `direct` ports only).
   * @default true
   */
  readonly sriov?: boolean;
  /**
   * Bare-metal nodes' HCAs are on this physnet and networking-mlnx-baremetal adds their GUIDs to the partitions,
   * so `baremetal` ports can bind.
   * @default false
   */
  readonly baremetal?: boolean;
}

/**
 * A physical network of the site (a Neutron physnet): its name, whether it is Ethernet or InfiniBand, its MTU, the
 * segmentation ids tenants may use on it, and what ports it can bind (SR-IOV VFs, DPUs, bare-metal switch ports).
 * A {@link NetworkSite} declares them and allocates from them.
 */
export class PhysicalNetwork {
  /** An Ethernet physnet (OVN bridge mapping, SR-IOV NICs, bare-metal switches). */
  public static ethernet(props: EthernetPhysicalNetworkProps): PhysicalNetwork {
    checkName(props.name);
    const mtu = props.mtuBytes ?? 1500;
    check(Number.isInteger(mtu) && mtu >= 1280 && mtu <= 9216,
      () => `physnet ${props.name} MTU ${mtu} must be an integer between 1280 and 9216 bytes`);
    const ranges = checkRanges(props.vlanRanges ?? [], VlanAllocator.MIN_VLAN_ID, VlanAllocator.MAX_VLAN_ID, `physnet ${props.name} VLAN`, String);
    return new PhysicalNetwork(props.name, LinkType.ETHERNET, mtu, ranges, props.sriov ?? false,
      props.remoteManaged ?? false, props.baremetal ?? false, undefined, []);
  }

  /** An InfiniBand physnet bound by networking-mlnx. */
  public static infiniBand(props: InfiniBandPhysicalNetworkProps): PhysicalNetwork {
    checkName(props.name);
    const mtu = props.mtuBytes ?? 2044;
    check(Number.isInteger(mtu) && mtu >= 1280 && mtu <= 65520,
      () => `physnet ${props.name} IPoIB MTU ${mtu} must be an integer between 1280 and 65520 bytes`);
    check(props.pkeyRanges.length > 0, () => `InfiniBand physnet ${props.name} declares no pkey ranges; give the pkeys tenants may use`);
    props.pkeyRanges.forEach((r) => { Pkey.check(r.min); Pkey.check(r.max); });
    const ranges = checkRanges(props.pkeyRanges, Pkey.MIN, Pkey.MAX, `physnet ${props.name} pkey`, Pkey.format);
    const reserved = [...(props.reservedPkeys ?? [])].sort((a, b) => a - b);
    reserved.forEach((p) => Pkey.check(p));
    const fabric = props.fabricName ?? props.name;
    checkName(fabric, 'fabric');
    return new PhysicalNetwork(props.name, LinkType.INFINIBAND, mtu, ranges, props.sriov ?? true, false,
      props.baremetal ?? false, fabric, reserved);
  }

  /** Physnet name. */
  public readonly name: string;
  /** Ethernet or InfiniBand. */
  public readonly linkType: LinkType;
  /** MTU of networks on the physnet, in bytes. */
  public readonly mtuBytes: number;
  /** Tenant segmentation id ranges: VLAN ids, or pkeys on InfiniBand. */
  public readonly segmentationRanges: SegmentationRange[];
  /** Whether SR-IOV VFs (vnic types direct, direct-physical, macvtap, virtio-forwarder) can bind. */
  public readonly sriov: boolean;
  /** Whether BlueField DPU VFs (vnic type remote-managed) can bind. */
  public readonly remoteManaged: boolean;
  /** Whether bare-metal ports (vnic type baremetal) can bind. */
  public readonly baremetal: boolean;
  /** InfiniBand fabric (pkey space); undefined on Ethernet. */
  public readonly fabricName?: string;
  /** Pkeys kept for the site (InfiniBand). */
  public readonly reservedPkeys: number[];

  private constructor(name: string, linkType: LinkType, mtuBytes: number, ranges: SegmentationRange[], sriov: boolean,
    remoteManaged: boolean, baremetal: boolean, fabricName: string | undefined, reservedPkeys: number[]) {
    this.name = name;
    this.linkType = linkType;
    this.mtuBytes = mtuBytes;
    this.segmentationRanges = ranges;
    this.sriov = sriov;
    this.remoteManaged = remoteManaged;
    this.baremetal = baremetal;
    this.fabricName = fabricName;
    this.reservedPkeys = reservedPkeys;
  }

  /** The physnet's entry for `[ml2_type_vlan] network_vlan_ranges`, e.g. `baremetal:700:799` (or just the name). */
  public get networkVlanRanges(): string {
    if (this.segmentationRanges.length === 0) return this.name;
    return this.segmentationRanges.map((r) => `${this.name}:${r.min}:${r.max}`).join(',');
  }
}

function checkName(name: string, what = 'physnet'): void {
  check(typeof name === 'string' && /^[A-Za-z0-9_.-]{1,64}$/.test(name),
    () => `${what} name ${JSON.stringify(name)} must be 1-64 letters, digits, '.', '_' or '-' (it appears in `
      + 'network_vlan_ranges and bridge mappings, where ":" and "," separate fields)');
}
