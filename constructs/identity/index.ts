// constructs/identity: export the public constructs of this area.
export * from './project';
