/**
 * The pathway linter: problems a schema cannot see (names that point nowhere, types that
 * do not fit, steps no patient can reach, missing translations, overlapping versions).
 * Pure code without Node imports: the editor runs it in the browser on every change.
 *
 * The document must already have passed the schema (`pathwaySchema`); the linter then
 * reports every problem it finds instead of stopping at the first, in document order.
 */
import type { Pathway } from '../model/types';
import { createContext } from './context';
import { inDocumentOrder, positionIn } from './order';
import { PATHWAY_RULE_CHECKS, VERSION_RULE_CHECKS } from './rules';
import type { LintIssue, LintOptions } from './types';

export type {
  LintIssue,
  LintOptions,
  LintRule,
  LintSeverity,
  PathwayLintRule,
  VersionLintRule,
} from './types';
export { PATHWAY_RULES, VERSION_RULES } from './types';
export { DEFAULT_MME_TABLES } from './context';

/**
 * Lints one version of a pathway. Deterministic: the same document gives the same issues
 * in the same order (document order; issues at the same place in rule order).
 */
export function lintPathway(doc: Pathway, options: LintOptions = {}): LintIssue[] {
  const context = createContext(doc, options);
  return inDocumentOrder(
    doc,
    PATHWAY_RULE_CHECKS.flatMap((rule) => rule.check(context)),
  );
}

/**
 * Lints all versions of one pathway id against each other (overlaps, gaps, numbering,
 * status). It does not lint each version on its own: call {@link lintPathway} for that.
 * Issues carry `version` and a path inside that version's document, ordered by the
 * position of the version in `docs`, then by document order.
 */
export function lintVersions(docs: readonly Pathway[]): LintIssue[] {
  const positions = docs.map((doc) => positionIn(doc));
  return VERSION_RULE_CHECKS.flatMap((rule) => rule.check(docs))
    .map((found, k) => ({ found, k, at: positions[found.doc]?.(found.issue.path) ?? 0 }))
    .sort((a, b) => a.found.doc - b.found.doc || a.at - b.at || a.k - b.k)
    .map(({ found }) => found.issue);
}
