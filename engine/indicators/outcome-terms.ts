/**
 * The values of the outcome terms for one patient, read from its evaluation
 * ({@link EvaluatedWalk}: an Outcome, or a batch's result columns). An unknown value is
 * `undefined` (the condition evaluator reads it as unknown), and each unknown term knows which
 * input facts would decide it (worked out only when asked for).
 *
 * - `$step`: the step the walk ended in (with `$status` `needs-information`, the step it
 *   waits in).
 * - `$status`: `settled` or `needs-information`.
 * - `$visited:<step>`: true when the walk passed through the step, the final one included;
 *   false when it did not and the walk settled; unknown when it did not but the walk stopped
 *   for missing information, since it may yet get there.
 * - `$alert:<alert>`: true when the alert fired, unknown when undecided, else false.
 * - `$followUp:<id>`: the listed status (`upcoming`, `due`, `overdue`); `not-applicable`
 *   when a step-level follow-up belongs to another step than the final one, or its
 *   `appliesWhen` is false, or nothing lists it although all its rules are decided;
 *   unknown when its `appliesWhen` is unknown, when an `overdueWhen` / `dueWhen` that would
 *   change the answer is unknown, or when it is scheduled (`at`) in the final step but not
 *   listed (its timing is then unknown).
 */
import type { FollowUp, Pathway } from '../model/types';
import type { OutcomeTerm } from './terms';
import type { EvaluatedWalk } from './walk';

/** A term's value, with the input facts behind it when it is unknown. */
export interface TermValue {
  value: unknown;
  missingFacts: readonly string[];
}

const KNOWN = (value: unknown): TermValue => ({ value, missingFacts: [] });
/** An unknown value; its missing facts are worked out only when `missing` says so. */
const UNKNOWN = (missing: boolean, facts: () => readonly string[]): TermValue => ({
  value: undefined,
  missingFacts: missing ? facts() : [],
});

/** Truth of a follow-up's rule as the caller evaluated it: 0 false, 1 unknown, 2 true. */
export interface FollowUpRuleTruth {
  truth(part: 'appliesWhen' | 'dueWhen' | 'overdueWhen'): number | undefined;
  /** Input facts behind the rule's unknown part. */
  missing(part: 'appliesWhen' | 'dueWhen' | 'overdueWhen'): string[];
}

/** A follow-up of the pathway with the step it belongs to (undefined: pathway-level). */
export interface PlacedFollowUp {
  followUp: FollowUp;
  step: string | undefined;
}

/** Every follow-up by id: the first of each id in file order (steps, then the pathway's). */
export function placedFollowUps(pathway: Pathway): Map<string, PlacedFollowUp[]> {
  const out = new Map<string, PlacedFollowUp[]>();
  const add = (followUp: FollowUp, step: string | undefined): void => {
    const list = out.get(followUp.id) ?? [];
    list.push({ followUp, step });
    out.set(followUp.id, list);
  };
  for (const step of pathway.steps) for (const f of step.followUps) add(f, step.id);
  for (const f of pathway.followUps) add(f, undefined);
  return out;
}

/** The value of `$followUp:<id>` given the rules' truths for the placement that applies. */
function followUpValue(
  id: string,
  walk: EvaluatedWalk,
  placed: readonly PlacedFollowUp[],
  rules: (placed: PlacedFollowUp) => FollowUpRuleTruth,
  missing: boolean,
): TermValue {
  // The final step's own follow-up first, then the pathway's, as the outcome lists them.
  const step = walk.step();
  const inFinal = placed.find((p) => p.step === step) ?? placed.find((p) => p.step === undefined);
  if (inFinal === undefined) return KNOWN('not-applicable');
  const truth = rules(inFinal);
  const listed = walk.followUpStatus(id, inFinal.step);
  const applies = truth.truth('appliesWhen');
  if (applies === 1) return UNKNOWN(missing, () => truth.missing('appliesWhen'));
  if (applies === 0 && listed === undefined) return KNOWN('not-applicable');
  const overdue = truth.truth('overdueWhen');
  // An unknown overdue rule could turn any other answer into `overdue`.
  if (overdue === 1 && listed !== 'overdue')
    return UNKNOWN(missing, () => truth.missing('overdueWhen'));
  if (listed !== undefined) return KNOWN(listed);
  const due = truth.truth('dueWhen');
  if (due === 1) return UNKNOWN(missing, () => truth.missing('dueWhen'));
  // Applicable, scheduled in the final step, yet unlisted: the time in the step is unknown.
  if (inFinal.followUp.at !== undefined && inFinal.step !== undefined)
    return { value: undefined, missingFacts: [] };
  return KNOWN('not-applicable');
}

/**
 * The value of one outcome term for the patient whose walk this is. With `missing` false an
 * unknown value's `missingFacts` stay empty (a caller that only counts never reads them).
 */
export function termValue(
  term: OutcomeTerm,
  walk: EvaluatedWalk,
  followUps: ReadonlyMap<string, readonly PlacedFollowUp[]>,
  rules: (placed: PlacedFollowUp) => FollowUpRuleTruth,
  missing = true,
): TermValue {
  switch (term.kind) {
    case 'step':
      return KNOWN(walk.step());
    case 'status':
      return KNOWN(walk.status());
    case 'visited':
      if (walk.visited(term.id)) return KNOWN(true);
      return walk.status() === 'needs-information'
        ? UNKNOWN(missing, () => walk.missingFacts())
        : KNOWN(false);
    case 'alert': {
      const truth = walk.alert(term.id);
      if (truth === 2) return KNOWN(true);
      return truth === 0 ? KNOWN(false) : UNKNOWN(missing, () => walk.alertMissingFacts(term.id));
    }
    case 'followUp':
      return followUpValue(term.id, walk, followUps.get(term.id) ?? [], rules, missing);
  }
}
