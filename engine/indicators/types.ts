/**
 * Follow-up of results: the shapes every part of it shares. A pathway file declares its
 * indicators (`indicators:` in the file, docs/indicators.md); one patient belongs to an
 * indicator's denominator and numerator with three-valued truth; a cohort run adds those
 * memberships up per group (health centre) into {@link IndicatorCounts}; a run is kept in the
 * results store as an {@link IndicatorRun} — counts only, never a patient.
 *
 * Indicator conditions are the pathway's one condition language over facts (input and
 * derived), named conditions and these outcome terms, written as reserved fact names that no
 * pathway fact can take (fact names are camelCase):
 * - `$step` — the final step id (string);
 * - `$status` — `settled` or `needs-information`;
 * - `$visited:<stepId>` — true when the walk passed through the step (the final one included);
 * - `$alert:<alertId>` — true when the alert fired, false when it did not, unknown when undecided;
 * - `$followUp:<followUpId>` — `not-applicable`, `upcoming`, `due` or `overdue`; unknown when
 *   whether it applies is unknown.
 */
import type { Truth } from '../evaluate/result';
import type { Texts } from '../model/types';

/** Which way an indicator is better. */
export type IndicatorDirection = 'higher-is-better' | 'lower-is-better';

/** One patient's place in one indicator. */
export interface IndicatorMembership {
  id: string;
  /** Whether the patient belongs to the denominator. */
  denominator: Truth;
  /** Whether the patient counts in the numerator; `false` when the denominator is `false`. */
  numerator: Truth;
  /** Input facts that would decide an unknown denominator or numerator (empty otherwise). */
  missingFacts: string[];
}

/** Numerator and denominator of one case-mix stratum (decided patients only). */
export interface StratumCounts {
  denominator: number;
  numerator: number;
}

/**
 * One indicator's counts in one group. Unknown is its own category and never folded into
 * yes or no: a patient whose MME sum is only a lower bound under 50 is neither "≥ 50" nor
 * "< 50", and is counted in `numeratorUnknown`.
 */
export interface IndicatorCounts {
  /** Patients in the denominator (denominator true). */
  denominator: number;
  /** Of those, patients in the numerator (numerator true). */
  numerator: number;
  /** Of the denominator, patients whose numerator is unknown. */
  numeratorUnknown: number;
  /** Patients for whom it is unknown whether they belong to the denominator. */
  denominatorUnknown: number;
  /**
   * Decided patients (denominator true, numerator true or false) per case-mix stratum key,
   * e.g. `age:45-64|sex:female`; `unknown` for patients whose stratum facts are missing.
   * Present only when the pathway declares `caseMix`.
   */
  strata?: Record<string, StratumCounts>;
}

/** What a run keeps of an indicator's definition, so a report needs no pathway file. */
export interface IndicatorInfo {
  id: string;
  title: Texts;
  description?: Texts;
  direction: IndicatorDirection;
  /** Target share, 0–1. */
  target?: number;
  references: string[];
}

/** One group's (health centre's, or `all`) part of a run. */
export interface RunGroup {
  patients: number;
  needsInformation: number;
  /** Patients per final step. */
  finalStep: Record<string, number>;
  /** Per indicator id. */
  indicators: Record<string, IndicatorCounts>;
}

/** One cohort run as the results store keeps it. */
export interface IndicatorRun {
  /** Store id (assigned when appended). */
  id?: number;
  /** ISO timestamp of when the run was made. */
  createdAt: string;
  /** The evaluation date of the run (YYYY-MM-DD). */
  asOf: string;
  pathwayId: string;
  version: string;
  /** Content hash of the pathway file (`sha256:…`). */
  contentHash: string;
  /** What the groups are (`healthCentre`), or null for one group `all`. */
  by: string | null;
  indicators: IndicatorInfo[];
  /** Groups by name, `all` included. */
  groups: Record<string, RunGroup>;
}
