/** How the CDS Hooks endpoints answer errors: `{ error: { code, message, issues } }`. */
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';

/** Stable codes of CDS Hooks error answers. */
export type CdsErrorCode =
  'BAD_REQUEST' | 'NOT_FOUND' | 'PRECONDITION_FAILED' | 'EVALUATION_FAILED' | 'UNKNOWN_CARD';

/** One problem, with the request field it is about. */
export interface CdsIssue {
  code: string;
  message: string;
  path?: string;
}

/** Sends an error answer. */
export function fail(
  reply: FastifyReply,
  status: number,
  code: CdsErrorCode,
  message: string,
  issues: CdsIssue[] = [],
): FastifyReply {
  return reply
    .code(status)
    .send({ error: { code, message, issues: issues.length > 0 ? issues : [{ code, message }] } });
}

/** zod's issues as BAD_REQUEST issues, their paths under `prefix`. */
export function issuesOf(error: z.ZodError, prefix: readonly string[] = []): CdsIssue[] {
  return error.issues.map((i) => ({
    code: 'BAD_REQUEST',
    message: i.message,
    path: [...prefix, ...i.path.map(String)].join('.'),
  }));
}
