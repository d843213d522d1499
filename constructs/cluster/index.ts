// constructs/cluster: export the public constructs of this area.
export * from './tenant-namespace';
export * from './tenant-cloud';
export * from './cluster-image';
export * from './existing-flavor';
export * from './cluster-template';
export * from './node-group';
export * from './magnum-cluster';
export * from './node-group-labeler';
export * from './cluster-manifests';
