/**
 * The language-free answer for one patient: ids, source keys, codes and values, no words.
 * Evaluation produces it (`evaluateOutcome`, or `outcomeAt` for a batch); `describe()` in
 * `engine/describe/` is the one place that turns it into the worded {@link EvaluationResult}.
 * Cohorts count outcomes directly.
 */
import type { FactNote } from '../facts/notes';
import type { EvaluationResult, TraceEntry } from './result';

/** A transition the walk took. */
export interface OutcomeTransition {
  /** Source key, as in the trace: `steps.<id>.transitions[i]` or `globalTransitions[i]`. */
  key: string;
  from: string;
  to: string;
  global: boolean;
}

/** An alert whose condition is unknown, with the input facts that would decide it. */
export interface OutcomeUndecidedAlert {
  id: string;
  missingFacts: string[];
}

/** A follow-up listed for the patient (final step's first, then the pathway's, in file order). */
export interface OutcomeFollowUp {
  id: string;
  /** The step the follow-up belongs to; undefined for pathway-level follow-ups. */
  step: string | undefined;
  status: 'upcoming' | 'due' | 'overdue';
  /** Set when the status comes from the schedule (`at`) rather than a condition. */
  dueDate?: string;
}

/** One patient's evaluation, without words. */
export interface Outcome {
  pathway: { id: string; version: string };
  asOf: string;
  status: EvaluationResult['status'];
  stopReason: EvaluationResult['stopReason'];
  /** The final step id. */
  step: string;
  path: string[];
  /** The transitions taken, in order. */
  taken: OutcomeTransition[];
  /** Source key of the transition whose unknown condition stopped the walk. */
  pending: string | undefined;
  /** Fired alert ids, most severe first, then in file order. */
  alerts: string[];
  /** Alerts whose condition is unknown, in file order. */
  undecidedAlerts: OutcomeUndecidedAlert[];
  /** Input facts that would decide the pending transition. */
  missingFacts: string[];
  followUps: OutcomeFollowUp[];
  /** Derived facts as computed in the patient's own context (unknown ones are absent). */
  derivedFacts: Record<string, unknown>;
  /**
   * Notes on how derived facts were (or could not be) computed: a stable code and its
   * parameters each, no words (`describe()` writes them, `engine/describe/notes.ts`).
   */
  notes: FactNote[];
  /** The values (known ones only) of the facts the fired alerts' message templates name. */
  templateFacts: Record<string, unknown>;
  /** Every evaluated condition, when asked for: the walk's candidates in order, then the alerts. */
  trace?: TraceEntry[];
}

/** Options of `evaluateOutcome`. */
export interface OutcomeOptions {
  /** The evaluation date (YYYY-MM-DD) when the input has no `asOf`. */
  asOf?: string;
  /**
   * Record the per-condition trace (default false); 'walk': only the walk's candidates, all
   * that `describe()` reads for the explanation (the trace then lacks the alerts).
   */
  trace?: boolean | 'walk';
}
