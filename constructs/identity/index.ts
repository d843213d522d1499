// constructs/identity: export the public constructs of this area.
export * from './project';
export * from './role-assignments';
export * from './nova-limits';
export * from './project-quotas';
export * from './tenant';
export * from './application-credential';
