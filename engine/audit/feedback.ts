/**
 * CDS Hooks cards and the feedback on them, in the audit database: which cards each
 * evaluation sent (`cds_cards`), and what users did with them (`cds_feedback`). Joined with
 * the audit log, feedback shows per pathway version and alert how often an alert is
 * accepted or overridden, and why — what a pathway owner needs to judge alert fatigue.
 */
import type Database from 'better-sqlite3';
import type { CardFeedback, FeedbackFilter, FeedbackRecord, IssuedCard } from './types';

/** Tables of this store (created with the audit schema). */
export const FEEDBACK_SCHEMA = `
CREATE TABLE IF NOT EXISTS cds_cards (
  uuid       TEXT    PRIMARY KEY,
  audit_id   INTEGER NOT NULL REFERENCES audit (id),
  service_id TEXT    NOT NULL,
  topic      TEXT    NOT NULL,
  subject    TEXT
);
CREATE TABLE IF NOT EXISTS cds_feedback (
  id                   INTEGER PRIMARY KEY AUTOINCREMENT,
  received             TEXT    NOT NULL,
  service_id           TEXT    NOT NULL,
  card                 TEXT    NOT NULL REFERENCES cds_cards (uuid),
  outcome              TEXT    NOT NULL CHECK (outcome IN ('accepted', 'overridden')),
  outcome_time         TEXT    NOT NULL,
  accepted_suggestions TEXT    CHECK (accepted_suggestions IS NULL OR json_valid(accepted_suggestions)),
  override_reason      TEXT    CHECK (override_reason IS NULL OR json_valid(override_reason))
);
CREATE INDEX IF NOT EXISTS cds_feedback_card ON cds_feedback (card);
`;

/** A feedback row joined with its card and evaluation (JSON columns as text). */
export interface FeedbackRow {
  id: number;
  received: string;
  service_id: string;
  card: string;
  outcome: CardFeedback['outcome'];
  outcome_time: string;
  accepted_suggestions: string | null;
  override_reason: string | null;
  audit_id: number;
  pathway_id: string;
  version: string;
  topic: IssuedCard['topic'];
  subject: string | null;
}

/**
 * The values of one `cds_feedback` row, in column order (received, service_id, card, outcome,
 * outcome_time, accepted_suggestions, override_reason): the same for every store.
 */
export function feedbackValues(
  received: string,
  serviceId: string,
  e: CardFeedback,
): (string | null)[] {
  return [
    received,
    serviceId,
    e.card,
    e.outcome,
    e.outcomeTimestamp,
    e.acceptedSuggestions === undefined ? null : JSON.stringify(e.acceptedSuggestions),
    e.overrideReason === undefined ? null : JSON.stringify(e.overrideReason),
  ];
}

/** A joined feedback row as a record. */
export function feedbackFromRow(row: FeedbackRow): FeedbackRecord {
  return {
    id: row.id,
    received: row.received,
    serviceId: row.service_id,
    card: row.card,
    outcome: row.outcome,
    outcomeTimestamp: row.outcome_time,
    ...(row.accepted_suggestions === null
      ? {}
      : { acceptedSuggestions: JSON.parse(row.accepted_suggestions) as { id: string }[] }),
    ...(row.override_reason === null
      ? {}
      : {
          overrideReason: JSON.parse(row.override_reason) as NonNullable<
            CardFeedback['overrideReason']
          >,
        }),
    auditId: row.audit_id,
    pathwayId: row.pathway_id,
    version: row.version,
    topic: row.topic,
    subject: row.subject,
  };
}

const FILTERS: readonly [keyof FeedbackFilter, string][] = [
  ['pathwayId', 'a.pathway_id = @pathwayId'],
  ['version', 'a.version = @version'],
  ['outcome', 'f.outcome = @outcome'],
  ['afterId', 'f.id > @afterId'],
];

/** Cards and feedback over an open audit database. Statements are prepared on first use. */
export class FeedbackStore {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Remembers the cards of one evaluation. */
  recordCards(auditId: number, serviceId: string, cards: readonly IssuedCard[]): void {
    const insert = this.statement(
      'INSERT INTO cds_cards (uuid, audit_id, service_id, topic, subject) VALUES (?, ?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      for (const c of cards) insert.run(c.uuid, auditId, serviceId, c.topic, c.subject);
    })();
  }

  /** Stores all entries, or none when a card was not sent by `serviceId`. */
  recordFeedback(
    serviceId: string,
    received: string,
    entries: readonly CardFeedback[],
  ): { unknownCards: string[] } {
    const known = this.statement('SELECT 1 FROM cds_cards WHERE uuid = ? AND service_id = ?');
    const insert = this.statement(
      `INSERT INTO cds_feedback (received, service_id, card, outcome, outcome_time, accepted_suggestions, override_reason)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    return this.db.transaction(() => {
      const unknownCards = entries
        .map((e) => e.card)
        .filter((card) => known.get(card, serviceId) === undefined);
      if (unknownCards.length > 0) return { unknownCards };
      for (const e of entries) insert.run(...feedbackValues(received, serviceId, e));
      return { unknownCards: [] };
    })();
  }

  /** Deletes the cards of records served before `before`, and the feedback on them. */
  prune(before: string): void {
    this.statement(
      `DELETE FROM cds_feedback WHERE card IN (
         SELECT c.uuid FROM cds_cards c JOIN audit a ON a.id = c.audit_id WHERE a.time < ?)`,
    ).run(before);
    this.statement(
      'DELETE FROM cds_cards WHERE audit_id IN (SELECT id FROM audit WHERE time < ?)',
    ).run(before);
  }

  /** Feedback matching every given filter, oldest first, with its card and evaluation. */
  feedback(filter: FeedbackFilter, limit: number): FeedbackRecord[] {
    const used = FILTERS.filter(([key]) => filter[key] !== undefined);
    const where = used.length === 0 ? '' : `WHERE ${used.map(([, sql]) => sql).join(' AND ')}`;
    const rows = this.statement(
      `SELECT f.*, c.topic, c.subject, c.audit_id, a.pathway_id, a.version
       FROM cds_feedback f JOIN cds_cards c ON c.uuid = f.card JOIN audit a ON a.id = c.audit_id
       ${where} ORDER BY f.id LIMIT @limit`,
    ).all({
      limit,
      ...Object.fromEntries(used.map(([key]) => [key, filter[key]])),
    }) as FeedbackRow[];
    return rows.map(feedbackFromRow);
  }
}
