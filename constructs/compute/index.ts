// constructs/compute: Ironic bare-metal nodes and pools, bare-metal and GPU flavors, server groups.
export * from './bmc';
export * from './baremetal-node';
export * from './baremetal-node-pool';
export * from './baremetal-deployment';
export * from './baremetal-flavor';
export * from './gpu-flavor';
export * from './gpu-flavor-family';
export * from './nova-pci-aliases';
export * from './server-group';
