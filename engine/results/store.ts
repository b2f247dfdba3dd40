/**
 * The results store: the series of cohort runs (`pathway cohort --store`), read back by
 * `pathway report`, the HTTP results route and the editor's results view. A SQLite file by
 * default; a PostgreSQL database when the target is a `postgres://` URL. It keeps counts
 * only — per group (health centre) and indicator — never a patient: runs grouped by patient
 * id are refused, and fields outside {@link IndicatorRun} have no column.
 */
import { PathwayError } from '../errors';
import type { IndicatorCounts, IndicatorRun } from '../indicators/types';
import {
  isPostgresUrl,
  isStoreError,
  openSqlStore,
  placeholderList,
  redactUrl,
  type SqlStore,
} from '../store/index';
import { countValues, groupValues, runFromRows, runValues } from './store-rows';
import { RESULTS_SCHEMA } from './store-schema';

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
  return isPostgresUrl(target);
}

/** The target as it may be shown: a URL without its password. */
export function describeTarget(target: string): string {
  return isDatabaseUrl(target) ? redactUrl(target) : target;
}

function storeError(target: string, reason: string): PathwayError {
  const where = describeTarget(target);
  const message = `results store ${where}: ${reason}`;
  return new PathwayError('FILE_READ', message, [{ code: 'FILE_READ', message, value: where }]);
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
const GROUP_COLUMNS = 'run_id, group_name, patients, needs_information, final_step';
const COUNT_COLUMNS =
  'run_id, group_name, indicator_id, denominator, numerator, numerator_unknown, denominator_unknown, strata';

class SqlResultsStore implements ResultsStore {
  constructor(private readonly db: SqlStore) {}

  get kind(): 'sqlite' | 'postgres' {
    return this.db.dialect;
  }

  async append(run: IndicatorRun): Promise<number> {
    checkRun(run);
    return this.db.transaction(async (tx) => {
      const id = await tx.insert(
        `INSERT INTO results_runs (created_at, as_of, pathway_id, version, content_hash, by_field, indicators)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        runValues(run),
      );
      for (const [name, group] of Object.entries(run.groups)) {
        await tx.run(
          'INSERT INTO results_groups (run_id, group_name, patients, needs_information, final_step) VALUES (?, ?, ?, ?, ?)',
          groupValues(id, name, group),
        );
        for (const [indicator, counts] of Object.entries(group.indicators))
          await tx.run(
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
    const params: string[] = [];
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
    const runs = await this.db.all(
      `SELECT ${RUN_COLUMNS} FROM results_runs ${clause} ORDER BY as_of, id`,
      params,
    );
    if (runs.length === 0) return [];
    const ids = runs.map((row) => Number(row.id));
    const list = placeholderList(ids.length);
    const groups = await this.db.all(
      `SELECT ${GROUP_COLUMNS} FROM results_groups WHERE run_id IN (${list}) ORDER BY run_id, group_name`,
      ids,
    );
    const counts = await this.db.all(
      `SELECT ${COUNT_COLUMNS} FROM results_counts WHERE run_id IN (${list})
       ORDER BY run_id, group_name, indicator_id`,
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

async function hasTables(db: SqlStore): Promise<boolean> {
  const row =
    db.dialect === 'sqlite'
      ? await db.get(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'results_runs'",
        )
      : await db.get("SELECT 1 AS present WHERE to_regclass('results_runs') IS NOT NULL");
  return row !== undefined;
}

/** A reader refuses a database whose results schema is newer than this code knows. */
async function checkReadable(db: SqlStore): Promise<string | undefined> {
  if (!(await hasTables(db))) return 'not a results store (it has no runs table)';
  const row = await db.get<{ version: unknown }>(
    "SELECT version FROM store_schema WHERE name = 'results'",
  );
  const version = Number(row?.version);
  const latest = RESULTS_SCHEMA.steps.length;
  return Number.isInteger(version) && version <= latest
    ? undefined
    : `written by a newer engine (results schema ${String(row?.version)}, this one reads ${latest})`;
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (
    /unable to open database file|directory does not exist/i.test(message) ||
    code === 'SQLITE_CANTOPEN'
  )
    return 'no such file (or it cannot be opened)';
  if (/file is not a database/i.test(message)) return 'not a SQLite database';
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
  let db: SqlStore;
  try {
    // A reader opens a SQLite file read-only: a missing file is an error, never a new store.
    db = await openSqlStore(target, { readonly: !create });
  } catch (error) {
    throw storeError(target, reasonOf(error));
  }
  try {
    if (create) await db.migrate(RESULTS_SCHEMA);
    else {
      const refused = await checkReadable(db);
      if (refused !== undefined) throw storeError(target, refused);
    }
  } catch (error) {
    await db.close().catch(() => {});
    if (error instanceof PathwayError && !isStoreError(error)) throw error;
    throw storeError(target, reasonOf(error));
  }
  return new SqlResultsStore(db);
}
