/**
 * The integrity checks evaluation relies on: every step and named condition a pathway refers
 * to exists, and named conditions do not refer to each other in a cycle. Every condition the
 * engine evaluates is checked — transitions, alerts, named conditions and follow-up rules —
 * so that no evaluator meets an unknown reference at run time.
 */
import { PathwayError, type ErrorIssue } from '../errors';
import { namedConditions, referencedConditions } from '../model/condition';
import { conditionRoots } from '../model/condition-roots';
import { formatPath } from '../model/path';
import type { Pathway } from '../model/types';
import { derivationOrder } from '../facts/derive';
import { MedicationRules } from '../facts/medication-rules';
import { indicatorIssues } from '../indicators/integrity';

/** Finds what would make evaluation impossible: unknown steps or conditions, and cycles of named conditions. */
function integrityIssues(pathway: Pathway): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const stepIds = new Set(pathway.steps.map((s) => s.id));
  const named = namedConditions(pathway);
  const checkStep = (id: string, path: string): void => {
    if (!stepIds.has(id))
      issues.push({ code: 'UNKNOWN_STEP', message: `unknown step '${id}'`, path, value: id });
  };
  checkStep(pathway.entryStep, 'entryStep');
  pathway.globalTransitions.forEach((t, i) => checkStep(t.to, `globalTransitions[${i}].to`));
  pathway.steps.forEach((s, si) =>
    s.transitions.forEach((t, ti) => checkStep(t.to, `steps[${si}].transitions[${ti}].to`)),
  );
  // Every tree the engine evaluates, follow-up rules included, comes from conditionRoots,
  // so a place that holds a condition cannot be skipped here.
  for (const root of conditionRoots(pathway)) {
    for (const name of referencedConditions(root.when)) {
      if (!named.has(name))
        issues.push({
          code: 'UNKNOWN_CONDITION',
          message: `unknown named condition '${name}'`,
          path: formatPath(root.path),
          value: name,
        });
    }
  }
  // A cycle of named conditions would make json-rules-engine recurse forever.
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, trail: string[]): void => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      issues.push({
        code: 'UNKNOWN_CONDITION',
        message: `named conditions refer to each other in a cycle: ${[...trail, name].join(' → ')}`,
        path: 'conditions',
        value: name,
      });
      return;
    }
    state.set(name, 'visiting');
    const when = named.get(name);
    if (when !== undefined)
      for (const next of referencedConditions(when)) visit(next, [...trail, name]);
    state.set(name, 'done');
  };
  for (const name of named.keys()) visit(name, []);
  // Indicators and case mix are counted from every evaluation: a broken one is refused here too.
  issues.push(...indicatorIssues(pathway));
  return issues;
}

/**
 * Throws a {@link PathwayError} naming every problem that would make `pathway` impossible to
 * evaluate (the first problem's code is the error's code), then checks its derivations.
 */
export function checkIntegrity(pathway: Pathway): void {
  const issues = integrityIssues(pathway);
  if (issues.length > 0) {
    const first = issues[0] as ErrorIssue;
    throw new PathwayError(
      first.code,
      `pathway ${pathway.id} ${pathway.version} cannot be evaluated: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      issues,
      pathway.id,
    );
  }
  // Derivation problems (a cycle, an unknown MME table or drug class) are properties of the pathway, not
  // of a patient, so they surface here rather than on the first patient taking an opioid.
  derivationOrder(pathway);
  MedicationRules.of(pathway);
}
