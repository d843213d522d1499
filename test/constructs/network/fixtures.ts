/**
 * A small site for the network construct tests: an overlay on a 9000-byte underlay, a bare-metal VLAN physnet with
 * SR-IOV, a plain VLAN physnet, a provider physnet and two InfiniBand rails on one fabric.
 */
import { Construct } from 'constructs';
import { IProject } from '../../../constructs/common/project';
import { NetworkSite, NetworkSiteProps } from '../../../constructs/network/network-site';
import { PhysicalNetwork } from '../../../lib/net/physical-network';
import { FactoryStack } from '../../../stacks/factory-stack';
import { testStack } from '../../util';

export const baremetal = () => PhysicalNetwork.ethernet({ name: 'baremetal', mtuBytes: 9000, vlanRanges: [{ min: 700, max: 799 }], baremetal: true, sriov: true });
export const plainVlan = () => PhysicalNetwork.ethernet({ name: 'tenant-vlan', mtuBytes: 9000, vlanRanges: [{ min: 2000, max: 2099 }] });
export const provider = () => PhysicalNetwork.ethernet({ name: 'provider', mtuBytes: 1500, vlanRanges: [{ min: 100, max: 199 }] });
export const rail = (i: number) => PhysicalNetwork.infiniBand({ name: `ibrail${i}`, fabricName: 'gpu', pkeyRanges: [{ min: 0x100, max: 0x1ff }], reservedPkeys: [0x1ff], mtuBytes: 4092 });

export interface Fixture {
  readonly stack: FactoryStack;
  readonly site: NetworkSite;
}

/** A test stack with a site. */
export function siteFixture(props: Partial<NetworkSiteProps> = {}): Fixture {
  const stack = testStack();
  const site = new NetworkSite(stack, 'Site', {
    tenantSupernet: '10.64.0.0/10',
    overlayUnderlayMtuBytes: 9000,
    physicalNetworks: [baremetal(), plainVlan(), provider(), rail(0), rail(1)],
    ...props,
  });
  return { stack, site };
}

/** A stand-in Keystone project (the identity room owns the real one). */
export class FakeProject extends Construct implements IProject {
  public readonly projectId: string;
  public readonly projectName: string;
  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.projectName = id.toLowerCase();
    this.projectId = `${this.projectName}-id`;
  }
}
