// constructs/accelerators: export the public constructs of this area.
export * from './gpu-node-pool';
export * from './gpu-operator-policy';
