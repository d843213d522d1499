import { IConstruct } from 'constructs';
import { checkAmount } from '../common/quantity';
import { invalid } from '../common/validation';

/**
 * The numbers batch props turn into Kubernetes quantities and counts, checked so that every one is finite, in range
 * and written as a well-formed quantity. Module-private: not in the area's barrel, not part of the jsii API.
 */

/**
 * The finest CPU amount Kubernetes takes: 1m, 0.001 CPU ("Kubernetes doesn't allow you to specify CPU resources with a
 * precision finer than 1m", https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#meaning-of-cpu).
 */
const MIN_CPU = 0.001;
/**
 * The smallest memory amount we write, in GiB. Below 1e-6 JavaScript writes numbers with an exponent (`5e-7`), and an
 * exponent followed by `Gi` is not a quantity (kubernetes/apimachinery `pkg/api/resource/quantity.go`: a number takes
 * a suffix or an exponent, not both); 0.001 GiB is about 1 MiB, less than any container starts with.
 */
const MIN_GIB = 0.001;

/** `value` CPU cores, checked: finite, at least 1m (or 0 with `zeroAllowed`), below 2^53. */
export function checkCpu(scope: IConstruct, field: string, value: number, zeroAllowed = false): number {
  checkAmount(scope, field, value, { zeroAllowed });
  if (value !== 0 && value < MIN_CPU) {
    invalid(scope, `${field} ${value} is finer than 1m, the smallest CPU amount Kubernetes takes; give at least ${MIN_CPU}`);
  }
  return value;
}

/** `value` GiB as the quantity `<value>Gi`, checked: finite, at least 0.001 (or 0 with `zeroAllowed`), below 2^53. */
export function gibQuantity(scope: IConstruct, field: string, value: number, zeroAllowed = false): string {
  const text = checkAmount(scope, field, value, { zeroAllowed });
  if (value !== 0 && value < MIN_GIB) {
    invalid(scope, `${field} ${value} is less than ${MIN_GIB} GiB (about 1 MiB); give the size in GiB, e.g. 0.5 for 512 MiB`);
  }
  return `${text}Gi`;
}

/** `value` checked to be a whole number from `min` to `max`. */
export function checkCount(scope: IConstruct, field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    invalid(scope, `${field} ${value} must be ${min === 0 ? 'a non-negative' : 'a positive'} integer (at most ${max})`);
  }
  return value;
}
