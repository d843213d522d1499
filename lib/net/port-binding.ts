/**
 * `binding:vnic_type` values the Terraform provider accepts (openstack/resource_openstack_networking_port_v2.go;
 * openstack/neutron-lib `neutron_lib/api/definitions/portbindings.py`). `vdpa`, `smart-nic` and `accelerator-*` exist in Neutron but fail the
 * provider's validation, so they are not offered.
 */
export enum VnicType {
  /** virtio through OVN/OVS (the default). */
  NORMAL = 'normal',
  /** An SR-IOV VF passed to the guest, or a hardware-offloaded OVN VF (switchdev); an IB VF on InfiniBand. */
  DIRECT = 'direct',
  /** A whole PF passed to the guest. */
  DIRECT_PHYSICAL = 'direct-physical',
  /** An SR-IOV VF through macvtap. */
  MACVTAP = 'macvtap',
  /** An Ironic node's port: the switch port is configured by networking-generic-switch (or networking-mlnx-baremetal on IB). */
  BAREMETAL = 'baremetal',
  /** A VF behind a virtio forwarder (Agilio style). */
  VIRTIO_FORWARDER = 'virtio-forwarder',
  /** A VF of an off-path DPU (BlueField): OVN runs on the DPU's Arm cores. */
  REMOTE_MANAGED = 'remote-managed',
}

/** What kinds of ports a network can bind, and who declared it. */
export interface NetworkCapabilities {
  /** SR-IOV (or hardware-offloaded) VFs: vnic types direct, direct-physical, macvtap, virtio-forwarder. */
  readonly sriov: boolean;
  /** BlueField DPU VFs: vnic type remote-managed. */
  readonly remoteManaged: boolean;
  /** Bare-metal switch ports: vnic type baremetal. */
  readonly baremetal: boolean;
  /** Where the capabilities come from, for messages: `physnet baremetal`, `the site's overlay`. */
  readonly declaredBy: string;
}
