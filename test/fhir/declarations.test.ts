import type { Condition } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { factsFromFhir, mappingOf } from '../../engine/fhir';
import type { Fact, Pathway } from '../../engine/model/types';
import { pathwaySchema } from '../../engine/model/schema';
import { chronicPain, FIXTURE_AS_OF } from '../fixtures/fhir/load';

const SCT = 'http://snomed.info/sct';

function withFact(pathway: Pathway, name: string, change: (fact: Fact) => Fact): Pathway {
  return pathwaySchema.parse({
    ...pathway,
    facts: pathway.facts.map((f) => (f.name === name ? change(f) : f)),
  });
}

function withFhir(
  fact: Fact,
  fhir: Partial<NonNullable<NonNullable<Fact['source']>['fhir']>>,
): Fact {
  const source = fact.source ?? { kind: 'record' as const };
  const current = source.fhir ?? { resource: 'Condition' as const, codes: [] };
  return { ...fact, source: { ...source, fhir: { ...current, ...fhir } } };
}

const caudaEquina: Condition = {
  resourceType: 'Condition',
  id: 'c1',
  clinicalStatus: {
    coding: [
      { system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' },
    ],
  },
  code: { coding: [{ system: SCT, code: '192970008' }] },
  subject: { reference: 'Patient/p1' },
};

describe('fact dictionary declarations for FHIR', () => {
  it('understands the map texts of the frozen chronic pain files', async () => {
    const pathway = await chronicPain();
    const kinds = Object.fromEntries(
      pathway.facts.flatMap((f) => {
        const d = mappingOf(f);
        return d.ok === true ? [[f.name, d.mapping.kind]] : [];
      }),
    );
    expect(kinds).toEqual({
      age: 'birthDate-age',
      painDurationMonths: 'onset-months',
      redFlags: 'condition-code-to-value',
      ompsqShort: 'latest-value',
      startBackPsychosocial: 'latest-value',
      hadsAnxiety: 'latest-value',
      hadsDepression: 'latest-value',
      nrsPain: 'latest-value',
      nrsPainBaseline: 'closest-to-step-entry',
      pseq: 'latest-value',
      pseqBaseline: 'closest-to-step-entry',
      pdi: 'latest-value',
      isi: 'latest-value',
      eq5dIndex: 'latest-value',
      activeSubstanceUseDisorder: 'active-condition-boolean',
      medications: 'medications',
    });
  });

  it('uses a value declared on each code and a named map kind', async () => {
    const pathway = withFact(await chronicPain(), 'redFlags', (f) =>
      withFhir(f, {
        map: 'condition-code-to-value: active conditions only',
        codes: [
          { system: SCT, code: '192970008', display: 'Cauda equina syndrome', value: 'infection' },
        ],
      }),
    );
    const result = factsFromFhir(pathway, [caudaEquina], { asOf: FIXTURE_AS_OF, patientId: 'p1' });
    expect(result.facts['redFlags']).toEqual(['infection']);
  });

  it('reports a code-to-value fact as unmapped when a code has no declared value', async () => {
    const pathway = withFact(await chronicPain(), 'redFlags', (f) =>
      withFhir(f, { map: 'condition-code-to-value', codes: [{ system: SCT, code: '192970008' }] }),
    );
    const result = factsFromFhir(pathway, [caudaEquina], { asOf: FIXTURE_AS_OF });
    expect(result.unmapped).toContainEqual({
      fact: 'redFlags',
      reason: 'no fact value declared for code(s) 192970008 (give each code a value)',
    });
    expect(result.missing).toContain('redFlags');
    expect(result.facts).not.toHaveProperty('redFlags');
  });

  it('reports a declared value that is not one of the fact values', async () => {
    const pathway = withFact(await chronicPain(), 'redFlags', (f) =>
      withFhir(f, {
        map: 'condition-code-to-value',
        codes: [{ system: SCT, code: '192970008', value: 'cauda' }],
      }),
    );
    expect(mappingOf(pathway.facts.find((f) => f.name === 'redFlags') as Fact)).toEqual({
      ok: false,
      reason: "declared value(s) cauda are not among the fact's values",
    });
  });

  it('makes a fact unmapped when its map text names no kind, rather than guessing one', async () => {
    const pathway = withFact(await chronicPain(), 'nrsPain', (f) =>
      withFhir(f, { map: 'mean of the last three ratings' }),
    );
    const result = factsFromFhir(pathway, [], { asOf: FIXTURE_AS_OF });
    expect(result.unmapped.find((u) => u.fact === 'nrsPain')?.reason).toMatch(/names no map kind/);
  });

  it('refuses a map kind that cannot give the fact type', async () => {
    const pathway = withFact(await chronicPain(), 'activeSubstanceUseDisorder', (f) =>
      withFhir(f, { map: 'latest-value' }),
    );
    const result = factsFromFhir(pathway, [], { asOf: FIXTURE_AS_OF });
    expect(result.unmapped).toContainEqual({
      fact: 'activeSubstanceUseDisorder',
      reason: 'map kind latest-value cannot give a boolean value',
    });
  });

  it('keeps the schema backward compatible: code values are optional', async () => {
    const pathway = await chronicPain();
    expect(
      pathway.facts.every((f) => f.source?.fhir?.codes.every((c) => c.value === undefined) ?? true),
    ).toBe(true);
  });
});
