// Ironic boot interfaces and what each needs from the networks a node boots on. Pure domain model (no constructs).

/** Ironic boot interfaces of the Redfish hardware type (openstack/ironic `doc/source/admin/drivers/redfish.rst`). */
export enum BootInterfaceType {
  /** The BMC mounts the deploy ISO as virtual media: the only boot interface that can run without DHCP. */
  REDFISH_VIRTUAL_MEDIA = 'redfish-virtual-media',
  /** UEFI HTTPS boot of the deploy ISO, set up through Redfish (no configuration drive, so the ramdisk needs DHCP). */
  REDFISH_HTTPS = 'redfish-https',
  /** iPXE over the provisioning network. */
  IPXE = 'ipxe',
  /** PXE over the provisioning network. */
  PXE = 'pxe',
  /** UEFI HTTP boot over the provisioning network. */
  HTTP = 'http',
  /** UEFI HTTP boot of iPXE. */
  HTTP_IPXE = 'http-ipxe',
}

/** What Ironic boot interfaces need from the networks (provisioning, cleaning, ...) their nodes boot on. */
export class IronicBootNeeds {
  /**
   * Whether nodes booting with `boot` need DHCP on the networks they boot on.
   *
   * Only `redfish-virtual-media` runs without it (openstack/ironic 38.0.0 `doc/source/admin/dhcp-less.rst`, which
   * lists no other boot interface): Ironic writes the node's addresses, taken from the fixed IPs of its Neutron
   * ports (`ironic/drivers/modules/network/common.py` `get_node_network_data`, `ironic/common/neutron.py`
   * `get_neutron_port_data`), onto the boot ISO as a configuration drive, and a ramdisk built with the `simple-init`
   * element applies them. PXE, iPXE and UEFI HTTP boot get their boot file from DHCP; `redfish-https` boots the ISO
   * without a configuration drive (`doc/source/admin/drivers/redfish.rst`, "Redfish HTTP(s) Boot"), so its
   * ramdisk has no address but DHCP's.
   */
  public static needsDhcp(boot: BootInterfaceType): boolean {
    return boot !== BootInterfaceType.REDFISH_VIRTUAL_MEDIA;
  }

  /**
   * Whether a network the nodes of every boot interface in `boots` boot on needs DHCP: when any of them needs it,
   * and when `boots` is empty (nothing is known, and DHCP works with every boot interface and every ramdisk).
   */
  public static networkNeedsDhcp(boots: BootInterfaceType[]): boolean {
    return boots.length === 0 || boots.some((b) => IronicBootNeeds.needsDhcp(b));
  }

  private constructor() {}
}
