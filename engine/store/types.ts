/**
 * The shared SQL layer's interface: one asynchronous API over SQLite (better-sqlite3, the
 * embedded default) and PostgreSQL (a `pg` pool, shared by several service instances).
 * Statements are written once with `?` placeholders; each dialect gets its own form
 * (`placeholders.ts`). Schema creation and migration are given per dialect (`migrate.ts`).
 */

/** The two databases the store speaks. */
export type SqlDialect = 'sqlite' | 'postgres';

/**
 * A parameter value. Both dialects take these as they are; booleans and dates are left out
 * on purpose (SQLite has neither): store 0/1 and ISO text.
 */
export type SqlValue = string | number | bigint | null;

/** A row as read back: column name → value (PostgreSQL `bigint` comes back as a number when it fits). */
export type SqlRow = Record<string, unknown>;

/** What a write did. */
export interface RunResult {
  /** Rows inserted, updated or deleted. */
  changes: number;
}

/** Running statements: the store itself, or the connection of one transaction. */
export interface SqlExecutor {
  readonly dialect: SqlDialect;
  /** Every row of a query. */
  all<T extends object = SqlRow>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** The first row of a query, or undefined. */
  get<T extends object = SqlRow>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  /** Runs an INSERT, UPDATE, DELETE or DDL statement. */
  run(sql: string, params?: readonly SqlValue[]): Promise<RunResult>;
  /**
   * Runs one INSERT and returns the id of the row it made: SQLite's rowid, or PostgreSQL's
   * `RETURNING <idColumn>` (added here; do not write it).
   */
  insert(sql: string, params?: readonly SqlValue[], idColumn?: string): Promise<number>;
}

/** One step of a schema, per dialect: SQL statements, or a function for what SQL alone cannot say. */
export type MigrationStep = readonly string[] | ((tx: SqlExecutor) => Promise<void>);

/**
 * A named schema and its versions: step `i` brings the schema from version `i` to `i + 1`.
 * Steps are appended, never edited, once released.
 */
export interface StoreSchema {
  /** Names the schema in the store's version table (`store_schema`), e.g. `audit`. */
  name: string;
  steps: readonly { sqlite: MigrationStep; postgres: MigrationStep }[];
}

/** A SQL store: run statements, transactions and migrations; close when done. */
export interface SqlStore extends SqlExecutor {
  /** Where the store is, safe to log (a PostgreSQL URL without its password). */
  readonly target: string;
  /**
   * Runs `work` in one transaction on one connection: committed when it resolves, rolled
   * back when it rejects. Use only `tx` inside: the store's own methods wait for the end of
   * the transaction on SQLite (one connection), and run outside it on PostgreSQL.
   */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /**
   * Brings `schema` to its latest version (all steps in one transaction, under a lock so
   * that concurrent instances do not race) and returns that version. A database with a
   * newer version than `schema` knows is refused (kind `schema`).
   */
  migrate(schema: StoreSchema): Promise<number>;
  /** Closes the database (ends the pool). Safe to call twice; later calls fail with kind `closed`. */
  close(): Promise<void>;
  /** Whether {@link close} was called. */
  readonly isClosed: boolean;
}
