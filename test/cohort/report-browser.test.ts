/**
 * The HTML cohort report opened in real chromium (Debian's, headless): every chart is drawn
 * as SVG with its bars, nothing is fetched from the network, and the page logs no errors.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../engine/cli/io';
import { main } from '../../engine/cli/main';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const CHARTS = [
  'patients-per-step',
  'steps-by-group',
  'alerts-per-1000',
  'follow-ups-overdue',
  'needs-information',
];

describe('the cohort HTML report', () => {
  it('shows every chart as SVG bars in chromium without touching the network', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cohort-html-'));
    const io = memoryIo(process.cwd());
    expect(
      await main(['synth', '--patients', '2000', '--seed', '3', '--as-of', '2026-11-23'], io),
    ).toBe(0);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, 'p.ndjson'), io.stdout.join(''));
    const run = memoryIo(process.cwd());
    const code = await main(
      [
        'cohort',
        'chronic-pain',
        '--patients',
        join(dir, 'p.ndjson'),
        '--as-of',
        '2026-11-23',
        '--by',
        'healthCentre',
        '--out',
        dir,
        '--workers',
        '0',
      ],
      run,
    );
    expect(code).toBe(0);
    expect(await readFile(join(dir, 'cohort.html'), 'utf8')).not.toMatch(
      /https?:\/\/(?!www\.w3\.org\/2000\/svg)/,
    );

    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(pathToFileURL(join(dir, 'cohort.html')).href);
      for (const chart of CHARTS) {
        const bars = await page.locator(`svg[data-chart="${chart}"] rect.bar`).count();
        expect(bars, chart).toBeGreaterThan(3);
        const box = await page.locator(`svg[data-chart="${chart}"]`).boundingBox();
        expect(box?.height ?? 0, chart).toBeGreaterThan(50);
      }
      expect(await page.locator('h1').textContent()).toBe('Cohort report');
      expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
