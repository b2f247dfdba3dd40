/**
 * Running a cohort file through a pathway: the file is read as a stream of byte chunks cut at
 * line ends, each chunk goes to a worker thread that is set up and has fewer than four chunks,
 * or else is evaluated here (this thread takes a share: all chunks while the workers load
 * their code, then whatever they cannot take at once), and the counts are merged. Nothing per
 * patient is kept, and at most four chunks per worker are in flight, so memory stays flat
 * however long the file is. Node-only.
 */
import { open } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { mergeCounts, emptyCounts, type CohortCounts } from '../cohort/counts';
import { csvMapping } from '../cohort/csv';
import { processChunkBytes, type CohortSettings } from '../cohort/process';
import type { WorklistRow } from '../cohort/worklist';
import { PathwayError } from '../errors';
import { compilePopulation, type PopulationPathway } from '../fast/compile';
import type { Pathway } from '../model/types';
import type {
  ChunkAnswer,
  ChunkMessage,
  ReadyMessage,
  SetupMessage,
  WorkerSetup,
} from './cohort-worker';

/** Options of {@link runCohort}. */
export interface CohortRunOptions {
  pathway: Pathway;
  file: string;
  settings: CohortSettings;
  /**
   * Worker threads: how many (0 evaluates in this thread; default {@link defaultWorkerCount}), or threads
   * already started with {@link CohortWorkers}, which the run then closes.
   */
  workers?: number | CohortWorkers;
  /**
   * Whether this thread evaluates chunks too, while the workers load their code and whenever
   * every worker has a chunk queued (default true). False leaves this thread to read the file.
   */
  shareMainThread?: boolean;
  /** Bytes per chunk (default 1 MiB). */
  chunkBytes?: number;
  /** Called after each chunk with bytes done, bytes in all, patients so far. */
  onProgress?: (done: number, total: number, lines: number) => void;
  /** Stop at the first bad line (it is then in the counts). */
  stopOnBadLine?: boolean;
  /**
   * Receives the worklist rows of each chunk, in file order, one call at a time (the next waits
   * for the previous to settle). Without it, no worklist rows are made.
   */
  onWorklist?: (rows: WorklistRow[]) => Promise<void>;
}

/** What a chunk gives back: its counts, and its worklist rows when they were asked for. */
interface ChunkResult {
  counts: CohortCounts;
  rows: WorklistRow[] | undefined;
}

const NEWLINE = 10;
/** Room for the part line a chunk carries over to the next, in a new buffer (lines are ~1 kB). */
const CARRY_ROOM = 64 * 1024;

/**
 * Buffers of chunks already evaluated, for the next chunks to be read into: a fresh 1 MiB
 * buffer per chunk cost page faults and garbage collections (about a second of system time
 * per million patients). Bounded by {@link Spares.limit}.
 */
class Spares {
  private readonly free: ArrayBuffer[] = [];
  /**
   * @param limit spare buffers kept at most
   * @param room bytes of a new buffer at least: a chunk's size and room for the carried part
   *   line of the chunk before, so that a spare fits the next chunk whatever its carry
   */
  constructor(
    private readonly limit: number,
    private readonly room = 0,
  ) {}

  /** Gives back the buffer of an evaluated chunk. */
  put(bytes: Uint8Array): void {
    if (this.free.length < this.limit) this.free.push(bytes.buffer as ArrayBuffer);
  }

  /** A buffer of at least `length` bytes (its content is undefined): a spare one, else new. */
  take(length: number): Uint8Array {
    const spare = this.free.pop();
    return spare !== undefined && spare.byteLength >= length
      ? new Uint8Array(spare)
      : new Uint8Array(Math.max(length, this.room));
  }
}

/** Room for the offsets of one chunk's line breaks, grown when a chunk has more. */
let breakRoom = new Int32Array(4096);

/**
 * The offsets of the line breaks in `bytes`: this thread must find them to number each
 * chunk's first line, and hands them on with the chunk, so that the thread evaluating it
 * splits its lines without searching the bytes again. Searched through a Buffer view of the
 * same memory (no copy), since Node's search is about three times as fast as
 * `Uint8Array.prototype.indexOf`.
 */
function lineBreaks(bytes: Uint8Array): Int32Array {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let count = 0;
  for (let i = view.indexOf(NEWLINE); i >= 0; i = view.indexOf(NEWLINE, i + 1)) {
    if (count === breakRoom.length) {
      const more = new Int32Array(2 * count);
      more.set(breakRoom);
      breakRoom = more;
    }
    breakRoom[count++] = i;
  }
  return breakRoom.slice(0, count);
}

