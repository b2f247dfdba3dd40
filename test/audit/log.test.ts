import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it, test } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { memoryIo } from '../../engine/cli/io';
import { main } from '../../engine/cli/main';
import { openAuditLog } from '../../engine/audit/log';
import { SQLITE_SCHEMA_VERSION } from '../../engine/audit/schema';
import type { AuditRecord } from '../../engine/audit/types';
import { printPathway } from '../../engine/yaml/print';
import { miniPathway } from '../fixtures/pathways';
import { tempDir } from '../fixtures/files';
import { errorCode, miniFolder, service, TODAY } from '../http/helpers';
import { dropSchemas, freshDatabaseUrl, TEST_DATABASE_URL } from './stores';

const evaluate = (facts: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  method: 'POST' as const,
  url: '/api/pathways/mini/evaluate',
  payload: { facts, ...extra },
});

// The HTTP behaviour on each store: SQLite (`<dataDir>/audit.sqlite`) and, when a test
// database is configured, PostgreSQL (DATABASE_URL, a fresh schema per service).
const STORES = [
  { name: 'SQLite', skip: undefined, options: async () => ({}) },
  {
    name: 'PostgreSQL',
    skip: TEST_DATABASE_URL === undefined ? 'AUDIT_TEST_DATABASE_URL is not set' : undefined,
    options: async () => ({ databaseUrl: await freshDatabaseUrl() }),
  },
];
afterAll(() => dropSchemas());

describe.each(STORES)('the audit log in $name', ({ skip, options }) => {
  const it = test.skipIf(skip !== undefined);

  it('records every evaluation served, with version, hash, input, step, alerts and status', async () => {
    const svc = await service(await options());
    try {
      const ok = await svc.call(evaluate({ painMonths: 8, flags: [], score: 70 }));
      await svc.call(evaluate({ painMonths: 'x' }));
      await svc.app.inject({
        method: 'POST',
        url: '/api/pathways/mini/evaluate/batch',
        headers: { 'content-type': 'application/x-ndjson' },
        payload: `${JSON.stringify({ facts: { flags: ['a'] } })}\n`,
      });
      const { status, body } = await svc.call({ method: 'GET', url: '/api/audit' });
      expect(status).toBe(200);
      const records = (body as { records: AuditRecord[] }).records;
      expect(records.map((r) => [r.channel, r.status, r.step, r.alerts, r.errorCode])).toEqual([
        ['rest', 'settled', 'treat', ['high-score'], undefined],
        ['rest', 'error', null, [], 'FACT_TYPE'],
        ['batch', 'settled', 'flagged', [], undefined],
      ]);
      const first = records[0] as AuditRecord;
      expect(first).toMatchObject({
        pathwayId: 'mini',
        version: '1.1.0',
        asOf: TODAY,
        language: 'en',
      });
      expect(first.contentHash).toMatch(/^sha256:/);
      expect(first.input).toEqual({ facts: { painMonths: 8, flags: [], score: 70 }, asOf: TODAY });
      expect(String(first.id)).toBe(ok.response.headers['x-audit-id']);
      const one = await svc.call({ method: 'GET', url: `/api/audit/${first.id}` });
      expect(one.body).toEqual(first);
    } finally {
      await svc.app.close();
    }
  });

  it('filters by pathway, version, channel, step, status and time, and pages with afterId', async () => {
    const svc = await service(await options());
    try {
      for (let i = 0; i < 5; i++) await svc.call(evaluate({ painMonths: i * 2, flags: [] }));
      await svc.call(evaluate({ painMonths: 8, flags: [] }, { version: '1.0.0' }));
      const get = async (query: string) =>
        (await svc.call({ method: 'GET', url: `/api/audit?${query}` })).body as {
          records: AuditRecord[];
          nextAfterId: number | null;
        };
      expect((await get('step=treat')).records.map((r) => r.input)).toHaveLength(4);
      expect((await get('version=1.0.0')).records).toHaveLength(1);
      expect((await get('pathway=mini&channel=rest&status=settled')).records).toHaveLength(6);
      expect((await get('channel=batch')).records).toHaveLength(0);
      expect((await get('from=2000-01-01&to=2999-01-01')).records).toHaveLength(6);
      expect((await get('to=2000-01-01')).records).toHaveLength(0);
      const page1 = await get('limit=4');
      expect(page1.records).toHaveLength(4);
      const page2 = await get(`limit=4&afterId=${page1.nextAfterId ?? 0}`);
      expect(page2.records.map((r) => r.id)).toEqual([5, 6]);
      expect(page2.nextAfterId).toBeNull();
    } finally {
      await svc.app.close();
    }
  });

  it('answers 400 for bad filters, 404 for an unknown record and 403 to other machines', async () => {
    const svc = await service(await options());
    try {
      const bad = await svc.call({ method: 'GET', url: '/api/audit?limit=0&channel=fax' });
      expect(bad.status).toBe(400);
      const unknownFilter = await svc.call({ method: 'GET', url: '/api/audit?patient=1' });
      expect([
        unknownFilter.status,
        (unknownFilter.body as { error: { issues: { path: string }[] } }).error.issues[0]?.path,
      ]).toEqual([400, 'patient']);
      const missing = await svc.call({ method: 'GET', url: '/api/audit/999' });
      expect([missing.status, errorCode(missing.body)]).toEqual([404, 'NOT_FOUND']);
      const notAnId = await svc.call({ method: 'GET', url: '/api/audit/abc' });
      expect(notAnId.status).toBe(400);
      const remote = await svc.call({
        method: 'GET',
        url: '/api/audit',
        remoteAddress: '10.0.0.9',
      });
      expect([remote.status, errorCode(remote.body)]).toEqual([403, 'WRITE_FORBIDDEN']);
    } finally {
      await svc.app.close();
    }
  });

  it('survives a restart: records written before closing are there after reopening', async () => {
    const root = await miniFolder();
    const dataDir = await tempDir();
    const store = options();
    const first = await service({ root, dataDir, ...store });
    await first.call(evaluate({ painMonths: 8, flags: [] }));
    await first.call(evaluate({ painMonths: 1, flags: [] }));
    await first.app.close();
    const second = await service({ root, dataDir, ...store });
    try {
      await second.call(evaluate({ painMonths: 4, flags: ['b'] }));
      const { body } = await second.call({ method: 'GET', url: '/api/audit' });
      const records = (body as { records: AuditRecord[] }).records;
      expect(records.map((r) => [r.id, r.step])).toEqual([
        [1, 'treat'],
        [2, 'done'],
        [3, 'flagged'],
      ]);
    } finally {
      await second.app.close();
    }
  });
});

