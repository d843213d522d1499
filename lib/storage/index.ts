// storage domain model (pure: no constructs). Export jsii-compatible classes, interfaces and enums only.
export * from './qos';
export * from './block-backend';
export * from './share-type';
export * from './share-access';
export * from './object-storage';
