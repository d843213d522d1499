export * from './gpu';
export * from './server';
export * from './flavor-plan';
