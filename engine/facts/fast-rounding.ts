/**
 * `roundTo` from `engine/facts/rounding.ts` without its `toPrecision` call in the common case.
 *
 * `roundTo` snaps the scaled value to 15 significant digits before `Math.round`. Below 1e9
 * that snap moves the value by at most 5e-7, so it can only change the rounded integer when
 * the fraction lies within that distance of one half; elsewhere `Math.round(scaled)` is the
 * same integer, and the result (that integer divided by the same scale) is the same number.
 * Near one half, or for large values, the reference function itself is called. A property
 * test compares the two on random and adversarial values.
 *
 * It lives beside `roundTo` in engine/facts, not in engine/fast, so that both the population
 * path (engine/fast/derive.ts) and the medication rules (medication-rules.ts, shared by both
 * routes) use it without an import from engine/facts into engine/fast, which would be a cycle.
 */
import { ARITHMETIC_DECIMALS, roundTo } from './rounding';

const MARGIN = 1e-5;

/** Exactly `roundTo(value, decimals)`. */
export function fastRoundTo(value: number, decimals: number, scale: number): number {
  const scaled = Math.abs(value) * scale;
  if (!(scaled < 1e9)) return roundTo(value, decimals);
  const frac = scaled - Math.floor(scaled);
  if (Math.abs(frac - 0.5) <= MARGIN) return roundTo(value, decimals);
  const rounded = Math.round(scaled) / scale;
  return value < 0 ? -rounded : rounded;
}

const ARITHMETIC_SCALE = 10 ** ARITHMETIC_DECIMALS;

/** Exactly `cleanArithmetic(value)`. */
export function fastClean(value: number): number {
  return fastRoundTo(value, ARITHMETIC_DECIMALS, ARITHMETIC_SCALE);
}
