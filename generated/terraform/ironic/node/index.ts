// https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/node
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface NodeConfig extends cdktf.TerraformMetaArguments {
  /**
  * Indicates whether the node should be cleaned automatically.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/node#automated_clean Node#automated_clean}
  */
  readonly automatedClean?: boolean | cdktf.IResolvable;
  /**
  * Make node available. When set to true, the node will be moved to the available state.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/node#available Node#available}
  */
  readonly available?: boolean | cdktf.IResolvable;
  /**
  * The BIOS interface for the node.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/node#bios_interface Node#bios_interface}
  */
  readonly biosInterface?: string;
  /**
  * The boot interface for the node.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/node#boot_interface Node#boot_interface}
  */
  readonly bootInterface?: string;
  /**
  * The UUID of the chassis associated with the node.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/node#chassis_uuid Node#chassis_uuid}
  */
  readonly chassisUuid?: string;
  /**
  * Trigger node cleaning. When set to true, the node will be moved to the cleaning state.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/node#clean Node#clean}
  */
  readonly clean?: boolean | cdktf.IResolvable;
  /**
  * The conductor group for the node.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/node#conductor_group Node#conductor_group}
  */
  readonly conductorGroup?: string;
  /**
  * The console interface for the node.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/node#console_interface Node#console_interface}
  */
  readonly consoleInterface?: string;
  /**
  * The deploy interface for the node.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/node#deploy_interface Node#deploy_interface}
  */
  readonly deployInterface?: string;
  /**
  * The driver associated with the node.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/node#driver Node#driver}
  */
  readonly driver: string;
  /**
  * The driver info of the node.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/node#driver_info Node#driver_info}
  */
  readonly driverInfo?: { [key: string]: any };
  /**
  * Extra metadata for the node.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/node#extra Node#extra}
  */
  readonly extra?: { [key: string]: any };
  /**
  * The firmware interface for the node.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/node#firmware_interface Node#firmware_interface}
  */
  readonly firmwareInterface?: string;
  /**
  * Trigger node inspection. When set to true, the node will be moved to the inspection state.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/node#inspect Node#inspect}
  */
  readonly inspect?: boolean | cdktf.IResolvable;
  /**
  * The inspect interface for the node.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/node#inspect_interface Node#inspect_interface}
  */
  readonly inspectInterface?: string;
  /**
  * The instance info of the node.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/node#instance_info Node#instance_info}
  */
  readonly instanceInfo?: { [key: string]: any };
  /**
  * The UUID of the instance associated with the node.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/node#instance_uuid Node#instance_uuid}
  */
  readonly instanceUuid?: string;
  /**
  * The lessee of the node.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/node#lessee Node#lessee}
  */
  readonly lessee?: string;
  /**
  * Manage node. When set to true, the node will be moved to the manageable state.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/node#manage Node#manage}
  */
  readonly manage?: boolean | cdktf.IResolvable;
  /**
  * The management interface for the node.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/node#management_interface Node#management_interface}
  */
  readonly managementInterface?: string;
  /**
  * The name of the node.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/node#name Node#name}
  */
  readonly name?: string;
  /**
  * The namespace of the node.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/node#namespace Node#namespace}
  */
  readonly namespace?: string;
  /**
  * The network interface for the node.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/node#network_interface Node#network_interface}
  */
  readonly networkInterface?: string;
  /**
  * The owner of the node.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/node#owner Node#owner}
  */
  readonly owner?: string;
  /**
  * The power interface for the node.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/node#power_interface Node#power_interface}
  */
  readonly powerInterface?: string;
  /**
  * The properties of the node.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/node#properties Node#properties}
  */
  readonly properties?: { [key: string]: any };
  /**
  * Indicates whether the node is protected.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/node#protected Node#protected}
  */
  readonly protected?: boolean | cdktf.IResolvable;
  /**
  * The RAID interface for the node.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/node#raid_interface Node#raid_interface}
  */
  readonly raidInterface?: string;
  /**
  * The rescue interface for the node.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/node#rescue_interface Node#rescue_interface}
  */
  readonly rescueInterface?: string;
  /**
  * The resource class of the node.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/node#resource_class Node#resource_class}
  */
  readonly resourceClass?: string;
  /**
  * The storage interface for the node.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/node#storage_interface Node#storage_interface}
  */
  readonly storageInterface?: string;
  /**
  * The vendor interface for the node.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/node#vendor_interface Node#vendor_interface}
  */
  readonly vendorInterface?: string;
  /**
  * ports block
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/node#ports Node#ports}
  */
  readonly ports?: NodePorts[] | cdktf.IResolvable;
}
export interface NodePorts {
  /**
  * The MAC address of the port.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/node#mac_address Node#mac_address}
  */
  readonly macAddress: string;
}

