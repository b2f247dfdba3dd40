/**
 * `indicators.csv`: the report's indicator counts as a table, one record per group and
 * indicator (the whole population as group `all`, last). Column names are fixed English
 * identifiers for programs; a suppressed count is an empty cell, and the `suppressed` column
 * names every hidden count and why (`numerator:small;decided:complement`).
 */
import { csvLine } from './csv-text';
import type { IndicatorReport } from './indicator-report';
import type { CohortReport } from './report';

const COLUMNS = [
  'group',
  'indicator',
  'denominator',
  'decided',
  'numerator',
  'share',
  'lower',
  'upper',
  'numeratorUnknown',
  'denominatorUnknown',
  'suppressed',
] as const;

/** The counts in column order, which is also the order the `suppressed` column lists them in. */
const COUNTS = [
  'denominator',
  'decided',
  'numerator',
  'numeratorUnknown',
  'denominatorUnknown',
] as const;

const num = (n: number | null | undefined): string =>
  n === null || n === undefined ? '' : String(n);

function record(group: string, id: string, r: IndicatorReport): string {
  return csvLine([
    group,
    id,
    num(r.denominator),
    num(r.decided),
    num(r.numerator),
    num(r.share),
    num(r.interval?.lower),
    num(r.interval?.upper),
    num(r.numeratorUnknown),
    num(r.denominatorUnknown),
    COUNTS.filter((field) => r.suppressed[field] !== undefined)
      .map((field) => `${field}:${r.suppressed[field] as string}`)
      .join(';'),
  ]);
}

/** The table, or undefined when the pathway declares no indicators. */
export function indicatorCsv(report: CohortReport): string | undefined {
  if (report.indicators === undefined) return undefined;
  const lines = [csvLine(COLUMNS)];
  const groups = report.by === null ? [] : Object.entries(report.groups);
  for (const id of Object.keys(report.indicators)) {
    for (const [name, g] of groups) {
      const r = g.indicators?.[id];
      if (r !== undefined) lines.push(record(name, id, r));
    }
    const all = report.all.indicators?.[id];
    if (all !== undefined) lines.push(record('all', id, all));
  }
  return lines.join('');
}
