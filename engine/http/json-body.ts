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
import { decodeUtf8, parseJsonText } from '../model/input-text';
import { HttpError } from './errors';

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
