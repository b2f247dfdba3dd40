/**
 * Cohort counts checked against a population worked out by hand (see population.ts): who
 * ends where, which transitions and alerts count, what needs information, what is overdue,
 * and which lines are reported as bad with their line numbers.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cohortReport } from '../../engine/cohort/report';
import { runCohort } from '../../engine/node/cohort-run';
import { findVersion, loadRepository } from '../../engine/node/repository';
import { HAND_AS_OF, HAND_NDJSON } from './population';

const repo = await loadRepository(join(process.cwd(), 'pathways'));
const { pathway } = findVersion(repo, 'chronic-pain', { asOf: HAND_AS_OF });
const dir = await mkdtemp(join(tmpdir(), 'cohort-'));
const file = join(dir, 'patients.ndjson');
await writeFile(file, HAND_NDJSON);
const settings = {
  format: 'ndjson' as const,
  asOf: HAND_AS_OF,
  by: 'healthCentre',
  badLineLimit: 10,
};
const report = cohortReport(pathway, await runCohort({ pathway, file, settings, workers: 0 }), {
  asOf: HAND_AS_OF,
  by: 'healthCentre',
  title: 'chronic pain',
});

describe('cohort aggregation', () => {
  it('counts patients per final step as worked out by hand', () => {
    const finals = Object.fromEntries(
      Object.entries(report.all.steps)
        .filter(([, s]) => s.final > 0)
        .map(([id, s]) => [id, s.final]),
    );
    expect(finals).toEqual({
      'intake-assessment': 1,
      'red-flag-investigation': 1,
      'pathway-exit': 3,
    });
    expect(report.all.steps['intake-assessment']?.visited).toBe(5);
    expect(report.totals).toEqual({ lines: 7, patients: 5, badLines: 2 });
  });

  it('counts transitions under their trace source keys', () => {
    const taken = Object.fromEntries(
      Object.entries(report.all.transitions).filter(([, n]) => n > 0),
    );
    expect(taken).toEqual({
      'globalTransitions[0]': 1,
      'globalTransitions[2]': 1,
      'steps.intake-assessment.transitions[2]': 2,
    });
  });

  it('counts alerts, needs-information and overdue measures per health centre', () => {
    const a = report.groups['vc-a'];
    const b = report.groups['vc-b'];
    const fired = (g: typeof a): Record<string, number> =>
      Object.fromEntries(
        Object.entries(g?.alerts ?? {})
          .filter(([, x]) => x.count > 0)
          .map(([id, x]) => [id, x.count]),
      );
    expect(a?.patients).toBe(2);
    expect(b?.patients).toBe(3);
    expect(fired(a)).toEqual({ 'red-flag': 1 });
    expect(fired(b)).toEqual({ 'opioid-benzodiazepine': 1, 'opioid-dose-very-high': 1 });
    expect(b?.alerts['opioid-dose-very-high']?.per1000).toBe(333.3);
    expect(a?.needsInformation).toEqual({ count: 0, share: 0 });
    expect(b?.needsInformation.count).toBe(1);
    expect(b?.missingFacts).toEqual({ painDurationMonths: 1 });
    expect(b?.followUps['intake-baseline']).toEqual({ due: 0, overdue: 1, overduePer1000: 333.3 });
  });

  it('reports bad lines with their line numbers and the engine error', () => {
    expect(report.badLines.map((b) => b.line)).toEqual([6, 8]);
    expect(report.badLines[0]?.message).toMatch(/^UNKNOWN_FACT facts\.ompsqShrt/);
    expect(report.badLines[1]?.message).toMatch(/^not readable/);
  });
});
