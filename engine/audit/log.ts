/**
 * The audit log in SQLite (better-sqlite3): one row per evaluation served (and, for CDS
 * Hooks, the cards sent and the feedback on them; see `audit-feedback.ts`), in WAL mode so
 * that readers never block the writer. The schema is created on open; statements are
 * prepared once. Input and alerts are stored as JSON text.
 *
 * The log holds patient facts: protect the data folder like any clinical record.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { FEEDBACK_SCHEMA, FeedbackStore } from './feedback';
import {
  AUDIT_COLUMNS,
  AUDIT_FILTERS,
  CDS_CALL_COLUMNS,
  entryValues,
  pageSize,
  recordFromRow,
  type AuditRow,
} from './columns';
import type {
  AuditEntry,
  AuditFilter,
  AuditLog,
  AuditRecord,
  CardFeedback,
  FeedbackFilter,
  FeedbackRecord,
  IssuedCard,
} from './types';

export { AUDIT_DEFAULT_LIMIT, AUDIT_MAX_LIMIT } from './columns';

// 2 added the CDS Hooks card and feedback tables (created on open of a version 1 file);
// 3 added hookInstance, patient and user ids of CDS Hooks calls (columns added on open).
const SCHEMA_VERSION = 3;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS audit (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  time          TEXT    NOT NULL,
  channel       TEXT    NOT NULL,
  pathway_id    TEXT    NOT NULL,
  version       TEXT    NOT NULL,
  content_hash  TEXT    NOT NULL,
  as_of         TEXT    NOT NULL,
  language      TEXT    NOT NULL,
  input         TEXT    NOT NULL CHECK (json_valid(input)),
  status        TEXT    NOT NULL,
  step          TEXT,
  alerts        TEXT    NOT NULL CHECK (json_valid(alerts)),
  error_code    TEXT,
  hook_instance TEXT,
  patient_id    TEXT,
  user_id       TEXT
);
CREATE INDEX IF NOT EXISTS audit_pathway ON audit (pathway_id, version, id);
CREATE INDEX IF NOT EXISTS audit_time ON audit (time);
CREATE INDEX IF NOT EXISTS audit_step ON audit (step);
`;

/** Filter clauses with named parameters, in {@link AUDIT_FILTERS} order (statements are reused). */
const FILTERS = AUDIT_FILTERS.map(([key, column, op]) => [key, `${column} ${op} @${key}`] as const);

/** Options of {@link openAuditLog}. */
export interface AuditLogOptions {
  /** Open an existing log read-only (for inspection); `record` then throws. */
  readonly?: boolean;
}

/** An {@link AuditLog} backed by a SQLite file. */
export class SqliteAuditLog implements AuditLog {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private readonly byId: Database.Statement;
  private readonly prunes: Database.Statement;
  private readonly queries = new Map<string, Database.Statement>();
  private readonly cards: FeedbackStore;
  private closed = false;

  constructor(
    readonly file: string,
    options: AuditLogOptions = {},
  ) {
    if (options.readonly !== true && file !== ':memory:')
      mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file, {
      readonly: options.readonly === true,
      fileMustExist: options.readonly === true,
    });
    if (options.readonly !== true) {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('busy_timeout = 5000');
      const version = this.db.pragma('user_version', { simple: true }) as number;
      if (version > SCHEMA_VERSION)
        throw new Error(
          `${file} has audit schema version ${version}; this service knows ${SCHEMA_VERSION}`,
        );
      this.db.transaction(() => {
        this.db.exec(SCHEMA + FEEDBACK_SCHEMA);
        // A file from before version 3 has an audit table without the CDS call columns.
        const present = new Set(
          (this.db.pragma('table_info(audit)') as { name: string }[]).map((c) => c.name),
        );
        for (const column of CDS_CALL_COLUMNS)
          if (!present.has(column)) this.db.exec(`ALTER TABLE audit ADD COLUMN ${column} TEXT`);
        this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
      })();
    }
    this.insert = this.db.prepare(
      `INSERT INTO audit (${AUDIT_COLUMNS.join(', ')}) VALUES (${AUDIT_COLUMNS.map(() => '?').join(', ')})`,
    );
    this.byId = this.db.prepare('SELECT * FROM audit WHERE id = ?');
    this.prunes = this.db.prepare('DELETE FROM audit WHERE time < ?');
    this.cards = new FeedbackStore(this.db);
  }

  /** Remembers the cards sent for the evaluation recorded as `auditId`. */
  recordCards(auditId: number, serviceId: string, cards: readonly IssuedCard[]): void {
    this.cards.recordCards(auditId, serviceId, cards);
  }

  /** Stores feedback on cards this service sent: all entries, or none (see the interface). */
  recordFeedback(
    serviceId: string,
    received: string,
    entries: readonly CardFeedback[],
  ): { unknownCards: string[] } {
    return this.cards.recordFeedback(serviceId, received, entries);
  }

  /** Feedback entries, oldest first, at most `limit` (default 100, max 1000). */
  feedback(filter: FeedbackFilter): FeedbackRecord[] {
    return this.cards.feedback(filter, pageSize(filter.limit));
  }

  /** Stores one entry and returns its id. */
  record(entry: AuditEntry): number {
    const info = this.insert.run(entryValues(entry));
    return Number(info.lastInsertRowid);
  }

  /** Entries matching every given filter, oldest first, at most `limit` (default 100, max 1000). */
  query(filter: AuditFilter): AuditRecord[] {
    const used = FILTERS.filter(([key]) => filter[key] !== undefined);
    const key = used.map(([k]) => k).join(',');
    let statement = this.queries.get(key);
    if (statement === undefined) {
      const where = used.length === 0 ? '' : `WHERE ${used.map(([, sql]) => sql).join(' AND ')}`;
      statement = this.db.prepare(`SELECT * FROM audit ${where} ORDER BY id LIMIT @limit`);
      this.queries.set(key, statement);
    }
    const params: Record<string, string | number> = {
      limit: pageSize(filter.limit),
    };
    for (const [k] of used) {
      const value = filter[k];
      if (typeof value === 'string' || typeof value === 'number') params[k] = value;
    }
    return (statement.all(params) as AuditRow[]).map((row) => recordFromRow(row));
  }

  /** One entry by id. */
  get(id: number): AuditRecord | undefined {
    const row = this.byId.get(id) as AuditRow | undefined;
    return row === undefined ? undefined : recordFromRow(row);
  }

  /** Deletes records served before `before`, with their cards and feedback, in one transaction. */
  prune(before: string): number {
    return this.db.transaction(() => {
      this.cards.prune(before);
      return this.prunes.run(before).changes;
    })();
  }

  /** Closes the database (checkpointing the WAL). Safe to call twice. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  /** Whether {@link close} was called. */
  get isClosed(): boolean {
    return this.closed;
  }
}

/** Opens (creating if needed) the audit log at `file`. */
export function openAuditLog(file: string, options: AuditLogOptions = {}): SqliteAuditLog {
  return new SqliteAuditLog(file, options);
}
