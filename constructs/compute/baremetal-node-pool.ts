import { Lazy, TerraformOutput, TerraformVariable } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { BaremetalAllocation, BaremetalAllocationOptions } from './baremetal-deployment';
import { BaremetalNode, BaremetalNodeOptions, BootMode, IBaremetalNode, LocalLinkConnection } from './baremetal-node';
import { BmcCredentials, BmcDriver, RedfishAuthType } from './bmc';
import { checkResourceClass, checkTraits, nodeLifecycle } from './checks';
import { collectTraitCommands } from './trait-commands';
import { BootInterfaceType } from '../../lib/hardware/ironic-boot';
import { ServerProfile } from '../../lib/hardware/server';
import { childId } from '../../lib/tenancy/construct-id';
import { Registry } from '../common/registry';
import { invalid } from '../common/validation';

/** One physical server of a pool's inventory. */
export interface BaremetalNodeSpec {
  /** Ironic node name (letters, digits, `-._~`), unique in Ironic, e.g. `gpu-r01-u05`. */
  readonly nodeName: string;
  /** BMC address: host name, IP, or https URL. */
  readonly bmcAddress: string;
  /** MAC address of each cabled Ethernet port, by profile port name (`lom0/0`, `bf3-0/1`, ...). */
  readonly macAddresses: { [port: string]: string };
  /**
   * Redfish system id, when the BMC manages more than one system.
   * @default - the BMC's only system
   */
  readonly redfishSystemId?: string;
  /**
   * BMC credentials of this node.
   * @default - the pool's credentials
   */
  readonly credentials?: BmcCredentials;
  /**
   * Switch ports of the node's ports (neutron network interface).
   * @default - none
   */
  readonly localLinkConnections?: { [port: string]: LocalLinkConnection };
  /**
   * Traits of this node in addition to the pool's.
   * @default - only the pool's traits
   */
  readonly traits?: string[];
}

/** Props of {@link BaremetalNodePool}. */
export interface BaremetalNodePoolProps extends BaremetalNodeOptions {
  /** Pool name: lower-case letters, digits and dashes; names the BMC variables and outputs. */
  readonly poolName: string;
  /** The server model of every node. */
  readonly server: ServerProfile;
  /**
   * The inventory; more nodes can be added with `addNode()`.
   * @default - none yet
   */
  readonly nodes?: BaremetalNodeSpec[];
  /**
   * Ironic resource class of the pool's nodes. Nova reports it as `CUSTOM_<CLASS>` and bare-metal flavors request one
   * unit of it.
   * @default - `baremetal-<server profile>`, e.g. `baremetal-hgx-h200-8gpu` (`CUSTOM_BAREMETAL_HGX_H200_8GPU`)
   */
  readonly resourceClass?: string;
  /**
   * BMC credentials of the pool's nodes.
   * @default - two sensitive Terraform variables, `<pool>_bmc_username` and `<pool>_bmc_password`
   *   (set them with `TF_VAR_<name>`)
   */
  readonly credentials?: BmcCredentials;
  /**
   * Verify the BMCs' TLS certificates.
   * @default true
   */
  readonly verifyBmcCertificate?: boolean;
  /**
   * CA bundle on the Ironic conductors that signed the BMC certificates.
   * @default - the conductors' system CA store
   */
  readonly bmcCaCertificatePath?: string;
  /**
   * Redfish authentication.
   * @default - Ironic's default (`auto`)
   */
  readonly redfishAuthType?: RedfishAuthType;
}

/** Servers of one model enrolled in Ironic under one resource class. */
export interface IBaremetalNodePool extends IConstruct {
  /** Pool name. */
  readonly poolName: string;
  /** The server model of every node. */
  readonly server: ServerProfile;
  /** Ironic resource class of the nodes. */
  readonly resourceClass: string;
  /** The Placement resource class Nova reports the nodes as, e.g. `CUSTOM_BAREMETAL_HGX_H200_8GPU`. */
  readonly placementResourceClass: string;
  /** Traits every node of the pool has. */
  readonly traits: string[];
  /** Boot mode of every node. */
  readonly bootMode: BootMode;
  /** The enrolled nodes. */
  readonly nodes: IBaremetalNode[];
  /** Whether every node is `available` when `terraform apply` returns (else after its enrollment command). */
  readonly availableAfterApply: boolean;
}

/**
 * Enrolls an inventory of identical servers (name, BMC, MACs) in Ironic under one resource class: one
 * {@link BaremetalNode} each, with shared settings (boot, network, bonds, traits, credentials).
 *
 * Checks at synth: MACs and BMC endpoints are unique across the site, the resource class belongs to this pool only, and
 * the pool has at least one node.
 */
export class BaremetalNodePool extends Construct implements IBaremetalNodePool {
  public readonly poolName: string;
  public readonly server: ServerProfile;
  public readonly resourceClass: string;
  public readonly placementResourceClass: string;
  public readonly traits: string[];
  public readonly bootMode: BootMode;
  /** The nodes' boot interface: give it to the provisioning network's `bootInterfaces` so its DHCP follows it. */
  public readonly bootInterface: BootInterfaceType;
  private readonly props: BaremetalNodePoolProps;
  private readonly members: BaremetalNode[] = [];
  private defaultCredentials?: BmcCredentials;
  private traitOutput?: TerraformOutput;
  private enrollOutput?: TerraformOutput;

