import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Condition, FhirResource, Observation } from 'fhir/r4';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { prefetchTemplates } from '../../engine/cds/services';
import { diffPathways, renderDiff } from '../../engine/diff';
import { compilePathway } from '../../engine/evaluate/compile';
import { evaluate } from '../../engine/evaluate/evaluate';
import { factsFromFhir, mappingOf } from '../../engine/fhir';
import type { Fact, Pathway } from '../../engine/model/types';
import { pathwaySchema } from '../../engine/model/schema';
import { chronicPain, COMPLETE_TYPES, resourcesOf, type Prefetch } from '../fixtures/fhir/load';

const AS_OF = '2026-12-07';
const SCT = 'http://snomed.info/sct';
const ICD10 = 'http://hl7.org/fhir/sid/icd-10';
const LOCAL = 'https://vardprogram.example/fhir/CodeSystem/pain-measures';
const FIXTURES = join(import.meta.dirname, '../fixtures/fhir');

type FhirDeclaration = NonNullable<NonNullable<Fact['source']>['fhir']>;

async function declaration(): Promise<FhirDeclaration> {
  return parse(
    await readFile(join(FIXTURES, 'redflag-declaration.yaml'), 'utf8'),
  ) as FhirDeclaration;
}

/** 1.1.0 with the redFlags fact declared as 1.2.0 declares it (test/fixtures/fhir/redflag-declaration.yaml). */
function withDeclaration(pathway: Pathway, fhir: FhirDeclaration): Pathway {
  return pathwaySchema.parse({
    ...pathway,
    facts: pathway.facts.map((f) =>
      f.name === 'redFlags'
        ? { ...f, source: { ...(f.source ?? { kind: 'clinician' }), fhir } }
        : f,
    ),
  });
}

async function prefetch(name: string): Promise<Prefetch> {
  return JSON.parse(await readFile(join(FIXTURES, `${name}.json`), 'utf8')) as Prefetch;
}

