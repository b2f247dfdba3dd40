/**
 * What makes a pathway's indicators impossible to count: a leaf reading a fact the dictionary
 * lacks, an outcome term naming a step, alert or follow-up the pathway does not have, a
 * source that is not among the file's references, a duplicated indicator id,
 * and case-mix facts that cannot stratify. Each problem is a typed issue naming its field
 * path (`indicators[2].numerator.all[0].fact`), as the pathway's own integrity check does;
 * `checkIntegrity` (engine/evaluate/integrity.ts) adds them to its own — which also checks
 * the named conditions indicators refer to, as for every condition root — so a file with a
 * broken indicator is refused wherever it is loaded for evaluation.
 */
import type { ErrorIssue } from '../errors';
import { isLeaf, valueFact, walkCondition } from '../model/condition';
import { formatPath, type PathSegment } from '../model/path';
import type { Condition, Pathway } from '../model/types';
import { FOLLOW_UP_VALUES, isTermName, parseTerm, STATUS_VALUES } from './terms';

/** Every follow-up id of the pathway, step-level and pathway-level. */
export function followUpIds(pathway: Pathway): Set<string> {
  return new Set([
    ...pathway.steps.flatMap((s) => s.followUps.map((f) => f.id)),
    ...pathway.followUps.map((f) => f.id),
  ]);
}

/** The ids of the pathway's things an indicator leaf can name. */
export interface KnownIds {
  facts: ReadonlySet<string>;
  steps: ReadonlySet<string>;
  alerts: ReadonlySet<string>;
  followUps: ReadonlySet<string>;
}

/** The problem with a name in a leaf's fact position, or undefined when it is known. */
export function nameProblem(name: string, known: KnownIds): Omit<ErrorIssue, 'path'> | undefined {
  if (!isTermName(name))
    return known.facts.has(name)
      ? undefined
      : { code: 'UNKNOWN_FACT', message: `unknown fact '${name}'`, value: name };
  const term = parseTerm(name);
  if (term === undefined)
    return { code: 'UNKNOWN_FACT', message: `unknown outcome term '${name}'`, value: name };
  if (term.kind === 'visited' && !known.steps.has(term.id))
    return {
      code: 'UNKNOWN_STEP',
      message: `'${name}' names step '${term.id}', which the pathway does not have`,
      value: name,
    };
  if (term.kind === 'alert' && !known.alerts.has(term.id))
    return {
      code: 'UNKNOWN_FACT',
      message: `'${name}' names alert '${term.id}', which the pathway does not have`,
      value: name,
    };
  if (term.kind === 'followUp' && !known.followUps.has(term.id))
    return {
      code: 'UNKNOWN_FACT',
      message: `'${name}' names follow-up '${term.id}', which the pathway does not have`,
      value: name,
    };
  return undefined;
}

/** The problems with the values a `$step`, `$status` or `$followUp` leaf compares with. */
function valueProblems(
  fact: string,
  value: unknown,
  known: KnownIds,
): Omit<ErrorIssue, 'path'> | undefined {
  const term = parseTerm(fact);
  if (term === undefined || (typeof value !== 'string' && !Array.isArray(value))) return undefined;
  const values: unknown[] = Array.isArray(value) ? value : [value];
  for (const v of values) {
    if (typeof v !== 'string') continue;
    if (term.kind === 'step' && !known.steps.has(v))
      return {
        code: 'UNKNOWN_STEP',
        message: `$step is compared with unknown step '${v}'`,
        value: v,
      };
    if (term.kind === 'status' && !(STATUS_VALUES as readonly string[]).includes(v))
      return {
        code: 'SCHEMA',
        message: `$status is one of ${STATUS_VALUES.join(', ')}, never '${v}'`,
        value: v,
      };
    if (term.kind === 'followUp' && !(FOLLOW_UP_VALUES as readonly string[]).includes(v))
      return {
        code: 'SCHEMA',
        message: `${fact} is one of ${FOLLOW_UP_VALUES.join(', ')}, never '${v}'`,
        value: v,
      };
  }
  return undefined;
}

function conditionIssues(
  root: Condition,
  base: readonly PathSegment[],
  known: KnownIds,
  out: ErrorIssue[],
): void {
  walkCondition(
    root,
    ({ node, path }) => {
      if (!isLeaf(node)) return;
      const problem = nameProblem(node.fact, known);
      if (problem !== undefined) out.push({ ...problem, path: formatPath([...path, 'fact']) });
      const other = valueFact(node);
      const otherProblem = other === undefined ? undefined : nameProblem(other, known);
      if (otherProblem !== undefined)
        out.push({ ...otherProblem, path: formatPath([...path, 'value', 'fact']) });
      const valueProblem = valueProblems(node.fact, node.value, known);
      if (valueProblem !== undefined)
        out.push({ ...valueProblem, path: formatPath([...path, 'value']) });
    },
    base,
  );
}

/** What an indicator leaf may name in `pathway`. */
export function knownIds(pathway: Pathway): KnownIds {
  return {
    facts: new Set(pathway.facts.map((f) => f.name)),
    steps: new Set(pathway.steps.map((s) => s.id)),
    alerts: new Set(pathway.alerts.map((a) => a.id)),
    followUps: followUpIds(pathway),
  };
}

/** Every problem that makes the pathway's indicators or case mix impossible to count. */
export function indicatorIssues(pathway: Pathway): ErrorIssue[] {
  const indicators = pathway.indicators ?? [];
  const out: ErrorIssue[] = [];
  const known = knownIds(pathway);
  const references = new Set(pathway.references.map((r) => r.id));
  const seen = new Set<string>();
  indicators.forEach((indicator, i) => {
    if (seen.has(indicator.id))
      out.push({
        code: 'SCHEMA',
        message: `indicator id '${indicator.id}' is used twice`,
        path: formatPath(['indicators', i, 'id']),
        value: indicator.id,
      });
    seen.add(indicator.id);
    for (const part of ['denominator', 'numerator'] as const)
      conditionIssues(indicator[part], ['indicators', i, part], known, out);
    indicator.references.forEach((ref, r) => {
      if (!references.has(ref))
        out.push({
          code: 'SCHEMA',
          message: `unknown reference '${ref}': not among the file's references`,
          path: formatPath(['indicators', i, 'references', r]),
          value: ref,
        });
    });
  });
  const factTypes = new Map(pathway.facts.map((f) => [f.name, f.type] as const));
  (pathway.caseMix ?? []).forEach((entry, c) => {
    const path = formatPath(['caseMix', c, 'fact']);
    const type = factTypes.get(entry.fact);
    if (type === undefined)
      out.push({
        code: 'UNKNOWN_FACT',
        message: `unknown fact '${entry.fact}'`,
        path,
        value: entry.fact,
      });
    else if (entry.bands !== undefined && type !== 'integer' && type !== 'number')
      out.push({
        code: 'SCHEMA',
        message: `bands need a number fact; '${entry.fact}' is ${type}`,
        path: formatPath(['caseMix', c, 'bands']),
        value: entry.fact,
      });
    else if (
      entry.bands === undefined &&
      type !== 'string' &&
      type !== 'boolean' &&
      type !== 'integer'
    )
      out.push({
        code: 'SCHEMA',
        message: `a stratum fact without bands must be a string, boolean or integer fact; '${entry.fact}' is ${type}`,
        path,
        value: entry.fact,
      });
  });
  return out;
}
