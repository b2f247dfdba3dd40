/**
 * The indicator section of the cohort report page, drawn by the results report's own pieces
 * (engine/results/html): per indicator its direction and target, the funnel plot of the run
 * when there are groups, and the indicator table. The report's figures are already suppressed.
 */
import type { Texts } from '../model/types';
import { formatFor } from '../results/html/format';
import { funnelSvg } from '../results/html/funnel-plot';
import { indicatorTableHtml } from '../results/html/table';
import { RESULTS_WORDS } from '../results/words';
import type {
  GroupFigures,
  IndicatorPoint,
  IndicatorSeries,
  ResultsReport,
} from '../results/types';
import type { CohortIndicator } from './indicator-figures';
import type { CohortReport } from './report';
import { escapeXml } from './svg';
import { groupLabel, type CohortWords } from './words';

/** The run's point of indicator `id`: all, and the groups by their shown names. */
function point(report: CohortReport, id: string, words: CohortWords): IndicatorPoint | undefined {
  const region = report.all.indicators?.[id];
  if (region === undefined) return undefined;
  const centres: Record<string, GroupFigures> = {};
  // Without --by the one group is everyone: it is the region.
  if (report.by !== null)
    for (const [name, g] of Object.entries(report.groups)) {
      const figures = g.indicators?.[id];
      if (figures !== undefined) centres[groupLabel(name, words)] = figures;
    }
  return { run: 0, asOf: report.asOf, version: report.pathway.version, region, centres };
}

function series(
  id: string,
  indicator: CohortIndicator,
  p: IndicatorPoint,
  report: CohortReport,
): IndicatorSeries {
  const title: Texts = {};
  title[report.language] = indicator.title;
  const out: IndicatorSeries = {
    id,
    title,
    label: indicator.title,
    direction: indicator.direction,
    references: indicator.references,
    points: [p],
    funnel: indicator.funnel,
  };
  if (indicator.target !== undefined) out.target = indicator.target;
  return out;
}

/** The section, or '' when the pathway declares no indicators. */
export function indicatorSectionHtml(report: CohortReport, words: CohortWords): string {
  const indicators = report.indicators;
  if (indicators === undefined) return '';
  const lang = report.language;
  const w = RESULTS_WORDS[lang];
  // The tables mark a hidden count with the results' word; say once what it means.
  const note = `${w.suppressed}: ${w.suppressedTitle(report.minCell)}.`;
  const parts = Object.entries(indicators).map(([id, indicator]) => {
    const p = point(report, id, words);
    const about = [
      words.direction[indicator.direction],
      ...(indicator.target === undefined
        ? []
        : [`${words.target} ${formatFor(lang).share(indicator.target)}`]),
    ].join('; ');
    const head = `<h3 data-indicator="${escapeXml(id)}">${escapeXml(indicator.title)}</h3><p>${escapeXml(about)}</p>${indicator.description === undefined ? '' : `<p>${escapeXml(indicator.description)}</p>`}`;
    if (p === undefined) return head;
    const s = series(id, indicator, p, report);
    const centres = Object.keys(p.centres);
    // The funnel plot reads only the centres of the report it is given: the run's groups.
    const view: ResultsReport = {
      pathwayId: report.pathway.id,
      lang,
      minCell: report.minCell,
      by: report.by,
      runs: [],
      versionBreaks: [],
      centres,
      indicators: [s],
    };
    const funnel =
      centres.length > 0 && indicator.funnel !== null
        ? funnelSvg(view, id, indicator.title, p, indicator.funnel, lang)
        : '';
    return `${head}${funnel}${indicatorTableHtml(s, { lang, minCell: report.minCell, by: report.by })}`;
  });
  return `<h2>${escapeXml(words.indicators)}</h2><p>${escapeXml(words.indicatorsCaption)}</p>${parts.join('')}<p>${escapeXml(note)}</p>`;
}
