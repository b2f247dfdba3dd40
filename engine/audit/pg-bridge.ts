/**
 * A synchronous bridge to PostgreSQL. The audit log's interface is synchronous (the
 * evaluation service records every evaluation with one `record` call that returns its id,
 * as better-sqlite3 does), so the PostgreSQL store runs `pg` in a worker thread and waits
 * for each answer with `Atomics.wait`. One connection, one call at a time: writes keep the
 * order they were made in, and a call that takes longer than the timeout throws (the service
 * then answers 503, as with a SQLite file that cannot be written).
 */
import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';

/** One SQL statement with its positional parameters ($1, $2, …). */
export interface Statement {
  sql: string;
  params?: readonly unknown[];
}

/** Rows of each statement, in order. */
export type Rows = Record<string, unknown>[];

// Plain JavaScript run in the worker (CommonJS eval): it holds the one pg client, runs each
// batch of statements (inside BEGIN/COMMIT when asked) and wakes the waiting thread.
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const { Client } = require(workerData.pg);
const { url, port, signal } = workerData;
const client = new Client({ connectionString: url });
const connected = client.connect();
connected.catch(() => {});
const answer = (message) => {
  port.postMessage(message);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
};
parentPort.on('message', async ({ id, statements, transaction }) => {
  if (id === 'close') {
    await client.end().catch(() => {});
    answer({ id, rows: [] });
    return;
  }
  try {
    await connected;
    const rows = [];
    if (transaction) await client.query('BEGIN');
    try {
      for (const s of statements) rows.push((await client.query(s.sql, s.params ?? [])).rows);
      if (transaction) await client.query('COMMIT');
    } catch (error) {
      if (transaction) await client.query('ROLLBACK').catch(() => {});
      throw error;
    }
    answer({ id, rows });
  } catch (error) {
    answer({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
client.on('error', () => {});
`;

interface Answer {
  id: number | 'close';
  rows?: Rows[];
  error?: string;
}

/** A PostgreSQL connection answering synchronously (see the module comment). */
export class SyncPostgres {
  private readonly worker: Worker;
  private readonly port: MessageChannel['port1'];
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private next = 0;
  private closed = false;

  /**
   * Connects to `url` (a `postgres://` connection string). `timeoutMs` bounds each call,
   * connecting included.
   */
  constructor(
    url: string,
    private readonly timeoutMs = 10_000,
  ) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    // Resolved here, where the project's node_modules is known, not from the worker's cwd.
    const pg = createRequire(import.meta.url).resolve('pg');
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { url, pg, port: port2, signal: this.signal },
      transferList: [port2],
    });
    // The worker must not keep a finished process alive; close() ends it.
    this.worker.unref();
  }

  /** Runs the statements (in one transaction when `transaction`) and returns their rows. */
  run(statements: readonly Statement[], transaction = false): Rows[] {
    if (this.closed) throw new Error('the PostgreSQL audit log is closed');
    const id = ++this.next;
    const answer = this.call(id, { id, statements, transaction });
    if (answer.error !== undefined) throw new Error(`PostgreSQL: ${answer.error}`);
    return answer.rows ?? [];
  }

  /** One statement's rows. */
  query(sql: string, params: readonly unknown[] = []): Rows {
    return this.run([{ sql, params }])[0] ?? [];
  }

  /** Ends the connection and the worker. Safe to call twice. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.call('close', { id: 'close' });
    } catch {
      // A connection that does not answer is ended with its worker below.
    }
    void this.worker.terminate();
    this.port.close();
  }

  private call(id: number | 'close', message: object): Answer {
    Atomics.store(this.signal, 0, 0);
    this.worker.postMessage(message);
    const deadline = Date.now() + this.timeoutMs;
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0 || Atomics.wait(this.signal, 0, 0, left) === 'timed-out')
        throw new Error(`PostgreSQL did not answer within ${this.timeoutMs} ms`);
      Atomics.store(this.signal, 0, 0);
      // Answers to calls that timed out earlier arrive late: skip them.
      for (;;) {
        const received = receiveMessageOnPort(this.port) as { message: Answer } | undefined;
        if (received === undefined) break;
        if (received.message.id === id) return received.message;
      }
    }
  }
}
