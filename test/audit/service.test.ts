import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openAuditLog } from '../../engine/audit/log';
import { retentionCutoff, retentionDaysFromEnv } from '../../engine/audit/retention';
import type { AuditEntry, AuditLog, AuditRecord } from '../../engine/audit/types';
import { FIXTURE_AS_OF, loadPrefetch } from '../fixtures/fhir/load';
import { tempDir } from '../fixtures/files';
import { service } from '../http/helpers';
import { testIssuer } from '../cds/issuer';
import { dropSchemas, freshDatabaseUrl, TEST_DATABASE_URL } from './stores';

afterAll(() => dropSchemas());

/** Where the service keeps its log, and a way to open that log directly. */
interface Setup {
  name: string;
  skip: string | undefined;
  make: () => Promise<{
    options: { dataDir: string; databaseUrl?: string };
    open: () => Promise<AuditLog>;
  }>;
}

const SETUPS: Setup[] = [
  {
    name: 'SQLite (no DATABASE_URL)',
    skip: undefined,
    make: async () => {
      const dataDir = await tempDir();
      return {
        options: { dataDir },
        open: () => openAuditLog(join(dataDir, 'audit.sqlite')),
      };
    },
  },
  {
    name: 'PostgreSQL (DATABASE_URL)',
    skip: TEST_DATABASE_URL === undefined ? 'AUDIT_TEST_DATABASE_URL is not set' : undefined,
    make: async () => {
      const databaseUrl = await freshDatabaseUrl();
      return {
        options: { dataDir: await tempDir(), databaseUrl },
        open: () => openAuditLog(databaseUrl),
      };
    },
  },
];

const oldEntry: AuditEntry = {
  time: '2020-01-01T00:00:00.000Z',
  channel: 'rest',
  pathwayId: 'chronic-pain',
  version: '1.0.0',
  contentHash: 'sha256:old',
  asOf: '2020-01-01',
  language: 'en',
  input: { facts: {} },
  status: 'settled',
  step: 'x',
  alerts: [],
};

describe.each(SETUPS)('the service with its audit log in $name', (setup) => {
  const test = it.skipIf(setup.skip !== undefined);

  test('records hookInstance, patient and user of a CDS call, and applies retention at start', async () => {
    const { options, open } = await setup.make();
    const seed = await open();
    const oldId = await seed.record(oldEntry);
    await seed.close();

    // A trusted CDS client (keys generated for the run): CDS calls are authenticated.
    const issuer = await testIssuer();
    const svc = await service({
      ...options,
      root: join(import.meta.dirname, '../../pathways'),
      today: () => FIXTURE_AS_OF,
      auditRetentionDays: 365,
      cds: issuer.settings,
    });
    try {
      const prefetch = await loadPrefetch('anna-opioid-benzodiazepine');
      const patientId = (prefetch['patient'] as { id: string }).id;
      const cds = await svc.call({
        method: 'POST',
        url: '/cds-services/chronic-pain-pathway',
        headers: await issuer.headers(),
        payload: {
          hook: 'patient-view',
          hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
          context: { userId: 'Practitioner/dr-lind', patientId },
          prefetch,
        },
      });
      expect(cds.status).toBe(200);
      // Retention runs in the background from the start (in batches): wait for its first run.
      const ids = async (): Promise<number[]> =>
        (
          (await svc.call({ method: 'GET', url: '/api/audit' })).body as { records: AuditRecord[] }
        ).records.map((r) => r.id);
      await expect.poll(ids, { timeout: 5000 }).not.toContain(oldId);
      const list = await svc.call({ method: 'GET', url: '/api/audit' });
      const records = (list.body as { records: AuditRecord[] }).records;
      // The 2020 record is older than 365 days: retention deleted it at start.
      expect(records.map((r) => r.id)).not.toContain(oldId);
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({
        channel: 'cds-hooks',
        pathwayId: 'chronic-pain',
        hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
        patientId,
        userId: 'Practitioner/dr-lind',
      });
      const rest = await svc.call({
        method: 'POST',
        url: '/api/pathways/chronic-pain/evaluate',
        payload: { facts: {} },
      });
      const id = String(rest.response.headers['x-audit-id']);
      const one = await svc.call({ method: 'GET', url: `/api/audit/${id}` });
      expect(one.body).not.toHaveProperty('hookInstance');
      expect(one.body).not.toHaveProperty('patientId');
    } finally {
      await svc.app.close();
    }
  });
});

describe('AUDIT_RETENTION_DAYS', () => {
  it('keeps everything when unset or empty', () => {
    expect(retentionDaysFromEnv(undefined)).toBeUndefined();
    expect(retentionDaysFromEnv('')).toBeUndefined();
  });

  it('reads a whole number of days and refuses anything else, naming the variable', () => {
    expect(retentionDaysFromEnv('365')).toBe(365);
    for (const bad of ['0', '-3', '1.5', 'a year', '30d'])
      expect(() => retentionDaysFromEnv(bad)).toThrow(/AUDIT_RETENTION_DAYS/);
  });

  it('counts whole days of 24 hours back from now', () => {
    expect(retentionCutoff(new Date('2026-03-31T12:00:00.000Z'), 30)).toBe(
      '2026-03-01T12:00:00.000Z',
    );
  });
});
