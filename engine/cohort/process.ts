/**
 * Evaluating one chunk of a cohort file: lines in, counts out, a batch of patients at a time
 * on the population path. No files and no threads (only a reusable batch per thread), so the
 * same function runs in worker threads and in the main thread, and gives the same counts.
 */
import { formatIssue, isPathwayError } from '../errors';
import { DECLINED, LINE_ERROR, PatientBatch } from '../fast/batch';
import { evaluateBatch } from '../fast/batch-evaluate';
import { BatchResults } from '../fast/batch-results';
import type { PopulationPathway } from '../fast/compile';
import { BatchWalk } from '../indicators/batch-walk';
import type { IndicatorMembership } from '../indicators/types';
import { countBadLine, emptyCounts, type CohortCounts } from './counts';
import { ChunkTally } from './tally';
import { splitLine } from '../service/lines';
import { csvRecord, type CsvMapping } from './csv';
import { parseJsonText } from '../model/input-text';
import { cohortIndicators, type CohortIndicators } from './indicators';
import { worklistReasonOf, type WorklistRow } from './worklist';

/** How the lines of a file are read and grouped. */
export interface CohortSettings {
  format: 'ndjson' | 'csv';
  /** Evaluation date for lines without `asOf`. */
  asOf: string;
  /** The line field to group by (`healthCentre`, or `id`); undefined: one group, `all`. */
  by: string | undefined;
  /** How many bad lines to keep with their messages. */
  badLineLimit: number;
}

/** The group name of patients without a value in the `--by` field. */
export const NO_GROUP = '(none)';
/** The group name when the run is not grouped. */
export const ALL = 'all';

/**
 * One line in the one line format (engine/service/lines.ts): the request, split from the
 * patient fields. Only the field names are checked here; the evaluator checks the request
 * itself against the same schema, so a million lines are not validated twice.
 */
function lineOf(
  text: string,
  mapping: CsvMapping | undefined,
  line: number,
): ReturnType<typeof splitLine> {
  return splitLine(
    mapping === undefined ? parseJsonText(text, { line }) : csvRecord(mapping, text),
    line,
  );
}

function problem(error: unknown): string {
  if (isPathwayError(error)) {
    const first = error.issues[0];
    return `${error.code} ${first === undefined ? error.message : formatIssue(first)}`;
  }
  return `not readable: ${error instanceof Error ? error.message : String(error)}`;
}

/** The line's `id` as text (a number is written as it reads); undefined when there is none. */
function patientId(id: unknown): string | undefined {
  if (typeof id === 'string') return id === '' ? undefined : id;
  return typeof id === 'number' ? String(id) : undefined;
}

/** Patients per batch: large enough to amortise a batch, small enough to stay in cache. */
const BATCH = 2048;

/** A batch being filled, with the group, line number and id of each patient in it. */
interface Pending {
  batch: PatientBatch;
  results: BatchResults;
  /** Reads each evaluated patient's answers from the result columns. */
  walk: BatchWalk;
  /** The pathway's indicators, compiled once per thread; undefined when it has none. */
  indicators: CohortIndicators | undefined;
  /** Indicator ids in file order, and one patient's truth codes (two per indicator). */
  ids: string[];
  truths: Uint8Array;
  groups: string[];
  lines: number[];
  patientIds: (string | undefined)[];
}

/** One reusable batch per compiled pathway and thread (chunks are processed synchronously). */
const pendingBatches = new WeakMap<PopulationPathway, Pending>();

function pendingFor(compiled: PopulationPathway): Pending {
  let pending = pendingBatches.get(compiled);
  if (pending === undefined) {
    const indicators = cohortIndicators(compiled.pathway);
    const ids = indicators?.infos.map((i) => i.id) ?? [];
    pending = {
      batch: new PatientBatch(compiled, BATCH),
      results: new BatchResults(compiled, BATCH),
      walk: new BatchWalk(compiled),
      indicators,
      ids,
      truths: new Uint8Array(2 * ids.length),
      groups: [],
      lines: [],
      patientIds: [],
    };
    pendingBatches.set(compiled, pending);
  }
  return pending;
}

/**
 * Adds the worklist rows of the patient `pending.walk` points at, whose indicator truths are
 * in `pending.truths`: memberships (with their missing facts) are worked out only for a
 * patient on at least one worklist.
 */
