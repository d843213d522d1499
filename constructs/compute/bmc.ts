import { Annotations, TerraformStack, TerraformVariable, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import type { DataOpenstackKeymanagerSecretV1 } from '../../generated/terraform/openstack/data-openstack-keymanager-secret-v1';
import { bindings } from '../common/bindings';
import { invalid } from '../common/validation';

/** Which of the two credentials a message talks about. */
type CredentialPart = 'username' | 'password';

/** Options of {@link BmcCredentials.fromKeyManager}. */
export interface KeyManagerCredentialsOptions {
  /** Name of the Barbican secret that holds the BMC user name. */
  readonly usernameSecretName: string;
  /** Name of the Barbican secret that holds the BMC password. */
  readonly passwordSecretName: string;
}

/**
 * BMC credentials for Ironic's `driver_info`. They never appear as literals in the synthesized Terraform: they come
 * from sensitive Terraform variables (set with `TF_VAR_<name>` or a `.tfvars` file kept out of git) or from Barbican
 * secrets read at apply time. Ironic's `driver_info` is itself a sensitive attribute of `ironic_node`, so plans and
 * logs redact it (metal3-community/ironic 1.0 schema).
 */
export class BmcCredentials {
  /**
   * Two Terraform variables you declared with `sensitive: true`. A variable without `sensitive` is refused: Terraform
   * would print its value in plans.
   */
  public static fromVariables(username: TerraformVariable, password: TerraformVariable): BmcCredentials {
    // read once: every read of `stringValue` is a new cdktf token, and a pool binds these for each of its nodes
    const references = { username: username.stringValue, password: password.stringValue };
    return new BmcCredentials((scope) => {
      for (const [part, variable] of [['username', username], ['password', password]] as [CredentialPart, TerraformVariable][]) {
        if (variable.sensitive !== true) {
          invalid(scope, `BMC ${part} variable ${variable.friendlyUniqueId} is not sensitive; declare it with sensitive: true so Terraform redacts it from plans and output`);
        }
      }
      return references;
    }, 'sensitive Terraform variables');
  }

  /**
   * Barbican secrets, read at apply time with the `openstack_keymanager_secret_v1` data source (its `payload` is
   * sensitive). The OpenStack provider's credentials must be allowed to read them.
   */
  public static fromKeyManager(options: KeyManagerCredentialsOptions): BmcCredentials {
    const secret = (stack: TerraformStack, name: string): string => {
      // one data source per secret and stack, however many nodes share the credentials
      const id = `BmcSecret-${name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
      const existing = stack.node.tryFindChild(id) as DataOpenstackKeymanagerSecretV1 | undefined;
      return (existing ?? new (bindings.dataOpenstackKeymanagerSecretV1().DataOpenstackKeymanagerSecretV1)(stack, id, { name })).payload;
    };
    return new BmcCredentials((scope) => {
      for (const name of [options.usernameSecretName, options.passwordSecretName]) {
        if (Token.isUnresolved(name) || name.trim() === '') invalid(scope, 'Barbican secret names must be non-empty literal names');
      }
      const stack = TerraformStack.of(scope);
      return { username: secret(stack, options.usernameSecretName), password: secret(stack, options.passwordSecretName) };
    }, 'Barbican secrets');
  }

  /**
   * Values that are already Terraform references, e.g. `var.x` from a variable you manage elsewhere or another
   * resource's sensitive attribute. A literal string is refused: credentials never go into code or output.
   */
  public static fromReferences(username: string, password: string): BmcCredentials {
    return new BmcCredentials((scope) => {
      for (const [part, value] of [['username', username], ['password', password]] as [CredentialPart, string][]) {
        if (!Token.isUnresolved(value)) {
          invalid(
            scope,
            `BMC ${part} is a literal string; credentials must not appear in code or in the synthesized Terraform: use ` +
              'BmcCredentials.fromVariables() with sensitive variables, or BmcCredentials.fromKeyManager() with Barbican secrets',
          );
        }
      }
      return { username, password };
    }, 'Terraform references');
  }

  /** Where the credentials come from, for descriptions. */
  public readonly source: string;
  private readonly binder: (scope: IConstruct) => { username: string; password: string };

  private constructor(binder: (scope: IConstruct) => { username: string; password: string }, source: string) {
    this.binder = binder;
    this.source = source;
  }

  /**
   * Checks the credentials and returns the Terraform references for `redfish_username` / `redfish_password`; errors name
   * `scope`.
   */
  public bind(scope: IConstruct): BmcCredentialReferences {
    return this.binder(scope);
  }
}

/** The Terraform references of bound BMC credentials. */
export interface BmcCredentialReferences {
  /** Reference to the user name. */
  readonly username: string;
  /** Reference to the password. */
  readonly password: string;
}

/** `redfish_auth_type` (openstack/ironic doc/source/admin/drivers/redfish.rst). */
export enum RedfishAuthType {
  /** HTTP basic authentication on every request. */
  BASIC = 'basic',
  /** Redfish session tokens. */
  SESSION = 'session',
  /** Session, falling back to basic (Ironic's default). */
  AUTO = 'auto',
}

/** Options of {@link BmcDriver.redfish}. */
export interface RedfishDriverOptions {
  /**
   * BMC address: a host name or IP (https is assumed), or a URL such as `https://10.0.0.11:8443`.
   */
  readonly address: string;
  /** BMC credentials. */
  readonly credentials: BmcCredentials;
  /**
   * Redfish system id, e.g. `/redfish/v1/Systems/1`; needed only when the BMC manages more than one system.
   * @default - the BMC's only system
   */
  readonly systemId?: string;
  /**
   * Verify the BMC's TLS certificate (`redfish_verify_ca`). Turning it off is legal but leaves BMC credentials open to
   * interception; prefer `caCertificatePath`.
   * @default true
   */
  readonly verifyCertificate?: boolean;
  /**
   * Path on the Ironic conductors to the CA bundle that signed the BMC certificates (`redfish_verify_ca=<path>`).
   * @default - the conductors' system CA store
   */
  readonly caCertificatePath?: string;
  /**
   * Redfish authentication.
   * @default - Ironic's default (`auto`)
   */
  readonly authType?: RedfishAuthType;
}

/**
 * How Ironic talks to a node's BMC: the hardware type and its `driver_info`. Only Redfish is modelled; it is what
 * current GPU servers' BMCs speak, and it is the only hardware type with virtual-media boot across vendors.
 */
export class BmcDriver {
  /** The `redfish` hardware type (openstack/ironic ironic/drivers/redfish.py). */
  public static redfish(options: RedfishDriverOptions): BmcDriver {
    return new BmcDriver('redfish', options);
  }

  /** Ironic hardware type (`driver`). */
  public readonly driverName: string;
  /** The BMC address as given. */
  public readonly address: string;
  /** The Redfish system id, if any. */
  public readonly systemId?: string;
  /** Options. */
  private readonly options: RedfishDriverOptions;

  private constructor(driverName: string, options: RedfishDriverOptions) {
    this.driverName = driverName;
    this.options = options;
    this.address = options.address;
    this.systemId = options.systemId;
  }

  /** The credentials. */
  public get credentials(): BmcCredentials {
    return this.options.credentials;
  }

  /**
   * The BMC endpoint in a comparable form: host (lower case), port and path without scheme or trailing slash, plus the
   * system id. Two nodes with the same key would drive the same machine.
   */
  public get endpointKey(): string {
    const withoutScheme = this.address.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/+$/, '').toLowerCase();
    return this.systemId ? `${withoutScheme}#${this.systemId}` : withoutScheme;
  }

  /**
   * The `driver_info` of a node (without deploy images): address, system id, credentials, certificate checking and
   * authentication. Errors name `scope`.
   */
  public driverInfo(scope: IConstruct): { [key: string]: any } {
    const o = this.options;
    const address = o.address.trim();
    if (!Token.isUnresolved(address)) {
      const ok = /^(https?:\/\/)?(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?(\/.*)?$/.test(address);
      if (!ok) invalid(scope, `BMC address ${JSON.stringify(o.address)} is not a host name, IP address or http(s) URL; use e.g. 10.0.0.11 or https://bmc-01.example.net`);
      if (/^http:\/\//i.test(address)) {
        Annotations.of(scope).addWarning(`BMC address ${address} uses plain http, which sends the BMC password unencrypted; use https outside a lab`);
      }
    }
    if (o.systemId !== undefined && !Token.isUnresolved(o.systemId) && !/^\/redfish\/v1\/Systems\/[^/]+$/.test(o.systemId)) {
      invalid(scope, `Redfish system id ${JSON.stringify(o.systemId)} must look like /redfish/v1/Systems/<id>`);
    }
    if (o.verifyCertificate === false && o.caCertificatePath !== undefined) {
      invalid(scope, 'verifyCertificate false and caCertificatePath contradict each other; give one of them');
    }
    const creds = o.credentials.bind(scope);
    const info: { [key: string]: any } = {
      redfish_address: address,
      redfish_username: creds.username,
      redfish_password: creds.password,
      redfish_verify_ca: o.caCertificatePath ?? o.verifyCertificate ?? true,
    };
    if (o.systemId !== undefined) info.redfish_system_id = o.systemId;
    if (o.authType !== undefined) info.redfish_auth_type = o.authType;
    return info;
  }

  /** Whether certificate checking is off. */
  public get insecure(): boolean {
    return this.options.verifyCertificate === false;
  }
}
