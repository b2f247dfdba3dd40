import { describe, expect, it } from 'vitest';
import type { IndicatorCounts } from '../../engine/indicators/types';
import { rateOf, suppressCounts } from '../../engine/results/stats';

const cell = (
  denominator: number,
  numerator: number,
  numeratorUnknown = 0,
  denominatorUnknown = 0,
): IndicatorCounts => ({ denominator, numerator, numeratorUnknown, denominatorUnknown });

/** The region as the sum of the centres. */
function withRegion(centres: Record<string, IndicatorCounts>): Record<string, IndicatorCounts> {
  const all = cell(0, 0);
  for (const c of Object.values(centres)) {
    all.denominator += c.denominator;
    all.numerator += c.numerator;
    all.numeratorUnknown += c.numeratorUnknown;
    all.denominatorUnknown += c.denominatorUnknown;
  }
  return { ...centres, all };
}

describe('suppressCounts', () => {
  it('hides a numerator of 1 to 4 with the default minimum of 5, and shows 0 and 5', () => {
    const shown = suppressCounts({ a: cell(40, 3), b: cell(40, 0), c: cell(40, 5) });
    expect(shown['a']?.numerator).toBeNull();
    expect(shown['a']?.suppressed.numerator).toBe('small');
    expect(shown['b']?.numerator).toBe(0);
    expect(shown['c']?.numerator).toBe(5);
  });

  it('hides the numerator when its complement (decided − numerator) is small', () => {
    const shown = suppressCounts({ a: cell(40, 38) });
    expect(shown['a']?.numerator).toBeNull();
    const a = shown['a'];
    expect(a && rateOf(a)).toBeNull();
  });

  it('hides the whole cell when the denominator is small, but not the denominator-unknown count', () => {
    const shown = suppressCounts({ a: cell(3, 0, 0, 12) });
    expect(shown['a']).toMatchObject({
      denominator: null,
      decided: null,
      numerator: null,
      numeratorUnknown: null,
      denominatorUnknown: 12,
    });
  });

  it('hides decided with a small unknown count, so the denominator cannot give it away', () => {
    const shown = suppressCounts({ a: cell(50, 20, 2) });
    expect(shown['a']).toMatchObject({ denominator: 50, decided: null, numeratorUnknown: null });
    expect(shown['a']?.suppressed).toMatchObject({
      numeratorUnknown: 'small',
      decided: 'complement',
    });
  });

  it('hides a second centre when only one centre hides a count the region shows', () => {
    const shown = suppressCounts(
      withRegion({ a: cell(40, 3), b: cell(60, 30), c: cell(50, 20), d: cell(80, 0) }),
    );
    expect(shown['a']?.numerator).toBeNull();
    // The smallest other non-zero numerator goes too: c (20), not d (0).
    expect(shown['c']?.suppressed.numerator).toBe('complement');
    expect(shown['b']?.numerator).toBe(30);
    expect(shown['d']?.numerator).toBe(0);
    expect(shown['all']?.numerator).toBe(53);
  });

  it('respects a configured minimum', () => {
    const counts = { a: cell(100, 9) };
    expect(suppressCounts(counts, { minCell: 10 })['a']?.numerator).toBeNull();
    expect(suppressCounts(counts, { minCell: 3 })['a']?.numerator).toBe(9);
  });

  it('refuses a minimum below 1 as INVALID_INPUT', () => {
    expect(() => suppressCounts({}, { minCell: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });
});

describe('rateOf', () => {
  it('is the numerator over the decided patients, unknown numerators left out, with a Wilson interval', () => {
    const a = suppressCounts({ a: cell(120, 30, 20) })['a'];
    const r = a && rateOf(a);
    expect(r?.rate).toBeCloseTo(0.3, 12);
    expect(r?.interval.lower).toBeLessThan(0.3);
    expect(r?.interval.upper).toBeGreaterThan(0.3);
  });
});
