import { describe, expect, it } from 'vitest';
import type { Medication } from '../../engine/facts/medication';
import { factsFromFhir } from '../../engine/fhir';
import { chronicPain, COMPLETE_TYPES, FIXTURE_AS_OF } from '../fixtures/fhir/load';
import { loadRequest, mapRequest, type HookRequest } from '../fixtures/fhir/wild';

async function medicationsOf(
  name: Parameters<typeof loadRequest>[0],
  options: Parameters<typeof mapRequest>[1] = {},
) {
  const { result, unpacked } = await mapRequest(await loadRequest(name), options);
  return { medications: result.facts['medications'] as Medication[], result, unpacked };
}

const byAtc = (meds: readonly Medication[], atc: string) => meds.filter((m) => m.atc === atc);
const messages = (list: readonly { resource: string; message: string }[], resource: string) =>
  list.filter((p) => p.resource === resource).map((p) => p.message);

describe('medication codes as EHRs write them', () => {
  it('reads ATC under its OID and in lower case, in upper case', async () => {
    const { medications } = await medicationsOf('atc-oid-and-case');
    expect(medications.slice(0, 2)).toEqual([
      {
        atc: 'N02AA05',
        dose: 20,
        unit: 'mg/day',
        since: '2025-11-01',
        name: 'OxyContin 10 mg depottablett',
      },
      { atc: 'N05BA01', since: '2026-03-10', name: 'Stesolid 5 mg tablett' },
    ]);
  });

  it('keeps a drug with two different ATC codes as uncertain no-code naming both, never picking one', async () => {
    const { medications, result } = await medicationsOf('atc-oid-and-case');
    expect(medications[2]).toEqual({
      since: '2026-05-01',
      name: 'Okänd kombination',
      uncertain: { reason: 'no-code', detail: 'N02AA05, N05BA01' },
    });
    expect(messages(result.problems, 'MedicationStatement/ms-frida-two-atc')[0]).toMatch(
      /several ATC codes \(N02AA05, N05BA01\)/,
    );
  });

  it('classifies diazepam coded only in RxNorm and oxycodone only in SNOMED CT through the mapping table', async () => {
    const { medications } = await medicationsOf('rxnorm-snomed');
    expect(medications.slice(0, 2)).toEqual([
      { atc: 'N05BA01', since: '2026-01-20', name: 'Diazepam 5 mg' },
      { atc: 'N02AA05', dose: 20, unit: 'mg/day', since: '2025-12-01', name: 'Oxycodone 5 mg' },
    ]);
  });

  it('keeps diazepam coded only in RxNorm as an uncertain unclassified-code entry when no table is given', async () => {
    const { medications } = await medicationsOf('rxnorm-snomed', { medicationCodes: [] });
    expect(medications[0]).toEqual({
      since: '2026-01-20',
      name: 'Diazepam 5 mg',
      uncertain: {
        reason: 'unclassified-code',
        detail: 'http://www.nlm.nih.gov/research/umls/rxnorm|3322',
      },
    });
    // Nothing vanishes: all four records are listed, none of them as a known drug.
    expect(medications).toHaveLength(4);
    expect(medications.filter((m) => m.uncertain === undefined)).toEqual([]);
  });

  it('keeps a code missing from the table as unclassified-code with its system and code, and a text-only drug as no-code', async () => {
    const { medications } = await medicationsOf('rxnorm-snomed');
    expect(medications.slice(2)).toEqual([
      {
        since: '2026-04-01',
        name: 'Okänt preparat',
        uncertain: {
          reason: 'unclassified-code',
          detail: 'http://www.nlm.nih.gov/research/umls/rxnorm|999999',
        },
      },
      { since: '2026-06-01', name: 'Sömntablett, namn okänt', uncertain: { reason: 'no-code' } },
    ]);
  });
});

describe('medication references', () => {
  it('resolves contained, included, absolute and urn:uuid Medication references', async () => {
    const { medications } = await medicationsOf('medication-references');
    expect(medications.slice(0, 4).map((m) => [m.atc, m.name])).toEqual([
      ['N05BA01', 'Diazepam 2 mg'],
      ['N02AA05', 'Oxycodone 10 mg'],
      ['N02AX02', 'Tramadol 50 mg'],
      ['N05CF01', 'Zopiklon 7,5 mg'],
    ]);
  });

  it('keeps a request whose Medication was not sent as uncertain unresolved-reference', async () => {
    const { medications, result } = await medicationsOf('medication-references');
    expect(medications[4]).toEqual({
      since: '2026-07-05',
      uncertain: { reason: 'unresolved-reference', detail: 'Medication/med-not-sent' },
    });
    expect(messages(result.problems, 'MedicationRequest/mr-hanna-missing')[0]).toMatch(
      /Medication\/med-not-sent not found in the data/,
    );
  });
});

