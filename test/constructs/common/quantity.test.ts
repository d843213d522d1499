import * as fc from 'fast-check';
import { isQuantity } from '../../../constructs/common/quantity';

describe('isQuantity (resource.Quantity grammar)', () => {
  test('accepts what ParseQuantity accepts', () => {
    for (const q of ['1', '0', '1.5', '.5', '1.', '500m', '512Mi', '1Gi', '2Ti', '1k', '1M', '1e3', '1E-2', '+1', '100n', '5u']) {
      expect([q, isQuantity(q)]).toEqual([q, true]);
    }
  });

  test('refuses typos and non-numbers', () => {
    for (const q of ['InfinityGi', 'NaN', '1GB', '4K', '1 Gi', 'Gi', '', '1Gi ', '1.2.3', '1e', 'one']) {
      expect([q, isQuantity(q)]).toEqual([q, false]);
    }
  });

  test('every finite non-negative number below 2^53 with a binary suffix is a quantity', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom('', 'Ki', 'Mi', 'Gi', 'm'),
      (n, suffix) => isQuantity(`${n}${suffix}`)));
  });
});
