// constructs/policy: policy packs run over the construct tree at synthesis (cdk-nag style).
export * from './policy-rule';
export * from './policy-pack';
export * from './policy-checks';
export * from './rules/no-world-open-management-ports';
export * from './rules/port-security-only-where-required';
export * from './rules/tenant-resources-not-shared';
export * from './rules/stateful-resources-protected';
export * from './rules/no-secret-literals';
export * from './rules/images-pinned';
export * from './rules/pods-non-root-with-resources';
export * from './rules/default-deny-in-tenant-namespaces';
export * from './rules/tls-on-every-listener';
