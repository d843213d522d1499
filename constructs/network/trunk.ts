import { Construct } from 'constructs';
import { projectOf } from './internal';
import { INetworkPort } from './port';
import type { NetworkingTrunkV2 } from '../../generated/terraform/openstack/networking-trunk-v2';
import { Encapsulation } from '../../lib/net/mtu';
import { VlanAllocator } from '../../lib/net/segmentation';
import { bindings } from '../common/bindings';
import { IProject } from '../common/project';
import { invalid } from '../common/validation';

/** Props of {@link NetworkTrunk}. */
export interface NetworkTrunkProps {
  /** The parent port: the guest's untagged interface. */
  readonly parentPort: INetworkPort;
  /**
   * Trunk name.
   * @default - the construct id, lower-cased
   */
  readonly trunkName?: string;
  /**
   * Project that owns the trunk.
   * @default - the parent port's network's project
   */
  readonly project?: IProject;
}

interface SubPort {
  readonly port: INetworkPort;
  readonly segmentationId: number;
}

/**
 * A VLAN trunk (needs Neutron's `trunk` service plugin; openstack/neutron doc/source/admin/config-trunking.rst): the guest or
 * bare-metal node sees each sub-port as a VLAN-tagged sub-interface of the parent port. Add sub-ports with
 * `addSubPort(port, vlanId)`; a sub-port on a VLAN network inherits that network's VLAN id unless told otherwise
 * (what networking-generic-switch expects for bare-metal trunks).
 */
export class NetworkTrunk extends Construct {
  /** Trunk id (a Terraform reference). */
  public readonly trunkId: string;
  /** The parent port. */
  public readonly parentPort: INetworkPort;
  private readonly resource: NetworkingTrunkV2;
  private readonly subPorts: SubPort[] = [];

  constructor(scope: Construct, id: string, props: NetworkTrunkProps) {
    super(scope, id);
    this.parentPort = props.parentPort;
    const project = projectOf(this, props.project, props.parentPort.network.project, `network ${props.parentPort.network.networkName}`);
    this.resource = new (bindings.networkingTrunkV2().NetworkingTrunkV2)(this, 'Resource', {
      name: props.trunkName ?? id.toLowerCase(),
      portId: props.parentPort.portId,
      adminStateUp: true,
      tenantId: project?.projectId,
    });
    this.trunkId = this.resource.id;
  }

  /**
   * Adds `port` as a sub-port tagged `segmentationId` (1-4094, unique in the trunk).
   * @param port the sub-port
   * @param segmentationId the VLAN tag the guest sees; defaults to the VLAN id of the port's network when it is a VLAN network
   */
  public addSubPort(port: INetworkPort, segmentationId?: number): void {
    if (port === this.parentPort) invalid(this, `port ${port.portName} is the trunk's parent; it cannot also be a sub-port`);
    if (this.subPorts.some((s) => s.port === port)) invalid(this, `port ${port.portName} is already a sub-port of this trunk`);
    const net = port.network;
    const inherited = net.encapsulation === Encapsulation.VLAN ? net.segmentationId : undefined;
    const vlan = segmentationId ?? inherited;
    if (vlan === undefined) {
      invalid(this, `sub-port ${port.portName} on ${net.encapsulation} network ${net.networkName} needs a segmentationId: `
        + 'the VLAN tag the guest uses for it');
    }
    if (!Number.isInteger(vlan) || vlan < VlanAllocator.MIN_VLAN_ID || vlan > VlanAllocator.MAX_VLAN_ID) {
      invalid(this, `segmentationId ${vlan} of sub-port ${port.portName} is not a VLAN id; use 1 to 4094`);
    }
    const clash = this.subPorts.find((s) => s.segmentationId === vlan);
    if (clash) invalid(this, `VLAN ${vlan} is already the tag of sub-port ${clash.port.portName}; each sub-port needs its own tag`);
    this.subPorts.push({ port, segmentationId: vlan });
    this.resource.putSubPort(this.subPorts.map((s) => ({
      portId: s.port.portId,
      segmentationId: s.segmentationId,
      segmentationType: 'vlan',
    })));
  }

  /** Number of sub-ports. */
  public get subPortCount(): number {
    return this.subPorts.length;
  }
}
