/**
 * `resultsHtml`: the results report as one self-contained HTML page — no script, no network,
 * inline SVG charts. Per indicator: the time series, the funnel plot of the latest run, the
 * table of the latest run and the chart's data as a table. Every number comes from the
 * report, which has already suppressed small cells.
 */
import { escapeXml } from '../../cohort/svg';
import type { Language } from '../../model/types';
import { pickText } from '../../model/texts';
import type { IndicatorSeries, ResultsReport } from '../types';
import { RESULTS_WORDS } from '../words';
import { formatFor } from './format';
import { funnelSvg } from './funnel-plot';
import { indicatorTableHtml, seriesDataTableHtml } from './table';
import { timeSeriesSvg } from './time-series';

/** Options of {@link resultsHtml}. */
export interface ResultsHtmlOptions {
  /** Language of every word (default: the report's). */
  lang?: Language;
  /** Link to the semantic diff between two versions ("what changed"). */
  diffHref?: (from: string, to: string) => string;
}

const STYLE = `body{font-family:system-ui,sans-serif;margin:2rem;max-width:72rem;color:#111}
section{margin-bottom:3rem}table{border-collapse:collapse;margin:.75rem 0}
th,td{border-bottom:1px solid #ccc;padding:.25rem .6rem;text-align:left}.n{text-align:right}
caption{text-align:left;font-weight:600;padding:.25rem 0}tr.region{font-weight:600}
td.suppressed{color:#666;font-style:italic}svg{max-width:100%;height:auto;font-size:12px}
svg text{fill:#222}.method{color:#333;max-width:60rem}`;

function indicatorSection(
  report: ResultsReport,
  series: IndicatorSeries,
  lang: Language,
  diffHref: ResultsHtmlOptions['diffHref'],
): string {
  const w = RESULTS_WORDS[lang];
  const f = formatFor(lang);
  const label = pickText(series.title, lang);
  const about = [
    series.description === undefined ? '' : pickText(series.description, lang),
    series.direction === 'higher-is-better' ? w.higherIsBetter : w.lowerIsBetter,
    series.target === undefined ? '' : `${w.target}: ${f.share(series.target)}.`,
  ].filter((t) => t !== '');
  const latest = series.points[series.points.length - 1];
  const parts = [
    `<h2>${escapeXml(label)}</h2>`,
    `<p>${escapeXml(about.join(' '))}</p>`,
    timeSeriesSvg(
      report,
      series,
      diffHref === undefined ? { lang, label } : { lang, label, diffHref },
    ),
  ];
  // A funnel compares groups: a run of the whole region alone has none.
  if (latest !== undefined && series.funnel !== null && report.centres.length > 0)
    parts.push(funnelSvg(report, series.id, label, latest, series.funnel, lang));
  parts.push(indicatorTableHtml(series, { lang, minCell: report.minCell, by: report.by }));
  parts.push(
    `<details><summary>${escapeXml(w.chartData)}</summary>${seriesDataTableHtml(series, report.centres, lang, report.minCell)}</details>`,
  );
  if (series.references.length > 0)
    parts.push(
      `<p class="sources">${escapeXml(w.sources)}: ${series.references.map(escapeXml).join('; ')}</p>`,
    );
  return `<section data-indicator="${escapeXml(series.id)}">${parts.join('')}</section>`;
}

/** The version changes with their "what changed" links. */
function versionList(
  report: ResultsReport,
  lang: Language,
  diffHref: ResultsHtmlOptions['diffHref'],
): string {
  if (report.versionBreaks.length === 0) return '';
  const w = RESULTS_WORDS[lang];
  const items = report.versionBreaks.map((b) => {
    const text = `${b.asOf}: ${w.versionBreak(b.from, b.to)}`;
    const link =
      diffHref === undefined
        ? ''
        : ` (<a href="${escapeXml(diffHref(b.from, b.to))}">${escapeXml(w.whatChanged)}</a>)`;
    return `<li data-version-break="${escapeXml(`${b.from}→${b.to}`)}">${escapeXml(text)}${link}</li>`;
  });
  return `<h2>${escapeXml(w.versionChanges)}</h2><ul class="versions">${items.join('')}</ul>`;
}

/** The results report as a self-contained HTML page in `options.lang`. */
export function resultsHtml(report: ResultsReport, options: ResultsHtmlOptions = {}): string {
  const lang = options.lang ?? report.lang;
  const w = RESULTS_WORDS[lang];
  const first = report.runs[0];
  const last = report.runs[report.runs.length - 1];
  const body =
    first === undefined || last === undefined
      ? `<p>${escapeXml(w.noRuns)}</p>`
      : [
          `<p>${escapeXml(w.intro(report.runs.length, first.asOf, last.asOf))}</p>`,
          `<p class="method">${escapeXml(w.method(report.minCell))}</p>`,
          versionList(report, lang, options.diffHref),
          ...report.indicators.map((s) => indicatorSection(report, s, lang, options.diffHref)),
        ].join('');
  const title = w.pageTitle(report.pathwayId);
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeXml(title)}</title><style>${STYLE}</style></head>
<body><h1>${escapeXml(title)}</h1>${body}</body></html>
`;
}
