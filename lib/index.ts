// The pure domain model: hardware and model catalogs, sizing and planning. No constructs here.
export * from './hardware/gpu';
export * from './hardware/server';
export * from './hardware/flavor-plan';
export * from './models/llm';
export * from './models/serving-plan';
export * from './net/mtu';
