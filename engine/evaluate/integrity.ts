/**
 * The integrity checks evaluation relies on: every step and named condition a pathway refers
 * to exists, and named conditions do not refer to each other in a cycle. Every condition the
 * engine evaluates is checked — transitions, alerts, named conditions and follow-up rules —
 * so that no evaluator meets an unknown reference at run time.
 */
import { PathwayError, type ErrorIssue } from '../errors';
import type { Condition, FollowUp, Pathway } from '../model/types';
import { derivationOrder } from '../facts/derive';
import { DEFAULT_MME_TABLE, getMmeTable } from '../facts/mme';

function referencedNames(condition: Condition, into: string[] = []): string[] {
  if ('all' in condition) condition.all.forEach((c) => referencedNames(c, into));
  else if ('any' in condition) condition.any.forEach((c) => referencedNames(c, into));
  else if ('not' in condition) referencedNames(condition.not, into);
  else if ('condition' in condition) into.push(condition.condition);
  return into;
}

/** Finds what would make evaluation impossible: unknown steps or conditions, and cycles of named conditions. */
function integrityIssues(pathway: Pathway): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const stepIds = new Set(pathway.steps.map((s) => s.id));
  const named = new Map(pathway.conditions.map((c) => [c.name, c.when]));
  const checkStep = (id: string, path: string): void => {
    if (!stepIds.has(id))
      issues.push({ code: 'UNKNOWN_STEP', message: `unknown step '${id}'`, path, value: id });
  };
  const checkRefs = (condition: Condition, path: string): void => {
    for (const name of referencedNames(condition)) {
      if (!named.has(name))
        issues.push({
          code: 'UNKNOWN_CONDITION',
          message: `unknown named condition '${name}'`,
          path,
          value: name,
        });
    }
  };
  checkStep(pathway.entryStep, 'entryStep');
  pathway.globalTransitions.forEach((t, i) => {
    checkStep(t.to, `globalTransitions[${i}].to`);
    checkRefs(t.when, `globalTransitions[${i}].when`);
  });
  pathway.steps.forEach((s, si) =>
    s.transitions.forEach((t, ti) => {
      checkStep(t.to, `steps[${si}].transitions[${ti}].to`);
      checkRefs(t.when, `steps[${si}].transitions[${ti}].when`);
    }),
  );
  pathway.alerts.forEach((a, i) => checkRefs(a.when, `alerts[${i}].when`));
  pathway.conditions.forEach((c, i) => checkRefs(c.when, `conditions[${i}].when`));
  // Follow-up rules are evaluated too: an unknown name there must be refused as well.
  const checkFollowUp = (followUp: FollowUp, path: string): void => {
    for (const part of ['appliesWhen', 'dueWhen', 'overdueWhen'] as const) {
      const when = followUp[part];
      if (when !== undefined) checkRefs(when, `${path}.${part}`);
    }
  };
  pathway.steps.forEach((s, si) =>
    s.followUps.forEach((f, fi) => checkFollowUp(f, `steps[${si}].followUps[${fi}]`)),
  );
  pathway.followUps.forEach((f, i) => checkFollowUp(f, `followUps[${i}]`));
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
    if (when !== undefined) for (const next of referencedNames(when)) visit(next, [...trail, name]);
    state.set(name, 'done');
  };
  for (const name of named.keys()) visit(name, []);
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
  // Derivation problems (a cycle, an unknown MME table) are properties of the pathway, not
  // of a patient, so they surface here rather than on the first patient taking an opioid.
  derivationOrder(pathway);
  if (pathway.mmeTable !== undefined) getMmeTable(pathway.mmeTable);
  for (const fact of pathway.facts) {
    if (fact.derived?.kind === 'mme')
      getMmeTable(fact.derived.table ?? pathway.mmeTable ?? DEFAULT_MME_TABLE);
  }
}
