/**
 * Group commit of audit inserts: records asked for while a write is in flight wait for it and
 * then go to the database together, in one transaction. Under load that turns many small
 * commits (each waiting for the insert lock and a disk flush) into a few larger ones; alone,
 * a record is written at once, with no added delay. Each caller still gets its own id only
 * after its row is committed.
 *
 * A store that writes synchronously (SQLite) is never "in flight" while other requests run,
 * so it gathers instead: the first row of a group waits for the end of the current turn of
 * the event loop (`setImmediate`), and every row asked for in that turn is committed with it.
 */
import { isStoreError } from '../store/errors';
import type { SqlValue } from '../store/types';

interface Waiting<T> {
  values: T;
  resolve: (id: number) => void;
  reject: (error: unknown) => void;
}

/**
 * Writes rows (in order) and returns their ids, in the same order. A row is its values, or
 * (`T`) whatever the writer makes its values from.
 */
export type WriteRows<T = SqlValue[]> = (rows: readonly T[]) => Promise<number[]>;

/** Options of a {@link GroupInsert}. */
export interface GroupInsertOptions {
  /** Most rows per transaction. Default 500. */
  maxGroup?: number;
  /**
   * Start a group at the end of the event loop's current turn rather than at once, so rows
   * asked for in the same turn share one commit (for a store that writes synchronously).
   */
  gather?: boolean;
}

/** Queues rows and writes them in groups of at most `maxGroup` through `write`. */
export class GroupInsert<T = SqlValue[]> {
  private readonly queue: Waiting<T>[] = [];
  private flushing: Promise<void> | undefined;
  private readonly maxGroup: number;
  private readonly gather: boolean;

  constructor(
    private readonly write: WriteRows<T>,
    options: GroupInsertOptions = {},
  ) {
    this.maxGroup = options.maxGroup ?? 500;
    this.gather = options.gather ?? false;
  }

  /** Writes one row (with the others waiting now) and resolves with its id once committed. */
  add(values: T): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      this.queue.push({ values, resolve, reject });
      this.flushing ??= this.gather ? this.flushSoon() : this.flush();
    });
  }

  private flushSoon(): Promise<void> {
    return new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.flush());
  }

  /** Settles when every row queued so far is written (or has failed). */
  async drain(): Promise<void> {
    while (this.flushing !== undefined) await this.flushing;
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const group = this.queue.splice(0, this.maxGroup);
        await this.writeGroup(group);
      }
    } finally {
      this.flushing = undefined;
    }
  }

  private async writeGroup(group: Waiting<T>[]): Promise<void> {
    try {
      const ids = await this.write(group.map((w) => w.values));
      group.forEach((w, i) => w.resolve(ids[i] ?? Number.NaN));
    } catch (error) {
      // A row the database refuses must not fail the others: they are tried one by one.
      // A slow or unreachable database fails them all alike.
      if (
        group.length > 1 &&
        isStoreError(error) &&
        !['timeout', 'busy', 'unavailable', 'closed'].includes(error.kind)
      )
        for (const w of group) await this.writeGroup([w]);
      else for (const w of group) w.reject(error);
    }
  }
}
