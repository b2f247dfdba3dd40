/**
 * The one plain check of an evaluation request's shape (`{ currentStep?, facts, asOf?,
 * version? }`), used by both places that would otherwise check it twice on one request:
 * the HTTP routes' cheap check in front of zod (engine/http/fast-body.ts) and
 * `validateInput`, which skips the request schema when the shape is plainly right.
 *
 * It only says "plainly right" or "not sure". True means the request schema
 * (`evaluationRequestSchema`) accepts the request parts without an issue; false means the
 * caller asks the schema, which words every issue (test/facts/plain-shape.test.ts checks the
 * first over right and wrong pieces of every field, test/http/fast-body.test.ts the routes).
 */
import { isIsoDate } from '../model/dates';
import { isPlainRecord } from '../model/plain-record';

/** The schema's `semver` pattern (engine/model/schema.ts); a version is at most 64 characters. */
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

/**
 * `currentStep` as the schema's strict `{ id: text of at most 200 characters, enteredAt?: a
 * calendar date }` accepts it; a key holding `undefined` is not sure (a strict object's parse
 * would keep it).
 */
export function plainStep(step: unknown): step is { id: string; enteredAt?: string } {
  if (!isPlainRecord(step)) return false;
  const { id, enteredAt } = step;
  if (typeof id !== 'string' || id.length > 200) return false;
  if (enteredAt === undefined) return Object.keys(step).length === 1;
  return isIsoDate(enteredAt) && Object.keys(step).length === 2;
}

/**
 * True when the request parts of `value` — `facts` (a plain object), and when present
 * `currentStep` ({@link plainStep}), `asOf` (a calendar date) and `version` (a semantic
 * version) — are plainly right and `value` holds no other key than those and `extra` more
 * that the caller has checked itself (a batch line's `id`, a body's `language`). A key
 * holding `undefined` counts as another key (not sure).
 */
export function plainRequest(value: Record<string, unknown>, extra = 0): boolean {
  let keys = extra + 1;
  const { currentStep, facts, asOf, version } = value;
  if (!isPlainRecord(facts)) return false;
  if (currentStep !== undefined) {
    if (!plainStep(currentStep)) return false;
    keys++;
  }
  if (asOf !== undefined) {
    if (!isIsoDate(asOf)) return false;
    keys++;
  }
  if (version !== undefined) {
    if (typeof version !== 'string' || version.length > 64 || !SEMVER.test(version)) return false;
    keys++;
  }
  return Object.keys(value).length === keys;
}

/** {@link plainRequest} of an input that may not even be an object (`validateInput`'s). */
export function plainShape(input: unknown): boolean {
  return isPlainRecord(input) && plainRequest(input);
}
