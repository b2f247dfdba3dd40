/**
 * The indicator table: one row per centre and one for the region, the counts as the report
 * shows them (a suppressed count written as suppressed), unknowns in their own columns. The
 * results page and the single-run cohort report both render indicators with it.
 */
import { escapeXml } from '../../cohort/svg';
import type { Language } from '../../model/types';
import type { CountField } from '../stats/suppress';
import { pickText } from '../../model/texts';
import type { GroupFigures, IndicatorPoint, IndicatorSeries } from '../types';
import { RESULTS_WORDS } from '../words';
import { formatFor } from './format';

/** Options of {@link indicatorTableHtml}. */
export interface IndicatorTableOptions {
  lang: Language;
  /** The minimum cell size the counts were suppressed with (named in the suppressed cells). */
  minCell: number;
  /** What the groups are (`healthCentre` is named in words; anything else as given). */
  by?: string | null;
  /** The run to show (default: the series' latest point). */
  point?: IndicatorPoint;
}

/** The name of the groups' column. */
export function groupHeading(by: string | null | undefined, lang: Language): string {
  const w = RESULTS_WORDS[lang];
  return by === 'healthCentre' ? w.healthCentre : (by ?? w.group);
}

function countCell(g: GroupFigures, field: CountField, lang: Language, minCell: number): string {
  const w = RESULTS_WORDS[lang];
  const v = g[field];
  if (v === null)
    return `<td class="n suppressed" data-suppressed="${field}" title="${escapeXml(w.suppressedTitle(minCell))}">${escapeXml(w.suppressed)}</td>`;
  return `<td class="n">${escapeXml(formatFor(lang).count(v))}</td>`;
}

/** A derived figure: written when shown, `suppressed` when a count under it is hidden. */
function figureCell(text: string | null, hidden: boolean, lang: Language, minCell: number): string {
  const w = RESULTS_WORDS[lang];
  if (text !== null) return `<td class="n">${escapeXml(text)}</td>`;
  return hidden
    ? `<td class="n suppressed" title="${escapeXml(w.suppressedTitle(minCell))}">${escapeXml(w.suppressed)}</td>`
    : `<td class="n">${escapeXml(w.notAvailable)}</td>`;
}

function row(
  name: string,
  g: GroupFigures,
  lang: Language,
  minCell: number,
  strata: boolean,
): string {
  const w = RESULTS_WORDS[lang];
  const f = formatFor(lang);
  const hidden = g.numerator === null || g.decided === null;
  const cells = [
    `<th scope="row">${escapeXml(name)}</th>`,
    countCell(g, 'numerator', lang, minCell),
    countCell(g, 'decided', lang, minCell),
    countCell(g, 'denominator', lang, minCell),
    figureCell(g.rate === null ? null : f.share(g.rate), hidden, lang, minCell),
    figureCell(
      g.interval === null ? null : `${f.share(g.interval.lower)} – ${f.share(g.interval.upper)}`,
      hidden,
      lang,
      minCell,
    ),
    countCell(g, 'numeratorUnknown', lang, minCell),
    countCell(g, 'denominatorUnknown', lang, minCell),
    figureCell(g.funnel === null ? null : w.positions[g.funnel], hidden, lang, minCell),
  ];
  if (strata) {
    const s = g.standardised;
    if (s === undefined)
      cells.push(...Array.from({ length: 3 }, () => figureCell(null, false, lang, minCell)));
    else if (s === 'suppressed')
      cells.push(...Array.from({ length: 3 }, () => figureCell(null, true, lang, minCell)));
    else
      cells.push(
        figureCell(
          s.ratio === null
            ? null
            : `${f.ratio(s.ratio)}${s.ratioInterval === null ? '' : ` (${f.ratio(s.ratioInterval.lower)} – ${f.ratio(s.ratioInterval.upper)})`}`,
          false,
          lang,
          minCell,
        ),
        figureCell(s.rate === null ? null : f.share(s.rate), false, lang, minCell),
        figureCell(f.count(s.excludedUnknown), false, lang, minCell),
      );
  }
  return `<tr>${cells.join('')}</tr>`;
}

/**
 * The table of one indicator in one run (default: its latest), as an HTML `<table>` fragment
 * with its caption; every count as the report shows it.
 */
export function indicatorTableHtml(
  series: IndicatorSeries,
  options: IndicatorTableOptions,
): string {
  const { lang, minCell } = options;
  const w = RESULTS_WORDS[lang];
  const point = options.point ?? series.points[series.points.length - 1];
  const label = pickText(series.title, lang);
  if (point === undefined)
    return `<table class="indicator" data-indicator="${escapeXml(series.id)}"><caption>${escapeXml(label)}</caption><tr><td>${escapeXml(w.noRuns)}</td></tr></table>`;
  const strata = Object.values(point.centres).some((c) => c.standardised !== undefined);
  const heads = [
    groupHeading(options.by, lang),
    w.numerator,
    w.decided,
    w.denominator,
    w.rate,
    w.interval,
    w.numeratorUnknown,
    w.denominatorUnknown,
    w.funnel,
    ...(strata ? [w.standardisedRatio, w.standardisedRate, w.excludedUnknown] : []),
  ];
  const rows = [
    ...Object.entries(point.centres).map(([name, g]) => row(name, g, lang, minCell, strata)),
    row(w.region, point.region, lang, minCell, strata).replace('<tr>', '<tr class="region">'),
  ];
  return `<table class="indicator" data-indicator="${escapeXml(series.id)}"><caption>${escapeXml(w.tableCaption(label, point.asOf))}</caption><thead><tr>${heads.map((h, i) => `<th scope="col"${i > 0 ? ' class="n"' : ''}>${escapeXml(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The time-series chart's text alternative: the share of every group at every run. */
export function seriesDataTableHtml(
  series: IndicatorSeries,
  centres: readonly string[],
  lang: Language,
  minCell: number,
): string {
  const w = RESULTS_WORDS[lang];
  const f = formatFor(lang);
  const cell = (g: GroupFigures | undefined): string =>
    g === undefined
      ? `<td class="n">${escapeXml(w.notAvailable)}</td>`
      : figureCell(
          g.rate === null ? null : f.share(g.rate),
          g.numerator === null || g.decided === null,
          lang,
          minCell,
        );
  const heads = [w.asOf, w.version, ...centres, w.region];
  const rows = series.points.map(
    (p) =>
      `<tr><th scope="row">${escapeXml(p.asOf)}</th><td>${escapeXml(p.version)}</td>${centres.map((c) => cell(p.centres[c])).join('')}${cell(p.region)}</tr>`,
  );
  return `<table class="chart-data" data-chart-data="${escapeXml(series.id)}"><thead><tr>${heads.map((h) => `<th scope="col">${escapeXml(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
