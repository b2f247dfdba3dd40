import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { processChunk } from '../../engine/cohort/process';
import { cohortReport, type CohortReport } from '../../engine/cohort/report';
import { compilePopulation } from '../../engine/fast/compile';
import { synthPatients } from '../../engine/synth/population';
import { parsePathway } from '../../engine/yaml/parse';
import { useBrowserSession, type Service } from './harness';

let service: Service;
let page: Page;
let errors: string[];
useBrowserSession((session) => ({ service, page, errors } = session));

const AS_OF = '2026-11-23';

/** 200 synthetic patients run through chronic-pain 1.1.0 by the cohort command's own code. */
async function smallCohort(): Promise<CohortReport> {
  const file = join('pathways', 'chronic-pain', '1.1.0.yaml');
  const pathway = parsePathway(await readFile(file, 'utf8'), '1.1.0.yaml');
  const lines = [...synthPatients(200, 7, AS_OF)].map((p) => JSON.stringify(p)).join('\n');
  const settings = { format: 'ndjson' as const, asOf: AS_OF, by: 'healthCentre', badLineLimit: 5 };
  const counts = processChunk(compilePopulation(pathway), undefined, settings, lines, 1);
  return cohortReport(pathway, counts, { asOf: AS_OF, by: 'healthCentre', title: 'Chronic pain' });
}

describe('the cohort overlay in a real browser', () => {
  it('refuses a cohort of another version, then shows the counts of the right one on steps and edges', async () => {
    const report = await smallCohort();
    expect(report.totals.patients).toBe(200);
    const dir = await mkdtemp(join(tmpdir(), 'vardprogram-cohort-'));
    const good = join(dir, 'cohort.json');
    const wrong = join(dir, 'old-cohort.json');
    await writeFile(good, JSON.stringify(report));
    await writeFile(
      wrong,
      JSON.stringify({ ...report, pathway: { ...report.pathway, version: '1.0.0' } }),
    );
    // The step and the transition with the most patients.
    const [stepId, step] = Object.entries(report.all.steps).sort(
      (a, b) => b[1].final - a[1].final,
    )[0] ?? ['', { final: 0 }];
    const [key, taken] = Object.entries(report.all.transitions).sort((a, b) => b[1] - a[1])[0] ?? [
      '',
      0,
    ];
    const edgeId = key.startsWith('globalTransitions')
      ? `g:${/\[(\d+)\]/.exec(key)?.[1] ?? ''}`
      : `t:${key.replace(/^steps\.(.+)\.transitions\[(\d+)\]$/, '$1:$2')}`;
    expect(step.final).toBeGreaterThan(0);
    expect(taken).toBeGreaterThan(0);

    await page.goto(`${service.url}/?pathway=chronic-pain&version=1.1.0`);
    await page.getByTestId(`rf__node-${stepId}`).waitFor();
    await page.getByTestId('language').selectOption('en');

    await page.getByTestId('cohort-file').setInputFiles(wrong);
    await expect(page.getByTestId('cohort-error').textContent()).resolves.toContain(
      'pathway.version',
    );
    await expect(page.locator('.cohort-badge').count()).resolves.toBe(0);

    await page.getByTestId('cohort-file').setInputFiles(good);
    await page.getByTestId('cohort-summary').waitFor();
    await expect(page.getByTestId('cohort-error').count()).resolves.toBe(0);
    const nodeBadge = page.getByTestId(`rf__node-${stepId}`).locator('.cohort-badge');
    await expect(nodeBadge.getAttribute('data-patients')).resolves.toBe(String(step.final));
    const edgeBadge = page.getByTestId(`edge-label-${edgeId}`).locator('.cohort-badge');
    await expect(edgeBadge.getAttribute('data-patients')).resolves.toBe(String(taken));
    await expect(edgeBadge.textContent()).resolves.toContain(String(taken));

    // One health centre: the counts are that centre's.
    const centre = Object.keys(report.groups).sort()[0] ?? '';
    await page.getByTestId('cohort-centre').selectOption(centre);
    const centreCount = report.groups[centre]?.steps[stepId]?.final ?? 0;
    if (centreCount > 0)
      await expect(nodeBadge.getAttribute('data-patients')).resolves.toBe(String(centreCount));

    await page.getByTestId('clear-cohort').click();
    await expect(page.locator('.cohort-badge').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });
});
