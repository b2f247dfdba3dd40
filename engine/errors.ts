/**
 * Typed errors with stable codes. Every failure the engine reports to a caller is a
 * {@link PathwayError}: services branch on `code`, people read `message`, and each
 * {@link ErrorIssue} names the field (`path`) and the offending value.
 */

/**
 * The error catalogue: every stable code, with the HTTP status the service answers it with
 * and what it means. The CLI (exit codes), the REST routes and CDS Hooks all answer from
 * this one table. Never rename a code: outside callers match on them.
 */
export const ERROR_CATALOGUE = {
  // The pathway file.
  YAML_SYNTAX: { status: 400, meaning: 'the YAML text does not parse' },
  SCHEMA: { status: 400, meaning: 'a pathway, scenario or document field breaks the schema' },
  SCHEMA_VERSION: { status: 400, meaning: 'the file format version is unknown to this engine' },
  UNKNOWN_CONDITION: {
    status: 400,
    meaning: 'a condition names a named condition that does not exist',
  },
  UNKNOWN_OPERATOR: {
    status: 400,
    meaning: 'a condition uses an operator the engine does not know',
  },
  MME_TABLE: { status: 400, meaning: "the pathway's MME conversion table is incomplete or wrong" },
  FROZEN_CHANGED: {
    status: 409,
    meaning: 'an active or retired version changed since it was frozen',
  },
  SCENARIO: { status: 400, meaning: 'a scenario file is malformed or its expectation fails' },
  CODE_CONFLICT: {
    status: 400,
    meaning: 'the medication code table lists one code twice or maps it to two substances',
  },
  // Patient input.
  INVALID_INPUT: {
    status: 400,
    meaning: 'the input is not { currentStep?, facts, asOf?, version? } (or a line of it)',
  },
  CONFLICTING_INPUT: {
    status: 400,
    meaning: "two sources give different values for one field (e.g. --as-of and the input's asOf)",
  },
  UNKNOWN_FACT: { status: 400, meaning: "a fact name is not in the pathway's dictionary" },
  FACT_TYPE: { status: 400, meaning: 'a fact value has the wrong type' },
  FACT_RANGE: { status: 400, meaning: 'a fact value lies outside its declared range' },
  FACT_VALUE: { status: 400, meaning: 'a fact value is not one the dictionary allows' },
  DERIVED_FACT_GIVEN: { status: 400, meaning: 'a fact the engine derives was given in the input' },
  ATC_FORMAT: {
    status: 400,
    meaning: 'a medication (or a row of the medication code table) has a malformed ATC code',
  },
  DATE_FORMAT: { status: 400, meaning: 'a date is not a calendar date as YYYY-MM-DD' },
  UNKNOWN_STEP: { status: 400, meaning: 'the current step is not a step of the pathway' },
  // Which version answers (docs/versions.md).
  UNKNOWN_PATHWAY: { status: 404, meaning: 'no pathway with this id' },
  UNKNOWN_VERSION: { status: 404, meaning: 'the pathway has no such version' },
  NO_VERSION_IN_EFFECT: { status: 404, meaning: 'no version of the pathway is in effect on asOf' },
  AMBIGUOUS_VERSION: {
    status: 409,
    meaning: 'two versions are in effect on asOf: their effective dates overlap',
  },
  PATHWAY_NOT_EVALUABLE: {
    status: 422,
    meaning: 'the chosen version does not compile (a broken draft)',
  },
  // Requests.
  BAD_REQUEST: {
    status: 400,
    meaning: 'a request field, parameter or header is wrong (the issues name it)',
  },
  INVALID_JSON: { status: 400, meaning: 'the body (or a batch line) is not JSON' },
  INVALID_PARAM: { status: 400, meaning: 'a path parameter is malformed' },
  ID_MISMATCH: { status: 400, meaning: "the document's id or version differs from the URL" },
  ROUTE_NOT_FOUND: { status: 404, meaning: 'no route for this method and URL' },
  NOT_FOUND: { status: 404, meaning: 'no such record or CDS service' },
  PAYLOAD_TOO_LARGE: { status: 413, meaning: 'the body (or a batch line) is over the size limit' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, meaning: 'the content type is not one the route reads' },
  PRECONDITION_FAILED: { status: 412, meaning: 'the CDS Hooks prefetch lacks the patient' },
  CDS_UNAUTHORIZED: {
    status: 401,
    meaning: 'a CDS Hooks call without a valid client JWT (the reason code is in the issues)',
  },
  REQUEST_TIMEOUT: {
    status: 408,
    meaning: 'the body did not arrive within the body timeout (the connection is closed)',
  },
  TOO_MANY_REQUESTS: {
    status: 429,
    meaning: 'this client has too many requests in flight (Retry-After says when to retry)',
  },
  // Writes.
  HASH_MISMATCH: {
    status: 409,
    meaning: 'the file changed since it was loaded (currentHash given)',
  },
  ALREADY_EXISTS: { status: 409, meaning: 'the file already exists' },
  FROZEN_VERSION: {
    status: 403,
    meaning: 'the version is active or retired, so its content cannot change',
  },
  STATUS_NOT_DRAFT: { status: 403, meaning: 'a save may only write a draft' },
  PUBLISH_BLOCKED: {
    status: 409,
    meaning: 'the draft cannot be published (lint errors, overlapping dates)',
  },
  WRITE_FORBIDDEN: { status: 403, meaning: 'a non-loopback client without the write token' },
  UNKNOWN_CARD: { status: 404, meaning: 'CDS feedback on a card this service never sent' },
  // The service itself.
  FILE_READ: { status: 500, meaning: 'a file could not be read' },
  SERVICE_UNAVAILABLE: {
    status: 503,
    meaning: 'the audit log cannot record, so nothing is served',
  },
  EVALUATION_FAILED: {
    status: 500,
    meaning: 'a CDS Hooks evaluation failed (the code is in the message)',
  },
  INTERNAL: { status: 500, meaning: 'a bug: details are in the log, not in the answer' },
} as const satisfies Record<string, { status: number; meaning: string }>;

