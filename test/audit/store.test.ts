import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startRetention } from '../../engine/audit/retention';
import type { SqlAuditLog } from '../../engine/audit/log';
import type { AuditEntry, AuditLog } from '../../engine/audit/types';
import { AUDIT_STORES, dropSchemas } from './stores';

const entry = (time: string, extra: Partial<AuditEntry> = {}): AuditEntry => ({
  time,
  channel: 'rest',
  pathwayId: 'mini',
  version: '1.1.0',
  contentHash: 'sha256:abc',
  asOf: '2026-03-01',
  language: 'sv',
  input: { facts: { painMonths: 8, flags: ['a'] }, asOf: '2026-03-01' },
  status: 'settled',
  step: 'treat',
  alerts: ['high-score'],
  ...extra,
});

const opened: AuditLog[] = [];
afterEach(async () => {
  for (const log of opened.splice(0)) await log.close();
});
afterAll(() => dropSchemas());

describe.each(AUDIT_STORES)('the audit store in $name', (store) => {
  const test = it.skipIf(store.skip !== undefined);
  const open = async (): Promise<{ log: AuditLog; another: () => Promise<AuditLog> }> => {
    const { log, another } = await store.open();
    opened.push(log);
    return {
      log,
      another: async () => {
        const second = await another();
        opened.push(second);
        return second;
      },
    };
  };

  test('reads back every field it stored, the CDS call ids included, with increasing ids', async () => {
    const { log } = await open();
    const first = await log.record(entry('2026-03-01T10:00:00.000Z'));
    const second = await log.record(
      entry('2026-03-01T10:00:01.000Z', {
        channel: 'cds-hooks',
        status: 'error',
        step: null,
        alerts: [],
        errorCode: 'FACT_TYPE',
        input: { facts: { b: 1, a: [null, 'å'] }, asOf: '2026-03-01' },
        hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
        patientId: 'pat-1',
        userId: 'Practitioner/dr-lind',
      }),
    );
    expect(second).toBeGreaterThan(first);
    expect(await log.get(first)).toEqual({ id: first, ...entry('2026-03-01T10:00:00.000Z') });
    const cds = await log.get(second);
    expect(cds).toMatchObject({
      channel: 'cds-hooks',
      errorCode: 'FACT_TYPE',
      hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
      patientId: 'pat-1',
      userId: 'Practitioner/dr-lind',
    });
    // The input comes back as written, key order included.
    expect(JSON.stringify(cds?.input)).toBe('{"facts":{"b":1,"a":[null,"å"]},"asOf":"2026-03-01"}');
    expect(await log.get(second + 1000)).toBeUndefined();
  });

  test('records asked for at once each get their own id, in the order asked, and are all stored', async () => {
    const { log } = await open();
    const ids = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        log.record(entry('2026-03-01T10:00:00.000Z', { input: { facts: { i }, asOf: 'x' } })),
      ),
    );
    expect(new Set(ids).size).toBe(40);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    const stored = await log.query({ limit: 100 });
    expect(stored.map((r) => r.id)).toEqual(ids);
    expect(stored.map((r) => (r.input as { facts: { i: number } }).facts.i)).toEqual(
      Array.from({ length: 40 }, (_, i) => i),
    );
  });

  test('filters by channel, status and time and pages with afterId and limit', async () => {
    const { log } = await open();
    const ids: number[] = [];
    for (const i of [0, 1, 2, 3, 4])
      ids.push(
        await log.record(
          entry(`2026-03-0${i + 1}T00:00:00.000Z`, { channel: i % 2 === 0 ? 'rest' : 'batch' }),
        ),
      );
    expect((await log.query({ channel: 'batch' })).map((r) => r.id)).toEqual([ids[1], ids[3]]);
    expect(
      (await log.query({ from: '2026-03-02T00:00:00.000Z', to: '2026-03-04T00:00:00.000Z' })).map(
        (r) => r.id,
      ),
    ).toEqual([ids[1], ids[2]]);
    const page = await log.query({ limit: 2 });
    expect(page.map((r) => r.id)).toEqual(ids.slice(0, 2));
    expect((await log.query({ afterId: page[1]?.id ?? 0, limit: 2 })).map((r) => r.id)).toEqual(
      ids.slice(2, 4),
    );
    expect(await log.query({ status: 'error' })).toEqual([]);
  });

  test('records the cards sent with an evaluation in its transaction: both, or neither', async () => {
    const { log } = await open();
    const cards = (...uuids: string[]) => ({
      serviceId: 'svc',
      cards: uuids.map((uuid) => ({ uuid, topic: 'alert' as const, subject: 'high-score' })),
    });
    const sent = (): Promise<unknown[]> =>
      (log as SqlAuditLog).store.all(
        'SELECT uuid, audit_id AS "auditId", service_id AS "serviceId" FROM cds_cards ORDER BY uuid',
      );
    const first = await log.record(entry('2026-03-01T10:00:00.000Z'), cards('card-1', 'card-2'));
    expect(
      (await sent()).map((r) => ({
        ...(r as object),
        auditId: Number((r as { auditId: unknown }).auditId),
      })),
    ).toEqual([
      { uuid: 'card-1', auditId: first, serviceId: 'svc' },
      { uuid: 'card-2', auditId: first, serviceId: 'svc' },
    ]);
    // Asked for in one turn, so written together: the card id sent before is refused, and
    // with it that evaluation alone; the other keeps its row and its card.
    const [refused, kept] = await Promise.allSettled([
      log.record(entry('2026-03-01T10:00:01.000Z'), cards('card-3', 'card-1')),
      log.record(entry('2026-03-01T10:00:02.000Z'), cards('card-4')),
    ]);
    expect(refused?.status).toBe('rejected');
    expect(kept?.status).toBe('fulfilled');
    const stored = await log.query({});
    expect(stored.map((r) => r.time)).toEqual([
      '2026-03-01T10:00:00.000Z',
      '2026-03-01T10:00:02.000Z',
    ]);
    expect((await sent()).map((r) => (r as { uuid: string }).uuid)).toEqual([
      'card-1',
      'card-2',
      'card-4',
    ]);
  });

  test('stores feedback all or nothing and refuses cards another service sent', async () => {
    const { log } = await open();
    const auditId = await log.record(entry('2026-03-01T10:00:00.000Z', { channel: 'cds-hooks' }), {
      serviceId: 'svc',
      cards: [
        { uuid: 'card-1', topic: 'alert', subject: 'high-score' },
        { uuid: 'card-2', topic: 'step', subject: 'treat' },
      ],
    });
    const accepted = {
      card: 'card-1',
      outcome: 'accepted' as const,
      outcomeTimestamp: '2026-03-01T10:01:00Z',
      acceptedSuggestions: [{ id: 's-1' }],
    };
    expect(
      await log.recordFeedback('svc', '2026-03-01T10:02:00.000Z', [
        accepted,
        { ...accepted, card: 'card-9' },
      ]),
    ).toEqual({ unknownCards: ['card-9'] });
    expect(await log.recordFeedback('other', '2026-03-01T10:02:00.000Z', [accepted])).toEqual({
      unknownCards: ['card-1'],
    });
    expect(await log.feedback({})).toEqual([]);
    expect(await log.recordFeedback('svc', '2026-03-01T10:02:00.000Z', [accepted])).toEqual({
      unknownCards: [],
    });
    const [stored] = await log.feedback({ pathwayId: 'mini', outcome: 'accepted' });
    expect(stored).toMatchObject({
      card: 'card-1',
      auditId,
      serviceId: 'svc',
      pathwayId: 'mini',
      version: '1.1.0',
      topic: 'alert',
      subject: 'high-score',
      acceptedSuggestions: [{ id: 's-1' }],
    });
    expect(await log.feedback({ outcome: 'overridden' })).toEqual([]);
  });

  test('prunes records served before the cutoff with their cards and feedback, and keeps the rest', async () => {
    const { log } = await open();
    const card = (uuid: string) => ({
      serviceId: 'svc',
      cards: [{ uuid, topic: 'step' as const, subject: 'treat' }],
    });
    const old = await log.record(
      entry('2025-01-01T00:00:00.000Z', { channel: 'cds-hooks' }),
      card('old-card'),
    );
    const kept = await log.record(
      entry('2026-03-01T00:00:00.000Z', { channel: 'cds-hooks' }),
      card('new-card'),
    );
    const overridden = {
      outcome: 'overridden' as const,
      outcomeTimestamp: '2026-03-01T00:00:00Z',
    };
    await log.recordFeedback('svc', '2026-03-01T00:00:00.000Z', [
      { card: 'old-card', ...overridden },
      { card: 'new-card', ...overridden },
    ]);
    expect(await log.prune('2026-01-01T00:00:00.000Z')).toBe(1);
    expect(await log.get(old)).toBeUndefined();
    expect((await log.query({})).map((r) => r.id)).toEqual([kept]);
    expect((await log.feedback({})).map((f) => f.card)).toEqual(['new-card']);
    // The pruned card is gone: feedback on it is refused as unknown.
    expect(
      await log.recordFeedback('svc', '2026-03-02T00:00:00.000Z', [
        { card: 'old-card', ...overridden },
      ]),
    ).toEqual({ unknownCards: ['old-card'] });
    expect(await log.prune('2026-01-01T00:00:00.000Z')).toBe(0);
  });

  test('applies retention at start and again on each interval, counting days back from now', async () => {
    const { log } = await open();
    let now = new Date('2026-03-31T12:00:00.000Z');
    await log.record(entry('2026-03-01T11:59:59.000Z')); // 30 days and 1 s old
    const recent = await log.record(entry('2026-03-20T00:00:00.000Z'));
    const runs: unknown[] = [];
    const stop = startRetention(log, {
      days: 30,
      now: () => now,
      intervalMs: 20,
      report: (outcome) => runs.push(outcome),
    });
    try {
      // The first run starts at once, in the background.
      await expect
        .poll(() => runs[0], { timeout: 2000 })
        .toEqual({
          deleted: 1,
          before: '2026-03-01T12:00:00.000Z',
        });
      expect((await log.query({})).map((r) => r.id)).toEqual([recent]);
      now = new Date('2026-04-20T00:00:00.000Z');
      await expect.poll(async () => (await log.query({})).length, { timeout: 2000 }).toBe(0);
    } finally {
      stop();
    }
  });

  test('shares one log between two instances: each sees the other’s records, ids never repeat', async () => {
    const { log, another } = await open();
    const second = await another();
    const ids: number[] = [];
    for (let i = 0; i < 10; i++) {
      const writer = i % 2 === 0 ? log : second;
      ids.push(await writer.record(entry(`2026-03-01T00:00:0${i}.000Z`)));
    }
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect((await log.query({})).map((r) => r.id)).toEqual(ids);
    expect((await second.query({})).map((r) => r.id)).toEqual(ids);
  });
});
