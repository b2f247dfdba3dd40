/**
 * The shared SQL layer (Node only): one asynchronous API over SQLite and PostgreSQL, used by
 * the audit log and the results store. See `types.ts` for the interface.
 */
export { storeOptionsFromEnv } from './env';
export { StoreError, isStoreError, type StoreErrorKind } from './errors';
export { isPostgresUrl, openSqlStore, type SqlStoreOptions } from './open';
export { placeholderList, toPostgresPlaceholders } from './placeholders';
export { PostgresStore, redactUrl, type PostgresStoreOptions } from './postgres';
export { SqliteStore, type SqliteStoreOptions } from './sqlite';
export type {
  MigrationStep,
  RunResult,
  SqlDialect,
  SqlExecutor,
  SqlRow,
  SqlStore,
  SqlValue,
  StoreSchema,
} from './types';
