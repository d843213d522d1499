import { check } from '../errors';

/** IP protocol of a security rule. */
export enum TrafficProtocol {
  /** TCP. */
  TCP = 'tcp',
  /** UDP. */
  UDP = 'udp',
  /** ICMP (`ipv6-icmp` on IPv6 rules). */
  ICMP = 'icmp',
  /** Every protocol. */
  ALL = 'all',
}

/** A well-known management service: open to the world, it is an attack surface. */
export interface ManagementService {
  /** Service name, for messages. */
  readonly name: string;
  /** Protocol. */
  readonly protocol: TrafficProtocol;
  /** First port. */
  readonly fromPort: number;
  /** Last port (inclusive). */
  readonly toPort: number;
}

/**
 * What a security rule lets through: a protocol and a port range. `TrafficPort.tcp(443)`, `TrafficPort.udpRange(…)`,
 * `TrafficPort.allTraffic()`.
 */
export class TrafficPort {
  /**
   * Management services a rule open to the world (`0.0.0.0/0`, `::/0`) may not reach without an override:
   * remote shells and consoles, the Kubernetes control plane, and BMCs.
   */
  public static readonly MANAGEMENT_SERVICES: ManagementService[] = [
    { name: 'SSH', protocol: TrafficProtocol.TCP, fromPort: 22, toPort: 22 },
    { name: 'RDP', protocol: TrafficProtocol.TCP, fromPort: 3389, toPort: 3389 },
    { name: 'VNC', protocol: TrafficProtocol.TCP, fromPort: 5900, toPort: 5900 },
    { name: 'the Kubernetes API', protocol: TrafficProtocol.TCP, fromPort: 6443, toPort: 6443 },
    { name: 'etcd', protocol: TrafficProtocol.TCP, fromPort: 2379, toPort: 2380 },
    { name: 'the kubelet API', protocol: TrafficProtocol.TCP, fromPort: 10250, toPort: 10250 },
    { name: 'IPMI', protocol: TrafficProtocol.UDP, fromPort: 623, toPort: 623 },
  ];

  /** One TCP port. */
  public static tcp(port: number): TrafficPort {
    return new TrafficPort(TrafficProtocol.TCP, port, port);
  }

  /** A range of TCP ports (inclusive). */
  public static tcpRange(fromPort: number, toPort: number): TrafficPort {
    return new TrafficPort(TrafficProtocol.TCP, fromPort, toPort);
  }

  /** Every TCP port. */
  public static allTcp(): TrafficPort {
    return new TrafficPort(TrafficProtocol.TCP, 1, 65535);
  }

  /** One UDP port. */
  public static udp(port: number): TrafficPort {
    return new TrafficPort(TrafficProtocol.UDP, port, port);
  }

  /** A range of UDP ports (inclusive). */
  public static udpRange(fromPort: number, toPort: number): TrafficPort {
    return new TrafficPort(TrafficProtocol.UDP, fromPort, toPort);
  }

  /** Every UDP port. */
  public static allUdp(): TrafficPort {
    return new TrafficPort(TrafficProtocol.UDP, 1, 65535);
  }

  /** All ICMP (ping, path MTU discovery). */
  public static icmp(): TrafficPort {
    return new TrafficPort(TrafficProtocol.ICMP, undefined, undefined);
  }

  /** Every protocol and port. */
  public static allTraffic(): TrafficPort {
    return new TrafficPort(TrafficProtocol.ALL, undefined, undefined);
  }

  /** Protocol. */
  public readonly protocol: TrafficProtocol;
  /**
   * First port.
   * @default - none (ICMP, all traffic)
   */
  public readonly fromPort?: number;
  /**
   * Last port (inclusive).
   * @default - none (ICMP, all traffic)
   */
  public readonly toPort?: number;

  private constructor(protocol: TrafficProtocol, fromPort: number | undefined, toPort: number | undefined) {
    if (fromPort !== undefined || toPort !== undefined) {
      const [a, b] = [fromPort ?? -1, toPort ?? -1];
      check(Number.isInteger(a) && Number.isInteger(b) && a >= 1 && b <= 65535 && a <= b,
        () => `port range ${fromPort}-${toPort} is not a ${protocol} port range; use ports 1 to 65535 with from <= to`);
    }
    this.protocol = protocol;
    this.fromPort = fromPort;
    this.toPort = toPort;
  }

  /** `tcp/22`, `tcp/30000-32767`, `icmp`, `all traffic`. */
  public toString(): string {
    if (this.protocol === TrafficProtocol.ALL) return 'all traffic';
    if (this.fromPort === undefined) return this.protocol;
    const ports = this.fromPort === this.toPort ? `${this.fromPort}` : `${this.fromPort}-${this.toPort}`;
    return `${this.protocol}/${ports}`;
  }

  /** The management services this port lets through (empty for most ports). */
  public managementServices(): ManagementService[] {
    return TrafficPort.MANAGEMENT_SERVICES.filter((s) => {
      if (this.protocol === TrafficProtocol.ALL) return true;
      if (this.protocol !== s.protocol || this.fromPort === undefined || this.toPort === undefined) return false;
      return this.fromPort <= s.toPort && this.toPort >= s.fromPort;
    });
  }
}
