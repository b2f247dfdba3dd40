/**
 * Worker thread of `pathway cohort`: started before the pathway is known (so that loading
 * this code overlaps the caller's loading of the pathway), it waits for a {@link SetupMessage},
 * compiles the pathway once, then turns chunks of lines (bytes, transferred without copying)
 * into counts, and worklist rows when asked; it says when it is ready. Started by `cohort-run.ts`.
 */
import { parentPort } from 'node:worker_threads';
import { csvMapping, type CsvMapping } from '../cohort/csv';
import type { CohortCounts } from '../cohort/counts';
import { processChunkBytes, type CohortSettings } from '../cohort/process';
import type { WorklistRow } from '../cohort/worklist';
import { compilePopulation, type PopulationPathway } from '../fast/compile';
import type { Pathway } from '../model/types';

/** What the worker is set up with, once, before its first chunk. */
export interface WorkerSetup {
  pathway: Pathway;
  settings: CohortSettings;
  /** The CSV header line, for CSV files. */
  header: string | undefined;
  /** Whether to make worklist rows (`--worklists`). */
  worklists: boolean;
}

/** The first message a worker gets. */
export interface SetupMessage {
  setup: WorkerSetup;
}

/** What a worker posts once it is set up, before it has been given any chunk. */
export interface ReadyMessage {
  ready: true;
}

/** One chunk to evaluate (its buffer transferred, and transferred back with the answer). */
export interface ChunkMessage {
  id: number;
  bytes: Uint8Array;
  firstLine: number;
  /** Offsets of the line breaks in `bytes`, as the runner found them (transferred too). */
  breaks: Int32Array | undefined;
}

/** A chunk's answer, with its bytes handed back so that the runner reuses their buffer. */
export interface ChunkAnswer {
  id: number;
  counts: CohortCounts;
  rows: WorklistRow[] | undefined;
  bytes: Uint8Array;
}

/** The worker's state once set up. */
interface Ready {
  setup: WorkerSetup;
  compiled: PopulationPathway;
  mapping: CsvMapping | undefined;
}

let ready: Ready | undefined;

function prepare(setup: WorkerSetup): Ready {
  return {
    setup,
    compiled: compilePopulation(setup.pathway),
    mapping:
      setup.header === undefined
        ? undefined
        : csvMapping(setup.header, setup.pathway, setup.settings.by),
  };
}

parentPort?.on('message', (message: SetupMessage | ChunkMessage) => {
  if ('setup' in message) {
    ready = prepare(message.setup);
    // The runner evaluates chunks itself until a worker says it is ready (loading a worker's
    // code takes longer than the main thread's first chunks).
    const done: ReadyMessage = { ready: true };
    parentPort?.postMessage(done);
    return;
  }
  // The runner posts the setup before any chunk; a chunk without it is a bug, said loudly.
  if (ready === undefined) throw new Error('cohort worker: chunk before setup');
  const { setup, compiled, mapping } = ready;
  const { bytes } = message;
  const rows: WorklistRow[] | undefined = setup.worklists ? [] : undefined;
  const counts = processChunkBytes(
    compiled,
    mapping,
    setup.settings,
    bytes,
    message.firstLine,
    rows,
    message.breaks,
  );
  const answer: ChunkAnswer = { id: message.id, counts, rows, bytes };
  parentPort?.postMessage(answer, [bytes.buffer as ArrayBuffer]);
});
