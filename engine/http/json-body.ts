/**
 * The service's JSON body parser: the one input rule (engine/model/input-text) applied to
 * every JSON body, CDS Hooks included. fastify's own parser refuses `__proto__` but lets a
 * plain `constructor` or `prototype` key through and repairs bytes that are not UTF-8; this
 * one refuses all three keys wherever they sit (400 INVALID_INPUT naming the path), refuses
 * bytes that are not UTF-8 (400 INVALID_JSON naming line and column) and drops a leading BOM,
 * exactly as the batch, cohort and file readers do.
 */
import type { FastifyInstance } from 'fastify';
import { isPathwayError } from '../errors';
import { decodeUtf8, FORBIDDEN_KEYS, parseJsonText, stripBom } from '../model/input-text';
import { MAX_NESTING } from '../model/nesting';
import { HttpError } from './errors';

/**
 * Bodies already found free of forbidden keys and nested no deeper than the limit, so the
 * nesting hook (app.ts) need not walk them again.
 */
const cleanBodies = new WeakSet<object>();

/** Whether the nesting hook may skip `body`: this parser already walked it and found it fine. */
export function isCleanBody(body: unknown): boolean {
  return typeof body === 'object' && body !== null && cleanBodies.has(body);
}

/**
 * One walk for both rules on the common, good body: no key `__proto__`, `constructor` or
 * `prototype`, and no nesting deeper than {@link MAX_NESTING}. False on either; the caller
 * then runs the rules' own checks, which find and word the problem exactly as before. The
 * recursion is bounded by the nesting limit.
 */
function clean(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (depth > MAX_NESTING) return false;
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) if (!clean(item, depth + 1)) return false;
    return true;
  }
  for (const key in value) {
    if (FORBIDDEN_KEYS.has(key)) return false;
    if (!clean((value as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}

/** Parses one JSON body under the input rule; throws the error the service answers. */
export function parseJsonBody(bytes: Buffer): unknown {
  let text: string;
  try {
    text = decodeUtf8(bytes, { file: 'the body' });
  } catch (error) {
    const at = isPathwayError(error) ? error.issues[0] : undefined;
    const where = at?.line === undefined ? '' : ` (line ${at.line}, column ${at.column ?? 0})`;
    throw new HttpError('INVALID_JSON', `the body is not valid UTF-8${where}: send it as UTF-8`);
  }
  if (text.trim() === '')
    throw new HttpError('INVALID_JSON', 'the body is empty: send a JSON document');
  try {
    const value: unknown = JSON.parse(stripBom(text));
    if (clean(value, 1)) {
      if (typeof value === 'object' && value !== null) cleanBodies.add(value);
      return value;
    }
    // A forbidden key, or deep nesting: the rule's own walk names it (or, for nesting only,
    // the nesting hook does).
    return parseJsonText(text);
  } catch (error) {
    if (error instanceof SyntaxError)
      throw new HttpError('INVALID_JSON', `the body is not valid JSON: ${error.message}`);
    throw error;
  }
}

/** Replaces fastify's `application/json` parser with {@link parseJsonBody}. */
export function registerJsonBody(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}
