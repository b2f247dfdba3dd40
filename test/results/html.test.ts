import { describe, expect, it } from 'vitest';
import { indicatorTableHtml, resultsHtml, resultsReport } from '../../engine/results';
import { BENZO, counts, REVIEW, run } from './runs';

const runs = ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30'].map((asOf, i) =>
  run(
    asOf,
    i < 2 ? '1.2.0' : '1.3.0',
    {
      opioidReview: {
        'vc-a': counts(400, 150 + i * 30, 20, 10),
        'vc-b': counts(300, 200, 0, 0),
        'vc-c': counts(250, 120, 10, 0),
      },
      opioidBenzo: {
        'vc-a': counts(400, 60),
        'vc-b': counts(300, 90),
        'vc-c': counts(250, 40),
      },
    },
    [REVIEW, BENZO],
  ),
);
const report = resultsReport(runs);

describe('resultsHtml', () => {
  it.each(['sv', 'da', 'en'] as const)(
    'draws a time series and a funnel plot per indicator in %s, titled from the runs',
    (lang) => {
      const html = resultsHtml(report, { lang });
      expect(html).toContain(`<html lang="${lang}">`);
      expect(html.match(/data-chart="time-series"/g)).toHaveLength(2);
      expect(html.match(/data-chart="funnel"/g)).toHaveLength(2);
      expect(html).toContain(REVIEW.title[lang] as string);
      expect(html).toContain(BENZO.title[lang] as string);
    },
  );

  it('writes every word in the chosen language', () => {
    expect(resultsHtml(report, { lang: 'sv' })).toContain('Täljare');
    expect(resultsHtml(report, { lang: 'da' })).toContain('Tæller');
    expect(resultsHtml(report, { lang: 'en' })).toContain('Numerator');
    expect(resultsHtml(report, { lang: 'sv' })).not.toContain('Numerator');
  });

  it('marks the version break on each time axis, labelled and linked to what changed', () => {
    const html = resultsHtml(report, {
      lang: 'en',
      diffHref: (from, to) => `/diff?from=${from}&to=${to}`,
    });
    const charts = html.match(/<svg data-chart="time-series"[\s\S]*?<\/svg>/g) ?? [];
    expect(charts).toHaveLength(2);
    for (const chart of charts) {
      expect(chart).toContain('data-version-break="1.2.0→1.3.0"');
      expect(chart).toContain('1.2.0 → 1.3.0');
      expect(chart).toContain('href="/diff?from=1.2.0&amp;to=1.3.0"');
    }
    expect(html).toMatch(/<a href="\/diff\?from=1\.2\.0&amp;to=1\.3\.0">what changed<\/a>/);
  });

  it('has no marker when the version never changes', () => {
    const one = resultsReport(runs.map((r) => ({ ...r, version: '1.3.0' })));
    expect(resultsHtml(one)).not.toContain('data-version-break');
  });

  it('is self-contained: no script and no external resource', () => {
    // The SVG namespace is a name, not a resource.
    const html = resultsHtml(report, { lang: 'en' }).replaceAll(
      'xmlns="http://www.w3.org/2000/svg"',
      '',
    );
    expect(html).not.toMatch(/<script|<link|src=|@import|https?:\/\//);
  });

  it('makes charts accessible: role="img" with a title, a description and a data table', () => {
    const html = resultsHtml(report, { lang: 'en' });
    const svgs = html.match(/<svg [^>]*>/g) ?? [];
    expect(svgs.length).toBe(4);
    for (const tag of svgs)
      expect(tag).toMatch(/role="img" aria-labelledby="[^"]+-title [^"]+-desc"/);
    expect(html.match(/data-chart-data=/g)).toHaveLength(2);
  });

  it('draws the target line and the region band', () => {
    const html = resultsHtml(report, { lang: 'en' });
    expect(html).toContain('data-target="0.8"');
    expect(html).toContain('data-band="region"');
  });
});

describe('indicatorTableHtml', () => {
  it('shows unknowns in their own columns and a suppressed cell as suppressed', () => {
    const small = resultsReport([
      run('2026-04-30', '1.3.0', {
        opioidReview: { a: counts(100, 3), b: counts(80, 40), c: counts(90, 50) },
      }),
    ]);
    const series = small.indicators[0];
    if (series === undefined) throw new Error('no indicator');
    const html = indicatorTableHtml(series, { lang: 'en', minCell: 5, by: 'healthCentre' });
    expect(html).toContain('Health centre');
    expect(html).toContain('Numerator unknown');
    expect(html).toContain('Unknown whether in denominator');
    expect(html).toContain('data-suppressed="numerator"');
    expect(html).toContain('>suppressed<');
  });
});

describe('resultsHtml of few runs', () => {
  it('says there are no runs yet when the store is empty', () => {
    expect(resultsHtml(resultsReport([]), { lang: 'da' })).toContain('Ingen kørsler gemt endnu.');
  });

  it('draws no funnel for runs of the whole region alone, but its time series and table', () => {
    const single = run('2026-04-30', '1.3.0', { opioidReview: {} });
    const html = resultsHtml(resultsReport([{ ...single, by: null }]), { lang: 'en' });
    expect(html).toContain('data-chart="time-series"');
    expect(html).not.toContain('data-chart="funnel"');
    expect(html).toContain('<tr class="region">');
  });
});
