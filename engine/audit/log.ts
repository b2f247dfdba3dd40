/**
 * The audit log on the shared SQL store (engine/store): one row per evaluation served (and,
 * for CDS Hooks, the cards sent and the feedback on them; see `feedback.ts`), the same tables
 * and answers in SQLite (the embedded default, a file in WAL mode) and PostgreSQL (several
 * service instances sharing one database through a bounded pool). Every call is
 * asynchronous: a slow database delays the requests that need the log, never the others.
 *
 * In PostgreSQL every insert into `audit` first locks the table against other inserts (SHARE
 * ROW EXCLUSIVE: readers are not held up) until it commits, so ids commit in order across instances (a reader paging with `afterId` never skips a record
 * committed later); concurrent inserts are committed together (`group-insert.ts`). In SQLite
 * the rows asked for in one turn of the event loop share one transaction (one WAL commit
 * instead of one per row).
 *
 * The log holds patient facts: protect the data folder and the database like any clinical record.
 */
import { openSqlStore, type SqlStoreOptions } from '../store/open';
import { SqliteStore } from '../store/sqlite';
import type { SqlExecutor, SqlStore, SqlValue } from '../store/types';
import {
  AUDIT_COLUMNS,
  AUDIT_FILTERS,
  entryValues,
  pageSize,
  recordFromRow,
  type AuditRow,
} from './columns';
import { cardValues, insertCards, readFeedback, recordFeedback } from './feedback';
import { FALLBACK_CHECKPOINT_PAGES, startCheckpointer, type WalCheckpointer } from './checkpointer';
import { GroupInsert } from './group-insert';
import { AUDIT_SCHEMA, ensureSqliteSchema } from './schema';
import type { CardsSent } from '../service/audit';
import type {
  AuditEntry,
  AuditFilter,
  AuditLog,
  AuditRecord,
  CardFeedback,
  FeedbackFilter,
  FeedbackRecord,
  PruneOptions,
} from './types';

export { AUDIT_DEFAULT_LIMIT, AUDIT_MAX_LIMIT } from './columns';

/** Records deleted per retention transaction: a large first run is many short ones. */
export const PRUNE_BATCH = 10_000;

