/**
 * The results store: the series of cohort runs (`pathway cohort --store`), read back by
 * `pathway report`, the HTTP results route and the editor's results view. A SQLite file by
 * default; a PostgreSQL database when the target is a `postgres://` URL. It keeps counts
 * only — per group (health centre) and indicator — never a patient: runs grouped by patient
 * id are refused, and fields outside {@link IndicatorRun} have no column.
 */
import { PathwayError } from '../errors';
import type { IndicatorCounts, IndicatorRun } from '../indicators/types';
import { countValues, groupValues, runFromRows, runValues } from './store-rows';
import { RESULTS_SCHEMA_VERSION, resultsSchema } from './store-schema';
import { openPostgres, openSqlite, type SqlDatabase, type SqlRunner } from './store-sql';

/** Which runs to read. Dates are as-of dates (YYYY-MM-DD), both ends included. */
export interface RunFilter {
  pathwayId?: string;
  from?: string;
  to?: string;
}

/** The series of cohort runs. */
export interface ResultsStore {
  /** `sqlite` or `postgres`. */
  readonly kind: 'sqlite' | 'postgres';
  /** Appends one run in one transaction and resolves to its id. */
  append(run: IndicatorRun): Promise<number>;
  /** The runs that match, oldest first (by as-of date, then by the order they were stored). */
  runs(filter?: RunFilter): Promise<IndicatorRun[]>;
  close(): Promise<void>;
}

/** Options of {@link openResultsStore}. */
export interface ResultsStoreOptions {
  /**
   * Create the store (file and tables) when missing. Default true; readers pass false, so a
   * typo in a path is an error instead of an empty new store.
   */
  create?: boolean;
}

/** Whether a target names a PostgreSQL database rather than a SQLite file. */
export function isDatabaseUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/** The target as it may be shown: a URL without its password. */
export function describeTarget(target: string): string {
  return isDatabaseUrl(target) ? target.replace(/:\/\/([^:@/]*):[^@/]*@/, '://$1:***@') : target;
}

function storeError(target: string, reason: string): PathwayError {
  const where = describeTarget(target);
  return new PathwayError('FILE_READ', `results store ${where}: ${reason}`, [
    { code: 'FILE_READ', message: reason, path: 'store', value: where },
  ]);
}

function badRun(path: string, value: unknown, message: string): PathwayError {
  return new PathwayError('SCHEMA', `the run cannot be stored: ${path} ${message}`, [
    { code: 'SCHEMA', message, path, value },
  ]);
}

const COUNT_FIELDS = [
  'denominator',
  'numerator',
  'numeratorUnknown',
  'denominatorUnknown',
] as const;

function checkCount(path: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw badRun(path, value, 'must be a whole number ≥ 0');
}

/** Refuses a run that is not counts (or whose counts contradict each other) before writing. */
function checkRun(run: IndicatorRun): void {
  // Groups named after patient ids would put patients into a store shared across the region.
  if (run.by === 'id')
    throw badRun('by', run.by, 'groups by patient id: the results store keeps no patient');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(run.asOf)) throw badRun('asOf', run.asOf, 'must be YYYY-MM-DD');
  for (const [name, group] of Object.entries(run.groups)) {
    checkCount(`groups.${name}.patients`, group.patients);
    checkCount(`groups.${name}.needsInformation`, group.needsInformation);
    for (const [step, n] of Object.entries(group.finalStep))
      checkCount(`groups.${name}.finalStep.${step}`, n);
    for (const [id, counts] of Object.entries(group.indicators)) {
      const path = `groups.${name}.indicators.${id}`;
      for (const field of COUNT_FIELDS) checkCount(`${path}.${field}`, counts[field]);
      const c: IndicatorCounts = counts;
      if (c.numerator + c.numeratorUnknown > c.denominator)
        throw badRun(path, c, 'counts more numerator (known and unknown) than denominator');
    }
  }
}

const RUN_COLUMNS =
  'id, created_at, as_of, pathway_id, version, content_hash, by_field, indicators';

class SqlResultsStore implements ResultsStore {
  constructor(private readonly db: SqlDatabase) {}

  get kind(): 'sqlite' | 'postgres' {
    return this.db.dialect;
  }

