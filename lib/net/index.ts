// lib/net: network arithmetic and allocation (pure). Helper modules (ipv4, id-pool, binding-rules) are not jsii API.
export * from './allocation';
export * from './cidr-allocator';
export * from './mtu';
export * from './physical-network';
export * from './port-binding';
export * from './qos';
export * from './segmentation';
export * from './subnet-plan';
export * from './traffic';
