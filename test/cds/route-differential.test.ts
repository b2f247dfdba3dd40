/**
 * The CDS route gives the same answers and writes the same rows as the route before issue 19's
 * speed work on it (commit ec6ecd0): every stored prefetch and 12 seeded mutations of each
 * (test/fixtures/fhir/mutated-prefetches.ts), through the whole app. The digests in
 * fixtures/cds-route-digests.json were recorded from that commit's code with
 * `RECORD_CDS_DIGESTS=1 npx vitest run test/cds/route-differential.test.ts`; a change that
 * means to change an answer records them again and says so.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cdsCases } from '../fixtures/fhir/mutated-prefetches';
import { digest, observeMapping, RouteObserver } from './route-observation';

const FILE = join(import.meta.dirname, 'fixtures/cds-route-digests.json');
const RECORD = process.env['RECORD_CDS_DIGESTS'] === '1';

const cases = await cdsCases();
const observer = new RouteObserver();
afterAll(() => observer.close());

describe('the CDS route against its recorded answers', () => {
  it('answers every stored and mutated prefetch, and records it, byte for byte as before', async () => {
    const now: Record<string, { route: string; mapping: string }> = {};
    for (const c of cases)
      now[c.name] = {
        route: digest(await observer.observe(c)),
        mapping: digest(await observeMapping(c)),
      };
    if (RECORD) {
      await writeFile(FILE, `${JSON.stringify(now, null, 2)}\n`);
      return;
    }
    const recorded = JSON.parse(await readFile(FILE, 'utf8')) as typeof now;
    expect(Object.keys(now)).toEqual(Object.keys(recorded));
    const differ = Object.keys(now).filter(
      (name) =>
        now[name]?.route !== recorded[name]?.route ||
        now[name]?.mapping !== recorded[name]?.mapping,
    );
    expect(differ).toEqual([]);
  }, 240_000);

  it('covers answers of every kind: cards, refusals and mappings with problems', async () => {
    const statuses = new Set<number>();
    let problems = 0;
    for (const c of cases.slice(0, 60)) {
      const seen = JSON.parse(await observer.observe(c)) as { status: number };
      statuses.add(seen.status);
      const mapping = await observeMapping(c);
      if (mapping.includes('"problems":[{')) problems += 1;
    }
    expect(statuses).toContain(200);
    expect([...statuses].some((s) => s >= 400)).toBe(true);
    expect(problems).toBeGreaterThan(10);
  }, 120_000);
});
