/**
 * Renaming a fact, an alert, a named condition or a measure everywhere the document names
 * it, and listing those places first ("used in"), so that the editor can show what a rename
 * touches before it is made. Steps are renamed by the editor's `renameStep` (with
 * `renameStepInIndicators`), which also moves their canvas positions.
 *
 * Where each kind is named:
 * - a fact: comparisons (`fact`, and `value: { fact }`) in every condition, `{fact}`
 *   placeholders in alert messages, a measure's facts, the inputs of derived facts, case mix;
 * - a named condition: `{ condition }` references in every condition;
 * - an alert: the indicator term `$alert:<id>`;
 * - a measure: the measures of follow-ups (of steps and of the pathway).
 */
import { conditionRoots, type ConditionOwner } from './condition-roots';
import { isLeaf, isReference, mapCondition, walkCondition } from './condition';
import type { PathSegment } from './path';
import type { Condition, Fact, FollowUp, Pathway, Scenario, Texts } from './types';

/** What can be renamed here. */
export type RenameKind = 'fact' | 'condition' | 'alert' | 'measure';

/** One place that names the thing, for the "used in" list. */
export type NameUse =
  | {
      readonly kind: 'condition';
      readonly owner: ConditionOwner;
      readonly path: readonly PathSegment[];
    }
  | { readonly kind: 'message'; readonly alertId: string; readonly path: readonly PathSegment[] }
  | { readonly kind: 'measure'; readonly measureId: string; readonly path: readonly PathSegment[] }
  | { readonly kind: 'derived'; readonly factName: string; readonly path: readonly PathSegment[] }
  | { readonly kind: 'case-mix'; readonly path: readonly PathSegment[] }
  | {
      readonly kind: 'follow-up';
      readonly followUpId: string;
      readonly stepId?: string;
      readonly path: readonly PathSegment[];
    };

/** The indicator term naming alert `id`. */
const alertTerm = (id: string): string => `$alert:${id}`;

/** True when the condition node names `name` of `kind` itself (not through a named condition). */
function namesIt(node: Condition, kind: RenameKind, name: string): boolean {
  if (kind === 'condition') return isReference(node) && node.condition === name;
  if (!isLeaf(node)) return false;
  if (kind === 'alert') return node.fact === alertTerm(name);
  if (kind !== 'fact') return false;
  const value: unknown = node.value;
  const compared =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as { fact?: unknown }).fact
      : undefined;
  return node.fact === name || compared === name;
}

const PLACEHOLDER = /\{([^{}]*)\}/g;

function derivedInputs(fact: Fact): { key: string; name: string }[] {
  const d = fact.derived as Record<string, unknown> | undefined;
  if (d === undefined) return [];
  return ['from', 'minuend', 'subtrahend', 'part', 'whole'].flatMap((key) =>
    typeof d[key] === 'string' ? [{ key, name: d[key] }] : [],
  );
}

