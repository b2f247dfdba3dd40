/** The HTML cohort report names what the pathway has: its steps, its alerts by severity, in its labels. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cohortHtml } from '../../engine/cohort/html';
import { cohortReport } from '../../engine/cohort/report';
import type { Language, Pathway } from '../../engine/model/types';
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

async function reportHtml(pathway: Pathway, language: Language = 'en'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cohort-html-'));
  const file = join(dir, 'patients.ndjson');
  await writeFile(file, LINES.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const settings = { format: 'ndjson' as const, asOf: AS_OF, by: 'healthCentre', badLineLimit: 10 };
  const counts = await runCohort({ pathway, file, settings, workers: 0 });
  return cohortHtml(
    cohortReport(pathway, counts, { asOf: AS_OF, by: 'healthCentre', title: 'x', language }),
  );
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
    expect(html).toContain('Alerts (warning) per 1 000 patients per health centre');
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
    expect(html).toContain('Critical alerts per 1 000 patients per health centre');
  });

  it("draws a bar per step of the pathway, labelled with the step titles in the report's language", async () => {
    const chartOf = (html: string): string => {
      const start = html.indexOf('data-chart="patients-per-step"');
      return html.slice(start, html.indexOf('</svg>', start));
    };
    const en = chartOf(await reportHtml(miniPathway()));
    const sv = chartOf(await reportHtml(miniPathway(), 'sv'));
    for (const id of ['start', 'treat', 'done', 'flagged']) {
      expect(en).toContain(`>Step ${id}<`);
      expect(sv).toContain(`>Steg ${id}<`);
    }
  });

  it('names alerts by their title from the file, and by their id when the file gives none', async () => {
    const mini = miniPathway();
    const pathway = {
      ...mini,
      alerts: mini.alerts.map((a) =>
        a.id === 'high-score' ? { ...a, title: { sv: 'Hög poäng', en: 'High score' } } : a,
      ),
    };
    expect(seriesOf(await reportHtml(pathway), 'alerts-per-1000')).toEqual(['High score']);
    expect(seriesOf(await reportHtml(pathway, 'sv'), 'alerts-per-1000')).toEqual(['Hög poäng']);
    expect(seriesOf(await reportHtml(miniPathway()), 'alerts-per-1000')).toEqual(['high-score']);
  });
});
