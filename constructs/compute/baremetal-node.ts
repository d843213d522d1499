import { Annotations, TerraformOutput, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { BaremetalDeployment, BaremetalDeploymentOptions } from './baremetal-deployment';
import { BmcDriver } from './bmc';
import { checkResourceClass, checkTraits, defaultProvisioningPort, nodeLifecycle, requireIronicProvider } from './checks';
import { collectsTraitCommands } from './trait-commands';
import type { Node } from '../../generated/terraform/ironic/node';
import type { PortGroup } from '../../generated/terraform/ironic/port-group';
import { oneOf } from '../../lib/errors';
import { BootInterfaceType } from '../../lib/hardware/ironic-boot';
import { ServerProfile } from '../../lib/hardware/server';
import { bindings } from '../common/bindings';
import { IProject } from '../common/project';
import { Registry } from '../common/registry';
import { invalid } from '../common/validation';

/** Node boot mode (ironic doc/source/install/include/boot-mode.inc). */
export enum BootMode {
  /** UEFI: Ironic's default since Yoga, and what virtual-media and HTTP boot need. */
  UEFI = 'uefi',
  /** Legacy BIOS. */
  BIOS = 'bios',
}

/** Ironic deploy interfaces (openstack/ironic doc/source/admin/interfaces/deploy.rst). */
export enum DeployInterfaceType {
  /** The agent (IPA) writes the image to disk: the usual choice. */
  DIRECT = 'direct',
  /** Boot a ramdisk instead of writing a disk. */
  RAMDISK = 'ramdisk',
  /** Kickstart installs through Anaconda. */
  ANACONDA = 'anaconda',
  /** Your own deploy steps in the agent. */
  CUSTOM_AGENT = 'custom-agent',
}

/** Ironic network interfaces (openstack/ironic doc/source/admin/multitenancy.rst). */
export enum NetworkInterfaceType {
  /** One flat provisioning/tenant network, no switch configuration. */
  FLAT = 'flat',
  /** Neutron binds the node's ports to networks (multi-tenant bare metal); ports need local link connections. */
  NEUTRON = 'neutron',
  /** No network management. */
  NOOP = 'noop',
}

/** Ironic inspect interfaces of the Redfish hardware type (openstack/ironic doc/source/admin/drivers/redfish.rst). */
export enum InspectInterfaceType {
  /** Out-of-band inspection through the BMC. */
  REDFISH = 'redfish',
  /** In-band inspection by the agent ramdisk (finds NIC MACs, LLDP, disks). */
  AGENT = 'agent',
}

/** Linux bonding modes an Ironic port group accepts (`mode`). */
export enum BondMode {
  /** LACP (IEEE 802.3ad); the switch ports form a LAG. */
  LACP = '802.3ad',
  /** One active link, the other on standby: no switch configuration. */
  ACTIVE_BACKUP = 'active-backup',
  /** Transmit hash over the links, static LAG on the switch. */
  BALANCE_XOR = 'balance-xor',
  /** Round robin, static LAG on the switch. */
  BALANCE_RR = 'balance-rr',
  /** Adaptive transmit load balancing. */
  BALANCE_TLB = 'balance-tlb',
  /** Adaptive load balancing. */
  BALANCE_ALB = 'balance-alb',
  /** Every frame on every link. */
  BROADCAST = 'broadcast',
}

/** The deploy ramdisk a node boots for inspection, cleaning and deployment (`driver_info`). */
export class DeployRamdisk {
  /**
   * Agent kernel and ramdisk (Glance image ids or URLs); Ironic builds the boot ISO itself.
   * @param bootloader EFI system partition image for virtual-media UEFI boot (`bootloader`), when Ironic has no default
   */
  public static kernelAndRamdisk(kernel: string, ramdisk: string, bootloader?: string): DeployRamdisk {
    const info: { [key: string]: string } = { deploy_kernel: kernel, deploy_ramdisk: ramdisk };
    if (bootloader !== undefined) info.bootloader = bootloader;
    return new DeployRamdisk(info);
  }

  /** A pre-built deploy ISO (Glance image id or URL), for virtual-media boot (`deploy_iso`). */
  public static iso(iso: string): DeployRamdisk {
    return new DeployRamdisk({ deploy_iso: iso });
  }

  /** The `driver_info` keys. */
  public readonly driverInfo: { [key: string]: string };

  private constructor(driverInfo: { [key: string]: string }) {
    this.driverInfo = driverInfo;
  }
}

/** The switch port a node port is cabled to (`local_link_connection`), needed by the neutron network interface. */
export interface LocalLinkConnection {
  /** Switch chassis id (usually its MAC, as LLDP reports it). */
  readonly switchId: string;
  /** Switch port, e.g. `Ethernet1/7`. */
  readonly portId: string;
  /**
   * Switch name or other information the ML2 driver uses.
   * @default - none
   */
  readonly switchInfo?: string;
}

/** A bonded link: an Ironic port group of node ports. */
export interface BondProps {
  /** Bond name, unique within the node, e.g. `bond0`. The Ironic port group is named `<node>-<bond>`. */
  readonly bondName: string;
  /** Member ports, e.g. `['bf3-0/0', 'bf3-0/1']`. */
  readonly ports: string[];
  /**
   * Bonding mode.
   * @default BondMode.LACP
   */
  readonly mode?: BondMode;
}

/** Settings shared by every node of a pool. */
export interface BaremetalNodeOptions {
  /**
   * Traits of the node (`CUSTOM_*` or standard os-traits names), at most 50. Bare-metal flavors can require them.
   * @default - none
   */
  readonly traits?: string[];
  /**
   * Ports on the provisioning network: the only ones with `pxe_enabled`.
   * @default - the first port of the first Ethernet NIC (e.g. `lom0/0`), else the first DPU port
   */
  readonly provisioningPorts?: string[];
  /**
   * Bonded links (Ironic port groups).
   * @default - none
   */
  readonly bonds?: BondProps[];
  /**
   * Boot mode; pinned on the node (`capabilities: boot_mode:<mode>`) so bare-metal flavors can require it.
   * @default BootMode.UEFI
   */
  readonly bootMode?: BootMode;
  /**
   * Boot interface.
   * @default BootInterfaceType.REDFISH_VIRTUAL_MEDIA
   */
  readonly bootInterface?: BootInterfaceType;
  /**
   * Deploy interface.
   * @default DeployInterfaceType.DIRECT
   */
  readonly deployInterface?: DeployInterfaceType;
  /**
   * Network interface.
   * @default NetworkInterfaceType.FLAT
   */
  readonly networkInterface?: NetworkInterfaceType;
  /**
   * Inspect interface.
   * @default InspectInterfaceType.REDFISH
   */
  readonly inspectInterface?: InspectInterfaceType;
  /**
   * Deploy ramdisk.
   * @default - the conductors' configured defaults (`[conductor] deploy_kernel` ... or `deploy_iso`)
   */
  readonly deployRamdisk?: DeployRamdisk;
  /**
   * Automated cleaning (disk wipe and clean steps) before a node becomes available and after every tenant. Cleaning
   * needs the node's PXE-enabled ports, which Terraform creates only after the node: with it on, the node is made
   * available by the enrollment command, not by Terraform (see {@link BaremetalNode}).
   * @default true
   */
  readonly automatedClean?: boolean;
  /**
   * Inspect the node after enrollment. The Ironic provider 1.0 cannot (it inspects only a node that is already
   * `manageable` when the apply starts), so inspection is part of the enrollment command, run after the apply, once the
   * node's ports exist.
   * @default true
   */
  readonly inspect?: boolean;
  /**
   * Move the node to `available` so Nova or allocations can use it: by Terraform when neither inspection nor automated
   * cleaning is asked for, else by the enrollment command (`openstack baremetal node provide`).
   * @default true
   */
  readonly makeAvailable?: boolean;
  /**
   * Project that owns the node (Ironic `owner`).
   * @default - the operator (no owner)
   */
  readonly owner?: IProject;
  /**
   * Project the node is leased to (Ironic `lessee`).
   * @default - none
   */
  readonly lessee?: IProject;
  /**
   * Conductor group that manages the node.
   * @default - the default group
   */
  readonly conductorGroup?: string;
  /**
   * Root device hints (`properties/root_device`), e.g. `{ model: 'SAMSUNG MZ1L21T9' }` or `{ size: '>= 1800' }`.
   * @default - Ironic picks the smallest disk of at least 4 GiB
   */
  readonly rootDeviceHints?: { [key: string]: string };
  /**
   * Read each node's inspection inventory (`ironic_inventory`, Ironic API >= 1.81) and fail the apply when it contradicts
   * the server profile: CPU architecture, installed memory, and every enrolled MAC present. The inventory exists only
   * once the node was inspected (the enrollment command), so turn this on for the applies after that: on the first
   * apply the data source fails. Needs `inspect`.
   * @default false
   */
  readonly verifyInventory?: boolean;
}

/** Props of {@link BaremetalNode}. */
export interface BaremetalNodeProps extends BaremetalNodeOptions {
  /** Ironic node name (letters, digits, `-._~`), unique in Ironic. */
  readonly nodeName: string;
  /** The server model. */
  readonly server: ServerProfile;
  /** BMC driver, address and credentials. */
  readonly driver: BmcDriver;
  /** Ironic resource class as written on the node, e.g. `baremetal-hgx-h200-8gpu`. */
  readonly resourceClass: string;
  /** MAC address of each cabled Ethernet port, by profile port name (`lom0/0`, `bf3-0/1`, ...). */
  readonly macAddresses: { [port: string]: string };
  /**
   * Switch port of each node port, for the neutron network interface.
   * @default - none
   */
  readonly localLinkConnections?: { [port: string]: LocalLinkConnection };
}

/** A node Ironic can deploy: a bare-metal node or an allocation of one. */
export interface IBaremetalTarget extends IConstruct {
  /** UUID of the Ironic node (a Terraform reference). */
  readonly targetNodeId: string;
  /** Boot mode of the node. */
  readonly bootMode: BootMode;
}

/** An enrolled Ironic node. */
export interface IBaremetalNode extends IBaremetalTarget {
  /** Node UUID (a Terraform reference). */
  readonly nodeId: string;
  /** Node name. */
  readonly nodeName: string;
  /** Ironic resource class as written on the node. */
  readonly resourceClass: string;
  /** The Placement resource class Nova reports the node as, e.g. `CUSTOM_BAREMETAL_HGX_H200_8GPU`. */
  readonly placementResourceClass: string;
  /** The server model. */
  readonly server: ServerProfile;
  /** Traits. */
  readonly traits: string[];
  /** Whether the node is `available` when `terraform apply` returns (else it waits for its enrollment command). */
  readonly availableAfterApply: boolean;
}

/**
 * One physical server enrolled in Ironic with the Redfish driver: the `ironic_node`, an `ironic_port` per cabled
 * Ethernet port (PXE only on the provisioning network) and an `ironic_port_group` per bond.
 *
 * The node is UEFI with Redfish virtual-media boot by default (no PXE infrastructure needed), inspected and made
 * available after enrollment, and cleaned automatically. BMC credentials only ever reach Terraform as references to
 * sensitive variables or secrets.
 *
 * Lifecycle with metal3-community/ironic 1.0 (terraform-provider-ironic v1.0.0 `ironic/node_resource.go`
 * handleActionAttributes and `ironic/workflow.go`): the provider runs clean, inspect, provide and manage inside the
 * node's Create, before Terraform creates the node's ports; it skips inspection of a node still in `enroll`, sends
 * `clean` without clean steps, has no `available → manageable` step, and re-runs every true action whenever a later
 * apply updates the node. Ironic's automated cleaning on `provide` needs the node's PXE-enabled ports
 * (openstack/ironic `ironic/common/neutron.py` add_ports_to_network). So Terraform owns the ports and port groups, and
 * the node is emitted with every action false (it stays in `enroll`, ports and bond members attached), or with
 * `available` alone when neither inspection nor automated cleaning is asked for. The rest (`openstack baremetal node
 * manage`, `inspect`, `provide`) is the enrollment command in an output, run once after the apply: inspection then
 * finds the ports Terraform made and keeps them (Ironic's `ports` inspection hook skips MACs that exist), so no port
 * is created twice and bond members stay in their port group.
 *
 * The metal3-community/ironic 1.0 provider has no `traits` attribute on `ironic_node`: traits are validated here and
 * emitted as `openstack baremetal node add trait` commands in a Terraform output, which an operator runs once per node.
 */
export class BaremetalNode extends Construct implements IBaremetalNode {
  public readonly nodeId: string;
  public readonly targetNodeId: string;
  public readonly nodeName: string;
  public readonly resourceClass: string;
  public readonly placementResourceClass: string;
  public readonly server: ServerProfile;
  public readonly traits: string[];
  public readonly bootMode: BootMode;
  /** The node's boot interface. */
  public readonly bootInterface: BootInterfaceType;
  /** The command that sets the node's traits (`undefined` when it has none). */
  public readonly traitCommand?: string;
  /** The command that manages, inspects and provides the node after the apply (`undefined` when Terraform does it all). */
  public readonly enrollCommand?: string;
  public readonly availableAfterApply: boolean;
  /** The BMC endpoint (address and system id) in comparable form. */
  public readonly bmcEndpoint: string;
  /** Ironic network interface of the node (which networks its ports can join). */
  public readonly networkInterface: NetworkInterfaceType;

  constructor(scope: Construct, id: string, props: BaremetalNodeProps) {
    super(scope, id);
    requireIronicProvider(this);
    this.server = props.server;
    this.nodeName = props.nodeName;
    this.resourceClass = props.resourceClass;
    this.bootMode = props.bootMode ?? BootMode.UEFI;
    this.placementResourceClass = checkResourceClass(this, props.resourceClass);
    this.traits = checkTraits(this, props.traits ?? []);

    if (!Token.isUnresolved(props.nodeName) && !/^[A-Za-z0-9._~-]{1,255}$/.test(props.nodeName)) {
      invalid(this, `node name ${JSON.stringify(props.nodeName)} must be 1-255 letters, digits and -._~ (Ironic logical names)`);
    }

    const bootInterface = props.bootInterface ?? BootInterfaceType.REDFISH_VIRTUAL_MEDIA;
    this.bootInterface = bootInterface;
    const uefiOnly = [BootInterfaceType.REDFISH_VIRTUAL_MEDIA, BootInterfaceType.REDFISH_HTTPS, BootInterfaceType.HTTP, BootInterfaceType.HTTP_IPXE];
    if (this.bootMode !== BootMode.UEFI && uefiOnly.includes(bootInterface)) {
      invalid(this, `boot interface ${bootInterface} needs UEFI, but bootMode is ${this.bootMode}; use BootMode.UEFI (Ironic's default) or BootInterfaceType.PXE / IPXE for legacy BIOS`);
    }
    const networkInterface = props.networkInterface ?? NetworkInterfaceType.FLAT;
    this.networkInterface = networkInterface;

    // the BMC: one endpoint, one node
    const driverInfo = { ...props.driver.driverInfo(this), ...(props.deployRamdisk?.driverInfo ?? {}) };
    this.bmcEndpoint = props.driver.endpointKey;
    if (!Token.isUnresolved(props.driver.address)) {
      const other = Registry.ofStack(this).claim('bmc', this.bmcEndpoint, this, `node ${props.nodeName}`);
      if (other) {
        invalid(this, `BMC address ${props.driver.address}${props.driver.systemId ? ` (system ${props.driver.systemId})` : ''} is used by ${other.label} and node ${props.nodeName}; every node needs its own BMC (or its own Redfish systemId)`);
      }
    }
    if (props.driver.insecure) {
      Annotations.of(this).addWarning(`node ${props.nodeName}: BMC certificate checking is off (verifyCertificate false); prefer caCertificatePath`);
    }

    // ports: every given MAC must be a known, unique Ethernet port of the profile
    const known = props.server.ethernetPorts;
    const macs = new Map<string, string>();
    for (const [port, mac] of Object.entries(props.macAddresses)) {
      if (!known.includes(port)) {
        invalid(this, `port ${port} does not exist on server profile ${props.server.name}; its Ethernet ports are ${oneOf(known)}`);
      }
      if (Token.isUnresolved(mac)) {
        macs.set(port, mac);
        continue;
      }
      if (!/^[0-9a-fA-F]{2}([:-][0-9a-fA-F]{2}){5}$/.test(mac)) {
        invalid(this, `MAC address ${JSON.stringify(mac)} of port ${port} is not of the form aa:bb:cc:dd:ee:ff`);
      }
      const normalized = mac.toLowerCase().replace(/-/g, ':');
      const other = Registry.ofStack(this).claim('mac', normalized, this, `node ${props.nodeName} (${port})`);
      const inNode = [...macs.entries()].find(([, m]) => m === normalized);
      if (other || inNode) {
        const first = other ? other.label : `node ${props.nodeName} (${inNode![0]})`;
        invalid(this, `MAC ${normalized} is used by ${first} and node ${props.nodeName} (${port}); every port needs its own MAC`);
      }
      macs.set(port, normalized);
    }
    if (macs.size === 0) {
      invalid(this, `node ${props.nodeName} has no MAC addresses; give at least the provisioning port's MAC in macAddresses`);
    }

    const provisioning = props.provisioningPorts ?? [defaultProvisioningPort(props.server)];
    for (const port of provisioning) {
      if (!macs.has(port)) {
        invalid(this, `provisioning port ${port} has no MAC address; add it to macAddresses or choose other provisioningPorts`);
      }
    }

    // bonds: members known, with MACs, in one bond only
    const bondOf = new Map<string, string>();
    const bondNames = new Set<string>();
    for (const bond of props.bonds ?? []) {
      if (!/^[A-Za-z0-9._~-]+$/.test(bond.bondName)) invalid(this, `bond name ${JSON.stringify(bond.bondName)} must be letters, digits and -._~`);
      if (bondNames.has(bond.bondName)) invalid(this, `bond ${bond.bondName} is defined twice`);
      bondNames.add(bond.bondName);
      if (bond.ports.length < 2) invalid(this, `bond ${bond.bondName} has ${bond.ports.length} port(s); a bond needs at least 2`);
      for (const port of bond.ports) {
        if (!macs.has(port)) invalid(this, `bond ${bond.bondName}: port ${port} has no MAC address; add it to macAddresses`);
        const already = bondOf.get(port);
        if (already) invalid(this, `port ${port} is in bonds ${already} and ${bond.bondName}; a port belongs to at most one bond`);
        bondOf.set(port, bond.bondName);
      }
      const mode = bond.mode ?? BondMode.LACP;
      const pxeMembers = bond.ports.filter((p) => provisioning.includes(p));
      if (pxeMembers.length > 0 && mode === BondMode.LACP) {
        Annotations.of(this).addWarning(
          `node ${props.nodeName}: provisioning port ${pxeMembers[0]} is in LACP bond ${bond.bondName}; the switch needs LACP fallback (or a non-LACP mode) for the deploy ramdisk to reach the provisioning network`,
        );
      }
    }

    const llc = props.localLinkConnections ?? {};
    for (const port of Object.keys(llc)) {
      if (!macs.has(port)) invalid(this, `local link connection given for port ${port}, which has no MAC address`);
    }
    if (networkInterface === NetworkInterfaceType.NEUTRON) {
      for (const port of [...provisioning, ...bondOf.keys()]) {
        if (!llc[port]) {
          invalid(this, `network interface neutron binds ports on their switch, so port ${port} needs a local link connection (switchId, portId); give it in localLinkConnections or use NetworkInterfaceType.FLAT`);
        }
      }
    }

    const automatedClean = props.automatedClean ?? true;
    const lifecycle = nodeLifecycle(props.inspect ?? true, automatedClean, props.makeAvailable ?? true);
    this.availableAfterApply = lifecycle.actions.available;
    if (props.verifyInventory && !(props.inspect ?? true)) {
      invalid(this, `verifyInventory reads the inspection inventory, but node ${props.nodeName} is not inspected (inspect false); set inspect true or drop verifyInventory`);
    }

    // the node
    const properties: { [key: string]: any } = {
      cpu_arch: props.server.cpuArch,
      // one GiB less than the root disk, for the partition table (Ironic enrollment guide)
      local_gb: props.server.rootDiskGb - 1,
      capabilities: `boot_mode:${this.bootMode}`,
    };
    if (props.rootDeviceHints && Object.keys(props.rootDeviceHints).length > 0) properties.root_device = { ...props.rootDeviceHints };
    const node = new (bindings.node().Node)(this, 'Resource', {
      name: props.nodeName,
      driver: props.driver.driverName,
      driverInfo,
      properties,
      resourceClass: props.resourceClass,
      bootInterface,
      deployInterface: props.deployInterface ?? DeployInterfaceType.DIRECT,
      networkInterface,
      inspectInterface: props.inspectInterface ?? InspectInterfaceType.REDFISH,
      powerInterface: props.driver.driverName,
      managementInterface: props.driver.driverName,
      automatedClean,
      ...lifecycle.actions,
      owner: props.owner?.projectId,
      lessee: props.lessee?.projectId,
      conductorGroup: props.conductorGroup,
    });
    // every read of `node.id` makes a new cdktf token (each capturing a stack trace): read it once
    const nodeId = node.id;
    this.nodeId = nodeId;
    this.targetNodeId = nodeId;

    const groups = new Map<string, PortGroup>();
    for (const bond of props.bonds ?? []) {
      groups.set(
        bond.bondName,
        new (bindings.portGroup().PortGroup)(this, `PortGroup-${bond.bondName}`, {
          nodeUuid: nodeId,
          name: `${props.nodeName}-${bond.bondName}`,
          address: macs.get(bond.ports[0]),
          mode: bond.mode ?? BondMode.LACP,
        }),
      );
    }
    for (const [port, mac] of macs) {
      const link = llc[port];
      const bond = bondOf.get(port);
      new (bindings.port().Port)(this, `Port-${port.replace(/[^A-Za-z0-9-]/g, '-')}`, {
        nodeUuid: nodeId,
        address: mac,
        pxeEnabled: provisioning.includes(port),
        portGroupUuid: bond ? groups.get(bond)!.id : undefined,
        localLinkConnection: link
          ? { switch_id: link.switchId, port_id: link.portId, ...(link.switchInfo ? { switch_info: link.switchInfo } : {}) }
          : undefined,
      });
    }

    if (props.verifyInventory) this.verifyInventory(node, props.server, [...macs.values()]);

    if (lifecycle.verbs.length > 0) {
      this.enrollCommand = lifecycle.verbs.map((verb) => `openstack baremetal node ${verb} --wait 0 ${nodeId}`).join(' && ');
      if (!collectsTraitCommands(scope)) {
        const output = new TerraformOutput(this, 'EnrollCommand', {
          value: this.enrollCommand,
          description: `run once after the apply (node ${props.nodeName} is enrolled with its ports): ${lifecycle.verbs.join(', then ')}`,
        });
        output.overrideLogicalId(`${props.nodeName.replace(/[^A-Za-z0-9_]/g, '_')}_enroll_command`);
      }
    }

    if (this.traits.length > 0) {
      this.traitCommand = `openstack baremetal node add trait ${nodeId} ${this.traits.join(' ')}`;
      if (!collectsTraitCommands(scope)) {
        const output = new TerraformOutput(this, 'TraitCommand', {
          value: this.traitCommand,
          description: `ironic_node of metal3-community/ironic 1.0 cannot set traits: run this once to give node ${props.nodeName} its traits`,
        });
        output.overrideLogicalId(`${props.nodeName.replace(/[^A-Za-z0-9_]/g, '_')}_trait_command`);
      }
    }
  }

  /** Checks the node's inspection inventory against the profile when Terraform reads it (postconditions). */
  private verifyInventory(node: Node, server: ServerProfile, macs: string[]): void {
    // installed memory as Ironic's agent reports it (physical_mb, from the DIMMs); 5 % slack for firmware reservations
    const minMb = Math.floor(server.memoryGib * 1024 * 0.95);
    const postcondition = [
      {
        condition: `\${try(self.cpu.architecture, "") == "${server.cpuArch}"}`,
        errorMessage: `Node ${this.nodeName}: the inspected CPU architecture is not ${server.cpuArch}, as server profile ${server.name} says.`,
      },
      {
        condition: `\${try(self.memory.physical_mb, 0) >= ${minMb}}`,
        errorMessage: `Node ${this.nodeName}: the inspected memory is below the ${server.memoryGib} GiB of server profile ${server.name}.`,
      },
    ];
    const literalMacs = macs.filter((m) => !Token.isUnresolved(m));
    if (literalMacs.length > 0) {
      postcondition.push({
        condition: `\${alltrue([for m in ${JSON.stringify(literalMacs)} : contains(try([for nic in self.nics : lower(nic.mac)], []), m)])}`,
        errorMessage: `Node ${this.nodeName}: inspection did not find every enrolled MAC (${literalMacs.join(', ')}); check the inventory and the cabling.`,
      });
    }
    new (bindings.dataIronicInventory().DataIronicInventory)(this, 'Inventory', { uuid: this.nodeId, dependsOn: [node], lifecycle: { postcondition } });
  }

  /** Deploys an operating system on this node outside Nova (an operator-owned node). */
  public deploy(id: string, options: BaremetalDeploymentOptions): BaremetalDeployment {
    return new BaremetalDeployment(this, id, { ...options, target: this });
  }
}

