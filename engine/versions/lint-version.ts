/**
 * The lint a version must pass to be saved or published: its own findings, those that compare
 * it with the other versions of the pathway, and whether it compiles. One function, so the
 * save route, the publish route and the editor's publish dialog report the same problems.
 */
import { PathwayError } from '../errors';
import { compilePathway } from '../evaluate/compile';
import { MME_TABLES } from '../facts/mme';
import { lintPathway, lintVersions } from '../lint/index';
import type { LintIssue } from '../lint/types';
import type { Pathway } from '../model/types';

/**
 * Lint findings for a document: its own, plus those comparing it with the other versions of
 * the same pathway (`siblings`; a sibling with the same version is replaced by `doc`).
 */
export function lintVersion(doc: Pathway, siblings: readonly Pathway[]): LintIssue[] {
  const own = lintPathway(doc, { mmeTables: Object.keys(MME_TABLES) });
  const others = siblings.filter((s) => s.id === doc.id && s.version !== doc.version);
  if (others.length === 0) return own;
  const all = [...others, doc];
  return [...own, ...lintVersions(all).filter((i) => i.version === doc.version)];
}

/**
 * Why a document cannot be evaluated, as lint errors (empty when it compiles): a version that
 * lints clean can still name a step that does not exist, and such a version must never go live.
 */
export function compileErrors(doc: Pathway): LintIssue[] {
  try {
    compilePathway(doc);
    return [];
  } catch (error) {
    if (!(error instanceof PathwayError)) throw error;
    return error.issues.map((i) => ({
      rule: 'unknown-step' as const,
      severity: 'error' as const,
      message: i.message,
      path: i.path ?? '',
    }));
  }
}
