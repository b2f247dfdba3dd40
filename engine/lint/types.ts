/**
 * The linter's public contract. Rule codes are stable: the editor, the CLI and CI match
 * on them, so a code is never renamed (add a new one instead).
 */

/** Rules that look at one pathway document. */
export const PATHWAY_RULES = [
  'duplicate-id',
  'effective-dates',
  'unknown-step',
  'unknown-fact',
  'unknown-condition',
  'condition-cycle',
  'operator-type',
  'threshold-out-of-range',
  'derived-fact',
  'unreachable-step',
  'dead-end-step',
  'exit-step-transitions',
  'missing-text',
  'alert-template',
  'unknown-reference',
  'unknown-measure',
  'unused-fact',
  'unused-condition',
  'message-threshold',
  'unsatisfiable-condition',
  'never-true-condition',
  'always-true-condition',
  'incomplete-condition',
] as const;

/** Rules that compare the versions of one pathway id with each other. */
export const VERSION_RULES = [
  'different-ids',
  'duplicate-version',
  'overlapping-versions',
  'effective-gap',
  'version-order',
  'multiple-active',
  'open-ended-retired',
] as const;

/** A rule of {@link lintPathway}. */
export type PathwayLintRule = (typeof PATHWAY_RULES)[number];
/** A rule of {@link lintVersions}. */
export type VersionLintRule = (typeof VERSION_RULES)[number];
/** Any lint rule code (stable, kebab-case). */
export type LintRule = PathwayLintRule | VersionLintRule;

/** `error` blocks publishing; `warning` is shown but does not. */
export type LintSeverity = 'error' | 'warning';

/**
 * One problem found by the linter. `path` is the schema path of the offending field (as
 * {@link formatPath} writes it); the optional ids let the editor focus the node or edge
 * without parsing the path.
 */
export interface LintIssue {
  rule: LintRule;
  severity: LintSeverity;
  /** English, naming the thing and the offending value. */
  message: string;
  /** For example `steps[3].transitions[0].when.all[1].value`; `''` is the document root. */
  path: string;
  stepId?: string;
  /** Index into the step's `transitions`, or into `globalTransitions` when `stepId` is absent. */
  transitionIndex?: number;
  alertId?: string;
  /** Set by {@link lintVersions}: the version the issue is about. */
  version?: string;
}

/** Settings for {@link lintPathway}. */
export interface LintOptions {
  /**
   * MME conversion table ids the engine knows. The default is the table the engine ships
   * (`cdc-2022`); the CLI passes the real list so the linter needs no import of the tables.
   */
  mmeTables?: readonly string[];
}