describe('subjects', () => {
  it('accepts a urn:uuid subject, an absolute Patient URL and an identifier of the patient', async () => {
    const { medications, result } = await medicationsOf('subjects');
    expect(medications.slice(0, 3).map((m) => [m.atc, m.uncertain])).toEqual([
      ['N02AA05', undefined],
      ['N05BA01', undefined],
      ['N03AX16', undefined],
    ]);
    // The Patient included in the list as well is the same resource, read once.
    expect(result.facts['age']).toBe(61);
  });

  it('rejects records about another patient, by reference or by identifier in the same system', async () => {
    const { medications, result } = await medicationsOf('subjects');
    expect(byAtc(medications, 'N02AB03')).toEqual([]);
    expect(byAtc(medications, 'N05CD02')).toEqual([]);
    expect(messages(result.problems, 'MedicationStatement/ms-ivar-other-patient')[0]).toMatch(
      /about Patient\/pat-someone-else/,
    );
    expect(messages(result.problems, 'MedicationStatement/ms-ivar-other-identifier')[0]).toMatch(
      /personnummer\|194401012390/,
    );
  });

  it('keeps a drug whose urn:uuid subject is not in the data as uncertain, not as a current drug', async () => {
    const { medications } = await medicationsOf('subjects');
    expect(byAtc(medications, 'N02AX02')).toEqual([
      {
        atc: 'N02AX02',
        since: '2026-04-07',
        name: 'Tramadol',
        uncertain: {
          reason: 'unresolved-reference',
          detail: 'urn:uuid:00000000-0000-4000-8000-000000000000',
        },
      },
    ]);
  });
});

describe('subjects of other resources', () => {
  it('reads a score whose subject is the urn:uuid of the Patient entry in a Bundle passed whole', async () => {
    const pathway = await chronicPain();
    const patientUrl = 'urn:uuid:6b7c8d9e-0f1a-4b2c-8d3e-4f5a6b7c8d9e';
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { fullUrl: patientUrl, resource: { resourceType: 'Patient', id: 'p9' } },
        {
          fullUrl: 'urn:uuid:7c8d9e0f-1a2b-4c3d-9e4f-5a6b7c8d9e0f',
          resource: {
            resourceType: 'Observation',
            id: 'nrs',
            status: 'final',
            code: { coding: [{ system: 'http://loinc.org', code: '72514-3' }] },
            subject: { reference: patientUrl },
            effectiveDateTime: '2026-08-01T10:00:00+02:00',
            valueInteger: 7,
          },
        },
      ],
    };
    const result = factsFromFhir(pathway, [bundle], { asOf: FIXTURE_AS_OF, patientId: 'p9' });
    expect(result.facts['nrsPain']).toBe(7);
  });
});

describe('statuses and intents', () => {
  it('counts active statements and active orders only as current drugs', async () => {
    const { medications } = await medicationsOf('statuses');
    const certain = medications.filter((m) => m.uncertain === undefined).map((m) => m.atc);
    expect(certain).toEqual(['N02AA05', 'N03AX12']);
  });

  it('keeps a missing, unknown or on-hold status as status-unknown with the ATC code', async () => {
    const { medications } = await medicationsOf('statuses');
    expect(
      medications.filter((m) => m.uncertain !== undefined).map((m) => [m.atc, m.uncertain]),
    ).toEqual([
      ['N05BA04', { reason: 'status-unknown', detail: 'status on-hold' }],
      ['N05BA01', { reason: 'status-unknown', detail: 'status unknown' }],
      ['N05CD08', { reason: 'status-unknown' }],
      ['N03AE01', { reason: 'status-unknown' }],
    ]);
  });

  it('does not count intended, completed, stopped, not-taken or entered-in-error statements, nor proposals, plans or drafts', async () => {
    const { medications } = await medicationsOf('statuses');
    for (const atc of [
      'N02AA01',
      'N02AB03',
      'N02AX02',
      'N05CF01',
      'N05CF02',
      'N02AA59',
      'N07BC02',
      'N02AE01',
    ])
      expect(byAtc(medications, atc)).toEqual([]);
  });
});

