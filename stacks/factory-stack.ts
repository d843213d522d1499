import * as path from 'path';
import { Annotations, Aspects, DataTerraformRemoteStateLocal, LocalBackend, TerraformBackend, TerraformProvider, TerraformRemoteState, TerraformStack, TerraformVariable, Token } from 'cdktf';
import { Construct } from 'constructs';
import { S3CompatibleBackend, S3StateBackendOptions } from './state-backend';
import { bindings } from '../constructs/common/bindings';
import { DataSafetyChecks } from '../constructs/common/stateful';
import { invalid } from '../constructs/common/validation';
import { printWarnings } from '../constructs/common/warnings';

/**
 * How the Ironic provider authenticates. metal3-community/ironic 1.0 speaks only `noauth` and `http_basic`
 * (terraform-provider-ironic v1.0.0 `ironic/provider.go`: `auth_strategy`, built on gophercloud's
 * `openstack/baremetal/noauth` and `openstack/baremetal/httpbasic` clients); it has no Keystone client. An Ironic behind
 * Keystone is reached through an Ironic API instance of its own with `[DEFAULT] auth_strategy = http_basic` (or
 * `noauth` on an isolated management network), as metal3 runs it: see docs/compute.md.
 */
export class IronicAuth {
  /** No authentication (`auth_strategy = noauth`): only for an Ironic API reachable from a trusted management network. */
  public static noAuth(): IronicAuth {
    return new IronicAuth('noauth');
  }

  /**
   * HTTP basic authentication (`auth_strategy = http_basic`, Ironic's htpasswd file). The stack declares two sensitive
   * Terraform variables, `ironic_username` and `ironic_password`, set with `TF_VAR_ironic_username` /
   * `TF_VAR_ironic_password`: the password never appears in code or in the synthesized Terraform.
   */
  public static httpBasic(): IronicAuth {
    return new IronicAuth('http_basic');
  }

  /** The provider's `auth_strategy`. */
  public readonly strategy: string;

  private constructor(strategy: string) {
    this.strategy = strategy;
  }
}

/** Where the Ironic API is; Ironic's Terraform provider talks to it directly. */
export interface IronicEndpoint {
  /**
   * Ironic API URL with its scheme, e.g. `https://ironic.example.net:6385/v1`. The provider's clients use the URL as
   * given (gophercloud `openstack/baremetal/noauth/requests.go`), so the API root `/v1` is appended when missing.
   */
  readonly url: string;
  /**
   * API microversion the provider requests.
   * @default '1.81'
   */
  readonly microversion?: string;
  /**
   * How the provider authenticates.
   * @default IronicAuth.noAuth()
   */
  readonly auth?: IronicAuth;
}

/** Props of {@link FactoryStack}. */
export interface FactoryStackProps {
  /**
   * Entry of `clouds.yaml` the OpenStack provider authenticates with; credentials stay in clouds.yaml and never
   * reach the Terraform JSON.
   * @default 'openstack'
   */
  readonly cloud?: string;
  /**
   * OpenStack region.
   * @default - the region of the clouds.yaml entry
   */
  readonly region?: string;
  /**
   * Configure the Ironic provider (metal3-community/ironic) for bare-metal enrollment.
   * @default - no Ironic provider
   */
  readonly ironic?: IronicEndpoint;
  /**
   * State file of the local backend, relative to the stack's working directory. Ignored when another backend
   * (e.g. `new S3Backend(stack, ...)`) is added to the stack.
   * @default - `terraform.<stack id>.tfstate`
   */
  readonly localStateFile?: string;
  /**
   * Keep the stack's state in an S3-compatible object store (Ceph RGW) instead of a local file, locked with
   * Terraform's S3-native lock file; stacks that reference this stack's values read its state from there.
   * @default - the local backend (`localStateFile`)
   */
  readonly s3Backend?: S3StateBackendOptions;
  /**
   * Check at synth that every resource holding data (volumes, shares, containers, ...) is protected by
   * `lifecycle.prevent_destroy` or carries an explicit opt-out with a reason ({@link DataSafetyChecks}).
   * @default true
   */
  readonly dataSafetyChecks?: boolean;
}

/**
 * A Terraform stack for one site of the AI factory: the OpenStack provider (and Ironic when asked), a local
 * backend whose state path is relative, so the synthesized JSON carries no machine paths, and the data-safety
 * checks that refuse an unprotected stateful resource.
 */
export class FactoryStack extends TerraformStack {
  /** The OpenStack provider. */
  public readonly openstack: TerraformProvider;
  /** The Ironic provider, when configured. */
  public readonly ironic?: TerraformProvider;
  private readonly localStateFile: string;

