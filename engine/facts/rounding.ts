/**
 * Rounding for derived clinical numbers.
 *
 * Why: binary floating point cannot represent most decimals, so 7.3 − 5.3 is
 * 1.9999999999999996 and 100 × 2.1 / 7 is 30.000000000000004. Pathway thresholds compare
 * these values exactly (nrsPainReduction ≥ 2, reduction ≥ 30 %), so the noise in the last
 * bit would silently flip a clinical decision. Every arithmetic result the engine derives
 * is therefore rounded to {@link ARITHMETIC_DECIMALS} decimals: far finer than any input a
 * clinician records (scores, doses and days carry at most a few decimals), far coarser
 * than the ~1e-15 relative noise of a double.
 */

/** Decimals kept in derived arithmetic (differences, percentages, times). */
export const ARITHMETIC_DECIMALS = 6;

/**
 * Rounds half away from zero to `decimals` places. The scaled value is first snapped to 15
 * significant digits, because the scaling itself adds noise (1.15 × 10 = 11.499999999999998,
 * which would otherwise round down to 1.1).
 */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const scale = 10 ** decimals;
  const scaled = Math.abs(value) * scale;
  // Beyond 1e15 a double has no room left for the requested decimals: nothing to round.
  if (!Number.isFinite(scaled) || scaled >= 1e15) return value;
  const rounded = Math.round(Number(scaled.toPrecision(15))) / scale;
  return value < 0 ? -rounded : rounded;
}

/** Removes floating-point noise from an arithmetic result (see the file comment for why). */
export function cleanArithmetic(value: number): number {
  return roundTo(value, ARITHMETIC_DECIMALS);
}