/** A chunk of a file: whole lines, the number of the first, and where each line ends. */
interface FileChunk {
  bytes: Uint8Array;
  firstLine: number;
  /** Offsets of the line breaks in `bytes` (see `processChunkBytes`). */
  breaks: Int32Array | undefined;
}

/**
 * Reads `file` as chunks ending at a line end, with the number of each chunk's first line,
 * into buffers from `spares`.
 */
async function* chunks(
  file: string,
  size: number,
  spares: Spares = new Spares(0),
): AsyncGenerator<FileChunk & { done: number; total: number }> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    const message = `cannot read ${file}: ${(error as Error).message}`;
    throw new PathwayError('FILE_READ', message, [{ code: 'FILE_READ', message, file }]);
  }
  try {
    const total = (await handle.stat()).size;
    let carry = new Uint8Array(0);
    let line = 1;
    let done = 0;
    for (;;) {
      // A buffer of the chunk's own, so that it can be transferred to a worker without copying.
      const buffer = spares.take(carry.length + size);
      buffer.set(carry, 0);
      const { bytesRead } = await handle.read(buffer, carry.length, size, null);
      done += bytesRead;
      const filled = carry.length + bytesRead;
      if (bytesRead === 0) {
        if (filled > 0) {
          const bytes = buffer.subarray(0, filled);
          yield { bytes, firstLine: line, breaks: lineBreaks(bytes), done, total };
        }
        return;
      }
      const cut = buffer.lastIndexOf(NEWLINE, filled - 1);
      if (cut < 0) {
        carry = buffer.slice(0, filled);
        continue;
      }
      const bytes = buffer.subarray(0, cut + 1);
      carry = buffer.slice(cut + 1, filled);
      const first = line;
      const breaks = lineBreaks(bytes);
      line += breaks.length;
      yield { bytes, firstLine: first, breaks, done, total };
    }
  } finally {
    await handle.close();
  }
}

/** Reads the CSV header (the first line) and returns it with its length in bytes. */
async function csvHeader(file: string): Promise<{ header: string; bytes: number }> {
  for await (const chunk of chunks(file, 64 * 1024)) {
    const end = chunk.bytes.indexOf(NEWLINE);
    const raw = new TextDecoder().decode(end < 0 ? chunk.bytes : chunk.bytes.subarray(0, end));
    return { header: raw.replace(/\r$/, ''), bytes: end < 0 ? chunk.bytes.length : end + 1 };
  }
  throw new PathwayError('INVALID_INPUT', `${file} is empty: a CSV file needs a header line`);
}

/**
 * Set only in the compiled copy of the CLI (bin/compiled.mjs): where its worker's code is,
 * relative to this source file. Undeclared when the sources run through tsx.
 */
declare const PATHWAY_COMPILED_WORKER: string | undefined;

/**
 * Starts a worker: the compiled worker of the same build when this code is the compiled copy
 * (which bin/compiled.mjs only runs when no source changed since), else one that loads the
 * TypeScript sources through tsx, as this thread does.
 */
