/**
 * Worklists: for a health centre and an indicator, the patients the indicator counts against
 * and those whose membership is unknown, each with the line's own patient id and the input
 * facts that would decide it. Rows are made where the patient is evaluated (a worker thread
 * or the main thread) and streamed to files; a run never keeps them, and they never go into
 * the results store.
 */
import type { IndicatorDirection, IndicatorMembership } from '../indicators/types';

/**
 * Why a patient is on an indicator's worklist: the indicator counts against them (higher is
 * better: in the denominator, not in the numerator; lower is better: in the numerator), or it is
 * unknown whether they belong to the numerator or to the denominator.
 */
export type WorklistReason = 'counts-against' | 'numerator-unknown' | 'denominator-unknown';

/** One patient on one indicator's worklist. Plain data, so it crosses worker boundaries. */
export interface WorklistRow {
  /** The group (health centre) of the patient. */
  group: string;
  /** Line number in the input file. */
  line: number;
  /** The line's `id` field; undefined when the line has none. */
  id: string | undefined;
  indicator: string;
  reason: WorklistReason;
  /** Input facts that would decide an unknown membership (empty otherwise). */
  missingFacts: string[];
}

/** Why `membership` puts the patient on the worklist, or undefined when it does not. */
export function worklistReason(
  membership: IndicatorMembership,
  direction: IndicatorDirection,
): WorklistReason | undefined {
  if (membership.denominator === 'unknown') return 'denominator-unknown';
  if (membership.denominator === 'false') return undefined;
  if (membership.numerator === 'unknown') return 'numerator-unknown';
  const inNumerator = membership.numerator === 'true';
  return inNumerator === (direction === 'lower-is-better') ? 'counts-against' : undefined;
}
