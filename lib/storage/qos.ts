import { check } from '../errors';

/** Who enforces a Cinder QoS spec (cinder/volume/qos_specs.py `CONTROL_LOCATION`). */
export enum QosConsumer {
  /** The hypervisor, through libvirt `<iotune>`: the only choice that works for Ceph RBD. */
  FRONT_END = 'front-end',
  /** The storage back end's driver. Ceph RBD has none. */
  BACK_END = 'back-end',
  /** Both. */
  BOTH = 'both',
}

/** Limits of one QoS tier. Each is a Cinder QoS spec key (openstack/cinder doc/source/admin/basic-volume-qos.rst). */
export interface QosTierProps {
  /** Tier name, also the Cinder QoS spec name (unique in the cloud), e.g. `gold`. */
  readonly name: string;
  /**
   * Who enforces it.
   * @default QosConsumer.FRONT_END
   */
  readonly consumer?: QosConsumer;
  /** `total_iops_sec`. @default - none */
  readonly totalIopsSec?: number;
  /** `read_iops_sec`. @default - none */
  readonly readIopsSec?: number;
  /** `write_iops_sec`. @default - none */
  readonly writeIopsSec?: number;
  /** `total_bytes_sec`. @default - none */
  readonly totalBytesSec?: number;
  /** `read_bytes_sec`. @default - none */
  readonly readBytesSec?: number;
  /** `write_bytes_sec`. @default - none */
  readonly writeBytesSec?: number;
  /** `total_iops_sec_max` (burst). @default - none */
  readonly totalIopsSecMax?: number;
  /** `read_iops_sec_max` (burst). @default - none */
  readonly readIopsSecMax?: number;
  /** `write_iops_sec_max` (burst). @default - none */
  readonly writeIopsSecMax?: number;
  /** `total_bytes_sec_max` (burst). @default - none */
  readonly totalBytesSecMax?: number;
  /** `read_bytes_sec_max` (burst). @default - none */
  readonly readBytesSecMax?: number;
  /** `write_bytes_sec_max` (burst). @default - none */
  readonly writeBytesSecMax?: number;
  /** `total_iops_sec_per_gb`: IOPS that scale with the volume size. @default - none */
  readonly totalIopsSecPerGb?: number;
  /** `total_bytes_sec_per_gb`: throughput that scales with the volume size. @default - none */
  readonly totalBytesSecPerGb?: number;
  /** `size_iops_sec`: the I/O size in bytes used to normalise IOPS. @default - none */
  readonly sizeIopsSec?: number;
}

type Key = Exclude<keyof QosTierProps, 'name' | 'consumer'>;

const KEYS: Array<[Key, string]> = [
  ['totalIopsSec', 'total_iops_sec'],
  ['readIopsSec', 'read_iops_sec'],
  ['writeIopsSec', 'write_iops_sec'],
  ['totalBytesSec', 'total_bytes_sec'],
  ['readBytesSec', 'read_bytes_sec'],
  ['writeBytesSec', 'write_bytes_sec'],
  ['totalIopsSecMax', 'total_iops_sec_max'],
  ['readIopsSecMax', 'read_iops_sec_max'],
  ['writeIopsSecMax', 'write_iops_sec_max'],
  ['totalBytesSecMax', 'total_bytes_sec_max'],
  ['readBytesSecMax', 'read_bytes_sec_max'],
  ['writeBytesSecMax', 'write_bytes_sec_max'],
  ['totalIopsSecPerGb', 'total_iops_sec_per_gb'],
  ['totalBytesSecPerGb', 'total_bytes_sec_per_gb'],
  ['sizeIopsSec', 'size_iops_sec'],
];

/** Each total and the read/write pair it may not be combined with. */
const TOTALS: Array<[Key, Key, Key]> = [
  ['totalIopsSec', 'readIopsSec', 'writeIopsSec'],
  ['totalBytesSec', 'readBytesSec', 'writeBytesSec'],
  ['totalIopsSecMax', 'readIopsSecMax', 'writeIopsSecMax'],
  ['totalBytesSecMax', 'readBytesSecMax', 'writeBytesSecMax'],
];

/** Each burst limit and the sustained limit it must not be below. */
const BURSTS: Array<[Key, Key]> = [
  ['totalIopsSecMax', 'totalIopsSec'],
  ['readIopsSecMax', 'readIopsSec'],
  ['writeIopsSecMax', 'writeIopsSec'],
  ['totalBytesSecMax', 'totalBytesSec'],
  ['readBytesSecMax', 'readBytesSec'],
  ['writeBytesSecMax', 'writeBytesSec'],
];

const specKey = (k: Key): string => KEYS.find(([p]) => p === k)![1];

/**
 * A Cinder QoS tier (IOPS and throughput limits), validated against Cinder's rules: a `total_*` limit cannot be
 * combined with the matching `read_*`/`write_*` limits (libvirt's `<iotune>` rejects the combination), a burst
 * (`_max`) is at least its sustained limit, and every limit is a positive integer
 * (openstack/cinder doc/source/admin/basic-volume-qos.rst, capacity-based-qos.rst).
 */
export class QosTier {
  /** A tier with the given limits. */
  public static of(props: QosTierProps): QosTier {
    return new QosTier(props);
  }

  /** Tier (and QoS spec) name. */
  public readonly name: string;
  /** Who enforces it. */
  public readonly consumer: QosConsumer;
  /** The Cinder QoS spec keys and values, sorted by key. */
  public readonly specs: { [key: string]: string };

  private constructor(props: QosTierProps) {
    check(/^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/.test(props.name),
      `QoS tier name ${JSON.stringify(props.name)} must be 1 to 255 letters, digits, dots, dashes or underscores`);
    this.name = props.name;
    this.consumer = props.consumer ?? QosConsumer.FRONT_END;
    const given = KEYS.filter(([k]) => props[k] !== undefined);
    check(given.length > 0, `QoS tier ${props.name} sets no limit; give at least one IOPS or throughput limit`);
    for (const [k, key] of given) {
      const v = props[k]!;
      check(Number.isInteger(v) && v > 0, `QoS tier ${props.name}: ${key} ${v} must be a positive integer`);
    }
    for (const [total, read, write] of TOTALS) {
      const t = props[total];
      const parts = [read, write].filter((k) => props[k] !== undefined);
      if (t !== undefined && parts.length > 0) {
        const split = parts.map((k) => `${specKey(k)} ${props[k]}`).join(' and ');
        check(false,
          `QoS tier ${props.name}: ${specKey(total)} ${t} is combined with ${split}; Cinder does not allow a total together with ` +
          `its read/write limits (libvirt rejects ${specKey(total)} with ${specKey(read)}/${specKey(write)}); give either the total or the read and write limits`);
      }
    }
    for (const [burst, base] of BURSTS) {
      const b = props[burst];
      const s = props[base];
      if (b !== undefined && s !== undefined) {
        check(b >= s, `QoS tier ${props.name}: ${specKey(burst)} ${b} is below ${specKey(base)} ${s}; a burst limit must be at least the sustained limit`);
      }
    }
    const specs: { [key: string]: string } = {};
    for (const [k, key] of [...given].sort(([, a], [, b]) => a.localeCompare(b))) specs[key] = String(props[k]);
    this.specs = specs;
  }
}