describe('the audit log file', () => {
  it('upgrades an audit file from before CDS feedback in place, keeping its records', async () => {
    const file = join(await tempDir(), 'audit.sqlite');
    const entry = {
      time: '2026-11-23T10:00:00.000Z',
      channel: 'cds-hooks' as const,
      pathwayId: 'chronic-pain',
      version: '1.1.0',
      contentHash: 'sha256:0',
      asOf: TODAY,
      language: 'en',
      input: { facts: { painDurationMonths: 4 }, asOf: TODAY },
      status: 'settled' as const,
      step: 'intake-assessment',
      alerts: ['opioid-review'],
    };
    // A version 1 file as the first build wrote it: the audit table without the CDS call
    // columns, no card or feedback tables, one record.
    const raw = new Database(file);
    raw.exec(`
      CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, channel TEXT NOT NULL,
        pathway_id TEXT NOT NULL, version TEXT NOT NULL, content_hash TEXT NOT NULL,
        as_of TEXT NOT NULL, language TEXT NOT NULL,
        input TEXT NOT NULL CHECK (json_valid(input)), status TEXT NOT NULL, step TEXT,
        alerts TEXT NOT NULL CHECK (json_valid(alerts)), error_code TEXT);
      CREATE INDEX audit_pathway ON audit (pathway_id, version, id);
      CREATE INDEX audit_time ON audit (time);
      CREATE INDEX audit_step ON audit (step);
      PRAGMA user_version = 1;`);
    raw
      .prepare(
        `INSERT INTO audit (time, channel, pathway_id, version, content_hash, as_of, language,
           input, status, step, alerts, error_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
      )
      .run(
        entry.time,
        entry.channel,
        entry.pathwayId,
        entry.version,
        entry.contentHash,
        entry.asOf,
        entry.language,
        JSON.stringify(entry.input),
        entry.status,
        entry.step,
        JSON.stringify(entry.alerts),
      );
    raw.close();

    const log = await openAuditLog(file);
    try {
      // The old record reads back whole, with no CDS call ids (it has none).
      expect(await log.query({})).toEqual([{ id: 1, ...entry }]);
      // The card and feedback tables now exist: a CDS call recorded after the upgrade keeps
      // its cards, and feedback on one of them is stored and read with its evaluation.
      const card = '7d1f0a52-3b7e-4c1a-9a8e-5f2b6c3d4e10';
      const id = await log.record(
        { ...entry, time: '2026-11-23T10:05:00.000Z', patientId: 'pat-greta' },
        {
          serviceId: 'chronic-pain-pathway',
          cards: [{ uuid: card, topic: 'step', subject: 'intake-assessment' }],
        },
      );
      expect(id).toBe(2);
      const stored = await log.recordFeedback('chronic-pain-pathway', entry.time, [
        { card, outcome: 'accepted', outcomeTimestamp: entry.time },
      ]);
      expect(stored.unknownCards).toEqual([]);
      expect((await log.feedback({})).map((f) => [f.auditId, f.subject])).toEqual([
        [2, 'intake-assessment'],
      ]);
      expect((await log.get(2))?.patientId).toBe('pat-greta');
    } finally {
      await log.close();
    }
    const upgraded = new Database(file, { readonly: true });
    expect(upgraded.pragma('user_version', { simple: true })).toBe(SQLITE_SCHEMA_VERSION);
    upgraded.close();
  });

  it('closes the audit database when the app closes', async () => {
    const svc = await service();
    await svc.app.close();
    const log = await openAuditLog(join(svc.dataDir, 'audit.sqlite'));
    expect(await log.query({})).toEqual([]);
    await log.close();
  });
});

describe('pathway replay <audit id>', () => {
  async function recorded() {
    const root = await miniFolder();
    const dataDir = await tempDir();
    const svc = await service({ root, dataDir });
    const { response } = await svc.call(evaluate({ painMonths: 8, flags: [], score: 70 }));
    await svc.app.close();
    return { root, dataDir, id: String(response.headers['x-audit-id']) };
  }

  it('confirms the same step, status and alerts and exits 0', async () => {
    const { root, dataDir, id } = await recorded();
    const io = memoryIo(root, TODAY);
    const code = await main(['replay', id, '--data-dir', dataDir, '--pathways', root], io);
    expect(code, io.stderr.join('')).toBe(0);
    expect(io.stdout.join('')).toContain(
      'same result: status settled, step treat, alerts [high-score]',
    );
    expect(io.stdout.join('')).not.toContain('changed');
    // The replay itself is recorded.
    const log = await openAuditLog(join(dataDir, 'audit.sqlite'));
    expect((await log.query({ channel: 'replay' })).map((r) => r.step)).toEqual(['treat']);
    await log.close();
  });

  it('says the file changed and lists the differences, exiting 1, when the pathway now answers otherwise', async () => {
    const { root, dataDir, id } = await recorded();
    // Someone edited the (frozen!) file: the alert threshold moved.
    const edited = miniPathway({
      version: '1.1.0',
      status: 'active',
      effective: { from: '2026-07-01' },
    });
    const alert = edited.alerts[0];
    if (alert === undefined || !('fact' in alert.when)) throw new Error('fixture changed');
    edited.alerts[0] = { ...alert, when: { ...alert.when, value: 80 } };
    await writeFile(join(root, 'mini', '1.1.0.yaml'), printPathway(edited));
    const io = memoryIo(root, TODAY);
    const code = await main(
      ['replay', id, '--data-dir', dataDir, '--pathways', root, '--no-record'],
      io,
    );
    expect(code).toBe(1);
    const out = io.stdout.join('');
    expect(out).toContain('the pathway file changed since');
    expect(out).toContain('alerts: recorded [high-score], now []');
  });

  it('exits 2 with a clear message for an unknown record or a missing audit log', async () => {
    const { root, dataDir } = await recorded();
    const io = memoryIo(root, TODAY);
    expect(await main(['replay', '99', '--data-dir', dataDir, '--pathways', root], io)).toBe(2);
    expect(io.stderr.join('')).toContain('no audit record 99');
    const io2 = memoryIo(root, TODAY);
    expect(await main(['replay', '1', '--data-dir', join(dataDir, 'nowhere')], io2)).toBe(2);
    expect(io2.stderr.join('')).toContain('no audit log');
  });
});