/** Every place of `doc` that names `name` of `kind`, in document order of kinds of place. */
export function usesOfName(doc: Pathway, kind: RenameKind, name: string): NameUse[] {
  const uses: NameUse[] = [];
  if (kind !== 'measure') {
    for (const root of conditionRoots(doc)) {
      walkCondition(
        root.when,
        ({ node, path }) => {
          if (namesIt(node, kind, name)) uses.push({ kind: 'condition', owner: root.owner, path });
        },
        root.path,
      );
    }
  }
  if (kind === 'fact') {
    doc.alerts.forEach((alert, a) => {
      for (const [language, text] of Object.entries(alert.message)) {
        if (text !== undefined && [...text.matchAll(PLACEHOLDER)].some((m) => m[1] === name))
          uses.push({
            kind: 'message',
            alertId: alert.id,
            path: ['alerts', a, 'message', language],
          });
      }
    });
    doc.measures.forEach((measure, m) => {
      const i = measure.facts?.indexOf(name) ?? -1;
      if (i >= 0)
        uses.push({ kind: 'measure', measureId: measure.id, path: ['measures', m, 'facts', i] });
    });
    doc.facts.forEach((fact, f) => {
      for (const input of derivedInputs(fact))
        if (input.name === name)
          uses.push({
            kind: 'derived',
            factName: fact.name,
            path: ['facts', f, 'derived', input.key],
          });
    });
    (doc.caseMix ?? []).forEach((entry, c) => {
      if (entry.fact === name) uses.push({ kind: 'case-mix', path: ['caseMix', c, 'fact'] });
    });
  }
  if (kind === 'measure') {
    const inFollowUps = (
      list: readonly FollowUp[],
      base: readonly PathSegment[],
      stepId?: string,
    ): void =>
      list.forEach((followUp, f) => {
        const i = followUp.measures.indexOf(name);
        if (i < 0) return;
        const path = [...base, f, 'measures', i];
        uses.push(
          stepId === undefined
            ? { kind: 'follow-up', followUpId: followUp.id, path }
            : { kind: 'follow-up', followUpId: followUp.id, stepId, path },
        );
      });
    doc.steps.forEach((step, s) => inFollowUps(step.followUps, ['steps', s, 'followUps'], step.id));
    inFollowUps(doc.followUps, ['followUps']);
  }
  return uses;
}

/** `condition` with every mention of `from` (of `kind`) renamed to `to`; the same object when none. */
function renameInCondition(
  condition: Condition,
  kind: RenameKind,
  from: string,
  to: string,
): Condition {
  let changed = false;
  const mapped = mapCondition(condition, (node) => {
    if (!namesIt(node, kind, from)) return node;
    changed = true;
    if (isReference(node)) return { condition: to };
    if (!isLeaf(node)) return node;
    if (kind === 'alert') return { ...node, fact: alertTerm(to) };
    const value: unknown = node.value;
    const renamedValue =
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      (value as { fact?: unknown }).fact === from
        ? { fact: to }
        : node.value;
    return { ...node, fact: node.fact === from ? to : node.fact, value: renamedValue } as Condition;
  });
  return changed ? mapped : condition;
}

function renameInTexts(texts: Texts, from: string, to: string): Texts {
  const out: Texts = {};
  for (const [language, text] of Object.entries(texts) as [keyof Texts, string | undefined][])
    if (text !== undefined)
      out[language] = text.replace(PLACEHOLDER, (whole, inner: string) =>
        inner === from ? `{${to}}` : whole,
      );
  return out;
}

/**
 * The document with `from` (a name of `kind`) renamed to `to` in its definition and every
 * place {@link usesOfName} lists. It does not check `to`: the caller refuses a name that is
 * malformed or taken (two entries of one name would silently merge).
 */
