import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';

/** Who claimed a value first: a construct and a label for messages (e.g. `node gpu-01 (bf3-0/0)`). */
interface Claim {
  readonly owner: IConstruct;
  readonly label: string;
}

/**
 * Values that must be unique within one site (one Terraform stack): MAC addresses, BMC endpoints, bare-metal resource
 * classes. Kept per stack so independent test stacks never see each other. Not part of the public API.
 */
export class SiteRegistry {
  /** The registry of the stack that contains `scope`. */
  public static of(scope: IConstruct): SiteRegistry {
    const stack = TerraformStack.of(scope);
    let registry = SiteRegistry.registries.get(stack);
    if (!registry) {
      registry = new SiteRegistry();
      SiteRegistry.registries.set(stack, registry);
    }
    return registry;
  }

  /**
   * Marks `scope` (a node pool) as collecting its nodes' trait commands into one output, so nodes created in it do not
   * emit their own.
   */
  public static collectTraitCommands(scope: IConstruct): void {
    SiteRegistry.traitCollectors.add(scope);
  }

  /** Whether `scope` collects trait commands. */
  public static collectsTraitCommands(scope: IConstruct): boolean {
    return SiteRegistry.traitCollectors.has(scope);
  }

  private static readonly registries = new WeakMap<TerraformStack, SiteRegistry>();
  private static readonly traitCollectors = new WeakSet<IConstruct>();

  private readonly claims = new Map<string, Claim>();

  private constructor() {}

  /**
   * Claims `value` of `kind` for `owner`; returns the earlier claim when another construct holds it already.
   */
  public claim(kind: string, value: string, owner: IConstruct, label: string): Claim | undefined {
    const key = `${kind}\u0000${value}`;
    const existing = this.claims.get(key);
    if (existing && existing.owner !== owner) return existing;
    if (!existing) this.claims.set(key, { owner, label });
    return undefined;
  }
}
