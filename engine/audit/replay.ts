/**
 * Replaying an audit record: evaluate the stored input again through the evaluation service,
 * with the recorded version on the recorded date (an explicit version: docs/versions.md),
 * check that the file still has the recorded content hash, and compare the step, status and
 * alerts with what was recorded. With a service that has an audit log, the replay itself is
 * recorded (channel `replay`) by the service's one audit call.
 */
import { PathwayError } from '../errors';
import { LANGUAGES } from '../model/schema';
import type { Language } from '../model/types';
import { checkRequest } from '../service/request';
import type { EvaluationService } from '../service/service';
import type { VersionFile } from '../service/versions';
import type { AuditEntry, AuditRecord } from './types';

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

/**
 * Re-evaluates a record with the service (over the repository as it is now). `channel`
 * `replay` records the replay when the service has an audit log; undefined records nothing.
 */
export async function replayRecord(
  record: AuditRecord,
  service: EvaluationService,
  channel: 'replay' | undefined,
): Promise<ReplayOutcome> {
  const chosen = await service.choose(record.pathwayId, {
    version: record.version,
    asOf: record.asOf,
  });
  const version: VersionFile = chosen.version;
  // A version that no longer compiles is the caller's problem to see, not a difference.
  service.compiled(version);
  let now: ReplayOutcome['now'];
  try {
    const request = checkRequest(record.input);
    const { result } = await service.evaluate(chosen, request, {
      channel,
      language: languageOf(record.language),
      trace: false,
    });
    now = { status: result.status, step: result.step.id, alerts: result.alerts.map((a) => a.id) };
  } catch (error) {
    if (!(error instanceof PathwayError) || error.code === 'SERVICE_UNAVAILABLE') throw error;
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
