/**
 * What the outcome terms (`outcome-terms.ts`) read of one evaluated patient, and that view over
 * a language-free {@link Outcome}. The same reading also exists over a batch's result columns
 * (`batch-walk.ts`), so that a cohort run places patients in indicators without building an
 * Outcome for each: both views answer from the same evaluation, and the terms are worked out
 * once, here, whichever view they read.
 */
import type { Outcome, OutcomeFollowUp } from '../evaluate/outcome';

/** Kleene truth of an alert, as the generated conditions write it: 0 false, 1 unknown, 2 true. */
export type AlertTruth = 0 | 1 | 2;

/** One evaluated patient as the outcome terms read it. */
export interface EvaluatedWalk {
  /** The final step id. */
  step(): string;
  status(): Outcome['status'];
  /** Whether the walk passed through step `id` (the final step included). */
  visited(id: string): boolean;
  /** Input facts the walk waits for; empty when it settled. */
  missingFacts(): readonly string[];
  /** Whether alert `id` fired (2), is undecided (1) or did not fire (0). */
  alert(id: string): AlertTruth;
  /** Input facts that would decide the undecided alert `id`. */
  alertMissingFacts(id: string): readonly string[];
  /**
   * The listed status of follow-up `id` of step `step` (undefined: the pathway's own
   * follow-up), or undefined when the patient's outcome does not list it.
   */
  followUpStatus(id: string, step: string | undefined): OutcomeFollowUp['status'] | undefined;
}

/** The walk of an {@link Outcome}. */
export function outcomeWalk(outcome: Outcome): EvaluatedWalk {
  return {
    step: () => outcome.step,
    status: () => outcome.status,
    visited: (id) => outcome.path.includes(id),
    missingFacts: () => outcome.missingFacts,
    alert: (id) =>
      outcome.alerts.includes(id) ? 2 : outcome.undecidedAlerts.some((a) => a.id === id) ? 1 : 0,
    alertMissingFacts: (id) => outcome.undecidedAlerts.find((a) => a.id === id)?.missingFacts ?? [],
    followUpStatus: (id, step) =>
      outcome.followUps.find((f) => f.id === id && f.step === step)?.status,
  };
}
