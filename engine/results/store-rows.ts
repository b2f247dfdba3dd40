/**
 * An {@link IndicatorRun} as rows of the results store's tables and back. Only the counts and
 * the indicator definitions are written: a field the run shape does not know (a worklist, a
 * patient list) has no column and is never stored.
 */
import type {
  IndicatorCounts,
  IndicatorInfo,
  IndicatorRun,
  RunGroup,
  StratumCounts,
} from '../indicators/types';
import type { SqlRow, SqlValue } from '../store/index';

/** Values of one `results_runs` row, in column order (without the id). */
export function runValues(run: IndicatorRun): SqlValue[] {
  const indicators: IndicatorInfo[] = run.indicators.map((info) => ({
    id: info.id,
    title: info.title,
    ...(info.description === undefined ? {} : { description: info.description }),
    direction: info.direction,
    ...(info.target === undefined ? {} : { target: info.target }),
    references: info.references,
  }));
  return [
    run.createdAt,
    run.asOf,
    run.pathwayId,
    run.version,
    run.contentHash,
    run.by,
    JSON.stringify(indicators),
  ];
}

/** Values of one `results_groups` row. */
export function groupValues(runId: number, name: string, group: RunGroup): SqlValue[] {
  return [runId, name, group.patients, group.needsInformation, JSON.stringify(group.finalStep)];
}

/** Values of one `results_counts` row. */
export function countValues(
  runId: number,
  group: string,
  indicator: string,
  counts: IndicatorCounts,
): SqlValue[] {
  return [
    runId,
    group,
    indicator,
    counts.denominator,
    counts.numerator,
    counts.numeratorUnknown,
    counts.denominatorUnknown,
    counts.strata === undefined ? null : JSON.stringify(counts.strata),
  ];
}

/** PostgreSQL answers BIGINT as text and JSON parsed; SQLite answers numbers and JSON text. */
function num(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** A run from its row and its groups' and counts' rows. */
export function runFromRows(run: SqlRow, groups: SqlRow[], counts: SqlRow[]): IndicatorRun {
  const out: Record<string, RunGroup> = {};
  for (const row of groups)
    out[String(row.group_name)] = {
      patients: num(row.patients),
      needsInformation: num(row.needs_information),
      finalStep: json<Record<string, number>>(row.final_step),
      indicators: {},
    };
  for (const row of counts) {
    const group = out[String(row.group_name)];
    if (group === undefined) continue;
    const strata =
      row.strata === null ? undefined : json<Record<string, StratumCounts>>(row.strata);
    group.indicators[String(row.indicator_id)] = {
      denominator: num(row.denominator),
      numerator: num(row.numerator),
      numeratorUnknown: num(row.numerator_unknown),
      denominatorUnknown: num(row.denominator_unknown),
      ...(strata === undefined ? {} : { strata }),
    };
  }
  return {
    id: num(run.id),
    createdAt: String(run.created_at),
    asOf: String(run.as_of),
    pathwayId: String(run.pathway_id),
    version: String(run.version),
    contentHash: String(run.content_hash),
    by: run.by_field === null ? null : String(run.by_field),
    indicators: json<IndicatorInfo[]>(run.indicators),
    groups: out,
  };
}
