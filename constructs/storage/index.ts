// constructs/storage: export the public constructs of this area.
// The data-safety mechanism (constructs/common/stateful.ts) is public API too; it is exported from here because
// constructs/common has no barrel of its own.
export * from '../common/stateful';
export * from './volume-type';
export * from './volume';
export * from './share-type-catalog';
export * from './share';
export * from './bucket';
export * from './model-store';
export * from './model-store-claim';
