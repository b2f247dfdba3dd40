/**
 * The store in PostgreSQL, for several service instances that share one database: a bounded
 * `pg` pool, so a slow database makes callers wait for a connection (at most the connect
 * timeout) instead of stalling the process; a statement timeout on the server, so no
 * statement (a lock wait included) runs for ever; and every failure typed (`errors.ts`).
 * `bigint` columns (ids, counts) are read as numbers when they fit, like SQLite's.
 */
import pg from 'pg';
import { StoreError, type StoreErrorKind } from './errors';
import { applyMigrations } from './migrate';
import { toPostgresPlaceholders } from './placeholders';
import type { RunResult, SqlExecutor, SqlStore, SqlValue, StoreSchema } from './types';

/** Options of a PostgreSQL store. */
export interface PostgresStoreOptions {
  /** Most connections open at once. Default 10. */
  poolSize?: number;
  /** Longest wait for a connection (a free one from the pool, or a new one), ms. Default 5 000. */
  connectTimeoutMs?: number;
  /** Longest run of one statement on the server, lock waits included, ms. Default 10 000. */
  statementTimeoutMs?: number;
  /** An unused connection is closed after this long, ms. Default 30 000. */
  idleTimeoutMs?: number;
}

// One lock for every migration of every schema: instances starting together take turns.
const MIGRATION_LOCK = 7_150_000;

// SQLSTATE classes and codes (PostgreSQL appendix A) by what they mean to a caller.
const TIMEOUT_STATES = new Set(['57014', '55P03', '25P03']);
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300', '53100', '3D000']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE']);

const INT8_OID = 20;
/** `bigint` as a number when it is a safe integer, else the exact text. */
const parseInt8 = (text: string): number | string => {
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : text;
};
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? parseInt8
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

/** A PostgreSQL URL with its password hidden, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

/** A {@link SqlStore} over a PostgreSQL pool. */
export class PostgresStore implements SqlStore {
  readonly dialect = 'postgres' as const;
  readonly target: string;
  private readonly pool: pg.Pool;
  private readonly poolSize: number;
  private readonly connectTimeoutMs: number;
  private readonly statementTimeoutMs: number;
  private closed = false;

  /** Makes the pool (connections open on first use; see {@link openSqlStore} for a checked open). */
  constructor(url: string, options: PostgresStoreOptions = {}) {
    this.target = redactUrl(url);
    this.poolSize = Math.max(1, Math.trunc(options.poolSize ?? 10));
    this.connectTimeoutMs = Math.max(1, Math.trunc(options.connectTimeoutMs ?? 5000));
    this.statementTimeoutMs = Math.max(1, Math.trunc(options.statementTimeoutMs ?? 10_000));
    this.pool = new pg.Pool({
      connectionString: url,
      max: this.poolSize,
      connectionTimeoutMillis: this.connectTimeoutMs,
      idleTimeoutMillis: options.idleTimeoutMs ?? 30_000,
      statement_timeout: this.statementTimeoutMs,
      // A transaction left open by a stuck caller does not hold its locks for ever.
      idle_in_transaction_session_timeout: this.statementTimeoutMs * 3,
      // The client's own deadline, for a network that stops answering; the server's comes first.
      query_timeout: this.statementTimeoutMs + 2000,
      application_name: 'pathway',
      types,
    });
    // An idle connection that breaks is dropped by the pool; the next call opens another.
    this.pool.on('error', () => {});
  }

  get isClosed(): boolean {
    return this.closed;
  }

  async all<T extends object>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return (await this.query(this.pool, sql, params)).rows as T[];
  }

  async get<T extends object>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> {
    return (await this.query(this.pool, sql, params)).rows[0] as T | undefined;
  }

  async run(sql: string, params?: readonly SqlValue[]): Promise<RunResult> {
    return { changes: (await this.query(this.pool, sql, params)).rowCount ?? 0 };
  }

  async insert(sql: string, params?: readonly SqlValue[], idColumn = 'id'): Promise<number> {
    const result = await this.query(this.pool, `${sql} RETURNING ${idColumn}`, params);
    return Number(result.rows[0]?.[idColumn]);
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    this.check();
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw this.storeError(error);
    }
    let broken: unknown;
    try {
      await this.query(client, 'BEGIN');
      const result = await work(this.executor(client));
      await this.query(client, 'COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch (rollback) {
        broken = rollback;
      }
      // The caller's own error goes back as it is (statements' errors are StoreErrors already).
      throw error;
    } finally {
      // A connection whose rollback failed is closed, not handed to the next caller.
      client.release(broken instanceof Error ? broken : undefined);
    }
  }

  async migrate(schema: StoreSchema): Promise<number> {
    return this.transaction(async (tx) => {
      await tx.all('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
      return applyMigrations(tx, schema, this.target);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  private executor(client: pg.PoolClient): SqlExecutor {
    return {
      dialect: 'postgres',
      all: async <T extends object>(sql: string, params?: readonly SqlValue[]) =>
        (await this.query(client, sql, params)).rows as T[],
      get: async <T extends object>(sql: string, params?: readonly SqlValue[]) =>
        (await this.query(client, sql, params)).rows[0] as T | undefined,
      run: async (sql, params) => ({
        changes: (await this.query(client, sql, params)).rowCount ?? 0,
      }),
      insert: async (sql, params, idColumn = 'id') =>
        Number(
          (await this.query(client, `${sql} RETURNING ${idColumn}`, params)).rows[0]?.[idColumn],
        ),
    };
  }

  private async query(
    on: pg.Pool | pg.PoolClient,
    sql: string,
    params: readonly SqlValue[] = [],
  ): Promise<pg.QueryResult<Record<string, unknown>>> {
    this.check();
    try {
      return await on.query(toPostgresPlaceholders(sql), params as unknown[]);
    } catch (error) {
      throw this.storeError(error);
    }
  }

  private check(): void {
    if (this.closed) throw new StoreError('closed', `the store ${this.target} is closed`);
  }

  /** Any error of `pg` as a StoreError. */
  private storeError(error: unknown): StoreError {
    if (error instanceof StoreError) return error;
    const message = error instanceof Error ? error.message : String(error);
    const code = (error as { code?: unknown }).code;
    const state = typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
    let kind: StoreErrorKind = 'query';
    let text = `PostgreSQL: ${message}`;
    if (/timeout exceeded when trying to connect/i.test(message)) {
      const full = this.pool.totalCount >= this.poolSize;
      kind = full ? 'busy' : 'unavailable';
      text = full
        ? `PostgreSQL: all ${this.poolSize} connections stayed busy for ${this.connectTimeoutMs} ms`
        : `PostgreSQL: no connection within ${this.connectTimeoutMs} ms`;
    } else if (/query read timeout/i.test(message)) kind = 'timeout';
    else if (state !== undefined && TIMEOUT_STATES.has(state)) {
      kind = 'timeout';
      text = `PostgreSQL: the statement ran longer than ${this.statementTimeoutMs} ms (${message})`;
    } else if (state?.startsWith('23') === true) kind = 'constraint';
    else if (
      (state !== undefined &&
        (state.startsWith('08') || state.startsWith('28') || UNAVAILABLE_STATES.has(state))) ||
      (typeof code === 'string' && NETWORK_CODES.has(code)) ||
      /connection terminated|not queryable|cannot use a pool after calling end/i.test(message)
    )
      kind = 'unavailable';
    return new StoreError(kind, text, state);
  }
}