function addWorklistRows(
  pending: Pending,
  indicators: CohortIndicators,
  i: number,
  group: string,
  worklist: WorklistRow[],
): void {
  const { ids, truths } = pending;
  let memberships: IndicatorMembership[] | undefined;
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k] as string;
    const direction = indicators.directions.get(id);
    if (direction === undefined) continue;
    const reason = worklistReasonOf(
      truths[2 * k] as number,
      truths[2 * k + 1] as number,
      direction,
    );
    if (reason === undefined) continue;
    memberships ??= indicators.evaluateAt(pending.walk);
    const missingFacts = (memberships[k] as IndicatorMembership).missingFacts;
    const line = pending.lines[i] as number;
    worklist.push({ group, line, id: pending.patientIds[i], indicator: id, reason, missingFacts });
  }
}

/**
 * Evaluates the patients waiting in `pending`, counts them (with their indicator memberships)
 * from the result columns, adds their worklist rows to `worklist` when it is given, and
 * empties `pending`.
 */
function flush(
  pending: Pending,
  counts: CohortCounts,
  tally: ChunkTally,
  settings: CohortSettings,
  worklist: WorklistRow[] | undefined,
): void {
  const { batch, results, groups, lines, indicators, walk, truths } = pending;
  evaluateBatch(batch, results);
  for (let i = 0; i < batch.size; i++) {
    try {
      const rejected = walk.at(batch, results, i);
      if (rejected !== undefined) throw rejected;
      const group = groups[i] as string;
      tally.countWalk(group, walk, results, i);
      if (indicators === undefined) continue;
      indicators.truthsAt(walk, truths);
      tally.countTruths(group, truths, indicators.stratumAt(walk));
      if (worklist !== undefined) addWorklistRows(pending, indicators, i, group, worklist);
    } catch (error) {
      countBadLine(
        counts,
        { line: lines[i] as number, message: problem(error) },
        settings.badLineLimit,
      );
    }
  }
  empty(pending);
}

/** Forgets the patients waiting in `pending`. */
function empty(pending: Pending): void {
  pending.batch.clear();
  pending.groups.length = 0;
  pending.lines.length = 0;
  pending.patientIds.length = 0;
}

/**
 * Records who the patient just added to the batch is: its group (the value of the `--by`
 * field, `by`), line number and id (only when indicators may put it on a worklist).
 */
function pushPatient(
  pending: Pending,
  line: number,
  by: string | undefined,
  byValue: unknown,
  id: unknown,
): void {
  let group = ALL;
  if (by !== undefined) group = typeof byValue === 'string' && byValue !== '' ? byValue : NO_GROUP;
  pending.groups.push(group);
  pending.lines.push(line);
  if (pending.indicators !== undefined) pending.patientIds.push(patientId(id));
}

/** The CSV route's decoding of a chunk: replacement characters for bytes that are not UTF-8. */
const chunkDecoder = new TextDecoder();
/**
 * The decoding of one NDJSON line the byte reader declined: the same replacement characters
 * as the chunk's decoding gave (a line break is never part of a UTF-8 sequence), and a byte
 * order mark kept, since only the chunk's first one was dropped (see {@link processChunkBytes}).
 */
const lineDecoder = new TextDecoder('utf-8', { ignoreBOM: true });

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** Whether `bytes` start with the UTF-8 byte order mark. */
function startsWithBom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** A chunk being counted: its counts, the thread's batch, and where the counts go. */
interface Chunk {
  counts: CohortCounts;
  pending: Pending;
  tally: ChunkTally;
  settings: CohortSettings;
  worklist: WorklistRow[] | undefined;
}

function startChunk(
  compiled: PopulationPathway,
  settings: CohortSettings,
  worklist: WorklistRow[] | undefined,
): Chunk {
  const pending = pendingFor(compiled);
  // A chunk that threw part-way through may have left patients behind.
  empty(pending);
  const tally = new ChunkTally(compiled, pending.ids);
  return { counts: emptyCounts(), pending, tally, settings, worklist };
}

/** Evaluates the patients still waiting and returns the chunk's counts. */
function finishChunk(chunk: Chunk): CohortCounts {
  const { pending, counts, tally, settings, worklist } = chunk;
  flush(pending, counts, tally, settings, worklist);
  tally.addTo(counts);
  return counts;
}

/**
 * Counts line `line` once a line reader has taken it: `added` is the patient's index in the
 * batch, or LINE_ERROR for a line refused as a line (see `PatientBatch.addLine`).
 */
function counted(chunk: Chunk, added: number, line: number): void {
  const { counts, pending, settings } = chunk;
  counts.lines++;
  if (added === LINE_ERROR) {
    countBadLine(
      counts,
      { line, message: problem(pending.batch.lineError) },
      settings.badLineLimit,
    );
    return;
  }
  const { by } = settings;
  const fields = pending.batch.lineFields;
  const value = by === 'id' ? fields?.id : by === 'healthCentre' ? fields?.healthCentre : undefined;
  pushPatient(pending, line, by, value, fields?.id);
  if (pending.batch.size === pending.batch.capacity)
    flush(pending, counts, chunk.tally, settings, chunk.worklist);
}

