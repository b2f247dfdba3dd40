/**
 * What a new version means for patients: the same input evaluated by both versions, and
 * who lands on a different step or gets different alerts. Pure: both versions answer through
 * the evaluation service (each named explicitly, docs/versions.md); the CLI feeds it
 * scenarios and the lines of patient files.
 */
import { isPathwayError } from '../errors';
import type { EvaluationRequest } from '../service/request';
import type { EvaluationService } from '../service/service';
import type { VersionFile } from '../service/versions';

/** One version's answer for one patient, reduced to what the comparison looks at. */
export interface OutcomeSummary {
  step?: string;
  status?: 'settled' | 'needs-information';
  /** Fired alert ids, sorted. */
  alerts: string[];
  /** The error code, when the version rejected the input. */
  error?: string;
  errorMessage?: string;
}

/** How two outcomes differ. */
export type ImpactDifference = 'step' | 'alerts' | 'status' | 'error';

/** One patient (or scenario) whose outcome differs between the versions. */
export interface ImpactRow {
  /** Scenario name, or `line N` of a patients file. */
  who: string;
  line?: number;
  old: OutcomeSummary;
  new: OutcomeSummary;
  differences: ImpactDifference[];
  /** Alerts only the new version fires, and only the old one. */
  alertsAdded: string[];
  alertsRemoved: string[];
}

/** A line of a patients file that no version could evaluate. */
export interface BadLine {
  line: number;
  message: string;
}

/** The comparison over one group (the scenarios, or one patients file). */
export interface ImpactGroup {
  /** `scenarios`, or the patients file as given. */
  name: string;
  evaluated: number;
  /** Only those with a different outcome, in input order. */
  rows: ImpactRow[];
  badLines: BadLine[];
}

/** The two versions compared, and the service that evaluates them. */
export interface ImpactVersions {
  service: EvaluationService;
  before: VersionFile;
  after: VersionFile;
}

/** Evaluates one request with one version on `asOf`; a rejected input becomes an error outcome. */
export async function outcomeOf(
  service: EvaluationService,
  version: VersionFile,
  request: EvaluationRequest,
  asOf: string,
): Promise<OutcomeSummary> {
  try {
    const { result } = await service.evaluate({ version, asOf }, request, {
      language: 'en',
      trace: false,
    });
    return {
      step: result.step.id,
      status: result.status,
      alerts: result.alerts.map((a) => a.id).sort(),
    };
  } catch (error) {
    if (!isPathwayError(error)) throw error;
    return { alerts: [], error: error.code, errorMessage: error.message };
  }
}

/** The ways in which two outcomes differ (empty when they are the same). */
export function differencesOf(a: OutcomeSummary, b: OutcomeSummary): ImpactDifference[] {
  const out: ImpactDifference[] = [];
  if (a.error !== b.error) out.push('error');
  if (a.step !== b.step) out.push('step');
  if (a.alerts.join(',') !== b.alerts.join(',')) out.push('alerts');
  if (a.status !== b.status && !out.includes('step') && !out.includes('error')) out.push('status');
  return out;
}

/** Compares the two versions' answers for one input; undefined when they agree. */
export async function compareOne(
  { service, before, after }: ImpactVersions,
  who: { name: string; line?: number },
  request: EvaluationRequest,
  asOf: string,
): Promise<{ row?: ImpactRow; old: OutcomeSummary; new: OutcomeSummary }> {
  const old = await outcomeOf(service, before, request, asOf);
  const now = await outcomeOf(service, after, request, asOf);
  const differences = differencesOf(old, now);
  if (differences.length === 0) return { old, new: now };
  const row: ImpactRow = {
    who: who.name,
    ...(who.line === undefined ? {} : { line: who.line }),
    old,
    new: now,
    differences,
    alertsAdded: now.alerts.filter((a) => !old.alerts.includes(a)),
    alertsRemoved: old.alerts.filter((a) => !now.alerts.includes(a)),
  };
  return { row, old, new: now };
}

/** Counts of a group: how many differ, and in what way (a patient can count in several). */
export function impactCounts(group: ImpactGroup): {
  differ: number;
  step: number;
  alerts: number;
  other: number;
} {
  const has = (d: ImpactDifference): number =>
    group.rows.filter((r) => r.differences.includes(d)).length;
  return {
    differ: group.rows.length,
    step: has('step'),
    alerts: has('alerts'),
    other: group.rows.filter(
      (r) => !r.differences.includes('step') && !r.differences.includes('alerts'),
    ).length,
  };
}
