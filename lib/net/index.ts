export * from './mtu';
