import { siteFixture } from './fixtures';
import { NetworkPort } from '../../../constructs/network/port';
import { TenantNetwork } from '../../../constructs/network/tenant-network';
import { NetworkTrunk } from '../../../constructs/network/trunk';
import { VnicType } from '../../../lib/net/port-binding';
import { onlyResource, synthStack } from '../../util';

function trunkFixture() {
  const { stack, site } = siteFixture();
  const tenant = site.addTenant('acme');
  const physicalNetwork = site.physicalNetwork('baremetal');
  const parentNet = new TenantNetwork(stack, 'Prov', { tenant, physicalNetwork, vlanId: 701 });
  const storage = new TenantNetwork(stack, 'Storage', { tenant, physicalNetwork, vlanId: 702 });
  const overlay = new TenantNetwork(stack, 'Overlay', { tenant });
  const parent = new NetworkPort(stack, 'Parent', { network: parentNet, vnicType: VnicType.BAREMETAL });
  const sub = new NetworkPort(stack, 'Sub', { network: storage, vnicType: VnicType.BAREMETAL });
  const trunk = new NetworkTrunk(stack, 'Trunk', { parentPort: parent });
  return { stack, trunk, parent, sub, overlay };
}

describe('NetworkTrunk', () => {
  test('a sub-port on a VLAN network inherits its VLAN id', () => {
    const { stack, trunk, sub } = trunkFixture();
    trunk.addSubPort(sub);
    expect(trunk.subPortCount).toBe(1);
    expect(onlyResource(synthStack(stack), 'openstack_networking_trunk_v2')).toEqual({
      name: 'trunk',
      port_id: expect.stringContaining('openstack_networking_port_v2.Parent_'),
      admin_state_up: true,
      sub_port: [{ port_id: expect.stringContaining('openstack_networking_port_v2.Sub_'), segmentation_id: 702, segmentation_type: 'vlan' }],
    });
  });

  test('fails when a sub-port on an overlay has no VLAN tag', () => {
    const { stack, trunk, overlay } = trunkFixture();
    const port = new NetworkPort(stack, 'Vm', { network: overlay });
    expect(() => trunk.addSubPort(port)).toThrow('test/Trunk: sub-port vm on geneve network overlay needs a segmentationId: the VLAN tag the guest uses for it');
  });

  test('fails when two sub-ports share a tag', () => {
    const { stack, trunk, sub, overlay } = trunkFixture();
    trunk.addSubPort(sub);
    const port = new NetworkPort(stack, 'Vm', { network: overlay });
    expect(() => trunk.addSubPort(port, 702)).toThrow('test/Trunk: VLAN 702 is already the tag of sub-port sub; each sub-port needs its own tag');
  });

  test('fails when the parent is added as a sub-port or the tag is not a VLAN id', () => {
    const { trunk, parent, sub } = trunkFixture();
    expect(() => trunk.addSubPort(parent)).toThrow("test/Trunk: port parent is the trunk's parent; it cannot also be a sub-port");
    expect(() => trunk.addSubPort(sub, 4095)).toThrow('test/Trunk: segmentationId 4095 of sub-port sub is not a VLAN id; use 1 to 4094');
  });
});