export function renameName(doc: Pathway, kind: RenameKind, from: string, to: string): Pathway {
  if (from === to) return doc;
  const when = (c: Condition): Condition =>
    kind === 'measure' ? c : renameInCondition(c, kind, from, to);
  const followUp = (f: FollowUp): FollowUp => {
    const next: FollowUp = {
      ...f,
      measures: kind === 'measure' ? f.measures.map((m) => (m === from ? to : m)) : f.measures,
    };
    if (f.appliesWhen !== undefined) next.appliesWhen = when(f.appliesWhen);
    if (f.dueWhen !== undefined) next.dueWhen = when(f.dueWhen);
    if (f.overdueWhen !== undefined) next.overdueWhen = when(f.overdueWhen);
    return next;
  };
  const renamed: Pathway = {
    ...doc,
    facts: doc.facts.map((fact) => {
      let next = kind === 'fact' && fact.name === from ? { ...fact, name: to } : fact;
      if (kind === 'fact' && derivedInputs(fact).some((input) => input.name === from)) {
        const derived = { ...(fact.derived as Record<string, unknown>) };
        for (const input of derivedInputs(fact)) if (input.name === from) derived[input.key] = to;
        next = { ...next, derived: derived as Fact['derived'] } as Fact;
      }
      return next;
    }),
    conditions: doc.conditions.map((c) => ({
      ...c,
      name: kind === 'condition' && c.name === from ? to : c.name,
      when: when(c.when),
    })),
    measures: doc.measures.map((m) => {
      const id = kind === 'measure' && m.id === from ? to : m.id;
      if (kind !== 'fact' || m.facts === undefined) return { ...m, id };
      return { ...m, id, facts: m.facts.map((f) => (f === from ? to : f)) };
    }),
    globalTransitions: doc.globalTransitions.map((t) => ({ ...t, when: when(t.when) })),
    steps: doc.steps.map((s) => ({
      ...s,
      followUps: s.followUps.map(followUp),
      transitions: s.transitions.map((t) => ({ ...t, when: when(t.when) })),
    })),
    alerts: doc.alerts.map((a) => ({
      ...a,
      id: kind === 'alert' && a.id === from ? to : a.id,
      when: when(a.when),
      message: kind === 'fact' ? renameInTexts(a.message, from, to) : a.message,
    })),
    followUps: doc.followUps.map(followUp),
  };
  if (doc.indicators !== undefined)
    renamed.indicators = doc.indicators.map((i) => ({
      ...i,
      denominator: when(i.denominator),
      numerator: when(i.numerator),
    }));
  if (doc.caseMix !== undefined && kind === 'fact')
    renamed.caseMix = doc.caseMix.map((c) => (c.fact === from ? { ...c, fact: to } : c));
  return renamed;
}

type Expectation = Scenario['expect'];

/** `record` with key `from` renamed to `to`, in place in the key order; the same object when absent. */
function renameKey<T>(record: Record<string, T>, from: string, to: string): Record<string, T> {
  if (!Object.hasOwn(record, from)) return record;
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k === from ? to : k, v]));
}

const renameIn = (list: readonly string[] | undefined, from: string, to: string) =>
  list?.map((item) => (item === from ? to : item));

function renameInExpectation(
  e: Expectation,
  kind: RenameKind,
  from: string,
  to: string,
): Expectation {
  const out: Expectation = { ...e };
  if (kind === 'fact') {
    if (e.missingFacts !== undefined) out.missingFacts = renameIn(e.missingFacts, from, to) ?? [];
    if (e.facts !== undefined) out.facts = renameKey(e.facts, from, to);
  }
  if (kind === 'alert')
    for (const key of ['alerts', 'alertsInclude', 'alertsExclude', 'undecidedAlerts'] as const) {
      const list = renameIn(e[key], from, to);
      if (list !== undefined) out[key] = list;
    }
  return out;
}

/**
 * A test patient (scenario) with every mention of the fact or alert `from` renamed to `to`:
 * its input facts and what it expects (for every version). Named conditions and measures are
 * not named in scenarios, so those renames leave it as it is. Whether a scenario may be
 * rewritten at all (it may be shared with frozen versions) is the caller's decision.
 */
export function renameInScenario(
  scenario: Scenario,
  kind: RenameKind,
  from: string,
  to: string,
): Scenario {
  if (from === to || (kind !== 'fact' && kind !== 'alert')) return scenario;
  const out: Scenario = {
    ...scenario,
    expect: renameInExpectation(scenario.expect, kind, from, to),
  };
  if (kind === 'fact')
    out.input = { ...scenario.input, facts: renameKey(scenario.input.facts, from, to) };
  if (scenario.expectByVersion !== undefined)
    out.expectByVersion = Object.fromEntries(
      Object.entries(scenario.expectByVersion).map(([v, e]) => [
        v,
        renameInExpectation(e, kind, from, to),
      ]),
    );
  return out;
}

/** True when the scenario names `name` of `kind` (in its facts or in what it expects). */
export function scenarioNames(scenario: Scenario, kind: RenameKind, name: string): boolean {
  return (
    JSON.stringify(renameInScenario(scenario, kind, name, `${name}\u0000`)) !==
    JSON.stringify(scenario)
  );
}
