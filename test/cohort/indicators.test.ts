/** Indicator counts of a cohort run: hand-computed arithmetic, merging, workers and the report. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyCounts, mergeCounts, countResult } from '../../engine/cohort/counts';
import { cohortReport } from '../../engine/cohort/report';
import { indicatorRun } from '../../engine/cohort/run';
import type { WorklistRow } from '../../engine/cohort/worklist';
import type { Outcome } from '../../engine/evaluate/outcome';
import { runCohort } from '../../engine/node/cohort-run';
import { wilsonInterval } from '../../engine/results/stats';
import { synthPatients } from '../../engine/synth/population';
import { indicatorPathway, IND_AS_OF, IND_NDJSON } from './indicator-population';

const pathway = await indicatorPathway();
const settings = {
  format: 'ndjson' as const,
  asOf: IND_AS_OF,
  by: 'healthCentre',
  badLineLimit: 5,
};

async function file(text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cohort-indicators-'));
  const path = join(dir, 'p.ndjson');
  await writeFile(path, text);
  return path;
}

const counts = (denominator: number, numerator: number, nu = 0, du = 0) => ({
  denominator,
  numerator,
  numeratorUnknown: nu,
  denominatorUnknown: du,
});

describe('indicator counts of a cohort', () => {
  it('add up each centre as worked out by hand: an incomplete MME sum under 50 is numerator-unknown, one of 60 counts', async () => {
    const run = await runCohort({ pathway, file: await file(IND_NDJSON), settings, workers: 0 });
    expect(run.groups['vc-a']?.indicators).toEqual({
      'opioid-mme-50': counts(4, 2, 1, 0),
      'opioid-benzodiazepine': counts(4, 0),
      screened: counts(2, 1, 1, 1),
    });
    expect(run.groups['vc-b']?.indicators).toEqual({
      'opioid-mme-50': counts(1, 1, 0, 1),
      'opioid-benzodiazepine': counts(1, 1, 0, 1),
      screened: counts(1, 1, 0, 1),
    });
  });

  it('report the rates of decided patients with Wilson intervals and funnel positions, unknowns beside them, when nothing is suppressed', async () => {
    const run = await runCohort({ pathway, file: await file(IND_NDJSON), settings, workers: 0 });
    const report = cohortReport(pathway, run, {
      asOf: IND_AS_OF,
      by: 'healthCentre',
      title: 't',
      minCell: 1,
    });
    const mme = report.groups['vc-a']?.indicators?.['opioid-mme-50'];
    // 4 in the denominator, 1 of them unknown: the rate is 2 of the 3 decided.
    expect(mme).toEqual({
      denominator: 4,
      decided: 3,
      numerator: 2,
      numeratorUnknown: 1,
      denominatorUnknown: 0,
      rate: 2 / 3,
      interval: wilsonInterval(2, 3),
      // 2 of 3 against the region's 3 of 4: well inside the funnel.
      funnel: 'inside',
      suppressed: {},
    });
    expect(report.all.indicators?.['opioid-mme-50']).toMatchObject({
      denominator: 5,
      numerator: 3,
      numeratorUnknown: 1,
      denominatorUnknown: 1,
      rate: 0.75,
      interval: wilsonInterval(3, 4),
      // The region is the funnel's centre line, not a point in it.
      funnel: null,
    });
    expect(report.all.indicators?.screened).toMatchObject({
      denominator: 3,
      decided: 2,
      numerator: 2,
      denominatorUnknown: 2,
      rate: 1,
    });
    expect(report.indicators?.screened).toMatchObject({
      title: 'Chronic-pain patients screened (ÖMPSQ)',
      direction: 'higher-is-better',
      target: 0.9,
      references: ['linton-2011-ompsq-short'],
      funnel: { asOf: IND_AS_OF, target: 1 },
    });
  });

  it('give the labels and the figures in the report language, from the file', async () => {
    const run = await runCohort({ pathway, file: await file(IND_NDJSON), settings, workers: 0 });
    const report = cohortReport(pathway, run, {
      asOf: IND_AS_OF,
      by: 'healthCentre',
      title: 't',
      language: 'da',
    });
    expect(report.indicators?.['opioid-mme-50']?.title).toBe('Opioidbrugere på ≥ 50 MME/døgn');
  });

  it('suppress every count under the minimum cell size, and the rate, interval and funnel position with it', async () => {
    const run = await runCohort({ pathway, file: await file(IND_NDJSON), settings, workers: 0 });
    const report = cohortReport(pathway, run, { asOf: IND_AS_OF, by: 'healthCentre', title: 't' });
    expect(report.minCell).toBe(5);
    const mme = report.groups['vc-a']?.indicators?.['opioid-mme-50'];
    expect(mme).toMatchObject({
      denominator: null,
      numerator: null,
      numeratorUnknown: null,
      rate: null,
      interval: null,
      funnel: null,
    });
    expect(mme?.suppressed.denominator).toBe('small');
    // The region's 5 is shown; its numerator (3 yes, 1 no) is not.
    expect(report.all.indicators?.['opioid-mme-50']).toMatchObject({
      denominator: 5,
      numerator: null,
      rate: null,
    });
    expect(report.indicators?.['opioid-mme-50']?.funnel).toBeNull();
  });

  it('give the one group of a report without --by no figures of its own: they are all’s', async () => {
    const run = await runCohort({
      pathway,
      file: await file(IND_NDJSON),
      settings: { ...settings, by: undefined },
      workers: 0,
    });
    const report = cohortReport(pathway, run, { asOf: IND_AS_OF, by: undefined, title: 't' });
    expect(report.all.indicators?.['opioid-mme-50']?.denominator).toBe(5);
    for (const g of Object.values(report.groups)) expect(g.indicators).toBeUndefined();
  });

  it('leave the report without an indicator section for a pathway that declares none', async () => {
    const { indicators: _, ...plain } = pathway;
    const run = await runCohort({
      pathway: plain,
      file: await file(IND_NDJSON),
      settings,
      workers: 0,
    });
    const report = cohortReport(plain, run, { asOf: IND_AS_OF, by: 'healthCentre', title: 't' });
    expect(report.indicators).toBeUndefined();
    expect(report.all.indicators).toBeUndefined();
    expect(run.groups['vc-a']?.indicators).toEqual({});
  });

  it('are the same, with the same worklist rows in the same order, on two worker threads (slow writes) and on none', async () => {
    const lines = [...synthPatients(3000, 5, IND_AS_OF)].map((l) => JSON.stringify(l));
    const path = await file(`${lines.join('\n')}\n`);
    const once = async (workers: number) => {
      const rows: WorklistRow[] = [];
      const run = await runCohort({
        pathway,
        file: path,
        settings,
        workers,
        chunkBytes: 32 * 1024,
        onWorklist: async (r) => {
          // Slow writes on the threaded run: rows must wait, in order, not pile up or get lost.
          if (workers > 0) await new Promise((done) => setTimeout(done, 2));
          rows.push(...r);
        },
      });
      const report = cohortReport(pathway, run, {
        asOf: IND_AS_OF,
        by: 'healthCentre',
        title: 't',
      });
      return { report: JSON.stringify(report), rows: JSON.stringify(rows), count: rows.length };
    };
    const inline = await once(0);
    const threaded = await once(2);
    expect(threaded.report).toBe(inline.report);
    expect(threaded.rows).toBe(inline.rows);
    expect(inline.count).toBeGreaterThan(100);
    expect(JSON.parse(inline.report).all.indicators['opioid-mme-50'].denominator).toBeGreaterThan(
      0,
    );
  });
});

describe('merging indicator counts', () => {
  const outcome = {
    status: 'settled',
    step: 's',
    path: ['s'],
    taken: [],
    alerts: [],
    undecidedAlerts: [],
    missingFacts: [],
    followUps: [],
  } as unknown as Outcome;

  it('adds numerators, denominators, unknowns and strata, whatever the split', () => {
    const member = (d: 'true' | 'false' | 'unknown', n: 'true' | 'false' | 'unknown') => [
      { id: 'x', denominator: d, numerator: n, missingFacts: [] },
    ];
    const one = emptyCounts();
    const a = emptyCounts();
    const b = emptyCounts();
    const patients = [
      [member('true', 'true'), 'age:18-44'],
      [member('true', 'false'), 'age:18-44'],
      [member('true', 'unknown'), 'age:45-64'],
      [member('unknown', 'unknown'), 'unknown'],
      [member('false', 'false'), 'age:45-64'],
      [member('true', 'true'), 'unknown'],
    ] as const;
    patients.forEach(([m, stratum], i) => {
      countResult(one, 'c', outcome, m, stratum);
      countResult(i % 2 === 0 ? a : b, 'c', outcome, m, stratum);
    });
    const merged = emptyCounts();
    mergeCounts(merged, b, 5);
    mergeCounts(merged, a, 5);
    expect(merged.groups['c']?.indicators).toEqual(one.groups['c']?.indicators);
    expect(one.groups['c']?.indicators['x']).toEqual({
      denominator: 4,
      numerator: 2,
      numeratorUnknown: 1,
      denominatorUnknown: 1,
      strata: {
        'age:18-44': { denominator: 2, numerator: 1 },
        unknown: { denominator: 1, numerator: 1 },
      },
    });
  });
});

describe('the run kept in the results store', () => {
  it('holds per centre and for all the counts as counted, the indicator definitions and no patient', async () => {
    const run = await runCohort({ pathway, file: await file(IND_NDJSON), settings, workers: 0 });
    const stored = indicatorRun(pathway, run, {
      asOf: IND_AS_OF,
      by: 'healthCentre',
      contentHash: 'sha256:00',
      createdAt: '2026-11-23T10:00:00.000Z',
    });
    expect(Object.keys(stored.groups)).toEqual(['vc-a', 'vc-b', 'all']);
    expect(stored.groups['all']?.indicators['opioid-mme-50']).toEqual(counts(5, 3, 1, 1));
    expect(stored.groups['vc-a']?.patients).toBe(4);
    expect(stored.indicators.map((i) => i.id)).toEqual([
      'opioid-mme-50',
      'opioid-benzodiazepine',
      'screened',
    ]);
    expect(JSON.stringify(stored)).not.toMatch(/"a1"|"b2"/);
    const whole = indicatorRun(pathway, run, {
      asOf: IND_AS_OF,
      by: undefined,
      contentHash: 'sha256:00',
      createdAt: '2026-11-23T10:00:00.000Z',
    });
    expect(Object.keys(whole.groups)).toEqual(['all']);
  });
});
