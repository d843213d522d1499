import { IResolvable, IResolveContext, Token } from 'cdktf';

/**
 * A value produced at synthesis, as cdktf's `Lazy` produces one, without the call stack every `Lazy` captures and
 * formats when it is made (cdktf/lib/tokens/lazy.js, `LazyBase` calls `captureStackTrace` with no frame limit). A
 * factory of hundreds of tenants makes thousands of such quota values, and that capture was most of their cost.
 * When a value cannot be resolved, cdktf's error names `origin` (a construct path) where a `Lazy` would show a stack.
 */
class Deferred implements IResolvable {
  public readonly creationStack: string[];

  constructor(origin: string, private readonly produce: () => unknown) {
    this.creationStack = [origin];
  }

  public resolve(_context: IResolveContext): unknown {
    return this.produce();
  }

  public toString(): string {
    return Token.asString(this);
  }

  public toJSON(): string {
    return '<unresolved-deferred-value>';
  }
}

/** A number produced at synthesis (cf. `Lazy.numberValue`); `origin` names where it comes from in errors. */
export function deferredNumber(origin: string, produce: () => number | undefined): number {
  return Token.asNumber(new Deferred(origin, produce));
}

/** Any value produced at synthesis (cf. `Lazy.anyValue`); `origin` names where it comes from in errors. */
export function deferredValue(origin: string, produce: () => unknown): IResolvable {
  return new Deferred(origin, produce);
}
