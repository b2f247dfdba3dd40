/**
 * The cheap checks in front of the hot routes' schemas (engine/http/fast-body.ts) accept
 * exactly what the schema accepts, returning the same value with its keys in the same order,
 * and decline everything else, so the schema words every error as before.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { cheapCheck, parseInput } from '../../engine/http/fast-body';
import {
  batchInputLineSchema,
  evaluateBodySchema,
  evaluateQuerySchema,
  idParamsSchema,
  parseWith,
} from '../../engine/http/schemas';
import { chronicPainPatients } from '../fixtures/chronic-pain-patients';

/** A small deterministic generator, so a failure names a reproducible case. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ODD_VALUES: unknown[] = [
  undefined,
  null,
  0,
  -1,
  1.5,
  '',
  'x',
  '2026-02-30',
  '2026-2-3',
  '2026-01-01',
  ' 2026-01-01',
  '1.2.0',
  '1.2',
  '1.0.0-rc.1',
  'sv',
  'da',
  'en',
  'de',
  'true',
  'false',
  'chronic-pain',
  'Chronic',
  'a'.repeat(201),
  'b'.repeat(101),
  '9'.repeat(70),
  true,
  [],
  ['x'],
  {},
  { id: 'intake-assessment' },
  { id: 'intake-assessment', enteredAt: '2026-01-01' },
  { enteredAt: '2026-01-01', id: 'x' },
  { id: 'x', enteredAt: '2026-13-01' },
  { id: 'x', extra: 1 },
  { id: 7 },
  { a: 1 },
  Object.create(null) as unknown,
];

const FIELDS = [
  'currentStep',
  'facts',
  'asOf',
  'version',
  'language',
  'id',
  'healthCentre',
  'lang',
  'trace',
  'other',
];

/** Valid bodies from the patient generator, then each mutated at random a few times. */
function inputs(count: number, seed: number): unknown[] {
  const r = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const out: unknown[] = [...ODD_VALUES];
  for (const { input, asOf } of chronicPainPatients(count, seed, { invalid: 0.2 })) {
    const body: Record<string, unknown> = { ...input, asOf };
    if (r() < 0.3) body['version'] = pick(['1.1.0', '1.0.0', 'x']);
    if (r() < 0.3) body['language'] = pick(['sv', 'da', 'en']);
    if (r() < 0.2) body['id'] = pick(['p-1', 12, 1.5]);
    if (r() < 0.2) body['healthCentre'] = pick(['Vårdcentral Norr', 3]);
    out.push(body);
    const mutated: Record<string, unknown> = { ...body };
    for (let k = 0; k < 1 + Math.floor(r() * 2); k++) {
      const field = pick(FIELDS);
      const value = pick(ODD_VALUES);
      if (value === undefined && r() < 0.5) delete mutated[field];
      else mutated[field] = value;
    }
    out.push(mutated);
    // The same fields in another order: the answer's key order is the schema's.
    out.push(Object.fromEntries(Object.entries(body).reverse()));
  }
  return out;
}

const SCHEMAS: [string, z.ZodType][] = [
  ['evaluate body', evaluateBodySchema],
  ['batch line', batchInputLineSchema],
  ['evaluate query', evaluateQuerySchema],
  ['pathway id in the path', idParamsSchema],
];

describe('the cheap input checks of the hot routes', () => {
  it.each(SCHEMAS)(
    'accept exactly what the schema accepts, with the same value and key order (%s)',
    (_name, schema) => {
      const accept = cheapCheck(schema);
      expect(accept).toBeDefined();
      let accepted = 0;
      let valid = 0;
      const raw = inputs(400, 11);
      // What JSON.parse makes of them, as the routes receive them (no `undefined` values).
      const asJson = raw.flatMap((v) => (v === undefined ? [] : [JSON.parse(JSON.stringify(v))]));
      for (const [k, value] of [...raw, ...asJson].entries()) {
        const parsed = schema.safeParse(value);
        const fast = accept?.(value);
        if (parsed.success && k >= raw.length) valid++;
        if (fast === undefined) continue;
        if (k >= raw.length) accepted++;
        expect(parsed.success, JSON.stringify(value)).toBe(true);
        expect(JSON.stringify(fast)).toBe(JSON.stringify(parsed.data));
        expect(fast).toEqual(parsed.data);
      }
      // It is not a check that declines everything: every valid body read from JSON is accepted.
      expect(accepted).toBe(valid);
    },
  );

  it('let the schema word the error of an input they decline', () => {
    const body = { facts: {}, asOf: '2026-02-30', extra: 1 };
    const viaSchema = (): unknown => parseWith(evaluateBodySchema, body, 'body');
    const viaCheck = (): unknown => parseInput(evaluateBodySchema, body, 'body');
    expect(viaSchema).toThrow();
    let schemaError: unknown;
    let checkError: unknown;
    try {
      viaSchema();
    } catch (error) {
      schemaError = error;
    }
    try {
      viaCheck();
    } catch (error) {
      checkError = error;
    }
    expect(JSON.stringify(checkError)).toBe(JSON.stringify(schemaError));
    expect((checkError as Error).message).toBe((schemaError as Error).message);
  });

  it('return the facts object as given, since the record schema would copy it unchanged', () => {
    const facts = { b: 1, a: [1, 2], c: null };
    const out = parseInput(evaluateBodySchema, { facts, currentStep: { id: 'x' } }, 'body');
    expect(out.facts).toBe(facts);
    expect(out.currentStep).toEqual({ id: 'x' });
  });
});

describe('the JSON body parser walks a good body once', () => {
  it('marks a good body as checked and leaves bad ones to the rules that word them', async () => {
    const { isCleanBody, parseJsonBody } = await import('../../engine/http/json-body');
    const nested = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);
    const good = parseJsonBody(Buffer.from(`{"facts":{"a":${nested(62)}}}`));
    expect(isCleanBody(good)).toBe(true);
    // 65 levels: parsed, not marked, so the nesting hook walks it and answers as before.
    const deep = parseJsonBody(Buffer.from(`{"facts":{"a":${nested(63)}}}`));
    expect(isCleanBody(deep)).toBe(false);
    expect(() => parseJsonBody(Buffer.from('{"facts":{"x":{"constructor":1}}}'))).toThrow(
      /constructor/,
    );
  });
});
