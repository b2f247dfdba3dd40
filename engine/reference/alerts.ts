/**
 * The reference's alerts, over json-rules-engine's condition outcomes: a true alert fires; an
 * unknown one does not fire but names the input facts that would decide it.
 */
import type { Pathway } from '../model/types';
import { alertKey } from '../evaluate/condition-set';
import type { OutcomeUndecidedAlert } from '../evaluate/outcome';
import type { TraceEntry } from '../evaluate/result';
import type { ConditionOutcome } from './condition-evaluator';
import { unknownFacts } from './truth';

const SEVERITY_ORDER = { critical: 0, warning: 1, info: 2 } as const;

export interface AlertOutcome {
  /** Fired alert ids, most severe first, then in file order. */
  alerts: string[];
  undecided: OutcomeUndecidedAlert[];
  trace: TraceEntry[];
}

/**
 * Evaluates the alerts. `missingInputs` maps an unknown fact to the input facts a caller
 * could supply.
 */
export function evaluateAlerts(
  pathway: Pathway,
  outcomes: ReadonlyMap<string, ConditionOutcome>,
  missingInputs: (facts: Iterable<string>) => string[],
): AlertOutcome {
  const fired: { id: string; rank: number; order: number }[] = [];
  const undecided: OutcomeUndecidedAlert[] = [];
  const trace: TraceEntry[] = [];
  pathway.alerts.forEach((alert, order) => {
    const outcome = outcomes.get(alertKey(alert.id));
    if (outcome === undefined) return;
    trace.push({ source: alertKey(alert.id), result: outcome.truth, condition: outcome.node });
    if (outcome.truth === 'true')
      fired.push({ id: alert.id, rank: SEVERITY_ORDER[alert.severity], order });
    else if (outcome.truth === 'unknown')
      undecided.push({ id: alert.id, missingFacts: missingInputs(unknownFacts(outcome.node)) });
  });
  fired.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return { alerts: fired.map((f) => f.id), undecided, trace };
}
