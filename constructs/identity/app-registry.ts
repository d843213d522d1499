import { IConstruct } from 'constructs';

/**
 * Names that must be unique across a whole app (every stack of it), e.g. Keystone project names per domain or
 * Cinder QoS spec names. The registry hangs off the construct tree's root, so two apps (two tests) never share it.
 * Internal: not part of the jsii API.
 */
const registries = new WeakMap<IConstruct, Map<string, Map<string, IConstruct>>>();

/**
 * Claims `key` in the app-wide namespace `namespace` for `owner` and returns the construct that claimed it before,
 * if another one did.
 */
export function claimAppWide(owner: IConstruct, namespace: string, key: string): IConstruct | undefined {
  const root = owner.node.root;
  let spaces = registries.get(root);
  if (!spaces) {
    spaces = new Map();
    registries.set(root, spaces);
  }
  let space = spaces.get(namespace);
  if (!space) {
    space = new Map();
    spaces.set(namespace, space);
  }
  const previous = space.get(key);
  if (previous !== undefined && previous !== owner) return previous;
  space.set(key, owner);
  return undefined;
}

/** Every construct that claimed a key in `namespace` of the app `scope` belongs to. */
export function claimsOf(scope: IConstruct, namespace: string): IConstruct[] {
  return [...(registries.get(scope.node.root)?.get(namespace)?.values() ?? [])];
}

/** A construct-id fragment from a free-form name: `class:CUSTOM_PCI_10DE_2335` → `class-CUSTOM_PCI_10DE_2335`. */
export function idFragment(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'x';
}
