/**
 * operator-type: the operator does not fit the fact's type (greaterThan on a boolean,
 * contains on a number, notEmpty on a scalar), or the value does not fit the operator and
 * the fact (a string compared with a number, `in` without a list). json-rules-engine
 * would quietly answer false for such a comparison, so it is an error here.
 */
import { valueFact } from '../../model/condition';
import type { PathSegment } from '../../model/path';
import { OPERATORS } from '../../model/schema';
import type { Fact, Operator } from '../../model/types';
import type { PathwayRule } from '../context';
import { listOr, showValue } from '../describe';
import {
  expectedLiteral,
  isContainment,
  isMembership,
  literalFits,
  OPERATOR_FACT_TYPES,
  typesComparable,
  type FactType,
} from '../fact-types';
import { makeIssue } from '../issue';
import type { LintIssue } from '../types';
import { describeOwner, type ConditionNode } from '../walk';

type LeafNode = Extract<ConditionNode, { kind: 'leaf' }>;

const isOperator = (operator: string): operator is Operator =>
  (OPERATORS as readonly string[]).includes(operator);

/** The `operator-type` rule; see the comment at the top of this file. */
export const operatorType: PathwayRule = {
  rule: 'operator-type',
  check({ nodes, facts }) {
    const issues: LintIssue[] = [];
    for (const node of nodes) {
      if (node.kind !== 'leaf') continue;
      const fact = facts.get(node.leaf.fact)?.item;
      // An unknown fact is reported by unknown-fact; its type is not known here.
      if (fact === undefined) continue;
      const report = (message: string, path: readonly PathSegment[]): void => {
        issues.push(makeIssue('operator-type', 'error', message, path, node.root.at));
      };
      checkLeaf(node, fact, (name) => facts.get(name)?.item, report);
    }
    return issues;
  },
};

function checkLeaf(
  node: LeafNode,
  fact: Fact,
  lookup: (name: string) => Fact | undefined,
  report: (message: string, path: readonly PathSegment[]) => void,
): void {
  const { operator, value } = node.leaf;
  const where = describeOwner(node.root.owner);
  if (!isOperator(operator)) {
    report(`Unknown operator "${String(operator)}" in ${where}`, [...node.path, 'operator']);
    return;
  }
  const allowed = OPERATOR_FACT_TYPES[operator];
  if (!allowed.includes(fact.type)) {
    report(
      `Operator "${operator}" does not fit fact "${fact.name}" of type ${fact.type} in ${where} (it needs ${listOr(allowed)})`,
      [...node.path, 'operator'],
    );
    return;
  }
  const valuePath = [...node.path, 'value'];
  // notEmpty's value is not compared with anything: true asks for entries, false for none.
  if (operator === 'notEmpty') {
    if (typeof value !== 'boolean') {
      report(
        `Operator "notEmpty" on fact "${fact.name}" in ${where} needs the value true (has entries) or false (has none), not ${showValue(value)}`,
        valuePath,
      );
    }
    return;
  }
  const other = valueFact(node.leaf);
  if (other !== undefined) {
    const otherFact = lookup(other);
    if (otherFact === undefined) return;
    if (!referenceFits(operator, fact.type, otherFact.type)) {
      report(
        `Fact "${fact.name}" (${fact.type}) cannot be compared by "${operator}" with fact "${other}" (${otherFact.type}) in ${where}`,
        [...valuePath, 'fact'],
      );
    }
    return;
  }

  if (isMembership(operator)) {
    if (!Array.isArray(value)) {
      report(
        `Operator "${operator}" needs a list of values, but fact "${fact.name}" in ${where} is compared with ${showValue(value)}`,
        valuePath,
      );
      return;
    }
    value.forEach((item: unknown, i) => {
      if (!literalFits(fact.type, item)) {
        report(
          `Value ${showValue(item)} does not fit fact "${fact.name}" of type ${fact.type} in ${where} (expected ${expectedLiteral(fact.type)})`,
          [...valuePath, i],
        );
      }
    });
    return;
  }

  if (Array.isArray(value) || !literalFits(fact.type, value)) {
    const what = isContainment(operator) ? 'an element of' : 'fact';
    report(
      `Value ${showValue(value)} does not fit ${what} "${fact.name}" of type ${fact.type} in ${where} (expected ${expectedLiteral(fact.type)})`,
      valuePath,
    );
  }
}

/** Whether `fact operator otherFact` makes sense for the two declared types. */
function referenceFits(operator: Operator, type: FactType, other: FactType): boolean {
  if (isMembership(operator)) return other === 'string[]' && (type === 'string' || type === 'date');
  if (isContainment(operator)) return other === 'string' || other === 'date';
  return typesComparable(type, other);
}
