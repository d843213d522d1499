import { IConstruct } from 'constructs';
import { invalid } from './validation';

/**
 * Kubernetes quantities and the numbers they are built from. Not part of the jsii API.
 *
 * The grammar of `resource.Quantity` (kubernetes/apimachinery `pkg/api/resource/quantity.go`, `ParseQuantity`):
 * a signed decimal number (`1`, `1.5`, `.5`, `1.`) followed by a binary suffix (`Ki` .. `Ei`), a decimal suffix
 * (`n`, `u`, `m`, none, `k`, `M`, `G`, `T`, `P`, `E`) or a decimal exponent (`e3`, `E-2`). There is no `K`, no `B`
 * and no space; `Infinity` and `NaN` are not numbers there.
 */
const QUANTITY = /^[+-]?(\d+(\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

/** Whether `value` parses as a Kubernetes quantity. */
export function isQuantity(value: string): boolean {
  return QUANTITY.test(value);
}

/** Throws (with the construct path) unless `value` is a non-negative Kubernetes quantity. */
export function checkQuantity(scope: IConstruct, field: string, value: string): string {
  if (!isQuantity(value) || value.startsWith('-')) {
    invalid(scope, `${field} ${JSON.stringify(value)} is not a Kubernetes quantity; use a number with an optional suffix `
      + 'such as 2, 500m, 512Mi or 1Gi (binary suffixes Ki to Ei, decimal k, M, G; no K, no B, no spaces)');
  }
  return value;
}

/**
 * Throws unless `value` is a finite number above 0 (or at least 0 with `zeroAllowed`), a whole one with
 * `integer`, and returns it as the plain decimal a quantity can carry (never `1e+21`, `Infinity` or `NaN`).
 */
export function checkAmount(scope: IConstruct, field: string, value: number, options: { integer?: boolean; zeroAllowed?: boolean } = {}): string {
  const min = options.zeroAllowed ? 0 : Number.MIN_VALUE;
  const ok = Number.isFinite(value) && value >= min && (!options.integer || Number.isInteger(value)) && value < 2 ** 53;
  if (!ok) {
    const what = options.integer ? 'whole number' : 'finite number';
    invalid(scope, `${field} ${value} must be a ${what} ${options.zeroAllowed ? 'of at least 0' : 'above 0'} and below 2^53`);
  }
  // below 2^53 String() never uses an exponent for large values; tiny ones ('1e-7') still parse as quantities
  return String(value);
}
