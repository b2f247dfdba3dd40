/**
 * HTTP errors with stable codes. Every error the service answers has the body
 * `{ error: { code, message, issues: [{ code, message, path, value }] } }`; engine errors
 * ({@link PathwayError}) keep their own codes and get an HTTP status from {@link statusOf}.
 */
import type { ErrorCode, ErrorIssue } from '../errors';
import { isPathwayError } from '../errors';

/** Codes the service adds to the engine's {@link ErrorCode}s. Stable: clients match on them. */
export type ServiceErrorCode =
  | 'BAD_REQUEST'
  | 'INVALID_JSON'
  | 'INVALID_PARAM'
  | 'ID_MISMATCH'
  | 'ROUTE_NOT_FOUND'
  | 'NOT_FOUND'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'HASH_MISMATCH'
  | 'ALREADY_EXISTS'
  | 'FROZEN_VERSION'
  | 'STATUS_NOT_DRAFT'
  | 'PUBLISH_BLOCKED'
  | 'WRITE_FORBIDDEN'
  | 'SERVICE_UNAVAILABLE'
  | 'PATHWAY_NOT_EVALUABLE';

/** Any code an error body may carry. */
export type AnyErrorCode = ErrorCode | ServiceErrorCode;

/** One located problem in an error body. */
export interface HttpIssue {
  code: AnyErrorCode;
  message: string;
  path?: string;
  value?: unknown;
  line?: number;
  column?: number;
}

/** The error body every failing route answers. */
export interface ErrorBody {
  error: {
    code: AnyErrorCode;
    message: string;
    issues: HttpIssue[];
    /** Extra, code-specific details (for example `currentHash` on HASH_MISMATCH). */
    [key: string]: unknown;
  };
}

/** An error a route throws on purpose; the error handler answers it as is. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  readonly statusCode: number;
  readonly code: AnyErrorCode;
  readonly issues: HttpIssue[];
  readonly details: Record<string, unknown>;

  constructor(
    statusCode: number,
    code: AnyErrorCode,
    message: string,
    issues: HttpIssue[] = [],
    details: Record<string, unknown> = {},
  ) {
    super(message);
    this.statusCode = statusCode;
    this.code = code;
    this.issues = issues.length > 0 ? issues : [{ code, message }];
    this.details = details;
  }
}

/** Engine error codes that mean "this does not exist" (404). */
const NOT_FOUND_CODES: ReadonlySet<ErrorCode> = new Set([
  'UNKNOWN_PATHWAY',
  'UNKNOWN_VERSION',
  'NO_VERSION_IN_EFFECT',
]);

/** Engine error codes that describe the pathways folder rather than the request (500). */
const SERVER_SIDE_CODES: ReadonlySet<ErrorCode> = new Set(['INTERNAL', 'FILE_READ']);

/** The HTTP status for an engine error raised while serving a request. */
export function statusOf(code: ErrorCode): number {
  if (NOT_FOUND_CODES.has(code)) return 404;
  if (code === 'AMBIGUOUS_VERSION' || code === 'FROZEN_CHANGED') return 409;
  if (SERVER_SIDE_CODES.has(code)) return 500;
  return 400;
}

function issueOf(issue: ErrorIssue): HttpIssue {
  return {
    code: issue.code,
    message: issue.message,
    ...(issue.path === undefined ? {} : { path: issue.path }),
    ...('value' in issue ? { value: issue.value } : {}),
    ...(issue.line === undefined ? {} : { line: issue.line }),
    ...(issue.column === undefined ? {} : { column: issue.column }),
  };
}

/**
 * The status and body for any error. Engine and HTTP errors keep their codes; anything
 * else is an internal error whose details stay in the log, not in the answer.
 * `hide` replaces a server path (the pathways folder) in messages.
 */
export function errorResponse(
  error: unknown,
  hide: (text: string) => string = (t) => t,
): { status: number; body: ErrorBody } {
  if (error instanceof HttpError) {
    return {
      status: error.statusCode,
      body: {
        error: {
          ...error.details,
          code: error.code,
          message: hide(error.message),
          issues: error.issues.map((i) => ({ ...i, message: hide(i.message) })),
        },
      },
    };
  }
  if (isPathwayError(error)) {
    return {
      status: statusOf(error.code),
      body: {
        error: {
          code: error.code,
          message: hide(error.message),
          ...(error.pathway === undefined ? {} : { pathway: error.pathway }),
          issues: error.issues.map((i) => {
            const out = issueOf(i);
            return { ...out, message: hide(out.message) };
          }),
        },
      },
    };
  }
  return {
    status: 500,
    body: {
      error: {
        code: 'INTERNAL',
        message: 'internal error (see the service log)',
        issues: [{ code: 'INTERNAL', message: 'internal error' }],
      },
    },
  };
}
