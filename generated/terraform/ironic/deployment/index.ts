// https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/deployment
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface DeploymentConfig extends cdktf.TerraformMetaArguments {
  /**
  * JSON string of deploy steps for the deployment.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/deployment#deploy_steps Deployment#deploy_steps}
  */
  readonly deploySteps?: DeploymentDeploySteps[] | cdktf.IResolvable;
  /**
  * Fixed IP addresses for the deployment.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/deployment#fixed_ips Deployment#fixed_ips}
  */
  readonly fixedIps?: DeploymentFixedIps[] | cdktf.IResolvable;
  /**
  * Instance information for the deployment.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/deployment#instance_info Deployment#instance_info}
  */
  readonly instanceInfo: { [key: string]: any };
  /**
  * Metadata for the deployment.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/deployment#metadata Deployment#metadata}
  */
  readonly metadata?: { [key: string]: any };
  /**
  * The name of the deployment.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/deployment#name Deployment#name}
  */
  readonly name?: string;
  /**
  * Network data for the deployment.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/deployment#network_data Deployment#network_data}
  */
  readonly networkData?: { [key: string]: any };
  /**
  * The UUID of the node to deploy.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/deployment#node_uuid Deployment#node_uuid}
  */
  readonly nodeUuid: string;
  /**
  * User data for the deployment.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/deployment#user_data Deployment#user_data}
  */
  readonly userData?: { [key: string]: any };
  /**
  * URL to fetch user data from.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/deployment#user_data_url Deployment#user_data_url}
  */
  readonly userDataUrl?: string;
  /**
  * CA certificate for user data URL verification.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/deployment#user_data_url_ca_cert Deployment#user_data_url_ca_cert}
  */
  readonly userDataUrlCaCert?: string;
  /**
  * Headers to send when fetching user data URL.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/deployment#user_data_url_headers Deployment#user_data_url_headers}
  */
  readonly userDataUrlHeaders?: { [key: string]: any };
}
export interface DeploymentDeploySteps {
  /**
  * Arguments for the deploy step.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/deployment#args Deployment#args}
  */
  readonly args?: { [key: string]: string };
  /**
  * The interface to use for the deploy step.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/deployment#interface Deployment#interface}
  */
  readonly interface: string;
  /**
  * The priority of the deploy step.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/deployment#priority Deployment#priority}
  */
  readonly priority?: number;
  /**
  * The name of the deploy step.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/deployment#step Deployment#step}
  */
  readonly step: string;
}

export function deploymentDeployStepsToTerraform(struct?: DeploymentDeploySteps | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    args: cdktf.hashMapper(cdktf.stringToTerraform)(struct!.args),
    interface: cdktf.stringToTerraform(struct!.interface),
    priority: cdktf.numberToTerraform(struct!.priority),
    step: cdktf.stringToTerraform(struct!.step),
  }
}


