/**
 * The cohort report as data (`cohort.json`): totals, patients per step, transitions taken
 * keyed by their trace source keys (`steps.primary-care-management.transitions[2]`,
 * `globalTransitions[0]`, so the editor can put counts on each step and edge), alerts, overdue
 * follow-ups, and the same per group (health centre). Keys come in pathway order and groups
 * sorted by name, so equal counts always print the same bytes.
 */
import { pickText } from '../model/texts';
import type { Language, Pathway, Severity } from '../model/types';
import { DEFAULT_MIN_CELL } from '../results/stats';
import type { GroupFigures } from '../results/types';
import { indicatorInfos } from './indicators';
import { indicatorFigures, type CohortIndicator } from './indicator-figures';
import {
  emptyGroup,
  mergeGroup,
  type BadLine,
  type CohortCounts,
  type GroupCounts,
} from './counts';

/** Counts of one group (or of everyone) as reported. */
export interface GroupReport {
  patients: number;
  /** Patients whose placement waits for information, and their share. */
  needsInformation: { count: number; share: number };
  steps: Record<string, { final: number; visited: number; share: number }>;
  transitions: Record<string, number>;
  alerts: Record<string, { count: number; per1000: number }>;
  undecidedAlerts: Record<string, number>;
  followUps: Record<string, { due: number; overdue: number; overduePer1000: number }>;
  /** Facts named as missing, most often first. */
  missingFacts: Record<string, number>;
  /**
   * Per indicator id, the results report's figures of this group (engine/results/types.ts),
   * suppressed under the report's `minCell`; absent without indicators, and in the one group
   * of a report without `by` (its figures are `all`'s).
   */
  indicators?: Record<string, GroupFigures>;
}

/** The whole report. Labels (titles) are the pathway file's, in {@link CohortReport.language}. */
export interface CohortReport {
  pathway: { id: string; version: string; title: string };
  /** The language of the labels and of the HTML report. */
  language: Language;
  asOf: string;
  by: string | null;
  totals: { lines: number; patients: number; badLines: number };
  badLines: BadLine[];
  steps: Record<string, { level: string; title: string }>;
  /** Alerts with their severity and title (the id when the file gives no title). */
  alerts: Record<string, { severity: Severity; title: string }>;
  followUps: Record<string, { title: string }>;
  /** Labels of the pathway's facts, for the missing facts. */
  facts: Record<string, { label: string }>;
  /** Indicator counts under this size (but not 0) are suppressed, and what would give them away. */
  minCell: number;
  /** The pathway's indicators, in file order; absent when it declares none. */
  indicators?: Record<string, CohortIndicator>;
  all: GroupReport;
  groups: Record<string, GroupReport>;
}

const per1000 = (n: number, of: number): number =>
  of === 0 ? 0 : Math.round((n * 10000) / of) / 10;
const share = (n: number, of: number): number =>
  of === 0 ? 0 : Math.round((n * 10000) / of) / 10000;

function sumGroups(groups: readonly GroupCounts[]): GroupCounts {
  const out = emptyGroup();
  for (const g of groups) mergeGroup(out, g);
  return out;
}

function transitionKeys(pathway: Pathway): string[] {
  return [
    ...pathway.globalTransitions.map((_, i) => `globalTransitions[${i}]`),
    ...pathway.steps.flatMap((s) => s.transitions.map((_, i) => `steps.${s.id}.transitions[${i}]`)),
  ];
}

function followUpIds(pathway: Pathway): string[] {
  return [
    ...pathway.steps.flatMap((s) => s.followUps.map((f) => f.id)),
    ...pathway.followUps.map((f) => f.id),
  ];
}

function group(pathway: Pathway, g: GroupCounts): GroupReport {
  const n = g.patients;
  const steps: GroupReport['steps'] = {};
  for (const s of pathway.steps) {
    const final = g.finalStep[s.id] ?? 0;
    steps[s.id] = { final, visited: g.visited[s.id] ?? 0, share: share(final, n) };
  }
  const transitions: Record<string, number> = {};
  for (const key of transitionKeys(pathway)) transitions[key] = g.transitions[key] ?? 0;
  const alerts: GroupReport['alerts'] = {};
  const undecidedAlerts: Record<string, number> = {};
  for (const a of pathway.alerts) {
    const count = g.alerts[a.id] ?? 0;
    alerts[a.id] = { count, per1000: per1000(count, n) };
    undecidedAlerts[a.id] = g.undecidedAlerts[a.id] ?? 0;
  }
  const followUps: GroupReport['followUps'] = {};
  for (const id of followUpIds(pathway)) {
    const overdue = g.followUpsOverdue[id] ?? 0;
    followUps[id] = { due: g.followUpsDue[id] ?? 0, overdue, overduePer1000: per1000(overdue, n) };
  }
  const missingFacts = Object.fromEntries(
    Object.entries(g.missingFacts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
  );
  return {
    patients: n,
    needsInformation: { count: g.needsInformation, share: share(g.needsInformation, n) },
    steps,
    transitions,
    alerts,
    undecidedAlerts,
    followUps,
    missingFacts,
  };
}

/** Options of {@link cohortReport}. */
export interface CohortReportOptions {
  asOf: string;
  by: string | undefined;
  /** The pathway's title as the report heads it. */
  title: string;
  /** The language of the labels (default `en`). */
  language?: Language;
  /** Minimum cell size of the indicator counts (default 5, `DEFAULT_MIN_CELL`). */
  minCell?: number;
}

/** Builds the report from merged counts. */
export function cohortReport(
  pathway: Pathway,
  counts: CohortCounts,
  options: CohortReportOptions,
): CohortReport {
  const language = options.language ?? 'en';
  const names = Object.keys(counts.groups).sort();
  const all = sumGroups(names.map((n) => counts.groups[n] as GroupCounts));
  const minCell = options.minCell ?? DEFAULT_MIN_CELL;
  const figures =
    indicatorInfos(pathway).length === 0
      ? undefined
      : indicatorFigures(pathway, counts, {
          asOf: options.asOf,
          by: options.by,
          minCell,
          language,
        });
  const report: CohortReport = {
    pathway: { id: pathway.id, version: pathway.version, title: options.title },
    language,
    asOf: options.asOf,
    by: options.by ?? null,
    totals: { lines: counts.lines, patients: all.patients, badLines: counts.badLineCount },
    badLines: counts.badLines,
    steps: Object.fromEntries(
      pathway.steps.map((s) => [s.id, { level: s.level, title: pickText(s.title, language) }]),
    ),
    alerts: Object.fromEntries(
      pathway.alerts.map((a) => [
        a.id,
        { severity: a.severity, title: a.title === undefined ? a.id : pickText(a.title, language) },
      ]),
    ),
    followUps: Object.fromEntries(
      [...pathway.steps.flatMap((s) => s.followUps), ...pathway.followUps].map((f) => [
        f.id,
        { title: pickText(f.title, language) },
      ]),
    ),
    facts: Object.fromEntries(
      pathway.facts.map((f) => [f.name, { label: pickText(f.label, language) }]),
    ),
    minCell,
    all: group(pathway, all),
    groups: Object.fromEntries(
      names.map((n) => [n, group(pathway, counts.groups[n] as GroupCounts)]),
    ),
  };
  if (figures !== undefined) {
    report.indicators = figures.indicators;
    report.all.indicators = figures.all;
    for (const [n, shown] of Object.entries(figures.groups)) {
      const g = report.groups[n];
      if (g !== undefined) g.indicators = shown;
    }
  }
  return report;
}
