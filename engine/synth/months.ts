/**
 * Synthetic months: `months` monthly populations of one region ending on an as-of date, for a
 * series of cohort runs. Month k is evaluated on the as-of date k months before the last
 * (same day of the month, clamped to the month's end), so every patient's dates move with it;
 * each month is a fresh draw of the region (its own seed, derived from the given one), and the
 * last month uses the given seed itself, so without drift it is byte for byte what
 * `pathway synth` writes for that date.
 */
import { addDuration } from '../model/dates';
import type { Centre } from './centres';
import { centresInMonth, type Drift } from './drift';

/** One month of the series. */
export interface SynthMonth {
  /** 1-based position in the series. */
  month: number;
  asOf: string;
  seed: number;
  centres: Centre[];
}

/** The seed of the month `back` months before the last (the last keeps `seed`). */
export function monthSeed(seed: number, back: number): number {
  if (back === 0) return seed;
  // A multiplicative hash, so neighbouring seeds give unrelated months.
  return (Math.imul((seed >>> 0) ^ Math.imul(back, 0x85ebca6b), 0x9e3779b1) ^ back) >>> 0;
}

/** The plan of `months` months ending on `asOf`, with `drifts` applied. */
export function synthMonths(
  months: number,
  asOf: string,
  seed: number,
  drifts: readonly Drift[] = [],
): SynthMonth[] {
  return Array.from({ length: months }, (_, i) => {
    const back = months - 1 - i;
    return {
      month: i + 1,
      asOf: addDuration(asOf, { months: -back }),
      seed: monthSeed(seed, back),
      centres: centresInMonth(drifts, i, months),
    };
  });
}
