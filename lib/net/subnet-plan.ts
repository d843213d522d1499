import { addressText, containsAddress, parseAddress, parseCidr, parseCidrRange } from './ipv4';
import { check, fail } from '../errors';

/** An inclusive range of IPv4 addresses. */
export interface Ipv4Range {
  /** First address. */
  readonly start: string;
  /** Last address (inclusive). */
  readonly end: string;
}

/** Input of {@link SubnetPlanner.plan}. */
export interface SubnetPlanOptions {
  /** IPv4 CIDR of the subnet. */
  readonly cidr: string;
  /**
   * Whether the subnet has a gateway (DHCP hands it out as the default route).
   * @default true
   */
  readonly gateway?: boolean;
  /**
   * The gateway address; needs `gateway`.
   * @default - the first host address, as Neutron does
   */
  readonly gatewayIp?: string;
  /**
   * Host addresses kept out of DHCP for static use (VIPs, MetalLB, keepalived), taken at the start of the subnet
   * after the gateway.
   * @default 0
   */
  readonly reservedAddressCount?: number;
  /**
   * DNS servers handed out by DHCP (Neutron accepts at most 5 by default, `max_dns_nameservers`).
   * @default - none
   */
  readonly dnsNameservers?: string[];
}

/** The address plan of one subnet. */
export interface SubnetPlan {
  /** The subnet's CIDR. */
  readonly cidr: string;
  /**
   * The gateway address.
   * @default - none: the subnet has no gateway
   */
  readonly gatewayIp?: string;
  /** DHCP allocation pools. */
  readonly allocationPools: Ipv4Range[];
  /**
   * Addresses kept for static use.
   * @default - none
   */
  readonly reservedRange?: Ipv4Range;
  /** Addresses DHCP can hand out. */
  readonly dhcpAddressCount: number;
  /** DNS servers. */
  readonly dnsNameservers: string[];
}

/**
 * Plans a subnet's addresses: validates the CIDR (a /29 or larger: network, gateway, broadcast and Neutron's DHCP
 * port must leave room for hosts), places the gateway, and splits the remaining host addresses into a reserved
 * static block and the DHCP allocation pools. Address arithmetic comes from the `ip-address` library.
 */
export class SubnetPlanner {
  /** Neutron's default `max_dns_nameservers`. */
  public static readonly MAX_DNS_NAMESERVERS = 5;

  /** Plans the subnet. */
  public static plan(options: SubnetPlanOptions): SubnetPlan {
    const { first, last, prefixLength } = parseCidrRange(options.cidr);
    check(prefixLength <= 29,
      () => `cidr ${options.cidr} is too small for a DHCP subnet (a /${prefixLength}); use /29 or larger`);
    const firstHost = first + 1;
    const lastHost = last - 1;

    let gateway: number | undefined;
    if (options.gatewayIp !== undefined) {
      check(options.gateway !== false, () => `gatewayIp ${options.gatewayIp} is given but the subnet has no gateway; drop one of them`);
      const gw = parseAddress(options.gatewayIp, 'gatewayIp');
      check(containsAddress(parseCidr(options.cidr), gw), () => `gatewayIp ${options.gatewayIp} is outside ${options.cidr}; use an address inside it`);
      gateway = Number(gw.bigInt());
      check(gateway !== first && gateway !== last,
        () => `gatewayIp ${options.gatewayIp} is the network or broadcast address of ${options.cidr}; use a host address`);
    } else if (options.gateway ?? true) {
      gateway = firstHost;
    }

    const reserved = options.reservedAddressCount ?? 0;
    check(Number.isInteger(reserved) && reserved >= 0, () => `reservedAddressCount ${reserved} must be a whole number of addresses`);
    // host addresses other than the gateway, in order; the first `reserved` of them are kept for static use
    const pools: Array<[number, number]> = gateway === undefined ? [[firstHost, lastHost]]
      : [[firstHost, gateway - 1] as [number, number], [gateway + 1, lastHost] as [number, number]].filter(([a, b]) => a <= b);
    const hostCount = pools.reduce((n, [a, b]) => n + b - a + 1, 0);
    // keep at least 2 addresses for DHCP: Neutron's DHCP port takes one of them
    if (reserved > hostCount - 2) {
      fail(`reservedAddressCount ${reserved} leaves fewer than 2 addresses for DHCP in ${options.cidr} (${hostCount} host addresses `
        + `besides the gateway); reserve at most ${Math.max(0, hostCount - 2)} or use a larger subnet`);
    }
    let toReserve = reserved;
    let reservedRange: Ipv4Range | undefined;
    const dhcp: Array<[number, number]> = [];
    for (const [a, b] of pools) {
      const take = Math.min(toReserve, b - a + 1);
      if (take > 0 && reservedRange === undefined) reservedRange = { start: addressText(a), end: addressText(a + take - 1) };
      else if (take > 0) reservedRange = { start: reservedRange!.start, end: addressText(a + take - 1) };
      toReserve -= take;
      if (a + take <= b) dhcp.push([a + take, b]);
    }

    const dns = options.dnsNameservers ?? [];
    check(dns.length <= SubnetPlanner.MAX_DNS_NAMESERVERS,
      () => `${dns.length} DNS servers are more than the ${SubnetPlanner.MAX_DNS_NAMESERVERS} Neutron accepts by default (max_dns_nameservers); give at most 5`);
    dns.forEach((d) => parseAddress(d, 'DNS server'));
    const dup = dns.find((d, i) => dns.indexOf(d) !== i);
    check(dup === undefined, () => `DNS server ${dup} is listed twice; Neutron rejects duplicate nameservers`);

    return {
      cidr: options.cidr,
      gatewayIp: gateway === undefined ? undefined : addressText(gateway),
      allocationPools: dhcp.map(([a, b]) => ({ start: addressText(a), end: addressText(b) })),
      reservedRange,
      dhcpAddressCount: dhcp.reduce((n, [a, b]) => n + b - a + 1, 0),
      dnsNameservers: [...dns],
    };
  }

  private constructor() {}
}