  async append(run: IndicatorRun): Promise<number> {
    checkRun(run);
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query(
        `INSERT INTO results_runs (created_at, as_of, pathway_id, version, content_hash, by_field, indicators)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        runValues(run),
      );
      const id = Number(row?.id);
      for (const [name, group] of Object.entries(run.groups)) {
        await tx.query(
          'INSERT INTO results_groups (run_id, group_name, patients, needs_information, final_step) VALUES (?, ?, ?, ?, ?)',
          groupValues(id, name, group),
        );
        for (const [indicator, counts] of Object.entries(group.indicators))
          await tx.query(
            `INSERT INTO results_counts (run_id, group_name, indicator_id, denominator, numerator,
               numerator_unknown, denominator_unknown, strata) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
            countValues(id, name, indicator, counts),
          );
      }
      return id;
    });
  }

  async runs(filter: RunFilter = {}): Promise<IndicatorRun[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.pathwayId !== undefined) {
      where.push('pathway_id = ?');
      params.push(filter.pathwayId);
    }
    if (filter.from !== undefined) {
      where.push('as_of >= ?');
      params.push(filter.from);
    }
    if (filter.to !== undefined) {
      where.push('as_of <= ?');
      params.push(filter.to);
    }
    const clause = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
    const runs = await this.db.query(
      `SELECT ${RUN_COLUMNS} FROM results_runs ${clause} ORDER BY as_of, id`,
      params,
    );
    if (runs.length === 0) return [];
    const ids = runs.map((row) => Number(row.id));
    const list = ids.map(() => '?').join(', ');
    const groups = await this.db.query(
      `SELECT * FROM results_groups WHERE run_id IN (${list}) ORDER BY run_id, group_name`,
      ids,
    );
    const counts = await this.db.query(
      `SELECT * FROM results_counts WHERE run_id IN (${list}) ORDER BY run_id, group_name, indicator_id`,
      ids,
    );
    return runs.map((row) => {
      const id = Number(row.id);
      return runFromRows(
        row,
        groups.filter((g) => Number(g.run_id) === id),
        counts.filter((c) => Number(c.run_id) === id),
      );
    });
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

// Any fixed number: it only has to differ from the audit log's advisory lock keys.
const SCHEMA_LOCK = 7_160_001;

async function hasTables(db: SqlDatabase): Promise<boolean> {
  const sql =
    db.dialect === 'sqlite'
      ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'results_runs'"
      : "SELECT to_regclass('results_runs') IS NOT NULL AS present";
  const [row] = await db.query(sql);
  return db.dialect === 'sqlite' ? row !== undefined : row?.present === true;
}

async function createTables(db: SqlDatabase): Promise<void> {
  await db.transaction(async (tx: SqlRunner) => {
    // Two instances opening a new database at once must not race creating the tables.
    if (db.dialect === 'postgres') await tx.query(`SELECT pg_advisory_xact_lock(${SCHEMA_LOCK})`);
    for (const statement of resultsSchema(db.dialect)) await tx.query(statement);
    await tx.query(
      `INSERT INTO results_meta (key, value) VALUES ('schemaVersion', ?) ON CONFLICT (key) DO NOTHING`,
      [String(RESULTS_SCHEMA_VERSION)],
    );
  });
}

async function checkVersion(db: SqlDatabase): Promise<string | undefined> {
  const [row] = await db.query("SELECT value FROM results_meta WHERE key = 'schemaVersion'");
  const version = Number(row?.value);
  return Number.isInteger(version) && version <= RESULTS_SCHEMA_VERSION
    ? undefined
    : `written by a newer engine (schema ${String(row?.value)}, this one reads ${RESULTS_SCHEMA_VERSION})`;
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_CANTOPEN') return 'no such file (or it cannot be opened)';
  if (code === 'SQLITE_NOTADB') return 'not a SQLite database';
  if (code === 'ECONNREFUSED') return 'the database refuses connections';
  return message.split('\n', 1)[0] ?? message;
}

/**
 * Opens the results store at `target`: a `postgres://` (or `postgresql://`) URL, else a
 * SQLite file. Throws PathwayError FILE_READ (naming the store, password hidden) when it
 * cannot be opened, is not a results store (`create: false`), or is of a newer schema.
 */
export async function openResultsStore(
  target: string,
  options: ResultsStoreOptions = {},
): Promise<ResultsStore> {
  const create = options.create ?? true;
  if (target.trim() === '') throw storeError(target, 'no store given');
  let db: SqlDatabase;
  try {
    db = isDatabaseUrl(target) ? openPostgres(target) : openSqlite(target, !create);
  } catch (error) {
    throw storeError(target, reasonOf(error));
  }
  try {
    if (!(await hasTables(db))) {
      if (!create) throw storeError(target, 'not a results store (it has no runs table)');
      await createTables(db);
    }
    const newer = await checkVersion(db);
    if (newer !== undefined) throw storeError(target, newer);
  } catch (error) {
    await db.close().catch(() => {});
    if (error instanceof PathwayError) throw error;
    throw storeError(target, reasonOf(error));
  }
  return new SqlResultsStore(db);
}
