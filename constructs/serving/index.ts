export * from './vllm-server';
