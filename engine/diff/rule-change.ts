/**
 * How a condition changed. When the old and new rule have the same shape and differ in a
 * single comparison of the same fact, that comparison is the whole story (a changed
 * threshold, `weeksInStep ≥ 12 → ≥ 8`); otherwise the reviewer needs both rules.
 */
import { conditionChildren, conditionKind, isLeaf, isReference } from '../model/condition';
import type { Condition, LeafCondition } from '../model/types';
import { sameValue } from './equal';
import type { RuleChange } from './types';

type LeafPair = [LeafCondition, LeafCondition];

/**
 * Collects the differing leaves of two conditions of the same shape into `out`; false
 * when the shapes differ (then no single comparison explains the change).
 */
function differingLeaves(a: Condition, b: Condition, out: LeafPair[]): boolean {
  if (conditionKind(a) !== conditionKind(b)) return false;
  if (isLeaf(a) && isLeaf(b)) {
    if (!sameValue(a, b)) out.push([a, b]);
    return true;
  }
  if (isReference(a) && isReference(b)) return a.condition === b.condition;
  const left = conditionChildren(a);
  const right = conditionChildren(b);
  if (right.length !== left.length) return false;
  return left.every((child, i) => {
    const other = right[i];
    return other !== undefined && differingLeaves(child, other, out);
  });
}

/** The change between two conditions that differ. */
export function ruleChange(oldRule: Condition, newRule: Condition): RuleChange {
  const leaves: LeafPair[] = [];
  if (!differingLeaves(oldRule, newRule, leaves) || leaves.length !== 1) return { kind: 'rule' };
  const [before, after] = leaves[0] ?? [];
  if (before === undefined || after === undefined || before.fact !== after.fact)
    return { kind: 'rule' };
  return {
    kind: 'threshold',
    fact: before.fact,
    old: { operator: before.operator, value: before.value },
    new: { operator: after.operator, value: after.value },
  };
}
