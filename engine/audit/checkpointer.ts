/**
 * The SQLite audit file's WAL checkpoints, off the service's event loop. In WAL mode every
 * commit appends the pages it changed to the `-wal` file; a checkpoint copies them back into
 * the database file and syncs both. SQLite runs one inside a commit whenever the WAL has grown
 * past 1 000 pages, which under load is several times a second (each audit commit appends
 * about six pages: the row's page and the three indexes'), and each took 4–20 ms of the event
 * loop on this project's machine — every request arriving meanwhile waited for it.
 *
 * Here a worker thread with a connection of its own runs a PASSIVE checkpoint every
 * `intervalMs` (PASSIVE: it never waits for, nor blocks, the writer), so the WAL stays short
 * and the service's commits only append. Nothing about what a commit guarantees changes: each
 * audit row is committed (to the WAL, `synchronous = NORMAL`, as before) before its answer is
 * given; only the copying into the main file moved. The service's own connection keeps an
 * automatic checkpoint at a much larger size ({@link FALLBACK_CHECKPOINT_PAGES}), so the WAL
 * stays bounded even if this worker fell behind or stopped.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Pages the service's own connection lets the WAL reach before checkpointing itself (≈ 40 MB). */
export const FALLBACK_CHECKPOINT_PAGES = 10_000;

/** How often the worker checkpoints by default, in milliseconds. */
export const CHECKPOINT_INTERVAL_MS = 100;

/** What one checkpoint did: SQLite's `wal_checkpoint` row. */
export interface CheckpointResult {
  /** 1 when the checkpoint could not run to completion (a writer or reader in the way). */
  busy: number;
  /** Pages in the WAL. */
  log: number;
  /** Pages of it now copied into the database file. */
  checkpointed: number;
}

/** A running checkpoint worker. */
export interface WalCheckpointer {
  /** Runs one checkpoint now (in the worker) and resolves with what it did. */
  run(): Promise<CheckpointResult>;
  /** Stops the worker and closes its connection. Safe to call twice. */
  stop(): Promise<void>;
}

// The worker's code, plain CommonJS run with `eval`: it needs only the SQLite driver, whose
// path the service resolves, so it works the same from the sources and from the compiled copy.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('synchronous = NORMAL');
const checkpoint = () => db.pragma('wal_checkpoint(PASSIVE)')[0];
const timer = setInterval(() => {
  try { checkpoint(); } catch { /* the next tick tries again; the service's fallback bounds the WAL */ }
}, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message === 'run') {
    try { parentPort.postMessage({ result: checkpoint() }); }
    catch (error) { parentPort.postMessage({ error: String(error && error.message || error) }); }
  } else if (message === 'stop') {
    clearInterval(timer);
    db.close();
    parentPort.close();
  }
});
`;

/**
 * Starts the checkpoint worker for the SQLite file `file` (already created, in WAL mode).
 * The caller sets its own connection's `wal_autocheckpoint` to {@link FALLBACK_CHECKPOINT_PAGES}.
 */
export function startCheckpointer(
  file: string,
  intervalMs: number = CHECKPOINT_INTERVAL_MS,
): WalCheckpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { driver, file, intervalMs } });
  // It must never keep the process alive, nor take it down: the fallback covers a dead worker.
  worker.unref();
  worker.on('error', () => {});
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  let stopped = false;
  const waiting: ((answer: { result?: CheckpointResult; error?: string }) => void)[] = [];
  worker.on('message', (answer: { result?: CheckpointResult; error?: string }) =>
    waiting.shift()?.(answer),
  );
  void exited.then(() => {
    for (const done of waiting.splice(0)) done({ error: 'the checkpoint worker stopped' });
  });
  return {
    run() {
      if (stopped) return Promise.reject(new Error('the checkpoint worker is stopped'));
      return new Promise<CheckpointResult>((resolve, reject) => {
        waiting.push((answer) =>
          answer.result === undefined
            ? reject(new Error(answer.error ?? 'no answer'))
            : resolve(answer.result),
        );
        worker.postMessage('run');
      });
    },
    async stop() {
      if (!stopped) {
        stopped = true;
        // Held while it closes: a caller awaiting this must not see its process end first.
        worker.ref();
        worker.postMessage('stop');
      }
      await exited;
    },
  };
}
