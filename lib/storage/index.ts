// storage domain model (pure: no constructs). Export jsii-compatible classes, interfaces and enums only.
export {};
