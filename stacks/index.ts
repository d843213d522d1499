export * from './factory-stack';
export * from './factory-tenant';
export * from './serving-chart';
export * from './state-backend';
export * from './tenant';
