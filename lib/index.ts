// The pure domain model: hardware and model catalogs, sizing, allocation and planning. No constructs here.
// Each folder has its own barrel; export only jsii-compatible classes, interfaces and enums from them.
export * from './hardware';
export * from './models';
export * from './net';
export * from './tenancy';
export * from './storage';
export * from './accelerators';
export * from './factory';
