/**
 * always-true-condition: a condition, or a part of one, that holds for every patient.
 * Either its shape decides it (an empty `all`, an `any` with such a part, `not` of a part
 * that is never true), or it compares a fact in a way every value the fact declares meets
 * (`age ≥ 0` when the range starts at 0; `x < 3` or `x ≥ 3` in one `any`): then only an
 * unknown value keeps it from being true, which is almost never what the author meant.
 * Indicators are left out of the second kind: there "score ≥ 0" is the way to say "recorded".
 */
import {
  conditionChildren,
  isAll,
  isAny,
  isLeaf,
  isNot,
  walkCondition,
} from '../../model/condition';
import { formatPath } from '../../model/path';
import type { Condition, Fact } from '../../model/types';
import { conjunctText, type Conjunct } from '../conjuncts';
import { complement } from '../negate';
import type { PathwayRule } from '../context';
import { coverEveryValue, isNeverTrue } from '../constant';
import { declaredWords } from '../describe';
import { makeIssue } from '../issue';
import type { LintIssue } from '../types';
import { conditionRoots, describeOwner } from '../walk';
import { constantParts, shapeReason } from './constant-shape';

/** `leaf`, or under `negate` its exact complement (none when it has no complement). */
function literal(leaf: Condition, negate: boolean): Conjunct | undefined {
  if (isNot(leaf)) return literal(leaf.not, !negate);
  if (!isLeaf(leaf)) return undefined;
  if (!negate) return { leaf };
  const opposite = complement(leaf);
  return opposite === undefined ? undefined : { leaf: opposite, negated: leaf };
}

/**
 * The comparisons of `node` of which one holding makes it true, grouped by fact: a comparison
 * alone (or `not` of one), and the comparisons on one fact side by side in an `any` (or in a
 * `not all`, each negated: `not all [a, b]` is `any [not a, not b]` in three-valued logic too).
 */
function disjunctGroups(node: Condition): Conjunct[][] {
  // A comparison alone, or `not` of one; deeper `not`s are judged at their own comparison.
  const single =
    isLeaf(node) || (isNot(node) && isLeaf(node.not)) ? literal(node, false) : undefined;
  if (single !== undefined) return [[single]];
  const negate = isNot(node) && isAll(node.not);
  const group = negate ? (node as { not: Condition }).not : node;
  if (!negate && !isAny(node)) return [];
  const byFact = new Map<string, Conjunct[]>();
  for (const part of conditionChildren(group)) {
    const found = literal(part, negate);
    if (found === undefined) continue;
    byFact.set(found.leaf.fact, [...(byFact.get(found.leaf.fact) ?? []), found]);
  }
  return [...byFact.values()].filter((parts) => parts.length > 1);
}

/** The `always-true-condition` rule; see the comment at the top of this file. */
export const alwaysTrueCondition: PathwayRule = {
  rule: 'always-true-condition',
  check({ doc, facts }) {
    const issues: LintIssue[] = [];
    for (const part of constantParts(doc)) {
      if (part.truth !== 'always') continue;
      issues.push(
        makeIssue(
          'always-true-condition',
          'warning',
          `The condition of ${describeOwner(part.root.owner)} is always true at ${formatPath(part.path)}, whatever the patient's facts: ${shapeReason(part.node, part.truth)}`,
          part.path,
          part.root.at,
        ),
      );
    }
    const factOf = (name: string): Fact | undefined => facts.get(name)?.item;
    for (const root of conditionRoots(doc)) {
      // Indicators count whose value is known with exactly such a comparison (`score ≥ 0`).
      if (isNeverTrue(root.when) || root.owner.kind === 'indicator') continue;
      const where = describeOwner(root.owner);
      walkCondition(
        root.when,
        ({ node, path }) => {
          for (const group of disjunctGroups(node)) {
            const first = group[0];
            const fact = first === undefined ? undefined : factOf(first.leaf.fact);
            if (fact === undefined || first === undefined) continue;
            const leaves = group.map((part) => part.leaf);
            if (!coverEveryValue(leaves, fact)) continue;
            // One comparison that covers everything on its own is reported where it stands.
            if (group.length > 1 && leaves.some((leaf) => coverEveryValue([leaf], fact))) continue;
            issues.push(
              makeIssue(
                'always-true-condition',
                'warning',
                group.length === 1
                  ? `The condition of ${where} is true for every known ${first.leaf.fact} at ${formatPath(path)}: ${conjunctText(first)}, and ${declaredWords(fact)}`
                  : `The condition of ${where} is true for every known ${first.leaf.fact} at ${formatPath(path)}: ${group.map(conjunctText).join(' or ')} leave no value out`,
                path,
                root.at,
              ),
            );
          }
        },
        root.path,
      );
    }
    return issues;
  },
};
