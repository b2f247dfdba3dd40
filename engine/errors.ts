/**
 * Typed errors with stable codes. Every failure the engine reports to a caller is a
 * {@link PathwayError}: services branch on `code`, people read `message`, and each
 * {@link ErrorIssue} names the field (`path`) and the offending value.
 */

/** Stable error codes. Never rename one: outside callers match on them. */
export type ErrorCode =
  | 'YAML_SYNTAX'
  | 'SCHEMA'
  | 'SCHEMA_VERSION'
  | 'UNKNOWN_FACT'
  | 'FACT_TYPE'
  | 'FACT_RANGE'
  | 'FACT_VALUE'
  | 'DERIVED_FACT_GIVEN'
  | 'ATC_FORMAT'
  | 'DATE_FORMAT'
  | 'UNKNOWN_STEP'
  | 'UNKNOWN_PATHWAY'
  | 'UNKNOWN_VERSION'
  | 'NO_VERSION_IN_EFFECT'
  | 'AMBIGUOUS_VERSION'
  | 'INVALID_INPUT'
  | 'UNKNOWN_CONDITION'
  | 'UNKNOWN_OPERATOR'
  | 'MME_TABLE'
  | 'FILE_READ'
  | 'FROZEN_CHANGED'
  | 'SCENARIO'
  | 'INTERNAL';

/** One problem, located: `path` is a schema path such as `steps[3].transitions[0].when.all[1].operator`. */
export interface ErrorIssue {
  code: ErrorCode;
  message: string;
  path?: string;
  value?: unknown;
  file?: string;
  line?: number;
  column?: number;
}

/** The one error type the engine throws on bad input. */
export class PathwayError extends Error {
  override readonly name = 'PathwayError';
  readonly code: ErrorCode;
  readonly issues: readonly ErrorIssue[];
  readonly pathway: string | undefined;

  constructor(code: ErrorCode, message: string, issues: ErrorIssue[] = [], pathway?: string) {
    super(message);
    this.code = code;
    this.issues = issues.length > 0 ? issues : [{ code, message }];
    this.pathway = pathway;
  }

  /** A plain JSON form for HTTP answers and `--json` output. */
  toJSON(): { code: ErrorCode; message: string; pathway?: string; issues: ErrorIssue[] } {
    return {
      code: this.code,
      message: this.message,
      ...(this.pathway === undefined ? {} : { pathway: this.pathway }),
      issues: [...this.issues],
    };
  }
}

/** Builds an error from located issues, using the first issue's code and a message that lists them. */
export function errorFromIssues(issues: ErrorIssue[], pathway?: string): PathwayError {
  const first = issues[0];
  if (first === undefined) return new PathwayError('INTERNAL', 'error without issues', [], pathway);
  const head =
    issues.length === 1
      ? formatIssue(first)
      : `${issues.length} problems:\n${issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`;
  return new PathwayError(first.code, head, issues, pathway);
}

/** `file:line:column: path: message` — the form editors and terminals link. */
export function formatIssue(issue: ErrorIssue): string {
  const where =
    issue.file === undefined
      ? ''
      : `${issue.file}${issue.line === undefined ? '' : `:${issue.line}:${issue.column ?? 1}`}: `;
  const path = issue.path === undefined || issue.path === '' ? '' : `${issue.path}: `;
  return `${where}${path}${issue.message}`;
}

/** True for errors the engine raised on purpose (as opposed to bugs). */
export function isPathwayError(error: unknown): error is PathwayError {
  return error instanceof PathwayError;
}
