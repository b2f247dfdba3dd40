/**
 * Choosing the audit store: PostgreSQL when a database URL is given (`DATABASE_URL`, shared
 * by several service instances), otherwise the embedded SQLite file.
 */
import { openAuditLog } from './log';
import { PostgresAuditLog } from './postgres';
import type { AuditLog } from './types';

/** Where the audit log is. */
export interface AuditStoreOptions {
  /** A `postgres://` URL: the log is in that database. Empty counts as not given. */
  databaseUrl?: string | undefined;
  /** The SQLite file used when no database URL is given (`:memory:` for a throwaway log). */
  file: string;
}

/** Opens the audit log in PostgreSQL when `databaseUrl` is set, else in the SQLite `file`. */
export function openAuditStore(options: AuditStoreOptions): AuditLog {
  const url = options.databaseUrl;
  return url === undefined || url === '' ? openAuditLog(options.file) : new PostgresAuditLog(url);
}
