/**
 * `resultsReport`: turns stored cohort runs into the results report (types.ts) — per indicator
 * and run, each centre's and the region's counts, rate with Wilson interval, unknowns, funnel
 * position and standardised ratio, and the version breaks of the time axis. Suppression is
 * applied here, once, so that every output drawn from the report inherits it.
 */
import { PathwayError } from '../errors';
import type { IndicatorCounts, IndicatorInfo, IndicatorRun } from '../indicators/types';
import { funnelLimits, funnelPosition, type FunnelLimits } from './stats/funnel';
import { rateOf } from './stats/rate';
import { standardise } from './stats/standardise';
import {
  checkMinCell,
  DEFAULT_MIN_CELL,
  standardisedShown,
  suppressCounts,
  type ShownCounts,
} from './stats/suppress';
import { pickText } from '../model/texts';
import type {
  FunnelCurve,
  GroupFigures,
  IndicatorPoint,
  IndicatorSeries,
  ReportRun,
  ResultsReport,
  ResultsReportOptions,
  VersionBreak,
} from './types';

/** The group name of the whole region in a run. */
export const REGION = 'all';

/** Number of denominators the funnel curve is drawn through. */
const FUNNEL_POINTS = 48;

/** Runs in time order, one per as-of date (a later-made run of the same date replaces one). */
function timeAxis(runs: readonly IndicatorRun[]): IndicatorRun[] {
  const byDate = new Map<string, IndicatorRun>();
  for (const run of runs) {
    const seen = byDate.get(run.asOf);
    if (seen === undefined || seen.createdAt <= run.createdAt) byDate.set(run.asOf, run);
  }
  return [...byDate.values()].sort((a, b) => a.asOf.localeCompare(b.asOf));
}

function versionBreaks(runs: readonly IndicatorRun[]): VersionBreak[] {
  const breaks: VersionBreak[] = [];
  for (let i = 1; i < runs.length; i++) {
    const before = runs[i - 1] as IndicatorRun;
    const run = runs[i] as IndicatorRun;
    if (before.version !== run.version)
      breaks.push({ asOf: run.asOf, from: before.version, to: run.version });
  }
  return breaks;
}

/** Indicators in the order of the latest run that has them, each described by that run. */
function indicatorInfos(runs: readonly IndicatorRun[]): IndicatorInfo[] {
  const infos = new Map<string, IndicatorInfo>();
  for (let i = runs.length - 1; i >= 0; i--)
    for (const info of (runs[i] as IndicatorRun).indicators)
      if (!infos.has(info.id)) infos.set(info.id, info);
  return [...infos.values()];
}

function figures(cell: ShownCounts): GroupFigures {
  const rate = rateOf(cell);
  return { ...cell, rate: rate?.rate ?? null, interval: rate?.interval ?? null, funnel: null };
}

/** One centre's figures, placed against the regional rate and standardised against the region. */
function centreFigures(
  cell: ShownCounts,
  counts: IndicatorCounts,
  region: IndicatorCounts | undefined,
  regionRate: number | null,
  minCell: number,
): GroupFigures {
  const out = figures(cell);
  if (out.rate !== null && regionRate !== null && cell.decided !== null && cell.numerator !== null)
    out.funnel = funnelPosition(cell.numerator, cell.decided, regionRate);
  if (counts.strata !== undefined && region?.strata !== undefined) {
    const s = standardise(counts.strata, region.strata);
    out.standardised = standardisedShown(cell, s, minCell)
      ? {
          observed: s.observed,
          expected: s.expected,
          ratio: s.ratio,
          ratioInterval: s.ratioInterval,
          rate: s.rate,
          excludedUnknown: s.excludedUnknown,
        }
      : 'suppressed';
  }
  return out;
}

