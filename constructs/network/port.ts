import { Fn, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { projectOf } from './internal';
import { ITenantNetwork } from './network';
import { INetworkQosPolicy, NetworkQosPolicy } from './qos-policy';
import { ISecurityGroup } from './security-group';
import { vnicProblem } from '../../lib/net/binding-rules';
import { containsAddress, parseAddress, parseCidr } from '../../lib/net/ipv4';
import { Encapsulation } from '../../lib/net/mtu';
import { LinkType } from '../../lib/net/physical-network';
import { VnicType } from '../../lib/net/port-binding';
import { openStackNameProblem } from '../../lib/tenancy/openstack-limits';
import { bindings } from '../common/bindings';
import { IProject } from '../common/project';
import { guard, invalid } from '../common/validation';
import { warn } from '../common/warnings';

/** A Neutron port. */
export interface INetworkPort extends IConstruct {
  /** Port id (a Terraform reference). */
  readonly portId: string;
  /** Port name. */
  readonly portName: string;
  /** The network the port is on. */
  readonly network: ITenantNetwork;
  /** How the port binds. */
  readonly vnicType: VnicType;
}

/** Props of {@link NetworkPort}. */
export interface NetworkPortProps {
  /** The network the port is on. */
  readonly network: ITenantNetwork;
  /**
   * Port name.
   * @default - the construct id, lower-cased
   */
  readonly portName?: string;
  /**
   * How the port binds: `direct` for an SR-IOV VF (or an offloaded OVN VF; an IB VF on InfiniBand),
   * `direct-physical` for a whole PF, `baremetal` for an Ironic node, `remote-managed` for a BlueField DPU VF.
   * The network must declare the capability (physnet `sriov`, `remoteManaged`, `baremetal`).
   * @default VnicType.NORMAL
   */
  readonly vnicType?: VnicType;
  /**
   * Security groups of the port.
   * @default - none: on a network with port security the port passes no traffic until groups allow it (the
   * project's permissive `default` group is never attached implicitly)
   */
  readonly securityGroups?: ISecurityGroup[];
  /**
   * QoS policy of the port (overrides the network's). Minimum-bandwidth policies must be on the port before its
   * server boots.
   * @default - the network's policy, if any
   */
  readonly qosPolicy?: INetworkQosPolicy;
  /**
   * Fixed IPv4 address in the network's subnet (network owner or admin only, Neutron's `create_port:fixed_ips`).
   * @default - DHCP picks one from the pool
   */
  readonly fixedIp?: string;
  /**
   * Extra addresses or CIDRs the port may send from (VIPs for keepalived or MetalLB L2, routed pod CIDRs). Needs
   * port security; network owner or admin only.
   * @default - none
   */
  readonly allowedAddressPairs?: string[];
  /**
   * MAC address (network owner or admin only). On InfiniBand the VF's GUID is derived from it.
   * @default - Neutron generates one
   */
  readonly macAddress?: string;
  /**
   * Ask for OVN hardware offload with the port's `hardware_offload_type = switchdev` (extension
   * `port-hardware-offload-type`, written at creation only, through `value_specs`). Only for `direct` ports on
   * Ethernet networks. Admin-only under Neutron's default policy.
   * @default false
   */
  readonly hardwareOffload?: boolean;
  /**
   * A JSON object written to `binding:profile`. Nova and Ironic fill the profile themselves (`pci_slot`,
   * `physical_network`, the DPU's `card_serial_number`, `local_link_information`), and writing it needs the
   * `service` role under Neutron's default policy (a regular user gets a 403), so leave it out unless the
   * credentials carry that role.
   * @default - none
   */
  readonly bindingProfileJson?: string;
  /**
   * Project that owns the port.
   * @default - the network's project
   */
  readonly project?: IProject;
}

const SRIOV_VNICS = [VnicType.DIRECT, VnicType.DIRECT_PHYSICAL, VnicType.MACVTAP, VnicType.VIRTIO_FORWARDER];

/**
 * A Neutron port: virtio, SR-IOV (`direct`, `direct-physical`, `macvtap`), bare metal (`baremetal`) or a BlueField
 * DPU VF (`remote-managed`), checked against what its network can bind (neutron-lib `neutron_lib/api/definitions/portbindings.py`).
 *
 * The port never writes `binding:profile` by default: Nova (SR-IOV, DPU) and Ironic (bare metal) fill it when they
 * bind the port, and the default policy reserves it for the `service` role. Pass the port to the server or Ironic
 * node instead of the network.
 */
export class NetworkPort extends Construct implements INetworkPort {
  public readonly portId: string;
  public readonly portName: string;
  public readonly network: ITenantNetwork;
  public readonly vnicType: VnicType;
  /** The port's MAC address (a Terraform reference when Neutron generates it). */
  public readonly macAddress: string;
  /** The port's fixed IPv4 address (a Terraform reference when DHCP picks it). */
  public readonly ipAddress: string;

  constructor(scope: Construct, id: string, props: NetworkPortProps) {
    super(scope, id);
    const { network } = props;
    this.network = network;
    this.portName = props.portName ?? id.toLowerCase();
    const nameProblem = openStackNameProblem('portName', this.portName);
    if (nameProblem) invalid(this, nameProblem);
    this.vnicType = props.vnicType ?? VnicType.NORMAL;
    const project = projectOf(this, props.project, network.project, `network ${network.networkName}`);

    const problem = vnicProblem(this.vnicType, {
      networkName: network.networkName,
      linkType: network.linkType,
      encapsulation: network.encapsulation,
      capabilities: network.capabilities,
    });
    if (problem) invalid(this, problem);

    const groups = props.securityGroups ?? [];
    if (!network.portSecurityEnabled && groups.length > 0) {
      invalid(this, `network ${network.networkName} has port security off, so security groups cannot apply to its ports; drop securityGroups`);
    }
    if (!network.portSecurityEnabled && (props.allowedAddressPairs ?? []).length > 0) {
      invalid(this, `network ${network.networkName} has port security off; allowedAddressPairs only matter with port security, drop them`);
    }
    (props.allowedAddressPairs ?? []).forEach((pair) => guard(this, () => (pair.includes('/') ? parseCidr(pair, 'allowed address pair')
      : parseAddress(pair, 'allowed address pair'))));
    if (props.fixedIp !== undefined) this.checkFixedIp(props.fixedIp);
    if (props.macAddress !== undefined && !/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/.test(props.macAddress)) {
      invalid(this, `macAddress ${JSON.stringify(props.macAddress)} is not a MAC address; use lower-case colon form, e.g. fa:16:3e:12:34:56`);
    }
    if (props.hardwareOffload && (this.vnicType !== VnicType.DIRECT || network.linkType !== LinkType.ETHERNET)) {
      invalid(this, `hardwareOffload asks OVN to offload a direct VF; this port is ${this.vnicType} on a ${network.linkType} network`);
    }
    if (props.bindingProfileJson !== undefined) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(props.bindingProfileJson);
      } catch {
        invalid(this, `bindingProfileJson is not JSON: ${props.bindingProfileJson}`);
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        invalid(this, 'bindingProfileJson must be a JSON object, e.g. {"capabilities":["switchdev"]}');
      }
      warn(this, 'binding:profile needs the service role under Neutron\'s default policy; '
        + 'Terraform gets a 403 with admin or member credentials');
    }
    const sriovOnPhysnet = SRIOV_VNICS.includes(this.vnicType) && network.encapsulation !== Encapsulation.GENEVE
      && network.encapsulation !== Encapsulation.VXLAN && network.linkType === LinkType.ETHERNET;
    if (props.qosPolicy instanceof NetworkQosPolicy) {
      props.qosPolicy._attachPort(this, this.vnicType, sriovOnPhysnet ? network.physicalNetworkName : undefined);
    }

    const port = new (bindings.networkingPortV2().NetworkingPortV2)(this, 'Resource', {
      name: this.portName,
      networkId: network.networkId,
      adminStateUp: true,
      tenantId: project?.projectId,
      fixedIp: [{ subnetId: network.subnetId, ipAddress: props.fixedIp }],
      binding: {
        vnicType: this.vnicType,
        profile: props.bindingProfileJson,
      },
      securityGroupIds: groups.length > 0 ? groups.map((g) => g.securityGroupId) : undefined,
      noSecurityGroups: network.portSecurityEnabled && groups.length === 0 ? true : undefined,
      allowedAddressPairs: props.allowedAddressPairs?.map((ip) => ({ ipAddress: ip })),
      macAddress: props.macAddress,
      qosPolicyId: props.qosPolicy?.qosPolicyId,
      valueSpecs: props.hardwareOffload ? { hardware_offload_type: 'switchdev' } : undefined,
    });
    this.portId = port.id;
    this.macAddress = port.macAddress;
    this.ipAddress = props.fixedIp ?? Token.asString(Fn.element(port.allFixedIps, 0));
  }

  private checkFixedIp(ip: string): void {
    const address = guard(this, () => parseAddress(ip, 'fixedIp'));
    const subnet = parseCidr(this.network.cidr);
    if (!containsAddress(subnet, address)) invalid(this, `fixedIp ${ip} is outside ${this.network.networkName}'s subnet ${this.network.cidr}`);
    const edges = [subnet.startAddress().correctForm(), subnet.endAddress().correctForm()];
    if (edges.includes(address.correctForm())) invalid(this, `fixedIp ${ip} is the network or broadcast address of ${this.network.cidr}; use a host address`);
    if (address.correctForm() === this.network.gatewayIp) invalid(this, `fixedIp ${ip} is the gateway of ${this.network.cidr}; use another address`);
  }
}