  constructor(scope: Construct, id: string, props: FactoryStackProps = {}) {
    super(scope, id);
    this.localStateFile = props.localStateFile ?? `terraform.${id}.tfstate`;
    if (props.dataSafetyChecks ?? true) Aspects.of(this).add(new DataSafetyChecks());
    if (props.s3Backend !== undefined) {
      if (props.localStateFile !== undefined) {
        invalid(this, `localStateFile ${JSON.stringify(props.localStateFile)} and s3Backend both say where the state lives; give one of them`);
      }
      new S3CompatibleBackend(this, props.s3Backend);
    }
    // the cdktf CLI prints warnings from the manifest; without it (`npx tsx main.ts`) nothing would
    printWarnings(this);
    this.openstack = new (bindings.openstackProvider().OpenstackProvider)(this, 'openstack', {
      cloud: props.cloud ?? 'openstack',
      region: props.region,
    });
    if (props.ironic) this.ironic = this.ironicProvider(props.ironic);
  }

  /** The Ironic provider block: URL with scheme and `/v1`, and the provider's own authentication. */
  private ironicProvider(endpoint: IronicEndpoint): TerraformProvider {
    const auth = endpoint.auth ?? IronicAuth.noAuth();
    let credentials: { ironicUsername?: string; ironicPassword?: string } = {};
    if (auth.strategy === 'http_basic') {
      const variable = (id: string, what: string, sensitive: boolean) => {
        const v = new TerraformVariable(this, id, {
          type: 'string',
          sensitive,
          description: `Ironic API ${what} for http_basic authentication (set it with TF_VAR_${id})`,
        });
        v.overrideLogicalId(id);
        return v.stringValue;
      };
      credentials = { ironicUsername: variable('ironic_username', 'user name', true), ironicPassword: variable('ironic_password', 'password', true) };
    }
    return new (bindings.ironicProvider().IronicProvider)(this, 'ironic', {
      url: this.ironicUrl(endpoint.url),
      microversion: endpoint.microversion ?? '1.81',
      authStrategy: auth.strategy,
      ...credentials,
    });
  }

  /** Checks the Ironic URL and returns it ending in the API root `/v1`. */
  private ironicUrl(url: string): string {
    if (Token.isUnresolved(url)) return url;
    const trimmed = url.trim();
    if (!/^https?:\/\/[^/?#\s]+/i.test(trimmed)) {
      invalid(this, `Ironic URL ${JSON.stringify(url)} has no http(s) scheme; the provider needs a full URL such as https://ironic.example.net:6385/v1`);
    }
    if (/[?#]/.test(trimmed)) invalid(this, `Ironic URL ${JSON.stringify(url)} has a query or fragment; give the API endpoint only, e.g. https://ironic.example.net:6385/v1`);
    const base = trimmed.replace(/\/+$/, '');
    const version = /\/(v\d+)$/.exec(base);
    if (version && version[1] !== 'v1') {
      invalid(this, `Ironic URL ${JSON.stringify(url)} ends in /${version[1]}, but the Ironic API root is /v1; give the endpoint with /v1 (e.g. https://ironic.example.net:6385/v1)`);
    }
    const withRoot = version ? base : `${base}/v1`;
    if (/^http:\/\//i.test(withRoot)) {
      Annotations.of(this).addWarning(
        `Ironic URL ${withRoot} uses plain http: every node's driver_info (BMC user and password) and the Ironic credentials cross the network unencrypted; use https outside a lab`,
      );
    }
    return withRoot;
  }

  /**
   * The stack's backend: the one the user added, or a local backend with a relative state path
   * (cdktf's own default would write an absolute path into the output).
   */
  public ensureBackendExists(): TerraformBackend {
    const existing = this.node.findAll().find((c) => TerraformBackend.isBackend(c));
    return (existing as TerraformBackend | undefined) ?? new StackLocalBackend(this, this.localStateFile);
  }
}

/**
 * A local backend whose state path is relative to the stack's working directory (`cdktf.out/stacks/<stack id>`),
 * and which other stacks reach from their own working directory (`../<stack id>/<state file>`) when they reference
 * this stack's values. cdktf's own LocalBackend hands the consuming stack the same relative path, which would point
 * into the consumer's folder.
 */
class StackLocalBackend extends LocalBackend {
  constructor(private readonly stack: TerraformStack, private readonly statePath: string) {
    super(stack, { path: statePath });
  }

  public getRemoteStateDataSource(scope: Construct, name: string, _fromStack: string): TerraformRemoteState {
    const statePath = path.isAbsolute(this.statePath) ? this.statePath : path.posix.join('..', this.stack.node.id, this.statePath);
    return new DataTerraformRemoteStateLocal(scope, name, { path: statePath, workspace: '${terraform.workspace}' });
  }
}
