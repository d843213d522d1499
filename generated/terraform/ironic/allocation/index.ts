// https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/allocation
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface AllocationConfig extends cdktf.TerraformMetaArguments {
  /**
  * List of candidate node UUIDs for this allocation.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/allocation#candidate_nodes Allocation#candidate_nodes}
  */
  readonly candidateNodes?: string[];
  /**
  * Extra metadata for the allocation.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/allocation#extra Allocation#extra}
  */
  readonly extra?: { [key: string]: any };
  /**
  * The name of the allocation.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/allocation#name Allocation#name}
  */
  readonly name?: string;
  /**
  * Backfill this allocation from the provided node that has already been deployed. 
  * 				Bypasses the normal allocation process. Conflicts with "candidate_nodes".
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/allocation#node Allocation#node}
  */
  readonly nodeAttribute?: string;
  /**
  * The resource class required for this allocation.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/allocation#resource_class Allocation#resource_class}
  */
  readonly resourceClass: string;
  /**
  * List of required traits for this allocation.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/allocation#traits Allocation#traits}
  */
  readonly traits?: string[];
}

/**
* Represents a {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/allocation ironic_allocation}
*/
export class Allocation extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "ironic_allocation";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a Allocation resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the Allocation to import
  * @param importFromId The id of the existing Allocation that should be imported. Refer to the {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/allocation#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the Allocation to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "ironic_allocation", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/allocation ironic_allocation} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options AllocationConfig
  */
  public constructor(scope: Construct, id: string, config: AllocationConfig) {
    super(scope, id, {
      terraformResourceType: 'ironic_allocation',
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
    this._candidateNodes = config.candidateNodes;
    this._extra = config.extra;
    this._name = config.name;
    this._node = config.nodeAttribute;
    this._resourceClass = config.resourceClass;
    this._traits = config.traits;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // candidate_nodes - computed: true, optional: true, required: false
  private _candidateNodes?: string[]; 
  public get candidateNodes() {
    return this.getListAttribute('candidate_nodes');
  }
  public set candidateNodes(value: string[]) {
    this._candidateNodes = value;
  }
  public resetCandidateNodes() {
    this._candidateNodes = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get candidateNodesInput() {
    return this._candidateNodes;
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

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // last_error - computed: true, optional: false, required: false
  public get lastError() {
    return this.getStringAttribute('last_error');
  }

  // name - computed: false, optional: true, required: false
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

  // node - computed: true, optional: true, required: false
  private _node?: string; 
  public get nodeAttribute() {
    return this.getStringAttribute('node');
  }
  public set nodeAttribute(value: string) {
    this._node = value;
  }
  public resetNodeAttribute() {
    this._node = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get nodeAttributeInput() {
    return this._node;
  }

  // node_uuid - computed: true, optional: false, required: false
  public get nodeUuid() {
    return this.getStringAttribute('node_uuid');
  }

  // resource_class - computed: false, optional: false, required: true
  private _resourceClass?: string; 
  public get resourceClass() {
    return this.getStringAttribute('resource_class');
  }
  public set resourceClass(value: string) {
    this._resourceClass = value;
  }
  // Temporarily expose input value. Use with caution.
  public get resourceClassInput() {
    return this._resourceClass;
  }

  // state - computed: true, optional: false, required: false
  public get state() {
    return this.getStringAttribute('state');
  }

  // traits - computed: false, optional: true, required: false
  private _traits?: string[]; 
  public get traits() {
    return this.getListAttribute('traits');
  }
  public set traits(value: string[]) {
    this._traits = value;
  }
  public resetTraits() {
    this._traits = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get traitsInput() {
    return this._traits;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      candidate_nodes: cdktf.listMapper(cdktf.stringToTerraform, false)(this._candidateNodes),
      extra: cdktf.hashMapper(cdktf.anyToTerraform)(this._extra),
      name: cdktf.stringToTerraform(this._name),
      node: cdktf.stringToTerraform(this._node),
      resource_class: cdktf.stringToTerraform(this._resourceClass),
      traits: cdktf.listMapper(cdktf.stringToTerraform, false)(this._traits),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      candidate_nodes: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._candidateNodes),
        isBlock: false,
        type: "list",
        storageClassType: "stringList",
      },
      extra: {
        value: cdktf.hashMapperHcl(cdktf.anyToHclTerraform)(this._extra),
        isBlock: false,
        type: "map",
        storageClassType: "anyMap",
      },
      name: {
        value: cdktf.stringToHclTerraform(this._name),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      node: {
        value: cdktf.stringToHclTerraform(this._node),
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
      traits: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._traits),
        isBlock: false,
        type: "list",
        storageClassType: "stringList",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
