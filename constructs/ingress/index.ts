// constructs/ingress: export the public constructs of this area.
export * from './options';
export * from './ai-gateway';
export * from './gateway-ports';
