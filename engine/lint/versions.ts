/** The shared view for rules over all versions of one pathway id. */
import type { PathSegment } from '../model/path';
import type { Pathway } from '../model/types';
import { effectiveEnd } from '../versions/select';
import { makeIssue } from './issue';
import type { LintIssue, LintSeverity, VersionLintRule } from './types';

/** An issue and the index (in the caller's list) of the version it is about. */
export interface VersionFinding {
  readonly doc: number;
  readonly issue: LintIssue;
}

/** A rule over all versions of one pathway. */
export interface VersionRule {
  readonly rule: VersionLintRule;
  check(docs: readonly Pathway[]): VersionFinding[];
}

/** A finding about `docs[doc]`, located in that document. */
export function finding(
  rule: VersionLintRule,
  severity: LintSeverity,
  docs: readonly Pathway[],
  doc: number,
  message: string,
  path: readonly PathSegment[],
): VersionFinding {
  return { doc, issue: makeIssue(rule, severity, message, path, { version: docs[doc]?.version }) };
}

/** A version and its place in the caller's list. */
export interface IndexedVersion {
  readonly doc: Pathway;
  readonly index: number;
}

/**
 * Versions that are (or were) in effect: drafts are left out because their dates are
 * plans that may still change.
 */
export function published(docs: readonly Pathway[]): IndexedVersion[] {
  return docs.flatMap((doc, index) => {
    if (doc.status === 'draft') return [];
    // A version a successor supersedes ends where the successor starts (its file may be frozen).
    const to = effectiveEnd(doc, docs);
    if (to === doc.effective.to) return [{ doc, index }];
    return [{ doc: { ...doc, effective: { from: doc.effective.from, to } }, index }];
  });
}

/** `2025-01-01 – 2026-07-01` or `2025-01-01 – (open)`; the end is not included. */
export function showPeriod(doc: Pathway): string {
  return `${doc.effective.from} – ${doc.effective.to ?? '(open)'}`;
}
