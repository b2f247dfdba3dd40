import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FALLBACK_CHECKPOINT_PAGES,
  startCheckpointer,
  type WalCheckpointer,
} from '../../engine/audit/checkpointer';
import { openAuditLog } from '../../engine/audit/log';
import type { SqliteStore } from '../../engine/store/sqlite';
import type { AuditEntry } from '../../engine/audit/types';
import { tempDir } from '../fixtures/files';

const entry = (i: number): AuditEntry => ({
  time: '2026-03-01T10:00:00.000Z',
  channel: 'rest',
  pathwayId: 'mini',
  version: '1.1.0',
  contentHash: 'sha256:abc',
  asOf: '2026-03-01',
  language: 'en',
  input: { facts: { i, note: 'x'.repeat(200) }, asOf: '2026-03-01' },
  status: 'settled',
  step: 'treat',
  alerts: [],
});

/** A WAL-mode file that never checkpoints by itself, with `commits` one-row commits. */
async function walFile(commits: number): Promise<{ file: string; db: Database.Database }> {
  const file = join(await tempDir(), 'audit.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE t (i INTEGER PRIMARY KEY, v TEXT)');
  const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
  for (let i = 0; i < commits; i++) insert.run('y'.repeat(300));
  return { file, db };
}

/** Rows of `t` in the database file alone, read from a copy without its WAL. */
async function rowsInMainFile(file: string): Promise<number> {
  const copy = join(await tempDir(), 'copy.sqlite');
  copyFileSync(file, copy);
  const db = new Database(copy, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n;
  } catch {
    return 0; // the table itself is still only in the WAL
  } finally {
    db.close();
  }
}

describe('the WAL checkpoint worker', () => {
  it('copies the committed pages into the database file on its own thread when asked', async () => {
    const { file, db } = await walFile(200);
    expect(await rowsInMainFile(file)).toBe(0);
    const worker: WalCheckpointer = startCheckpointer(file, 60_000);
    try {
      const result = await worker.run();
      expect(result.busy).toBe(0);
      expect(result.log).toBeGreaterThan(200);
      expect(result.checkpointed).toBe(result.log);
      expect(await rowsInMainFile(file)).toBe(200);
    } finally {
      await worker.stop();
      db.close();
    }
  });

  it('checkpoints every interval without being asked, while the writer goes on', async () => {
    const { file, db } = await walFile(50);
    const worker = startCheckpointer(file, 20);
    try {
      const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
      for (let i = 0; i < 50; i++) insert.run('z');
      let rows = 0;
      for (let tries = 0; tries < 100 && rows < 100; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        rows = await rowsInMainFile(file);
      }
      expect(rows).toBe(100);
    } finally {
      await worker.stop();
      db.close();
    }
  });

  it('refuses to run once stopped, and stops twice without harm', async () => {
    const { file, db } = await walFile(1);
    const worker = startCheckpointer(file, 60_000);
    await worker.stop();
    await worker.stop();
    await expect(worker.run()).rejects.toThrow(/stopped/);
    db.close();
  });
});

describe('the SQLite audit log with its checkpoint worker', () => {
  it('leaves checkpoints to the worker (its own connection only past the fallback size) and keeps every row', async () => {
    const file = join(await tempDir(), 'audit.sqlite');
    const log = await openAuditLog(file);
    expect(log.checkpointer).toBeDefined();
    const database = (log.store as SqliteStore).database;
    expect(database.pragma('wal_autocheckpoint', { simple: true })).toBe(FALLBACK_CHECKPOINT_PAGES);
    for (let i = 0; i < 300; i++) await log.record(entry(i));
    const result = await log.checkpointer?.run();
    expect(result?.busy).toBe(0);
    expect(result?.checkpointed).toBe(result?.log);
    await log.close();
    // The last connection closed cleanly: the WAL is folded in and removed.
    expect(existsSync(`${file}-wal`)).toBe(false);
    const again = await openAuditLog(file);
    try {
      const stored = await again.query({ limit: 1000 });
      expect(stored.map((r) => (r.input as { facts: { i: number } }).facts.i)).toEqual(
        Array.from({ length: 300 }, (_, i) => i),
      );
    } finally {
      await again.close();
    }
  });

  it('has no worker for a throwaway log in memory', async () => {
    const log = await openAuditLog(':memory:');
    expect(log.checkpointer).toBeUndefined();
    await log.close();
  });

  it('lets a process that closes its log finish its own work after the close', async () => {
    const dir = await tempDir();
    const script = join(dir, 'close.mts');
    const log = resolve(import.meta.dirname, '../../engine/audit/log.ts');
    writeFileSync(
      script,
      `import { openAuditLog } from ${JSON.stringify(log)};
const log = await openAuditLog(${JSON.stringify(join(dir, 'audit.sqlite'))});
await log.close();
console.log('after close');
process.exitCode = 3;
`,
    );
    let status = 0;
    let stdout = '';
    try {
      execFileSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' });
    } catch (error) {
      ({ status, stdout } = error as { status: number; stdout: string });
    }
    // Not 13 (the process ending while the close still waited for the worker).
    expect(status).toBe(3);
    expect(stdout).toBe('after close\n');
  });
});
