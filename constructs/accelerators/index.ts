// constructs/accelerators: export the public constructs of this area.
export * from './gpu-node-pool';
export * from './gpu-operator-policy';
export * from './infiniband-fabric';
export * from './rdma-pod-wiring';
export * from './amd-gpu';
