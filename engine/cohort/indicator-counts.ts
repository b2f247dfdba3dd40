/**
 * Indicator counts of a cohort: each patient's indicator memberships added up per group. The
 * counts are plain numbers that merge by adding, so chunks evaluated in worker threads and in
 * the main thread give the same totals whatever the split. Unknown is its own category:
 * a patient whose numerator is unknown is counted in `numeratorUnknown`, never as yes or no.
 */
import type { IndicatorCounts, IndicatorMembership } from '../indicators/types';

const UNKNOWN = 1;
const TRUE = 2;

/** Counts of an indicator nobody belongs to. */
export function emptyIndicatorCounts(withStrata: boolean): IndicatorCounts {
  const counts: IndicatorCounts = {
    denominator: 0,
    numerator: 0,
    numeratorUnknown: 0,
    denominatorUnknown: 0,
  };
  if (withStrata) counts.strata = {};
  return counts;
}

/**
 * Counts one patient's membership. `stratum` is the patient's case-mix stratum key, or
 * undefined when the pathway declares no case mix (then no strata are kept).
 */
export function countMembership(
  into: Record<string, IndicatorCounts>,
  membership: IndicatorMembership,
  stratum: string | undefined,
): void {
  const c = (into[membership.id] ??= emptyIndicatorCounts(stratum !== undefined));
  if (membership.denominator === 'unknown') {
    c.denominatorUnknown++;
    return;
  }
  if (membership.denominator === 'false') return;
  c.denominator++;
  if (membership.numerator === 'unknown') {
    c.numeratorUnknown++;
    return;
  }
  const hit = membership.numerator === 'true' ? 1 : 0;
  c.numerator += hit;
  if (stratum !== undefined) {
    const strata = (c.strata ??= {});
    const s = (strata[stratum] ??= { denominator: 0, numerator: 0 });
    s.denominator++;
    s.numerator += hit;
  }
}

/**
 * {@link countMembership} for every indicator at once, from truth codes as
 * `IndicatorEvaluator.truthsAt` writes them: for indicator `k` of `ids`, `truths[2k]` is the
 * denominator's truth and `truths[2k + 1]` the numerator's (0 false, 1 unknown, 2 true).
 */
export function countTruths(
  into: Record<string, IndicatorCounts>,
  ids: readonly string[],
  truths: Uint8Array,
  stratum: string | undefined,
): void {
  for (let k = 0; k < ids.length; k++) {
    const c = (into[ids[k] as string] ??= emptyIndicatorCounts(stratum !== undefined));
    const d = truths[2 * k];
    if (d === UNKNOWN) {
      c.denominatorUnknown++;
      continue;
    }
    if (d !== TRUE) continue;
    c.denominator++;
    const n = truths[2 * k + 1];
    if (n === UNKNOWN) {
      c.numeratorUnknown++;
      continue;
    }
    const hit = n === TRUE ? 1 : 0;
    c.numerator += hit;
    if (stratum !== undefined) {
      const strata = (c.strata ??= {});
      const s = (strata[stratum] ??= { denominator: 0, numerator: 0 });
      s.denominator++;
      s.numerator += hit;
    }
  }
}

/** Adds one indicator's counts into another. */
export function mergeIndicatorCounts(into: IndicatorCounts, from: Readonly<IndicatorCounts>): void {
  into.denominator += from.denominator;
  into.numerator += from.numerator;
  into.numeratorUnknown += from.numeratorUnknown;
  into.denominatorUnknown += from.denominatorUnknown;
  if (from.strata === undefined) return;
  const strata = (into.strata ??= {});
  for (const [key, s] of Object.entries(from.strata)) {
    const t = (strata[key] ??= { denominator: 0, numerator: 0 });
    t.denominator += s.denominator;
    t.numerator += s.numerator;
  }
}

/** Adds every indicator of `from` into `into`. */
export function mergeIndicatorRecords(
  into: Record<string, IndicatorCounts>,
  from: Readonly<Record<string, IndicatorCounts>>,
): void {
  for (const [id, c] of Object.entries(from)) {
    const target = (into[id] ??= emptyIndicatorCounts(c.strata !== undefined));
    mergeIndicatorCounts(target, c);
  }
}
