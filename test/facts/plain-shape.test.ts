/**
 * validateInput skips the request schema when `plainShape` says the shape is plainly right:
 * that is only correct if the schema then finds nothing, which is checked here over inputs
 * built from right and wrong pieces of each field.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainShape } from '../../engine/facts/validate';
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
    { facts, currentStep: step, asOf: date, version: fc.constantFrom('1.3.0', 'x', undefined) },
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

  it('says plain for the usual line shapes, so the schema is skipped for them', () => {
    expect(plainShape({ facts: { age: 52 } })).toBe(true);
    expect(
      plainShape({
        facts: {},
        asOf: '2026-11-23',
        currentStep: { id: 'specialist-mmr', enteredAt: '2026-10-21' },
      }),
    ).toBe(true);
    expect(plainShape({ facts: {}, version: '1.3.0' })).toBe(false);
    expect(plainShape({ facts: [] })).toBe(false);
    expect(plainShape({ asOf: '2026-11-23' })).toBe(false);
  });
});
