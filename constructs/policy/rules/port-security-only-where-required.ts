import { PolicyLevel, PolicyPlatform, PolicyRule, PolicySubject, PolicyViolation } from '../policy-rule';

/**
 * Link MTUs of IPoIB interfaces: the InfiniBand MTU (2048 or 4096 bytes) less the 4-byte IPoIB header in datagram
 * mode (https://docs.kernel.org/infiniband/ipoib.html, "Datagram vs Connected modes"), or 65520 in connected mode
 * (https://docs.redhat.com/en/documentation/red_hat_enterprise_linux/9/html/configuring_infiniband_and_rdma_networks/configuring-ipoib_configuring-infiniband-and-rdma-networks).
 */
const IPOIB_MTUS = [2044, 4092, 65520];

/**
 * vNIC types whose ports bypass the Open vSwitch / OVN datapath: SR-IOV virtual functions, whole physical functions
 * and vDPA. Neutron cannot apply security groups to them ("Security groups are not supported when using SR-IOV":
 * openstack/neutron, `doc/source/admin/config-sriov.rst`, Known limitations;
 * https://docs.openstack.org/neutron/latest/admin/config-sriov.html).
 */
const SRIOV_VNIC_TYPES = ['direct', 'direct-physical', 'macvtap', 'vdpa', 'accelerator-direct', 'accelerator-direct-physical'];

/**
 * Port security (security groups and anti-spoofing) is turned off only where the network type cannot enforce it:
 * InfiniBand (IPoIB) networks, whose partitions (pkeys) isolate tenants instead, and networks whose every port is an
 * SR-IOV/vDPA port. Elsewhere a port without port security accepts any source address and any traffic, so a
 * tenant VM can spoof its neighbours. A network's `port_security_enabled` is the default of every port created on it
 * (Neutron API reference, networks: https://docs.openstack.org/api-ref/network/v2/#networks).
 */
export class PortSecurityOnlyWhereRequired extends PolicyRule {
  public readonly id = 'AIF-NET-002';
  public readonly rationale = 'a port without port security has no security groups and no anti-spoofing: on an Ethernet (OVN/OVS) network its VM can send from any address and receive anything';
  public readonly fix = 'keep port_security_enabled (the default) on Ethernet networks and give the ports security groups; turn it off only on InfiniBand (IPoIB) networks or networks of SR-IOV ports only';
  public readonly level = PolicyLevel.ERROR;

  public evaluateTogether(subjects: PolicySubject[]): PolicyViolation[] {
    const tf = subjects.filter((s) => s.platform === PolicyPlatform.TERRAFORM);
    const ports = tf.filter((s) => s.kind === 'openstack_networking_port_v2');
    const violations: PolicyViolation[] = [];
    for (const network of tf.filter((s) => s.kind === 'openstack_networking_network_v2' && s.body.port_security_enabled === false)) {
      if (IPOIB_MTUS.includes(network.body.mtu)) continue;
      const id = idOf(network);
      const own = ports.filter((p) => id !== undefined && String(p.body.network_id ?? '') === `\${${id}.id}`);
      const ethernet = own.filter((p) => !SRIOV_VNIC_TYPES.includes(String(p.body.binding?.vnic_type ?? 'normal')));
      if (own.length > 0 && ethernet.length === 0) continue;
      violations.push({
        path: network.path,
        message: `network ${JSON.stringify(network.body.name ?? '')} turns port security off but is not InfiniBand (mtu ${network.body.mtu ?? 'unset'}, `
          + `IPoIB has ${IPOIB_MTUS.join(', ')})`
          + (own.length === 0 ? ' and has no ports here' : ` and has ports that are not SR-IOV (${ethernet.map((p) => p.path).join(', ')})`),
      });
    }
    for (const port of ports.filter((p) => p.body.port_security_enabled === false)) {
      const vnic = String(port.body.binding?.vnic_type ?? 'normal');
      if (SRIOV_VNIC_TYPES.includes(vnic)) continue;
      const network = tf.find((n) => n.kind === 'openstack_networking_network_v2' && String(port.body.network_id ?? '') === `\${${idOf(n)}.id}`);
      if (network && IPOIB_MTUS.includes(network.body.mtu)) continue;
      violations.push({ path: port.path, message: `port ${JSON.stringify(port.body.name ?? '')} (vnic_type ${vnic}) turns port security off on a network that is not InfiniBand` });
    }
    return violations;
  }
}

/** `type.uniqueId` of a Terraform resource subject, from its `//` metadata. */
function idOf(subject: PolicySubject): string | undefined {
  const unique = subject.body['//']?.metadata?.uniqueId;
  return unique === undefined ? undefined : `${subject.kind}.${unique}`;
}