function startWorker(): Worker {
  if (typeof PATHWAY_COMPILED_WORKER === 'string')
    return new Worker(new URL(PATHWAY_COMPILED_WORKER, import.meta.url));
  // tsx's ES module API sits beside the CommonJS one its package exports resolve to here.
  const api = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const entry = new URL('./cohort-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(pathToFileURL(api).href)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true });
}

/**
 * Worker threads started ahead of a run: each loads its code (most of a worker's start-up)
 * while the caller is still loading the pathway, then waits for {@link runCohort} to set it
 * up. A thread that fails meanwhile fails the run that uses it. {@link CohortWorkers.close}
 * ends them (a run closes the workers it was given; closing twice is harmless).
 */
export class CohortWorkers {
  readonly threads: readonly Worker[];
  private failure: Error | undefined;
  private closed: Promise<void> | undefined;

  constructor(count: number) {
    this.threads = Array.from({ length: count }, () => {
      const worker = startWorker();
      worker.on('error', (error) => {
        this.failure ??= error;
      });
      return worker;
    });
  }

  /** The first error a thread raised, if any. */
  get error(): Error | undefined {
    return this.failure;
  }

  /** Ends the threads; later calls return the same promise. */
  close(): Promise<void> {
    this.closed ??= Promise.all(this.threads.map((w) => w.terminate())).then(() => undefined);
    return this.closed;
  }
}

/**
 * Chunks given to one worker at a time: one being evaluated, the others waiting, so that the
 * worker does not idle while the main thread evaluates a chunk of its own (which takes longer
 * than one of the worker's when the machine is busy).
 */
const DEPTH = 4;

/** A promise with its resolve function. */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/** One worker of a {@link Pool}: whether it is set up, and how many of its chunks are out. */
interface Lane {
  worker: Worker;
  ready: boolean;
  out: number;
}

/**
 * A pool of workers, each given up to {@link DEPTH} chunks at a time once it says it is set up.
 * A worker still loading its code takes no chunk: the runner evaluates those itself.
 */
class Pool {
  private readonly lanes: Lane[];
  private readonly waiting = new Map<
    number,
    { resolve: (result: ChunkResult) => void; reject: (error: Error) => void }
  >();
  private nextId = 0;
  /** Resolved (and replaced) whenever a worker says it is ready or gives a chunk back. */
  private signal = signal();

  constructor(
    private readonly workers: CohortWorkers,
    setup: WorkerSetup,
    spares: Spares,
  ) {
    this.lanes = workers.threads.map((worker) => {
      const lane: Lane = { worker, ready: false, out: 0 };
      worker.on('message', (m: ReadyMessage | ChunkAnswer) => {
        if ('ready' in m) lane.ready = true;
        else {
          spares.put(m.bytes);
          const job = this.waiting.get(m.id);
          this.waiting.delete(m.id);
          lane.out--;
          job?.resolve({ counts: m.counts, rows: m.rows });
        }
        this.changes();
      });
      worker.on('error', (error) => {
        for (const job of this.waiting.values()) job.reject(error);
        this.waiting.clear();
        this.changes();
      });
      const message: SetupMessage = { setup };
      worker.postMessage(message);
      return lane;
    });
  }

  private changes(): void {
    this.signal.resolve();
    this.signal = signal();
  }

  /** Resolves when a worker next says it is ready, gives a chunk back or fails. */
  changed(): Promise<void> {
    return this.signal.promise;
  }

  /** Throws the first error a thread raised (a failed thread fails the run that uses it). */
  check(): void {
    const early = this.workers.error;
    if (early !== undefined) throw early;
  }

  /** The set-up worker with the fewest chunks out, if it can take one more. */
  pick(): Lane | undefined {
    let best: Lane | undefined;
    for (const lane of this.lanes)
      if (lane.ready && lane.out < DEPTH && (best === undefined || lane.out < best.out))
        best = lane;
    return best;
  }

  run(lane: Lane, { bytes, firstLine, breaks }: FileChunk): Promise<ChunkResult> {
    const id = this.nextId++;
    lane.out++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      // The chunk's buffer is its own (see chunks): moved, view and all, never copied.
      const message: ChunkMessage = { id, bytes, firstLine, breaks };
      const moved = [bytes.buffer as ArrayBuffer];
      if (breaks !== undefined) moved.push(breaks.buffer as ArrayBuffer);
      lane.worker.postMessage(message, moved);
    });
  }

  close(): Promise<void> {
    return this.workers.close();
  }
}

/**
 * Hands worklist rows on in chunk order although chunks finish in any order, one call at a
 * time. Rows of a chunk that finished early wait (at most a few chunks' worth: the runner
 * stops dispatching while {@link InOrder.waiting} or {@link InOrder.writes} is large).
 */
class InOrder {
  private readonly ready = new Map<number, WorklistRow[]>();
  private next = 0;
  private writing: Promise<void> = Promise.resolve();
  private queued = 0;
  private failure: { error: unknown } | undefined;

  constructor(private readonly sink: (rows: WorklistRow[]) => Promise<void>) {}

  /** Chunks whose rows wait for an earlier chunk, still being evaluated, to finish. */
  get waiting(): number {
    return this.ready.size;
  }

  /** Chunks whose rows are queued to be written. */
  get writes(): number {
    return this.queued;
  }

  put(seq: number, rows: WorklistRow[]): void {
    this.ready.set(seq, rows);
    for (let r = this.ready.get(this.next); r !== undefined; r = this.ready.get(this.next)) {
      this.ready.delete(this.next++);
      if (r.length === 0) continue;
      const batch = r;
      this.queued++;
      this.writing = this.writing
        .then(() => (this.failure === undefined ? this.sink(batch) : undefined))
        .catch((error: unknown) => {
          this.failure ??= { error };
        })
        .finally(() => {
          this.queued--;
        });
    }
  }

  /** Waits for the writes queued so far; throws the first write error. */
  async drain(): Promise<void> {
    await this.writing;
    if (this.failure !== undefined) throw this.failure.error;
  }
}

/**
 * Worker threads a run starts by default: one per core but one, since this thread evaluates
 * chunks too (none on a single core).
 */
export function defaultWorkerCount(): number {
  return Math.max(0, availableParallelism() - 1);
}

