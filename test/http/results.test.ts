import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ResultsReport } from '../../engine/results/index';
import { openResultsStore } from '../../engine/results/store';
import { settingsFromEnv } from '../../engine/http/server';
import { sampleRun } from '../results/store-fixtures';
import { dropTestSchemas, freshPostgresUrl, POSTGRES_SKIP } from '../store/databases';
import { REAL_PATHWAYS, service, type TestService } from './helpers';

/**
 * A results store with chronic-pain runs: 1.1.0 in January, 1.2.0 in February and March. A
 * SQLite file unless `target` names another store.
 */
async function seriesStore(target?: string): Promise<string> {
  const file = target ?? join(mkdtempSync(join(tmpdir(), 'results-http-')), 'results.sqlite');
  const store = await openResultsStore(file);
  await store.append(sampleRun('2026-01-31', { version: '1.1.0' }));
  await store.append(sampleRun('2026-02-28', { version: '1.2.0', shift: 2 }));
  await store.append(sampleRun('2026-03-31', { version: '1.2.0', shift: 4 }));
  await store.close();
  return file;
}

afterAll(() => dropTestSchemas());

const started: TestService[] = [];
afterEach(async () => {
  for (const s of started.splice(0)) await s.app.close();
});

async function withStore(resultsDatabase?: string): Promise<TestService> {
  const s = await service({
    root: REAL_PATHWAYS,
    ...(resultsDatabase === undefined ? {} : { resultsDatabase }),
  });
  started.push(s);
  return s;
}

