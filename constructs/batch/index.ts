// constructs/batch: export the public constructs of this area.
export * from './kueue';
export * from './batch-job';
