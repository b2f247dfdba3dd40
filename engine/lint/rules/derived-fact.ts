/**
 * derived-fact: a derivation must read facts that exist and have fitting types
 * (medication derivations read a `medications` fact, arithmetic reads numbers), produce
 * the type the fact declares, name a known MME table, and not depend on itself.
 */
import { medicationDataProblems } from '../../facts/medication-rules';
import type { PathSegment } from '../../model/path';
import type { Derivation, Fact } from '../../model/types';
import type { LintContext, PathwayRule } from '../context';
import { listOr } from '../describe';
import type { FactType } from '../fact-types';
import { findCycles, type Edge } from '../graph';
import { makeIssue } from '../issue';
import { didYouMean } from '../suggest';
import type { LintIssue } from '../types';

const NUMERIC: readonly FactType[] = ['integer', 'number'];

/** The inputs a derivation reads, with the types each may have. */
function inputs(d: Derivation): { key: string; name: string; types: readonly FactType[] }[] {
  switch (d.kind) {
    case 'medicationMatch':
    case 'mme':
    case 'daysSinceEarliest':
    case 'daysSinceDoseIncrease':
      return [{ key: 'from', name: d.from, types: ['medications'] }];
    case 'difference':
      return [
        { key: 'minuend', name: d.minuend, types: NUMERIC },
        { key: 'subtrahend', name: d.subtrahend, types: NUMERIC },
      ];
    case 'percentOf':
      return [
        { key: 'part', name: d.part, types: NUMERIC },
        { key: 'whole', name: d.whole, types: NUMERIC },
      ];
    case 'timeInStep':
    case 'startStep':
      return [];
  }
}

/** The types a fact may declare for what this derivation produces. */
function outputTypes(d: Derivation): readonly FactType[] {
  // Day counts are whole numbers, but a `number` fact holds them just as well.
  if (d.kind === 'startStep') return ['string'];
  return d.kind === 'medicationMatch' ? ['boolean'] : NUMERIC;
}

function checkFact(context: LintContext, fact: Fact, i: number): LintIssue[] {
  const d = fact.derived;
  if (d === undefined) return [];
  const issues: LintIssue[] = [];
  const base: PathSegment[] = ['facts', i, 'derived'];
  const report = (message: string, path: readonly PathSegment[]): void => {
    issues.push(makeIssue('derived-fact', 'error', message, path));
  };
  const outputs = outputTypes(d);
  if (!outputs.includes(fact.type)) {
    report(
      `Derived fact "${fact.name}" is declared ${fact.type}, but a ${d.kind} derivation gives ${listOr(outputs)}`,
      ['facts', i, 'type'],
    );
  }
  for (const input of inputs(d)) {
    const source = context.facts.get(input.name)?.item;
    if (source === undefined) {
      report(
        `Derived fact "${fact.name}" reads ${input.key} fact "${input.name}", which is not in the fact dictionary${didYouMean(input.name, context.facts.keys())}`,
        [...base, input.key],
      );
    } else if (!input.types.includes(source.type)) {
      report(
        `Derived fact "${fact.name}" reads ${input.key} fact "${input.name}" of type ${source.type}; a ${d.kind} derivation needs ${listOr(input.types)}`,
        [...base, input.key],
      );
    }
  }
  const fileTables = (context.doc.mmeTables ?? []).map((t) => t.id);
  if (
    d.kind === 'mme' &&
    d.table !== undefined &&
    !context.mmeTables.has(d.table) &&
    !fileTables.includes(d.table)
  ) {
    report(
      `Derived fact "${fact.name}" uses MME table "${d.table}", which is not a known table (${listOr([...fileTables, ...context.mmeTables])})`,
      [...base, 'table'],
    );
  }
  return issues;
}

/** Derivations that read (through other derived facts) their own result could never be computed. */
function cycles(context: LintContext): LintIssue[] {
  const edges: Edge[] = [];
  context.doc.facts.forEach((fact, i) => {
    if (fact.derived === undefined || context.facts.get(fact.name)?.index !== i) return;
    for (const input of inputs(fact.derived)) {
      if (context.facts.get(input.name)?.item.derived === undefined) continue;
      edges.push({ from: fact.name, to: input.name, path: ['facts', i, 'derived', input.key] });
    }
  });
  return findCycles(edges).map(({ edge, names }) =>
    makeIssue(
      'derived-fact',
      'error',
      `Derived fact "${edge.from}" depends on itself through ${names.map((n) => `"${n}"`).join(' → ')}`,
      edge.path,
    ),
  );
}

/** The `derived-fact` rule; see the comment at the top of this file. */
export const derivedFact: PathwayRule = {
  rule: 'derived-fact',
  check(context) {
    const { doc, mmeTables } = context;
    const issues: LintIssue[] = [];
    const fileTables = (doc.mmeTables ?? []).map((t) => t.id);
    if (
      doc.mmeTable !== undefined &&
      !mmeTables.has(doc.mmeTable) &&
      !fileTables.includes(doc.mmeTable)
    ) {
      issues.push(
        makeIssue(
          'derived-fact',
          'error',
          `MME table "${doc.mmeTable}" is not a known table (${listOr([...mmeTables])})`,
          ['mmeTable'],
        ),
      );
    }
    doc.facts.forEach((fact, i) => issues.push(...checkFact(context, fact, i)));
    // Drug classes and file MME tables (unknown classes, rows without factor or source …);
    // unknown tables are reported above, against the lint run's own list of tables.
    for (const problem of medicationDataProblems(doc))
      if (problem.code !== 'MME_TABLE')
        issues.push(makeIssue('derived-fact', 'error', problem.message, problem.path));
    return [...issues, ...cycles(context)];
  },
};
