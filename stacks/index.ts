export * from './factory-stack';
export * from './factory-tenant';
export * from './serving-chart';
export * from './state-backend';
export * from './tenant';
export * from './ai-factory';
export * from './ai-factory-props';
export * from './ai-factory-parts';
