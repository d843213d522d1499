/**
 * Which vnic types can bind on which networks (openstack/neutron-lib `neutron_lib/api/definitions/portbindings.py`;
 * openstack/neutron 28.0.1 `doc/source/admin/config-ovs-offload.rst` and `doc/source/admin/ovn/smartnic_dpu.rst`;
 * networking-mlnx `plugins/ml2/drivers/mlnx/mech_mlnx.py`; openstack/networking-generic-switch
 * `doc/source/configuration.rst`). Not jsii API.
 */
import { Encapsulation } from './mtu';
import { LinkType } from './physical-network';
import { NetworkCapabilities, VnicType } from './port-binding';

/** What the binding rules need to know about a network. */
export interface BindingTarget {
  readonly networkName: string;
  readonly linkType: LinkType;
  readonly encapsulation: Encapsulation;
  readonly capabilities: NetworkCapabilities;
}

const SRIOV = [VnicType.DIRECT, VnicType.DIRECT_PHYSICAL, VnicType.MACVTAP, VnicType.VIRTIO_FORWARDER];
/** vnic types that need the SR-IOV NIC agent on a physnet: nothing of OVN is in their path. */
const PHYSNET_ONLY = [VnicType.DIRECT_PHYSICAL, VnicType.MACVTAP, VnicType.BAREMETAL];

/** Why a port of `vnic` cannot bind on the network, or undefined when it can. */
export function vnicProblem(vnic: VnicType, target: BindingTarget): string | undefined {
  const { networkName: name, capabilities: caps } = target;
  if (target.linkType === LinkType.INFINIBAND) {
    if (vnic !== VnicType.DIRECT && vnic !== VnicType.BAREMETAL) {
      return `vnic type ${vnic} cannot bind on InfiniBand network ${name}: networking-mlnx binds direct (an IB VF) and baremetal ports only`;
    }
  }
  const overlay = target.encapsulation === Encapsulation.GENEVE || target.encapsulation === Encapsulation.VXLAN;
  if (overlay && PHYSNET_ONLY.includes(vnic)) {
    return vnic === VnicType.BAREMETAL
      ? 'vnic type baremetal needs a VLAN network on a physnet whose switch ports networking-generic-switch manages; '
        + `network ${name} is a ${target.encapsulation} overlay`
      : `vnic type ${vnic} bypasses OVN and needs a VLAN or flat physnet; network ${name} is a ${target.encapsulation} overlay`;
  }
  if (SRIOV.includes(vnic) && !caps.sriov) {
    return `vnic type ${vnic} needs SR-IOV VFs, but ${caps.declaredBy} declares no SR-IOV capability; declare it (sriov: true) `
      + `where Nova's [pci] device_spec exposes VFs for network ${name}`;
  }
  if (vnic === VnicType.REMOTE_MANAGED && !caps.remoteManaged) {
    return `vnic type remote-managed needs BlueField DPUs, but ${caps.declaredBy} declares none; declare remoteManaged: true `
      + `where Nova's [pci] device_spec has remote_managed VFs for network ${name}`;
  }
  if (vnic === VnicType.BAREMETAL && !caps.baremetal) {
    return `vnic type baremetal needs switch ports managed for Ironic, but ${caps.declaredBy} declares none; declare baremetal: true `
      + 'on the physnet whose switches networking-generic-switch manages';
  }
  return undefined;
}
