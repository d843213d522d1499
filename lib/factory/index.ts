export * from './factory-plan';
export * from './deploy-order';
