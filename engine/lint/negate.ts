/**
 * Negation pushed down to comparisons. For a known value, `not (x > 3)` holds exactly when
 * `x ≤ 3` does, and for an unknown value both are unknown (three-valued logic: `not unknown`
 * is unknown, and a comparison with an unknown fact is unknown), so the rewrite is exact for
 * the operators that have such a complement. Other operators (dates, lists, registered
 * extras) have none here: what cannot be negated exactly is left alone, never guessed.
 */
import type { LeafCondition } from '../model/types';

const COMPLEMENT: Readonly<Record<string, LeafCondition['operator']>> = {
  equal: 'notEqual',
  notEqual: 'equal',
  lessThan: 'greaterThanInclusive',
  greaterThanInclusive: 'lessThan',
  greaterThan: 'lessThanInclusive',
  lessThanInclusive: 'greaterThan',
  in: 'notIn',
  notIn: 'in',
};

/** True when `operator` has an exact complement (see {@link complement}). */
export function hasComplement(operator: string): boolean {
  return operator in COMPLEMENT;
}

/** The comparison true exactly when `leaf` is false (for a known value), if there is one. */
export function complement(leaf: LeafCondition): LeafCondition | undefined {
  const operator = COMPLEMENT[leaf.operator];
  return operator === undefined ? undefined : { ...leaf, operator };
}