describe('GET /api/pathways/{id}/results', () => {
  it('answers the results report of the stored runs with the version break, checked against its schema', async () => {
    const s = await withStore(await seriesStore());
    const { status, body } = await s.call({ url: '/api/pathways/chronic-pain/results?lang=sv' });
    expect(status).toBe(200);
    const report = body as ResultsReport;
    expect(report.pathwayId).toBe('chronic-pain');
    expect(report.lang).toBe('sv');
    expect(report.runs.map((r) => r.asOf)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
    expect(report.versionBreaks).toEqual([{ asOf: '2026-02-28', from: '1.1.0', to: '1.2.0' }]);
    expect(report.centres).toEqual(['Norra VC', 'Södra VC', 'Västra VC']);
    expect(report.indicators.map((i) => i.label)).toEqual(['Opioidgenomgång', 'Screenade']);
  });

  it('suppresses small cells at the minimum asked for (default 5)', async () => {
    const s = await withStore(await seriesStore());
    const southReview = async (query: string) => {
      const { body } = await s.call({ url: `/api/pathways/chronic-pain/results${query}` });
      const review = (body as ResultsReport).indicators.find((i) => i.id === 'opioid-review');
      return review?.points[0]?.centres['Västra VC'];
    };
    // Västra VC: 4 of 30 reviewed in January.
    expect((await southReview(''))?.numerator).toBeNull();
    expect((await southReview('?minCell=3'))?.numerator).toBe(4);
  });

  it('keeps to the as-of range asked for', async () => {
    const s = await withStore(await seriesStore());
    const { status, body } = await s.call({
      url: '/api/pathways/chronic-pain/results?from=2026-02-01&to=2026-02-28',
    });
    expect(status).toBe(200);
    const text = JSON.stringify(body);
    expect(text).toContain('2026-02-28');
    expect(text).not.toContain('2026-01-31');
    expect(text).not.toContain('2026-03-31');
  });

  it('answers 400 naming the parameter for a bad date, language or minimum cell', async () => {
    const s = await withStore(await seriesStore());
    for (const [query, field] of [
      ['from=2026-02-30', 'from'],
      ['lang=fi', 'lang'],
      ['minCell=0', 'minCell'],
      ['minCell=two', 'minCell'],
      ['colour=red', ''],
    ] as const) {
      const { status, body } = await s.call({ url: `/api/pathways/chronic-pain/results?${query}` });
      expect(status, query).toBe(400);
      const error = (body as { error: { code: string; issues: { path?: string }[] } }).error;
      expect(error.code).toBe('BAD_REQUEST');
      if (field !== '') expect(error.issues.map((i) => i.path)).toContain(field);
    }
  });

  it('answers 404 UNKNOWN_PATHWAY for a pathway it neither has nor has runs of', async () => {
    const s = await withStore(await seriesStore());
    const { status, body } = await s.call({ url: '/api/pathways/no-such/results' });
    expect(status).toBe(404);
    expect(body).toMatchObject({ error: { code: 'UNKNOWN_PATHWAY' } });
  });

  it('answers 404 NOT_FOUND when the store has no runs in the range', async () => {
    const s = await withStore(await seriesStore());
    const { status, body } = await s.call({
      url: '/api/pathways/chronic-pain/results?from=2027-01-01',
    });
    expect(status).toBe(404);
    expect(body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(JSON.stringify(body)).toContain('no runs of pathway chronic-pain in that date range');
  });

  it('answers 404 naming RESULTS_DATABASE when the service has no results store', async () => {
    const s = await withStore();
    const { status, body } = await s.call({ url: '/api/pathways/chronic-pain/results' });
    expect(status).toBe(404);
    expect(JSON.stringify(body)).toContain('RESULTS_DATABASE');
  });

  it('answers 500 FILE_READ without a stack when RESULTS_DATABASE names no store', async () => {
    const s = await withStore(join(tmpdir(), 'no-such-results-store.sqlite'));
    const { status, body } = await s.call({ url: '/api/pathways/chronic-pain/results' });
    expect(status).toBe(500);
    expect(body).toMatchObject({ error: { code: 'FILE_READ' } });
  });

  it('takes RESULTS_DATABASE from the environment, a file relative to where it starts', () => {
    expect(
      settingsFromEnv({ RESULTS_DATABASE: 'data/results.sqlite' }, '/srv').resultsDatabase,
    ).toBe('/srv/data/results.sqlite');
    const url = 'postgres://u:p@db/results';
    expect(settingsFromEnv({ RESULTS_DATABASE: url }, '/srv').resultsDatabase).toBe(url);
    expect(settingsFromEnv({}, '/srv').resultsDatabase).toBeUndefined();
  });
});

describe('GET /api/pathways/{id}/diff', () => {
  it('answers the what-changed page of two versions in the language asked for', async () => {
    const s = await withStore();
    const { status, response } = await s.call({
      url: '/api/pathways/chronic-pain/diff?from=1.1.0&to=1.2.0&lang=sv',
    });
    expect(status).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('<html lang="sv">');
    expect(response.body).toContain('chronic-pain 1.1.0 → 1.2.0');
  });

  it('answers 404 UNKNOWN_VERSION for a version the pathway lacks, 400 without both versions', async () => {
    const s = await withStore();
    const missing = await s.call({ url: '/api/pathways/chronic-pain/diff?from=1.1.0&to=9.9.9' });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { code: 'UNKNOWN_VERSION' } });
    const half = await s.call({ url: '/api/pathways/chronic-pain/diff?from=1.1.0' });
    expect(half.status).toBe(400);
  });
});

describe('GET /api/pathways/{id}/results over PostgreSQL', () => {
  it.skipIf(POSTGRES_SKIP !== undefined)(
    'answers the same report from a RESULTS_DATABASE URL',
    async () => {
      const s = await withStore(await seriesStore(await freshPostgresUrl()));
      const { status, body } = await s.call({ url: '/api/pathways/chronic-pain/results' });
      expect(status).toBe(200);
      const report = body as ResultsReport;
      expect(report.runs.map((r) => r.version)).toEqual(['1.1.0', '1.2.0', '1.2.0']);
      expect(report.versionBreaks).toEqual([{ asOf: '2026-02-28', from: '1.1.0', to: '1.2.0' }]);
    },
  );
});
