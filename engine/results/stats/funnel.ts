/**
 * Funnel-plot control limits (Spiegelhalter 2005, "Funnel plots for comparing institutional
 * performance", Stat Med 24:1185–1202): for a target (the regional rate θ) and a unit's
 * denominator n, the limits within which a unit's observed proportion falls with probability
 * 95 % or 99.8 % if its true rate is θ. Computed from the exact binomial distribution with the
 * interpolation of that paper's appendix (so the limits are smooth in n, not steps): with r the
 * p-quantile of Binomial(n, θ) and F its distribution function,
 * α = (F(r) − p) / (F(r) − F(r − 1)) and the limit is (r − α) / n.
 */
import { PathwayError } from '../../errors';
import { binomialQuantile } from './binomial';

/** The lower and upper limits of both funnels for one denominator, on the 0–1 scale. */
export interface FunnelLimits {
  n: number;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

/** Where a unit lies against the funnel: inside, or beyond the 95 % or the 99.8 % limit. */
export type FunnelPosition = 'inside' | 'above-95' | 'above-99.8' | 'below-95' | 'below-99.8';

/** The interpolated exact binomial p-quantile of the proportion, for 0 < θ < 1. */
function limit(n: number, theta: number, p: number): number {
  if (theta <= 0) return 0;
  if (theta >= 1) return 1;
  const q = binomialQuantile(n, theta, p);
  const step = q.cdf - q.cdfBelow;
  const alpha = step > 0 ? (q.cdf - p) / step : 0;
  return Math.min(1, Math.max(0, (q.r - alpha) / n));
}

/**
 * The 95 % and 99.8 % funnel limits around `target` (0–1) for a denominator `n` (a whole
 * number ≥ 1). Throws INVALID_INPUT otherwise.
 */
export function funnelLimits(target: number, n: number): FunnelLimits {
  if (!(target >= 0 && target <= 1) || !Number.isSafeInteger(n) || n < 1)
    throw new PathwayError(
      'INVALID_INPUT',
      `funnelLimits: expected a target in 0–1 and a whole denominator ≥ 1, got ${target} and ${n}`,
    );
  return {
    n,
    lower95: limit(n, target, 0.025),
    upper95: limit(n, target, 0.975),
    lower998: limit(n, target, 0.001),
    upper998: limit(n, target, 0.999),
  };
}

/**
 * Where `numerator / n` lies against the funnel around `target`. A rate exactly on a limit
 * counts as inside it: only a rate beyond the limit signals.
 */
export function funnelPosition(numerator: number, n: number, target: number): FunnelPosition {
  const limits = funnelLimits(target, n);
  const rate = numerator / n;
  if (rate > limits.upper998) return 'above-99.8';
  if (rate > limits.upper95) return 'above-95';
  if (rate < limits.lower998) return 'below-99.8';
  if (rate < limits.lower95) return 'below-95';
  return 'inside';
}
