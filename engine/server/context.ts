/**
 * What the HTTP routes share: the pathway repository, compiled pathways, the audit log and
 * the clock. Route modules (REST, batch, CDS Hooks) receive a ServiceContext instead of
 * reaching for globals, so tests can build an app over a temporary folder.
 */
import type { CompiledPathway } from '../evaluate/compile';
import type { EvaluationResult } from '../evaluate/result';
import type { LoadedVersion, PathwayRepository } from '../node/repository';

/** The channel an evaluation came through. */
export type AuditChannel = 'rest' | 'batch' | 'cds-hooks' | 'replay';

/** One evaluation served, as the audit log stores it. */
export interface AuditEntry {
  /** ISO timestamp of when the evaluation was served. */
  time: string;
  channel: AuditChannel;
  pathwayId: string;
  version: string;
  /** Content hash of the pathway file evaluated (`sha256:…`). */
  contentHash: string;
  asOf: string;
  language: string;
  /** The evaluation input exactly as evaluated ({ currentStep?, facts, asOf }). */
  input: unknown;
  status: EvaluationResult['status'] | 'error';
  step: string | null;
  alerts: string[];
  errorCode?: string;
}

/** A stored entry with its id. */
export interface AuditRecord extends AuditEntry {
  id: number;
}

export interface AuditFilter {
  pathwayId?: string;
  version?: string;
  channel?: AuditChannel;
  step?: string;
  status?: AuditEntry['status'];
  from?: string;
  to?: string;
  limit?: number;
  afterId?: number;
}

/** The audit log (SQLite by default). */
export interface AuditLog {
  record(entry: AuditEntry): number;
  query(filter: AuditFilter): AuditRecord[];
  get(id: number): AuditRecord | undefined;
  close(): void;
}

/** Shared state of a running service. */
export interface ServiceContext {
  /** Absolute path of the pathways folder. */
  pathwaysDir: string;
  /** The repository as on disk now (cached; reloaded after a save). */
  repository(): Promise<PathwayRepository>;
  /** The compiled form of a loaded version (cached by content hash). */
  compiled(version: LoadedVersion): CompiledPathway;
  audit: AuditLog;
  /** Today's date (YYYY-MM-DD), the default `asOf`. */
  today(): string;
}