/**
 * Counts line `line`, whose text (without its line break) is `content`, through the reference
 * route: parsed, split and loaded by `PatientBatch.add`. Blank lines are skipped.
 */
function countByReference(
  chunk: Chunk,
  mapping: CsvMapping | undefined,
  content: string,
  line: number,
): void {
  const { counts, pending, settings } = chunk;
  if (content.trim() === '') return;
  counts.lines++;
  let split: ReturnType<typeof splitLine>;
  try {
    split = lineOf(content, mapping, line);
  } catch (error) {
    countBadLine(counts, { line, message: problem(error) }, settings.badLineLimit);
    return;
  }
  pending.batch.add(split.request, settings.asOf);
  const { by } = settings;
  const value = by === 'id' ? split.id : by === 'healthCentre' ? split.healthCentre : undefined;
  pushPatient(pending, line, by, value, split.id);
  if (pending.batch.size === pending.batch.capacity)
    flush(pending, counts, chunk.tally, settings, chunk.worklist);
}

/**
 * {@link processChunk} for a chunk's UTF-8 bytes, as the file is read. NDJSON lines are split
 * on the bytes (at 0x0A, a carriage return before it dropped) and each is first offered to the
 * byte reader (`PatientBatch.addLineBytes`); only a line it declines is decoded, and takes the
 * text route, unchanged. A byte order mark at the chunk's start is dropped, as decoding the
 * whole chunk did. CSV chunks are decoded and read as text. Same counts, rows and bad lines
 * as {@link processChunk} over the decoded chunk, byte for byte. `breaks`, when given, are
 * the offsets of every 0x0A in `bytes`, in order (the file reader found them already): the
 * lines are then split without searching the bytes again.
 */
export function processChunkBytes(
  compiled: PopulationPathway,
  mapping: CsvMapping | undefined,
  settings: CohortSettings,
  bytes: Uint8Array,
  firstLine: number,
  worklist?: WorklistRow[],
  breaks?: Int32Array,
): CohortCounts {
  if (mapping !== undefined)
    return processChunk(
      compiled,
      mapping,
      settings,
      chunkDecoder.decode(bytes),
      firstLine,
      worklist,
    );
  const chunk = startChunk(compiled, settings, worklist);
  const { batch } = chunk.pending;
  const { asOf } = settings;
  let start = startsWithBom(bytes) ? 3 : 0;
  for (let line = firstLine, k = 0; start <= bytes.length; line++, k++) {
    let end = breaks === undefined ? bytes.indexOf(NEWLINE, start) : (breaks[k] ?? -1);
    if (end < 0) end = bytes.length;
    const from = start;
    start = end + 1;
    const to = end > from && bytes[end - 1] === CARRIAGE_RETURN ? end - 1 : end;
    let added = batch.addLineBytes(bytes, from, to, asOf);
    if (added !== DECLINED) {
      counted(chunk, added, line);
      continue;
    }
    // Declined (blank, bad or unusual): the text route, as if the whole chunk had been decoded
    // (an all-ASCII line goes on from where the byte reader declined: see addDeclinedLine).
    const text = lineDecoder.decode(bytes.subarray(from, to));
    added = batch.addDeclinedLine(bytes, from, to, text, asOf, line);
    if (added === DECLINED) countByReference(chunk, undefined, text, line);
    else counted(chunk, added, line);
  }
  return finishChunk(chunk);
}

/**
 * Evaluates the lines of `text`, the first of which is line `firstLine` of the file, a batch
 * at a time. Blank lines are skipped; a line that cannot be read or evaluated is counted as bad.
 * When `worklist` is given, the chunk's worklist rows are added to it, in line order.
 */
export function processChunk(
  compiled: PopulationPathway,
  mapping: CsvMapping | undefined,
  settings: CohortSettings,
  text: string,
  firstLine: number,
  worklist?: WorklistRow[],
): CohortCounts {
  const chunk = startChunk(compiled, settings, worklist);
  const { batch } = chunk.pending;
  let start = 0;
  for (let line = firstLine; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const from = start;
    start = end + 1;
    const to = end > from && text.charCodeAt(end - 1) === CARRIAGE_RETURN ? end - 1 : end;
    // NDJSON lines are first offered to the line reader, which reads them in place; a line it
    // declines (blank, bad, or unusual) takes the reference route, unchanged.
    if (mapping === undefined) {
      const added = batch.addLine(text, from, to, settings.asOf, line);
      if (added !== DECLINED) {
        counted(chunk, added, line);
        continue;
      }
    }
    countByReference(chunk, mapping, text.slice(from, to), line);
  }
  return finishChunk(chunk);
}
