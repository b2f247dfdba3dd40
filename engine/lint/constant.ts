/**
 * Conditions whose answer does not depend on the patient: true or false by their shape alone
 * (an empty `all` is true, so `{ not: { all: [] } }` is false), and comparisons that hold for
 * every value a fact can take (`age ≥ 0` when the range starts at 0, `x < 3 or x ≥ 3`).
 *
 * The shape is judged as json-rules-engine and the engine both evaluate it: an empty `all` is
 * true (the schema refuses an empty `any`, on which the two disagree).
 */
import {
  conditionChildren,
  isAll,
  isAny,
  isLeaf,
  isNot,
  isReference,
  valueFact,
  type NamedConditions,
} from '../model/condition';
import type { Condition, Fact, LeafCondition } from '../model/types';
import { declaredDomain, isEmpty, narrow } from './fact-domain';
import { literalFits } from './fact-types';
import { complement, hasComplement } from './negate';

export { NEVER_TRUE, isNeverTrue } from '../model/never-true';

/** What a condition is regardless of facts, when its shape decides it. */
export type ShapeTruth = 'always' | 'never';

/**
 * `always` or `never` when the shape of `condition` decides its answer (empty `all`, `not`
 * of such a part, an `any` with an always-true part, …); undefined when facts can change it.
 * Comparisons count as undecided here (their own rules judge them); named conditions are
 * followed, a cycle is undecided.
 */
export function shapeTruth(
  condition: Condition,
  named: NamedConditions,
  expanding: readonly string[] = [],
): ShapeTruth | undefined {
  if (isLeaf(condition)) return undefined;
  if (isReference(condition)) {
    const definition = named.get(condition.condition);
    if (definition === undefined || expanding.includes(condition.condition)) return undefined;
    return shapeTruth(definition, named, [...expanding, condition.condition]);
  }
  if (isNot(condition)) {
    const inner = shapeTruth(condition.not, named, expanding);
    return inner === undefined ? undefined : inner === 'always' ? 'never' : 'always';
  }
  const parts = conditionChildren(condition).map((part) => shapeTruth(part, named, expanding));
  if (isAll(condition)) {
    if (parts.includes('never')) return 'never';
    return parts.every((p) => p === 'always') ? 'always' : undefined;
  }
  if (isAny(condition)) {
    if (parts.includes('always')) return 'always';
    // Not reachable through the schema (an empty `any` is refused); never true by Kleene's logic.
    return parts.every((p) => p === 'never') ? 'never' : undefined;
  }
  return undefined;
}

/** True when `narrow` judges `leaf`: a literal of the fact's type, in the shape its operator takes. */
function judged(leaf: LeafCondition, fact: Fact): boolean {
  if (fact.type === 'date' || fact.type === 'string[]' || fact.type === 'medications') return false;
  if (valueFact(leaf) !== undefined || !hasComplement(leaf.operator)) return false;
  const list = leaf.operator === 'in' || leaf.operator === 'notIn';
  const value: unknown = leaf.value;
  if (Array.isArray(value) !== list) return false;
  const items: unknown[] = Array.isArray(value) ? value : [value];
  return items.every(
    (item) =>
      (typeof item === 'number' || typeof item === 'string' || typeof item === 'boolean') &&
      literalFits(fact.type, item),
  );
}

/**
 * True when at least one of `leaves` (all comparisons on `fact`) holds for every value the
 * fact can take: their complements exclude each other. False when some value makes them all
 * false, or when a comparison cannot be judged (dates, lists, `{ fact }` values): never a guess.
 */
export function coverEveryValue(leaves: readonly LeafCondition[], fact: Fact): boolean {
  const declared = declaredDomain(fact);
  if (leaves.length === 0 || isEmpty(declared, fact)) return false;
  if (!leaves.every((leaf) => judged(leaf, fact))) return false;
  let domain = declared;
  for (const leaf of leaves) {
    const opposite = complement(leaf);
    if (opposite === undefined) return false;
    domain = narrow(domain, fact, opposite);
  }
  return isEmpty(domain, fact);
}
