import { IConstruct } from 'constructs';
import { FactoryError } from '../../lib/errors';

/**
 * Throws an error that starts with the construct path, so the user sees which construct is wrong:
 * `quickstart/Factory/GpuFlavor: gpuCount 9 is more than ...`.
 */
export function invalid(scope: IConstruct, message: string): never {
  throw new FactoryError(`${scope.node.path}: ${message}`);
}

/** Runs a pure planning function and re-throws its {@link FactoryError} prefixed with the construct path. */
export function guard<T>(scope: IConstruct, plan: () => T): T {
  try {
    return plan();
  } catch (e) {
    if (e instanceof FactoryError) invalid(scope, e.message);
    throw e;
  }
}

/** Throws (with the construct path) unless the condition holds. */
export function ensure(scope: IConstruct, condition: boolean, message: string | (() => string)): asserts condition {
  if (!condition) invalid(scope, typeof message === 'string' ? message : message());
}
