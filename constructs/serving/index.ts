export * from './model-source';
export * from './inference-pool';
export * from './autoscaling';
export * from './vllm-server';
export * from './releases';
