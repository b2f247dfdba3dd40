import { afterAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../engine/audit/types';
import { openAuditLog } from '../../engine/audit/log';
import { PostgresStore } from '../../engine/store/postgres';
import { errorOf, service } from '../http/helpers';
import { dropSchemas, freshDatabaseUrl, TEST_DATABASE_URL } from './stores';

afterAll(() => dropSchemas());

/**
 * Holds the lock every audit insert takes (engine/audit/log.ts) from another connection until
 * `release` is called: the database is slow for inserts exactly as a long transaction of
 * another instance would make it.
 */
async function holdInsertLock(
  url: string,
): Promise<{ waited: () => Promise<void>; release: () => Promise<void> }> {
  const other = new PostgresStore(url, { poolSize: 2 });
  let release = (): void => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked = (): void => {};
  const taken = new Promise<void>((resolve) => (locked = resolve));
  const holding = other.transaction(async (tx) => {
    await tx.run('LOCK TABLE audit IN SHARE ROW EXCLUSIVE MODE');
    locked();
    await released;
  });
  await taken;
  return {
    /** Settles once an insert from the service is waiting for the lock. */
    waited: async () => {
      for (;;) {
        const row = await other.get<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_locks WHERE relation = 'audit'::regclass AND NOT granted",
        );
        if ((row?.n ?? 0) > 0) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    release: async () => {
      release();
      await holding;
      await other.close();
    },
  };
}

const timed = async <T>(work: Promise<T>): Promise<{ value: T; ms: number }> => {
  const started = Date.now();
  const value = await work;
  return { value, ms: Date.now() - started };
};

const evaluate = {
  method: 'POST' as const,
  url: '/api/pathways/mini/evaluate',
  payload: { facts: { painMonths: 8, flags: [], score: 70 } },
};

describe.skipIf(TEST_DATABASE_URL === undefined)('the service while PostgreSQL is slow', () => {
  it('answers health and requests that need no log at once while an audit insert waits, then 503 for that evaluation', async () => {
    const databaseUrl = await freshDatabaseUrl();
    const svc = await service({
      databaseUrl,
      auditStore: { poolSize: 4, statementTimeoutMs: 1500 },
    });
    const lock = await holdInsertLock(databaseUrl);
    try {
      const waiting = timed(svc.call(evaluate));
      await lock.waited();
      // The old synchronous bridge blocked the event loop here for the whole wait.
      const health = await timed(svc.call({ method: 'GET', url: '/api/health' }));
      expect(health.value.status).toBe(200);
      expect(health.ms).toBeLessThan(700);
      const list = await timed(svc.call({ method: 'GET', url: '/api/pathways' }));
      expect(list.value.status).toBe(200);
      expect(list.ms).toBeLessThan(700);
      const refused = await waiting;
      expect(refused.value.status).toBe(503);
      expect(errorOf(refused.value.body)).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      expect(errorOf(refused.value.body).message).toMatch(/ran longer than 1500 ms/);
      expect(refused.ms).toBeLessThan(5000);
    } finally {
      await lock.release();
    }
    try {
      // The evaluation that was not served left no record; the next one is served and recorded.
      const served = await svc.call(evaluate);
      expect(served.status).toBe(200);
      const audit = await svc.call({ method: 'GET', url: '/api/audit' });
      expect((audit.body as { records: unknown[] }).records).toHaveLength(1);
    } finally {
      await svc.app.close();
    }
  });

  it('answers 503 naming the busy pool, never hangs, when every connection is taken', async () => {
    const databaseUrl = await freshDatabaseUrl();
    const svc = await service({
      databaseUrl,
      auditStore: { poolSize: 1, connectTimeoutMs: 300, statementTimeoutMs: 3000 },
    });
    const lock = await holdInsertLock(databaseUrl);
    try {
      // This insert holds the pool's one connection while it waits for the lock.
      const waiting = svc.call(evaluate);
      await lock.waited();
      const read = await timed(svc.call({ method: 'GET', url: '/api/audit' }));
      expect(read.value.status).toBe(503);
      expect(errorOf(read.value.body).message).toMatch(/all 1 connections stayed busy for 300 ms/);
      expect(read.ms).toBeLessThan(2000);
      const health = await timed(svc.call({ method: 'GET', url: '/api/health' }));
      expect(health.value.status).toBe(503);
      expect(errorOf(health.value.body)).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        issues: [{ path: 'audit' }],
      });
      expect(health.ms).toBeLessThan(2500);
      await lock.release();
      // Once the lock is free the waiting insert commits and its answer is served.
      expect((await waiting).status).toBe(200);
    } finally {
      await lock.release();
      await svc.app.close();
    }
  });
});

const entry = (i: number, extra: Partial<AuditEntry> = {}): AuditEntry => ({
  time: `2026-03-01T00:00:${String(i % 60).padStart(2, '0')}.000Z`,
  channel: 'rest',
  pathwayId: 'mini',
  version: '1.1.0',
  contentHash: 'sha256:abc',
  asOf: '2026-03-01',
  language: 'en',
  input: { facts: { i } },
  status: 'settled',
  step: 'treat',
  alerts: [],
  ...extra,
});

describe.skipIf(TEST_DATABASE_URL === undefined)('audit inserts in PostgreSQL', () => {
  it('commits concurrent records together, each with its own id in the order asked', async () => {
    const log = await openAuditLog(await freshDatabaseUrl());
    try {
      const ids = await Promise.all(Array.from({ length: 60 }, (_, i) => log.record(entry(i))));
      expect(new Set(ids).size).toBe(60);
      expect([...ids].sort((a, b) => a - b)).toEqual(ids);
      const stored = await log.query({ limit: 100 });
      expect(stored.map((r) => (r.input as { facts: { i: number } }).facts.i)).toEqual(
        Array.from({ length: 60 }, (_, i) => i),
      );
    } finally {
      await log.close();
    }
  });

  it('fails only the record the database refuses when it was committed with others', async () => {
    const log = await openAuditLog(await freshDatabaseUrl());
    try {
      const outcomes = await Promise.allSettled([
        log.record(entry(0)),
        log.record(entry(1)),
        // PostgreSQL text cannot hold a NUL character.
        log.record(entry(2, { pathwayId: 'mi\u0000ni' })),
        log.record(entry(3)),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual([
        'fulfilled',
        'fulfilled',
        'rejected',
        'fulfilled',
      ]);
      expect(await log.query({})).toHaveLength(3);
    } finally {
      await log.close();
    }
  });
});
