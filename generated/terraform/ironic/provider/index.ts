// https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface IronicProviderConfig {
  /**
  * Determine the strategy to use for authentication with Ironic services, Possible values: noauth, http_basic. Defaults to noauth.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs#auth_strategy IronicProvider#auth_strategy}
  */
  readonly authStrategy?: string;
  /**
  * The endpoint for Ironic inspector
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs#inspector IronicProvider#inspector}
  */
  readonly inspector?: string;
  /**
  * Password to be used by Ironic Inspector when using `http_basic` authentication
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs#inspector_password IronicProvider#inspector_password}
  */
  readonly inspectorPassword?: string;
  /**
  * Username to be used by Ironic Inspector when using `http_basic` authentication
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs#inspector_username IronicProvider#inspector_username}
  */
  readonly inspectorUsername?: string;
  /**
  * Password to be used by Ironic when using `http_basic` authentication
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs#ironic_password IronicProvider#ironic_password}
  */
  readonly ironicPassword?: string;
  /**
  * Username to be used by Ironic when using `http_basic` authentication
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs#ironic_username IronicProvider#ironic_username}
  */
  readonly ironicUsername?: string;
  /**
  * The microversion to use for Ironic
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs#microversion IronicProvider#microversion}
  */
  readonly microversion: string;
  /**
  * Wait at least the specified number of seconds for the API to become available
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs#timeout IronicProvider#timeout}
  */
  readonly timeout?: number;
  /**
  * The authentication endpoint for Ironic
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs#url IronicProvider#url}
  */
  readonly url: string;
  /**
  * Alias name
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs#alias IronicProvider#alias}
  */
  readonly alias?: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs ironic}
