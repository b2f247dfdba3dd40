import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../engine/results/stats';

/**
 * Published Wilson score intervals (95 %): Newcombe RG. Two-sided confidence intervals for the
 * single proportion: comparison of seven methods. Stat Med 1998;17:857–872, Table I, method 3
 * ("score method"), examples 81/263, 15/148, 0/20 and 1/29, given to four decimals.
 */
const NEWCOMBE_1998: [number, number, number, number][] = [
  [81, 263, 0.2553, 0.3662],
  [15, 148, 0.0624, 0.1605],
  [0, 20, 0.0, 0.1611],
  [1, 29, 0.0061, 0.1718],
];

describe('wilsonInterval', () => {
  it.each(NEWCOMBE_1998)('gives Newcombe 1998 Table I interval for %i/%i', (x, n, lower, upper) => {
    const i = wilsonInterval(x, n);
    expect(i?.lower).toBeCloseTo(lower, 4);
    expect(i?.upper).toBeCloseTo(upper, 4);
  });

  it('reaches exactly 0 at no successes and exactly 1 at all successes', () => {
    expect(wilsonInterval(0, 7)?.lower).toBe(0);
    expect(wilsonInterval(7, 7)?.upper).toBe(1);
  });

  it('has no interval for a denominator of 0', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('refuses a numerator above the denominator or a fractional count as INVALID_INPUT', () => {
    expect(() => wilsonInterval(5, 4)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => wilsonInterval(1.5, 4)).toThrow(/whole counts/);
  });

  it('is symmetric: the interval of n−x is the mirror of that of x', () => {
    const a = wilsonInterval(3, 17);
    const b = wilsonInterval(14, 17);
    expect(a?.lower).toBeCloseTo(1 - (b?.upper ?? 0), 12);
    expect(a?.upper).toBeCloseTo(1 - (b?.lower ?? 0), 12);
  });
});
