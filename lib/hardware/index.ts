export * from './gpu';
export * from './server';
export * from './placement';
export * from './gpu-attachment';
export * from './flavor-plan';
export * from './ironic-boot';
export * from './nova-extra-specs';
