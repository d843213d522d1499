import { Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { providerFor, TenantCloud } from './tenant-cloud';
import { invalid } from '../common/validation';

// Generated bindings are loaded when a construct first needs them, not with the package: loading all of them
// cost every synth about 0.2 s and 50 MiB (bench/RESULTS.md).
/* eslint-disable @typescript-eslint/no-require-imports */
const dataOpenstackComputeFlavorV2Bindings = (): typeof import('../../generated/terraform/openstack/data-openstack-compute-flavor-v2') =>
  require('../../generated/terraform/openstack/data-openstack-compute-flavor-v2');
/* eslint-enable @typescript-eslint/no-require-imports */

/** A Nova flavor for a cluster's control plane or default workers (no GPU). */
export interface IServerFlavor extends IConstruct {
  /** Flavor id (a Terraform reference). */
  readonly flavorId: string;
  /** Flavor name. */
  readonly flavorName: string;
}

/** Props of {@link ExistingFlavor}. */
export interface ExistingFlavorProps {
  /** Name of the existing flavor, e.g. `m1.xlarge`. */
  readonly flavorName: string;
  /**
   * Look the flavor up as a tenant (a private flavor is only visible to projects that were granted access).
   * @default - the stack's own credentials
   */
  readonly credentials?: TenantCloud;
}

/**
 * An existing Nova flavor looked up by name (`data.openstack_compute_flavor_v2`), for the control plane and the
 * default workers of a cluster; the plan fails when the flavor does not exist. GPU node groups take the compute
 * constructs' GPU flavors instead.
 */
export class ExistingFlavor extends Construct implements IServerFlavor {
  public readonly flavorId: string;
  public readonly flavorName: string;

  constructor(scope: Construct, id: string, props: ExistingFlavorProps) {
    super(scope, id);
    if (Token.isUnresolved(props.flavorName) || props.flavorName.trim() === '') invalid(this, 'flavorName must be a non-empty literal');
    this.flavorName = props.flavorName;
    const lookup = new (dataOpenstackComputeFlavorV2Bindings().DataOpenstackComputeFlavorV2)(this, 'Resource', { name: props.flavorName, provider: providerFor(this, props.credentials) });
    this.flavorId = lookup.id;
  }
}
