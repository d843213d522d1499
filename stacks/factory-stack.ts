import * as path from 'path';
import { Aspects, DataTerraformRemoteStateLocal, LocalBackend, TerraformBackend, TerraformProvider, TerraformRemoteState, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { DataSafetyChecks } from '../constructs/common/stateful';
import { printWarnings } from '../constructs/common/warnings';
import { IronicProvider } from '../generated/terraform/ironic/provider';
import { OpenstackProvider } from '../generated/terraform/openstack/provider';

/** Where the Ironic API is; Ironic's Terraform provider talks to it directly. */
export interface IronicEndpoint {
  /** Ironic API URL, e.g. `https://ironic.example.net:6385/v1`. */
  readonly url: string;
  /**
   * API microversion the provider requests.
   * @default '1.81'
   */
  readonly microversion?: string;
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
    // the cdktf CLI prints warnings from the manifest; without it (`npx tsx main.ts`) nothing would
    printWarnings(this);
    this.openstack = new OpenstackProvider(this, 'openstack', {
      cloud: props.cloud ?? 'openstack',
      region: props.region,
    });
    if (props.ironic) {
      this.ironic = new IronicProvider(this, 'ironic', {
        url: props.ironic.url,
        microversion: props.ironic.microversion ?? '1.81',
      });
    }
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
