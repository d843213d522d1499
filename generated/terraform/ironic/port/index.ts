// https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/port
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface PortConfig extends cdktf.TerraformMetaArguments {
  /**
  * The MAC address of the port.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/port#address Port#address}
  */
  readonly address?: string;
  /**
  * Extra metadata for the port.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/port#extra Port#extra}
  */
  readonly extra?: { [key: string]: any };
  /**
  * Whether this is a Smart NIC port.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/port#is_smart_nic Port#is_smart_nic}
  */
  readonly isSmartNic?: boolean | cdktf.IResolvable;
  /**
  * The local link connection information for the port.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/port#local_link_connection Port#local_link_connection}
  */
  readonly localLinkConnection?: { [key: string]: any };
  /**
  * The UUID of the node this port belongs to.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/port#node_uuid Port#node_uuid}
  */
  readonly nodeUuid?: string;
  /**
  * The physical network name for the port.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/port#physical_network Port#physical_network}
  */
  readonly physicalNetwork?: string;
  /**
  * The UUID of the port group this port belongs to.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/port#port_group_uuid Port#port_group_uuid}
  */
  readonly portGroupUuid?: string;
  /**
  * Whether PXE is enabled for this port.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/port#pxe_enabled Port#pxe_enabled}
  */
  readonly pxeEnabled?: boolean | cdktf.IResolvable;
}

/**
* Represents a {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/port ironic_port}
*/
export class Port extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "ironic_port";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a Port resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the Port to import
  * @param importFromId The id of the existing Port that should be imported. Refer to the {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/port#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the Port to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "ironic_port", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/port ironic_port} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options PortConfig = {}
  */
  public constructor(scope: Construct, id: string, config: PortConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'ironic_port',
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
    this._address = config.address;
    this._extra = config.extra;
    this._isSmartNic = config.isSmartNic;
    this._localLinkConnection = config.localLinkConnection;
    this._nodeUuid = config.nodeUuid;
    this._physicalNetwork = config.physicalNetwork;
    this._portGroupUuid = config.portGroupUuid;
    this._pxeEnabled = config.pxeEnabled;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // address - computed: true, optional: true, required: false
  private _address?: string; 
  public get address() {
    return this.getStringAttribute('address');
  }
  public set address(value: string) {
    this._address = value;
  }
  public resetAddress() {
    this._address = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get addressInput() {
    return this._address;
  }

  // extra - computed: true, optional: true, required: false
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

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // is_smart_nic - computed: true, optional: true, required: false
  private _isSmartNic?: boolean | cdktf.IResolvable; 
  public get isSmartNic() {
    return this.getBooleanAttribute('is_smart_nic');
  }
  public set isSmartNic(value: boolean | cdktf.IResolvable) {
    this._isSmartNic = value;
  }
  public resetIsSmartNic() {
    this._isSmartNic = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get isSmartNicInput() {
    return this._isSmartNic;
  }

  // local_link_connection - computed: true, optional: true, required: false
  private _localLinkConnection?: { [key: string]: any }; 
  public get localLinkConnection() {
    return this.getAnyMapAttribute('local_link_connection');
  }
  public set localLinkConnection(value: { [key: string]: any }) {
    this._localLinkConnection = value;
  }
  public resetLocalLinkConnection() {
    this._localLinkConnection = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get localLinkConnectionInput() {
    return this._localLinkConnection;
  }

  // node_uuid - computed: true, optional: true, required: false
  private _nodeUuid?: string; 
  public get nodeUuid() {
    return this.getStringAttribute('node_uuid');
  }
  public set nodeUuid(value: string) {
    this._nodeUuid = value;
  }
  public resetNodeUuid() {
    this._nodeUuid = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get nodeUuidInput() {
    return this._nodeUuid;
  }

  // physical_network - computed: true, optional: true, required: false
  private _physicalNetwork?: string; 
  public get physicalNetwork() {
    return this.getStringAttribute('physical_network');
  }
  public set physicalNetwork(value: string) {
    this._physicalNetwork = value;
  }
  public resetPhysicalNetwork() {
    this._physicalNetwork = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get physicalNetworkInput() {
    return this._physicalNetwork;
  }

  // port_group_uuid - computed: true, optional: true, required: false
  private _portGroupUuid?: string; 
  public get portGroupUuid() {
    return this.getStringAttribute('port_group_uuid');
  }
  public set portGroupUuid(value: string) {
    this._portGroupUuid = value;
  }
  public resetPortGroupUuid() {
    this._portGroupUuid = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get portGroupUuidInput() {
    return this._portGroupUuid;
  }

  // pxe_enabled - computed: true, optional: true, required: false
  private _pxeEnabled?: boolean | cdktf.IResolvable; 
  public get pxeEnabled() {
    return this.getBooleanAttribute('pxe_enabled');
  }
  public set pxeEnabled(value: boolean | cdktf.IResolvable) {
    this._pxeEnabled = value;
  }
  public resetPxeEnabled() {
    this._pxeEnabled = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get pxeEnabledInput() {
    return this._pxeEnabled;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      address: cdktf.stringToTerraform(this._address),
      extra: cdktf.hashMapper(cdktf.anyToTerraform)(this._extra),
      is_smart_nic: cdktf.booleanToTerraform(this._isSmartNic),
      local_link_connection: cdktf.hashMapper(cdktf.anyToTerraform)(this._localLinkConnection),
      node_uuid: cdktf.stringToTerraform(this._nodeUuid),
      physical_network: cdktf.stringToTerraform(this._physicalNetwork),
      port_group_uuid: cdktf.stringToTerraform(this._portGroupUuid),
      pxe_enabled: cdktf.booleanToTerraform(this._pxeEnabled),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      address: {
        value: cdktf.stringToHclTerraform(this._address),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      extra: {
        value: cdktf.hashMapperHcl(cdktf.anyToHclTerraform)(this._extra),
        isBlock: false,
        type: "map",
        storageClassType: "anyMap",
      },
      is_smart_nic: {
        value: cdktf.booleanToHclTerraform(this._isSmartNic),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      local_link_connection: {
        value: cdktf.hashMapperHcl(cdktf.anyToHclTerraform)(this._localLinkConnection),
        isBlock: false,
        type: "map",
        storageClassType: "anyMap",
      },
      node_uuid: {
        value: cdktf.stringToHclTerraform(this._nodeUuid),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      physical_network: {
        value: cdktf.stringToHclTerraform(this._physicalNetwork),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      port_group_uuid: {
        value: cdktf.stringToHclTerraform(this._portGroupUuid),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      pxe_enabled: {
        value: cdktf.booleanToHclTerraform(this._pxeEnabled),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
