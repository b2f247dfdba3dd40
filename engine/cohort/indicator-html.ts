/**
 * The indicator section of the cohort report page: one table per indicator, a row per group
 * and one for all, with the share, its 95 % interval and the unknown categories. Suppressed
 * counts (engine/results/stats/suppress.ts) are shown as "—", explained under the tables.
 */
import type { IndicatorReport } from './indicator-report';
import type { CohortReport } from './report';
import { escapeXml, type NumberFormat } from './svg';
import { groupLabel, type CohortWords } from './words';

const DASH = '—';

function count(n: number | null, fmt: NumberFormat): string {
  return n === null ? DASH : fmt(n);
}

/** A share as a percentage with one decimal, always (`2,0 %–5,1 %`, not `2 %–5,1 %`). */
function percentFormat(words: CohortWords): (x: number) => string {
  const one = new Intl.NumberFormat(words.locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  return (x) => `${one.format(Math.round(x * 1000) / 10)} %`;
}

function row(
  name: string,
  r: IndicatorReport | undefined,
  fmt: NumberFormat,
  percent: (x: number) => string,
): string {
  if (r === undefined) return '';
  const share = r.share === null ? DASH : percent(r.share);
  const interval =
    r.interval === null ? '' : `${percent(r.interval.lower)}–${percent(r.interval.upper)}`;
  const cells = [
    count(r.denominator, fmt),
    count(r.numerator, fmt),
    share,
    interval,
    count(r.numeratorUnknown, fmt),
    count(r.denominatorUnknown, fmt),
  ]
    .map((c) => `<td class="n">${escapeXml(c)}</td>`)
    .join('');
  return `<tr><td>${escapeXml(name)}</td>${cells}</tr>`;
}

/** The section, or '' when the pathway declares no indicators. */
export function indicatorHtml(report: CohortReport, words: CohortWords, fmt: NumberFormat): string {
  const labels = report.indicators;
  if (labels === undefined) return '';
  const percent = percentFormat(words);
  const head = [
    words.groupField(report.by),
    words.denominator,
    words.numerator,
    words.share,
    words.interval,
    words.numeratorUnknown,
    words.denominatorUnknown,
  ]
    .map((h, i) => `<th${i === 0 ? '' : ' class="n"'}>${escapeXml(h)}</th>`)
    .join('');
  const tables = Object.entries(labels).map(([id, label]) => {
    const about = [
      words.direction[label.direction],
      ...(label.target === undefined ? [] : [`${words.target} ${percent(label.target)}`]),
    ].join('; ');
    const description =
      label.description === undefined ? '' : `<p>${escapeXml(label.description)}</p>`;
    // Without --by the one group is everyone: its row is the `all` row.
    const groups = report.by === null ? [] : Object.entries(report.groups);
    const rows = [
      ...groups.map(([name, g]) => row(groupLabel(name, words), g.indicators?.[id], fmt, percent)),
      row(words.all, report.all.indicators?.[id], fmt, percent),
    ].join('');
    return `<h3 data-indicator="${escapeXml(id)}">${escapeXml(label.title)}</h3><p>${escapeXml(about)}</p>${description}<table class="indicator"><tr>${head}</tr>${rows}</table>`;
  });
  return `<h2>${escapeXml(words.indicators)}</h2><p>${escapeXml(words.indicatorsCaption)}</p>${tables.join('')}<p>${escapeXml(words.suppressedNote(report.minCell))}</p>`;
}
