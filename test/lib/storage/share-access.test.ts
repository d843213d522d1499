import { ShareAccessRule } from '../../../lib/storage/share-access';
import { ShareAccessLevel, ShareType } from '../../../lib/storage/share-type';

describe('ShareAccessRule', () => {
  test('cephx and ip rules, read-write by default', () => {
    expect(ShareAccessRule.cephx('training')).toMatchObject({ accessType: 'cephx', accessTo: 'training', accessLevel: 'rw' });
    expect(ShareAccessRule.ip('10.20.0.0/24', ShareAccessLevel.READ_ONLY)).toMatchObject({ accessType: 'ip', accessTo: '10.20.0.0/24', accessLevel: 'ro' });
    expect(ShareAccessRule.ip('10.20.0.7').accessTo).toBe('10.20.0.7/32');
  });

  test('cidrWithin checks containment in one of the subnets', () => {
    expect(ShareAccessRule.cidrWithin('10.20.0.0/25', ['10.20.0.0/24'])).toBe(true);
    expect(ShareAccessRule.cidrWithin('10.20.0.0/23', ['10.20.0.0/24'])).toBe(false);
    expect(ShareAccessRule.cidrWithin('10.21.0.0/24', ['10.20.0.0/24', '10.21.0.0/16'])).toBe(true);
  });

  test('fails when a cephx rule is put on an NFS share', () => {
    expect(() => ShareAccessRule.cephx('alice').checkFor(ShareType.cephfsNfs())).toThrow(
      'a cephx rule (alice) cannot be added to a share of type cephfs-nfs (NFS), which accepts only ip access; use ShareAccessRule.ip(cidr) for NFS clients',
    );
  });

  test('fails when an IP rule is put on a native CephFS share', () => {
    expect(() => ShareAccessRule.ip('10.0.0.0/24').checkFor(ShareType.cephfsNative())).toThrow(
      'an ip rule (10.0.0.0/24) cannot be added to a share of type cephfs (CEPHFS), which accepts only cephx access; use ShareAccessRule.cephx(id) for CephFS clients',
    );
  });

  test('fails when the cephx id carries the client. prefix', () => {
    expect(() => ShareAccessRule.cephx('client.alice')).toThrow('cephx id "client.alice" must not carry the client. prefix; Manila adds it, use "alice"');
  });

  test('fails when the cephx id has a period or is the driver\'s own id', () => {
    expect(() => ShareAccessRule.cephx('a.b')).toThrow('cephx id "a.b" must be 1 to 64 letters, digits, dashes or underscores (Manila refuses periods in Ceph IDs)');
    expect(() => ShareAccessRule.cephx('manila')).toThrow('cephx id "manila" is the Manila CephFS driver\'s own auth ID; give the clients their own id');
  });

  test('fails when an NFS client is not an IPv4 CIDR or has host bits set', () => {
    expect(() => ShareAccessRule.ip('everyone')).toThrow('NFS client "everyone" is not an IPv4 address or CIDR; use e.g. 10.20.0.0/24');
    expect(() => ShareAccessRule.ip('10.20.0.5/24')).toThrow('NFS client CIDR 10.20.0.5/24 has host bits set; use 10.20.0.0/24');
  });
});