export function deploymentDeployStepsToHclTerraform(struct?: DeploymentDeploySteps | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    args: {
      value: cdktf.hashMapperHcl(cdktf.stringToHclTerraform)(struct!.args),
      isBlock: false,
      type: "map",
      storageClassType: "stringMap",
    },
    interface: {
      value: cdktf.stringToHclTerraform(struct!.interface),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    priority: {
      value: cdktf.numberToHclTerraform(struct!.priority),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    step: {
      value: cdktf.stringToHclTerraform(struct!.step),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DeploymentDeployStepsOutputReference extends cdktf.ComplexObject {
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

  public get internalValue(): DeploymentDeploySteps | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._args !== undefined) {
      hasAnyValues = true;
      internalValueResult.args = this._args;
    }
    if (this._interface !== undefined) {
      hasAnyValues = true;
      internalValueResult.interface = this._interface;
    }
    if (this._priority !== undefined) {
      hasAnyValues = true;
      internalValueResult.priority = this._priority;
    }
    if (this._step !== undefined) {
      hasAnyValues = true;
      internalValueResult.step = this._step;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DeploymentDeploySteps | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._args = undefined;
      this._interface = undefined;
      this._priority = undefined;
      this._step = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._args = value.args;
      this._interface = value.interface;
      this._priority = value.priority;
      this._step = value.step;
    }
  }

  // args - computed: false, optional: true, required: false
  private _args?: { [key: string]: string }; 
  public get args() {
    return this.getStringMapAttribute('args');
  }
  public set args(value: { [key: string]: string }) {
    this._args = value;
  }
  public resetArgs() {
    this._args = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get argsInput() {
    return this._args;
  }

  // interface - computed: false, optional: false, required: true
  private _interface?: string; 
  public get interface() {
    return this.getStringAttribute('interface');
  }
  public set interface(value: string) {
    this._interface = value;
  }
  // Temporarily expose input value. Use with caution.
  public get interfaceInput() {
    return this._interface;
  }

  // priority - computed: true, optional: true, required: false
  private _priority?: number; 
  public get priority() {
    return this.getNumberAttribute('priority');
  }
  public set priority(value: number) {
    this._priority = value;
  }
  public resetPriority() {
    this._priority = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get priorityInput() {
    return this._priority;
  }

  // step - computed: false, optional: false, required: true
  private _step?: string; 
  public get step() {
    return this.getStringAttribute('step');
  }
  public set step(value: string) {
    this._step = value;
  }
  // Temporarily expose input value. Use with caution.
  public get stepInput() {
    return this._step;
  }
}

export class DeploymentDeployStepsList extends cdktf.ComplexList {
  public internalValue? : DeploymentDeploySteps[] | cdktf.IResolvable

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
  public get(index: number): DeploymentDeployStepsOutputReference {
    return new DeploymentDeployStepsOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface DeploymentFixedIps {
  /**
  * The fixed IP address.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/deployment#ip_address Deployment#ip_address}
  */
  readonly ipAddress: string;
}

export function deploymentFixedIpsToTerraform(struct?: DeploymentFixedIps | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    ip_address: cdktf.stringToTerraform(struct!.ipAddress),
  }
}


export function deploymentFixedIpsToHclTerraform(struct?: DeploymentFixedIps | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    ip_address: {
      value: cdktf.stringToHclTerraform(struct!.ipAddress),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DeploymentFixedIpsOutputReference extends cdktf.ComplexObject {
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

  public get internalValue(): DeploymentFixedIps | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._ipAddress !== undefined) {
      hasAnyValues = true;
      internalValueResult.ipAddress = this._ipAddress;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DeploymentFixedIps | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._ipAddress = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._ipAddress = value.ipAddress;
    }
  }

  // ip_address - computed: false, optional: false, required: true
  private _ipAddress?: string; 
  public get ipAddress() {
    return this.getStringAttribute('ip_address');
  }
  public set ipAddress(value: string) {
    this._ipAddress = value;
  }
  // Temporarily expose input value. Use with caution.
  public get ipAddressInput() {
    return this._ipAddress;
  }
}

export class DeploymentFixedIpsList extends cdktf.ComplexList {
  public internalValue? : DeploymentFixedIps[] | cdktf.IResolvable

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
  public get(index: number): DeploymentFixedIpsOutputReference {
    return new DeploymentFixedIpsOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/deployment ironic_deployment}
*/
export class Deployment extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "ironic_deployment";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a Deployment resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the Deployment to import
  * @param importFromId The id of the existing Deployment that should be imported. Refer to the {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/deployment#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the Deployment to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "ironic_deployment", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/metal3-community/ironic/1.0.0/docs/resources/deployment ironic_deployment} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options DeploymentConfig
  */
  public constructor(scope: Construct, id: string, config: DeploymentConfig) {
    super(scope, id, {
      terraformResourceType: 'ironic_deployment',
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
    this._deploySteps.internalValue = config.deploySteps;
    this._fixedIps.internalValue = config.fixedIps;
    this._instanceInfo = config.instanceInfo;
    this._metadata = config.metadata;
    this._name = config.name;
    this._networkData = config.networkData;
    this._nodeUuid = config.nodeUuid;
    this._userData = config.userData;
    this._userDataUrl = config.userDataUrl;
    this._userDataUrlCaCert = config.userDataUrlCaCert;
    this._userDataUrlHeaders = config.userDataUrlHeaders;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // deploy_steps - computed: false, optional: true, required: false
  private _deploySteps = new DeploymentDeployStepsList(this, "deploy_steps", false);
  public get deploySteps() {
    return this._deploySteps;
  }
  public putDeploySteps(value: DeploymentDeploySteps[] | cdktf.IResolvable) {
    this._deploySteps.internalValue = value;
  }
  public resetDeploySteps() {
    this._deploySteps.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get deployStepsInput() {
    return this._deploySteps.internalValue;
  }

  // fixed_ips - computed: false, optional: true, required: false
  private _fixedIps = new DeploymentFixedIpsList(this, "fixed_ips", false);
  public get fixedIps() {
    return this._fixedIps;
  }
  public putFixedIps(value: DeploymentFixedIps[] | cdktf.IResolvable) {
    this._fixedIps.internalValue = value;
  }
  public resetFixedIps() {
    this._fixedIps.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get fixedIpsInput() {
    return this._fixedIps.internalValue;
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // instance_info - computed: false, optional: false, required: true
  private _instanceInfo?: { [key: string]: any }; 
  public get instanceInfo() {
    return this.getAnyMapAttribute('instance_info');
  }
  public set instanceInfo(value: { [key: string]: any }) {
    this._instanceInfo = value;
  }
  // Temporarily expose input value. Use with caution.
  public get instanceInfoInput() {
    return this._instanceInfo;
  }

  // last_error - computed: true, optional: false, required: false
  public get lastError() {
    return this.getStringAttribute('last_error');
  }

  // metadata - computed: false, optional: true, required: false
  private _metadata?: { [key: string]: any }; 
  public get metadata() {
    return this.getAnyMapAttribute('metadata');
  }
  public set metadata(value: { [key: string]: any }) {
    this._metadata = value;
  }
  public resetMetadata() {
    this._metadata = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get metadataInput() {
    return this._metadata;
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

  // network_data - computed: false, optional: true, required: false
  private _networkData?: { [key: string]: any }; 
  public get networkData() {
    return this.getAnyMapAttribute('network_data');
  }
  public set networkData(value: { [key: string]: any }) {
    this._networkData = value;
  }
  public resetNetworkData() {
    this._networkData = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get networkDataInput() {
    return this._networkData;
  }

  // node_uuid - computed: false, optional: false, required: true
  private _nodeUuid?: string; 
  public get nodeUuid() {
    return this.getStringAttribute('node_uuid');
  }
  public set nodeUuid(value: string) {
    this._nodeUuid = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nodeUuidInput() {
    return this._nodeUuid;
  }

  // provision_state - computed: true, optional: false, required: false
  public get provisionState() {
    return this.getStringAttribute('provision_state');
  }

  // user_data - computed: false, optional: true, required: false
  private _userData?: { [key: string]: any }; 
  public get userData() {
    return this.getAnyMapAttribute('user_data');
  }
  public set userData(value: { [key: string]: any }) {
    this._userData = value;
  }
  public resetUserData() {
    this._userData = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get userDataInput() {
    return this._userData;
  }

  // user_data_url - computed: false, optional: true, required: false
  private _userDataUrl?: string; 
  public get userDataUrl() {
    return this.getStringAttribute('user_data_url');
  }
  public set userDataUrl(value: string) {
    this._userDataUrl = value;
  }
  public resetUserDataUrl() {
    this._userDataUrl = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get userDataUrlInput() {
    return this._userDataUrl;
  }

  // user_data_url_ca_cert - computed: false, optional: true, required: false
  private _userDataUrlCaCert?: string; 
  public get userDataUrlCaCert() {
    return this.getStringAttribute('user_data_url_ca_cert');
  }
  public set userDataUrlCaCert(value: string) {
    this._userDataUrlCaCert = value;
  }
  public resetUserDataUrlCaCert() {
    this._userDataUrlCaCert = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get userDataUrlCaCertInput() {
    return this._userDataUrlCaCert;
  }

  // user_data_url_headers - computed: false, optional: true, required: false
  private _userDataUrlHeaders?: { [key: string]: any }; 
  public get userDataUrlHeaders() {
    return this.getAnyMapAttribute('user_data_url_headers');
  }
  public set userDataUrlHeaders(value: { [key: string]: any }) {
    this._userDataUrlHeaders = value;
  }
  public resetUserDataUrlHeaders() {
    this._userDataUrlHeaders = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get userDataUrlHeadersInput() {
    return this._userDataUrlHeaders;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      deploy_steps: cdktf.listMapper(deploymentDeployStepsToTerraform, false)(this._deploySteps.internalValue),
      fixed_ips: cdktf.listMapper(deploymentFixedIpsToTerraform, false)(this._fixedIps.internalValue),
      instance_info: cdktf.hashMapper(cdktf.anyToTerraform)(this._instanceInfo),
      metadata: cdktf.hashMapper(cdktf.anyToTerraform)(this._metadata),
      name: cdktf.stringToTerraform(this._name),
      network_data: cdktf.hashMapper(cdktf.anyToTerraform)(this._networkData),
      node_uuid: cdktf.stringToTerraform(this._nodeUuid),
      user_data: cdktf.hashMapper(cdktf.anyToTerraform)(this._userData),
      user_data_url: cdktf.stringToTerraform(this._userDataUrl),
      user_data_url_ca_cert: cdktf.stringToTerraform(this._userDataUrlCaCert),
      user_data_url_headers: cdktf.hashMapper(cdktf.anyToTerraform)(this._userDataUrlHeaders),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      deploy_steps: {
        value: cdktf.listMapperHcl(deploymentDeployStepsToHclTerraform, false)(this._deploySteps.internalValue),
        isBlock: true,
        type: "list",
        storageClassType: "DeploymentDeployStepsList",
      },
      fixed_ips: {
        value: cdktf.listMapperHcl(deploymentFixedIpsToHclTerraform, false)(this._fixedIps.internalValue),
        isBlock: true,
        type: "list",
        storageClassType: "DeploymentFixedIpsList",
      },
      instance_info: {
        value: cdktf.hashMapperHcl(cdktf.anyToHclTerraform)(this._instanceInfo),
        isBlock: false,
        type: "map",
        storageClassType: "anyMap",
      },
      metadata: {
        value: cdktf.hashMapperHcl(cdktf.anyToHclTerraform)(this._metadata),
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
      network_data: {
        value: cdktf.hashMapperHcl(cdktf.anyToHclTerraform)(this._networkData),
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
      user_data: {
        value: cdktf.hashMapperHcl(cdktf.anyToHclTerraform)(this._userData),
        isBlock: false,
        type: "map",
        storageClassType: "anyMap",
      },
      user_data_url: {
        value: cdktf.stringToHclTerraform(this._userDataUrl),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      user_data_url_ca_cert: {
        value: cdktf.stringToHclTerraform(this._userDataUrlCaCert),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      user_data_url_headers: {
        value: cdktf.hashMapperHcl(cdktf.anyToHclTerraform)(this._userDataUrlHeaders),
        isBlock: false,
        type: "map",
        storageClassType: "anyMap",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
