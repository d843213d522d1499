// constructs/common: what every area shares and is public API (validation and k8s helpers stay internal).
export * from './stateful';
export * from './project';
