/**
 * How the service answers errors: one style for REST and CDS Hooks. Routes throw (an
 * {@link HttpError} or the engine's PathwayError); the error handler answers
 * `{ error: { code, message, issues: [{ code, message, path, value }] } }` with the status the
 * error catalogue (engine/errors.ts) gives the code.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isPathwayError, PathwayError, statusOf, type ErrorCode, type ErrorIssue } from '../errors';
import { mebibytes } from '../model/size';

/** Codes the service adds to the engine's. Kept as a name for callers; all are in the catalogue. */
export type ServiceErrorCode = Extract<
  ErrorCode,
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
  | 'PATHWAY_NOT_EVALUABLE'
>;

/** Any code an error body may carry: a catalogue code. */
export type AnyErrorCode = ErrorCode;

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

/**
 * An error a route throws on purpose. Its status is the catalogue's for its code, unless
 * `status` says otherwise (a broken pathways folder is a 500 whatever the file's error code).
 */
export class HttpError extends PathwayError {
  readonly statusCode: number;
  readonly details: Record<string, unknown>;

  constructor(
    code: AnyErrorCode,
    message: string,
    issues: HttpIssue[] = [],
    details: Record<string, unknown> = {},
    status: number = statusOf(code),
  ) {
    super(code, message, issues);
    this.statusCode = status;
    this.details = details;
  }
}

function issueOf(issue: ErrorIssue, hide: (text: string) => string): HttpIssue {
  return {
    code: issue.code,
    message: hide(issue.message),
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
          issues: error.issues.map((i) => ({ ...(i as HttpIssue), message: hide(i.message) })),
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
          issues: error.issues.map((i) => issueOf(i, hide)),
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

/** fastify's own error codes that mean the request was bad, with the code the service answers. */
const FASTIFY_CODES: Readonly<Record<string, [number, AnyErrorCode]>> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'BAD_REQUEST'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'INVALID_JSON'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'INVALID_JSON'],
};

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
  message?: string;
}

/** Bytes in words a reader can compare: whole MiB from 1 MiB up, else bytes. */
function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${mebibytes(bytes)} MiB` : `${bytes} bytes`;
}

/**
 * The 413 answer, naming the body's size (when the request said it) and the limit of the route
 * it was sent to, in the message and as `limit` / `size` (bytes) in the error body, so that a
 * client can say how much too large it was.
 */
function tooLarge(request: FastifyRequest | undefined): HttpError {
  const limit = request?.routeOptions.bodyLimit;
  const length = Number(request?.headers['content-length']);
  const size = Number.isFinite(length) && length > 0 ? length : undefined;
  const message =
    limit === undefined
      ? 'the body is over the size limit'
      : `the body${size === undefined ? '' : ` (${sizeText(size)}, ${size} bytes)`} is over this route's limit of ${sizeText(limit)} (${limit} bytes)`;
  return new HttpError(
    'PAYLOAD_TOO_LARGE',
    message,
    [{ code: 'PAYLOAD_TOO_LARGE', message, ...(size === undefined ? {} : { value: size }) }],
    { ...(limit === undefined ? {} : { limit }), ...(size === undefined ? {} : { size }) },
    413,
  );
}

/** Turns fastify's request errors (bad JSON, too large, …) into the service's error shape. */
function fromFastify(error: unknown, request?: FastifyRequest): unknown {
  if (typeof error !== 'object' || error === null || error instanceof HttpError) return error;
  const { code, statusCode, message } = error as FastifyLikeError;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return tooLarge(request);
  const known = code === undefined ? undefined : FASTIFY_CODES[code];
  if (known !== undefined) return new HttpError(known[1], message ?? known[1], [], {}, known[0]);
  if (
    error instanceof SyntaxError ||
    (typeof statusCode === 'number' &&
      statusCode >= 400 &&
      statusCode < 500 &&
      code?.startsWith('FST_ERR_CTP'))
  ) {
    return new HttpError('INVALID_JSON', `the body is not valid JSON: ${message ?? ''}`);
  }
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500)
    return new HttpError(
      statusCode === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST',
      message ?? 'bad request',
      [],
      {},
      statusCode,
    );
  return error;
}

/**
 * The error handler of the service (and of the CDS Hooks scope, wherever it is mounted):
 * every error answered the same way. `hide` replaces the pathways folder in messages.
 */
export function errorHandler(
  hide: (text: string) => string,
): (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => FastifyReply {
  return (error, request, reply) => {
    const { status, body } = errorResponse(fromFastify(error, request), hide);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: body.error.code, status }, 'request refused');
    return reply.code(status).type('application/json; charset=utf-8').send(body);
  };
}
