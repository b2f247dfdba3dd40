import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry, AuditLog } from '../../engine/audit/types';
import { AUDIT_STORES, dropSchemas } from './stores';

const opened: AuditLog[] = [];
afterEach(async () => {
  for (const log of opened.splice(0)) await log.close();
});
afterAll(() => dropSchemas());

const entry = (time: string): AuditEntry => ({
  time,
  channel: 'cds-hooks',
  pathwayId: 'mini',
  version: '1.1.0',
  contentHash: 'sha256:abc',
  asOf: '2026-03-01',
  language: 'en',
  input: { facts: {} },
  status: 'settled',
  step: 'treat',
  alerts: [],
});

describe.each(AUDIT_STORES)('retention in batches in $name', (store) => {
  const test = it.skipIf(store.skip !== undefined);

  test('deletes old records a batch per transaction, with their cards and feedback, and keeps the rest', async () => {
    const { log } = await store.open();
    opened.push(log);
    const card = (uuid: string) => ({
      serviceId: 'svc',
      cards: [{ uuid, topic: 'step' as const, subject: 'x' }],
    });
    const old: number[] = [];
    for (let i = 0; i < 25; i++)
      old.push(
        await log.record(entry('2025-01-01T00:00:00.000Z'), i === 3 ? card('old-card') : undefined),
      );
    const kept = await log.record(entry('2026-03-01T00:00:00.000Z'), card('new-card'));
    // An old record after a newer one (clocks of two instances differ) is deleted too.
    old.push(await log.record(entry('2025-06-01T00:00:00.000Z')));
    const overridden = { outcome: 'overridden' as const, outcomeTimestamp: '2026-03-01T00:00:00Z' };
    await log.recordFeedback('svc', '2026-03-01T00:00:00.000Z', [
      { card: 'old-card', ...overridden },
      { card: 'new-card', ...overridden },
    ]);
    const batches: number[] = [];
    const deleted = await log.prune('2026-01-01T00:00:00.000Z', {
      batchSize: 10,
      onBatch: (n) => batches.push(n),
    });
    expect(deleted).toBe(26);
    expect(batches).toEqual([10, 10, 6]);
    expect((await log.query({})).map((r) => r.id)).toEqual([kept]);
    expect((await log.feedback({})).map((f) => f.card)).toEqual(['new-card']);
  });

  test('lets other calls through between batches', async () => {
    const { log } = await store.open();
    opened.push(log);
    for (let i = 0; i < 30; i++) await log.record(entry('2025-01-01T00:00:00.000Z'));
    const order: string[] = [];
    const pruning = log
      .prune('2026-01-01T00:00:00.000Z', {
        batchSize: 3,
        onBatch: () => order.push('batch'),
      })
      .then(() => order.push('pruned'));
    // Asked for after the first batch: answered before the last one.
    await new Promise<void>((resolve) => {
      const wait = (): void => {
        if (order.length > 0) resolve();
        else setImmediate(wait);
      };
      wait();
    });
    await log.query({ limit: 1 }).then(() => order.push('query'));
    await pruning;
    expect(order.indexOf('query')).toBeGreaterThan(0);
    expect(order.indexOf('query')).toBeLessThan(order.indexOf('pruned') - 1);
    expect(order.filter((o) => o === 'batch')).toHaveLength(11);
  });
});