  constructor(scope: Construct, id: string, props: BaremetalNodePoolProps) {
    super(scope, id);
    if (!/^[a-z0-9][a-z0-9-]*$/.test(props.poolName)) {
      invalid(this, `pool name ${JSON.stringify(props.poolName)} must be lower case letters, digits and dashes`);
    }
    this.props = props;
    this.poolName = props.poolName;
    this.server = props.server;
    this.bootMode = props.bootMode ?? BootMode.UEFI;
    this.bootInterface = props.bootInterface ?? BootInterfaceType.REDFISH_VIRTUAL_MEDIA;
    this.resourceClass = props.resourceClass ?? `baremetal-${props.server.name}`;
    this.placementResourceClass = checkResourceClass(this, this.resourceClass);
    this.traits = checkTraits(this, props.traits ?? []);
    const other = Registry.ofStack(this).claim('resource-class', this.placementResourceClass, this, `pool ${props.poolName} (server profile ${props.server.name})`);
    if (other) {
      invalid(
        this,
        `resource class ${this.resourceClass} (Placement ${this.placementResourceClass}) is already used by ${other.label}; ` +
          'every pool needs its own resource class, or bare-metal flavors cannot tell the servers apart',
      );
    }
    collectTraitCommands(this);
    for (const spec of props.nodes ?? []) this.addNode(spec);
    this.node.addValidation({
      validate: () => (this.members.length === 0 ? [`pool ${this.poolName} has no nodes; list the inventory in nodes or call addNode()`] : []),
    });
  }

  /** The enrolled nodes. */
  public get nodes(): IBaremetalNode[] {
    return [...this.members];
  }

  /** Enrolls one more server of the pool's model. */
  public addNode(spec: BaremetalNodeSpec): BaremetalNode {
    if (this.members.some((m) => m.nodeName === spec.nodeName)) {
      invalid(this, `node ${spec.nodeName} is listed twice in pool ${this.poolName}`);
    }
    const p = this.props;
    if (spec.nodeName === '') invalid(this, `node name "" in pool ${this.poolName} must be 1-255 letters, digits and -._~ (Ironic logical names)`);
    const node = new BaremetalNode(this, childId(spec.nodeName), {
      ...p,
      nodeName: spec.nodeName,
      server: p.server,
      resourceClass: this.resourceClass,
      traits: [...this.traits, ...(spec.traits ?? []).filter((t) => !this.traits.includes(t))],
      macAddresses: spec.macAddresses,
      localLinkConnections: spec.localLinkConnections,
      bootMode: this.bootMode,
      bootInterface: this.bootInterface,
      driver: BmcDriver.redfish({
        address: spec.bmcAddress,
        systemId: spec.redfishSystemId,
        credentials: spec.credentials ?? p.credentials ?? this.poolCredentials(),
        verifyCertificate: p.verifyBmcCertificate,
        caCertificatePath: p.bmcCaCertificatePath,
        authType: p.redfishAuthType,
      }),
    });
    this.members.push(node);
    if (node.traitCommand && !this.traitOutput) {
      this.traitOutput = new TerraformOutput(this, 'TraitCommands', {
        value: Lazy.listValue({ produce: () => this.members.filter((m) => m.traitCommand).map((m) => m.traitCommand!) }),
        description:
          `ironic_node of metal3-community/ironic 1.0 cannot set traits: run these once so the nodes of pool ${this.poolName} ` +
          'carry the traits their flavors and allocations require',
      });
      this.traitOutput.overrideLogicalId(`${this.poolName.replace(/-/g, '_')}_trait_commands`);
    }
    if (node.enrollCommand && !this.enrollOutput) {
      this.enrollOutput = new TerraformOutput(this, 'EnrollCommands', {
        value: Lazy.listValue({ produce: () => this.members.filter((m) => m.enrollCommand).map((m) => m.enrollCommand!) }),
        description:
          `run these once after the apply: the nodes of pool ${this.poolName} are enrolled with their ports, ` +
          'and the Ironic provider 1.0 cannot inspect them or clean them on the way to available before their ports exist',
      });
      this.enrollOutput.overrideLogicalId(`${this.poolName.replace(/-/g, '_')}_enroll_commands`);
    }
    return node;
  }

  /** Whether every node is `available` when `terraform apply` returns. */
  public get availableAfterApply(): boolean {
    const p = this.props;
    return nodeLifecycle(p.inspect ?? true, p.automatedClean ?? true, p.makeAvailable ?? true).actions.available;
  }

  /**
   * Reserves a node of the pool for the operator (an `ironic_allocation`), to deploy it with `deploy()` outside Nova.
   */
  public allocate(id: string, options: BaremetalAllocationOptions = {}): BaremetalAllocation {
    return new BaremetalAllocation(this, id, { ...options, pool: this });
  }

  /** The pool's own credentials: two sensitive variables, created when a node first needs them. */
  private poolCredentials(): BmcCredentials {
    if (!this.defaultCredentials) {
      const base = this.poolName.replace(/-/g, '_');
      const username = new TerraformVariable(this, 'BmcUsername', {
        type: 'string',
        sensitive: true,
        description: `BMC (Redfish) user name of the nodes of pool ${this.poolName}`,
      });
      username.overrideLogicalId(`${base}_bmc_username`);
      const password = new TerraformVariable(this, 'BmcPassword', {
        type: 'string',
        sensitive: true,
        description: `BMC (Redfish) password of the nodes of pool ${this.poolName}`,
      });
      password.overrideLogicalId(`${base}_bmc_password`);
      this.defaultCredentials = BmcCredentials.fromVariables(username, password);
    }
    return this.defaultCredentials;
  }
}
