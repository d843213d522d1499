export * from './factory-stack';
export * from './serving-chart';
export * from './tenant';
