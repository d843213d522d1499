export * from './gpu-flavor';
