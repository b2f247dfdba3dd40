/**
 * Retention by age: records older than a configured number of days are deleted (with their
 * CDS cards and feedback), once when the service starts and then periodically. No retention
 * configured keeps everything, as before.
 */
import type { AuditLog } from './types';

/** How often retention runs after the first time: hourly. */
export const RETENTION_INTERVAL_MS = 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The retention in days from `AUDIT_RETENTION_DAYS`: undefined (keep everything) when unset
 * or empty; a positive integer otherwise. Anything else throws, naming the variable, so that
 * a typo never deletes more (or less) than meant.
 */
export function retentionDaysFromEnv(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const days = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(days) || days < 1)
    throw new Error(
      `AUDIT_RETENTION_DAYS must be a whole number of days (1 or more), not ${JSON.stringify(value)}`,
    );
  return days;
}

/** The ISO timestamp before which records are deleted, `days` days before `now`. */
export function retentionCutoff(now: Date, days: number): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString();
}

/** Options of {@link startRetention}. */
export interface RetentionOptions {
  /** Keep this many days. */
  days: number;
  /** The clock. Default the system clock. */
  now?: () => Date;
  /** Time between runs. Default {@link RETENTION_INTERVAL_MS}. */
  intervalMs?: number;
  /** Told what each run deleted, or why it failed (a failed run is tried again next time). */
  report?: (outcome: { deleted: number; before: string } | { error: unknown }) => void;
}

/**
 * Applies retention to `log` now and every `intervalMs` until the returned function is
 * called. Runs are in the background (the service answers meanwhile; the log deletes in
 * batches) and never overlap: a run still going when the next is due makes that one skip.
 * The timer does not keep the process alive.
 */
export function startRetention(log: AuditLog, options: RetentionOptions): () => void {
  const now = options.now ?? (() => new Date());
  let running = false;
  let stopped = false;
  const run = async (): Promise<void> => {
    if (running || stopped) return;
    running = true;
    const before = retentionCutoff(now(), options.days);
    try {
      const deleted = await log.prune(before);
      options.report?.({ deleted, before });
    } catch (error) {
      options.report?.({ error });
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), options.intervalMs ?? RETENTION_INTERVAL_MS);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
