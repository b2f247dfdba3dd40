/**
 * What the HTTP routes share: the pathway repository, compiled pathways, the audit log and
 * the clock. Route modules (REST, batch, CDS Hooks) receive a ServiceContext instead of
 * reaching for globals, so tests can build an app over a temporary folder.
 */
import type { CompiledPathway } from '../evaluate/compile';
import type { EvaluationResult } from '../evaluate/result';
import type { LoadedVersion, PathwayRepository } from '../node/repository';
import type { CardFeedback } from './cds-schema';

export type { CardFeedback };

/** The channel an evaluation came through. */
export type AuditChannel = 'rest' | 'batch' | 'cds-hooks' | 'replay';

/** One evaluation served, as the audit log stores it. */
export interface AuditEntry {
  /** ISO timestamp of when the evaluation was served. */
  time: string;
  channel: AuditChannel;
  pathwayId: string;
  version: string;
  /** Content hash of the pathway file evaluated (`sha256:…`). */
  contentHash: string;
  asOf: string;
  language: string;
  /** The evaluation input exactly as evaluated ({ currentStep?, facts, asOf }). */
  input: unknown;
  status: EvaluationResult['status'] | 'error';
  step: string | null;
  alerts: string[];
  errorCode?: string;
}

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

/** The audit log (SQLite by default). */
export interface AuditLog {
  /** Remembers the cards sent for the evaluation recorded as `auditId`. */
  recordCards(auditId: number, serviceId: string, cards: readonly IssuedCard[]): void;
  /**
   * Stores feedback, all entries or none: when a card was not sent by `serviceId`, nothing is
   * stored and the unknown card ids are returned.
   */
  recordFeedback(
    serviceId: string,
    received: string,
    entries: readonly CardFeedback[],
  ): { unknownCards: string[] };
  /** Feedback entries matching every given filter, oldest first. */
  feedback(filter: FeedbackFilter): FeedbackRecord[];
  record(entry: AuditEntry): number;
  query(filter: AuditFilter): AuditRecord[];
  get(id: number): AuditRecord | undefined;
  close(): void;
}

/** Shared state of a running service. */
export interface ServiceContext {
  /** Absolute path of the pathways folder. */
  pathwaysDir: string;
  /** The repository as on disk now (cached; reloaded after a save). */
  repository(): Promise<PathwayRepository>;
  /** The compiled form of a loaded version (cached by content hash). */
  compiled(version: LoadedVersion): CompiledPathway;
  audit: AuditLog;
  /** Today's date (YYYY-MM-DD), the default `asOf`. */
  today(): string;
}
