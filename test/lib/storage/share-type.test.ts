import { ShareAccessType, ShareProtocol, ShareType } from '../../../lib/storage/share-type';

describe('ShareType', () => {
  test('CephFS native: DHSS false, cephx access, Ceph vendor and CEPHFS protocol specs', () => {
    const t = ShareType.cephfsNative();
    expect(t.name).toBe('cephfs');
    expect(t.driverHandlesShareServers).toBe(false);
    expect(t.accessTypes).toEqual([ShareAccessType.CEPHX]);
    expect(t.extraSpecs).toEqual({
      create_share_from_snapshot_support: 'false',
      driver_handles_share_servers: 'false',
      mount_snapshot_support: 'false',
      revert_to_snapshot_support: 'false',
      snapshot_support: 'true',
      storage_protocol: 'CEPHFS',
      vendor_name: 'Ceph',
    });
  });

  test('the create command puts name and DHSS first, extra specs last, and quotes what needs it', () => {
    expect(ShareType.cephfsNfs({ description: "Ganesha's NFS" }).createCommand()).toBe(
      'openstack share type create cephfs-nfs false --snapshot-support true --create-share-from-snapshot-support false ' +
        "--revert-to-snapshot-support false --mount-snapshot-support false --public true --description 'Ganesha'\\''s NFS' " +
        '--extra-specs storage_protocol=NFS vendor_name=Ceph',
    );
    expect(ShareType.cephfsNative().bootstrapCommand()).toMatch(/^openstack share type show cephfs >\/dev\/null 2>&1 \|\| openstack share type create cephfs false /);
  });

  test('a custom DHSS=True type with size limits', () => {
    const t = ShareType.custom({ name: 'netapp-nfs', driverHandlesShareServers: true, protocol: ShareProtocol.NFS, minShareSizeGb: 10, maxShareSizeGb: 5000, isPublic: false });
    expect(t.extraSpecs['provisioning:max_share_size']).toBe('5000');
    expect(t.createCommand()).toContain('netapp-nfs true ');
    expect(t.createCommand()).toContain('--public false');
  });

  test('fails when native CephFS is declared with IP access', () => {
    expect(() => ShareType.custom({ name: 'x', driverHandlesShareServers: false, protocol: ShareProtocol.CEPHFS, accessTypes: [ShareAccessType.IP] })).toThrow(
      'share type x: native CephFS accepts only cephx access (openstack/manila doc/source/configuration/shared-file-systems/drivers/cephfs_driver.rst); got ip',
    );
  });

  test('fails when a spec set through a prop is repeated in extraSpecs', () => {
    expect(() => ShareType.cephfsNative({ extraSpecs: { snapshot_support: 'False' } })).toThrow(
      'share type cephfs: extra spec snapshot_support is set through its own prop; remove it from extraSpecs',
    );
  });

  test('sameAs compares capabilities, not identity', () => {
    expect(ShareType.cephfsNative().sameAs(ShareType.cephfsNative())).toBe(true);
    expect(ShareType.cephfsNative().sameAs(ShareType.cephfsNative({ snapshotSupport: false }))).toBe(false);
  });
});
