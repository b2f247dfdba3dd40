/**
 * threshold-out-of-range: a numeric threshold outside the fact's declared range (ÖMPSQ ≥ 150
 * when the scale ends at 100), or a value that is not one of the fact's declared `values`.
 * Such a comparison has the same answer for every valid patient, which is never what the
 * author meant. Thresholds on the edge of the range are allowed. Values whose type does
 * not fit are left to operator-type.
 */
import { valueFact } from '../../model/condition';
import type { PathSegment } from '../../model/path';
import type { Fact } from '../../model/types';
import type { PathwayRule } from '../context';
import { showRange, showValue } from '../describe';
import { isContainment, isEquality, isMembership, isNumericType } from '../fact-types';
import { makeIssue } from '../issue';
import type { LintIssue } from '../types';
import { describeOwner } from '../walk';

/** Each literal the leaf compares with, and its path. */
function literals(value: unknown, operator: string, path: readonly PathSegment[]) {
  if (isMembership(operator) && Array.isArray(value)) {
    return value.map((item: unknown, i) => ({ item, path: [...path, i] }));
  }
  return [{ item: value, path }];
}

function outOfRange(fact: Fact, item: unknown): boolean {
  if (typeof item !== 'number' || !isNumericType(fact.type) || fact.range === undefined) {
    return false;
  }
  const { min, max } = fact.range;
  return (min !== undefined && item < min) || (max !== undefined && item > max);
}

/** Only equality, membership and containment look for a value among `values`. */
function notAmongValues(fact: Fact, operator: string, item: unknown): boolean {
  if (fact.values === undefined) return false;
  if (!isEquality(operator) && !isMembership(operator) && !isContainment(operator)) return false;
  const elementIsNumber = isNumericType(fact.type);
  const fits = elementIsNumber ? typeof item === 'number' : typeof item === 'string';
  return fits && !fact.values.includes(item as string | number);
}

/** The `threshold-out-of-range` rule; see the comment at the top of this file. */
export const thresholdOutOfRange: PathwayRule = {
  rule: 'threshold-out-of-range',
  check({ nodes, facts }) {
    const issues: LintIssue[] = [];
    for (const node of nodes) {
      if (node.kind !== 'leaf' || node.leaf.operator === 'notEmpty') continue;
      const fact = facts.get(node.leaf.fact)?.item;
      if (fact === undefined || valueFact(node.leaf) !== undefined) continue;
      const where = describeOwner(node.root.owner);
      const { operator } = node.leaf;
      for (const { item, path } of literals(node.leaf.value, operator, [...node.path, 'value'])) {
        if (outOfRange(fact, item)) {
          issues.push(
            makeIssue(
              'threshold-out-of-range',
              'error',
              `Threshold ${showValue(item)} for fact "${fact.name}" in ${where} is outside its range ${showRange(fact.range) ?? ''}`,
              path,
              node.root.at,
            ),
          );
        } else if (notAmongValues(fact, operator, item)) {
          issues.push(
            makeIssue(
              'threshold-out-of-range',
              'error',
              `Value ${showValue(item)} for fact "${fact.name}" in ${where} is not one of its values: ${(fact.values ?? []).map((v) => showValue(v)).join(', ')}`,
              path,
              node.root.at,
            ),
          );
        }
      }
    }
    return issues;
  },
};
