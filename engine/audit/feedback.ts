/**
 * CDS Hooks cards and the feedback on them, in the audit database: which cards each
 * evaluation sent (`cds_cards`), and what users did with them (`cds_feedback`). Joined with
 * the audit log, feedback shows per pathway version and alert how often an alert is
 * accepted or overridden, and why — what a pathway owner needs to judge alert fatigue.
 */
import { placeholderList } from '../store/placeholders';
import type { SqlExecutor, SqlStore, SqlValue } from '../store/types';
import type { CardFeedback, FeedbackFilter, FeedbackRecord, IssuedCard } from './types';

/** A feedback row joined with its card and evaluation (JSON columns as text). */
export interface FeedbackRow {
  id: number | string;
  received: string;
  service_id: string;
  card: string;
  outcome: CardFeedback['outcome'];
  outcome_time: string;
  accepted_suggestions: string | null;
  override_reason: string | null;
  audit_id: number | string;
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
    id: Number(row.id),
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
    auditId: Number(row.audit_id),
    pathwayId: row.pathway_id,
    version: row.version,
    topic: row.topic,
    subject: row.subject,
  };
}

// Card ids checked per statement: well under both databases' limits on parameters.
const CHUNK = 500;

/** The values of one evaluation's `cds_cards` rows, five per card, in column order. */
export function cardValues(
  auditId: number,
  serviceId: string,
  cards: readonly IssuedCard[],
): SqlValue[] {
  return cards.flatMap((c) => [c.uuid, auditId, serviceId, c.topic, c.subject]);
}

/** Writes one evaluation's card rows ({@link cardValues}) in one statement: all or none. */
export async function insertCards(db: SqlExecutor, values: readonly SqlValue[]): Promise<void> {
  if (values.length === 0) return;
  const rows = Array.from({ length: values.length / 5 }, () => '(?, ?, ?, ?, ?)');
  await db.run(
    `INSERT INTO cds_cards (uuid, audit_id, service_id, topic, subject) VALUES ${rows.join(', ')}`,
    values,
  );
}

/** Stores all entries in one transaction, or none when a card was not sent by `serviceId`. */
export async function recordFeedback(
  db: SqlStore,
  serviceId: string,
  received: string,
  entries: readonly CardFeedback[],
): Promise<{ unknownCards: string[] }> {
  return db.transaction(async (tx) => {
    const cards = entries.map((e) => e.card);
    const known = new Set<string>();
    for (let i = 0; i < cards.length; i += CHUNK) {
      const chunk = cards.slice(i, i + CHUNK);
      const rows = await tx.all<{ uuid: string }>(
        `SELECT uuid FROM cds_cards WHERE service_id = ? AND uuid IN (${placeholderList(chunk.length)})`,
        [serviceId, ...chunk],
      );
      for (const row of rows) known.add(row.uuid);
    }
    const unknownCards = cards.filter((card) => !known.has(card));
    if (unknownCards.length > 0) return { unknownCards };
    for (const e of entries)
      await tx.run(
        `INSERT INTO cds_feedback (received, service_id, card, outcome, outcome_time, accepted_suggestions, override_reason)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        feedbackValues(received, serviceId, e),
      );
    return { unknownCards: [] };
  });
}

const FILTERS: readonly [keyof FeedbackFilter, string][] = [
  ['pathwayId', 'a.pathway_id = ?'],
  ['version', 'a.version = ?'],
  ['outcome', 'f.outcome = ?'],
  ['afterId', 'f.id > ?'],
];

/** Feedback matching every given filter, oldest first, with its card and evaluation. */
export async function readFeedback(
  db: SqlExecutor,
  filter: FeedbackFilter,
  limit: number,
): Promise<FeedbackRecord[]> {
  const used = FILTERS.filter(([key]) => filter[key] !== undefined);
  const where = used.length === 0 ? '' : `WHERE ${used.map(([, sql]) => sql).join(' AND ')}`;
  // PostgreSQL's json columns are read as the text written, as SQLite's are.
  const json = (column: string): string =>
    db.dialect === 'postgres' ? `f.${column}::text AS ${column}` : `f.${column}`;
  const rows = await db.all<FeedbackRow>(
    `SELECT f.id, f.received, f.service_id, f.card, f.outcome, f.outcome_time,
            ${json('accepted_suggestions')}, ${json('override_reason')},
            c.topic, c.subject, c.audit_id, a.pathway_id, a.version
     FROM cds_feedback f JOIN cds_cards c ON c.uuid = f.card JOIN audit a ON a.id = c.audit_id
     ${where} ORDER BY f.id LIMIT ?`,
    [...used.map(([key]) => filter[key] as SqlValue), limit],
  );
  return rows.map(feedbackFromRow);
}
