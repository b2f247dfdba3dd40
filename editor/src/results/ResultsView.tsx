import { useEffect, useState } from 'react';
import type { GroupFigures, IndicatorSeries, ResultsReport } from '../../../engine/editor';
import {
  formatPercent,
  resultsStrings,
  type ResultsLanguage,
  type ResultsStrings,
} from '../i18n/results-strings';
import { useEditor } from '../store/store';
import { fetchResults, type ResultsAnswer } from './api';
import { ResultsChart, ResultsLegend } from './ResultsChart';
import './results.css';

function language(value: string): ResultsLanguage {
  return value === 'da' || value === 'en' ? value : 'sv';
}

/** One table cell: the rate with its counts, or why it is not shown. */
function cell(figures: GroupFigures | undefined, t: ResultsStrings, lang: ResultsLanguage): string {
  if (figures === undefined) return '–';
  if (figures.numerator === null || figures.denominator === null) return t.suppressed;
  if (figures.rate === null) return t.unknown;
  return t.rateCell(formatPercent(figures.rate, lang), figures.numerator, figures.denominator);
}

/** The text alternative of a chart: centres (and the region) by run. */
function IndicatorTable({
  report,
  indicator,
  t,
  lang,
}: {
  report: ResultsReport;
  indicator: IndicatorSeries;
  t: ResultsStrings;
  lang: ResultsLanguage;
}) {
  const rows = [
    ...report.centres.map((name) => ({
      name,
      pick: (p: IndicatorSeries['points'][number]) => p.centres[name],
    })),
    { name: t.region, pick: (p: IndicatorSeries['points'][number]) => p.region },
  ];
  return (
    <table className="results-table" data-testid={`results-table-${indicator.id}`}>
      <thead>
        <tr>
          <th scope="col">{t.centre}</th>
          {indicator.points.map((p) => (
            <th key={p.asOf} scope="col">
              {p.asOf} <span className="muted small">{p.version}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.name}>
            <th scope="row">{row.name}</th>
            {indicator.points.map((p) => (
              <td key={p.asOf}>{cell(row.pick(p), t, lang)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The results view: each indicator of a pathway over time per health centre, from the runs
 * kept in the service's results store (small cells already suppressed by the service), with
 * version breaks linking to the compare view of the two versions.
 */
export function ResultsView({ pathwayId }: { pathwayId: string }) {
  const lang = language(useEditor((s) => s.language));
  const t = resultsStrings(lang);
  const [answer, setAnswer] = useState<ResultsAnswer | null>(null);
  useEffect(() => {
    let live = true;
    setAnswer(null);
    void fetchResults(pathwayId, lang).then((a) => {
      if (live) setAnswer(a);
    });
    return () => {
      live = false;
    };
  }, [pathwayId, lang]);
  let body;
  if (answer === null) body = <p className="empty">{t.loading}</p>;
  else if ('failure' in answer)
    body = (
      <p className="banner error" role="alert" data-testid="results-error">
        {answer.failure.kind === 'no-store'
          ? t.noStore
          : answer.failure.kind === 'no-runs'
            ? t.noRuns
            : t.failed(answer.failure.message)}
      </p>
    );
  else {
    const { report } = answer;
    const first = report.runs[0]?.asOf ?? '';
    const last = report.runs[report.runs.length - 1]?.asOf ?? '';
    body = (
      <>
        <p className="muted">
          {t.runs(report.runs.length, first, last)}. {t.minCell(report.minCell)}
        </p>
        <ResultsLegend report={report} t={t} />
        {report.indicators.map((indicator) => (
          <section
            key={indicator.id}
            className="results-indicator"
            data-testid={`results-${indicator.id}`}
          >
            <h2>{indicator.label}</h2>
            <ResultsChart report={report} indicator={indicator} t={t} />
            <IndicatorTable report={report} indicator={indicator} t={t} lang={lang} />
          </section>
        ))}
      </>
    );
  }
  return (
    <main className="results-view" data-testid="results-view" lang={lang}>
      <header className="results-header">
        <h1>{t.heading(pathwayId)}</h1>
        <a href={`/?pathway=${encodeURIComponent(pathwayId)}`} data-testid="back-to-editor">
          {t.backToEditor}
        </a>
      </header>
      {body}
    </main>
  );
}
