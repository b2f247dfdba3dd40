/**
 * Record dateTimes are calendar days in the pathway's time zone: a pain score or a
 * prescription written just after local midnight on the evaluation day counts on that day,
 * whatever offset the record system wrote (+01:00 in winter, +02:00 in summer, +13:00 in
 * New Zealand).
 */
import type { MedicationRequest, Observation } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { PathwayError } from '../../engine/errors';
import { factsFromFhir } from '../../engine/fhir';
import type { Pathway } from '../../engine/model/types';
import { chronicPain } from '../fixtures/fhir/load';

function nrs(effectiveDateTime: string, value = 6): Observation {
  return {
    resourceType: 'Observation',
    id: 'nrs',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '72514-3' }] },
    effectiveDateTime,
    valueInteger: value,
  };
}

function oxycodone(authoredOn: string): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id: 'oxy',
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    authoredOn,
    medicationCodeableConcept: {
      coding: [{ system: 'http://www.whocc.no/atc', code: 'N02AA05', display: 'oxycodone' }],
    },
  };
}

function zoned(pathway: Pathway, timeZone: string | undefined): Pathway {
  const copy = { ...pathway };
  delete copy.timeZone;
  return timeZone === undefined ? copy : { ...copy, timeZone };
}

const medicationFacts = (result: ReturnType<typeof factsFromFhir>): unknown =>
  result.facts['medications'];

describe('record dates in the pathway time zone', () => {
  it('counts a pain score written at 00:30+01:00 on the evaluation day (winter, Stockholm by default)', async () => {
    const pathway = zoned(await chronicPain(), undefined);
    const result = factsFromFhir(pathway, [nrs('2026-12-07T00:30:00+01:00')], {
      asOf: '2026-12-07',
    });
    expect(result.facts['nrsPain']).toBe(6);
    expect(result.problems).toEqual([]);
  });

  it('counts a pain score written at 00:30+02:00 on the evaluation day (summer time)', async () => {
    const pathway = zoned(await chronicPain(), 'Europe/Stockholm');
    const result = factsFromFhir(pathway, [nrs('2026-07-01T00:30:00+02:00')], {
      asOf: '2026-07-01',
    });
    expect(result.facts['nrsPain']).toBe(6);
    expect(result.problems).toEqual([]);
  });

  it('counts a score written in UTC late on the previous evening, already the evaluation day in Stockholm', async () => {
    const pathway = zoned(await chronicPain(), 'Europe/Stockholm');
    const result = factsFromFhir(pathway, [nrs('2026-12-06T23:30:00Z')], { asOf: '2026-12-07' });
    expect(result.facts['nrsPain']).toBe(6);
  });

  it('counts a score written at 00:30+13:00 on the next day in Auckland, which is still the evaluation day in Stockholm', async () => {
    const pathway = zoned(await chronicPain(), 'Europe/Stockholm');
    const result = factsFromFhir(pathway, [nrs('2026-12-08T00:30:00+13:00')], {
      asOf: '2026-12-07',
    });
    expect(result.facts['nrsPain']).toBe(6);
    expect(result.problems).toEqual([]);
  });

  it('counts a score written at 00:30+13:00 on the evaluation day for a pathway reckoned in Pacific/Auckland', async () => {
    const pathway = zoned(await chronicPain(), 'Pacific/Auckland');
    const result = factsFromFhir(pathway, [nrs('2026-12-07T00:30:00+13:00')], {
      asOf: '2026-12-07',
    });
    expect(result.facts['nrsPain']).toBe(6);
    // 00:30 on 8 December in Auckland is the 8th there: after the evaluation day, left out
    // (a Stockholm pathway counts the same record on the 7th, above).
    const next = factsFromFhir(pathway, [nrs('2026-12-08T00:30:00+13:00')], {
      asOf: '2026-12-07',
    });
    expect(next.facts).not.toHaveProperty('nrsPain');
    expect(next.problems[0]?.message).toContain('after the evaluation date 2026-12-07');
  });

  it('still leaves out a score from after the evaluation day in the pathway zone', async () => {
    const pathway = zoned(await chronicPain(), 'Europe/Stockholm');
    const result = factsFromFhir(pathway, [nrs('2026-12-07T23:30:00Z')], { asOf: '2026-12-07' });
    expect(result.facts).not.toHaveProperty('nrsPain');
    expect(result.problems[0]?.message).toContain('dated 2026-12-08');
  });

  it('keeps a plain date as written, whatever the zone', async () => {
    const pathway = zoned(await chronicPain(), 'Pacific/Auckland');
    const result = factsFromFhir(pathway, [nrs('2026-12-07')], { asOf: '2026-12-07' });
    expect(result.facts['nrsPain']).toBe(6);
  });

  it('counts a prescription authored at 00:15+02:00 on the evaluation day as started that day', async () => {
    const pathway = zoned(await chronicPain(), 'Europe/Stockholm');
    const result = factsFromFhir(pathway, [oxycodone('2026-08-15T00:15:00+02:00')], {
      asOf: '2026-08-15',
      patientId: 'p1',
      completeTypes: ['MedicationRequest', 'MedicationStatement'],
    });
    expect(medicationFacts(result)).toEqual([
      expect.objectContaining({ atc: 'N02AA05', since: '2026-08-15' }),
    ]);
    expect(result.problems).toEqual([]);
  });

  it('dates a prescription authored at 00:15+01:00, or at 23:15Z the evening before, on the Stockholm day', async () => {
    const pathway = zoned(await chronicPain(), undefined);
    for (const authoredOn of ['2026-12-07T00:15:00+01:00', '2026-12-06T23:15:00Z']) {
      const result = factsFromFhir(pathway, [oxycodone(authoredOn)], {
        asOf: '2026-12-07',
        patientId: 'p1',
        completeTypes: ['MedicationRequest', 'MedicationStatement'],
      });
      expect(medicationFacts(result)).toEqual([
        expect.objectContaining({ atc: 'N02AA05', since: '2026-12-07' }),
      ]);
    }
  });

  it('reads a prescription written in +13:00 as the day of that instant in the zone the caller names', async () => {
    const pathway = zoned(await chronicPain(), 'Europe/Stockholm');
    const options = {
      asOf: '2026-12-07',
      patientId: 'p1',
      completeTypes: ['MedicationRequest', 'MedicationStatement'],
    };
    // 00:15 on 8 December in Auckland is 11:15 UTC on the 7th.
    const request = oxycodone('2026-12-08T00:15:00+13:00');
    expect(medicationFacts(factsFromFhir(pathway, [request], options))).toEqual([
      expect.objectContaining({ since: '2026-12-07' }),
    ]);
    const auckland = factsFromFhir(pathway, [request], {
      ...options,
      asOf: '2026-12-08',
      timeZone: 'Pacific/Auckland',
    });
    expect(medicationFacts(auckland)).toEqual([expect.objectContaining({ since: '2026-12-08' })]);
  });

  it('refuses an unknown time zone with a typed error naming the field', async () => {
    const pathway = await chronicPain();
    const run = () =>
      factsFromFhir(pathway, [nrs('2026-12-07T00:30:00+01:00')], {
        asOf: '2026-12-07',
        timeZone: 'Europe/Stockholmm',
      });
    expect(run).toThrow(PathwayError);
    expect(run).toThrow(/unknown time zone "Europe\/Stockholmm"/);
  });
});
