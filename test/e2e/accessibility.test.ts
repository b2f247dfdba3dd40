/**
 * Accessibility of every screen of the editor (issue 18, "Accessibility"): axe-core's WCAG
 * A/AA rules find no serious or critical violation on the start page, an opened version, each
 * kind of selection in the side panel, the test patients, the compare view, the cohort
 * overlay, the results view and the Danish interface.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { processChunk } from '../../engine/cohort/process';
import { cohortReport } from '../../engine/cohort/report';
import { compilePopulation } from '../../engine/fast/compile';
import { buildApp } from '../../engine/http/app';
import { openResultsStore } from '../../engine/results/store';
import { synthPatients } from '../../engine/synth/population';
import { parsePathway } from '../../engine/yaml/parse';
import { sampleRun } from '../results/store-fixtures';
import { seriousViolations } from './axe';
import { useBrowserSession, type Service } from './harness';

let service: Service;
let page: Page;
let errors: string[];
useBrowserSession((session) => ({ service, page, errors } = session), { acceptDialogs: true });

const node = (id: string): Locator => page.getByTestId(`rf__node-${id}`);

async function openVersion(version: string, language: 'sv' | 'da' | 'en' = 'sv'): Promise<void> {
  await page.goto(`${service.url}/?pathway=chronic-pain&version=${version}`);
  await node('intake-assessment').waitFor();
  if (language !== 'sv') await page.getByTestId('language').selectOption(language);
}

/** Waits for React and the CSS transitions to settle before axe reads colours. */
async function settled(): Promise<void> {
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 350))),
  );
}

async function expectClean(): Promise<void> {
  await settled();
  expect(await seriousViolations(page)).toEqual([]);
}

describe('axe-core finds no serious or critical violation', () => {
  it('on the start page and on an opened version, in Swedish, Danish and English', async () => {
    await page.goto(service.url);
    await page.getByTestId('pathway-picker').waitFor();
    await expectClean();
    for (const language of ['sv', 'da', 'en'] as const) {
      await openVersion('1.2.0', language);
      await expectClean();
    }
    expect(errors).toEqual([]);
  });

  it('with a step, a transition, a global transition, an alert, a fact and a named condition selected', async () => {
    await openVersion('1.2.0');
    await page.getByTestId('new-version').click();
    await page.getByTestId('new-draft-banner').waitFor();
    await expectClean();
    for (const kind of ['alert', 'fact', 'named']) {
      await page.locator(`[data-testid^="${kind}-"]`).first().click();
      await expectClean();
      await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
      await page.getByTestId('pathway-panel').waitFor();
    }
    await node('intake-assessment').click();
    await page.getByTestId('step-panel').waitFor();
    await expectClean();
    await page.locator('[data-testid^="edge-label-t:intake-assessment:"]').first().click();
    await page.getByTestId('transition-panel').waitFor();
    await expectClean();
    await page.locator('[data-testid^="edge-label-g:"]').first().click();
    await page.getByTestId('transition-panel').waitFor();
    await expectClean();
    // The condition's JSON view (Monaco) last: it stays open until the page closes.
    await page.getByTestId('condition-tab-json').click();
    await page.locator('[data-testid="condition-json"] .monaco-editor').waitFor();
    await expectClean();
    expect(errors).toEqual([]);
  });

  it('on the test patients after a run, and with a scenario walk highlighted', async () => {
    await openVersion('1.2.0');
    await page.getByTestId('tab-tests').click();
    await page.getByTestId('run-all').click();
    await expect.poll(() => page.getByTestId('test-summary').textContent()).toMatch(/\d/);
    await expectClean();
    await page.locator('[data-testid^="scenario-"]').first().click();
    await expectClean();
    expect(errors).toEqual([]);
  });

  it('in the compare view, on its list of changes and in Danish', async () => {
    await openVersion('1.0.0');
    await page.getByTestId('compare-with').selectOption('1.1.0');
    await page.getByTestId('compare-panel').waitFor();
    await expectClean();
    await page.getByTestId('language').selectOption('da');
    await expectClean();
    expect(errors).toEqual([]);
  });

  it('with a cohort overlay loaded', async () => {
    const file = join('pathways', 'chronic-pain', '1.1.0.yaml');
    const pathway = parsePathway(await readFile(file, 'utf8'), '1.1.0.yaml');
    const asOf = '2026-11-23';
    const lines = [...synthPatients(100, 7, asOf)].map((p) => JSON.stringify(p)).join('\n');
    const settings = { format: 'ndjson' as const, asOf, by: 'healthCentre', badLineLimit: 5 };
    const counts = processChunk(compilePopulation(pathway), undefined, settings, lines, 1);
    const report = cohortReport(pathway, counts, { asOf, by: 'healthCentre', title: 'Pain' });
    const dir = await mkdtemp(join(tmpdir(), 'a11y-cohort-'));
    try {
      const cohort = join(dir, 'cohort.json');
      await writeFile(cohort, JSON.stringify(report));
      await openVersion('1.1.0');
      await page.getByTestId('cohort-file').setInputFiles(cohort);
      await page.getByTestId('cohort-summary').waitFor();
      await expectClean();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    expect(errors).toEqual([]);
  });

  it('on the results view', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'a11y-results-'));
    const database = join(dir, 'results.sqlite');
    const store = await openResultsStore(database);
    await store.append(sampleRun('2026-01-31', { version: '1.1.0' }));
    await store.append(sampleRun('2026-03-31', { version: '1.2.0', shift: 4 }));
    await store.close();
    const app = await buildApp({
      pathwaysDir: resolve('pathways'),
      auditFile: ':memory:',
      editorDir: resolve('dist/editor'),
      resultsDatabase: database,
    });
    try {
      await app.listen({ host: '127.0.0.1', port: 0 });
      const address = app.server.address();
      if (address === null || typeof address === 'string') throw new Error('no port');
      await page.goto(`http://127.0.0.1:${address.port}/?view=results&pathway=chronic-pain`);
      await page.getByTestId('results-view').waitFor();
      await expectClean();
      await page.evaluate(() => window.localStorage.setItem('vardprogram.language', 'da'));
      await page.reload();
      await page.getByTestId('results-view').waitFor();
      await expectClean();
    } finally {
      await app.close();
      await rm(dir, { recursive: true, force: true });
    }
    expect(errors).toEqual([]);
  });
});
