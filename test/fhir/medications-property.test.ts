import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Medication } from '../../engine/facts/medication';
import { factsFromFhir } from '../../engine/fhir';
import { chronicPain, COMPLETE_TYPES, FIXTURE_AS_OF } from '../fixtures/fhir/load';

const PATIENT = 'pat-prop';
const ATC = 'http://www.whocc.no/atc';
const RELEVANT = ['N02AA05', 'N02AA01', 'N02AX02', 'N05BA01', 'N05CF01', 'N03AX16'];

/** A record the reader can read fully: an active statement or order with one ATC code. */
const readable = fc
  .record({
    type: fc.constantFrom('MedicationStatement', 'MedicationRequest'),
    atc: fc.constantFrom(...RELEVANT),
    day: fc.integer({ min: 1, max: 28 }),
    month: fc.integer({ min: 1, max: 7 }),
    mg: fc.option(fc.integer({ min: 1, max: 80 }), { nil: undefined }),
  })
  .map(({ type, atc, day, month, mg }) => {
    const date = `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const dosage =
      mg === undefined
        ? []
        : [
            {
              timing: { repeat: { frequency: 2, period: 1, periodUnit: 'd' } },
              doseAndRate: [{ doseQuantity: { value: mg, unit: 'mg', code: 'mg' } }],
            },
          ];
    return {
      resourceType: type,
      status: 'active',
      ...(type === 'MedicationRequest'
        ? { intent: 'order', authoredOn: date, dosageInstruction: dosage }
        : { effectiveDateTime: date, dosage }),
      medicationCodeableConcept: { coding: [{ system: ATC, code: atc }] },
      subject: { reference: `Patient/${PATIENT}` },
    };
  });

/** A record that may be a current drug but cannot be fully read, in each way the wild writes one. */
const unreadable = fc
  .record({
    type: fc.constantFrom('MedicationStatement', 'MedicationRequest'),
    atc: fc.constantFrom(...RELEVANT),
    how: fc.constantFrom(
      'rxnorm-unmapped',
      'text-only',
      'no-medication',
      'unresolved-reference',
      'no-status',
      'unknown-status',
      'on-hold',
      'two-atc',
      'atc-group',
      'unknown-subject',
      'no-subject',
    ),
  })
  .map(({ type, atc, how }) => {
    const concept =
      how === 'rxnorm-unmapped'
        ? { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '3322' }] }
        : how === 'text-only'
          ? { text: 'Stesolid' }
          : how === 'two-atc'
            ? {
                coding: [
                  { system: ATC, code: atc },
                  { system: ATC, code: 'N05BA01' === atc ? 'N02AA05' : 'N05BA01' },
                ],
              }
            : how === 'atc-group'
              ? { coding: [{ system: ATC, code: 'N02A' }] }
              : { coding: [{ system: ATC, code: atc }] };
    const status =
      how === 'no-status'
        ? {}
        : {
            status: how === 'unknown-status' ? 'unknown' : how === 'on-hold' ? 'on-hold' : 'active',
          };
    const medication =
      how === 'no-medication'
        ? {}
        : how === 'unresolved-reference'
          ? { medicationReference: { reference: 'Medication/not-sent' } }
          : { medicationCodeableConcept: concept };
    const subject =
      how === 'unknown-subject'
        ? { subject: { reference: 'urn:uuid:5e0b8a2c-1d3f-4a5b-8c7d-9e0f1a2b3c4d' } }
        : how === 'no-subject'
          ? {}
          : { subject: { reference: `Patient/${PATIENT}` } };
    return {
      resourceType: type,
      ...status,
      ...(type === 'MedicationRequest' ? { intent: 'order', authoredOn: '2026-06-01' } : {}),
      ...medication,
      ...subject,
    };
  });

function read(resources: unknown[], pathway: Awaited<ReturnType<typeof chronicPain>>) {
  const result = factsFromFhir(pathway, resources, {
    asOf: FIXTURE_AS_OF,
    patientId: PATIENT,
    completeTypes: COMPLETE_TYPES,
  });
  return result.facts['medications'] as Medication[] | undefined;
}

describe('adding an unreadable medication', () => {
  it('never removes a medication already read and never turns the list into "no medication"', async () => {
    const pathway = await chronicPain();
    fc.assert(
      fc.property(
        fc.array(readable, { maxLength: 5 }),
        unreadable,
        fc.nat(),
        (records, extra, at) => {
          const resources = records.map((r, i) => ({ ...r, id: `r${i}` }));
          const before = read(resources, pathway) ?? [];
          const withExtra: unknown[] = [...resources];
          withExtra.splice(at % (resources.length + 1), 0, { ...extra, id: 'extra' });
          const after = read(withExtra, pathway);
          expect(after).toBeDefined();
          expect(after?.length).toBeGreaterThan(0);
          expect(after?.some((m) => m.uncertain !== undefined)).toBe(true);
          for (const med of before) {
            const kept = after?.find(
              (m) =>
                m.uncertain === undefined &&
                m.atc === med.atc &&
                m.dose === med.dose &&
                m.unit === med.unit &&
                (med.since === undefined || (m.since !== undefined && m.since <= med.since)),
            );
            expect(kept).toBeDefined();
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
