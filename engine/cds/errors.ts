/**
 * CDS Hooks errors. The endpoints throw like every route of the service and are answered by
 * the same error handler, from the one error catalogue (engine/errors.ts), with the body
 * `{ error: { code, message, issues } }`.
 */
import type { z } from 'zod';
import type { ErrorCode } from '../errors';
import { HttpError, type HttpIssue } from '../http/errors';

/** Catalogue codes the CDS Hooks endpoints answer with. */
export type CdsErrorCode = Extract<
  ErrorCode,
  | 'BAD_REQUEST'
  | 'NOT_FOUND'
  | 'PRECONDITION_FAILED'
  | 'EVALUATION_FAILED'
  | 'UNKNOWN_CARD'
  | 'CDS_UNAUTHORIZED'
>;

/** The error a CDS endpoint throws; its status is the catalogue's. */
export function cdsError(code: CdsErrorCode, message: string, issues: HttpIssue[] = []): HttpError {
  return new HttpError(code, message, issues);
}

/** zod's issues as BAD_REQUEST issues, their paths under `prefix`. */
export function issuesOf(error: z.ZodError, prefix: readonly string[] = []): HttpIssue[] {
  return error.issues.map((i) => ({
    code: 'BAD_REQUEST',
    message: i.message,
    path: [...prefix, ...i.path.map(String)].join('.'),
  }));
}
