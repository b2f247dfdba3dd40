/**
 * The indicators of a cohort report, taken from the results route: the cohort's run
 * ({@link indicatorRun}) goes through `resultsReport` as a series of one, so that the single-run
 * report and `pathway report` suppress, compute rates and Wilson intervals, place centres in
 * the funnel and standardise in one place (engine/results/report.ts).
 */
import type { IndicatorDirection } from '../indicators/types';
import type { Language, Pathway } from '../model/types';
import { pickText } from '../model/texts';
import { REGION, resultsReport } from '../results/report';
import type { FunnelCurve, GroupFigures } from '../results/types';
import type { CohortCounts } from './counts';
import { indicatorRun } from './run';

/** An indicator as the cohort report names it, in the report's language, with its funnel. */
export interface CohortIndicator {
  title: string;
  description?: string;
  direction: IndicatorDirection;
  /** Target share, 0–1. */
  target?: number;
  references: string[];
  /**
   * The funnel limits around the regional rate of this run (drawn in cohort.html); null when
   * the regional rate is hidden or undefined.
   */
  funnel: FunnelCurve | null;
}

/** The figures of every indicator: per indicator id, for all and per group. */
export interface IndicatorFigures {
  indicators: Record<string, CohortIndicator>;
  all: Record<string, GroupFigures>;
  /** Per group name; empty when the run is not grouped. */
  groups: Record<string, Record<string, GroupFigures>>;
}

/** Options of {@link indicatorFigures}. */
export interface IndicatorFiguresOptions {
  asOf: string;
  by: string | undefined;
  minCell: number;
  language: Language;
}

/**
 * The figures of the pathway's indicators over `counts`, small cells suppressed under
 * `minCell` across the groups and the whole at once. Throws INVALID_INPUT (from
 * `indicatorRun`) when a group is named `all`, which the run keeps for the whole population.
 */
export function indicatorFigures(
  pathway: Pathway,
  counts: CohortCounts,
  options: IndicatorFiguresOptions,
): IndicatorFigures {
  // The run's hash and time are not part of the figures: the report keeps neither.
  const run = indicatorRun(pathway, counts, {
    asOf: options.asOf,
    by: options.by,
    contentHash: '',
    createdAt: '',
  });
  const report = resultsReport([run], { minCell: options.minCell, lang: options.language });
  const out: IndicatorFigures = { indicators: {}, all: {}, groups: {} };
  for (const series of report.indicators) {
    const indicator: CohortIndicator = {
      title: series.label,
      direction: series.direction,
      references: series.references,
      funnel: series.funnel,
    };
    if (series.description !== undefined)
      indicator.description = pickText(series.description, options.language);
    if (series.target !== undefined) indicator.target = series.target;
    out.indicators[series.id] = indicator;
    // One run: one point (every indicator of the run has its regional counts).
    const point = series.points[0];
    if (point === undefined) continue;
    out.all[series.id] = point.region;
    for (const [name, figures] of Object.entries(point.centres)) {
      if (name === REGION) continue;
      (out.groups[name] ??= {})[series.id] = figures;
    }
  }
  return out;
}