function condition(
  id: string,
  code: { system: string; code: string },
  extra: Partial<Condition>,
): Condition {
  return {
    resourceType: 'Condition',
    id,
    clinicalStatus: {
      coding: [
        { system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' },
      ],
    },
    verificationStatus: {
      coding: [
        { system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' },
      ],
    },
    code: { coding: [code] },
    subject: { reference: 'Patient/p1' },
    ...extra,
  };
}

function noneFound(
  id: string,
  effectiveDateTime: string,
  extra: Partial<Observation> = {},
): Observation {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    code: { coding: [{ system: LOCAL, code: 'red-flags-none-found' }] },
    subject: { reference: 'Patient/p1' },
    effectiveDateTime,
    ...extra,
  };
}

const osteomyelitis = { system: ICD10, code: 'M46.26' };
const spondylitis = { system: SCT, code: '9631008' };

let frozen: Pathway;
let declared: Pathway;

beforeAll(async () => {
  frozen = await chronicPain('1.1.0');
  declared = withDeclaration(frozen, await declaration());
});

function map(pathway: Pathway, resources: readonly FhirResource[], completeTypes = COMPLETE_TYPES) {
  return factsFromFhir(pathway, resources, { asOf: AS_OF, patientId: 'p1', completeTypes });
}

describe('red flags from FHIR: suspected or new only', () => {
  it('does not count an ankylosing spondylitis confirmed since 2010, and accepts a recent "none found" record as an empty list', async () => {
    const data = await prefetch('redflag-established-checked');
    const result = factsFromFhir(declared, resourcesOf(data), {
      asOf: AS_OF,
      patientId: 'pat-rf-astrid',
      completeTypes: COMPLETE_TYPES,
    });
    expect(result.facts['redFlags']).toEqual([]);
    expect(result.notes).toContainEqual({
      resource: 'Condition/cond-astrid-as',
      fact: 'redFlags',
      message: 'onset 2010-03-01, before 2026-09-07: established, not counted',
    });
  });

  it('no longer stops the evaluation on red flags for a checked patient with an old diagnosis', async () => {
    const data = await prefetch('redflag-established-checked');
    const run = async (pathway: Pathway) => {
      const mapped = factsFromFhir(pathway, resourcesOf(data), {
        asOf: AS_OF,
        patientId: 'pat-rf-astrid',
        completeTypes: COMPLETE_TYPES,
      });
      return evaluate(compilePathway(pathway), { facts: mapped.facts }, { asOf: AS_OF });
    };
    const before = await run(frozen);
    expect(before.step.id).toBe('red-flag-investigation');
    const after = await run(declared);
    expect(after.step.id).not.toBe('red-flag-investigation');
    expect(after.missingFacts).not.toContain('redFlags');
    expect(after.alerts.map((a) => a.id)).not.toContain('red-flag');
    expect(after.undecidedAlerts.map((a) => a.id)).not.toContain('red-flag');
  });

  it('maps a new vertebral osteomyelitis and a suspected cord compression, and ignores the established diagnosis and the "none found" record', async () => {
    const data = await prefetch('redflag-new-infection');
    const result = factsFromFhir(declared, resourcesOf(data), {
      asOf: AS_OF,
      patientId: 'pat-rf-birgit',
      completeTypes: COMPLETE_TYPES,
    });
    expect(result.facts['redFlags']).toEqual(['infection', 'progressiveNeurologicalDeficit']);
  });

  it('counts an onset exactly three months before the evaluation date as new, and one day earlier as established', () => {
    const onTheDay = map(declared, [
      condition('c1', osteomyelitis, { onsetDateTime: '2026-09-07' }),
    ]);
    expect(onTheDay.facts['redFlags']).toEqual(['infection']);
    const dayBefore = map(declared, [
      condition('c1', osteomyelitis, { onsetDateTime: '2026-09-06' }),
    ]);
    expect(dayBefore.facts).not.toHaveProperty('redFlags');
    expect(dayBefore.missing).toContain('redFlags');
  });

  it('reads the recorded date when there is no readable onset date', () => {
    const recent = map(declared, [condition('c1', osteomyelitis, { recordedDate: '2026-11-30' })]);
    expect(recent.facts['redFlags']).toEqual(['infection']);
    const old = map(declared, [condition('c1', osteomyelitis, { recordedDate: '2024-11-30' })]);
    expect(old.facts).not.toHaveProperty('redFlags');
    const unreadOnset = map(declared, [
      condition('c1', osteomyelitis, { onsetString: 'childhood', recordedDate: '2024-11-30' }),
    ]);
    expect(unreadOnset.facts).not.toHaveProperty('redFlags');
  });

  it('counts a provisional, differential or unconfirmed diagnosis whatever its dates', () => {
    for (const status of ['provisional', 'differential', 'unconfirmed']) {
      const result = map(declared, [
        condition('c1', spondylitis, {
          onsetDateTime: '2010-01-01',
          verificationStatus: { coding: [{ code: status }] },
        }),
      ]);
      expect(result.facts['redFlags']).toEqual(['inflammatoryDisease']);
    }
  });

  it('counts a Condition whose dates cannot tell new from established, and says why', () => {
    const undated = map(declared, [condition('c1', osteomyelitis, {})]);
    expect(undated.facts['redFlags']).toEqual(['infection']);
    expect(undated.notes[0]?.message).toMatch(/no readable onset or recordedDate: counted/);
    const thisYear = map(declared, [
      condition('c1', osteomyelitis, { onsetDateTime: '2026' } as Partial<Condition>),
    ]);
    expect(thisYear.facts['redFlags']).toEqual(['infection']);
    const longAgo = map(declared, [
      condition('c1', osteomyelitis, { onsetDateTime: '2019-04' } as Partial<Condition>),
    ]);
    expect(longAgo.facts).not.toHaveProperty('redFlags');
  });

  it('does not use a Condition whose onset is after the evaluation date', () => {
    const result = map(declared, [condition('c1', osteomyelitis, { onsetDateTime: '2026-12-20' })]);
    expect(result.facts).not.toHaveProperty('redFlags');
    expect(result.problems).toContainEqual({
      resource: 'Condition/c1',
      fact: 'redFlags',
      message: 'onset 2026-12-20 is after the evaluation date 2026-12-07: not used',
    });
  });
});

describe('red flags from FHIR: the "checked, none found" record', () => {
  it('leaves red flags unknown without a "none found" record, as before', () => {
    const result = map(declared, [condition('c1', spondylitis, { onsetDateTime: '2010-03-01' })]);
    expect(result.facts).not.toHaveProperty('redFlags');
    expect(result.missing).toContain('redFlags');
  });

  it('gives an empty list on a "none found" record and an empty problem list', () => {
    const result = map(declared, [noneFound('o1', '2026-12-01')]);
    expect(result.facts['redFlags']).toEqual([]);
  });

  it('accepts the record exactly three months old and refuses it one day older', () => {
    expect(map(declared, [noneFound('o1', '2026-09-07')]).facts['redFlags']).toEqual([]);
    const old = map(declared, [noneFound('o1', '2026-09-06')]);
    expect(old.facts).not.toHaveProperty('redFlags');
    expect(old.notes).toContainEqual({
      resource: 'Observation/o1',
      fact: 'redFlags',
      message: 'a "none found" record of 2026-09-06, older than 2026-09-07: not used',
    });
  });

  it('keeps red flags unknown when the Condition list was not searched completely', () => {
    const result = map(declared, [noneFound('o1', '2026-12-01')], ['Observation']);
    expect(result.facts).not.toHaveProperty('redFlags');
    expect(result.problems).toContainEqual({
      resource: 'Observation/o1',
      fact: 'redFlags',
      message: 'a "none found" record, but the Condition list is not complete: not used',
    });
  });

  it('lets a red-flag Condition win over a "none found" record', () => {
    const result = map(declared, [
      noneFound('o1', '2026-12-01'),
      condition('c1', osteomyelitis, { onsetDateTime: '2026-12-03' }),
    ]);
    expect(result.facts['redFlags']).toEqual(['infection']);
  });

  it('refuses a preliminary, undated, later, absent-data or negative "none found" record', () => {
    const refused: Observation[] = [
      noneFound('o1', '2026-12-01', { status: 'preliminary' }),
      noneFound('o2', '2026-12-20'),
      noneFound('o3', '2026-12'),
      noneFound('o4', '2026-12-01', { dataAbsentReason: { text: 'not asked' } }),
      noneFound('o5', '2026-12-01', { valueBoolean: false }),
    ];
    for (const obs of refused) {
      expect(map(declared, [obs]).facts, obs.id).not.toHaveProperty('redFlags');
    }
  });

  it('asks the CDS client for the "none found" Observation in the prefetch', () => {
    const templates = prefetchTemplates(declared);
    expect(templates.observations).toContain(`${LOCAL}|red-flags-none-found`);
  });
});

describe('red flags from FHIR: files without the declaration keep their answers', () => {
  it('maps the established diagnosis as before and ignores the "none found" record in 1.0.0 and 1.1.0', async () => {
    const data = await prefetch('redflag-established-checked');
    for (const version of ['1.0.0', '1.1.0'] as const) {
      const result = factsFromFhir(await chronicPain(version), resourcesOf(data), {
        asOf: AS_OF,
        patientId: 'pat-rf-astrid',
        completeTypes: COMPLETE_TYPES,
      });
      expect(result.facts['redFlags'], version).toEqual(['inflammatoryDisease']);
      expect(result.notes, version).toEqual([]);
    }
  });

  it('keeps red flags unknown on a "none found" record alone in the frozen files', async () => {
    for (const version of ['1.0.0', '1.1.0'] as const) {
      const result = factsFromFhir(await chronicPain(version), [noneFound('o1', '2026-12-01')], {
        asOf: AS_OF,
        patientId: 'p1',
        completeTypes: COMPLETE_TYPES,
      });
      expect(result.missing, version).toContain('redFlags');
    }
  });

  it('declares neither recentMonths nor noneFound in the frozen files', async () => {
    for (const version of ['1.0.0', '1.1.0'] as const) {
      const fact = (await chronicPain(version)).facts.find((f) => f.name === 'redFlags') as Fact;
      const decision = mappingOf(fact);
      expect(decision.ok && decision.ok !== 'none' && decision.mapping.recentMonths).toBe(
        undefined,
      );
      expect(decision.ok && decision.ok !== 'none' && decision.mapping.noneFound).toBe(undefined);
    }
  });

  it('makes a fact unmapped when recentMonths is declared for a map kind that cannot use it', async () => {
    const pathway = pathwaySchema.parse({
      ...frozen,
      facts: frozen.facts.map((f) =>
        f.name === 'painDurationMonths' && f.source?.fhir !== undefined
          ? { ...f, source: { ...f.source, fhir: { ...f.source.fhir, recentMonths: 3 } } }
          : f,
      ),
    });
    const result = factsFromFhir(pathway, [], { asOf: AS_OF });
    expect(result.unmapped).toContainEqual({
      fact: 'painDurationMonths',
      reason: 'recentMonths and noneFound apply to condition-code-to-value, not onset-months',
    });
  });

  it("shows the new red-flag rules in the reviewer's diff", () => {
    const text = renderDiff(diffPathways(frozen, declared), { format: 'text', lang: 'en' });
    expect(text).toContain('recentMonths 3');
    expect(text).toContain(`noneFound ${LOCAL}|red-flags-none-found (3)`);
  });

  it('reads the declaration block as the schema expects', async () => {
    const fhir = await declaration();
    const fact = declared.facts.find((f) => f.name === 'redFlags') as Fact;
    expect(fact.source?.fhir?.recentMonths).toBe(3);
    expect(fact.source?.fhir?.noneFound).toEqual({
      system: LOCAL,
      code: 'red-flags-none-found',
      display: 'Red flags checked, none found',
      withinMonths: 3,
    });
    expect(fhir.codes.every((c) => c.value !== undefined)).toBe(true);
  });
});
