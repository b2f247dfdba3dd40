/**
 * unsatisfiable-condition: a condition that can never be true, so its transition is never
 * taken, its alert never fires. Either an `all` holds comparisons on one fact that exclude
 * each other (`> 6` and `< 3`, `≥ 5` and `< 5`, `= 2` and `= 3`), or a single comparison
 * cannot hold for any value the fact declares (`age > 120` when the range ends at 120,
 * `sickLeavePercent = 30` when the values are 0/25/50/75/100). A named condition an `all`
 * refers to counts as part of it. Only literal comparisons are judged; the warning is given
 * once, at the innermost `all` (or leaf) that is already contradictory.
 */
import {
  conditionChildren,
  isAll,
  isLeaf,
  isReference,
  namedConditions,
  valueFact,
  walkCondition,
  type NamedConditions,
} from '../../model/condition';
import { formatPath as formatted } from '../../model/path';
import type { Condition, Fact, LeafCondition } from '../../model/types';
import type { PathwayRule } from '../context';
import { declaredWords, leafText } from '../describe';
import { declaredDomain, isEmpty, narrow } from '../fact-domain';
import { makeIssue } from '../issue';
import type { LintIssue } from '../types';
import { conditionRoots, describeOwner } from '../walk';
import { termAsFact } from '../../indicators/terms';

/** The comparisons that must all hold for `node` to be true: leaves through `all` and named conditions. */
function conjuncts(
  node: Condition,
  named: NamedConditions,
  expanding: string[] = [],
): LeafCondition[] {
  if (isLeaf(node)) return [node];
  if (isAll(node))
    return conditionChildren(node).flatMap((part) => conjuncts(part, named, expanding));
  if (isReference(node)) {
    const definition = named.get(node.condition);
    if (definition === undefined || expanding.includes(node.condition)) return [];
    return conjuncts(definition, named, [...expanding, node.condition]);
  }
  return [];
}

type FactLookup = (name: string) => Fact | undefined;

/** True when one comparison alone can never hold. */
function leafNeverHolds(leaf: LeafCondition, fact: Fact | undefined): boolean {
  if (fact === undefined || valueFact(leaf) !== undefined) return false;
  const declared = declaredDomain(fact);
  return !isEmpty(declared, fact) && isEmpty(narrow(declared, fact, leaf), fact);
}

/** The leaves on the first fact whose comparisons in `leaves` exclude each other. */
function contradiction(
  leaves: readonly LeafCondition[],
  factOf: FactLookup,
): LeafCondition[] | undefined {
  const byFact = new Map<string, LeafCondition[]>();
  for (const leaf of leaves) {
    if (valueFact(leaf) !== undefined) continue;
    byFact.set(leaf.fact, [...(byFact.get(leaf.fact) ?? []), leaf]);
  }
  for (const [name, group] of byFact) {
    const fact = factOf(name);
    if (fact === undefined || group.length < 2) continue;
    if (group.some((leaf) => leafNeverHolds(leaf, fact))) continue;
    let domain = declaredDomain(fact);
    for (const leaf of group) domain = narrow(domain, fact, leaf);
    if (isEmpty(domain, fact)) return group;
  }
  return undefined;
}

/** The `unsatisfiable-condition` rule; see the comment at the top of this file. */
export const unsatisfiableCondition: PathwayRule = {
  rule: 'unsatisfiable-condition',
  check({ doc, facts }) {
    const named = namedConditions(doc);
    const stepIds = doc.steps.map((s) => s.id);
    // Outcome terms (in indicators) are judged by the values they can take.
    const factOf: FactLookup = (name) => facts.get(name)?.item ?? termAsFact(name, stepIds);
    const issues: LintIssue[] = [];
    for (const root of conditionRoots(doc)) {
      const where = describeOwner(root.owner);
      walkCondition(
        root.when,
        ({ node, path }) => {
          if (isLeaf(node)) {
            const fact = factOf(node.fact);
            if (fact === undefined || !leafNeverHolds(node, fact)) return;
            issues.push(
              makeIssue(
                'unsatisfiable-condition',
                'warning',
                `The condition of ${where} can never be true at ${formatted(path)}: ${leafText(node)}, but ${declaredWords(fact)}`,
                path,
                root.at,
              ),
            );
            return;
          }
          if (!isAll(node)) return;
          // An inner all or named condition that is contradictory on its own is reported there.
          const innerFails = conditionChildren(node).some(
            (part) =>
              (isAll(part) || isReference(part)) &&
              contradiction(conjuncts(part, named), factOf) !== undefined,
          );
          if (innerFails) return;
          const found = contradiction(conjuncts(node, named), factOf);
          if (found === undefined) return;
          issues.push(
            makeIssue(
              'unsatisfiable-condition',
              'warning',
              `The condition of ${where} can never be true at ${formatted(path)}: ${found.map(leafText).join(' and ')} exclude each other`,
              path,
              root.at,
            ),
          );
        },
        root.path,
      );
    }
    return issues;
  },
};