/**
 * Evaluates every line of the file and returns the merged counts. Worker threads it was
 * given are closed when it returns or throws.
 */
export async function runCohort(options: CohortRunOptions): Promise<CohortCounts> {
  try {
    return await evaluateFile(options);
  } finally {
    if (options.workers instanceof CohortWorkers) await options.workers.close();
  }
}

async function evaluateFile(options: CohortRunOptions): Promise<CohortCounts> {
  const { pathway, file, settings } = options;
  const header = settings.format === 'csv' ? await csvHeader(file) : undefined;
  const mapping =
    header === undefined ? undefined : csvMapping(header.header, pathway, settings.by);
  const total = emptyCounts();
  const given = options.workers;
  const workerCount =
    given instanceof CohortWorkers ? given.threads.length : (given ?? defaultWorkerCount());
  const size = options.chunkBytes ?? 1 << 20;
  let skip = header?.bytes ?? 0;
  const fix = (chunk: FileChunk): FileChunk => {
    // The header is line 1 of the first chunk: evaluate from line 2 (CSV lines are split on
    // their text: no breaks needed).
    if (skip === 0) return chunk;
    const bytes = chunk.bytes.subarray(skip);
    skip = 0;
    return { bytes, firstLine: chunk.firstLine + 1, breaks: undefined };
  };
  const merge = (counts: CohortCounts): void => mergeCounts(total, counts, settings.badLineLimit);
  const stop = (): boolean => options.stopOnBadLine === true && total.badLineCount > 0;

  const sink = options.onWorklist;
  let compiled: PopulationPathway | undefined;
  // A chunk's buffer is given back once it is evaluated: at most those in flight are out.
  const spares = new Spares(workerCount * DEPTH + 2, size + CARRY_ROOM);
  /** Evaluates a chunk in this thread. */
  const here = ({ bytes, firstLine, breaks }: FileChunk): ChunkResult => {
    compiled ??= compilePopulation(pathway);
    const rows: WorklistRow[] | undefined = sink === undefined ? undefined : [];
    const counts = processChunkBytes(compiled, mapping, settings, bytes, firstLine, rows, breaks);
    spares.put(bytes);
    return { counts, rows };
  };
  if (workerCount === 0) {
    for await (const chunk of chunks(file, size, spares)) {
      const { counts, rows } = here(fix(chunk));
      merge(counts);
      if (sink !== undefined && rows !== undefined && rows.length > 0) await sink(rows);
      options.onProgress?.(chunk.done, chunk.total, total.lines);
      if (stop()) break;
    }
    return total;
  }

  const setup: WorkerSetup = {
    pathway,
    settings,
    header: header?.header,
    worklists: sink !== undefined,
  };
  const order = sink === undefined ? undefined : new InOrder(sink);
  let seq = 0;
  const pool = new Pool(
    given instanceof CohortWorkers ? given : new CohortWorkers(workerCount),
    setup,
    spares,
  );
  const inFlight = new Set<Promise<void>>();
  const share = options.shareMainThread ?? true;
  try {
    for await (const chunk of chunks(file, size, spares)) {
      pool.check();
      const fixed = fix(chunk);
      // Bounded memory: wait while worklist rows pile up behind a slow chunk (which is in
      // flight: a chunk's rows wait only for earlier chunks) or behind slow writes.
      while (order !== undefined && order.waiting > 2 * workerCount && inFlight.size > 0)
        await Promise.race(inFlight);
      if (order !== undefined && order.writes > 2 * workerCount) await order.drain();
      const mine = seq++;
      const done = (result: ChunkResult): void => {
        merge(result.counts);
        order?.put(mine, result.rows ?? []);
        options.onProgress?.(chunk.done, chunk.total, total.lines);
      };
      // A worker that is set up and not full takes the chunk; otherwise this thread evaluates
      // it, so that no core waits: neither while the workers load their code, nor while they
      // are busy (each keeps a second chunk queued, which covers this thread's turn).
      let lane = pool.pick();
      while (lane === undefined && !share) {
        // Only workers evaluate: wait for one to be set up or to give a chunk back.
        await Promise.race([...inFlight, pool.changed()]);
        pool.check();
        lane = pool.pick();
      }
      if (lane === undefined) done(here(fixed));
      else {
        const job: Promise<void> = pool.run(lane, fixed).then((result) => {
          done(result);
          inFlight.delete(job);
        });
        inFlight.add(job);
      }
      if (stop()) break;
    }
    await Promise.all(inFlight);
    pool.check();
    await order?.drain();
    return total;
  } finally {
    await pool.close();
  }
}
