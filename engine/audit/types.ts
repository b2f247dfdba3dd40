/**
 * The audit log's records and its interface: what the log (`log.ts`) stores and
 * answers. A log is the evaluation service's {@link AuditSink}: every evaluation is recorded
 * through its one `record` call.
 */
import type { CardFeedback } from '../cds/schema';
import type { AuditChannel, AuditEntry, AuditSink, CardsSent } from '../service/audit';

export type { AuditChannel, AuditEntry, CardFeedback };

/** A stored entry with its id. */
export interface AuditRecord extends AuditEntry {
  id: number;
}

export interface AuditFilter {
  pathwayId?: string;
  version?: string;
  channel?: AuditChannel;
  step?: string;
  status?: AuditEntry['status'];
  from?: string;
  to?: string;
  limit?: number;
  afterId?: number;
}

/** A card the CDS service sent, remembered so that feedback on it can be read in context. */
export interface IssuedCard {
  uuid: string;
  topic: 'step' | 'alert' | 'missing-data';
  /** The step id (step card) or alert id (alert card); null for the data card. */
  subject: string | null;
}

/** A stored feedback entry with the card and evaluation it is about. */
export interface FeedbackRecord extends CardFeedback {
  id: number;
  received: string;
  serviceId: string;
  auditId: number;
  pathwayId: string;
  version: string;
  topic: IssuedCard['topic'];
  subject: string | null;
}

export interface FeedbackFilter {
  pathwayId?: string;
  version?: string;
  outcome?: CardFeedback['outcome'];
  limit?: number;
  afterId?: number;
}

/** Options of {@link AuditLog.prune}. */
export interface PruneOptions {
  /** Records deleted per transaction. Default 10 000. */
  batchSize?: number;
  /** Told how many records each committed batch deleted. */
  onBatch?: (deleted: number) => void;
}

/**
 * The audit log (`log.ts`): SQLite by default, PostgreSQL when configured. Every call is
 * asynchronous; a call the database cannot answer in time rejects with a StoreError
 * (engine/store/errors.ts), never hangs.
 */
export interface AuditLog extends AuditSink {
  /**
   * Stores feedback, all entries or none: when a card was not sent by `serviceId`, nothing is
   * stored and the unknown card ids are returned.
   */
  recordFeedback(
    serviceId: string,
    received: string,
    entries: readonly CardFeedback[],
  ): Promise<{ unknownCards: string[] }>;
  /** Feedback entries matching every given filter, oldest first. */
  feedback(filter: FeedbackFilter): Promise<FeedbackRecord[]>;
  /**
   * Stores the entry, with the cards sent with it in the same transaction, and resolves with
   * its id once it is committed.
   */
  record(entry: AuditEntry, cards?: CardsSent): Promise<number>;
  query(filter: AuditFilter): Promise<AuditRecord[]>;
  get(id: number): Promise<AuditRecord | undefined>;
  /**
   * Deletes the records served before `before` (an ISO timestamp), with the cards they sent
   * and the feedback on those cards, in batches (each all or nothing); resolves with how
   * many records went.
   */
  prune(before: string, options?: PruneOptions): Promise<number>;
  /** Finishes pending writes and closes the database. Safe to call twice. */
  close(): Promise<void>;
}
