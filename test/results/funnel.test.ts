import { describe, expect, it } from 'vitest';
import { funnelLimits, funnelPosition } from '../../engine/results/stats';

/** Binomial(20, 0.3) distribution function by direct summation, for the hand computation. */
function cdf(r: number): number {
  let sum = 0;
  let choose = 1;
  for (let k = 0; k <= r; k++) {
    sum += choose * 0.3 ** k * 0.7 ** (20 - k);
    choose = (choose * (20 - k)) / (k + 1);
  }
  return sum;
}

describe('funnelLimits', () => {
  it('matches a hand computation of the interpolated exact binomial limits for n = 20, θ = 0.3', () => {
    // Spiegelhalter 2005, appendix: r = smallest r with F(r) ≥ p,
    // α = (F(r) − p) / (F(r) − F(r−1)), limit = (r − α) / n.
    // F(1) = 0.007637, F(2) = 0.035483 → lower 95 %: r = 2, α = 0.37647, (2 − α)/20 = 0.081177.
    // F(9) = 0.952038, F(10) = 0.982855 → upper 95 %: r = 10, α = 0.25490, 0.487255.
    // F(0) = 0.000798, F(1) = 0.007637 → lower 99.8 %: r = 1, α = 0.97045, 0.001477.
    // F(12) = 0.998721, F(13) = 0.999739 → upper 99.8 %: r = 13,
    //   α = (0.999739 − 0.999) / (0.999739 − 0.998721) = 0.72601, 0.613700.
    const hand = (p: number, r: number): number => (r - (cdf(r) - p) / (cdf(r) - cdf(r - 1))) / 20;
    const limits = funnelLimits(0.3, 20);
    expect(limits.lower95).toBeCloseTo(hand(0.025, 2), 10);
    expect(limits.upper95).toBeCloseTo(hand(0.975, 10), 10);
    expect(limits.lower998).toBeCloseTo(hand(0.001, 1), 10);
    expect(limits.upper998).toBeCloseTo(hand(0.999, 13), 10);
    expect(limits.lower95).toBeCloseTo(0.081177, 5);
    expect(limits.upper998).toBeCloseTo(0.6137, 5);
  });

  it('approaches the normal approximation θ ± z·√(θ(1−θ)/n) for a large denominator', () => {
    const n = 300_000;
    const se = Math.sqrt((0.3 * 0.7) / n);
    const limits = funnelLimits(0.3, n);
    expect(limits.upper95).toBeCloseTo(0.3 + 1.96 * se, 5);
    expect(limits.lower998).toBeCloseTo(0.3 - 3.0902 * se, 5);
  });

  it('narrows as the denominator grows', () => {
    const small = funnelLimits(0.4, 50);
    const large = funnelLimits(0.4, 5000);
    expect(large.upper95 - large.lower95).toBeLessThan(small.upper95 - small.lower95);
    expect(small.upper998).toBeGreaterThan(small.upper95);
  });

  it('collapses onto a target of 0 or 1', () => {
    expect(funnelLimits(0, 40)).toMatchObject({ lower998: 0, upper998: 0 });
    expect(funnelLimits(1, 40)).toMatchObject({ lower95: 1, upper95: 1 });
  });

  it('refuses a denominator of 0 or a target outside 0–1', () => {
    expect(() => funnelLimits(0.3, 0)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => funnelLimits(1.2, 10)).toThrow(/target/);
  });
});

describe('funnelPosition', () => {
  it('places a centre above the 99.8 % limit, between the limits, and inside', () => {
    expect(funnelPosition(14, 20, 0.3)).toBe('above-99.8');
    expect(funnelPosition(11, 20, 0.3)).toBe('above-95');
    expect(funnelPosition(6, 20, 0.3)).toBe('inside');
    expect(funnelPosition(1, 20, 0.3)).toBe('below-95');
    expect(funnelPosition(0, 200, 0.3)).toBe('below-99.8');
  });
});
