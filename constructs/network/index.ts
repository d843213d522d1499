export * from './external-network';
export * from './tenant-network';
