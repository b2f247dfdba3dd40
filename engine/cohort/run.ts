/**
 * A cohort run as the results store keeps it ({@link IndicatorRun}): per group and for all,
 * patients, needs-information, patients per final step and the indicator counts — counts
 * only, never a patient. The counts are kept as counted (the store is read by `pathway report`,
 * which suppresses small cells when it shows them).
 */
import type { IndicatorCounts, IndicatorRun, RunGroup } from '../indicators/types';
import { PathwayError } from '../errors';
import type { Pathway } from '../model/types';
import { emptyGroup, mergeGroup, type CohortCounts, type GroupCounts } from './counts';
import { emptyIndicatorCounts, mergeIndicatorCounts } from './indicator-counts';
import { indicatorInfos } from './indicators';
import { ALL } from './process';

/** Options of {@link indicatorRun}. */
export interface IndicatorRunOptions {
  /** The evaluation date of the run (YYYY-MM-DD). */
  asOf: string;
  /** The `--by` field, or undefined for one group `all`. */
  by: string | undefined;
  /** Content hash of the pathway file (`sha256:…`). */
  contentHash: string;
  /** When the run was made (ISO timestamp). */
  createdAt: string;
}

function runGroup(pathway: Pathway, ids: readonly string[], g: GroupCounts): RunGroup {
  const finalStep: Record<string, number> = {};
  for (const s of pathway.steps) finalStep[s.id] = g.finalStep[s.id] ?? 0;
  const indicators: Record<string, IndicatorCounts> = {};
  for (const id of ids) {
    const from = g.indicators[id];
    const counts = emptyIndicatorCounts(from?.strata !== undefined);
    if (from !== undefined) mergeIndicatorCounts(counts, from);
    if (counts.strata !== undefined)
      counts.strata = Object.fromEntries(
        Object.entries(counts.strata).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      );
    indicators[id] = counts;
  }
  return { patients: g.patients, needsInformation: g.needsInformation, finalStep, indicators };
}

/** Builds the run of `counts` (merged over the whole file) for the results store. */
export function indicatorRun(
  pathway: Pathway,
  counts: CohortCounts,
  options: IndicatorRunOptions,
): IndicatorRun {
  const infos = indicatorInfos(pathway);
  const ids = infos.map((i) => i.id);
  const names = Object.keys(counts.groups).sort();
  const all = emptyGroup();
  for (const n of names) mergeGroup(all, counts.groups[n] as GroupCounts);
  const groups: Record<string, RunGroup> = {};
  // A run names the whole population `all`: a centre of that name would be mistaken for it.
  if (options.by !== undefined && names.includes(ALL)) {
    const message = `a ${options.by} is named "${ALL}", which a run keeps for the whole population`;
    throw new PathwayError('INVALID_INPUT', message, [
      { code: 'INVALID_INPUT', message, path: options.by, value: ALL },
    ]);
  }
  if (options.by !== undefined)
    for (const n of names) groups[n] = runGroup(pathway, ids, counts.groups[n] as GroupCounts);
  groups[ALL] = runGroup(pathway, ids, all);
  return {
    createdAt: options.createdAt,
    asOf: options.asOf,
    pathwayId: pathway.id,
    version: pathway.version,
    contentHash: options.contentHash,
    by: options.by ?? null,
    indicators: infos,
    groups,
  };
}
