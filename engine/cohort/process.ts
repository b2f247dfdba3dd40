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

/** A file route's decoding of a chunk: replacement characters for bytes that are not UTF-8. */
const chunkDecoder = new TextDecoder();

/**
 * {@link processChunk} for a chunk's UTF-8 bytes, as the file is read: the chunk is decoded
 * as before, and when every byte of it is one character of the text (no character beyond
 * ASCII, no byte order mark), a line's bytes sit at the very offsets of its characters, so
 * each NDJSON line is first offered to the byte reader (`PatientBatch.addLineBytes`); a line
 * it declines takes the text route, unchanged. Same counts, rows and bad lines, byte for byte.
 */
export function processChunkBytes(
  compiled: PopulationPathway,
  mapping: CsvMapping | undefined,
  settings: CohortSettings,
  bytes: Uint8Array,
  firstLine: number,
  worklist?: WorklistRow[],
): CohortCounts {
  const text = chunkDecoder.decode(bytes);
  const aligned = mapping === undefined && text.length === bytes.length ? bytes : undefined;
  return processChunk(compiled, mapping, settings, text, firstLine, worklist, aligned);
}

/**
 * Evaluates the lines of `text`, the first of which is line `firstLine` of the file, a batch
 * at a time. Blank lines are skipped; a line that cannot be read or evaluated is counted as bad.
 * When `worklist` is given, the chunk's worklist rows are added to it, in line order. `bytes`,
 * when given, are the text's UTF-8 bytes, each at its character's offset ({@link processChunkBytes}).
 */
export function processChunk(
  compiled: PopulationPathway,
  mapping: CsvMapping | undefined,
  settings: CohortSettings,
  text: string,
  firstLine: number,
  worklist?: WorklistRow[],
  bytes?: Uint8Array,
): CohortCounts {
  const counts = emptyCounts();
  const { by, asOf } = settings;
  const pending = pendingFor(compiled);
  const tally = new ChunkTally(compiled, pending.ids);
  // A chunk that threw part-way through may have left patients behind.
  empty(pending);
  let start = 0;
  for (let line = firstLine; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const from = start;
    start = end + 1;
    // NDJSON lines are first offered to the line reader, which reads them in place; a line it
    // declines (blank, bad, or unusual) takes the route below, unchanged.
    if (mapping === undefined) {
      const to = end > from && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      let added =
        bytes === undefined ? DECLINED : pending.batch.addLineBytes(bytes, from, to, asOf);
      if (added === DECLINED) added = pending.batch.addLine(text, from, to, asOf, line);
      if (added === LINE_ERROR) {
        counts.lines++;
        countBadLine(
          counts,
          { line, message: problem(pending.batch.lineError) },
          settings.badLineLimit,
        );
        continue;
      }
      if (added >= 0) {
        counts.lines++;
        const fields = pending.batch.lineFields;
        const value =
          by === 'id' ? fields?.id : by === 'healthCentre' ? fields?.healthCentre : undefined;
        pushPatient(pending, line, by, value, fields?.id);
        if (pending.batch.size === pending.batch.capacity)
          flush(pending, counts, tally, settings, worklist);
        continue;
      }
    }
    const raw = text.slice(from, end);
    const content = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (content.trim() === '') continue;
    counts.lines++;
    let split: ReturnType<typeof splitLine>;
    try {
      split = lineOf(content, mapping, line);
    } catch (error) {
      countBadLine(counts, { line, message: problem(error) }, settings.badLineLimit);
      continue;
    }
    pending.batch.add(split.request, asOf);
    const value = by === 'id' ? split.id : by === 'healthCentre' ? split.healthCentre : undefined;
    pushPatient(pending, line, by, value, split.id);
    if (pending.batch.size === pending.batch.capacity)
      flush(pending, counts, tally, settings, worklist);
  }
  flush(pending, counts, tally, settings, worklist);
  tally.addTo(counts);
  return counts;
}
