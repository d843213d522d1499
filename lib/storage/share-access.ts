import { Address4 } from 'ip-address';
import { check, fail, oneOf } from '../errors';
import { ShareAccessLevel, ShareAccessType, ShareType } from './share-type';

/**
 * One Manila access rule: who may mount a share and how (openstack/manila doc/source/configuration/shared-file-systems/drivers/cephfs_driver.rst).
 *
 * - `cephx`: a Ceph client name, without the `client.` prefix. Manila refuses names with periods (so that nobody
 *   writes `client.alice` and gets `client.client.alice`), and the name must not be the driver's own auth ID
 *   (`manila` by default). The rule's computed `access_key` is the client's secret.
 * - `ip`: an IPv4 address or CIDR, the clients as NFS-Ganesha sees them (no NAT in between).
 */
export class ShareAccessRule {
  /** A cephx client, e.g. `ShareAccessRule.cephx('training')`. */
  public static cephx(cephxId: string, level?: ShareAccessLevel): ShareAccessRule {
    if (cephxId.startsWith('client.')) {
      fail(`cephx id ${JSON.stringify(cephxId)} must not carry the client. prefix; Manila adds it, use ${JSON.stringify(cephxId.slice('client.'.length))}`);
    }
    check(/^[A-Za-z0-9_-]{1,64}$/.test(cephxId),
      `cephx id ${JSON.stringify(cephxId)} must be 1 to 64 letters, digits, dashes or underscores (Manila refuses periods in Ceph IDs)`);
    check(cephxId !== 'manila', 'cephx id "manila" is the Manila CephFS driver\'s own auth ID; give the clients their own id');
    return new ShareAccessRule(ShareAccessType.CEPHX, cephxId, level ?? ShareAccessLevel.READ_WRITE);
  }

  /** NFS clients by IPv4 address or CIDR, e.g. `ShareAccessRule.ip('10.20.0.0/24')`. */
  public static ip(cidr: string, level?: ShareAccessLevel): ShareAccessRule {
    const withMask = cidr.includes('/') ? cidr : `${cidr}/32`;
    check(Address4.isValid(withMask), `NFS client ${JSON.stringify(cidr)} is not an IPv4 address or CIDR; use e.g. 10.20.0.0/24`);
    const a = new Address4(withMask);
    check(a.startAddress().address === a.addressMinusSuffix,
      `NFS client CIDR ${cidr} has host bits set; use ${a.startAddress().address}/${a.subnetMask}`);
    return new ShareAccessRule(ShareAccessType.IP, withMask, level ?? ShareAccessLevel.READ_WRITE);
  }

  /** Whether an IPv4 CIDR lies inside one of the given subnets. */
  public static cidrWithin(cidr: string, subnets: string[]): boolean {
    const inner = new Address4(cidr);
    return subnets.some((s) => Address4.isValid(s) && inner.isInSubnet(new Address4(s)));
  }

  /** `access_type`. */
  public readonly accessType: ShareAccessType;
  /** `access_to`: a cephx id or a CIDR. */
  public readonly accessTo: string;
  /** `access_level`. */
  public readonly accessLevel: ShareAccessLevel;

  private constructor(accessType: ShareAccessType, accessTo: string, accessLevel: ShareAccessLevel) {
    this.accessType = accessType;
    this.accessTo = accessTo;
    this.accessLevel = accessLevel;
  }

  /** Checks the rule against what a share type accepts; throws when the backend would refuse it. */
  public checkFor(shareType: ShareType): void {
    check(shareType.accessTypes.includes(this.accessType),
      `${this.accessType === ShareAccessType.IP ? 'an' : 'a'} ${this.accessType} rule (${this.accessTo}) cannot be added to a share of type ` +
      `${shareType.name} (${shareType.protocol}), which accepts only ${oneOf(shareType.accessTypes)} access` +
      (this.accessType === ShareAccessType.CEPHX ? '; use ShareAccessRule.ip(cidr) for NFS clients' : '') +
      (this.accessType === ShareAccessType.IP && shareType.accessTypes.includes(ShareAccessType.CEPHX) ? '; use ShareAccessRule.cephx(id) for CephFS clients' : ''));
  }
}
