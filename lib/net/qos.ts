import { check, oneOf } from '../errors';

/** Direction of a QoS rule, seen from the port (egress = out of the VM). */
export enum QosDirection {
  /** Traffic leaving the port (Neutron's default). */
  EGRESS = 'egress',
  /** Traffic entering the port. */
  INGRESS = 'ingress',
}

/**
 * Limits of Neutron QoS rules (openstack/neutron-lib `neutron_lib/constants.py` VALID_DSCP_MARKS,
 * `neutron_lib/db/constants.py` DB_INTEGER_MAX_VALUE, `neutron_lib/services/qos/constants.py`).
 */
export class QosLimits {
  /** Valid DSCP marks (`VALID_DSCP_MARKS`). */
  public static readonly DSCP_MARKS: number[] = [0, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38, 40, 44, 46, 48, 56];
  /** Largest rate or burst value, in kbps or kilobits (2^31 - 1). */
  public static readonly MAX_KBPS = 2 ** 31 - 1;

  /** Throws unless `mark` is a DSCP mark Neutron accepts. */
  public static checkDscpMark(mark: number): void {
    check(QosLimits.DSCP_MARKS.includes(mark),
      () => `DSCP mark ${mark} is not one Neutron accepts; use ${oneOf(QosLimits.DSCP_MARKS)} (e.g. 46 for EF, 26 for AF31)`);
  }

  /** Throws unless `value` is a whole number of kbps (kilobits) in 1..2^31-1 (0 allowed when `zeroAllowed`). */
  public static checkKbps(field: string, value: number, zeroAllowed = false): void {
    const min = zeroAllowed ? 0 : 1;
    check(Number.isInteger(value) && value >= min && value <= QosLimits.MAX_KBPS,
      () => `${field} ${value} must be a whole number from ${min} to ${QosLimits.MAX_KBPS} (kilobits per second; 100 Gbit/s = 100000000)`);
  }

  private constructor() {}
}