/** Stable error codes: the keys of {@link ERROR_CATALOGUE}. */
export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** The HTTP status an error code is answered with. */
export function statusOf(code: ErrorCode): number {
  return ERROR_CATALOGUE[code].status;
}

/**
 * The CLI exit code of a failed command: 2 ("bad usage or bad input") for every code, as the
 * design fixes it; 1 stays reserved for findings (failed tests, lint, a diff with changes).
 */
export function exitCodeOf(_code: ErrorCode): number {
  return 2;
}

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

/**
 * At most this many issues are reported in one error; the rest are counted in one last
 * summary issue, so a hostile input with a million bad items gets a reply of bounded size.
 */
export const MAX_REPORTED_ISSUES = 100;

/** Messages and paths longer than this are cut in an error (a 1 MB fact name is not echoed). */
export const MAX_ISSUE_TEXT = 300;

/** `text` cut to `max` characters, marked with its full length: `abc… (1000000 characters)`. */
export function clipText(text: string, max: number = MAX_ISSUE_TEXT): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}

/** True when an issue's message or path is longer than an error shows. */
function needsClip(issue: ErrorIssue): boolean {
  return (
    issue.message.length > MAX_ISSUE_TEXT ||
    (issue.path !== undefined && issue.path.length > MAX_ISSUE_TEXT)
  );
}

/** One issue with its message and path cut to a readable length (its value is kept). */
function clipIssue(issue: ErrorIssue): ErrorIssue {
  if (!needsClip(issue)) return issue;
  return {
    ...issue,
    message: clipText(issue.message),
    ...(issue.path === undefined ? {} : { path: clipText(issue.path) }),
  };
}

/**
 * The issues an error reports: the first {@link MAX_REPORTED_ISSUES}, each clipped, then one
 * issue `and K more problems` (with the code, file, line and column of the first one left out)
 * when there were more.
 */
