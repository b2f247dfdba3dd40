/**
 * The cohort report's indicators go the results route (resultsReport of the run): the same
 * figures as `pathway report` gives for that run, standardised ratios when the pathway declares
 * a case mix, and the funnel plot only when the run is grouped.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cohortHtml } from '../../engine/cohort/html';
import { indicatorCsv } from '../../engine/cohort/indicator-csv';
import { cohortReport } from '../../engine/cohort/report';
import { indicatorRun } from '../../engine/cohort/run';
import { findVersion, loadRepository } from '../../engine/node/repository';
import { runCohort } from '../../engine/node/cohort-run';
import { resultsReport } from '../../engine/results/report';
import { synthPatients } from '../../engine/synth/population';

const AS_OF = '2026-11-23';
const repo = await loadRepository(join(process.cwd(), 'pathways'));
const { pathway } = findVersion(repo, 'chronic-pain', { version: '1.3.0', asOf: AS_OF });

async function population(by: string | undefined) {
  const dir = await mkdtemp(join(tmpdir(), 'cohort-figures-'));
  const file = join(dir, 'p.ndjson');
  // Every other patient's sex given, so that part of the case mix is known and part is not.
  const lines = [...synthPatients(2000, 4, AS_OF)].map((l, i) =>
    JSON.stringify(
      i % 2 === 0 ? { ...l, facts: { ...l.facts, sex: i % 4 === 0 ? 'female' : 'male' } } : l,
    ),
  );
  await writeFile(file, `${lines.join('\n')}\n`);
  const settings = { format: 'ndjson' as const, asOf: AS_OF, by, badLineLimit: 5 };
  const counts = await runCohort({ pathway, file, settings, workers: 0 });
  return { counts, report: cohortReport(pathway, counts, { asOf: AS_OF, by, title: 't' }) };
}

describe('the indicators of a cohort report', () => {
  it('are the figures the results report gives for the same run, group by group', async () => {
    const { counts, report } = await population('healthCentre');
    const run = indicatorRun(pathway, counts, {
      asOf: AS_OF,
      by: 'healthCentre',
      contentHash: 'sha256:x',
      createdAt: '2026-11-23T00:00:00Z',
    });
    const results = resultsReport([run]);
    expect(results.indicators.length).toBeGreaterThan(0);
    for (const series of results.indicators) {
      const point = series.points[0];
      expect(report.all.indicators?.[series.id]).toEqual(point?.region);
      for (const [centre, figures] of Object.entries(point?.centres ?? {}))
        expect(report.groups[centre]?.indicators?.[series.id]).toEqual(figures);
      expect(report.indicators?.[series.id]?.funnel).toEqual(series.funnel);
    }
  });

  it('carry standardised ratios per centre when the pathway declares a case mix, in JSON, CSV and HTML', async () => {
    const { report } = await population('healthCentre');
    const centres = Object.values(report.groups);
    const standardised = centres.flatMap((g) =>
      Object.values(g.indicators ?? {}).map((f) => f.standardised),
    );
    expect(standardised.length).toBeGreaterThan(0);
    expect(standardised.every((s) => s !== undefined)).toBe(true);
    expect(standardised.some((s) => typeof s === 'object' && s.ratio !== null)).toBe(true);
    // Patients without a sex are left out of the standardisation, and counted as such.
    expect(standardised.some((s) => typeof s === 'object' && s.excludedUnknown > 0)).toBe(true);
    const csv = indicatorCsv(report)?.split('\n') ?? [];
    expect(csv[0]).toContain(',funnel,standardisedRatio,standardisedRate,');
    expect(
      csv.some((line) => /,(inside|above-95|below-95|above-99\.8|below-99\.8),\d/.test(line)),
    ).toBe(true);
    const html = cohortHtml(report);
    expect(html).toContain('Standardised ratio (O/E)');
    expect(html).toContain('Case mix unknown');
    expect(html).toContain('data-chart="funnel"');
  });

  it('draw no funnel plot for a run that is not grouped, only the table of all', async () => {
    const { report } = await population(undefined);
    const html = cohortHtml(report);
    expect(html).toContain('<table class="indicator"');
    expect(html).not.toContain('data-chart="funnel"');
    expect(
      indicatorCsv(report)
        ?.split('\n')
        .slice(1, -1)
        .every((l) => l.startsWith('all,')),
    ).toBe(true);
  });

  it('refuse a centre named all, the name the run keeps for the whole population', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cohort-figures-'));
    const file = join(dir, 'p.ndjson');
    const [line] = [...synthPatients(1, 1, AS_OF)];
    await writeFile(file, `${JSON.stringify({ ...line, healthCentre: 'all' })}\n`);
    const settings = {
      format: 'ndjson' as const,
      asOf: AS_OF,
      by: 'healthCentre',
      badLineLimit: 5,
    };
    const counts = await runCohort({ pathway, file, settings, workers: 0 });
    expect(() =>
      cohortReport(pathway, counts, { asOf: AS_OF, by: 'healthCentre', title: 't' }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});
