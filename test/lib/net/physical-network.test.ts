import { LinkType, PhysicalNetwork } from '../../../lib/net/physical-network';

describe('PhysicalNetwork', () => {
  test('an Ethernet physnet: defaults and network_vlan_ranges', () => {
    const p = PhysicalNetwork.ethernet({ name: 'baremetal', vlanRanges: [{ min: 900, max: 949 }, { min: 700, max: 799 }] });
    expect(p).toMatchObject({ name: 'baremetal', linkType: LinkType.ETHERNET, mtuBytes: 1500, sriov: false, remoteManaged: false, baremetal: false });
    expect(p.networkVlanRanges).toBe('baremetal:700:799,baremetal:900:949');
  });

  test('an InfiniBand physnet: its own fabric by default, IPoIB 2044, VFs', () => {
    const p = PhysicalNetwork.infiniBand({ name: 'ibrail0', pkeyRanges: [{ min: 0x100, max: 0x1ff }] });
    expect(p).toMatchObject({ linkType: LinkType.INFINIBAND, fabricName: 'ibrail0', mtuBytes: 2044, sriov: true, baremetal: false });
    expect(p.networkVlanRanges).toBe('ibrail0:256:511');
  });

  test('fails when the physnet name has a separator in it', () => {
    expect(() => PhysicalNetwork.ethernet({ name: 'phys:net' })).toThrow(
      'physnet name "phys:net" must be 1-64 letters, digits, \'.\', \'_\' or \'-\' (it appears in network_vlan_ranges and bridge mappings, where ":" and "," separate fields)');
  });

  test('fails when an Ethernet MTU is beyond jumbo frames', () => {
    expect(() => PhysicalNetwork.ethernet({ name: 'p', mtuBytes: 9600 })).toThrow('physnet p MTU 9600 must be an integer between 1280 and 9216 bytes');
  });

  test('fails when an InfiniBand physnet declares no pkeys', () => {
    expect(() => PhysicalNetwork.infiniBand({ name: 'ib0', pkeyRanges: [] })).toThrow(
      'InfiniBand physnet ib0 declares no pkey ranges; give the pkeys tenants may use');
  });

  test('fails when an InfiniBand pkey range ends on the default partition', () => {
    expect(() => PhysicalNetwork.infiniBand({ name: 'ib0', pkeyRanges: [{ min: 0x100, max: 0xffff }] })).toThrow(
      'pkey 0xffff is the default partition, which every port belongs to; it isolates nothing, use another pkey');
  });
});
