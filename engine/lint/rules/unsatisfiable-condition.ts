/**
 * unsatisfiable-condition: a condition that can never be true, so its transition is never
 * taken, its alert never fires. Either the comparisons that must all hold exclude each other
 * (`> 6` and `< 3`, `≥ 5` and `< 5`, `= 2` and `= 3`, `> 6` and `not > 3`), or a single
 * comparison cannot hold for any value the fact declares (`age > 120` when the range ends at
 * 120, `sickLeavePercent = 30` when the values are 0/25/50/75/100, `not age ≥ 0`). What must
 * hold is read through `all`, named conditions and `not` (pushed down to comparisons with an
 * exact complement: see `../conjuncts`). Only literal comparisons are judged; the warning is
 * given once, at the innermost node that is already contradictory.
 */
import { namedConditions, valueFact, walkCondition } from '../../model/condition';
import { formatPath as formatted, type PathSegment } from '../../model/path';
import type { Fact, LeafCondition } from '../../model/types';
import { conjunctKey, conjunctText, conjuncts, type Conjunct } from '../conjuncts';
import type { PathwayRule } from '../context';
import { declaredWords } from '../describe';
import { declaredDomain, isEmpty, narrow } from '../fact-domain';
import { makeIssue } from '../issue';
import type { LintIssue } from '../types';
import { conditionRoots, describeOwner, type ConditionRoot } from '../walk';
import { termAsFact } from '../../indicators/terms';

type FactLookup = (name: string) => Fact | undefined;

/** True when one comparison alone can never hold. */
function leafNeverHolds(leaf: LeafCondition, fact: Fact | undefined): boolean {
  if (fact === undefined || valueFact(leaf) !== undefined) return false;
  const declared = declaredDomain(fact);
  return !isEmpty(declared, fact) && isEmpty(narrow(declared, fact, leaf), fact);
}

/** The conjuncts on the first fact whose comparisons exclude each other. */
function contradiction(parts: readonly Conjunct[], factOf: FactLookup): Conjunct[] | undefined {
  const byFact = new Map<string, Conjunct[]>();
  for (const part of parts) {
    if (valueFact(part.leaf) !== undefined) continue;
    byFact.set(part.leaf.fact, [...(byFact.get(part.leaf.fact) ?? []), part]);
  }
  for (const [name, group] of byFact) {
    const fact = factOf(name);
    if (fact === undefined || group.length < 2) continue;
    // A comparison that can never hold on its own is reported where it stands.
    if (group.some((part) => leafNeverHolds(part.leaf, fact))) continue;
    let domain = declaredDomain(fact);
    for (const part of group) domain = narrow(domain, fact, part.leaf);
    if (isEmpty(domain, fact)) return group;
  }
  return undefined;
}

/** A node whose comparisons cannot all hold, and why. */
interface Failure {
  readonly path: readonly PathSegment[];
  readonly keys: ReadonlySet<string>;
  /** False for a reference: its definition is reported as a condition of its own. */
  readonly reported: boolean;
  readonly message: string;
}

/** True when `inner` lies strictly inside `outer`. */
function inside(inner: readonly PathSegment[], outer: readonly PathSegment[]): boolean {
  return inner.length > outer.length && outer.every((segment, i) => inner[i] === segment);
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
    for (const root of conditionRoots(doc)) issues.push(...rootIssues(root, named, factOf));
    return issues;
  },
};

function rootIssues(
  root: ConditionRoot,
  named: ReturnType<typeof namedConditions>,
  factOf: FactLookup,
): LintIssue[] {
  const where = describeOwner(root.owner);
  const failures: Failure[] = [];
  walkCondition(
    root.when,
    ({ node, kind, path }) => {
      if (kind === 'any') return;
      const parts = conjuncts(node, named);
      const keys = new Set(parts.map(conjunctKey));
      const reported = kind !== 'reference';
      const [first] = parts;
      if (parts.length === 1 && first !== undefined) {
        const fact = factOf(first.leaf.fact);
        if (fact !== undefined && leafNeverHolds(first.leaf, fact))
          failures.push({
            path,
            keys,
            reported,
            message: `The condition of ${where} can never be true at ${formatted(path)}: ${conjunctText(first)}, but ${declaredWords(fact)}`,
          });
        return;
      }
      const found = contradiction(parts, factOf);
      if (found === undefined) return;
      failures.push({
        path,
        keys,
        reported,
        message: `The condition of ${where} can never be true at ${formatted(path)}: ${found.map(conjunctText).join(' and ')} exclude each other`,
      });
    },
    root.path,
  );
  // Once, innermost: a node is not reported when a part of it already fails on comparisons it holds too.
  return failures
    .filter(
      (outer) =>
        outer.reported &&
        !failures.some(
          (inner) =>
            inside(inner.path, outer.path) && [...inner.keys].every((key) => outer.keys.has(key)),
        ),
    )
    .map((failure) =>
      makeIssue('unsatisfiable-condition', 'warning', failure.message, failure.path, root.at),
    );
}
