/** The population path's answer for one patient: what a cohort needs, nothing to read aloud. */
import type { EvaluationResult, TraceEntry } from '../evaluate/result';

/** One follow-up listed for the patient (the same items, in the same order, as `evaluate()`). */
export interface FastFollowUp {
  id: string;
  /** The step the follow-up belongs to; undefined for pathway-level follow-ups. */
  step: string | undefined;
  status: 'upcoming' | 'due' | 'overdue';
}

/**
 * The answer of {@link evaluateFast}. Fields with the same name as in `evaluate()`'s result
 * hold the same values; alerts and undecided alerts are ids only.
 */
export interface FastResult {
  status: EvaluationResult['status'];
  stopReason: EvaluationResult['stopReason'];
  /** The final step id. */
  step: string;
  path: string[];
  /** Source keys of the transitions taken, in order (`steps.<id>.transitions[i]`, `globalTransitions[i]`). */
  taken: string[];
  /** Source key of the transition whose unknown condition stopped the walk. */
  pending: string | undefined;
  /** Fired alert ids, most severe first, then in file order. */
  alerts: string[];
  /** Ids of alerts whose condition is unknown, in file order. */
  undecidedAlerts: string[];
  missingFacts: string[];
  followUps: FastFollowUp[];
  /** Present when asked for: the same entries as `evaluate()`'s trace. */
  trace?: TraceEntry[];
}

/** Options of {@link evaluateFast}. */
export interface FastOptions {
  /** Build the per-condition trace (slower; default false). */
  trace?: boolean;
}
