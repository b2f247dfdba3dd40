/**
 * Opening a store: PostgreSQL for a `postgres://` (or `postgresql://`) URL, else a SQLite
 * file (created with its folder when missing) or `:memory:`.
 */
import { PostgresStore, type PostgresStoreOptions } from './postgres';
import { SqliteStore, type SqliteStoreOptions } from './sqlite';
import type { SqlStore } from './types';

/** Options of {@link openSqlStore}: each applies to its own dialect and is ignored by the other. */
export type SqlStoreOptions = SqliteStoreOptions & PostgresStoreOptions;

/** Whether `target` names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/**
 * Opens the store at `target`. A PostgreSQL store is checked with one round trip, so a wrong
 * URL or an unreachable server fails here (a StoreError) rather than on the first request.
 */
export async function openSqlStore(
  target: string,
  options: SqlStoreOptions = {},
): Promise<SqlStore> {
  if (!isPostgresUrl(target)) return new SqliteStore(target, options);
  const store = new PostgresStore(target, options);
  try {
    await store.get('SELECT 1 AS ok');
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
