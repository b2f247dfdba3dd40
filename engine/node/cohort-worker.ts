/**
 * Worker thread of `pathway cohort`: compiles the pathway once, then turns chunks of lines
 * (bytes, transferred without copying) into counts, and worklist rows when asked. Started by `cohort-run.ts`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { csvMapping } from '../cohort/csv';
import { processChunk, type CohortSettings } from '../cohort/process';
import type { WorklistRow } from '../cohort/worklist';
import { compilePopulation } from '../fast/compile';
import type { Pathway } from '../model/types';

/** What the worker is started with. */
export interface WorkerSetup {
  pathway: Pathway;
  settings: CohortSettings;
  /** The CSV header line, for CSV files. */
  header: string | undefined;
  /** Whether to make worklist rows (`--worklists`). */
  worklists: boolean;
}

/** One chunk to evaluate. */
export interface ChunkMessage {
  id: number;
  bytes: Uint8Array;
  firstLine: number;
}

const setup = workerData as WorkerSetup;
const compiled = compilePopulation(setup.pathway);
const mapping =
  setup.header === undefined
    ? undefined
    : csvMapping(setup.header, setup.pathway, setup.settings.by);
const decoder = new TextDecoder();

parentPort?.on('message', (message: ChunkMessage) => {
  const text = decoder.decode(message.bytes);
  const rows: WorklistRow[] | undefined = setup.worklists ? [] : undefined;
  const counts = processChunk(compiled, mapping, setup.settings, text, message.firstLine, rows);
  parentPort?.postMessage({ id: message.id, counts, rows });
});
