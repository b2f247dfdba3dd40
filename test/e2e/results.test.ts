/**
 * The results of a stored series in a real browser: the editor's results view (from the
 * HTTP endpoint) and the report `pathway report` writes, each checked for a drawn chart per
 * indicator and the version-break marker.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../engine/cli/io';
import { main } from '../../engine/cli/main';
import { buildApp } from '../../engine/http/app';
import { openResultsStore } from '../../engine/results/store';
import { sampleRun } from '../results/store-fixtures';
import { launchBrowser, watchErrors } from './harness';

let browser: Browser;
let app: FastifyInstance;
let url: string;
let dir: string;

/** Four monthly runs: 1.1.0 in January and February, 1.2.0 from March. */
async function storeSeries(file: string): Promise<void> {
  const store = await openResultsStore(file);
  await store.append(sampleRun('2026-01-31', { version: '1.1.0' }));
  await store.append(sampleRun('2026-02-28', { version: '1.1.0', shift: 2 }));
  await store.append(sampleRun('2026-03-31', { version: '1.2.0', shift: 4 }));
  await store.append(sampleRun('2026-04-30', { version: '1.2.0', shift: 6 }));
  await store.close();
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'results-e2e-'));
  const file = join(dir, 'results.sqlite');
  await storeSeries(file);
  browser = await launchBrowser();
  app = await buildApp({
    pathwaysDir: resolve('pathways'),
    auditFile: ':memory:',
    editorDir: resolve('dist/editor'),
    resultsDatabase: file,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  url = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await rm(dir, { recursive: true, force: true });
});

async function newPage(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 950 } });
  const page = await context.newPage();
  return { page, errors: watchErrors(page) };
}

describe("the editor's results view in a real browser", () => {
  it('draws each indicator over time with a line per centre and the region, and marks the version break', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${url}/?view=results&pathway=chronic-pain`);
    await page.getByTestId('results-view').waitFor();
    for (const id of ['opioid-review', 'screened']) {
      const chart = page.getByTestId(`results-chart-${id}`);
      await chart.waitFor();
      // Two centres and the region; each line has a point per run it is shown in.
      const series = await chart
        .locator('polyline')
        .evaluateAll((lines) =>
          lines.map((l) => [
            l.getAttribute('data-series'),
            l.getAttribute('points')?.split(' ').length,
          ]),
        );
      expect(series.map(([name]) => name)).toEqual(
        expect.arrayContaining(['Norra VC', 'Regionen']),
      );
      expect(series.find(([name]) => name === 'Regionen')?.[1]).toBe(4);
      const box = await chart.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(100);
      await expect(chart.getByTestId('version-break').count()).resolves.toBe(1);
    }
    const link = page.getByTestId('what-changed-1.1.0-1.2.0').first();
    await expect(link.getAttribute('href')).resolves.toBe(
      '/?pathway=chronic-pain&version=1.2.0&compare=1.1.0',
    );
    // Västra VC's 4 reviews of 30 are under the minimum of 5: suppressed in the table.
    await expect(page.getByTestId('results-table-opioid-review').textContent()).resolves.toContain(
      'dolt',
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('opens the compare view of the two versions from the version break', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${url}/?view=results&pathway=chronic-pain`);
    await page.getByTestId('what-changed-1.1.0-1.2.0').first().click();
    await page.getByTestId('compare-panel').waitFor();
    await expect(page.getByTestId('compare-headline').textContent()).resolves.toMatch(
      /^chronic-pain 1\.1\.0 → 1\.2\.0/,
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('links from the open pathway to its results view', async () => {
    const { page } = await newPage();
    await page.goto(`${url}/?pathway=chronic-pain&version=1.2.0`);
    await page.getByTestId('open-results').click();
    await page.getByTestId('results-chart-screened').waitFor();
    await page.context().close();
  });
});

describe('the report of `pathway report` in a real browser', () => {
  it('draws every indicator over time with a line per centre and the region, the version break linked to what changed', async () => {
    const out = join(dir, 'report');
    const io = memoryIo(dir);
    const code = await main(
      [
        'report',
        join(dir, 'results.sqlite'),
        '--out',
        out,
        '--lang',
        'en',
        '--pathways',
        resolve('pathways'),
      ],
      io,
    );
    expect(code, io.stderr.join('')).toBe(0);
    const { page, errors } = await newPage();
    await page.goto(pathToFileURL(join(out, 'report.html')).href);
    const sections = page.locator('section[data-indicator]');
    await expect(sections.count()).resolves.toBe(2);
    for (const id of ['opioid-review', 'screened']) {
      const chart = page.locator(`section[data-indicator="${id}"] svg[data-chart="time-series"]`);
      await expect(chart.count()).resolves.toBe(1);
      // Drawn: the browser laid the chart out with a size, and each line has a path.
      const box = await chart.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(100);
      expect(box?.height ?? 0).toBeGreaterThan(50);
      const lines = await chart.locator('path.line').evaluateAll((paths) =>
        paths.map((p) => ({
          series: p.getAttribute('data-series'),
          d: p.getAttribute('d') ?? '',
          length: (p as SVGPathElement).getTotalLength(),
        })),
      );
      // The region's line and Norra VC's (shown every month) are drawn across the four
      // months; a centre whose rates are all suppressed has no points to draw.
      const series = lines.map((l) => l.series);
      for (const name of ['Region', 'Norra VC']) {
        const line = lines.find((l) => l.series === name);
        expect(line?.d ?? '', `${name} in ${JSON.stringify(series)}`).toMatch(/^M/);
        expect(line?.length ?? 0, name).toBeGreaterThan(100);
      }
      const marker = chart.locator('g.version-break[data-version-break="1.1.0→1.2.0"]');
      await expect(marker.count()).resolves.toBe(1);
      await expect(marker.locator('a').getAttribute('href')).resolves.toBe(
        'what-changed-chronic-pain-1.1.0-to-1.2.0.html',
      );
    }
    // The marker's link opens the semantic diff of the two versions.
    await page
      .locator('section[data-indicator="screened"] g.version-break a')
      .dispatchEvent('click');
    await page.waitForURL(/what-changed-chronic-pain-1\.1\.0-to-1\.2\.0\.html$/);
    await expect(page.getByTestId('what-changed').textContent()).resolves.toContain('→');
    await expect(page.locator('h1').textContent()).resolves.toMatch(
      /^chronic-pain 1\.1\.0 → 1\.2\.0: \d+ changes$/,
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
