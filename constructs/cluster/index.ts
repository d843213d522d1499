// constructs/cluster: export the public constructs of this area.
export * from './tenant-namespace';
