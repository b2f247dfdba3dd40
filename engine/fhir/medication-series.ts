/**
 * Treatment start and the latest dose increase from a series of MedicationRequests.
 *
 * A prescription is renewed again and again; the latest renewal's `authoredOn` is not when
 * treatment began. The series of a current request is the chain of order requests for the
 * same ATC substance (current, completed or stopped: past renewals are history, not current
 * drugs) going back from it while consecutive `authoredOn` dates are at most
 * {@link SERIES_GAP_DAYS} apart (chronic-pain.md, "Version 1.2.0", "Medication start and
 * changes"). `since` is the earliest `authoredOn` of the chain.
 *
 * `doseIncreasedAt` is the `authoredOn` of the latest request in the chain whose structured
 * daily dose is higher than the one before it (same unit, both readable). When the current
 * request itself raised the dose, that is its own date. It is left out when two current
 * requests of the substance overlap (two products of one substance, such as slow and quick
 * release, cannot be told apart as renewals of each other).
 */
import { daysBetween } from '../model/dates';
import type { MedicationUnit } from '../facts/medication';

/** Longest gap between two renewals of one treatment, in days. */
export const SERIES_GAP_DAYS = 90;

/** One request of a substance, as the series needs it. */
export interface SeriesRequest {
  /** `authoredOn` as a calendar day, and the instant for ordering. */
  readonly date: string;
  readonly instant: number;
  readonly dose?: { readonly dose: number; readonly unit: MedicationUnit };
  readonly current: boolean;
}

/** What the series says about a current request. */
export interface SeriesRead {
  readonly since: string;
  readonly doseIncreasedAt?: string;
  /** How many requests the chain holds (1: the current request alone). */
  readonly length: number;
}

/** The series ending at `target` among `requests` (all of one substance, dated, ≤ asOf). */
export function readSeries(target: SeriesRequest, requests: readonly SeriesRequest[]): SeriesRead {
  const earlier = requests
    .filter((r) => r !== target && r.instant <= target.instant)
    .sort((a, b) => b.instant - a.instant);
  const chain: SeriesRequest[] = [target];
  for (const request of earlier) {
    const last = chain[chain.length - 1] ?? target;
    if (daysBetween(request.date, last.date) > SERIES_GAP_DAYS) break;
    chain.push(request);
  }
  chain.reverse();
  const first = chain[0] ?? target;
  const concurrent = requests.filter((r) => r.current).length > 1;
  let increasedAt: string | undefined;
  if (!concurrent) {
    for (let i = 1; i < chain.length; i += 1) {
      const before = chain[i - 1]?.dose;
      const now = chain[i];
      if (before === undefined || now?.dose === undefined) continue;
      if (now.dose.unit === before.unit && now.dose.dose > before.dose) increasedAt = now.date;
    }
  }
  return {
    since: first.date,
    ...(increasedAt === undefined ? {} : { doseIncreasedAt: increasedAt }),
    length: chain.length,
  };
}
