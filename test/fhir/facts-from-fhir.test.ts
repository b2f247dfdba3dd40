import fc from 'fast-check';
import type { Observation } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { compilePathway } from '../../engine/evaluate/compile';
import { evaluate } from '../../engine/evaluate/evaluate';
import { factsFromFhir } from '../../engine/fhir';
import {
  chronicPain,
  COMPLETE_TYPES,
  FIXTURE_AS_OF,
  loadPrefetch,
  resourcesOf,
  type FhirPatient,
} from '../fixtures/fhir/load';

async function mapped(name: FhirPatient, version: '1.0.0' | '1.1.0' = '1.1.0') {
  const pathway = await chronicPain(version);
  const prefetch = await loadPrefetch(name);
  const patientId = (prefetch['patient'] as { id: string }).id;
  const result = factsFromFhir(pathway, resourcesOf(prefetch), {
    asOf: FIXTURE_AS_OF,
    patientId,
    completeTypes: COMPLETE_TYPES,
  });
  return { pathway, result };
}

describe('factsFromFhir on the chronic pain pathway', () => {
  it('reads age, pain duration, the latest NRS and questionnaire answers of a patient on an opioid and a benzodiazepine', async () => {
    const { result } = await mapped('anna-opioid-benzodiazepine');
    expect(result.facts).toMatchObject({
      age: 48,
      painDurationMonths: 11.4,
      nrsPain: 6,
      startBackPsychosocial: 4,
      hadsAnxiety: 12,
      hadsDepression: 9,
      isi: 16,
      pseq: 30,
    });
    expect(result.problems).toEqual([]);
  });

  it('turns structured doses into daily doses and counts a prescription the statement is based on once', async () => {
    const { result } = await mapped('anna-opioid-benzodiazepine');
    expect(result.facts['medications']).toEqual([
      {
        atc: 'N02AA05',
        dose: 20,
        unit: 'mg/day',
        since: '2026-01-10',
        name: 'OxyContin 10 mg depottablett',
      },
      {
        atc: 'N05BA01',
        dose: 10,
        unit: 'mg/day',
        since: '2026-05-01',
        name: 'Stesolid 5 mg tablett',
      },
    ]);
    expect(result.notes).toEqual([]);
  });

  it('never reads a missing Condition as false: the substance-use fact and red flags stay unknown', async () => {
    const { result } = await mapped('anna-opioid-benzodiazepine');
    expect(result.missing).toEqual(
      expect.arrayContaining([
        'activeSubstanceUseDisorder',
        'redFlags',
        'ompsqShort',
        'pdi',
        'eq5dIndex',
      ]),
    );
    expect(result.facts).not.toHaveProperty('activeSubstanceUseDisorder');
  });

  it('reports baselines as unmapped without the current step entry date and reads the closest value with it', async () => {
    const { result } = await mapped('anna-opioid-benzodiazepine');
    expect(result.unmapped).toEqual([
      { fact: 'nrsPainBaseline', reason: "needs the current step's entry date" },
      { fact: 'pseqBaseline', reason: "needs the current step's entry date" },
    ]);
    const pathway = await chronicPain();
    const prefetch = await loadPrefetch('anna-opioid-benzodiazepine');
    const withEntry = factsFromFhir(pathway, resourcesOf(prefetch), {
      asOf: FIXTURE_AS_OF,
      stepEnteredAt: '2026-03-01',
    });
    expect(withEntry.facts['nrsPainBaseline']).toBe(8);
    expect(withEntry.facts['pseqBaseline']).toBe(30);
  });

  it('reads a fentanyl patch as µg/h and counts the drug once when both a statement and a request record it', async () => {
    const { result } = await mapped('bo-fentanyl-red-flag');
    expect(result.facts['medications']).toEqual([
      {
        atc: 'N02AB03',
        dose: 25,
        unit: 'ug/h',
        since: '2025-11-01',
        name: 'Durogesic 25 mikrogram/timme depotplåster',
      },
    ]);
    expect(result.notes).toEqual([
      {
        resource: 'MedicationRequest/mr-bo-fentanyl',
        fact: 'medications',
        message:
          'N02AB03 is also in MedicationStatement/ms-bo-fentanyl: counted once, from the statement',
      },
    ]);
  });

  it('maps red-flag condition codes to the values the pathway file declares and ignores resolved and inactive conditions', async () => {
    const { result } = await mapped('bo-fentanyl-red-flag');
    expect(result.facts['redFlags']).toEqual(['caudaEquina']);
    expect(result.facts).not.toHaveProperty('activeSubstanceUseDisorder');
  });

  it('counts an ICD-11 child of MG30 as chronic pain and reports a partial onset date instead of guessing', async () => {
    const { result } = await mapped('bo-fentanyl-red-flag');
    expect(result.facts['painDurationMonths']).toBe(78);
    expect(result.problems).toEqual([
      {
        resource: 'Condition/cond-bo-chronic-pain-syndrome',
        fact: 'painDurationMonths',
        message: 'onset 2019-04 is not a full date: the duration is unknown',
      },
    ]);
  });

  it('ignores entered-in-error observations', async () => {
    const { result } = await mapped('bo-fentanyl-red-flag');
    expect(result.facts['nrsPain']).toBe(7);
    expect(result.facts['eq5dIndex']).toBe(0.412);
  });

  it('leaves a free-text dose out with a note, so the drug counts for its class but the MME is unknown', async () => {
    const { pathway, result } = await mapped('cecilia-free-text-dose');
    expect(result.facts['medications']).toEqual([
      { atc: 'N02AX02', since: '2025-03-15', name: 'Tramadol 50 mg kapsel' },
      {
        atc: 'N03AX16',
        dose: 150,
        unit: 'mg/day',
        since: '2026-06-01',
        name: 'Lyrica 75 mg kapsel',
      },
    ]);
    expect(result.notes[0]?.message).toMatch(
      /free text .* never parsed; dose left out, so the MME is unknown/,
    );
    expect(result.facts['activeSubstanceUseDisorder']).toBe(true);
    const evaluation = await evaluate(
      compilePathway(pathway),
      { facts: result.facts },
      { asOf: FIXTURE_AS_OF },
    );
    expect(evaluation.derivedFacts).toMatchObject({ onOpioid: true, onGabapentinoid: true });
    expect(evaluation.derivedFacts).not.toHaveProperty('opioidMme');
    expect(evaluation.notes.join(' ')).toMatch(/N02AX02/);
  });

  it('reports malformed and unusable resources and skips them', async () => {
    const { result } = await mapped('david-malformed');
    const byResource = Object.fromEntries(result.problems.map((p) => [p.resource, p.message]));
    expect(byResource).toMatchObject({
      'Patient/pat-david': expect.stringMatching(
        /birthDate 2031-01-01 is after the evaluation date/,
      ),
      'Observation/obs-david-no-value': expect.stringMatching(/without a numeric value/),
      'Observation/obs-david-wrong-system': expect.stringMatching(
        /system http:\/\/snomed\.info\/sct, expected http:\/\/loinc\.org/,
      ),
      'Observation/obs-david-string': expect.stringMatching(/valueString is not a numeric value/),
      'Observation/obs-david-out-of-range': expect.stringMatching(
        /must be between 0 and 10, got 14/,
      ),
      'Observation/obs-david-other-patient': expect.stringMatching(/about Patient\/pat-anna/),
      'Observation/obs-david-hads-undated': expect.stringMatching(/no date/),
      'Condition/cond-david-no-status': expect.stringMatching(/without clinicalStatus/),
      'MedicationStatement/ms-david-no-atc': expect.stringMatching(/no ATC code/),
      'MedicationStatement/ms-david-atc-group': expect.stringMatching(
        /not a 7-character substance code/,
      ),
    });
    expect(result.problems.some((p) => p.resource.includes('obs-david-error'))).toBe(false);
    expect(result.problems.some((p) => p.resource.includes('cond-david-refuted'))).toBe(false);
    expect(Object.keys(result.facts)).toEqual(['medications']);
  });

  it('lists active medications that cannot be identified as uncertain instead of leaving them out', async () => {
    const { result } = await mapped('david-malformed');
    expect(result.facts['medications']).toEqual([
      {
        dose: 1000,
        unit: 'mg/day',
        since: '2026-01-01',
        name: 'Paracetamol 500 mg',
        uncertain: { reason: 'unclassified-code', detail: 'http://snomed.info/sct|322236009' },
      },
      {
        since: '2026-02-01',
        name: 'Opioids',
        uncertain: { reason: 'unclassified-code', detail: 'http://www.whocc.no/atc|N02A' },
      },
    ]);
  });

  it('gives an empty medication list only when the lists were searched completely', async () => {
    const pathway = await chronicPain();
    const prefetch = await loadPrefetch('erik-partial-prefetch');
    const searched = factsFromFhir(pathway, resourcesOf(prefetch), {
      asOf: FIXTURE_AS_OF,
      completeTypes: ['MedicationStatement', 'MedicationRequest'],
    });
    expect(searched.facts['medications']).toEqual([]);
    const unsearched = factsFromFhir(pathway, resourcesOf(prefetch), { asOf: FIXTURE_AS_OF });
    expect(unsearched.facts['medications']).toEqual([
      { uncertain: { reason: 'list-incomplete', detail: 'MedicationStatement' } },
      { uncertain: { reason: 'list-incomplete', detail: 'MedicationRequest' } },
    ]);
  });

  it('maps the same facts from the frozen 1.0.0 and 1.1.0 dictionaries', async () => {
    const older = await mapped('anna-opioid-benzodiazepine', '1.0.0');
    const newer = await mapped('anna-opioid-benzodiazepine', '1.1.0');
    expect(older.result).toEqual(newer.result);
  });

  it('does not guess between two different values recorded at the same instant', async () => {
    const pathway = await chronicPain();
    const nrs = (id: string, value: number): Observation => ({
      resourceType: 'Observation',
      id,
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '72514-3' }] },
      effectiveDateTime: '2026-08-01T10:00:00+02:00',
      valueInteger: value,
    });
    const result = factsFromFhir(pathway, [nrs('a', 4), nrs('b', 6)], { asOf: FIXTURE_AS_OF });
    expect(result.facts).not.toHaveProperty('nrsPain');
    expect(result.problems.map((p) => p.resource)).toEqual(['Observation/a', 'Observation/b']);
  });

  it('never throws on arbitrary JSON in place of resources', async () => {
    const pathway = await chronicPain();
    const resourceish = fc.record(
      {
        resourceType: fc.constantFrom(
          'Patient',
          'Observation',
          'Condition',
          'MedicationStatement',
          'MedicationRequest',
          'QuestionnaireResponse',
        ),
        id: fc.string(),
        status: fc.constantFrom('final', 'active', 'completed', 'amended'),
        code: fc.anything(),
        clinicalStatus: fc.anything(),
        birthDate: fc.anything(),
        valueInteger: fc.anything(),
        valueQuantity: fc.anything(),
        effectiveDateTime: fc.anything(),
        onsetDateTime: fc.anything(),
        medicationCodeableConcept: fc.anything(),
        dosage: fc.anything(),
        item: fc.anything(),
      },
      { requiredKeys: ['resourceType'] },
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(resourceish, fc.anything())), (resources) => {
        const result = factsFromFhir(pathway, resources, {
          asOf: FIXTURE_AS_OF,
          completeTypes: COMPLETE_TYPES,
        });
        expect(Array.isArray(result.missing)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
