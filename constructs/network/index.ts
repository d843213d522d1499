// constructs/network: tenant networks (OVN, VLAN, InfiniBand), ports, QoS, security groups, RBAC, site networks.
// internal.ts holds helpers that are not jsii API.
export * from './external-network';
export * from './infiniband-network';
export * from './network';
export * from './network-site';
export * from './port';
export * from './provider-network';
export * from './qos-policy';
export * from './rbac-policy';
export * from './router';
export * from './security-group';
export * from './tenant-network';
export * from './trunk';
