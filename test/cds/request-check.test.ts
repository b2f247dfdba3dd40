/**
 * The plain check in front of zod for the CDS service call answers exactly as
 * `cdsRequestSchema.safeParse`: the same success, and on success the same object (same keys
 * in the same order, same values), over the stored and mutated requests and generated bodies.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCdsRequest, parsePatientViewContext } from '../../engine/cds/request-check';
import { cdsRequestSchema, patientViewContextSchema } from '../../engine/cds/schema';
import { cdsCases } from '../fixtures/fhir/mutated-prefetches';

function sameAsZod(body: unknown): void {
  const zod = cdsRequestSchema.safeParse(body);
  const fast = parseCdsRequest(body);
  expect(fast.success).toBe(zod.success);
  if (zod.success && fast.success) {
    expect(fast.data).toStrictEqual(zod.data);
    expect(JSON.stringify(fast.data)).toBe(JSON.stringify(zod.data));
  } else {
    expect(JSON.stringify(fast.error?.issues)).toBe(JSON.stringify(zod.error?.issues));
  }
}

const value = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constantFrom('', 'patient-view', 'x', 'https://fhir.example.se/r4', 'ftp://x', 'not a url'),
  fc.integer(),
  fc.boolean(),
  fc.constant([]),
  fc.dictionary(fc.constantFrom('patient', 'a', 'userId', 'patientId'), fc.string(), {
    maxKeys: 3,
  }),
);

describe('the CDS request check in front of zod', () => {
  it('gives what zod gives for every stored and mutated request', async () => {
    const cases = await cdsCases();
    for (const c of cases) sameAsZod(JSON.parse(JSON.stringify(c.body)));
  });

  it('gives what zod gives for generated bodies, right and wrong', () => {
    const key = fc.constantFrom(
      'hook',
      'hookInstance',
      'fhirServer',
      'fhirAuthorization',
      'context',
      'prefetch',
      'extension',
      'other',
    );
    fc.assert(
      fc.property(fc.dictionary(key, value), fc.boolean(), (fields, complete) => {
        const body: Record<string, unknown> = complete
          ? { hook: 'patient-view', hookInstance: 'i-1', context: {}, ...fields }
          : fields;
        for (const k of Object.keys(body)) if (body[k] === undefined) delete body[k];
        sameAsZod(JSON.parse(JSON.stringify(body)));
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves a refused request to zod, which words it', () => {
    const refused = parseCdsRequest({ hook: '', hookInstance: 'i', context: {} });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(['hook']);
  });

  it('checks the patient-view context as zod does, right and wrong', () => {
    const id = fc.oneof(
      fc.constant(undefined),
      fc.constantFrom('', 'pat-greta', 'Practitioner/dr-lind'),
      fc.string(),
      fc.integer(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(id, id, id, fc.boolean(), (userId, patientId, encounterId, other) => {
        const context: Record<string, unknown> = { userId, patientId, encounterId };
        if (other) context['appointments'] = ['a-1'];
        for (const k of Object.keys(context)) if (context[k] === undefined) delete context[k];
        const zod = patientViewContextSchema.safeParse(context);
        const fast = parsePatientViewContext(context);
        expect(fast.success).toBe(zod.success);
        if (zod.success && fast.success) expect(fast.data).toStrictEqual(zod.data);
        else expect(JSON.stringify(fast.error?.issues)).toBe(JSON.stringify(zod.error?.issues));
      }),
      { numRuns: 2000 },
    );
  });
});
