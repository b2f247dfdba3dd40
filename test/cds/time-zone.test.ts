/**
 * CDS Hooks reckons "today" and the prefetch's record dates in the pathway's zone: the
 * chronic-pain files name none, so Europe/Stockholm. At 23:30 UTC on 6 December it is
 * already 7 December there, and a pain score written at 00:15+01:00 that day counts.
 */
import Fastify from 'fastify';
import { join } from 'node:path';
import type { Bundle, FhirResource, Observation } from 'fhir/r4';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteAuditLog } from '../../engine/audit/log';
import { registerCdsHooks } from '../../engine/cds/hooks';
import type { CdsResponse } from '../../engine/cds/schema';
import { createServiceContext } from '../../engine/http/service-context';
import { systemToday } from '../../engine/service/today';
import { loadPrefetch } from '../fixtures/fhir/load';

const audit = new SqliteAuditLog(':memory:');
const app = Fastify();
afterAll(async () => {
  await app.close();
});

const justAfterMidnight: Observation = {
  resourceType: 'Observation',
  id: 'obs-anna-nrs-midnight',
  status: 'final',
  subject: { reference: 'Patient/pat-anna' },
  code: { coding: [{ system: 'http://loinc.org', code: '72514-3' }] },
  effectiveDateTime: '2026-12-07T00:15:00+01:00',
  valueInteger: 9,
};

describe('CDS Hooks at local midnight', () => {
  it('answers for 7 December at 23:30 UTC on the 6th and counts a pain score written at 00:15+01:00 that day', async () => {
    const ctx = createServiceContext({
      pathwaysDir: join(import.meta.dirname, '../../pathways'),
      audit,
      today: systemToday(() => new Date('2026-12-06T23:30:00Z')),
    });
    // Development mode (CDS_AUTH=off): these tests are about cards, not callers.
    registerCdsHooks(app, ctx, { auth: { mode: 'off' } });
    await app.ready();
    const prefetch = await loadPrefetch('anna-opioid-benzodiazepine');
    const observations = prefetch['observations'] as Bundle<FhirResource>;
    observations.entry = [...(observations.entry ?? []), { resource: justAfterMidnight }];
    const response = await app.inject({
      method: 'POST',
      url: '/cds-services/chronic-pain-pathway',
      payload: {
        hook: 'patient-view',
        hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
        context: { userId: 'Practitioner/dr-lind', patientId: 'pat-anna' },
        prefetch,
      },
    });
    expect(response.statusCode).toBe(200);
    const [record] = await audit.query({ limit: 10 });
    expect(record?.asOf).toBe('2026-12-07');
    expect((record?.input as { facts: Record<string, unknown> }).facts['nrsPain']).toBe(9);
    const text = JSON.stringify(response.json<CdsResponse>().cards);
    expect(text).not.toContain('after the evaluation date');
  });
});
