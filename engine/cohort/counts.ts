/**
 * Cohort counts: what a population run keeps — numbers only, never a patient. Partial
 * counts from different chunks (or worker threads) merge by adding, so the result does not
 * depend on how the file was split or in which order the parts finished.
 */
import type { Outcome } from '../evaluate/outcome';
import type { IndicatorCounts, IndicatorMembership } from '../indicators/types';
import { countMembership, mergeIndicatorRecords } from './indicator-counts';

/** Counts per group (health centre, or everyone). Plain data, so it crosses worker boundaries. */
export interface GroupCounts {
  patients: number;
  needsInformation: number;
  /** Patients per final step. */
  finalStep: Record<string, number>;
  /** Patients whose walk passed through a step (the final one included). */
  visited: Record<string, number>;
  /** Transitions taken, by trace source key. */
  transitions: Record<string, number>;
  alerts: Record<string, number>;
  undecidedAlerts: Record<string, number>;
  followUpsDue: Record<string, number>;
  followUpsOverdue: Record<string, number>;
  /** Facts named as missing by patients whose placement needs information. */
  missingFacts: Record<string, number>;
  /** Per indicator id (empty when the pathway declares no indicators). */
  indicators: Record<string, IndicatorCounts>;
}

/** A rejected input line. */
export interface BadLine {
  line: number;
  message: string;
}

/** Counts over a set of lines. */
export interface CohortCounts {
  lines: number;
  badLineCount: number;
  /** The first bad lines by line number (at most the limit given). */
  badLines: BadLine[];
  groups: Record<string, GroupCounts>;
}

/** Empty counts. */
export function emptyCounts(): CohortCounts {
  return { lines: 0, badLineCount: 0, badLines: [], groups: {} };
}

/** A group with no patients. */
export function emptyGroup(): GroupCounts {
  return {
    patients: 0,
    needsInformation: 0,
    finalStep: {},
    visited: {},
    transitions: {},
    alerts: {},
    undecidedAlerts: {},
    followUpsDue: {},
    followUpsOverdue: {},
    missingFacts: {},
    indicators: {},
  };
}

/** Adds `by` to `record[key]`. */
export function bump(record: Record<string, number>, key: string, by = 1): void {
  record[key] = (record[key] ?? 0) + by;
}

/**
 * Counts one evaluated patient into `group`: its outcome and, when the pathway declares
 * indicators, its memberships (with its case-mix stratum key, undefined without case mix).
 */
export function countResult(
  counts: CohortCounts,
  group: string,
  r: Outcome,
  memberships: readonly IndicatorMembership[] = [],
  stratum?: string,
): void {
  const g = (counts.groups[group] ??= emptyGroup());
  g.patients++;
  if (r.status === 'needs-information') {
    g.needsInformation++;
    for (const fact of r.missingFacts) bump(g.missingFacts, fact);
  }
  bump(g.finalStep, r.step);
  for (const step of r.path) bump(g.visited, step);
  for (const t of r.taken) bump(g.transitions, t.key);
  for (const id of r.alerts) bump(g.alerts, id);
  for (const u of r.undecidedAlerts) bump(g.undecidedAlerts, u.id);
  for (const f of r.followUps) {
    if (f.status === 'overdue') bump(g.followUpsOverdue, f.id);
    else if (f.status === 'due') bump(g.followUpsDue, f.id);
  }
  for (const m of memberships) countMembership(g.indicators, m, stratum);
}

/** Records a bad line, keeping only the first `limit` by line number. */
export function countBadLine(counts: CohortCounts, bad: BadLine, limit: number): void {
  counts.badLineCount++;
  keepFirst(counts.badLines, [bad], limit);
}

function keepFirst(into: BadLine[], more: readonly BadLine[], limit: number): void {
  into.push(...more);
  into.sort((a, b) => a.line - b.line);
  if (into.length > limit) into.length = limit;
}

function mergeRecord(into: Record<string, number>, from: Readonly<Record<string, number>>): void {
  for (const [key, n] of Object.entries(from)) bump(into, key, n);
}

/** Adds one group's counts into another. */
export function mergeGroup(into: GroupCounts, from: Readonly<GroupCounts>): void {
  into.patients += from.patients;
  into.needsInformation += from.needsInformation;
  for (const key of [
    'finalStep',
    'visited',
    'transitions',
    'alerts',
    'undecidedAlerts',
    'followUpsDue',
    'followUpsOverdue',
    'missingFacts',
  ] as const) {
    mergeRecord(into[key], from[key]);
  }
  mergeIndicatorRecords(into.indicators, from.indicators);
}

/** Adds `from` into `into`. */
export function mergeCounts(into: CohortCounts, from: CohortCounts, limit: number): void {
  into.lines += from.lines;
  into.badLineCount += from.badLineCount;
  keepFirst(into.badLines, from.badLines, limit);
  for (const [name, g] of Object.entries(from.groups))
    mergeGroup((into.groups[name] ??= emptyGroup()), g);
}
