/** The HTML cohort report names what the pathway has: its steps, its alerts by severity. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cohortHtml } from '../../engine/cohort/html';
import { cohortReport } from '../../engine/cohort/report';
import type { Pathway } from '../../engine/model/types';
import { runCohort } from '../../engine/node/cohort-run';
import { miniPathway } from '../fixtures/pathways';

const AS_OF = '2026-09-01';
/** Patients of the mini pathway: high scores (alert high-score) and older patients (alert old). */
const LINES = [
  { id: '1', healthCentre: 'north', facts: { age: 70, painMonths: 6, score: 60, flags: [] } },
  { id: '2', healthCentre: 'north', facts: { age: 40, painMonths: 1, score: 10, flags: [] } },
  { id: '3', healthCentre: 'south', facts: { age: 80, painMonths: 12, score: 55, flags: [] } },
  { id: '4', healthCentre: 'south', facts: { age: 30, painMonths: 4, score: 20, flags: ['a'] } },
];

async function reportHtml(pathway: Pathway): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cohort-html-'));
  const file = join(dir, 'patients.ndjson');
  await writeFile(file, LINES.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const settings = { format: 'ndjson' as const, asOf: AS_OF, by: 'healthCentre', badLineLimit: 10 };
  const counts = await runCohort({ pathway, file, settings, workers: 0 });
  return cohortHtml(cohortReport(pathway, counts, { asOf: AS_OF, by: 'healthCentre', title: 'x' }));
}

/** The series of one grouped chart: the names in its bars' tooltips (`group — name: value`). */
function seriesOf(html: string, chart: string): string[] {
  const start = html.indexOf(`data-chart="${chart}"`);
  const svg = html.slice(start, html.indexOf('</svg>', start));
  const names = [...svg.matchAll(/<title>[^<]* — ([^<:]+): [^<]*<\/title>/g)].map(
    (m) => m[1] ?? '',
  );
  return [...new Set(names)];
}

describe('the cohort HTML report of another pathway', () => {
  it("compares the pathway's own most serious alerts between centres (its warnings when it has no critical alert)", async () => {
    const html = await reportHtml(miniPathway());
    expect(seriesOf(html, 'alerts-per-1000')).toEqual(['high-score']);
    expect(html).toContain('Alerts (warning) per 1 000 patients per healthCentre');
    expect(html).toMatch(/south — high-score: 500/);
    expect(html).not.toMatch(/opioid|benzodiazepine/);
  });

  it("shows only the pathway's critical alerts when it has some", async () => {
    const mini = miniPathway();
    const pathway = {
      ...mini,
      alerts: mini.alerts.map((a) =>
        a.id === 'old' ? { ...a, severity: 'critical' as const } : a,
      ),
    };
    const html = await reportHtml(pathway);
    expect(seriesOf(html, 'alerts-per-1000')).toEqual(['old']);
    expect(html).toContain('Critical alerts per 1 000 patients per healthCentre');
  });

  it("draws a bar per step of the pathway, by the pathway's step ids", async () => {
    const html = await reportHtml(miniPathway());
    const start = html.indexOf('data-chart="patients-per-step"');
    const chart = html.slice(start, html.indexOf('</svg>', start));
    for (const id of ['start', 'treat', 'done', 'flagged']) expect(chart).toContain(`>${id}<`);
  });
});