const yieldToOthers = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** One audit row to insert, with the cards kept with it (a CDS Hooks call's). */
interface AuditInsert {
  values: SqlValue[];
  cards: CardsSent | undefined;
}

/** An {@link AuditLog} over an open, migrated {@link SqlStore}. */
export class SqlAuditLog implements AuditLog {
  private readonly select: string;
  private readonly group: GroupInsert<AuditInsert>;
  /** Settles when the schema is in place (see {@link SqliteAuditLog}); undefined when it was already. */
  private readonly ready: Promise<void> | undefined;

  /**
   * A log over `store`, whose schema is in place, or will be once `ready` resolves.
   * `checkpointer`: the SQLite file's WAL checkpoints in a worker (see checkpointer.ts),
   * stopped when the log closes.
   */
  constructor(
    readonly store: SqlStore,
    ready?: Promise<void>,
    readonly checkpointer?: WalCheckpointer,
  ) {
    this.ready = ready;
    // A failed preparation is reported by every call; this only keeps it from going unhandled.
    ready?.catch(() => {});
    // PostgreSQL's json columns are read back as the text written, as SQLite's are.
    this.select = `SELECT id, ${AUDIT_COLUMNS.map((c) =>
      store.dialect === 'postgres' && (c === 'input' || c === 'alerts') ? `${c}::text AS ${c}` : c,
    ).join(', ')} FROM audit`;
    this.group = new GroupInsert<AuditInsert>((rows) => this.insertRows(rows), {
      gather: store.dialect === 'sqlite',
    });
  }

  /** Where the log is (a PostgreSQL URL without its password, or the SQLite file). */
  get target(): string {
    return this.store.target;
  }

  /**
   * Stores one entry, and the cards sent with it in the same transaction, and returns its id
   * once it is committed.
   */
  async record(entry: AuditEntry, cards?: CardsSent): Promise<number> {
    if (this.ready !== undefined) await this.ready;
    return this.group.add({ values: entryValues(entry), cards });
  }

  /** Entries matching every given filter, oldest first, at most `limit` (default 100, max 1000). */
  async query(filter: AuditFilter): Promise<AuditRecord[]> {
    if (this.ready !== undefined) await this.ready;
    const clauses: string[] = [];
    const params: SqlValue[] = [];
    for (const [key, column, op] of AUDIT_FILTERS) {
      const value = filter[key];
      if (value === undefined) continue;
      params.push(value);
      clauses.push(`${column} ${op} ?`);
    }
    params.push(pageSize(filter.limit));
    const where = clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`;
    const rows = await this.store.all<AuditRow>(
      `${this.select} ${where} ORDER BY id LIMIT ?`,
      params,
    );
    return rows.map(recordFromRow);
  }

  /** One entry by id. */
  async get(id: number): Promise<AuditRecord | undefined> {
    if (this.ready !== undefined) await this.ready;
    const row = await this.store.get<AuditRow>(`${this.select} WHERE id = ?`, [id]);
    return row === undefined ? undefined : recordFromRow(row);
  }

  /** Stores feedback on cards this service sent: all entries, or none (see the interface). */
  async recordFeedback(
    serviceId: string,
    received: string,
    entries: readonly CardFeedback[],
  ): Promise<{ unknownCards: string[] }> {
    if (this.ready !== undefined) await this.ready;
    return recordFeedback(this.store, serviceId, received, entries);
  }

  /** Feedback entries, oldest first, at most `limit` (default 100, max 1000). */
  async feedback(filter: FeedbackFilter): Promise<FeedbackRecord[]> {
    if (this.ready !== undefined) await this.ready;
    return readFeedback(this.store, filter, pageSize(filter.limit));
  }

  /**
   * Deletes the records served before `before`, with their cards and feedback, in batches of
   * `batchSize` records per transaction (oldest ids first), giving other work its turn
   * between batches. Returns how many records went.
   */
  async prune(before: string, options: PruneOptions = {}): Promise<number> {
    if (this.ready !== undefined) await this.ready;
    const batchSize = Math.max(1, Math.trunc(options.batchSize ?? PRUNE_BATCH));
    let total = 0;
    for (;;) {
      const deleted = await this.store.transaction(async (tx) => {
        // The batch: the `batchSize` oldest ids among the records to delete; `edge` is its last.
        const batch = await tx.get<{ edge: number | null; n: number | string }>(
          `SELECT max(id) AS edge, count(*) AS n FROM (
             SELECT id FROM audit WHERE time < ? ORDER BY id LIMIT ?) AS batch`,
          [before, batchSize],
        );
        const edge = batch?.edge ?? null;
        if (edge === null) return 0;
        const chosen = 'SELECT id FROM audit WHERE time < ? AND id <= ?';
        await tx.run(
          `DELETE FROM cds_feedback WHERE card IN (
             SELECT uuid FROM cds_cards WHERE audit_id IN (${chosen}))`,
          [before, edge],
        );
        await tx.run(`DELETE FROM cds_cards WHERE audit_id IN (${chosen})`, [before, edge]);
        return (await tx.run('DELETE FROM audit WHERE time < ? AND id <= ?', [before, edge]))
          .changes;
      });
      total += deleted;
      options.onBatch?.(deleted);
      if (deleted < batchSize) return total;
      await yieldToOthers();
    }
  }

  /** Writes the records waiting, then closes the store. Safe to call twice. */
  async close(): Promise<void> {
    await this.ready?.catch(() => {});
    await this.group.drain();
    // Before the store: the last connection to close checkpoints and removes the WAL.
    await this.checkpointer?.stop();
    await this.store.close();
  }

  /** Whether {@link close} was called. */
  get isClosed(): boolean {
    return this.store.isClosed;
  }

  /**
   * Rows in one transaction, ids in the order given, each row's cards after it (with its id);
   * in PostgreSQL under the insert lock.
   */
  private async insertRows(rows: readonly AuditInsert[]): Promise<number[]> {
    const tuple = `(${AUDIT_COLUMNS.map(() => '?').join(', ')})`;
    const cardsOf = async (tx: SqlExecutor, row: AuditInsert, id: number): Promise<void> => {
      if (row.cards !== undefined && row.cards.cards.length > 0)
        await insertCards(tx, cardValues(id, row.cards.serviceId, row.cards.cards));
    };
    if (this.store.dialect === 'sqlite') {
      const sql = `INSERT INTO audit (${AUDIT_COLUMNS.join(', ')}) VALUES ${tuple}`;
      // One prepared statement run per row: SQLite gives each its id as it goes.
      return this.store.transaction(async (tx) => {
        const ids: number[] = [];
        for (const row of rows) {
          const id = await tx.insert(sql, row.values);
          await cardsOf(tx, row, id);
          ids.push(id);
        }
        return ids;
      });
    }
    return this.store.transaction(async (tx) => {
      // Taken on this schema's table only, so logs in other schemas of the database never wait.
      await tx.run('LOCK TABLE audit IN SHARE ROW EXCLUSIVE MODE');
      const inserted = await tx.all<{ id: number }>(
        `INSERT INTO audit (${AUDIT_COLUMNS.join(', ')}) VALUES ${rows.map(() => tuple).join(', ')} RETURNING id`,
        rows.flatMap((row) => row.values),
      );
      // Identity values are drawn row by row in VALUES order: ascending ids match the rows.
      const ids = inserted.map((r) => Number(r.id)).sort((a, b) => a - b);
      for (const [i, row] of rows.entries()) await cardsOf(tx, row, ids[i] ?? Number.NaN);
      return ids;
    });
  }
}

/**
 * The SQLite audit log made synchronously, for tests and embedded use: the file opens now and
 * its schema is put in place before the first call answers. {@link openAuditLog} is the
 * usual way in (it reports a bad file at once).
 */
export class SqliteAuditLog extends SqlAuditLog {
  constructor(file: string) {
    const store = new SqliteStore(file);
    super(store, store.transaction(ensureSqliteSchema));
  }
}

/** Options of {@link openAuditLog}: the store's (pool size, timeouts). */
export type AuditLogOptions = SqlStoreOptions;

/**
 * Opens (creating or migrating if needed) the audit log at `target`: a SQLite file (or
 * `:memory:`), or a `postgres://` URL.
 */
export async function openAuditLog(
  target: string,
  options: AuditLogOptions = {},
): Promise<SqlAuditLog> {
  const store = await openSqlStore(target, options);
  try {
    if (store.dialect === 'sqlite') await store.transaction(ensureSqliteSchema);
    else await store.migrate(AUDIT_SCHEMA);
  } catch (error) {
    await store.close();
    throw error;
  }
  if (!(store instanceof SqliteStore) || target === ':memory:' || options.readonly === true)
    return new SqlAuditLog(store);
  // The WAL is copied back into the file by a worker, not inside the service's commits.
  store.database.pragma(`wal_autocheckpoint = ${FALLBACK_CHECKPOINT_PAGES}`);
  return new SqlAuditLog(store, undefined, startCheckpointer(target));
}
