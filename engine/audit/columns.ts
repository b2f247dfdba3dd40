/**
 * The audit table's columns, the same in both dialects (SQLite and PostgreSQL, `log.ts`)
 * so that a record reads back the same from either.
 */
import type { AuditChannel, AuditEntry, AuditFilter, AuditRecord } from './types';

/** Column names in insert order (the values come from {@link entryValues}). */
export const AUDIT_COLUMNS = [
  'time',
  'channel',
  'pathway_id',
  'version',
  'content_hash',
  'as_of',
  'language',
  'input',
  'status',
  'step',
  'alerts',
  'error_code',
  'hook_instance',
  'patient_id',
  'user_id',
] as const;

/** The columns added by schema version 3 (CDS Hooks calls), for migrating older files. */
export const CDS_CALL_COLUMNS = ['hook_instance', 'patient_id', 'user_id'] as const;

/** An audit row as read back (`input` and `alerts` as JSON text). */
export interface AuditRow {
  id: number | string;
  time: string;
  channel: string;
  pathway_id: string;
  version: string;
  content_hash: string;
  as_of: string;
  language: string;
  input: string;
  status: string;
  step: string | null;
  alerts: string;
  error_code: string | null;
  hook_instance: string | null;
  patient_id: string | null;
  user_id: string | null;
}

/** An entry's values in {@link AUDIT_COLUMNS} order (`input` and `alerts` as JSON text). */
export function entryValues(entry: AuditEntry): (string | null)[] {
  return [
    entry.time,
    entry.channel,
    entry.pathwayId,
    entry.version,
    entry.contentHash,
    entry.asOf,
    entry.language,
    entry.inputJson ?? JSON.stringify(entry.input ?? null),
    entry.status,
    entry.step,
    JSON.stringify(entry.alerts),
    entry.errorCode ?? null,
    entry.hookInstance ?? null,
    entry.patientId ?? null,
    entry.userId ?? null,
  ];
}

/** A row as a record. */
export function recordFromRow(row: AuditRow): AuditRecord {
  return {
    id: Number(row.id),
    time: row.time,
    channel: row.channel as AuditChannel,
    pathwayId: row.pathway_id,
    version: row.version,
    contentHash: row.content_hash,
    asOf: row.as_of,
    language: row.language,
    input: JSON.parse(row.input) as unknown,
    status: row.status as AuditRecord['status'],
    step: row.step,
    alerts: JSON.parse(row.alerts) as string[],
    ...(row.error_code === null ? {} : { errorCode: row.error_code }),
    ...(row.hook_instance === null ? {} : { hookInstance: row.hook_instance }),
    ...(row.patient_id === null ? {} : { patientId: row.patient_id }),
    ...(row.user_id === null ? {} : { userId: row.user_id }),
  };
}

/** Filter keys and their columns, in the order their clauses are written. */
export const AUDIT_FILTERS: readonly [keyof AuditFilter, string, '=' | '>=' | '<' | '>'][] = [
  ['pathwayId', 'pathway_id', '='],
  ['version', 'version', '='],
  ['channel', 'channel', '='],
  ['step', 'step', '='],
  ['status', 'status', '='],
  ['from', 'time', '>='],
  ['to', 'time', '<'],
  ['afterId', 'id', '>'],
];

/** Default and largest page size of {@link AuditLog.query} and feedback. */
export const AUDIT_DEFAULT_LIMIT = 100;
export const AUDIT_MAX_LIMIT = 1000;

/** A requested page size within 1…{@link AUDIT_MAX_LIMIT}. */
export function pageSize(limit: number | undefined): number {
  return Math.min(Math.max(1, limit ?? AUDIT_DEFAULT_LIMIT), AUDIT_MAX_LIMIT);
}
