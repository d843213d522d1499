import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';

/** Who claimed a value first: a construct and a label for messages (e.g. `node gpu-01 (bf3-0/0)`). */
export interface Claim {
  readonly owner: IConstruct;
  readonly label: string;
}

/**
 * The one registry of values that must be unique, with two reaches:
 * - app-wide (`Registry.ofApp`): every stack of the app shares the name space, e.g. Keystone project names per
 *   domain, Cinder volume-type and QoS names, bucket names, application credentials;
 * - site-wide (`Registry.ofStack`): one Terraform stack (one site), e.g. MAC addresses, BMC endpoints, bare-metal
 *   resource classes, flavor names.
 * Registries hang off the construct tree (the root or the stack), so two apps (two tests) never share one.
 * Internal: not part of the jsii API (not exported by the barrel).
 */
export class Registry {
  /** The registry shared by every stack of the app `scope` belongs to. */
  public static ofApp(scope: IConstruct): Registry {
    return Registry.forKey(scope.node.root);
  }

  /** The registry of the Terraform stack that contains `scope`. */
  public static ofStack(scope: IConstruct): Registry {
    return Registry.forKey(TerraformStack.of(scope));
  }

  private static readonly registries = new WeakMap<IConstruct, Registry>();

  private static forKey(key: IConstruct): Registry {
    let registry = Registry.registries.get(key);
    if (!registry) {
      registry = new Registry();
      Registry.registries.set(key, registry);
    }
    return registry;
  }

  private readonly claims = new Map<string, Map<string, Claim>>();

  private constructor() {}

  /**
   * Claims `value` of `kind` for `owner`; returns the earlier claim when another construct holds it already
   * (a construct claiming its own value again is not a conflict).
   */
  public claim(kind: string, value: string, owner: IConstruct, label?: string): Claim | undefined {
    let space = this.claims.get(kind);
    if (!space) {
      space = new Map();
      this.claims.set(kind, space);
    }
    const existing = space.get(value);
    if (existing && existing.owner !== owner) return existing;
    // the label only appears in the message of a later conflict: the construct path is built then, not per claim
    // (a 1,000-server site claims about five values per server)
    if (!existing) space.set(value, label === undefined ? { owner, get label() { return owner.node.path; } } : { owner, label });
    return undefined;
  }

  /** Every construct that claimed a value of `kind`, in claim order. */
  public claimsOf(kind: string): IConstruct[] {
    return [...(this.claims.get(kind)?.values() ?? [])].map((c) => c.owner);
  }
}

/**
 * Claims `key` in the app-wide name space `kind` for `owner` and returns the construct that claimed it before, if
 * another one did. Shorthand for `Registry.ofApp(owner).claim(...)`.
 */
export function claimAppWide(owner: IConstruct, kind: string, key: string): IConstruct | undefined {
  return Registry.ofApp(owner).claim(kind, key, owner)?.owner;
}

/** Every construct that claimed a key of `kind` in the app `scope` belongs to. */
export function claimsOf(scope: IConstruct, kind: string): IConstruct[] {
  return Registry.ofApp(scope).claimsOf(kind);
}

/** A construct-id fragment from a free-form name: `class:CUSTOM_PCI_10DE_2335` → `class-CUSTOM_PCI_10DE_2335`. */
export function idFragment(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'x';
}
