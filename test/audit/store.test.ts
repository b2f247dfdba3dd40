import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startRetention } from '../../engine/audit/retention';
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
afterEach(() => {
  for (const log of opened.splice(0)) log.close();
});
afterAll(() => dropSchemas());

describe.each(AUDIT_STORES)('the audit store in $name', (store) => {
  const test = it.skipIf(store.skip !== undefined);
  const open = (): { log: AuditLog; another: () => AuditLog } => {
    const { log, another } = store.open();
    opened.push(log);
    return {
      log,
      another: () => {
        const second = another();
        opened.push(second);
        return second;
      },
    };
  };

  test('reads back every field it stored, the CDS call ids included, with increasing ids', () => {
    const { log } = open();
    const first = log.record(entry('2026-03-01T10:00:00.000Z'));
    const second = log.record(
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
    expect(log.get(first)).toEqual({ id: first, ...entry('2026-03-01T10:00:00.000Z') });
    const cds = log.get(second);
    expect(cds).toMatchObject({
      channel: 'cds-hooks',
      errorCode: 'FACT_TYPE',
      hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
      patientId: 'pat-1',
      userId: 'Practitioner/dr-lind',
    });
    // The input comes back as written, key order included.
    expect(JSON.stringify(cds?.input)).toBe('{"facts":{"b":1,"a":[null,"å"]},"asOf":"2026-03-01"}');
    expect(log.get(second + 1000)).toBeUndefined();
  });

  test('filters by channel, status and time and pages with afterId and limit', () => {
    const { log } = open();
    const ids = [0, 1, 2, 3, 4].map((i) =>
      log.record(
        entry(`2026-03-0${i + 1}T00:00:00.000Z`, { channel: i % 2 === 0 ? 'rest' : 'batch' }),
      ),
    );
    expect(log.query({ channel: 'batch' }).map((r) => r.id)).toEqual([ids[1], ids[3]]);
    expect(
      log
        .query({ from: '2026-03-02T00:00:00.000Z', to: '2026-03-04T00:00:00.000Z' })
        .map((r) => r.id),
    ).toEqual([ids[1], ids[2]]);
    const page = log.query({ limit: 2 });
    expect(page.map((r) => r.id)).toEqual(ids.slice(0, 2));
    expect(log.query({ afterId: page[1]?.id ?? 0, limit: 2 }).map((r) => r.id)).toEqual(
      ids.slice(2, 4),
    );
    expect(log.query({ status: 'error' })).toEqual([]);
  });

  test('stores feedback all or nothing and refuses cards another service sent', () => {
    const { log } = open();
    const auditId = log.record(entry('2026-03-01T10:00:00.000Z', { channel: 'cds-hooks' }));
    log.recordCards(auditId, 'svc', [
      { uuid: 'card-1', topic: 'alert', subject: 'high-score' },
      { uuid: 'card-2', topic: 'step', subject: 'treat' },
    ]);
    const accepted = {
      card: 'card-1',
      outcome: 'accepted' as const,
      outcomeTimestamp: '2026-03-01T10:01:00Z',
      acceptedSuggestions: [{ id: 's-1' }],
    };
    expect(
      log.recordFeedback('svc', '2026-03-01T10:02:00.000Z', [
        accepted,
        { ...accepted, card: 'card-9' },
      ]),
    ).toEqual({ unknownCards: ['card-9'] });
    expect(log.recordFeedback('other', '2026-03-01T10:02:00.000Z', [accepted])).toEqual({
      unknownCards: ['card-1'],
    });
    expect(log.feedback({})).toEqual([]);
    expect(log.recordFeedback('svc', '2026-03-01T10:02:00.000Z', [accepted])).toEqual({
      unknownCards: [],
    });
    const [stored] = log.feedback({ pathwayId: 'mini', outcome: 'accepted' });
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
    expect(log.feedback({ outcome: 'overridden' })).toEqual([]);
  });

  test('prunes records served before the cutoff with their cards and feedback, and keeps the rest', () => {
    const { log } = open();
    const old = log.record(entry('2025-01-01T00:00:00.000Z', { channel: 'cds-hooks' }));
    const kept = log.record(entry('2026-03-01T00:00:00.000Z', { channel: 'cds-hooks' }));
    log.recordCards(old, 'svc', [{ uuid: 'old-card', topic: 'step', subject: 'treat' }]);
    log.recordCards(kept, 'svc', [{ uuid: 'new-card', topic: 'step', subject: 'treat' }]);
    const overridden = {
      outcome: 'overridden' as const,
      outcomeTimestamp: '2026-03-01T00:00:00Z',
    };
    log.recordFeedback('svc', '2026-03-01T00:00:00.000Z', [
      { card: 'old-card', ...overridden },
      { card: 'new-card', ...overridden },
    ]);
    expect(log.prune('2026-01-01T00:00:00.000Z')).toBe(1);
    expect(log.get(old)).toBeUndefined();
    expect(log.query({}).map((r) => r.id)).toEqual([kept]);
    expect(log.feedback({}).map((f) => f.card)).toEqual(['new-card']);
    // The pruned card is gone: feedback on it is refused as unknown.
    expect(
      log.recordFeedback('svc', '2026-03-02T00:00:00.000Z', [{ card: 'old-card', ...overridden }]),
    ).toEqual({ unknownCards: ['old-card'] });
    expect(log.prune('2026-01-01T00:00:00.000Z')).toBe(0);
  });

  test('applies retention at start and again on each interval, counting days back from now', async () => {
    const { log } = open();
    let now = new Date('2026-03-31T12:00:00.000Z');
    log.record(entry('2026-03-01T11:59:59.000Z')); // 30 days and 1 s old
    const recent = log.record(entry('2026-03-20T00:00:00.000Z'));
    const runs: unknown[] = [];
    const stop = startRetention(log, {
      days: 30,
      now: () => now,
      intervalMs: 20,
      report: (outcome) => runs.push(outcome),
    });
    try {
      expect(runs[0]).toEqual({ deleted: 1, before: '2026-03-01T12:00:00.000Z' });
      expect(log.query({}).map((r) => r.id)).toEqual([recent]);
      now = new Date('2026-04-20T00:00:00.000Z');
      await expect.poll(() => log.query({}).length, { timeout: 2000 }).toBe(0);
    } finally {
      stop();
    }
  });

  test('shares one log between two instances: each sees the other’s records, ids never repeat', () => {
    const { log, another } = open();
    const second = another();
    const ids: number[] = [];
    for (let i = 0; i < 10; i++) {
      const writer = i % 2 === 0 ? log : second;
      ids.push(writer.record(entry(`2026-03-01T00:00:0${i}.000Z`)));
    }
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(log.query({}).map((r) => r.id)).toEqual(ids);
    expect(second.query({}).map((r) => r.id)).toEqual(ids);
  });
});
