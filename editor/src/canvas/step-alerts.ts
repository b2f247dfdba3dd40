/**
 * Which alerts concern which step, for the alert badges on the canvas. An alert concerns a
 * step when its condition (named conditions followed) asks that the step at the start of the
 * evaluation — a fact derived as `startStep` — is that step (`equal` or `in`), outside any
 * `not`. An alert that names no step concerns every step: the canvas counts those once.
 */
import { conditionChildren, isLeaf, isReference, type Condition } from '../../../engine/editor';
import type { Pathway } from '../../../engine/index';

/** Alert counts: by step id, and the alerts that name no step. */
export interface StepAlerts {
  byStep: ReadonlyMap<string, number>;
  everywhere: number;
}

const cache = new WeakMap<Pathway, StepAlerts>();

/** The step ids a condition names through a start-step fact (positive mentions only). */
function namedSteps(
  pathway: Pathway,
  condition: Condition,
  startFacts: ReadonlySet<string>,
  seen: Set<string>,
  out: Set<string>,
): void {
  if (isReference(condition)) {
    // A named condition is followed once: a cycle is lint's to report, not ours to loop on.
    if (seen.has(condition.condition)) return;
    seen.add(condition.condition);
    const named = pathway.conditions.find((c) => c.name === condition.condition);
    if (named !== undefined) namedSteps(pathway, named.when, startFacts, seen, out);
    return;
  }
  if (isLeaf(condition)) {
    if (!startFacts.has(condition.fact)) return;
    if (condition.operator === 'equal' && typeof condition.value === 'string')
      out.add(condition.value);
    if (condition.operator === 'in' && Array.isArray(condition.value))
      for (const v of condition.value) if (typeof v === 'string') out.add(v);
    return;
  }
  // Under `not` a step is excluded, not concerned.
  if ('not' in condition) return;
  for (const child of conditionChildren(condition))
    namedSteps(pathway, child, startFacts, seen, out);
}

/** The alert counts of a document, computed once per document object (documents are immutable). */
export function stepAlerts(pathway: Pathway): StepAlerts {
  const cached = cache.get(pathway);
  if (cached !== undefined) return cached;
  const startFacts = new Set(
    pathway.facts.filter((f) => f.derived?.kind === 'startStep').map((f) => f.name),
  );
  const byStep = new Map<string, number>();
  let everywhere = 0;
  for (const alert of pathway.alerts) {
    const steps = new Set<string>();
    namedSteps(pathway, alert.when, startFacts, new Set(), steps);
    if (steps.size === 0) everywhere++;
    for (const id of steps) byStep.set(id, (byStep.get(id) ?? 0) + 1);
  }
  const result = { byStep, everywhere };
  cache.set(pathway, result);
  return result;
}
