/**
 * Errors for input that cannot work, found at synth time.
 *
 * Messages follow one shape (lower case, no trailing period): what was given, the rule it breaks, and how to
 * fix it, e.g. `gpuCount 9 is more than the 8 GPUs of server profile hgx-h200-8gpu; use 1 to 8`.
 * The pure functions in lib/ throw {@link FactoryError}; constructs wrap them so the message starts with the
 * construct path (see constructs/common/validation.ts).
 *
 * Not part of the jsii API: jsii cannot export subclasses of Error.
 */
export class FactoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FactoryError';
  }
}

/** Throws a {@link FactoryError} with the message. */
export function fail(message: string): never {
  throw new FactoryError(message);
}

/** Throws unless `condition` holds. */
export function check(condition: boolean, message: string | (() => string)): asserts condition {
  if (!condition) {
    fail(typeof message === 'string' ? message : message());
  }
}

/** Formats a list for an error message: `a, b or c`. */
export function oneOf(values: readonly (string | number)[], conjunction = 'or'): string {
  const items = values.map(String);
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
