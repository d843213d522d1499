import { Construct } from 'constructs';
import { VnicType } from '../../lib/net/port-binding';
import { isDnsLabel } from '../common/k8s';
import { invalid } from '../common/validation';
import { ITenantNetwork } from '../network/network';
import { INetworkPort, NetworkPort } from '../network/port';
import { ISecurityGroup } from '../network/security-group';

/** Props of {@link AiGatewayPorts}. */
export interface AiGatewayPortsProps {
  /** The tenant networks the gateway fronts; each must declare the `remoteManaged` capability. */
  readonly networks: ITenantNetwork[];
  /** Data-plane replicas (`AiGateway.replicas`): one port per replica on each network. */
  readonly replicas: number;
  /**
   * Security groups of the ports (e.g. HTTPS in, model-server port out).
   * @default - none: on a network with port security the ports pass nothing until groups allow it
   */
  readonly securityGroups?: ISecurityGroup[];
  /**
   * Prefix of the port names, a DNS label.
   * @default - the construct id, lower-cased
   */
  readonly namePrefix?: string;
}

/**
 * The OpenStack side of a DPU-offloaded gateway: one Neutron `remote-managed` port (a BlueField VF whose
 * representor the DPU's OVN/OVS programs, Neutron `doc/source/admin/ovn/smartnic_dpu.rst`) per data-plane replica on
 * each tenant network the gateway fronts. Nova fills `binding:profile` with the DPU's serial when the server boots
 * with the port, so give these ports to the gateway nodes' servers.
 */
export class AiGatewayPorts extends Construct {
  /** The ports, network by network, replica by replica. */
  public readonly ports: INetworkPort[] = [];

  constructor(scope: Construct, id: string, props: AiGatewayPortsProps) {
    super(scope, id);
    const prefix = props.namePrefix ?? id.toLowerCase();
    if (!isDnsLabel(prefix)) invalid(this, `namePrefix ${JSON.stringify(prefix)} must be a DNS label`);
    if (!Number.isInteger(props.replicas) || props.replicas < 1 || props.replicas > 64) invalid(this, `replicas ${props.replicas} must be an integer from 1 to 64`);
    if (props.networks.length === 0) invalid(this, 'networks is empty; give the tenant networks the gateway fronts');
    const names = new Set<string>();
    for (const network of props.networks) {
      if (names.has(network.networkName)) invalid(this, `network ${network.networkName} is listed twice`);
      names.add(network.networkName);
      for (let i = 0; i < props.replicas; i++) {
        this.ports.push(new NetworkPort(this, `${network.networkName}-${i}`, {
          network,
          portName: `${prefix}-${network.networkName}-${i}`,
          vnicType: VnicType.REMOTE_MANAGED,
          securityGroups: props.securityGroups,
        }));
      }
    }
  }
}
