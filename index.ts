// cdk-ai-factory: the public API. Everything exported here is jsii API (TypeScript and Python).
export * from './lib';
export * from './constructs/compute';
export * from './constructs/network';
export * from './constructs/serving';
export * from './stacks';
