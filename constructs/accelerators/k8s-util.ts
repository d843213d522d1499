import { GpuOffer, IGpuNodePool } from './gpu-node-pool';
import { fail, oneOf } from '../../lib/errors';

/**
 * The offer of a pool a workload or quota means: the offer of `migProfile`, or the pool's one offer that is not a MIG
 * instance when no profile is named. Throws with the profiles the pool does offer. Not part of the jsii API.
 */
export function selectOffer(pool: IGpuNodePool, migProfile?: string): GpuOffer {
  const migOffers = pool.offers.filter((o) => o.migProfile !== undefined);
  if (migProfile !== undefined) {
    const offer = pool.offers.find((o) => o.migProfile === migProfile);
    if (offer) return offer;
    if (migOffers.length === 0) {
      fail(`MIG profile ${migProfile} is not offered by pool ${pool.poolName}: its GPUs are not partitioned with MIG (it offers ${oneOf(pool.offers.map((o) => o.resourceName))})`);
    }
    fail(`MIG profile ${migProfile} is not offered by pool ${pool.poolName}; its MIG layout offers ${oneOf(migOffers.map((o) => o.migProfile!))}`);
  }
  const whole = pool.offers.filter((o) => o.migProfile === undefined);
  if (whole.length === 1) return whole[0];
  return fail(`pool ${pool.poolName} offers only MIG instances (${oneOf(migOffers.map((o) => o.migProfile!))}); name one with migProfile`);
}

/** Units of an offer the whole pool has at its largest size (`countPerNode × maxNodeCount`). */
export function offerCapacity(pool: IGpuNodePool, offer: GpuOffer): number {
  return offer.countPerNode * pool.maxNodeCount;
}
