/**
 * Replaying an audit record: find the pathway version it used, check that the file still
 * has the recorded content hash, evaluate the stored input again and compare the step,
 * status and alerts with what was recorded.
 */
import { compilePathway } from '../evaluate/compile';
import { evaluate } from '../evaluate/evaluate';
import { PathwayError } from '../errors';
import { LANGUAGES } from '../model/schema';
import type { Language } from '../model/types';
import { findVersion, type PathwayRepository } from '../node/repository';
import type { AuditEntry, AuditRecord } from './context';

/** One field that came out differently. */
export interface ReplayDifference {
  field: 'status' | 'step' | 'alerts' | 'errorCode';
  recorded: unknown;
  now: unknown;
}

/** The outcome of a replay. */
export interface ReplayOutcome {
  record: AuditRecord;
  /** `pathways/<id>/<version>.yaml` as found now. */
  key: string;
  /** The content hash now; differs from `record.contentHash` when the file changed. */
  currentHash: string;
  fileChanged: boolean;
  /** What the evaluation gives now, in the audit log's terms. */
  now: Pick<AuditEntry, 'status' | 'step' | 'alerts'> & { errorCode?: string };
  differences: ReplayDifference[];
}

function languageOf(value: string): Language {
  return (LANGUAGES as readonly string[]).includes(value) ? (value as Language) : 'en';
}

/** Re-evaluates a record against the repository as it is now. */
export async function replayRecord(
  record: AuditRecord,
  repo: PathwayRepository,
): Promise<ReplayOutcome> {
  const version = findVersion(repo, record.pathwayId, {
    version: record.version,
    asOf: record.asOf,
  });
  let now: ReplayOutcome['now'];
  try {
    const result = await evaluate(compilePathway(version.pathway), record.input, {
      asOf: record.asOf,
      language: languageOf(record.language),
      trace: false,
    });
    now = { status: result.status, step: result.step.id, alerts: result.alerts.map((a) => a.id) };
  } catch (error) {
    if (!(error instanceof PathwayError)) throw error;
    now = { status: 'error', step: null, alerts: [], errorCode: error.code };
  }
  const differences: ReplayDifference[] = [];
  if (now.status !== record.status)
    differences.push({ field: 'status', recorded: record.status, now: now.status });
  if (now.step !== record.step)
    differences.push({ field: 'step', recorded: record.step, now: now.step });
  if (JSON.stringify(now.alerts) !== JSON.stringify(record.alerts))
    differences.push({ field: 'alerts', recorded: record.alerts, now: now.alerts });
  if ((now.errorCode ?? null) !== (record.errorCode ?? null))
    differences.push({
      field: 'errorCode',
      recorded: record.errorCode ?? null,
      now: now.errorCode ?? null,
    });
  return {
    record,
    key: version.key,
    currentHash: version.hash,
    fileChanged: version.hash !== record.contentHash,
    now,
    differences,
  };
}
