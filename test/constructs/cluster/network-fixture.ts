import { Construct } from 'constructs';
import { TenantNetwork } from '../../../constructs/network/tenant-network';

/** A tenant network for clusters that bring their own (built against ITenantNetwork only). */
export function network(scope: Construct): TenantNetwork {
  return new TenantNetwork(scope, 'Net', { cidr: '10.30.0.0/24' });
}
