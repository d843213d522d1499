// cdk-ai-factory: the public API. Everything exported here is jsii API (TypeScript and Python).
export * from './lib';
export * from './constructs/common';
export * from './constructs/compute';
export * from './constructs/network';
export * from './constructs/storage';
export * from './constructs/identity';
export * from './constructs/cluster';
export * from './constructs/accelerators';
export * from './constructs/serving';
export * from './constructs/ingress';
export * from './constructs/policy';
export * from './constructs/batch';
export * from './stacks';
