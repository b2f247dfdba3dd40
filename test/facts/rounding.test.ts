import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanArithmetic, roundTo } from '../../engine/facts/rounding';

describe('rounding', () => {
  it('makes 9.2 − 7.2 exactly 2, although the raw difference is 1.9999999999999991', () => {
    expect(9.2 - 7.2).not.toBe(2);
    expect(cleanArithmetic(9.2 - 7.2)).toBe(2);
  });

  it('makes 100 × 0.07 / 0.7 exactly 10', () => {
    expect((100 * 0.07) / 0.7).not.toBe(10);
    expect(cleanArithmetic((100 * 0.07) / 0.7)).toBe(10);
  });

  it('rounds halves up even when scaling adds noise (1.15 → 1.2)', () => {
    expect(roundTo(1.15, 1)).toBe(1.2);
    expect(roundTo(4.95, 1)).toBe(5);
  });

  it('rounds negative halves away from zero', () => {
    expect(roundTo(-2.25, 1)).toBe(-2.3);
  });

  it('leaves numbers too large to carry the decimals unchanged', () => {
    expect(roundTo(1e20 + 0.5, 6)).toBe(1e20);
    expect(roundTo(Number.MAX_VALUE, 6)).toBe(Number.MAX_VALUE);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -1e9, max: 1e9 }), (x) => {
        const once = cleanArithmetic(x);
        return cleanArithmetic(once) === once;
      }),
    );
  });

  it('never moves a value by more than half a unit of the last decimal', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), (x) => {
        return Math.abs(roundTo(x, 1) - x) <= 0.05 + 1e-9;
      }),
    );
  });
});
