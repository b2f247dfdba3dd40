/**
 * Indicator counts of a cohort: each patient's indicator memberships added up per group. The
 * counts are plain numbers that merge by adding, so chunks evaluated in worker threads and in
 * the main thread give the same totals whatever the split. Unknown is its own category:
 * a patient whose numerator is unknown is counted in `numeratorUnknown`, never as yes or no.
 */
import type { IndicatorCounts, IndicatorMembership } from '../indicators/types';

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
