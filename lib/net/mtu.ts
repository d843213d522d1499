import { check } from '../errors';

/** How a tenant network is carried on the physical network. */
export enum Encapsulation {
  /** OVN's Geneve overlay (the default for OVN tenant networks). */
  GENEVE = 'geneve',
  /** VXLAN overlay (ML2/OVS). */
  VXLAN = 'vxlan',
  /** A VLAN on a physical network: no encapsulation overhead. */
  VLAN = 'vlan',
  /** Flat (untagged) physical network: no overhead. */
  FLAT = 'flat',
}

/**
 * MTU arithmetic of Neutron (openstack/neutron 28.0.1 `neutron/plugins/ml2/drivers/type_tunnel.py`, `type_geneve.py`).
 */
export class NetworkMtu {
  /**
   * Encapsulation overhead in bytes, outer IP header included: Geneve under OVN 38 + 20 (IPv4) = 58,
   * VXLAN 30 + 20 = 50; VLAN and flat 0. IPv6 underlays add 20 more.
   */
  public static overheadBytes(encapsulation: Encapsulation, ipv6Underlay?: boolean): number {
    const ip = ipv6Underlay ? 40 : 20;
    switch (encapsulation) {
      case Encapsulation.GENEVE:
        return 38 + ip;
      case Encapsulation.VXLAN:
        return 30 + ip;
      default:
        return 0;
    }
  }

  /**
   * The largest MTU a tenant network can have on a physical network of `physicalMtu` bytes,
   * e.g. 1500 → 1442 and 9000 → 8942 for Geneve.
   */
  public static tenantMtu(physicalMtu: number, encapsulation: Encapsulation, ipv6Underlay?: boolean): number {
    check(Number.isInteger(physicalMtu) && physicalMtu >= 1280 && physicalMtu <= 9216,
      `physical MTU ${physicalMtu} must be an integer between 1280 and 9216 bytes`);
    return physicalMtu - NetworkMtu.overheadBytes(encapsulation, ipv6Underlay);
  }

  /**
   * The MTU a network gets: `requestedMtu` when given (it must be at least 1280, the IPv6 minimum, and at most
   * `maxMtu`, which Neutron enforces too: `Requested MTU is too big`), else `maxMtu`.
   * @param maxMtu the largest MTU the network can have
   * @param carrier what limits the MTU, for the message (e.g. `a geneve network on a 9000-byte underlay`)
   * @param requestedMtu the MTU asked for, if any
   */
  public static choose(maxMtu: number, carrier: string, requestedMtu?: number): number {
    if (requestedMtu === undefined) return maxMtu;
    check(Number.isInteger(requestedMtu) && requestedMtu <= maxMtu,
      () => `mtuBytes ${requestedMtu} is larger than the ${maxMtu} bytes ${carrier} allows; use ${maxMtu} or less`);
    check(requestedMtu >= 1280, () => `mtuBytes ${requestedMtu} is below 1280, the smallest MTU IPv6 works with; use 1280 to ${maxMtu}`);
    return requestedMtu;
  }
}
