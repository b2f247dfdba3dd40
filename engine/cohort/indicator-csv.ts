/**
 * `indicators.csv`: the report's indicator figures (the results report's, engine/results) as a
 * table, one record per group and indicator (the whole population as group `all`, last).
 * Column names are fixed English identifiers for programs, named as the figures' fields; a
 * suppressed count is an empty cell, and the `suppressed` column names every hidden count and
 * why (`numerator:small;decided:complement`, and `standardised:suppressed`).
 */
import type { GroupFigures } from '../results/types';
import { COUNT_FIELDS } from '../results/stats/suppress';
import { csvLine } from './csv-text';
import type { CohortReport } from './report';

const COLUMNS = [
  'group',
  'indicator',
  'denominator',
  'decided',
  'numerator',
  'rate',
  'lower',
  'upper',
  'numeratorUnknown',
  'denominatorUnknown',
  'funnel',
  'standardisedRatio',
  'standardisedRate',
  'suppressed',
] as const;

/** Rates and ratios to 4 decimals: the table is for reading, the JSON keeps them whole. */
const round4 = (x: number): number => Math.round(x * 10000) / 10000;

const num = (n: number | null | undefined): string =>
  n === null || n === undefined ? '' : String(n);
const dec = (n: number | null | undefined): string =>
  n === null || n === undefined ? '' : String(round4(n));

function record(group: string, id: string, g: GroupFigures): string {
  const s = typeof g.standardised === 'object' ? g.standardised : undefined;
  const hidden = COUNT_FIELDS.filter((field) => g.suppressed[field] !== undefined).map(
    (field) => `${field}:${g.suppressed[field] as string}`,
  );
  if (g.standardised === 'suppressed') hidden.push('standardised:suppressed');
  return csvLine([
    group,
    id,
    num(g.denominator),
    num(g.decided),
    num(g.numerator),
    dec(g.rate),
    dec(g.interval?.lower),
    dec(g.interval?.upper),
    num(g.numeratorUnknown),
    num(g.denominatorUnknown),
    g.funnel ?? '',
    dec(s?.ratio),
    dec(s?.rate),
    hidden.join(';'),
  ]);
}

/** The table, or undefined when the pathway declares no indicators. */
export function indicatorCsv(report: CohortReport): string | undefined {
  if (report.indicators === undefined) return undefined;
  const lines = [csvLine(COLUMNS)];
  const groups = report.by === null ? [] : Object.entries(report.groups);
  for (const id of Object.keys(report.indicators)) {
    for (const [name, g] of groups) {
      const figures = g.indicators?.[id];
      if (figures !== undefined) lines.push(record(name, id, figures));
    }
    const all = report.all.indicators?.[id];
    if (all !== undefined) lines.push(record('all', id, all));
  }
  return lines.join('');
}
