/**
 * `describe(outcome, pathway, language)`: the one place an evaluation is put into words —
 * step titles and actions, transition reasons, alert messages with their placeholders filled,
 * follow-up titles and measures, notes, and the plain-language explanation. The outcome says
 * what happened by id and code; this file says it in the reader's language.
 */
import { globalKey, transitionKey } from '../evaluate/condition-set';
import type { Outcome } from '../evaluate/outcome';
import type { EvaluationResult, FiredAlert, TraceEntry } from '../evaluate/result';
import type { Alert, FollowUp, Language, Pathway, Step, Transition } from '../model/types';
import { pickText } from '../model/texts';
import { explain, type WalkStory } from './explain';
import { fillTemplate } from './format';
import { noteText } from './notes';

/** Lookups by id and key, built once per pathway. */
interface Index {
  steps: ReadonlyMap<string, Step>;
  transitions: ReadonlyMap<string, Transition>;
  alerts: ReadonlyMap<string, Alert>;
  /** Follow-ups by `step id|follow-up id` (`|id` for pathway-level ones). */
  followUps: ReadonlyMap<string, FollowUp>;
}

const indexes = new WeakMap<Pathway, Index>();

function indexOf(pathway: Pathway): Index {
  let index = indexes.get(pathway);
  if (index === undefined) {
    const transitions = new Map<string, Transition>();
    pathway.globalTransitions.forEach((t, i) => transitions.set(globalKey(i), t));
    const followUps = new Map<string, FollowUp>();
    for (const f of pathway.followUps) followUps.set(`|${f.id}`, f);
    for (const step of pathway.steps) {
      step.transitions.forEach((t, i) => transitions.set(transitionKey(step.id, i), t));
      for (const f of step.followUps) followUps.set(`${step.id}|${f.id}`, f);
    }
    index = {
      steps: new Map(pathway.steps.map((s) => [s.id, s])),
      transitions,
      alerts: new Map(pathway.alerts.map((a) => [a.id, a])),
      followUps,
    };
    indexes.set(pathway, index);
  }
  return index;
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the outcome names ${what}, which the pathway lacks`);
  return value;
}

/** The walk as the explanation needs it, read from the outcome's trace. */
function walkStory(outcome: Outcome, index: Index, trace: readonly TraceEntry[]): WalkStory {
  const entry = (from: string, key: string): TraceEntry =>
    need(
      trace.find((e) => e.from === from && e.source === key),
      `no trace entry for ${key}`,
    );
  const tried = trace.filter((e) => e.from === outcome.step);
  return {
    path: outcome.path,
    finalStep: need(index.steps.get(outcome.step), `step ${outcome.step}`),
    stopReason: outcome.stopReason,
    taken: outcome.taken.map((t) => ({
      to: t.to,
      transition: need(index.transitions.get(t.key), `transition ${t.key}`),
      node: entry(t.from, t.key).condition,
    })),
    tried,
    pending:
      outcome.pending === undefined ? undefined : tried.find((e) => e.source === outcome.pending),
  };
}

/**
 * Puts an outcome into words in `language`. The outcome must carry its trace (evaluate with
 * `trace: true`, or `'walk'` when the answer gives no trace: the result's trace then lacks
 * the alerts): the explanation says why each transition held or failed from it.
 */
export function describe(outcome: Outcome, pathway: Pathway, language: Language): EvaluationResult {
  const trace = outcome.trace;
  if (trace === undefined) throw new TypeError('describe() needs an outcome with its trace');
  const index = indexOf(pathway);
  const finalStep = need(index.steps.get(outcome.step), `step ${outcome.step}`);
  const alerts: FiredAlert[] = outcome.alerts.map((id) => {
    const alert = need(index.alerts.get(id), `alert ${id}`);
    return {
      id,
      severity: alert.severity,
      message: fillTemplate(
        pickText(alert.message, language),
        pathway,
        outcome.templateFacts,
        language,
      ),
    };
  });
  // An alert left undecided by a value that is incomplete or unreadable (not merely absent)
  // says why, from the notes on the facts that left it open.
  const undecidedAlerts = outcome.undecidedAlerts.map((u) => {
    const reasons = [
      ...new Set(
        outcome.notes
          .filter((n) => u.missingFacts.includes(n.fact))
          .map((n) => noteText(n, pathway, language)),
      ),
    ];
    return {
      id: u.id,
      missingFacts: [...u.missingFacts],
      ...(reasons.length === 0 ? {} : { reasons }),
    };
  });
  return {
    pathway: { ...outcome.pathway },
    asOf: outcome.asOf,
    language,
    status: outcome.status,
    step: { id: finalStep.id, level: finalStep.level, title: pickText(finalStep.title, language) },
    path: [...outcome.path],
    transitions: outcome.taken.map((t) => ({
      from: t.from,
      to: t.to,
      reason: pickText(need(index.transitions.get(t.key), `transition ${t.key}`).reason, language),
      global: t.global,
    })),
    actions: finalStep.actions.map((a) => pickText(a, language)),
    followUps: outcome.followUps.map((f) => {
      const followUp = need(index.followUps.get(`${f.step ?? ''}|${f.id}`), `follow-up ${f.id}`);
      return {
        id: f.id,
        title: pickText(followUp.title, language),
        measures: [...followUp.measures],
        ...(f.step === undefined ? {} : { step: f.step }),
        status: f.status,
        ...(f.dueDate === undefined ? {} : { dueDate: f.dueDate }),
      };
    }),
    alerts,
    missingFacts: [...outcome.missingFacts],
    undecidedAlerts,
    stopReason: outcome.stopReason,
    derivedFacts: { ...outcome.derivedFacts },
    notes: [...new Set(outcome.notes.map((n) => noteText(n, pathway, language)))],
    explanation: explain(
      pathway,
      index.steps,
      walkStory(outcome, index, trace),
      alerts,
      undecidedAlerts,
      outcome.missingFacts,
      language,
    ),
    trace: [...trace],
  };
}
