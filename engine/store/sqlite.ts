/**
 * The store in SQLite (better-sqlite3), the embedded default: one connection in WAL mode, so
 * readers never block the writer. better-sqlite3 answers synchronously; the async API wraps
 * it, and a transaction that awaits between statements holds the connection for itself
 * (other calls wait for it to end) so that no stray statement runs inside it.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { StoreError, type StoreErrorKind } from './errors';
import { applyMigrations } from './migrate';
import type { RunResult, SqlExecutor, SqlStore, SqlValue, StoreSchema } from './types';

/** Options of a SQLite store. */
export interface SqliteStoreOptions {
  /** Open an existing file read-only (for inspection): writes fail. */
  readonly?: boolean;
  /** How long a write waits for another process's lock, in milliseconds. Default 5 000. */
  busyTimeoutMs?: number;
}

const STATEMENT_CACHE = 200;

/** The store's kind of a better-sqlite3 error (`SQLITE_…` codes). */
function kindOf(code: string): StoreErrorKind {
  if (code.startsWith('SQLITE_CONSTRAINT')) return 'constraint';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  if (/^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|NOTADB|CORRUPT|PERM|NOLFS|AUTH)/.test(code))
    return 'unavailable';
  return 'query';
}

/** Any error of better-sqlite3 as a StoreError (its message kept). */
function storeError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return new StoreError(typeof code === 'string' ? kindOf(code) : 'query', message);
}

/** A {@link SqlStore} over one SQLite file (or `:memory:`). */
export class SqliteStore implements SqlStore {
  readonly dialect = 'sqlite' as const;
  readonly target: string;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  /** Settles when the transaction in progress ends; undefined when none is. */
  private busy: Promise<void> | undefined;
  private closed = false;
  /** The executor handed to transactions: statements without waiting for `busy`. */
  private readonly direct: SqlExecutor;

  constructor(file: string, options: SqliteStoreOptions = {}) {
    this.target = file;
    const readonly = options.readonly === true;
    try {
      if (!readonly && file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
      this.db = new Database(file, { readonly, fileMustExist: readonly });
      this.db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
      if (!readonly) {
        this.db.pragma('journal_mode = WAL');
        this.db.pragma('synchronous = NORMAL');
      }
    } catch (error) {
      throw storeError(error);
    }
    this.direct = {
      dialect: 'sqlite',
      all: async <T extends object>(sql: string, params?: readonly SqlValue[]) =>
        this.allNow(sql, params) as T[],
      get: async <T extends object>(sql: string, params?: readonly SqlValue[]) =>
        this.getNow(sql, params) as T | undefined,
      run: async (sql, params) => this.runNow(sql, params),
      insert: async (sql, params) => this.insertNow(sql, params),
    };
  }

  /** The underlying better-sqlite3 connection, for SQLite-only work (pragmas, backups). */
  get database(): Database.Database {
    return this.db;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  async all<T extends object>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    if (this.busy !== undefined) await this.idle();
    return this.allNow(sql, params) as T[];
  }

  async get<T extends object>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> {
    if (this.busy !== undefined) await this.idle();
    return this.getNow(sql, params) as T | undefined;
  }

  async run(sql: string, params?: readonly SqlValue[]): Promise<RunResult> {
    if (this.busy !== undefined) await this.idle();
    return this.runNow(sql, params);
  }

  async insert(sql: string, params?: readonly SqlValue[]): Promise<number> {
    if (this.busy !== undefined) await this.idle();
    return this.insertNow(sql, params);
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    // Checked and taken with no await in between, so two waiters cannot both proceed.
    while (this.busy !== undefined) await this.busy;
    this.check();
    let release = (): void => {};
    this.busy = new Promise<void>((resolve) => (release = resolve));
    try {
      this.exec('BEGIN IMMEDIATE');
      let result: T;
      try {
        result = await work(this.direct);
      } catch (error) {
        // The caller's own error goes back as it is; the rollback's would hide it.
        if (this.db.inTransaction) this.exec('ROLLBACK');
        throw error;
      }
      this.exec('COMMIT');
      return result;
    } finally {
      this.busy = undefined;
      release();
    }
  }

  async migrate(schema: StoreSchema): Promise<number> {
    return this.transaction((tx) => applyMigrations(tx, schema, this.target));
  }

  async close(): Promise<void> {
    if (this.busy !== undefined) await this.idle();
    if (this.closed) return;
    this.closed = true;
    this.statements.clear();
    this.db.close();
  }

  private async idle(): Promise<void> {
    while (this.busy !== undefined) await this.busy;
  }

  /** Runs transaction control (BEGIN, COMMIT, ROLLBACK), typing its failure. */
  private exec(sql: string): void {
    try {
      this.db.exec(sql);
    } catch (error) {
      if (sql === 'COMMIT' && this.db.inTransaction) this.db.exec('ROLLBACK');
      throw storeError(error);
    }
  }

  private check(): void {
    if (this.closed) throw new StoreError('closed', `the store ${this.target} is closed`);
  }

  private statement(sql: string): Database.Statement {
    this.check();
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      if (this.statements.size >= STATEMENT_CACHE) this.statements.clear();
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private allNow(sql: string, params: readonly SqlValue[] = []): object[] {
    try {
      return this.statement(sql).all(...params) as object[];
    } catch (error) {
      throw storeError(error);
    }
  }

  private getNow(sql: string, params: readonly SqlValue[] = []): object | undefined {
    try {
      return this.statement(sql).get(...params) as object | undefined;
    } catch (error) {
      throw storeError(error);
    }
  }

  private runNow(sql: string, params: readonly SqlValue[] = []): RunResult {
    try {
      return { changes: this.statement(sql).run(...params).changes };
    } catch (error) {
      throw storeError(error);
    }
  }

  private insertNow(sql: string, params: readonly SqlValue[] = []): number {
    try {
      return Number(this.statement(sql).run(...params).lastInsertRowid);
    } catch (error) {
      throw storeError(error);
    }
  }
}
