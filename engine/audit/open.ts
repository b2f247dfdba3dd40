/**
 * Choosing the audit store: PostgreSQL when a database URL is given (`DATABASE_URL`, shared
 * by several service instances), otherwise the embedded SQLite file.
 */
import type { SqlStoreOptions } from '../store/open';
import { openAuditLog } from './log';
import type { AuditLog } from './types';

/** Where the audit log is. */
export interface AuditStoreOptions {
  /** A `postgres://` URL: the log is in that database. Empty counts as not given. */
  databaseUrl?: string | undefined;
  /** The SQLite file used when no database URL is given (`:memory:` for a throwaway log). */
  file: string;
  /** Pool size and timeouts of the store (engine/store); defaults suit a service. */
  store?: SqlStoreOptions | undefined;
}

/** Opens the audit log in PostgreSQL when `databaseUrl` is set, else in the SQLite `file`. */
export async function openAuditStore(options: AuditStoreOptions): Promise<AuditLog> {
  const url = options.databaseUrl;
  return openAuditLog(url === undefined || url === '' ? options.file : url, options.store ?? {});
}
