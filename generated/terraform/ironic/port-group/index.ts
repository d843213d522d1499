// https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/port_group
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface PortGroupConfig extends cdktf.TerraformMetaArguments {
  /**
  * The MAC address of the port group.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/port_group#address PortGroup#address}
  */
  readonly address?: string;
  /**
  * Extra metadata for the port group.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/port_group#extra PortGroup#extra}
  */
  readonly extra?: { [key: string]: any };
  /**
  * The bonding mode of the port group. Defaults to 'active-backup'.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/port_group#mode PortGroup#mode}
  */
  readonly mode?: string;
  /**
  * The name of the port group.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/port_group#name PortGroup#name}
  */
  readonly name?: string;
  /**
  * The UUID of the node this port group belongs to.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/port_group#node_uuid PortGroup#node_uuid}
  */
  readonly nodeUuid?: string;
  /**
  * The UUID of the port group. If not specified, a new UUID will be generated.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/port_group#uuid PortGroup#uuid}
  */
  readonly uuid?: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/port_group ironic_port_group}
*/
export class PortGroup extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "ironic_port_group";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a PortGroup resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the PortGroup to import
  * @param importFromId The id of the existing PortGroup that should be imported. Refer to the {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/port_group#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the PortGroup to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "ironic_port_group", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/port_group ironic_port_group} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options PortGroupConfig = {}
  */
  public constructor(scope: Construct, id: string, config: PortGroupConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'ironic_port_group',
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
    this._mode = config.mode;
    this._name = config.name;
    this._nodeUuid = config.nodeUuid;
    this._uuid = config.uuid;
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

  // mode - computed: true, optional: true, required: false
  private _mode?: string; 
  public get mode() {
    return this.getStringAttribute('mode');
  }
  public set mode(value: string) {
    this._mode = value;
  }
  public resetMode() {
    this._mode = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get modeInput() {
    return this._mode;
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

  // uuid - computed: true, optional: true, required: false
  private _uuid?: string; 
  public get uuid() {
    return this.getStringAttribute('uuid');
  }
  public set uuid(value: string) {
    this._uuid = value;
  }
  public resetUuid() {
    this._uuid = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get uuidInput() {
    return this._uuid;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      address: cdktf.stringToTerraform(this._address),
      extra: cdktf.hashMapper(cdktf.anyToTerraform)(this._extra),
      mode: cdktf.stringToTerraform(this._mode),
      name: cdktf.stringToTerraform(this._name),
      node_uuid: cdktf.stringToTerraform(this._nodeUuid),
      uuid: cdktf.stringToTerraform(this._uuid),
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
      mode: {
        value: cdktf.stringToHclTerraform(this._mode),
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
      node_uuid: {
        value: cdktf.stringToHclTerraform(this._nodeUuid),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      uuid: {
        value: cdktf.stringToHclTerraform(this._uuid),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
