import { Construct, IConstruct } from 'constructs';
import { DataOpenstackNetworkingNetworkV2 } from '../../generated/terraform/openstack/data-openstack-networking-network-v2';

/** A provider network with `router:external`, which tenant routers use as their gateway. */
export interface IExternalNetwork extends IConstruct {
  /** Network id (a Terraform reference). */
  readonly networkId: string;
}

/** Props of {@link ExternalNetwork}. */
export interface ExternalNetworkProps {
  /** Name of the existing external network, e.g. `public`. */
  readonly networkName: string;
}

/**
 * An existing external network, looked up by name (`data.openstack_networking_network_v2` with `external = true`).
 * The site's provider networks are created by the operator; tenants only attach routers to them.
 */
export class ExternalNetwork extends Construct implements IExternalNetwork {
  public readonly networkId: string;
  /** The network name. */
  public readonly networkName: string;

  constructor(scope: Construct, id: string, props: ExternalNetworkProps) {
    super(scope, id);
    this.networkName = props.networkName;
    const lookup = new DataOpenstackNetworkingNetworkV2(this, 'Resource', { name: props.networkName, external: true });
    this.networkId = lookup.id;
  }
}
