/**
 * Alerts are evaluated on every evaluation, whatever the step. A true alert fires with its
 * message filled in; an unknown one does not fire but names the facts that would decide it.
 */
import type { Language, Pathway } from '../model/types';
import { pickText } from '../model/texts';
import { alertKey } from './condition-set';
import type { ConditionOutcome } from './condition-evaluator';
import { fillTemplate } from './format';
import type { FiredAlert, TraceEntry, UndecidedAlert } from './result';
import { unknownFacts } from './truth';

const SEVERITY_ORDER = { critical: 0, warning: 1, info: 2 } as const;

export interface AlertOutcome {
  alerts: FiredAlert[];
  undecided: UndecidedAlert[];
  trace: TraceEntry[];
}

/**
 * Evaluates the alerts. Fired alerts come most severe first, then in file order.
 * `missingInputs` maps an unknown fact to the input facts a caller could supply.
 */
export function evaluateAlerts(
  pathway: Pathway,
  outcomes: ReadonlyMap<string, ConditionOutcome>,
  values: Readonly<Record<string, unknown>>,
  language: Language,
  missingInputs: (facts: Iterable<string>) => string[],
): AlertOutcome {
  const fired: { alert: FiredAlert; order: number }[] = [];
  const undecided: UndecidedAlert[] = [];
  const trace: TraceEntry[] = [];
  pathway.alerts.forEach((alert, order) => {
    const outcome = outcomes.get(alertKey(alert.id));
    if (outcome === undefined) return;
    trace.push({ source: alertKey(alert.id), result: outcome.truth, condition: outcome.node });
    if (outcome.truth === 'true') {
      fired.push({
        alert: {
          id: alert.id,
          severity: alert.severity,
          message: fillTemplate(pickText(alert.message, language), pathway, values, language),
        },
        order,
      });
    } else if (outcome.truth === 'unknown') {
      undecided.push({ id: alert.id, missingFacts: missingInputs(unknownFacts(outcome.node)) });
    }
  });
  fired.sort(
    (a, b) =>
      SEVERITY_ORDER[a.alert.severity] - SEVERITY_ORDER[b.alert.severity] || a.order - b.order,
  );
  return { alerts: fired.map((f) => f.alert), undecided, trace };
}
