import { VnicType } from './port-binding';
import { QosDirection } from './qos';

/**
 * Which Neutron QoS rules a port of each vnic type can carry. Not jsii API.
 *
 * Neutron checks every rule of a port's policy when the port is created (`QoSPlugin._validate_create_port_callback`,
 * neutron/services/qos/qos_plugin.py) and refuses the port with `QosRuleNotSupported` unless one loaded QoS driver
 * accepts the port and the rule (`QosServiceDriverManager.validate_rule_for_port`,
 * neutron/services/qos/drivers/manager.py). A port Terraform creates is unbound, so the driver is chosen by
 * `binding:vnic_type`. Read in openstack/neutron 28.0.1:
 * - OVN (neutron/services/qos/drivers/ovn/driver.py): vnic type `normal` only; bandwidth_limit in both directions
 *   with burst, dscp_marking, minimum_bandwidth in both directions;
 * - sriovnicswitch (neutron/services/qos/drivers/sriov/driver.py): vnic types `direct`, `macvtap`,
 *   `direct-physical`; bandwidth_limit egress only, minimum_bandwidth in both directions, no dscp_marking;
 * - no in-tree driver takes `baremetal`, `remote-managed` or `virtio-forwarder` ports (the Open vSwitch agent's driver,
 *   neutron/services/qos/drivers/openvswitch/driver.py, takes `normal` and `direct`, and is not used on an OVN site).
 */

/** One rule of a QoS policy, as far as driver support is concerned. */
export interface QosRuleShape {
  readonly kind: 'bandwidth_limit' | 'minimum_bandwidth' | 'dscp_marking';
  readonly direction?: QosDirection;
}

const SRIOV_VNICS = [VnicType.DIRECT, VnicType.MACVTAP, VnicType.DIRECT_PHYSICAL];

/** Why a port of `vnicType` cannot carry `rule`, with the fix; `undefined` when a driver accepts it. */
export function qosRuleProblem(vnicType: VnicType, rule: QosRuleShape): string | undefined {
  if (vnicType === VnicType.NORMAL) return undefined;
  const refused = 'Neutron refuses the port (QosRuleNotSupported)';
  if (SRIOV_VNICS.includes(vnicType)) {
    const ingressLimit = rule.kind === 'bandwidth_limit' && rule.direction === QosDirection.INGRESS;
    if (rule.kind !== 'dscp_marking' && !ingressLimit) return undefined;
    const what = ingressLimit ? 'an ingress bandwidth_limit' : 'dscp_marking';
    const works = ingressLimit ? 'ingress limits work' : 'DSCP marking works';
    return `Neutron's only QoS driver for ${vnicType} ports (sriovnicswitch) supports bandwidth_limit (egress) and minimum_bandwidth, `
      + `not ${what}; ${refused}: use a policy without it for this port (${works} on normal ports through OVN)`;
  }
  const fix = vnicType === VnicType.BAREMETAL ? 'drop qosPolicy, and shape the traffic on the switch' : 'drop qosPolicy for this port';
  return `no Neutron QoS driver accepts ${vnicType} ports (OVN takes normal ports, sriovnicswitch direct, macvtap and direct-physical); `
    + `${refused}: ${fix}`;
}