function point(run: IndicatorRun, index: number, id: string, minCell: number): IndicatorPoint {
  const counts: Record<string, IndicatorCounts> = {};
  for (const [name, group] of Object.entries(run.groups)) {
    const c = group.indicators[id];
    if (c !== undefined) counts[name] = c;
  }
  const regionCounts = counts[REGION];
  // A run lists the indicator but has no regional counts for it: a broken run, never a gap.
  if (regionCounts === undefined)
    throw new PathwayError(
      'INVALID_INPUT',
      `resultsReport: the run of ${run.asOf} lists indicator '${id}' but its group '${REGION}' has no counts for it`,
    );
  const shown = suppressCounts(counts, { minCell, region: REGION });
  const region = figures(shown[REGION] as ShownCounts);
  const centres: Record<string, GroupFigures> = {};
  for (const name of Object.keys(counts).sort())
    if (name !== REGION)
      centres[name] = centreFigures(
        shown[name] as ShownCounts,
        counts[name] as IndicatorCounts,
        regionCounts,
        region.rate,
        minCell,
      );
  return { run: index, asOf: run.asOf, version: run.version, region, centres };
}

/** Denominators from 1 to a little beyond the largest, spaced evenly on a log scale. */
function funnelDenominators(largest: number): number[] {
  const top = Math.max(10, Math.ceil(largest * 1.1));
  const ns = new Set<number>();
  for (let i = 0; i < FUNNEL_POINTS; i++)
    ns.add(Math.max(1, Math.round(Math.exp((Math.log(top) * i) / (FUNNEL_POINTS - 1)))));
  return [...ns].sort((a, b) => a - b);
}

function funnelCurve(latest: IndicatorPoint | undefined): FunnelCurve | null {
  if (latest === undefined || latest.region.rate === null) return null;
  const target = latest.region.rate;
  const largest = Math.max(0, ...Object.values(latest.centres).map((c) => c.decided ?? 0));
  const limits: FunnelLimits[] = funnelDenominators(largest).map((n) => funnelLimits(target, n));
  return { asOf: latest.asOf, target, limits };
}

/**
 * The results report of `runs` (any order; all of one pathway). Throws INVALID_INPUT for runs
 * of different pathways, a run without regional counts of an indicator it lists, or a bad
 * `minCell`.
 */
export function resultsReport(
  runs: readonly IndicatorRun[],
  options: ResultsReportOptions = {},
): ResultsReport {
  const minCell = checkMinCell(options.minCell ?? DEFAULT_MIN_CELL);
  const lang = options.lang ?? 'en';
  const pathways = [...new Set(runs.map((r) => r.pathwayId))];
  if (pathways.length > 1)
    throw new PathwayError(
      'INVALID_INPUT',
      `resultsReport: runs of more than one pathway (${pathways.join(', ')}); report one at a time`,
    );
  const axis = timeAxis(runs);
  const reportRuns: ReportRun[] = axis.map((r) => ({
    ...(r.id !== undefined ? { id: r.id } : {}),
    asOf: r.asOf,
    createdAt: r.createdAt,
    version: r.version,
    contentHash: r.contentHash,
  }));
  const centres = [
    ...new Set(axis.flatMap((r) => Object.keys(r.groups).filter((g) => g !== REGION))),
  ].sort();
  const indicators: IndicatorSeries[] = indicatorInfos(axis).map((info) => {
    const points: IndicatorPoint[] = [];
    axis.forEach((run, i) => {
      if (!run.indicators.some((x) => x.id === info.id)) return;
      points.push(point(run, i, info.id, minCell));
    });
    return {
      id: info.id,
      title: info.title,
      ...(info.description !== undefined ? { description: info.description } : {}),
      label: pickText(info.title, lang),
      direction: info.direction,
      ...(info.target !== undefined ? { target: info.target } : {}),
      references: info.references,
      points,
      funnel: funnelCurve(points[points.length - 1]),
    };
  });
  const latest = axis[axis.length - 1];
  return {
    pathwayId: pathways[0] ?? '',
    lang,
    minCell,
    by: latest?.by ?? null,
    runs: reportRuns,
    versionBreaks: versionBreaks(axis),
    centres,
    indicators,
  };
}
