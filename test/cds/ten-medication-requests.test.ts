import Fastify from 'fastify';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteAuditLog } from '../../engine/audit/log';
import { registerCdsHooks } from '../../engine/cds/hooks';
import type { CdsResponse } from '../../engine/cds/schema';
import { createServiceContext } from '../../engine/http/service-context';
import { FIXTURE_AS_OF } from '../fixtures/fhir/load';

// The prefetch `npm run bench:http` loads CDS patient-view with: it must stay a patient the
// pathway reads in full (its medicines, scores and conditions), not one it refuses early.
const FIXTURE = join(import.meta.dirname, '../fixtures/fhir/greta-ten-medication-requests.json');

const audit = new SqliteAuditLog(':memory:');
const ctx = createServiceContext({
  pathwaysDir: join(import.meta.dirname, '../../pathways'),
  audit,
  today: () => FIXTURE_AS_OF,
});
const app = Fastify({ bodyLimit: 10 * 1024 * 1024 });
registerCdsHooks(app, ctx, { auth: { mode: 'off' } });
afterAll(() => app.close());

describe('CDS patient-view with the 7 kB prefetch of ten MedicationRequests', () => {
  it('is about 7 kB as a client sends it', async () => {
    const bytes = Buffer.byteLength(JSON.stringify(JSON.parse(await readFile(FIXTURE, 'utf8'))));
    expect(bytes).toBeGreaterThan(6_500);
    expect(bytes).toBeLessThan(8_500);
  });

  it('reads the daily doses of the pain medicines, the scores and the pain condition, and warns of the combinations', async () => {
    const prefetch = JSON.parse(await readFile(FIXTURE, 'utf8')) as unknown;
    const response = await app.inject({
      method: 'POST',
      url: '/cds-services/chronic-pain-pathway',
      payload: {
        hook: 'patient-view',
        hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
        fhirServer: 'https://fhir.example.se/r4',
        context: { userId: 'Practitioner/dr-lind', patientId: 'pat-greta' },
        prefetch,
      },
    });
    expect(response.statusCode).toBe(200);
    const { cards } = response.json<CdsResponse>();
    expect(cards.some((c) => c.indicator === 'critical')).toBe(true);
    const [record] = await audit.query({});
    expect(record?.channel).toBe('cds-hooks');
    expect(record?.alerts).toEqual(
      expect.arrayContaining(['opioid-benzodiazepine', 'opioid-gabapentinoid']),
    );
    const facts = (record?.input as { facts: Record<string, unknown> }).facts;
    expect(facts).toMatchObject({
      age: 62,
      nrsPain: 7,
      hadsAnxiety: 9,
      ompsqShort: 52,
      startBackPsychosocial: 4,
    });
    expect(facts['medications']).toEqual([
      expect.objectContaining({ atc: 'N02AA05', dose: 20, unit: 'mg/day' }),
      expect.objectContaining({ atc: 'N02AX02', dose: 150, unit: 'mg/day' }),
      expect.objectContaining({ atc: 'N03AX16', dose: 150, unit: 'mg/day' }),
      expect.objectContaining({ atc: 'N05BA01', dose: 5, unit: 'mg/day' }),
    ]);
  });
});
