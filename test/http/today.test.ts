import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../engine/cli/io';
import { main } from '../../engine/cli/main';
import { systemToday } from '../../engine/service/today';
import { tempDir, writePathway } from '../fixtures/files';
import { miniPathway } from '../fixtures/pathways';
import { service, type TestService } from './helpers';

/** 23:30 UTC on 6 December: already 7 December in Stockholm. */
const LATE = new Date('2026-12-06T23:30:00Z');
/** Two pathways whose only version takes effect on 7 December, one reckoning days in Stockholm. */
const starting = { version: '1.0.0', status: 'active', effective: { from: '2026-12-07' } } as const;

let root: string;
let late: TestService;
beforeAll(async () => {
  root = await tempDir();
  await writePathway(root, miniPathway({ ...starting, timeZone: 'Europe/Stockholm' }));
  await writePathway(root, miniPathway({ ...starting, id: 'utc-mini', timeZone: 'UTC' }));
  late = await service({ root, today: systemToday(() => LATE) });
});
afterAll(async () => {
  await late.app.close();
});

describe("'in effect today' on the pathway's own day", () => {
  it('lists a Stockholm version starting 7 December as in effect at 23:30 UTC on the 6th, and a UTC one as not yet', async () => {
    const { body } = await late.call({ method: 'GET', url: '/api/pathways' });
    const list = body as { pathways: { id: string; inEffect: string | null }[] };
    const inEffect = Object.fromEntries(list.pathways.map((p) => [p.id, p.inEffect]));
    expect(inEffect).toEqual({ mini: '1.0.0', 'utc-mini': null });
  });

  it('offers the CDS service of the Stockholm pathway only, as its version is in effect there', async () => {
    const { body } = await late.call({ method: 'GET', url: '/cds-services' });
    const ids = (body as { services: { id: string }[] }).services.map((s) => s.id);
    expect(ids.some((id) => id.includes('utc-mini'))).toBe(false);
    expect(ids.filter((id) => id.includes('mini'))).toHaveLength(1);
  });

  it('evaluates NDJSON batch lines without asOf on the Stockholm day', async () => {
    const response = await late.app.inject({
      method: 'POST',
      url: '/api/pathways/mini/evaluate/batch?trace=false',
      headers: { 'content-type': 'application/x-ndjson' },
      payload: `${JSON.stringify({ facts: {} })}\n${JSON.stringify({ facts: {}, asOf: '2026-12-08' })}\n`,
    });
    const asOfs = response.body
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { result?: { asOf: string } }).result?.asOf);
    expect(asOfs).toEqual(['2026-12-07', '2026-12-08']);
  });

  it('marks the same versions in `pathway versions`, each with the date it was asked on', async () => {
    const io = memoryIo(root, LATE);
    expect(await main(['versions', '--pathways', root, '--json'], io), io.stderr.join('')).toBe(0);
    const rows = (JSON.parse(io.stdout.join('')) as { versions: Record<string, unknown>[] })
      .versions;
    expect(rows.map((r) => [r.id, r.asOf, r.inEffect])).toEqual([
      ['mini', '2026-12-07', true],
      ['utc-mini', '2026-12-06', false],
    ]);
  });
});
