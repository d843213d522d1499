// tenancy domain model (pure: no constructs). Export jsii-compatible classes, interfaces and enums only.
export * from './gpu-resource-class';
export * from './quota';
export * from './credential';
