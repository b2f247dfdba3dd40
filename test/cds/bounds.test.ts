/**
 * A CDS answer is bounded whatever the prefetch holds: the same medication sent thousands of
 * times gives cards of a few kilobytes, with one line per distinct note naming a few
 * resources and how many more, and one audit row for the request.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteAuditLog } from '../../engine/audit/log';
import {
  boundedDetail,
  boundedList,
  groupedByMessage,
  MAX_DETAIL_CHARS,
} from '../../engine/cds/bounds';
import { registerCdsHooks } from '../../engine/cds/hooks';
import type { CdsResponse } from '../../engine/cds/schema';
import { createServiceContext } from '../../engine/http/service-context';
import { FIXTURE_AS_OF, loadPrefetch } from '../fixtures/fhir/load';
import { testIssuer } from './issuer';

const issuer = await testIssuer();
const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

/** Anna's prefetch with each medication statement sent `copies` times (ids made unique). */
async function duplicated(copies: number): Promise<string> {
  const prefetch = await loadPrefetch('anna-opioid-benzodiazepine');
  const bundle = prefetch['medicationStatements'] as { entry: { resource: { id: string } }[] };
  const once = bundle.entry;
  bundle.entry = Array.from({ length: copies }, (_, i) =>
    once.map((e) => ({
      ...e,
      resource: { ...e.resource, id: `${e.resource.id}-${i}`, dosage: [{ text: 'as needed' }] },
    })),
  ).flat();
  return JSON.stringify({
    hook: 'patient-view',
    hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
    context: { userId: 'Practitioner/dr-lind', patientId: 'pat-anna' },
    prefetch,
  });
}

describe('a CDS answer to a prefetch with one medication sent thousands of times', () => {
  it('stays a few kilobytes, answers within seconds and writes one audit row', async () => {
    const audit = new SqliteAuditLog(':memory:');
    const ctx = createServiceContext({
      pathwaysDir: join(import.meta.dirname, '../../pathways'),
      audit,
      today: () => FIXTURE_AS_OF,
    });
    const app = Fastify();
    registerCdsHooks(app, ctx, issuer.settings);
    await app.ready();
    apps.push(app);
    const payload = await duplicated(2000);
    expect(payload.length).toBeGreaterThan(2_000_000);
    const started = Date.now();
    const response = await app.inject({
      method: 'POST',
      url: '/cds-services/chronic-pain-pathway',
      payload,
      headers: await issuer.headers({ 'content-type': 'application/json' }),
    });
    const elapsed = Date.now() - started;
    expect(response.statusCode).toBe(200);
    expect(response.body.length).toBeLessThan(100_000);
    expect(elapsed).toBeLessThan(20_000);
    const { cards } = response.json<CdsResponse>();
    for (const card of cards)
      expect((card.detail ?? '').length).toBeLessThanOrEqual(MAX_DETAIL_CHARS + 200);
    const text = cards.map((c) => c.detail ?? '').join('\n');
    // One line for the free-text dose of 2000 oxycodone statements, naming three and the rest.
    expect(text).toMatch(
      /`MedicationStatement\/ms-anna-oxycodone-0`, .* and 1997 more: N02AA05: dose only as free text/,
    );
    expect(await audit.query({ limit: 10 })).toHaveLength(1);
  }, 60_000);
});

describe('card bounds', () => {
  const more = (n: number) => `… and ${n} more`;

  it('keeps distinct items only, at most the limit, then says how many were left out', () => {
    const items = Array.from({ length: 50 }, (_, i) => `item ${i % 30}`);
    const list = boundedList(items, more, 20);
    expect(list).toHaveLength(21);
    expect(list.at(-1)).toBe('… and 10 more');
    expect(new Set(list).size).toBe(21);
  });

  it('cuts a long item with an ellipsis', () => {
    const [item] = boundedList(['x'.repeat(10_000)], more);
    expect(item?.length).toBe(500);
    expect(item?.endsWith('…')).toBe(true);
  });

  it('gives one line per distinct message, naming three resources and how many more', () => {
    const entries = Array.from({ length: 1000 }, (_, i) => ({
      resource: `MedicationStatement/m-${i}`,
      message: i % 2 === 0 ? 'no dose' : 'no code',
    }));
    expect(groupedByMessage(entries, more)).toEqual([
      '`MedicationStatement/m-0`, `MedicationStatement/m-2`, `MedicationStatement/m-4` … and 497 more: no dose',
      '`MedicationStatement/m-1`, `MedicationStatement/m-3`, `MedicationStatement/m-5` … and 497 more: no code',
    ]);
  });

  it('cuts a card detail at its limit and says so', () => {
    const detail = boundedDetail('y'.repeat(MAX_DETAIL_CHARS * 3), '(cut)');
    expect(detail.length).toBeLessThanOrEqual(MAX_DETAIL_CHARS);
    expect(detail.endsWith('(cut)')).toBe(true);
    expect(boundedDetail('short', '(cut)')).toBe('short');
  });
});
