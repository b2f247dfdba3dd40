import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAuditLog } from '../../engine/audit/log';
import { tempDir } from '../fixtures/files';

// The audit table as schema version 2 wrote it (before the CDS call columns).
const VERSION_2 = `
CREATE TABLE audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, channel TEXT NOT NULL,
  pathway_id TEXT NOT NULL, version TEXT NOT NULL, content_hash TEXT NOT NULL,
  as_of TEXT NOT NULL, language TEXT NOT NULL, input TEXT NOT NULL CHECK (json_valid(input)),
  status TEXT NOT NULL, step TEXT, alerts TEXT NOT NULL CHECK (json_valid(alerts)), error_code TEXT
);
INSERT INTO audit (time, channel, pathway_id, version, content_hash, as_of, language, input, status, step, alerts)
VALUES ('2026-03-01T00:00:00.000Z', 'cds-hooks', 'mini', '1.1.0', 'sha256:abc', '2026-03-01', 'en',
        '{"facts":{}}', 'settled', 'treat', '[]');
PRAGMA user_version = 2;
`;

describe('the SQLite audit schema migration', () => {
  it('adds the CDS call columns to a version 2 file, keeping its records', async () => {
    const file = join(await tempDir(), 'audit.sqlite');
    const old = new Database(file);
    old.exec(VERSION_2);
    await old.close();

    const log = await openAuditLog(file);
    try {
      const [before] = await log.query({});
      expect(before).toMatchObject({ id: 1, channel: 'cds-hooks', step: 'treat' });
      expect(before).not.toHaveProperty('hookInstance');
      const id = await log.record({
        ...(before as NonNullable<typeof before>),
        time: '2026-03-02T00:00:00.000Z',
        hookInstance: 'h-1',
        patientId: 'pat-1',
        userId: 'Practitioner/1',
      });
      expect(await log.get(id)).toMatchObject({
        hookInstance: 'h-1',
        patientId: 'pat-1',
        userId: 'Practitioner/1',
      });
    } finally {
      await log.close();
    }
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(3);
    check.close();
    // Opening again (already version 3) changes nothing.
    const again = await openAuditLog(file);
    expect(await again.query({})).toHaveLength(2);
    await again.close();
  });
});
