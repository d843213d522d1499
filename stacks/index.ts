export * from './factory-stack';
export * from './factory-tenant';
export * from './serving-chart';
export * from './tenant';
