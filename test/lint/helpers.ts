/** Small helpers for the lint tests: edit a copy of the mini fixture, pick issues of one rule. */
import { lintPathway, type LintIssue, type LintOptions, type LintRule } from '../../engine/lint';
import type { Pathway } from '../../engine/model/types';
import { miniPathway } from '../fixtures/pathways';

/** The issues of one rule for a document. */
export function issuesOf(doc: Pathway, rule: LintRule, options: LintOptions = {}): LintIssue[] {
  return lintPathway(doc, options).filter((issue) => issue.rule === rule);
}

/** The mini fixture, changed in place by `change` (each call gets a fresh copy). */
export function edited(change: (doc: Pathway) => void, overrides: Partial<Pathway> = {}): Pathway {
  const doc = miniPathway(overrides);
  change(doc);
  return doc;
}

/** `list[index]`, failing the test when it is absent (noUncheckedIndexedAccess). */
export function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no item at index ${index}`);
  return item;
}

/** The only issue in the list; fails when there is not exactly one. */
export function only(issues: readonly LintIssue[]): LintIssue {
  if (issues.length !== 1) {
    throw new Error(`expected one issue, got ${issues.length}: ${JSON.stringify(issues, null, 2)}`);
  }
  return at(issues, 0);
}
