/**
 * The one audit call: every evaluation a service serves (REST, batch, CDS Hooks, replay) is
 * recorded through {@link AuditSink.record}. The Node side implements it with the audit log
 * (engine/audit/: SQLite or PostgreSQL); the browser and the CLI run without one.
 */
import type { IssuedCard } from '../audit/types';
import type { EvaluationResult } from '../evaluate/result';

/** The channels an evaluation can come through. */
export const AUDIT_CHANNELS = ['rest', 'batch', 'cds-hooks', 'replay'] as const;

/** The channel an evaluation came through. */
export type AuditChannel = (typeof AUDIT_CHANNELS)[number];

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
  /**
   * The input as JSON text, exactly `JSON.stringify(input)`, when the entrance already has it
   * (a batch line written that way); it then stands for `input`.
   */
  inputJson?: string;
  status: EvaluationResult['status'] | 'error';
  step: string | null;
  alerts: string[];
  errorCode?: string;
  /** CDS Hooks calls: the request's `hookInstance`. */
  hookInstance?: string;
  /** CDS Hooks calls: the request's `context.patientId`. */
  patientId?: string;
  /** CDS Hooks calls: the request's `context.userId`. */
  userId?: string;
}

/** Who and what a CDS Hooks call was about, recorded with its evaluation. */
export type CdsCallIds = Pick<AuditEntry, 'hookInstance' | 'patientId' | 'userId'>;

/** The cards a CDS Hooks call sent with an evaluation, remembered for feedback on them. */
export interface CardsSent {
  /** The CDS service id the call was made to. */
  serviceId: string;
  cards: readonly IssuedCard[];
}

/** Where evaluations are recorded. */
export interface AuditSink {
  /**
   * Stores the entry and resolves with its id once it is stored. A sink that cannot record
   * rejects (in bounded time: a slow store times out rather than hang the answer). `cards`
   * (a CDS Hooks call's) are stored with the entry, in the same transaction: both or neither.
   */
  record(entry: AuditEntry, cards?: CardsSent): Promise<number>;
}
