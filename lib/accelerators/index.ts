// accelerators domain model (pure: no constructs). Export jsii-compatible classes, interfaces and enums only.
export * from './names';
export * from './mig-geometry';
export { GpuSharingMode } from './gpu-sharing';
