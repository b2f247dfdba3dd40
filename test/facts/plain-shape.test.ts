/**
 * validateInput skips the request schema when `plainShape` says the shape is plainly right:
 * that is only correct if the schema then finds nothing, which is checked here over inputs
 * built from right and wrong pieces of each field.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainShape } from '../../engine/facts/plain-request';
import { cheapCheck } from '../../engine/http/fast-body';
import { evaluateBodySchema } from '../../engine/http/schemas';
import { evaluationInputSchema } from '../../engine/model/schema';

const anything = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.integer(),
  fc.string({ maxLength: 12 }),
  fc.constant([]),
  fc.constant({}),
  fc.constant(Object.create(null) as object),
  fc.constant(new Date(0)),
);
const date = fc.oneof(
  fc.constantFrom(
    '2026-11-23',
    '2024-02-29',
    '2026-02-30',
    '2026-1-01',
    ' 2026-11-23',
    '２０２６-11-23',
  ),
  anything,
);
const step = fc.oneof(
  anything,
  fc.record(
    {
      id: fc.oneof(fc.string({ maxLength: 3 }), fc.constant('x'.repeat(201)), anything),
      enteredAt: date,
    },
    { requiredKeys: [] },
  ),
  fc.record({ id: fc.string(), other: anything }),
);
const facts = fc.oneof(anything, fc.dictionary(fc.string({ maxLength: 5 }), anything));
const input = fc.oneof(
  anything,
  fc.record(
    {
      facts,
      currentStep: step,
      asOf: date,
      version: fc.constantFrom('1.3.0', '1.0.0-rc.1', 'x', '1.2', '9'.repeat(70), 7, undefined),
    },
    { requiredKeys: [] },
  ),
  fc.record({ facts, extra: anything }),
);

describe('the plain shape check', () => {
  it('says plain only for inputs the request schema accepts', () => {
    fc.assert(
      fc.property(input, (value) => {
        if (plainShape(value)) expect(evaluationInputSchema.safeParse(value).success).toBe(true);
      }),
      { numRuns: 5000, seed: 3 },
    );
  });

  it('is the one check of the request shape the evaluate route’s cheap check makes', () => {
    const accept = cheapCheck(evaluateBodySchema);
    fc.assert(
      fc.property(input, (value) => {
        // The cheap check also refuses a fact holding undefined (zod's record drops it).
        const factsDefined =
          typeof value === 'object' &&
          value !== null &&
          Object.values((value as { facts?: object }).facts ?? {}).every((v) => v !== undefined);
        expect(accept?.(value) !== undefined).toBe(plainShape(value) && factsDefined);
      }),
      { numRuns: 5000, seed: 4 },
    );
  });

  it('says plain for the usual line shapes, so the schema is skipped for them', () => {
    expect(plainShape({ facts: { age: 52 } })).toBe(true);
    expect(
      plainShape({
        facts: {},
        asOf: '2026-11-23',
        currentStep: { id: 'specialist-mmr', enteredAt: '2026-10-21' },
      }),
    ).toBe(true);
    // A version is checked by the same pattern as the schema's (it used to send the input
    // to the schema): the HTTP cheap check and validateInput now share this one check.
    expect(plainShape({ facts: {}, version: '1.3.0' })).toBe(true);
    expect(plainShape({ facts: {}, version: '1.3' })).toBe(false);
    expect(plainShape({ facts: {}, asOf: undefined })).toBe(false);
    expect(plainShape({ facts: [] })).toBe(false);
    expect(plainShape({ asOf: '2026-11-23' })).toBe(false);
  });
});
