/**
 * Helpers shared by the network constructs. Not jsii API: kept out of the barrel.
 */
import { Construct, IConstruct } from 'constructs';
import { IExternalNetwork } from './external-network';
import { INetwork } from './network';
import { ProviderNetwork, ProviderNetworkRole } from './provider-network';
import { NetworkRbacPolicy, RbacAction } from './rbac-policy';
import { NetworkCapabilities } from '../../lib/net/port-binding';
import { invalid } from '../common/validation';
import { IProject } from '../identity/project';

/** Capabilities of a network nobody declared anything for. */
export function noCapabilities(declaredBy: string): NetworkCapabilities {
  return { sriov: false, remoteManaged: false, baremetal: false, declaredBy };
}

/** The project a resource belongs to: `given`, else `inherited`; fails when both are given and differ. */
export function projectOf(scope: IConstruct, given: IProject | undefined, inherited: IProject | undefined, from: string): IProject | undefined {
  if (given && inherited && given !== inherited) {
    invalid(scope, `project ${given.projectName} differs from ${inherited.projectName}, the project of ${from}; leave project out or use the same`);
  }
  return given ?? inherited;
}

/** A construct id made of letters and digits from a free-form label. */
export function idFrom(label: string): string {
  const words = label.split(/[^A-Za-z0-9]+/).filter((w) => w.length > 0);
  return words.map((w) => w[0].toUpperCase() + w.slice(1)).join('') || 'X';
}

/** Fails unless `network` can be a router gateway. */
export function checkExternal(scope: IConstruct, network: IExternalNetwork): void {
  if (network instanceof ProviderNetwork && network.role !== ProviderNetworkRole.EXTERNAL) {
    invalid(scope, `provider network ${network.networkName} is a ${network.role} network, not an external one; `
      + 'router gateways need a ProviderNetwork with role EXTERNAL');
  }
}

/** Shares `network` with `project` once (one RBAC policy per project, a child of the network). */
export function shareNetwork(network: INetwork & Construct, shares: Map<string, NetworkRbacPolicy>, project: IProject,
  owner: IProject | undefined): NetworkRbacPolicy {
  const existing = shares.get(project.node.path);
  if (existing) return existing;
  const policy = new NetworkRbacPolicy(network, `SharedWith${idFrom(project.node.id)}`, {
    network,
    targetProject: project,
    ownerProject: owner,
    action: RbacAction.ACCESS_AS_SHARED,
  });
  shares.set(project.node.path, policy);
  return policy;
}
