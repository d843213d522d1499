import { Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { providerFor, TenantCloud } from './tenant-cloud';
import { bindings } from '../common/bindings';
import { invalid } from '../common/validation';

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
    const lookup = new (bindings.dataOpenstackComputeFlavorV2().DataOpenstackComputeFlavorV2)(this, 'Resource', { name: props.flavorName, provider: providerFor(this, props.credentials) });
    this.flavorId = lookup.id;
  }
}
