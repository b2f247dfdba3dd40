import { describe, expect, it } from 'vitest';
import { resultsReport } from '../../engine/results';
import { BENZO, counts, REVIEW, run } from './runs';

const months = ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30'];
const series = months.map((asOf, i) =>
  run(asOf, i < 2 ? '1.2.0' : '1.3.0', {
    opioidReview: {
      'vc-a': counts(200, 80 + i * 20, 10, 6),
      'vc-b': counts(150, 90, 0, 0),
      'vc-c': counts(60, 3, 0, 0),
      'vc-d': counts(40, 20, 0, 0),
    },
  }),
);

describe('resultsReport', () => {
  it('orders runs by as-of date and marks each change of version on the time axis', () => {
    const report = resultsReport([...series].reverse());
    expect(report.runs.map((r) => r.asOf)).toEqual(months);
    expect(report.versionBreaks).toEqual([{ asOf: '2026-03-31', from: '1.2.0', to: '1.3.0' }]);
  });

  it('gives each centre its rate over decided patients with a Wilson interval and unknowns apart', () => {
    const report = resultsReport(series);
    const a = report.indicators[0]?.points[0]?.centres['vc-a'];
    expect(a).toMatchObject({
      denominator: 200,
      decided: 190,
      numerator: 80,
      numeratorUnknown: 10,
    });
    expect(a?.denominatorUnknown).toBe(6);
    expect(a?.rate).toBeCloseTo(80 / 190, 12);
    expect(a?.interval?.lower).toBeLessThan(a?.rate ?? 0);
  });

  it('places centres against the funnel around the regional rate', () => {
    const report = resultsReport(series);
    const p = report.indicators[0]?.points[3];
    expect(p?.centres['vc-b']?.funnel).toBe('inside');
    expect(p?.centres['vc-a']?.funnel).toBe('above-99.8');
    expect(report.indicators[0]?.funnel?.target).toBeCloseTo(p?.region.rate ?? -1, 12);
    expect(report.indicators[0]?.funnel?.limits.length).toBeGreaterThan(20);
  });

  it('hides a small numerator and its rate, interval and funnel position', () => {
    const report = resultsReport(series);
    const c = report.indicators[0]?.points[0]?.centres['vc-c'];
    expect(c).toMatchObject({ numerator: null, rate: null, interval: null, funnel: null });
    // The region minus the others would give it away, so the smallest other goes too.
    expect(report.indicators[0]?.points[0]?.centres['vc-d']?.suppressed.numerator).toBe(
      'complement',
    );
    expect(report.minCell).toBe(5);
  });

  it('labels indicators in the asked language from the runs', () => {
    expect(resultsReport(series, { lang: 'sv' }).indicators[0]?.label).toBe(
      'Andel opioidanvändare med uppföljning inom 90 dagar',
    );
  });

  it('keeps an indicator that only later runs have, with points from those runs only', () => {
    const runs = [
      series[0]!,
      run(
        '2026-02-28',
        '1.3.0',
        { opioidReview: { 'vc-a': counts(100, 50) }, opioidBenzo: { 'vc-a': counts(100, 20) } },
        [REVIEW, BENZO],
      ),
    ];
    const report = resultsReport(runs);
    expect(report.indicators.map((i) => i.id)).toEqual(['opioidReview', 'opioidBenzo']);
    expect(report.indicators[1]?.points.map((p) => p.asOf)).toEqual(['2026-02-28']);
  });

  it('standardises a centre when the runs have case-mix strata', () => {
    const a = {
      ...counts(100, 55),
      strata: {
        young: { denominator: 50, numerator: 10 },
        old: { denominator: 50, numerator: 45 },
      },
    };
    const b = {
      ...counts(200, 85),
      strata: {
        young: { denominator: 50, numerator: 10 },
        old: { denominator: 150, numerator: 75 },
      },
    };
    const report = resultsReport([run('2026-01-31', '1.3.0', { opioidReview: { a, b } })]);
    const s = report.indicators[0]?.points[0]?.centres['a']?.standardised;
    // Region: young 20/100, old 120/200; E(a) = 0.2·50 + 0.6·50 = 40, O = 55.
    expect(s).toMatchObject({ observed: 55, excludedUnknown: 0 });
    expect(s !== 'suppressed' && s?.ratio).toBeCloseTo(1.375, 10);
  });

  it('refuses runs of two pathways', () => {
    const other = { ...series[1]!, pathwayId: 'low-back' };
    expect(() => resultsReport([series[0]!, other])).toThrow(/more than one pathway/);
  });
});

describe('resultsReport of a broken run', () => {
  it('refuses a run that lists an indicator without regional counts for it', () => {
    const broken = run('2026-01-31', '1.3.0', { opioidReview: { a: counts(50, 20) } });
    delete broken.groups['all'];
    expect(() => resultsReport([broken])).toThrow(/group 'all' has no counts/);
  });
});
