/** Building issues with optional fields set only when known (exactOptionalPropertyTypes). */
import { formatPath, type PathSegment } from '../model/path';
import type { LintIssue, LintRule, LintSeverity } from './types';

/** Which node, edge or alert an issue belongs to, for the editor to focus. */
export interface Location {
  readonly stepId?: string | undefined;
  readonly transitionIndex?: number | undefined;
  readonly alertId?: string | undefined;
  readonly version?: string | undefined;
}

/** Creates an issue; `path` is given as segments so that every rule formats it the same way. */
export function makeIssue(
  rule: LintRule,
  severity: LintSeverity,
  message: string,
  path: readonly PathSegment[],
  at: Location = {},
): LintIssue {
  const issue: LintIssue = { rule, severity, message, path: formatPath(path) };
  if (at.stepId !== undefined) issue.stepId = at.stepId;
  if (at.transitionIndex !== undefined) issue.transitionIndex = at.transitionIndex;
  if (at.alertId !== undefined) issue.alertId = at.alertId;
  if (at.version !== undefined) issue.version = at.version;
  return issue;
}
