/**
 * The `gender` map kind: a string fact read from Patient.gender (chronic pain 1.3.0's `sex`,
 * a case-mix stratum). `unknown`, absent or unusable genders leave the fact unknown.
 */
import { describe, expect, it } from 'vitest';
import { factsFromFhir, mappingOf } from '../../engine/fhir';
import type { Fact, Pathway } from '../../engine/model/types';
import { miniPathway } from '../fixtures/pathways';

const SEX: Fact = {
  name: 'sex',
  type: 'string',
  values: ['female', 'male', 'other'],
  label: { sv: 'kön', en: 'sex' },
  source: { kind: 'record', fhir: { resource: 'Patient', codes: [], map: 'gender' } },
};
const pathway: Pathway = { ...miniPathway(), facts: [...miniPathway().facts, SEX] };
const patient = (gender?: unknown) => ({
  resourceType: 'Patient',
  id: 'p1',
  ...(gender === undefined ? {} : { gender }),
});
const read = (...resources: unknown[]) =>
  factsFromFhir(pathway, resources, { asOf: '2026-04-01', patientId: 'p1' });

describe('reading sex from Patient.gender', () => {
  it('maps a string fact from Patient by default, and by the named kind', () => {
    const decided = mappingOf(SEX);
    expect(decided.ok === true && decided.mapping.kind).toBe('gender');
    const { map: _map, ...withoutMap } = SEX.source?.fhir ?? { resource: 'Patient', codes: [] };
    const byDefault = mappingOf({ ...SEX, source: { kind: 'record', fhir: withoutMap } });
    expect(byDefault.ok === true && byDefault.mapping.kind).toBe('gender');
  });

  it('reads female, male and other as written', () => {
    for (const gender of ['female', 'male', 'other'])
      expect(read(patient(gender)).facts['sex']).toBe(gender);
  });

  it('leaves sex unknown for gender unknown or absent, without a problem', () => {
    for (const result of [read(patient('unknown')), read(patient())]) {
      expect(result.facts).not.toHaveProperty('sex');
      expect(result.missing).toContain('sex');
      expect(result.problems).toEqual([]);
    }
  });

  it('reports a gender that is no FHIR code and leaves sex unknown', () => {
    const result = read(patient('F'));
    expect(result.facts).not.toHaveProperty('sex');
    expect(result.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('not a FHIR gender code'),
    ]);
  });
});
