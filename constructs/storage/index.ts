// constructs/storage: export the public constructs of this area.
export * from './volume-type';
export * from './volume';
export * from './share-type-catalog';
export * from './share';
export * from './bucket';
export * from './model-store';
export * from './model-store-claim';
