/**
 * Cheap checks for the inputs of the hot routes (the evaluate body, a batch line, their query
 * and the pathway id in the path), in front of the zod schemas that define them. Each check
 * only *accepts* or *declines*: it accepts exactly what its schema accepts without a
 * complaint and returns what the schema's parse would return (the same keys in the same
 * order); anything it is not sure about — a wrong type, an extra key, a bad date — declines,
 * and the schema then runs and words the error. So an error answer always comes from the
 * schema, and the cheap check must only be right about what it accepts
 * (test/http/fast-body.test.ts compares both over valid and broken inputs).
 *
 * Why: zod checks `facts` as a record key by key and copies every object it returns; on the
 * evaluate route that was about 6 % of a request's time.
 */
import type { z } from 'zod';
import { plainRequest } from '../facts/plain-request';
import { isPlainRecord } from '../model/plain-record';
import { LANGUAGES } from '../model/schema';
import {
  batchInputLineSchema,
  evaluateBodySchema,
  evaluateQuerySchema,
  idParamsSchema,
  parseWith,
} from './schemas';
import type { AnyErrorCode } from './errors';

/** Accepts a value as its schema would (returning the schema's output), or declines (undefined). */
type Accept = (value: unknown) => unknown;

const PATHWAY_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const LANGUAGE_SET: ReadonlySet<unknown> = new Set(LANGUAGES);

/**
 * `facts` as `z.record(z.string(), z.unknown())` accepts it. The record's parse copies the
 * object key by key, leaving out keys whose value is `undefined`; JSON never has those, so
 * an object with none is returned as it is (the copy would print the same JSON).
 */
function factsOk(value: unknown): value is Record<string, unknown> {
  if (!isPlainRecord(value)) return false;
  for (const key in value) if (value[key] === undefined) return false;
  return true;
}

/**
 * The evaluation request part of a body or line (`currentStep`, `facts`, `asOf`, `version`),
 * as `evaluationRequestSchema` returns it; `extra` counts the keys the caller checked itself.
 * Undefined to decline.
 */
function requestParts(
  value: Record<string, unknown>,
  extra: number,
): Record<string, unknown> | undefined {
  // The shape is checked once, by the check validateInput also uses.
  if (!plainRequest(value, extra)) return undefined;
  const { currentStep, facts, asOf, version } = value;
  if (!factsOk(facts)) return undefined;
  let out: Record<string, unknown> = { facts };
  if (currentStep !== undefined) {
    // Checked by plainRequest. A strict object's parse returns a new object with the
    // schema's keys in its order.
    const { id, enteredAt } = currentStep as { id: string; enteredAt?: string };
    out = { currentStep: enteredAt === undefined ? { id } : { id, enteredAt }, facts };
  }
  if (asOf !== undefined) out['asOf'] = asOf;
  if (version !== undefined) out['version'] = version;
  return out;
}

/** `evaluateBodySchema`: the request plus `language`. */
function acceptEvaluateBody(value: unknown): unknown {
  if (!isPlainRecord(value)) return undefined;
  const { language } = value;
  if (language !== undefined && !LANGUAGE_SET.has(language)) return undefined;
  const out: Record<string, unknown> | undefined = requestParts(
    value,
    language === undefined ? 0 : 1,
  );
  if (out !== undefined && language !== undefined) out['language'] = language;
  return out;
}

/** `batchInputLineSchema`: the request plus `id`, `healthCentre` and `language`, in that order. */
function acceptBatchLine(value: unknown): unknown {
  if (!isPlainRecord(value)) return undefined;
  const { id, healthCentre, language } = value;
  let extra = 0;
  if (id !== undefined) {
    const ok = typeof id === 'string' ? id.length <= 200 : typeof id === 'number';
    // z.number() refuses NaN and the infinities, which JSON cannot carry anyway.
    if (!ok || (typeof id === 'number' && !Number.isFinite(id))) return undefined;
    extra++;
  }
  if (healthCentre !== undefined) {
    if (typeof healthCentre !== 'string' || healthCentre.length > 200) return undefined;
    extra++;
  }
  if (language !== undefined) {
    if (!LANGUAGE_SET.has(language)) return undefined;
    extra++;
  }
  const out: Record<string, unknown> | undefined = requestParts(value, extra);
  if (out === undefined) return undefined;
  if (id !== undefined) out['id'] = id;
  if (healthCentre !== undefined) out['healthCentre'] = healthCentre;
  if (language !== undefined) out['language'] = language;
  return out;
}

/** `evaluateQuerySchema`: `?lang=sv&trace=false`, both optional. */
function acceptEvaluateQuery(value: unknown): unknown {
  if (!isPlainRecord(value)) return undefined;
  const { lang, trace } = value;
  let keys = 0;
  const out: { lang?: unknown; trace?: unknown } = {};
  if (lang !== undefined) {
    if (!LANGUAGE_SET.has(lang)) return undefined;
    out.lang = lang;
    keys++;
  }
  if (trace !== undefined) {
    if (trace !== 'true' && trace !== 'false') return undefined;
    out.trace = trace;
    keys++;
  }
  return Object.keys(value).length === keys ? out : undefined;
}

/** `idParamsSchema`: `{ id }`, a kebab-case pathway id of at most 100 characters. */
function acceptIdParams(value: unknown): unknown {
  if (!isPlainRecord(value)) return undefined;
  const { id } = value;
  if (typeof id !== 'string' || id.length > 100 || !PATHWAY_ID.test(id)) return undefined;
  return Object.keys(value).length === 1 ? { id } : undefined;
}

/** The schemas with a cheap check in front of them. */
const ACCEPTORS = new Map<z.ZodType, Accept>([
  [evaluateBodySchema, acceptEvaluateBody],
  [batchInputLineSchema, acceptBatchLine],
  [evaluateQuerySchema, acceptEvaluateQuery],
  [idParamsSchema, acceptIdParams],
]);

/**
 * {@link parseWith} with the cheap check in front when `schema` has one: the same value for
 * what the schema accepts, the schema's own error (thrown by `parseWith`) for the rest.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
  code?: AnyErrorCode,
): z.infer<S> {
  const accepted = ACCEPTORS.get(schema)?.(input);
  if (accepted !== undefined) return accepted as z.infer<S>;
  return parseWith(schema, input, what, code);
}

/** The cheap check of `schema`, for tests: what it accepts, or undefined when it declines. */
export function cheapCheck(schema: z.ZodType): Accept | undefined {
  return ACCEPTORS.get(schema);
}
