/**
 * The results report: what `resultsReport` makes of a series of stored cohort runs, as plain
 * JSON (the HTTP endpoint and the editor's view show it as is; `resultsHtml` draws it). Every
 * count in it has passed the small-cell rule (stats/suppress.ts): a hidden count is `null`, and
 * a figure derived from a hidden count (rate, interval, funnel position, standardised ratio) is
 * absent with it, so no later renderer can show a small cell.
 */
import type { IndicatorDirection } from '../indicators/types';
import type { Language, Texts } from '../model/types';
import type { FunnelLimits, FunnelPosition } from './stats/funnel';
import type { ShownCounts } from './stats/suppress';
import type { Interval } from './stats/wilson';

/** One run on the report's time axis. */
export interface ReportRun {
  /** Store id, when the run has one. */
  id?: number;
  asOf: string;
  createdAt: string;
  version: string;
  contentHash: string;
}

/** A change of pathway version between two consecutive runs, marked on the time axis. */
export interface VersionBreak {
  /** The as-of date of the first run of the new version. */
  asOf: string;
  from: string;
  to: string;
}

/** A centre's indirectly standardised figures (method: docs/results-method.md). */
export interface StandardisedFigures {
  /** Observed numerator over the known case-mix strata. */
  observed: number;
  /** Expected numerator at the regional stratum rates. */
  expected: number;
  /** Observed / expected; null when nothing is expected. */
  ratio: number | null;
  ratioInterval: Interval | null;
  /** Ratio × the regional crude rate (0–1). */
  rate: number | null;
  /** Decided patients left out because their stratum (age, sex …) is unknown. */
  excludedUnknown: number;
}

/** One indicator's figures for one group (centre or region) in one run. */
export interface GroupFigures extends ShownCounts {
  /** Numerator / decided (0–1); null when suppressed or nobody is decided. */
  rate: number | null;
  /** Wilson 95 % interval of the rate. */
  interval: Interval | null;
  /**
   * Against the funnel around the regional rate (centres only); null for the region, a hidden
   * rate or a hidden regional rate.
   */
  funnel: FunnelPosition | null;
  /**
   * Present when the run has case-mix strata (centres only): the standardised figures, or
   * `suppressed` when they would give a small cell away.
   */
  standardised?: StandardisedFigures | 'suppressed';
}

/** One indicator in one run. */
export interface IndicatorPoint {
  /** Index into {@link ResultsReport.runs}. */
  run: number;
  asOf: string;
  version: string;
  /** The region (`all`). */
  region: GroupFigures;
  /** Per centre name (absent when the run is not grouped). */
  centres: Record<string, GroupFigures>;
}

/** The funnel of one run: the limits around the regional rate for a range of denominators. */
export interface FunnelCurve {
  asOf: string;
  /** The regional rate (0–1). */
  target: number;
  /** Limits at denominators from 1 to beyond the largest centre's, ascending. */
  limits: FunnelLimits[];
}

/** One indicator over time. */
export interface IndicatorSeries {
  id: string;
  title: Texts;
  description?: Texts;
  /** The title in the report's language (falling back to another language the file has). */
  label: string;
  direction: IndicatorDirection;
  /** Target share, 0–1. */
  target?: number;
  references: string[];
  /** One point per run that has the indicator, in time order. */
  points: IndicatorPoint[];
  /** The funnel of the latest point; null when its regional rate is hidden or undefined. */
  funnel: FunnelCurve | null;
}

/** The whole report. */
export interface ResultsReport {
  /** The runs' pathway; empty when there are no runs. */
  pathwayId: string;
  /** The language of `label`s. */
  lang: Language;
  /** The minimum cell size the report was suppressed with. */
  minCell: number;
  /** What the groups are (`healthCentre`), or null when the runs are not grouped. */
  by: string | null;
  /** The runs in time order (one per as-of date: the latest made). */
  runs: ReportRun[];
  versionBreaks: VersionBreak[];
  /** Centre names over all runs, sorted. */
  centres: string[];
  indicators: IndicatorSeries[];
}

/** Options of `resultsReport`. */
export interface ResultsReportOptions {
  /** Minimum cell size (default 5). */
  minCell?: number;
  /** Language of labels (default `en`). */
  lang?: Language;
}