describe('lists that were not given whole', () => {
  it('adds a withheld entry for a list answered by an OperationOutcome and one containing an outcome entry', async () => {
    const { medications, unpacked } = await medicationsOf('withheld');
    expect(medications).toEqual([
      { atc: 'N02AA05', since: '2026-01-15', name: 'Oxikodon' },
      { uncertain: { reason: 'withheld', detail: 'medicationStatements' } },
      { uncertain: { reason: 'withheld', detail: 'medicationRequests' } },
    ]);
    expect(unpacked.problems.map((p) => p.key)).toEqual([
      'medicationStatements',
      'medicationRequests',
    ]);
  });

  it('adds list-incomplete entries for a paged list and a missing key, keeping the drug read', async () => {
    const { medications } = await medicationsOf('paged-and-missing');
    expect(medications).toEqual([
      { atc: 'N02AA05', dose: 40, unit: 'mg/day', since: '2025-10-01', name: 'Oxikodon' },
      { uncertain: { reason: 'list-incomplete', detail: 'medicationStatements' } },
      { uncertain: { reason: 'list-incomplete', detail: 'medicationRequests' } },
    ]);
  });

  it('never concludes "no medication" when one of the two lists was not sent', async () => {
    const request: HookRequest = await loadRequest('statuses');
    const { medicationRequests: _dropped, ...rest } = request.prefetch;
    const prefetch = {
      ...rest,
      medicationStatements: { resourceType: 'Bundle', type: 'searchset', total: 0 },
    };
    const { result } = await mapRequest({ ...request, prefetch });
    expect(result.facts['medications']).toEqual([
      { uncertain: { reason: 'list-incomplete', detail: 'medicationRequests' } },
    ]);
  });

  it('gives an empty list only when both lists are complete', async () => {
    const request: HookRequest = await loadRequest('statuses');
    const prefetch = {
      ...request.prefetch,
      medicationStatements: { resourceType: 'Bundle', type: 'searchset', total: 0 },
      medicationRequests: null,
    };
    const { result } = await mapRequest({ ...request, prefetch });
    expect(result.facts['medications']).toEqual([]);
  });

  it('reads a withholding OperationOutcome passed among the resources as withheld, and ignores a purely informational one', async () => {
    const pathway = await chronicPain();
    const outcome = (severity: string, code: string) => ({
      resourceType: 'OperationOutcome',
      id: `oo-${code}`,
      issue: [{ severity, code, diagnostics: 'said by the server' }],
    });
    const complete = { asOf: FIXTURE_AS_OF, completeTypes: COMPLETE_TYPES };
    const withheld = factsFromFhir(pathway, [outcome('warning', 'suppressed')], complete);
    expect(withheld.facts['medications']).toEqual([
      { uncertain: { reason: 'withheld', detail: 'OperationOutcome/oo-suppressed' } },
    ]);
    const informational = factsFromFhir(
      pathway,
      [outcome('information', 'informational')],
      complete,
    );
    expect(informational.facts['medications']).toEqual([]);
  });
});

describe('treatment start and dose increase', () => {
  it('takes the start of an unbroken series of renewals, not the latest renewal, and not an earlier course', async () => {
    const { medications } = await medicationsOf('treatment-start');
    expect(byAtc(medications, 'N02AA05')).toEqual([
      {
        atc: 'N02AA05',
        dose: 40,
        unit: 'mg/day',
        since: '2021-06-01',
        doseIncreasedAt: '2026-07-30',
        name: 'Oxikodon depottablett',
      },
    ]);
  });

  it('starts a new series after a gap of more than 90 days', async () => {
    const { medications } = await medicationsOf('treatment-start');
    expect(byAtc(medications, 'N05BA01')).toEqual([
      { atc: 'N05BA01', dose: 5, unit: 'mg/day', since: '2026-06-15', name: 'Diazepam 5 mg' },
    ]);
  });

  it('lists a drug in a statement and in renewed requests once, with the series start and dose increase', async () => {
    const pathway = await chronicPain();
    const oxycodone = { coding: [{ system: 'http://www.whocc.no/atc', code: 'N02AA05' }] };
    const order = (id: string, authoredOn: string, status: string, mg: number) => ({
      resourceType: 'MedicationRequest',
      id,
      status,
      intent: 'order',
      medicationCodeableConcept: oxycodone,
      authoredOn,
      dosageInstruction: [
        {
          timing: { repeat: { frequency: 2, period: 1, periodUnit: 'd' } },
          doseAndRate: [{ doseQuantity: { value: mg, unit: 'mg', code: 'mg' } }],
        },
      ],
    });
    const result = factsFromFhir(
      pathway,
      [
        {
          resourceType: 'MedicationStatement',
          id: 'ms',
          status: 'active',
          medicationCodeableConcept: oxycodone,
          effectiveDateTime: '2026-07-01',
          basedOn: [{ reference: 'MedicationRequest/now' }],
        },
        order('then', '2026-05-01', 'completed', 10),
        order('now', '2026-07-01', 'active', 20),
      ],
      { asOf: FIXTURE_AS_OF, completeTypes: COMPLETE_TYPES },
    );
    expect(result.facts['medications']).toEqual([
      { atc: 'N02AA05', since: '2026-05-01', doseIncreasedAt: '2026-07-01' },
    ]);
  });
});
