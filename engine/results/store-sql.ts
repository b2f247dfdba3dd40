/**
 * The little SQL the results store needs, over SQLite (better-sqlite3) or PostgreSQL (a pg
 * Pool), behind one async interface. Statements use `?` placeholders; the PostgreSQL side
 * numbers them (`$1`, `$2`, …). A transaction runs its statements on one connection and
 * commits them together or not at all.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import type { Dialect } from './store-schema';

/** A row as the driver returns it. */
export type SqlRow = Record<string, unknown>;

/** Runs statements. */
export interface SqlRunner {
  query(sql: string, params?: readonly unknown[]): Promise<SqlRow[]>;
}

/** A database connection (or pool). */
export interface SqlDatabase extends SqlRunner {
  readonly dialect: Dialect;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `?` → `$1`, `$2`, … (the store's statements hold no `?` inside string literals). */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** A SQLite file (created when missing unless `mustExist`), in WAL mode. */
export function openSqlite(file: string, mustExist: boolean): SqlDatabase {
  const db = new Database(file, { fileMustExist: mustExist });
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  const statements = new Map<string, Database.Statement>();
  const run = (sql: string, params: readonly unknown[] = []): SqlRow[] => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    if (statement.reader) return statement.all(...params) as SqlRow[];
    statement.run(...params);
    return [];
  };
  const runner: SqlRunner = { query: async (sql, params) => run(sql, params) };
  let inTransaction = false;
  return {
    dialect: 'sqlite',
    query: runner.query,
    async transaction(work) {
      // better-sqlite3 is synchronous: the work awaits nothing but this connection, so no
      // other statement can slip in between BEGIN and COMMIT; nested use is a bug.
      if (inTransaction) throw new Error('the results store does not nest transactions');
      inTransaction = true;
      db.exec('BEGIN IMMEDIATE');
      try {
        const value = await work(runner);
        db.exec('COMMIT');
        return value;
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      } finally {
        inTransaction = false;
      }
    },
    async close() {
      if (db.open) db.close();
    },
  };
}

/** A PostgreSQL database (a `postgres://` URL), through a small pool. */
export function openPostgres(url: string): SqlDatabase {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // An idle client that loses its connection must not crash the process; the next query fails.
  pool.on('error', () => {});
  const query = async (
    client: pg.Pool | pg.PoolClient,
    sql: string,
    params: readonly unknown[] = [],
  ): Promise<SqlRow[]> => (await client.query(numbered(sql), [...params])).rows as SqlRow[];
  let ended = false;
  return {
    dialect: 'postgres',
    query: (sql, params) => query(pool, sql, params),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const value = await work({ query: (sql, params) => query(client, sql, params) });
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      if (ended) return;
      ended = true;
      await pool.end();
    },
  };
}
