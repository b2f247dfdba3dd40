/**
 * Worklists: for a health centre and an indicator, the patients the indicator counts against
 * and those whose membership is unknown, each with the line's own patient id and the input
 * facts that would decide it. Rows are made where the patient is evaluated (a worker thread
 * or the main thread) and streamed to files; a run never keeps them, and they never go into
 * the results store.
 */
import type { Truth } from '../evaluate/result';
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

const CODE: Readonly<Record<Truth, number>> = { false: 0, unknown: 1, true: 2 };

/** Why `membership` puts the patient on the worklist, or undefined when it does not. */
export function worklistReason(
  membership: IndicatorMembership,
  direction: IndicatorDirection,
): WorklistReason | undefined {
  return worklistReasonOf(CODE[membership.denominator], CODE[membership.numerator], direction);
}

/**
 * {@link worklistReason} from truth codes (0 false, 1 unknown, 2 true) of the denominator and
 * the numerator, as `IndicatorEvaluator.truthsAt` writes them.
 */
export function worklistReasonOf(
  denominator: number,
  numerator: number,
  direction: IndicatorDirection,
): WorklistReason | undefined {
  if (denominator === 1) return 'denominator-unknown';
  if (denominator === 0) return undefined;
  if (numerator === 1) return 'numerator-unknown';
  const inNumerator = numerator === 2;
  return inNumerator === (direction === 'lower-is-better') ? 'counts-against' : undefined;
}
