/** What route modules share: the service context, the write token and answer checking. */
import type { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { LocalServiceContext } from './service-context';
import { parseWith } from './schemas';

/** Handed to every route module. */
export interface RouteDeps {
  ctx: LocalServiceContext;
  /** PATHWAY_WRITE_TOKEN, when configured. */
  writeToken: string | undefined;
  /** Check every answer against its schema (tests turn this on; a mismatch is a bug → 500). */
  checkResponses: boolean;
  /** Largest JSON body and largest batch line, in bytes. */
  bodyLimit: number;
}

/** Returns `value`, after checking it against `schema` when {@link RouteDeps.checkResponses} is on. */
export function answer<S extends z.ZodType>(
  deps: RouteDeps,
  schema: S,
  value: z.infer<S>,
): z.infer<S> {
  if (deps.checkResponses) {
    const checked = schema.safeParse(value);
    if (!checked.success)
      throw new Error(
        `answer does not match its schema: ${JSON.stringify(checked.error.issues.slice(0, 3))}`,
      );
  }
  return value;
}

/** Validated path parameters (400 INVALID_PARAM naming the parameter). */
export function paramsOf<S extends z.ZodType>(schema: S, request: FastifyRequest): z.infer<S> {
  return parseWith(schema, request.params, 'path parameters', 'INVALID_PARAM');
}

/** Validated query string (400 BAD_REQUEST naming the parameter). */
export function queryOf<S extends z.ZodType>(schema: S, request: FastifyRequest): z.infer<S> {
  return parseWith(schema, request.query ?? {}, 'query');
}

/** Validated JSON body (400 BAD_REQUEST naming the field). */
export function bodyOf<S extends z.ZodType>(schema: S, request: FastifyRequest): z.infer<S> {
  return parseWith(schema, request.body, 'body');
}
