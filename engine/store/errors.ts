/**
 * Typed store failures. A {@link StoreError} is a PathwayError, so every entrance answers it
 * from the one catalogue: SERVICE_UNAVAILABLE (503) when the database is slow, busy, closed or
 * unreachable — the caller may try again — and INTERNAL (500) when a statement itself is wrong.
 * Its `kind` says which, for callers and tests that branch on it.
 */
import { PathwayError } from '../errors';

/** Why a store call failed. */
export type StoreErrorKind =
  /** The statement ran longer than the statement timeout, or waited too long for a lock. */
  | 'timeout'
  /** Every pooled connection was in use for longer than the connect timeout. */
  | 'busy'
  /** The database could not be reached (refused, reset, authentication, shut down). */
  | 'unavailable'
  /** The store was closed. */
  | 'closed'
  /** The database is at a schema version newer than this code knows. */
  | 'schema'
  /** A constraint refused the write (unique, foreign key, check, not null). */
  | 'constraint'
  /** Any other error of the statement. */
  | 'query';

const RETRYABLE: ReadonlySet<StoreErrorKind> = new Set([
  'timeout',
  'busy',
  'unavailable',
  'closed',
]);

/** A failed store call, with its kind and (PostgreSQL) SQLSTATE. */
export class StoreError extends PathwayError {
  readonly kind: StoreErrorKind;
  readonly sqlState: string | undefined;

  constructor(kind: StoreErrorKind, message: string, sqlState?: string) {
    super(RETRYABLE.has(kind) ? 'SERVICE_UNAVAILABLE' : 'INTERNAL', message);
    this.kind = kind;
    this.sqlState = sqlState;
  }
}

/** Whether `error` is a {@link StoreError} (of `kind`, when given). */
export function isStoreError(error: unknown, kind?: StoreErrorKind): error is StoreError {
  return error instanceof StoreError && (kind === undefined || error.kind === kind);
}