*/
export class IronicProvider extends cdktf.TerraformProvider {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "ironic";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a IronicProvider resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the IronicProvider to import
  * @param importFromId The id of the existing IronicProvider that should be imported. Refer to the {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the IronicProvider to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "ironic", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs ironic} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options IronicProviderConfig
  */
  public constructor(scope: Construct, id: string, config: IronicProviderConfig) {
    super(scope, id, {
      terraformResourceType: 'ironic',
      terraformGeneratorMetadata: {
        providerName: 'ironic',
        providerVersion: '1.0.0',
        providerVersionConstraint: '~> 1.0'
      },
      terraformProviderSource: 'metal3-community/ironic'
    });
    this._authStrategy = config.authStrategy;
    this._inspector = config.inspector;
    this._inspectorPassword = config.inspectorPassword;
    this._inspectorUsername = config.inspectorUsername;
    this._ironicPassword = config.ironicPassword;
    this._ironicUsername = config.ironicUsername;
    this._microversion = config.microversion;
    this._timeout = config.timeout;
    this._url = config.url;
    this._alias = config.alias;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // auth_strategy - computed: false, optional: true, required: false
  private _authStrategy?: string; 
  public get authStrategy() {
    return this._authStrategy;
  }
  public set authStrategy(value: string | undefined) {
    this._authStrategy = value;
  }
  public resetAuthStrategy() {
    this._authStrategy = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get authStrategyInput() {
    return this._authStrategy;
  }

  // inspector - computed: false, optional: true, required: false
  private _inspector?: string; 
  public get inspector() {
    return this._inspector;
  }
  public set inspector(value: string | undefined) {
    this._inspector = value;
  }
  public resetInspector() {
    this._inspector = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get inspectorInput() {
    return this._inspector;
  }

  // inspector_password - computed: false, optional: true, required: false
  private _inspectorPassword?: string; 
  public get inspectorPassword() {
    return this._inspectorPassword;
  }
  public set inspectorPassword(value: string | undefined) {
    this._inspectorPassword = value;
  }
  public resetInspectorPassword() {
    this._inspectorPassword = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get inspectorPasswordInput() {
    return this._inspectorPassword;
  }

  // inspector_username - computed: false, optional: true, required: false
  private _inspectorUsername?: string; 
  public get inspectorUsername() {
    return this._inspectorUsername;
  }
  public set inspectorUsername(value: string | undefined) {
    this._inspectorUsername = value;
  }
  public resetInspectorUsername() {
    this._inspectorUsername = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get inspectorUsernameInput() {
    return this._inspectorUsername;
  }

  // ironic_password - computed: false, optional: true, required: false
  private _ironicPassword?: string; 
  public get ironicPassword() {
    return this._ironicPassword;
  }
  public set ironicPassword(value: string | undefined) {
    this._ironicPassword = value;
  }
  public resetIronicPassword() {
    this._ironicPassword = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get ironicPasswordInput() {
    return this._ironicPassword;
  }

  // ironic_username - computed: false, optional: true, required: false
  private _ironicUsername?: string; 
  public get ironicUsername() {
    return this._ironicUsername;
  }
  public set ironicUsername(value: string | undefined) {
    this._ironicUsername = value;
  }
  public resetIronicUsername() {
    this._ironicUsername = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get ironicUsernameInput() {
    return this._ironicUsername;
  }

  // microversion - computed: false, optional: false, required: true
  private _microversion?: string; 
  public get microversion() {
    return this._microversion;
  }
  public set microversion(value: string | undefined) {
    this._microversion = value;
  }
  // Temporarily expose input value. Use with caution.
  public get microversionInput() {
    return this._microversion;
  }

  // timeout - computed: false, optional: true, required: false
  private _timeout?: number; 
  public get timeout() {
    return this._timeout;
  }
  public set timeout(value: number | undefined) {
    this._timeout = value;
  }
  public resetTimeout() {
    this._timeout = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get timeoutInput() {
    return this._timeout;
  }

  // url - computed: false, optional: false, required: true
  private _url?: string; 
  public get url() {
    return this._url;
  }
  public set url(value: string | undefined) {
    this._url = value;
  }
  // Temporarily expose input value. Use with caution.
  public get urlInput() {
    return this._url;
  }

  // alias - computed: false, optional: true, required: false
  private _alias?: string; 
  public get alias() {
    return this._alias;
  }
  public set alias(value: string | undefined) {
    this._alias = value;
  }
  public resetAlias() {
    this._alias = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get aliasInput() {
    return this._alias;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      auth_strategy: cdktf.stringToTerraform(this._authStrategy),
      inspector: cdktf.stringToTerraform(this._inspector),
      inspector_password: cdktf.stringToTerraform(this._inspectorPassword),
      inspector_username: cdktf.stringToTerraform(this._inspectorUsername),
      ironic_password: cdktf.stringToTerraform(this._ironicPassword),
      ironic_username: cdktf.stringToTerraform(this._ironicUsername),
      microversion: cdktf.stringToTerraform(this._microversion),
      timeout: cdktf.numberToTerraform(this._timeout),
      url: cdktf.stringToTerraform(this._url),
      alias: cdktf.stringToTerraform(this._alias),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      auth_strategy: {
        value: cdktf.stringToHclTerraform(this._authStrategy),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      inspector: {
        value: cdktf.stringToHclTerraform(this._inspector),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      inspector_password: {
        value: cdktf.stringToHclTerraform(this._inspectorPassword),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      inspector_username: {
        value: cdktf.stringToHclTerraform(this._inspectorUsername),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      ironic_password: {
        value: cdktf.stringToHclTerraform(this._ironicPassword),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      ironic_username: {
        value: cdktf.stringToHclTerraform(this._ironicUsername),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      microversion: {
        value: cdktf.stringToHclTerraform(this._microversion),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      timeout: {
        value: cdktf.numberToHclTerraform(this._timeout),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      url: {
        value: cdktf.stringToHclTerraform(this._url),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      alias: {
        value: cdktf.stringToHclTerraform(this._alias),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
