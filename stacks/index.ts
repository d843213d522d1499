export * from './factory-stack';
export * from './serving-chart';
export * from './tenant';
export * from './ai-factory';
export * from './ai-factory-props';
export * from './ai-factory-parts';