export function nodePortsToTerraform(struct?: NodePorts | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    mac_address: cdktf.stringToTerraform(struct!.macAddress),
  }
}


export function nodePortsToHclTerraform(struct?: NodePorts | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    mac_address: {
      value: cdktf.stringToHclTerraform(struct!.macAddress),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class NodePortsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): NodePorts | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._macAddress !== undefined) {
      hasAnyValues = true;
      internalValueResult.macAddress = this._macAddress;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: NodePorts | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._macAddress = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._macAddress = value.macAddress;
    }
  }

  // mac_address - computed: false, optional: false, required: true
  private _macAddress?: string; 
  public get macAddress() {
    return this.getStringAttribute('mac_address');
  }
  public set macAddress(value: string) {
    this._macAddress = value;
  }
  // Temporarily expose input value. Use with caution.
  public get macAddressInput() {
    return this._macAddress;
  }

  // uuid - computed: true, optional: false, required: false
  public get uuid() {
    return this.getStringAttribute('uuid');
  }
}

export class NodePortsList extends cdktf.ComplexList {
  public internalValue? : NodePorts[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): NodePortsOutputReference {
    return new NodePortsOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/node ironic_node}
*/
export class Node extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "ironic_node";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a Node resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the Node to import
  * @param importFromId The id of the existing Node that should be imported. Refer to the {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/node#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the Node to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "ironic_node", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/node ironic_node} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options NodeConfig
  */
  public constructor(scope: Construct, id: string, config: NodeConfig) {
    super(scope, id, {
      terraformResourceType: 'ironic_node',
      terraformGeneratorMetadata: {
        providerName: 'ironic',
        providerVersion: '1.0.0',
        providerVersionConstraint: '~> 1.0'
      },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach
    });
    this._automatedClean = config.automatedClean;
    this._available = config.available;
    this._biosInterface = config.biosInterface;
    this._bootInterface = config.bootInterface;
    this._chassisUuid = config.chassisUuid;
    this._clean = config.clean;
    this._conductorGroup = config.conductorGroup;
    this._consoleInterface = config.consoleInterface;
    this._deployInterface = config.deployInterface;
    this._driver = config.driver;
    this._driverInfo = config.driverInfo;
    this._extra = config.extra;
    this._firmwareInterface = config.firmwareInterface;
    this._inspect = config.inspect;
    this._inspectInterface = config.inspectInterface;
    this._instanceInfo = config.instanceInfo;
    this._instanceUuid = config.instanceUuid;
    this._lessee = config.lessee;
    this._manage = config.manage;
    this._managementInterface = config.managementInterface;
    this._name = config.name;
    this._namespace = config.namespace;
    this._networkInterface = config.networkInterface;
    this._owner = config.owner;
    this._powerInterface = config.powerInterface;
    this._properties = config.properties;
    this._protected = config.protected;
    this._raidInterface = config.raidInterface;
    this._rescueInterface = config.rescueInterface;
    this._resourceClass = config.resourceClass;
    this._storageInterface = config.storageInterface;
    this._vendorInterface = config.vendorInterface;
    this._ports.internalValue = config.ports;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // allocation_uuid - computed: true, optional: false, required: false
  public get allocationUuid() {
    return this.getStringAttribute('allocation_uuid');
  }

  // automated_clean - computed: true, optional: true, required: false
  private _automatedClean?: boolean | cdktf.IResolvable; 
  public get automatedClean() {
    return this.getBooleanAttribute('automated_clean');
  }
  public set automatedClean(value: boolean | cdktf.IResolvable) {
    this._automatedClean = value;
  }
  public resetAutomatedClean() {
    this._automatedClean = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get automatedCleanInput() {
    return this._automatedClean;
  }

  // available - computed: true, optional: true, required: false
  private _available?: boolean | cdktf.IResolvable; 
  public get available() {
    return this.getBooleanAttribute('available');
  }
  public set available(value: boolean | cdktf.IResolvable) {
    this._available = value;
  }
  public resetAvailable() {
    this._available = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get availableInput() {
    return this._available;
  }

  // bios_interface - computed: true, optional: true, required: false
  private _biosInterface?: string; 
  public get biosInterface() {
    return this.getStringAttribute('bios_interface');
  }
  public set biosInterface(value: string) {
    this._biosInterface = value;
  }
  public resetBiosInterface() {
    this._biosInterface = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get biosInterfaceInput() {
    return this._biosInterface;
  }

  // boot_interface - computed: true, optional: true, required: false
  private _bootInterface?: string; 
  public get bootInterface() {
    return this.getStringAttribute('boot_interface');
  }
  public set bootInterface(value: string) {
    this._bootInterface = value;
  }
  public resetBootInterface() {
    this._bootInterface = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get bootInterfaceInput() {
    return this._bootInterface;
  }

  // chassis_uuid - computed: true, optional: true, required: false
  private _chassisUuid?: string; 
  public get chassisUuid() {
    return this.getStringAttribute('chassis_uuid');
  }
  public set chassisUuid(value: string) {
    this._chassisUuid = value;
  }
  public resetChassisUuid() {
    this._chassisUuid = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get chassisUuidInput() {
    return this._chassisUuid;
  }

  // clean - computed: true, optional: true, required: false
  private _clean?: boolean | cdktf.IResolvable; 
  public get clean() {
    return this.getBooleanAttribute('clean');
  }
  public set clean(value: boolean | cdktf.IResolvable) {
    this._clean = value;
  }
  public resetClean() {
    this._clean = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get cleanInput() {
    return this._clean;
  }

  // clean_step - computed: true, optional: false, required: false
  private _cleanStep = new cdktf.AnyMap(this, "clean_step");
  public get cleanStep() {
    return this._cleanStep;
  }

  // conductor - computed: true, optional: false, required: false
  public get conductor() {
    return this.getStringAttribute('conductor');
  }

  // conductor_group - computed: true, optional: true, required: false
  private _conductorGroup?: string; 
  public get conductorGroup() {
    return this.getStringAttribute('conductor_group');
  }
  public set conductorGroup(value: string) {
    this._conductorGroup = value;
  }
  public resetConductorGroup() {
    this._conductorGroup = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get conductorGroupInput() {
    return this._conductorGroup;
  }

  // console_interface - computed: true, optional: true, required: false
  private _consoleInterface?: string; 
  public get consoleInterface() {
    return this.getStringAttribute('console_interface');
  }
  public set consoleInterface(value: string) {
    this._consoleInterface = value;
  }
  public resetConsoleInterface() {
    this._consoleInterface = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get consoleInterfaceInput() {
    return this._consoleInterface;
  }

  // created_at - computed: true, optional: false, required: false
  public get createdAt() {
    return this.getStringAttribute('created_at');
  }

  // deploy_interface - computed: true, optional: true, required: false
  private _deployInterface?: string; 
  public get deployInterface() {
    return this.getStringAttribute('deploy_interface');
  }
  public set deployInterface(value: string) {
    this._deployInterface = value;
  }
  public resetDeployInterface() {
    this._deployInterface = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get deployInterfaceInput() {
    return this._deployInterface;
  }

  // deploy_step - computed: true, optional: false, required: false
  private _deployStep = new cdktf.AnyMap(this, "deploy_step");
  public get deployStep() {
    return this._deployStep;
  }

  // driver - computed: false, optional: false, required: true
  private _driver?: string; 
  public get driver() {
    return this.getStringAttribute('driver');
  }
  public set driver(value: string) {
    this._driver = value;
  }
  // Temporarily expose input value. Use with caution.
  public get driverInput() {
    return this._driver;
  }

  // driver_info - computed: false, optional: true, required: false
  private _driverInfo?: { [key: string]: any }; 
  public get driverInfo() {
    return this.getAnyMapAttribute('driver_info');
  }
  public set driverInfo(value: { [key: string]: any }) {
    this._driverInfo = value;
  }
  public resetDriverInfo() {
    this._driverInfo = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get driverInfoInput() {
    return this._driverInfo;
  }

  // extra - computed: false, optional: true, required: false
  private _extra?: { [key: string]: any }; 
  public get extra() {
    return this.getAnyMapAttribute('extra');
  }
  public set extra(value: { [key: string]: any }) {
    this._extra = value;
  }
  public resetExtra() {
    this._extra = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get extraInput() {
    return this._extra;
  }

  // fault - computed: true, optional: false, required: false
  public get fault() {
    return this.getStringAttribute('fault');
  }

  // firmware_interface - computed: true, optional: true, required: false
  private _firmwareInterface?: string; 
  public get firmwareInterface() {
    return this.getStringAttribute('firmware_interface');
  }
  public set firmwareInterface(value: string) {
    this._firmwareInterface = value;
  }
  public resetFirmwareInterface() {
    this._firmwareInterface = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get firmwareInterfaceInput() {
    return this._firmwareInterface;
  }

  // full_name - computed: true, optional: false, required: false
  public get fullName() {
    return this.getStringAttribute('full_name');
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // inspect - computed: true, optional: true, required: false
  private _inspect?: boolean | cdktf.IResolvable; 
  public get inspect() {
    return this.getBooleanAttribute('inspect');
  }
  public set inspect(value: boolean | cdktf.IResolvable) {
    this._inspect = value;
  }
  public resetInspect() {
    this._inspect = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get inspectInput() {
    return this._inspect;
  }

  // inspect_interface - computed: true, optional: true, required: false
  private _inspectInterface?: string; 
  public get inspectInterface() {
    return this.getStringAttribute('inspect_interface');
  }
  public set inspectInterface(value: string) {
    this._inspectInterface = value;
  }
  public resetInspectInterface() {
    this._inspectInterface = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get inspectInterfaceInput() {
    return this._inspectInterface;
  }

  // inspection_finished_at - computed: true, optional: false, required: false
  public get inspectionFinishedAt() {
    return this.getStringAttribute('inspection_finished_at');
  }

  // inspection_started_at - computed: true, optional: false, required: false
  public get inspectionStartedAt() {
    return this.getStringAttribute('inspection_started_at');
  }

  // instance_info - computed: true, optional: true, required: false
  private _instanceInfo?: { [key: string]: any }; 
  public get instanceInfo() {
    return this.getAnyMapAttribute('instance_info');
  }
  public set instanceInfo(value: { [key: string]: any }) {
    this._instanceInfo = value;
  }
  public resetInstanceInfo() {
    this._instanceInfo = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get instanceInfoInput() {
    return this._instanceInfo;
  }

  // instance_uuid - computed: true, optional: true, required: false
  private _instanceUuid?: string; 
  public get instanceUuid() {
    return this.getStringAttribute('instance_uuid');
  }
  public set instanceUuid(value: string) {
    this._instanceUuid = value;
  }
  public resetInstanceUuid() {
    this._instanceUuid = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get instanceUuidInput() {
    return this._instanceUuid;
  }

  // last_error - computed: true, optional: false, required: false
  public get lastError() {
    return this.getStringAttribute('last_error');
  }

  // lessee - computed: true, optional: true, required: false
  private _lessee?: string; 
  public get lessee() {
    return this.getStringAttribute('lessee');
  }
  public set lessee(value: string) {
    this._lessee = value;
  }
  public resetLessee() {
    this._lessee = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get lesseeInput() {
    return this._lessee;
  }

  // maintenance - computed: true, optional: false, required: false
  public get maintenance() {
    return this.getBooleanAttribute('maintenance');
  }

  // maintenance_reason - computed: true, optional: false, required: false
  public get maintenanceReason() {
    return this.getStringAttribute('maintenance_reason');
  }

  // manage - computed: true, optional: true, required: false
  private _manage?: boolean | cdktf.IResolvable; 
  public get manage() {
    return this.getBooleanAttribute('manage');
  }
  public set manage(value: boolean | cdktf.IResolvable) {
    this._manage = value;
  }
  public resetManage() {
    this._manage = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get manageInput() {
    return this._manage;
  }

  // management_interface - computed: true, optional: true, required: false
  private _managementInterface?: string; 
  public get managementInterface() {
    return this.getStringAttribute('management_interface');
  }
  public set managementInterface(value: string) {
    this._managementInterface = value;
  }
  public resetManagementInterface() {
    this._managementInterface = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get managementInterfaceInput() {
    return this._managementInterface;
  }

  // name - computed: true, optional: true, required: false
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  public resetName() {
    this._name = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // namespace - computed: true, optional: true, required: false
  private _namespace?: string; 
  public get namespace() {
    return this.getStringAttribute('namespace');
  }
  public set namespace(value: string) {
    this._namespace = value;
  }
  public resetNamespace() {
    this._namespace = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get namespaceInput() {
    return this._namespace;
  }

  // network_interface - computed: true, optional: true, required: false
  private _networkInterface?: string; 
  public get networkInterface() {
    return this.getStringAttribute('network_interface');
  }
  public set networkInterface(value: string) {
    this._networkInterface = value;
  }
  public resetNetworkInterface() {
    this._networkInterface = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get networkInterfaceInput() {
    return this._networkInterface;
  }

  // owner - computed: true, optional: true, required: false
  private _owner?: string; 
  public get owner() {
    return this.getStringAttribute('owner');
  }
  public set owner(value: string) {
    this._owner = value;
  }
  public resetOwner() {
    this._owner = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get ownerInput() {
    return this._owner;
  }

  // power_interface - computed: true, optional: true, required: false
  private _powerInterface?: string; 
  public get powerInterface() {
    return this.getStringAttribute('power_interface');
  }
  public set powerInterface(value: string) {
    this._powerInterface = value;
  }
  public resetPowerInterface() {
    this._powerInterface = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get powerInterfaceInput() {
    return this._powerInterface;
  }

  // power_state - computed: true, optional: false, required: false
  public get powerState() {
    return this.getStringAttribute('power_state');
  }

  // properties - computed: false, optional: true, required: false
  private _properties?: { [key: string]: any }; 
  public get properties() {
    return this.getAnyMapAttribute('properties');
  }
  public set properties(value: { [key: string]: any }) {
    this._properties = value;
  }
  public resetProperties() {
    this._properties = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get propertiesInput() {
    return this._properties;
  }

  // protected - computed: true, optional: true, required: false
  private _protected?: boolean | cdktf.IResolvable; 
  public get protected() {
    return this.getBooleanAttribute('protected');
  }
  public set protected(value: boolean | cdktf.IResolvable) {
    this._protected = value;
  }
  public resetProtected() {
    this._protected = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get protectedInput() {
    return this._protected;
  }

  // provision_state - computed: true, optional: false, required: false
  public get provisionState() {
    return this.getStringAttribute('provision_state');
  }

  // provision_updated_at - computed: true, optional: false, required: false
  public get provisionUpdatedAt() {
    return this.getStringAttribute('provision_updated_at');
  }

  // raid_interface - computed: true, optional: true, required: false
  private _raidInterface?: string; 
  public get raidInterface() {
    return this.getStringAttribute('raid_interface');
  }
  public set raidInterface(value: string) {
    this._raidInterface = value;
  }
  public resetRaidInterface() {
    this._raidInterface = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get raidInterfaceInput() {
    return this._raidInterface;
  }

  // rescue_interface - computed: true, optional: true, required: false
  private _rescueInterface?: string; 
  public get rescueInterface() {
    return this.getStringAttribute('rescue_interface');
  }
  public set rescueInterface(value: string) {
    this._rescueInterface = value;
  }
  public resetRescueInterface() {
    this._rescueInterface = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get rescueInterfaceInput() {
    return this._rescueInterface;
  }

  // resource_class - computed: true, optional: true, required: false
  private _resourceClass?: string; 
  public get resourceClass() {
    return this.getStringAttribute('resource_class');
  }
  public set resourceClass(value: string) {
    this._resourceClass = value;
  }
  public resetResourceClass() {
    this._resourceClass = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get resourceClassInput() {
    return this._resourceClass;
  }

  // storage_interface - computed: true, optional: true, required: false
  private _storageInterface?: string; 
  public get storageInterface() {
    return this.getStringAttribute('storage_interface');
  }
  public set storageInterface(value: string) {
    this._storageInterface = value;
  }
  public resetStorageInterface() {
    this._storageInterface = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get storageInterfaceInput() {
    return this._storageInterface;
  }

  // target_power_state - computed: true, optional: false, required: false
  public get targetPowerState() {
    return this.getStringAttribute('target_power_state');
  }

  // target_provision_state - computed: true, optional: false, required: false
  public get targetProvisionState() {
    return this.getStringAttribute('target_provision_state');
  }

  // updated_at - computed: true, optional: false, required: false
  public get updatedAt() {
    return this.getStringAttribute('updated_at');
  }

  // vendor_interface - computed: true, optional: true, required: false
  private _vendorInterface?: string; 
  public get vendorInterface() {
    return this.getStringAttribute('vendor_interface');
  }
  public set vendorInterface(value: string) {
    this._vendorInterface = value;
  }
  public resetVendorInterface() {
    this._vendorInterface = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get vendorInterfaceInput() {
    return this._vendorInterface;
  }

  // ports - computed: false, optional: true, required: false
  private _ports = new NodePortsList(this, "ports", false);
  public get ports() {
    return this._ports;
  }
  public putPorts(value: NodePorts[] | cdktf.IResolvable) {
    this._ports.internalValue = value;
  }
  public resetPorts() {
    this._ports.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get portsInput() {
    return this._ports.internalValue;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      automated_clean: cdktf.booleanToTerraform(this._automatedClean),
      available: cdktf.booleanToTerraform(this._available),
      bios_interface: cdktf.stringToTerraform(this._biosInterface),
      boot_interface: cdktf.stringToTerraform(this._bootInterface),
      chassis_uuid: cdktf.stringToTerraform(this._chassisUuid),
      clean: cdktf.booleanToTerraform(this._clean),
      conductor_group: cdktf.stringToTerraform(this._conductorGroup),
      console_interface: cdktf.stringToTerraform(this._consoleInterface),
      deploy_interface: cdktf.stringToTerraform(this._deployInterface),
      driver: cdktf.stringToTerraform(this._driver),
      driver_info: cdktf.hashMapper(cdktf.anyToTerraform)(this._driverInfo),
      extra: cdktf.hashMapper(cdktf.anyToTerraform)(this._extra),
      firmware_interface: cdktf.stringToTerraform(this._firmwareInterface),
      inspect: cdktf.booleanToTerraform(this._inspect),
      inspect_interface: cdktf.stringToTerraform(this._inspectInterface),
      instance_info: cdktf.hashMapper(cdktf.anyToTerraform)(this._instanceInfo),
      instance_uuid: cdktf.stringToTerraform(this._instanceUuid),
      lessee: cdktf.stringToTerraform(this._lessee),
      manage: cdktf.booleanToTerraform(this._manage),
      management_interface: cdktf.stringToTerraform(this._managementInterface),
      name: cdktf.stringToTerraform(this._name),
      namespace: cdktf.stringToTerraform(this._namespace),
      network_interface: cdktf.stringToTerraform(this._networkInterface),
      owner: cdktf.stringToTerraform(this._owner),
      power_interface: cdktf.stringToTerraform(this._powerInterface),
      properties: cdktf.hashMapper(cdktf.anyToTerraform)(this._properties),
      protected: cdktf.booleanToTerraform(this._protected),
      raid_interface: cdktf.stringToTerraform(this._raidInterface),
      rescue_interface: cdktf.stringToTerraform(this._rescueInterface),
      resource_class: cdktf.stringToTerraform(this._resourceClass),
      storage_interface: cdktf.stringToTerraform(this._storageInterface),
      vendor_interface: cdktf.stringToTerraform(this._vendorInterface),
      ports: cdktf.listMapper(nodePortsToTerraform, true)(this._ports.internalValue),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      automated_clean: {
        value: cdktf.booleanToHclTerraform(this._automatedClean),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      available: {
        value: cdktf.booleanToHclTerraform(this._available),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      bios_interface: {
        value: cdktf.stringToHclTerraform(this._biosInterface),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      boot_interface: {
        value: cdktf.stringToHclTerraform(this._bootInterface),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      chassis_uuid: {
        value: cdktf.stringToHclTerraform(this._chassisUuid),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      clean: {
        value: cdktf.booleanToHclTerraform(this._clean),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      conductor_group: {
        value: cdktf.stringToHclTerraform(this._conductorGroup),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      console_interface: {
        value: cdktf.stringToHclTerraform(this._consoleInterface),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      deploy_interface: {
        value: cdktf.stringToHclTerraform(this._deployInterface),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      driver: {
        value: cdktf.stringToHclTerraform(this._driver),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      driver_info: {
        value: cdktf.hashMapperHcl(cdktf.anyToHclTerraform)(this._driverInfo),
        isBlock: false,
        type: "map",
        storageClassType: "anyMap",
      },
      extra: {
        value: cdktf.hashMapperHcl(cdktf.anyToHclTerraform)(this._extra),
        isBlock: false,
        type: "map",
        storageClassType: "anyMap",
      },
      firmware_interface: {
        value: cdktf.stringToHclTerraform(this._firmwareInterface),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      inspect: {
        value: cdktf.booleanToHclTerraform(this._inspect),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      inspect_interface: {
        value: cdktf.stringToHclTerraform(this._inspectInterface),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      instance_info: {
        value: cdktf.hashMapperHcl(cdktf.anyToHclTerraform)(this._instanceInfo),
        isBlock: false,
        type: "map",
        storageClassType: "anyMap",
      },
      instance_uuid: {
        value: cdktf.stringToHclTerraform(this._instanceUuid),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      lessee: {
        value: cdktf.stringToHclTerraform(this._lessee),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      manage: {
        value: cdktf.booleanToHclTerraform(this._manage),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      management_interface: {
        value: cdktf.stringToHclTerraform(this._managementInterface),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      name: {
        value: cdktf.stringToHclTerraform(this._name),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      namespace: {
        value: cdktf.stringToHclTerraform(this._namespace),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      network_interface: {
        value: cdktf.stringToHclTerraform(this._networkInterface),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      owner: {
        value: cdktf.stringToHclTerraform(this._owner),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      power_interface: {
        value: cdktf.stringToHclTerraform(this._powerInterface),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      properties: {
        value: cdktf.hashMapperHcl(cdktf.anyToHclTerraform)(this._properties),
        isBlock: false,
        type: "map",
        storageClassType: "anyMap",
      },
      protected: {
        value: cdktf.booleanToHclTerraform(this._protected),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      raid_interface: {
        value: cdktf.stringToHclTerraform(this._raidInterface),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      rescue_interface: {
        value: cdktf.stringToHclTerraform(this._rescueInterface),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      resource_class: {
        value: cdktf.stringToHclTerraform(this._resourceClass),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      storage_interface: {
        value: cdktf.stringToHclTerraform(this._storageInterface),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      vendor_interface: {
        value: cdktf.stringToHclTerraform(this._vendorInterface),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      ports: {
        value: cdktf.listMapperHcl(nodePortsToHclTerraform, true)(this._ports.internalValue),
        isBlock: true,
        type: "list",
        storageClassType: "NodePortsList",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
