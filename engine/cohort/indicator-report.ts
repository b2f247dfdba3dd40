/**
 * The indicators of a cohort report: per group and for all, each indicator's counts after
 * small-cell suppression (the results' one rule, engine/results/stats/suppress.ts) and, where
 * the counts are shown, its share of decided patients with the Wilson 95 % interval. Patients
 * whose numerator is unknown ("incomplete / unknown") and those of whom it is unknown whether
 * they belong to the denominator are their own counts, outside the share.
 */
import type { IndicatorCounts, IndicatorDirection, IndicatorInfo } from '../indicators/types';
import type { Language } from '../model/types';
import { pickText } from '../model/texts';
import {
  rateOf,
  suppressCounts,
  type CountField,
  type Interval,
  type SuppressionReason,
} from '../results/stats';
import { emptyIndicatorCounts } from './indicator-counts';

/** An indicator's definition as the report names it, in the report's language. */
export interface IndicatorLabel {
  title: string;
  description?: string;
  direction: IndicatorDirection;
  /** Target share, 0–1. */
  target?: number;
  references: string[];
}

/** One indicator in one group, as shown: `null` is a suppressed count (or no share). */
export interface IndicatorReport {
  denominator: number | null;
  /** Of the denominator, patients whose numerator is known (the share's denominator). */
  decided: number | null;
  numerator: number | null;
  /** Of the denominator, patients whose numerator is unknown ("incomplete / unknown"). */
  numeratorUnknown: number | null;
  /** Patients of whom it is unknown whether they belong to the denominator. */
  denominatorUnknown: number | null;
  /** numerator / decided, rounded to 4 decimals; null when suppressed or nobody is decided. */
  share: number | null;
  /** Wilson 95 % interval of the share, rounded to 4 decimals. */
  interval: Interval | null;
  /** The suppressed counts and why (`small`, or `complement`: it would give a small one away). */
  suppressed: Partial<Record<CountField, SuppressionReason>>;
}

/** The report's indicator part. */
export interface IndicatorSection {
  labels: Record<string, IndicatorLabel>;
  all: Record<string, IndicatorReport>;
  groups: Record<string, Record<string, IndicatorReport>>;
}

const round4 = (x: number): number => Math.round(x * 10000) / 10000;

/** The whole population's key among the groups: no `--by` value can be it. */
const REGION = '\u0000all';

function label(info: IndicatorInfo, language: Language): IndicatorLabel {
  const out: IndicatorLabel = {
    title: pickText(info.title, language),
    direction: info.direction,
    references: info.references,
  };
  if (info.description !== undefined) out.description = pickText(info.description, language);
  if (info.target !== undefined) out.target = info.target;
  return out;
}

/**
 * Builds the indicator part of a report from the counts per group and for all, suppressing
 * counts under `minCell` across the groups and the whole at once (so that no hidden count can
 * be recomputed from the total).
 */
export function indicatorSection(
  infos: readonly IndicatorInfo[],
  groups: Readonly<Record<string, Readonly<Record<string, IndicatorCounts>>>>,
  all: Readonly<Record<string, IndicatorCounts>>,
  options: { minCell: number; language: Language },
): IndicatorSection {
  const names = Object.keys(groups);
  const section: IndicatorSection = {
    labels: {},
    all: {},
    groups: Object.fromEntries(names.map((n) => [n, {}])),
  };
  for (const info of infos) {
    section.labels[info.id] = label(info, options.language);
    const cells: Record<string, IndicatorCounts> = {
      [REGION]: all[info.id] ?? emptyIndicatorCounts(false),
    };
    for (const n of names) cells[n] = groups[n]?.[info.id] ?? emptyIndicatorCounts(false);
    const shown = suppressCounts(cells, { minCell: options.minCell, region: REGION });
    for (const [name, cell] of Object.entries(shown)) {
      const rate = rateOf(cell);
      const report: IndicatorReport = {
        denominator: cell.denominator,
        decided: cell.decided,
        numerator: cell.numerator,
        numeratorUnknown: cell.numeratorUnknown,
        denominatorUnknown: cell.denominatorUnknown,
        share: rate === null ? null : round4(rate.rate),
        interval:
          rate === null
            ? null
            : { lower: round4(rate.interval.lower), upper: round4(rate.interval.upper) },
        suppressed: cell.suppressed,
      };
      if (name === REGION) section.all[info.id] = report;
      else (section.groups[name] as Record<string, IndicatorReport>)[info.id] = report;
    }
  }
  return section;
}
