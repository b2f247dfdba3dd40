/**
 * always-true-condition: a condition, or a part of one, that holds for every patient.
 * Either its shape decides it (an empty `all`, an `any` with such a part, `not` of a part
 * that is never true), or it compares a fact in a way every value the fact declares meets
 * (`age ≥ 0` when the range starts at 0; `x < 3` or `x ≥ 3` in one `any`): then only an
 * unknown value keeps it from being true, which is almost never what the author meant.
 * Indicators are left out of the second kind: there "score ≥ 0" is the way to say "recorded".
 */
import { conditionChildren, isAny, isLeaf, walkCondition } from '../../model/condition';
import { formatPath } from '../../model/path';
import type { Fact, LeafCondition } from '../../model/types';
import type { PathwayRule } from '../context';
import { coverEveryValue, isNeverTrue } from '../constant';
import { declaredWords, leafText } from '../describe';
import { makeIssue } from '../issue';
import type { LintIssue } from '../types';
import { conditionRoots, describeOwner } from '../walk';
import { constantParts, shapeReason } from './constant-shape';

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
          // A comparison alone, and the comparisons on one fact side by side in an `any`.
          const groups: LeafCondition[][] = [];
          if (isLeaf(node)) groups.push([node]);
          else if (isAny(node)) {
            const byFact = new Map<string, LeafCondition[]>();
            for (const part of conditionChildren(node)) {
              if (isLeaf(part)) byFact.set(part.fact, [...(byFact.get(part.fact) ?? []), part]);
            }
            for (const group of byFact.values()) if (group.length > 1) groups.push(group);
          }
          for (const group of groups) {
            const first = group[0];
            const fact = first === undefined ? undefined : factOf(first.fact);
            if (fact === undefined || first === undefined || !coverEveryValue(group, fact))
              continue;
            // One comparison that covers everything on its own is reported where it stands.
            if (group.length > 1 && group.some((leaf) => coverEveryValue([leaf], fact))) continue;
            issues.push(
              makeIssue(
                'always-true-condition',
                'warning',
                group.length === 1
                  ? `The condition of ${where} is true for every known ${first.fact} at ${formatPath(path)}: ${leafText(first)}, and ${declaredWords(fact)}`
                  : `The condition of ${where} is true for every known ${first.fact} at ${formatPath(path)}: ${group.map(leafText).join(' or ')} leave no value out`,
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
