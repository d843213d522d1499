/**
 * Helpers shared by the network constructs. Not jsii API: kept out of the barrel.
 */
import { Construct, IConstruct } from 'constructs';
import { IExternalNetwork } from './external-network';
import { INetwork } from './network';
// type-only: provider-network.ts imports this file, and a value import would close a cycle
import type { ProviderNetwork } from './provider-network';
import { NetworkRbacPolicy, RbacAction } from './rbac-policy';
import type { NetworkingSubnetV2 } from '../../generated/terraform/openstack/networking-subnet-v2';
import { NetworkCapabilities } from '../../lib/net/port-binding';
import { SubnetPlan } from '../../lib/net/subnet-plan';
import { bindings } from '../common/bindings';
import { IProject } from '../common/project';
import { invalid } from '../common/validation';

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

/** Whether `network` is a site provider network (the only external network kind that has a role). */
function isProviderNetwork(network: IExternalNetwork): network is ProviderNetwork {
  return 'role' in network && 'networkName' in network;
}

/** Fails unless `network` can be a router gateway. */
export function checkExternal(scope: IConstruct, network: IExternalNetwork): void {
  if (isProviderNetwork(network) && `${network.role}` !== 'external') {
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

/** The `Subnet` resource of a network, rendered from its address plan (gateway or none, DHCP pools, DNS). */
export function planSubnet(scope: Construct, name: string, networkId: string, plan: SubnetPlan, enableDhcp: boolean,
  project: IProject | undefined): NetworkingSubnetV2 {
  return new (bindings.networkingSubnetV2().NetworkingSubnetV2)(scope, 'Subnet', {
    name,
    networkId,
    cidr: plan.cidr,
    ipVersion: 4,
    enableDhcp,
    gatewayIp: plan.gatewayIp,
    noGateway: plan.gatewayIp === undefined ? true : undefined,
    allocationPool: plan.allocationPools.map((p) => ({ start: p.start, end: p.end })),
    dnsNameservers: plan.dnsNameservers.length > 0 ? plan.dnsNameservers : undefined,
    tenantId: project?.projectId,
  });
}
