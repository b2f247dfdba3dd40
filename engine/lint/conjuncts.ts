/**
 * The comparisons that must all hold for a condition to be true, with negation pushed down
 * (De Morgan holds in three-valued logic: `not any [a, b]` is `all [not a, not b]`, and
 * `not not a` is `a`). Named conditions count as part of the tree. What is not a conjunction
 * (an `any`, a `not all`) adds nothing: the list is a subset of what must hold, so a
 * contradiction found in it is real, and one missed is only missed, never invented.
 */
import {
  conditionChildren,
  isAll,
  isAny,
  isLeaf,
  isNot,
  isReference,
  type NamedConditions,
} from '../model/condition';
import type { Condition, LeafCondition } from '../model/types';
import { leafText } from './describe';
import { complement } from './negate';

/** One comparison that must hold; `negated` is the comparison written under `not`, if so. */
export interface Conjunct {
  readonly leaf: LeafCondition;
  readonly negated?: LeafCondition;
}

/**
 * The comparisons that must all hold for `node` (or, with `negate`, for `not node`) to be
 * true: leaves through `all`, `not any`, `not not` and named conditions.
 */
export function conjuncts(
  node: Condition,
  named: NamedConditions,
  negate = false,
  expanding: readonly string[] = [],
): Conjunct[] {
  if (isLeaf(node)) {
    if (!negate) return [{ leaf: node }];
    const opposite = complement(node);
    return opposite === undefined ? [] : [{ leaf: opposite, negated: node }];
  }
  if (isNot(node)) return conjuncts(node.not, named, !negate, expanding);
  if (isReference(node)) {
    const definition = named.get(node.condition);
    if (definition === undefined || expanding.includes(node.condition)) return [];
    return conjuncts(definition, named, negate, [...expanding, node.condition]);
  }
  const conjunction = negate ? isAny(node) : isAll(node);
  if (!conjunction) return [];
  return conditionChildren(node).flatMap((part) => conjuncts(part, named, negate, expanding));
}

/** A stable key of a conjunct's comparison, to compare lists of them. */
export function conjunctKey(conjunct: Conjunct): string {
  const { fact, operator, value } = conjunct.leaf;
  return JSON.stringify([fact, operator, value]);
}

/** A comparison as the author wrote it: `x > 3`, or `not x > 3` for one under `not`. */
export function conjunctText(part: Conjunct): string {
  return part.negated === undefined ? leafText(part.leaf) : `not ${leafText(part.negated)}`;
}
