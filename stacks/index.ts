export * from './factory-stack';
export * from './serving-chart';
