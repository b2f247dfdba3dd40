import { describe, expect, it } from 'vitest';
import { standardise } from '../../engine/results/stats';

describe('standardise', () => {
  it('computes expected, ratio and standardised rate on a hand-computed two-stratum example', () => {
    // Region: young 20/100 (0.2), old 120/200 (0.6); crude over known strata 140/300.
    // Centre: young 10/50, old 45/50 (and 4 of unknown stratum, 1 of them in the numerator).
    // E = 0.2·50 + 0.6·50 = 40; O = 55; O/E = 1.375; rate = 1.375 · 140/300 = 0.641667.
    const s = standardise(
      {
        'age:<65': { denominator: 50, numerator: 10 },
        'age:65+': { denominator: 50, numerator: 45 },
        unknown: { denominator: 4, numerator: 1 },
      },
      {
        'age:<65': { denominator: 100, numerator: 20 },
        'age:65+': { denominator: 200, numerator: 120 },
        unknown: { denominator: 9, numerator: 3 },
      },
    );
    expect(s.observed).toBe(55);
    expect(s.expected).toBeCloseTo(40, 10);
    expect(s.ratio).toBeCloseTo(1.375, 10);
    expect(s.regionalRate).toBeCloseTo(140 / 300, 10);
    expect(s.rate).toBeCloseTo(0.641667, 6);
    expect(s.excludedUnknown).toBe(4);
    expect(s.excludedUnknownNumerator).toBe(1);
    expect(s.denominator).toBe(100);
  });

  it("gives Byar's approximate interval around O/E", () => {
    // Byar, O = 55, E = 40: lower = 55(1 − 1/495 − 1.96/(3√55))³/40 = 1.0358,
    // upper = 56(1 − 1/504 + 1.96/(3√56))³/40 = 1.7899.
    const s = standardise(
      { a: { denominator: 50, numerator: 10 }, b: { denominator: 50, numerator: 45 } },
      { a: { denominator: 100, numerator: 20 }, b: { denominator: 200, numerator: 120 } },
    );
    expect(s.ratioInterval?.lower).toBeCloseTo(1.0358, 3);
    expect(s.ratioInterval?.upper).toBeCloseTo(1.7899, 3);
  });

  it('has no ratio when nothing is expected', () => {
    const s = standardise(
      { a: { denominator: 5, numerator: 0 } },
      { a: { denominator: 50, numerator: 0 } },
    );
    expect(s.ratio).toBeNull();
    expect(s.rate).toBeNull();
  });
});
