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
import type {
  AuditChannel,
  AuditEntry,
  AuditFilter,
  AuditLog,
  AuditRecord,
  CardFeedback,
  FeedbackFilter,
  FeedbackRecord,
  IssuedCard,
} from './types';

/** Default and largest page size of {@link AuditLog.query}. */
export const AUDIT_DEFAULT_LIMIT = 100;
export const AUDIT_MAX_LIMIT = 1000;

// 2 added the CDS Hooks card and feedback tables (created on open of a version 1 file).
const SCHEMA_VERSION = 2;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS audit (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  time         TEXT    NOT NULL,
  channel      TEXT    NOT NULL,
  pathway_id   TEXT    NOT NULL,
  version      TEXT    NOT NULL,
  content_hash TEXT    NOT NULL,
  as_of        TEXT    NOT NULL,
  language     TEXT    NOT NULL,
  input        TEXT    NOT NULL CHECK (json_valid(input)),
  status       TEXT    NOT NULL,
  step         TEXT,
  alerts       TEXT    NOT NULL CHECK (json_valid(alerts)),
  error_code   TEXT
);
CREATE INDEX IF NOT EXISTS audit_pathway ON audit (pathway_id, version, id);
CREATE INDEX IF NOT EXISTS audit_time ON audit (time);
CREATE INDEX IF NOT EXISTS audit_step ON audit (step);
`;

interface Row {
  id: number;
  time: string;
  channel: string;
  pathway_id: string;
  version: string;
  content_hash: string;
  as_of: string;
  language: string;
  input: string;
  status: string;
  step: string | null;
  alerts: string;
  error_code: string | null;
}

function fromRow(row: Row): AuditRecord {
  return {
    id: row.id,
    time: row.time,
    channel: row.channel as AuditChannel,
    pathwayId: row.pathway_id,
    version: row.version,
    contentHash: row.content_hash,
    asOf: row.as_of,
    language: row.language,
    input: JSON.parse(row.input) as unknown,
    status: row.status as AuditRecord['status'],
    step: row.step,
    alerts: JSON.parse(row.alerts) as string[],
    ...(row.error_code === null ? {} : { errorCode: row.error_code }),
  };
}

/** Filter columns, in the order their clauses are written (so statements can be reused). */
const FILTERS: readonly [keyof AuditFilter, string][] = [
  ['pathwayId', 'pathway_id = @pathwayId'],
  ['version', 'version = @version'],
  ['channel', 'channel = @channel'],
  ['step', 'step = @step'],
  ['status', 'status = @status'],
  ['from', 'time >= @from'],
  ['to', 'time < @to'],
  ['afterId', 'id > @afterId'],
];

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
      this.db.exec(SCHEMA + FEEDBACK_SCHEMA);
      this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
    }
    this.insert = this.db.prepare(
      `INSERT INTO audit (time, channel, pathway_id, version, content_hash, as_of, language, input, status, step, alerts, error_code)
       VALUES (@time, @channel, @pathwayId, @version, @contentHash, @asOf, @language, @input, @status, @step, @alerts, @errorCode)`,
    );
    this.byId = this.db.prepare('SELECT * FROM audit WHERE id = ?');
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
    return this.cards.feedback(
      filter,
      Math.min(Math.max(1, filter.limit ?? AUDIT_DEFAULT_LIMIT), AUDIT_MAX_LIMIT),
    );
  }

  /** Stores one entry and returns its id. */
  record(entry: AuditEntry): number {
    const info = this.insert.run({
      time: entry.time,
      channel: entry.channel,
      pathwayId: entry.pathwayId,
      version: entry.version,
      contentHash: entry.contentHash,
      asOf: entry.asOf,
      language: entry.language,
      input: JSON.stringify(entry.input ?? null),
      status: entry.status,
      step: entry.step,
      alerts: JSON.stringify(entry.alerts),
      errorCode: entry.errorCode ?? null,
    });
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
      limit: Math.min(Math.max(1, filter.limit ?? AUDIT_DEFAULT_LIMIT), AUDIT_MAX_LIMIT),
    };
    for (const [k] of used) {
      const value = filter[k];
      if (typeof value === 'string' || typeof value === 'number') params[k] = value;
    }
    return (statement.all(params) as Row[]).map(fromRow);
  }

  /** One entry by id. */
  get(id: number): AuditRecord | undefined {
    const row = this.byId.get(id) as Row | undefined;
    return row === undefined ? undefined : fromRow(row);
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
