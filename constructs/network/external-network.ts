import { Construct } from 'constructs';
import { INetwork } from './network';
import { bindings } from '../common/bindings';

/** A provider network with `router:external`, which tenant routers use as their gateway. */
export interface IExternalNetwork extends INetwork {}

/** Props of {@link ExternalNetwork}. */
export interface ExternalNetworkProps {
  /** Name of the existing external network, e.g. `public`. */
  readonly networkName: string;
}

/**
 * An existing external network, looked up by name (`data.openstack_networking_network_v2` with `external = true`).
 * Use it for an external network created outside this app; a {@link ProviderNetwork} with role EXTERNAL is one the
 * app creates.
 */
export class ExternalNetwork extends Construct implements IExternalNetwork {
  public readonly networkId: string;
  /** The network name. */
  public readonly networkName: string;

  constructor(scope: Construct, id: string, props: ExternalNetworkProps) {
    super(scope, id);
    this.networkName = props.networkName;
    const lookup = new (bindings.dataOpenstackNetworkingNetworkV2().DataOpenstackNetworkingNetworkV2)(this, 'Resource', { name: props.networkName, external: true });
    this.networkId = lookup.id;
  }
}