export function reportedIssues(issues: readonly ErrorIssue[]): ErrorIssue[] {
  // One pass, one new list: this runs for every bad line of a cohort.
  const listed = Math.min(issues.length, MAX_REPORTED_ISSUES);
  const kept: ErrorIssue[] = [];
  for (let i = 0; i < listed; i++) kept.push(clipIssue(issues[i] as ErrorIssue));
  const firstLeft = issues[MAX_REPORTED_ISSUES];
  if (firstLeft === undefined) return kept;
  const more = issues.length - MAX_REPORTED_ISSUES;
  // Located where the first unlisted problem is, so a file's issues all keep a position.
  kept.push({
    ...(firstLeft.file === undefined ? {} : { file: firstLeft.file }),
    ...(firstLeft.line === undefined ? {} : { line: firstLeft.line }),
    ...(firstLeft.column === undefined ? {} : { column: firstLeft.column }),
    code: firstLeft.code,
    message: `and ${more} more problem${more === 1 ? '' : 's'} (${issues.length} in all; only the first ${MAX_REPORTED_ISSUES} are listed)`,
  });
  return kept;
}

/** A message with each of its lines clipped (a multi-line message lists one issue a line). */
function clipLines(message: string): string {
  if (message.length <= MAX_ISSUE_TEXT) return message;
  return message
    .split('\n')
    .map((line) => clipText(line))
    .join('\n');
}

/** The one error type the engine throws on bad input. */
export class PathwayError extends Error {
  override readonly name = 'PathwayError';
  readonly code: ErrorCode;
  readonly issues: readonly ErrorIssue[];
  readonly pathway: string | undefined;

  constructor(code: ErrorCode, message: string, issues: ErrorIssue[] = [], pathway?: string) {
    super(clipLines(message));
    this.code = code;
    // Capped here, so every reply built from an error (HTTP, CLI, batch and cohort lines) is.
    this.issues = issues.length === 0 ? [{ code, message: this.message }] : reportedOnce(issues);
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

/**
 * The issues {@link errorFromIssues} has just put in reported form, and the list they came
 * from: the constructor it calls next takes them instead of clipping and copying the list a
 * second time. Held for that one synchronous call only.
 */
let reportedFrom: readonly ErrorIssue[] | undefined;
const NO_ISSUES: ErrorIssue[] = [];
let reportedList = NO_ISSUES;

/** {@link reportedIssues} of `issues`, made once per error. */
function reportedOnce(issues: readonly ErrorIssue[]): ErrorIssue[] {
  if (issues !== reportedFrom) return reportedIssues(issues);
  reportedFrom = undefined;
  return reportedList;
}

/**
 * Builds an error from located issues, using the first issue's code and a message that lists
 * them (the first {@link MAX_REPORTED_ISSUES}, then how many more).
 */
export function errorFromIssues(issues: ErrorIssue[], pathway?: string): PathwayError {
  const first = issues[0];
  if (first === undefined) return new PathwayError('INTERNAL', 'error without issues', [], pathway);
  const listed = reportedIssues(issues);
  let head: string;
  if (issues.length === 1) head = formatIssue(listed[0] ?? first);
  else {
    head = `${issues.length} problems:`;
    for (const issue of listed) head += `\n  ${formatIssue(issue)}`;
  }
  reportedFrom = issues;
  reportedList = listed;
  try {
    return new PathwayError(first.code, head, issues, pathway);
  } finally {
    // Never handed to a later error, nor kept alive (an issue may hold a 64 kB value).
    reportedFrom = undefined;
    reportedList = NO_ISSUES;
  }
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

/**
 * Runs `run` with stack capture off, for errors that are kept and answered (a batch's bad
 * inputs, a cohort's bad lines) but never logged with a stack: capturing one costs more than
 * the whole check of a bad line. Errors made inside are the same but for `stack`, which
 * holds only the first line (`PathwayError: message`).
 */
export function withoutStackTraces<T>(run: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return run();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** True for errors the engine raised on purpose (as opposed to bugs). */
export function isPathwayError(error: unknown): error is PathwayError {
  return error instanceof PathwayError;
}
