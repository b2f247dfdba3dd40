/**
 * The Wilson score interval for a binomial proportion (Wilson 1927). Chosen over the simple
 * Wald interval because it stays inside 0–1 and keeps close to its nominal coverage for small
 * counts and rates near 0 or 1 (Newcombe 1998, method 3; Brown, Cai & DasGupta 2001).
 */
import { PathwayError } from '../../errors';

/** A two-sided interval on the proportion scale (0–1). */
export interface Interval {
  lower: number;
  upper: number;
}

/** The standard normal quantile of a two-sided 95 % interval (Φ⁻¹(0.975)). */
export const Z95 = 1.959963984540054;

/** The standard normal quantile of a two-sided 99.8 % interval (Φ⁻¹(0.999)). */
export const Z998 = 3.090232306167813;

/**
 * The Wilson score interval of `numerator` successes out of `denominator` trials, 95 % unless
 * another normal quantile `z` is given; `null` when the denominator is 0 (no proportion).
 * Throws INVALID_INPUT for counts that are not whole numbers with 0 ≤ numerator ≤ denominator.
 */
export function wilsonInterval(numerator: number, denominator: number, z = Z95): Interval | null {
  if (
    !Number.isSafeInteger(numerator) ||
    !Number.isSafeInteger(denominator) ||
    numerator < 0 ||
    numerator > denominator
  )
    throw new PathwayError(
      'INVALID_INPUT',
      `wilsonInterval: expected whole counts with 0 ≤ numerator ≤ denominator, got ${numerator}/${denominator}`,
    );
  if (denominator === 0) return null;
  const n = denominator;
  const p = numerator / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0 and n the formula's bound is exactly 0 or 1; rounding must not push it past.
  return {
    lower: numerator === 0 ? 0 : Math.max(0, centre - half),
    upper: numerator === n ? 1 : Math.min(1, centre + half),
  };
}
