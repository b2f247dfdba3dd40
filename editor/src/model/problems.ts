/**
 * Problems as the author types: schema errors (what the file format forbids) and the
 * engine's lint findings, each pointing at the step, transition, alert, named condition or
 * fact it is about, so that clicking it can bring that thing into view.
 */
import { lintPathway, type Pathway } from '../../../engine/index';
import { formatPath, type PathSegment, pathwaySchema } from '../../../engine/editor';
import { globalEdgeId, transitionEdgeId } from './ids';
import type { Selection } from './selection';

/** One problem in the document. */
export interface Problem {
  /** Stable within one document: rule and path. */
  key: string;
  source: 'schema' | 'lint' | 'editor';
  severity: 'error' | 'warning';
  rule: string;
  message: string;
  /** Schema path, e.g. `steps[2].transitions[0].when.value`. */
  path: string;
  /** What to select to show the problem, when it belongs to one thing. */
  target: Selection | null;
}

/** The selection a schema path points into, or null for document-level paths. */
export function targetOfPath(pathway: Pathway, path: string): Selection | null {
  let m = /^steps\[(\d+)\](?:\.transitions\[(\d+)\])?/.exec(path);
  if (m?.[1] !== undefined) {
    const step = pathway.steps[Number(m[1])];
    if (step === undefined) return null;
    if (m[2] !== undefined) return { kind: 'transition', stepId: step.id, index: Number(m[2]) };
    return { kind: 'step', stepId: step.id };
  }
  m = /^globalTransitions\[(\d+)\]/.exec(path);
  if (m?.[1] !== undefined) return { kind: 'global', index: Number(m[1]) };
  m = /^alerts\[(\d+)\]/.exec(path);
  if (m?.[1] !== undefined) {
    const alert = pathway.alerts[Number(m[1])];
    return alert === undefined ? null : { kind: 'alert', id: alert.id };
  }
  m = /^conditions\[(\d+)\]/.exec(path);
  if (m?.[1] !== undefined) {
    const named = pathway.conditions[Number(m[1])];
    return named === undefined ? null : { kind: 'named', name: named.name };
  }
  m = /^facts\[(\d+)\]/.exec(path);
  if (m?.[1] !== undefined) {
    const fact = pathway.facts[Number(m[1])];
    return fact === undefined ? null : { kind: 'fact', name: fact.name };
  }
  if (path === 'entryStep') return { kind: 'step', stepId: pathway.entryStep };
  return null;
}

/** Schema problems, then lint findings (lint only when the document passes the schema). */
export function computeProblems(pathway: Pathway): Problem[] {
  const problems: Problem[] = [];
  const parsed = pathwaySchema.safeParse(pathway);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = formatPath(issue.path.filter((p): p is PathSegment => typeof p !== 'symbol'));
      problems.push({
        key: `schema:${path}:${issue.code}`,
        source: 'schema',
        severity: 'error',
        rule: 'schema',
        message: issue.message,
        path,
        target: targetOfPath(pathway, path),
      });
    }
    // The linter assumes a valid document; with schema errors it could misreport.
    return problems;
  }
  for (const issue of lintPathway(pathway)) {
    problems.push({
      key: `lint:${issue.rule}:${issue.path}:${problems.length}`,
      source: 'lint',
      severity: issue.severity,
      rule: issue.rule,
      message: issue.message,
      path: issue.path,
      target: targetOfPath(pathway, issue.path),
    });
  }
  return problems;
}

/** Problem counts per step id and per edge id, for badges on the canvas. */
export function problemCounts(problems: readonly Problem[]): {
  steps: Map<string, number>;
  edges: Map<string, number>;
} {
  const steps = new Map<string, number>();
  const edges = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string): void => {
    map.set(key, (map.get(key) ?? 0) + 1);
  };
  for (const p of problems) {
    const t = p.target;
    if (t?.kind === 'step') bump(steps, t.stepId);
    else if (t?.kind === 'transition') {
      bump(steps, t.stepId);
      bump(edges, transitionEdgeId(t.stepId, t.index));
    } else if (t?.kind === 'global') bump(edges, globalEdgeId(t.index));
  }
  return { steps, edges };
}
