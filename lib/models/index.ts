export * from './llm';
export * from './serving-plan';
