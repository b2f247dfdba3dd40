/**
 * A batch of loaded patients: each input checked (the generated loader, or the reference's
 * validation when it declines) and its facts derived into two rows of slots — the patient's
 * own context, and the context of a step entered during the walk (time in step 0). Rows are
 * plain arrays of one fixed length, so the generated conditions read every patient the same
 * way, whatever facts the input happened to carry. An input that `evaluate()` would reject
 * keeps the very same error in its place instead of rows; loading never throws.
 *
 * Rows are reused when a batch is cleared and refilled, so a population run allocates them
 * once per batch slot.
 */
import { PathwayError, isPathwayError, withoutStackTraces } from '../errors';
import { prepareInput, type PreparedInput } from '../evaluate/prepare';
import type { PopulationPathway } from './compile';
import { isoDay, packedDate } from './dates';
import type { DerivePlan, DeriveDates } from './derive';
import { readAsOf } from './as-of';
import { diagnosisFor } from './line-diagnosis';
import { byteReaderFor, lineReaderFor, type LineFields, type LineReader } from './line-reader';
import { isPlainRecord } from '../model/plain-record';
import { ownKeyCount } from './loader';
import { loadReference } from './reference';

/** How one patient's facts were loaded: by the fast loader, or through the reference. */
type Loaded =
  | {
      kind: 'fast';
      dates: DeriveDates;
      asOf: string;
      stepId: string | undefined;
      /** Whether derivation met something it writes a note about. */
      mayNote: boolean;
    }
  | { kind: 'reference'; prepared: PreparedInput; asOfDay: number };

/** Tries the fast loader; undefined means "ask the reference". */
function loadFast(
  c: PopulationPathway,
  input: unknown,
  fallbackAsOf: string | undefined,
  s: unknown[],
): Loaded | undefined {
  if (c.plan === undefined || !isPlainRecord(input)) return undefined;
  const { facts, currentStep, version } = input;
  const ownAsOf = input['asOf'];
  if (ownAsOf !== undefined && typeof ownAsOf !== 'string') return undefined;
  const asOf = ownAsOf ?? fallbackAsOf;
  let keys = 1;
  if (!isPlainRecord(facts)) return undefined;
  if (typeof asOf !== 'string') return undefined;
  const { packed: asOfPacked, day: asOfDay } = readAsOf(asOf);
  if (asOfPacked < 0) return undefined;
  if (ownAsOf !== undefined) keys++;
  if (version !== undefined) {
    if (version !== c.pathway.version) return undefined;
    keys++;
  }
  let enteredPacked = -1;
  let enteredDay = NaN;
  let stepId: string | undefined;
  if (currentStep !== undefined) {
    if (!isPlainRecord(currentStep)) return undefined;
    const { id, enteredAt } = currentStep;
    if (typeof id !== 'string' || !c.stepIndex.has(id)) return undefined;
    stepId = id;
    let stepKeys = 1;
    if (enteredAt !== undefined) {
      enteredPacked = packedDate(enteredAt);
      enteredDay = isoDay(enteredAt);
      if (!(enteredDay <= asOfDay)) return undefined;
      stepKeys++;
    }
    if (ownKeyCount(currentStep) !== stepKeys) return undefined;
    keys++;
  }
  if (ownKeyCount(input) !== keys) return undefined;
  s.fill(undefined);
  if (!c.loader(facts, s, asOfDay)) return undefined;
  const dates = {
    asOfDay,
    asOfPacked,
    enteredPacked,
    enteredDay,
    startStep: stepId ?? c.pathway.entryStep,
  };
  const mayNote = deriveFast(c, s, dates);
  return { kind: 'fast', dates, asOf, stepId, mayNote };
}

/**
 * Derives the facts of a patient whose given facts are in `s` (the fast loader's or the line
 * reader's); returns whether the derivation may have attached notes.
 */
function deriveFast(c: PopulationPathway, s: unknown[], dates: DeriveDates): boolean {
  const plan = c.plan as DerivePlan;
  const mayNote = plan.medications(s, dates);
  plan.scalarsFor(s, dates, false);
  return mayNote;
}

function load(
  c: PopulationPathway,
  input: unknown,
  fallbackAsOf: string | undefined,
  s: unknown[],
): Loaded {
  const fast = loadFast(c, input, fallbackAsOf, s);
  if (fast !== undefined) return fast;
  const prepared = prepareInput(c.pathway, input, fallbackAsOf);
  loadReference(c.pathway, c.layout, prepared, false, s);
  return { kind: 'reference', prepared, asOfDay: isoDay(prepared.asOf) };
}

/** True when the last character of `text[start, end)` but JSON whitespace is `}`. */
function endsWithBrace(text: string, start: number, end: number): boolean {
  let last = end - 1;
  for (;;) {
    const code = text.charCodeAt(last);
    if (last > start && (code === 32 || code === 9 || code === 10 || code === 13)) last--;
    else return code === 125;
  }
}

/** {@link endsWithBrace} for a line's bytes, `bytes[start, end)`. */
function bytesEndWithBrace(bytes: Uint8Array, start: number, end: number): boolean {
  let last = end - 1;
  for (;;) {
    const code = bytes[last];
    if (last > start && (code === 32 || code === 9 || code === 10 || code === 13)) last--;
    else return code === 125;
  }
}

/**
 * True when `text`, the UTF-8 decoding of `bytes[start, end)` (with U+FFFD for bytes that are
 * not UTF-8), has one character per byte, so that byte offsets are character offsets: one
 * character per byte and no U+FFFD (no bytes that are not UTF-8, none written as U+FFFD)
 * leaves no room for a byte over 0x7F, which always comes in a sequence of two or more
 * making one character, or two for four bytes. A search of the text is native and quick.
 */
function oneCharPerByte(text: string, start: number, end: number): boolean {
  return text.length === end - start && !text.includes('\uFFFD');
}

/**
 * Days in the start step when its entry date is not known: from a days/weeks time-in-step
 * fact, else NaN.
 */
function daysFromFacts(c: PopulationPathway, s: readonly unknown[]): number {
  for (const { slot, days } of c.dayFacts) {
    const value = s[slot];
    if (typeof value === 'number') return Math.floor(value * days);
  }
  return NaN;
}

/** `error` as a typed error: a PathwayError as it is, anything else as INTERNAL. */
export function internalError(c: PopulationPathway, error: unknown): PathwayError {
  if (isPathwayError(error)) return error;
  return new PathwayError(
    'INTERNAL',
    `internal error evaluating ${c.pathway.id} ${c.pathway.version}: ${error instanceof Error ? error.message : String(error)}`,
    [],
    c.pathway.id,
  );
}

/** {@link PatientBatch.addLine}: the reader declined the line; take the reference route. */
export const DECLINED = -1;
/** {@link PatientBatch.addLine}: the line itself is refused; see {@link PatientBatch.lineError}. */
export const LINE_ERROR = -2;

/** A patient whose derivation attached no notes. */
export const NO_NOTES = 0;
/** A patient whose derivation may have attached notes: work them out when asked. */
export const MAY_NOTE = 1;

/** Loaded patients, ready for `evaluateBatch`. */
export class PatientBatch {
  /** How many patients are loaded. */
  size = 0;
  /** Counts changes (clear, add), so results can tell they were made for this content. */
  generation = 0;
  /** Per patient: slots in the patient's own context (empty for a rejected input). */
  readonly rows: unknown[][] = [];
  /**
   * Per patient: slots in the context of a step entered during the walk. Filled on demand
   * (most walks never leave their start step): read them through {@link walkRow}.
   */
  readonly walkRows: unknown[][] = [];
  /** Per patient: the derivation dates its walk row is still to be built from, else undefined. */
  private readonly walkDates: (DeriveDates | undefined)[] = [];
  /** Per patient: the error `evaluate()` would throw, or undefined. */
  readonly errors: (PathwayError | undefined)[] = [];
  /** Per patient: the evaluation date. */
  readonly asOf: string[] = [];
  readonly asOfDay: Float64Array;
  /** Per patient: index of the step the walk starts in. */
  readonly startStep: Int32Array;
  /** Per patient: days already spent in the start step; NaN when not known. */
  readonly startDays: Float64Array;
  /**
   * Per patient: whether derivation may have attached notes — {@link NO_NOTES}, or
   * {@link MAY_NOTE} (also for patients loaded through the reference, which does not say).
   */
  readonly noteFlags: Uint8Array;

  constructor(
    readonly compiled: PopulationPathway,
    readonly capacity: number,
  ) {
    this.asOfDay = new Float64Array(capacity);
    this.startStep = new Int32Array(capacity);
    this.startDays = new Float64Array(capacity);
    this.noteFlags = new Uint8Array(capacity);
  }

  /** Forgets the loaded patients (rows are kept for reuse). */
  clear(): void {
    this.size = 0;
    this.generation++;
  }

  /**
   * Loads one input (`{ currentStep?, facts, asOf?, version? }` as for `evaluate()`; `asOf`
   * is used when the input has none) and returns its index. Never throws: a rejected input
   * keeps its typed error. Throws only when the batch is full.
   */
  add(input: unknown, asOf?: string): number {
    const i = this.size;
    if (i >= this.capacity) throw new RangeError(`batch is full (${this.capacity} patients)`);
    this.size++;
    this.generation++;
    const c = this.compiled;
    const row = this.rowSpace(i);
    this.walkDates[i] = undefined;
    try {
      // A rejected input's error is kept and answered, never logged: no stack to capture.
      this.place(
        i,
        withoutStackTraces(() => load(c, input, asOf, row)),
        row,
      );
    } catch (error) {
      // A rejected input has no rows: nothing of what the loader stored before it declined.
      row.fill(undefined);
      this.errors[i] = internalError(c, error);
    }
    return i;
  }

  /**
   * Reads one line of a patients file, `text[start, end)` (line number `line`, for errors),
   * with the line reader generated for the pathway (engine/fast/line-reader.ts) and loads it,
   * `asOf` being the date of a line without its own. Returns:
   * - the patient's index: the line was read, or (engine/fast/line-diagnosis.ts) it is a
   *   patient whose input is refused, with today's error in {@link errors};
   * - {@link LINE_ERROR}: the line itself is refused (bad JSON, a refused key, an unknown
   *   field); {@link lineError} holds what parsing and splitting it throw, and nothing is added;
   * - {@link DECLINED}: nothing is added, and the caller takes the reference route (parse,
   *   split, {@link add}), which gives today's answer or error.
   * The line's `id` and `healthCentre` are then in {@link lineFields}. Throws only when the
   * batch is full.
   */
  addLine(text: string, start: number, end: number, asOf: string, line = 1): number {
    const i = this.size;
    if (i >= this.capacity) throw new RangeError(`batch is full (${this.capacity} patients)`);
    const c = this.compiled;
    const reader = lineReaderFor(c);
    if (reader === undefined) return DECLINED;
    const row = this.rowSpace(i);
    // A line cut short (no closing brace) is bad JSON: not worth reading first.
    if (!endsWithBrace(text, start, end) || !reader.read(text, start, end, row, asOf)) {
      // Leave the row as the reference route finds it: nothing of a line read half-way.
      row.fill(undefined);
      return this.addBadLine(reader, text, start, end, asOf, line);
    }
    return this.addRead(i, row, reader.fields);
  }

  /**
   * {@link addLine} for a line's UTF-8 bytes, `bytes[start, end)`: the line reader over bytes
   * (engine/fast/byte-cursor.ts) reads it into the batch, or it returns {@link DECLINED} with
   * nothing added, and the caller decodes the line and hands its text to {@link addLine} —
   * so a line the byte reader cannot read, bad ones included, gets the string route's answer
   * or error, byte for byte (so no line number is needed here: a line read here has no
   * error). Throws only when the batch is full.
   */
  addLineBytes(bytes: Uint8Array, start: number, end: number, asOf: string): number {
    const i = this.size;
    if (i >= this.capacity) throw new RangeError(`batch is full (${this.capacity} patients)`);
    const reader = byteReaderFor(this.compiled);
    if (reader === undefined) return DECLINED;
    const row = this.rowSpace(i);
    // A line cut short (no closing brace) is bad JSON: not worth reading first.
    const ends = bytesEndWithBrace(bytes, start, end);
    if (!ends) reader.declined.factsAt = -1;
    if (!ends || !reader.read(bytes, start, end, row, asOf)) {
      // Leave the row as the string route finds it: nothing of a line read half-way.
      row.fill(undefined);
      this.bytesDeclined = bytes;
      this.bytesStart = start;
      this.bytesEnd = end;
      return DECLINED;
    }
    return this.addRead(i, row, reader.fields);
  }

  /** The line {@link addLineBytes} declined last (its bytes, start and end), for {@link addDeclinedLine}. */
  private bytesDeclined: Uint8Array | undefined = undefined;
  private bytesStart = 0;
  private bytesEnd = 0;

  /**
   * {@link addLine} for the line {@link addLineBytes} has just declined, `bytes[start, end)`,
   * decoded as `text` (the whole string): the same answer or error, byte for byte. An
   * all-ASCII line is not read again by the text reader, which would decline it just as the
   * byte reader did (both are generated from the same source): it goes straight to the
   * diagnosis, which reads its `facts` with the byte reader's facts reader, from the member
   * the byte reader declined on when it declined inside `facts` (byte offsets are character
   * offsets in such a line). Were it a line the text reader would read after all, the
   * diagnosis finds nothing wrong and today's route answers, as for any line it is not sure
   * of. Any other line takes {@link addLine}.
   */
  addDeclinedLine(
    bytes: Uint8Array,
    start: number,
    end: number,
    text: string,
    asOf: string,
    line = 1,
  ): number {
    const declined = this.bytesDeclined;
    this.bytesDeclined = undefined;
    const reader = lineReaderFor(this.compiled);
    if (
      declined !== bytes ||
      this.bytesStart !== start ||
      this.bytesEnd !== end ||
      reader === undefined ||
      !oneCharPerByte(text, start, end)
    ) {
      // The byte reader's hand-over must not keep the bytes (a file's chunk).
      const from = byteReaderFor(this.compiled)?.declined;
      if (from !== undefined) from.text = undefined;
      return this.addLine(text, 0, text.length, asOf, line);
    }
    if (this.size >= this.capacity)
      throw new RangeError(`batch is full (${this.capacity} patients)`);
    return this.addBadLine(reader, text, 0, text.length, asOf, line, bytes, start);
  }

  /** Loads the patient a line reader read into `row`, whose fields are `f`, at index `i`. */
  private addRead(i: number, row: unknown[], f: LineFields): number {
    const c = this.compiled;
    this.size++;
    this.generation++;
    this.fieldsRead = f;
    // The slot's own dates object, reused from batch to batch: nothing allocated per line.
    const dates = this.datesSpace(i);
    dates.asOfDay = f.asOfDay;
    dates.asOfPacked = f.asOfPacked;
    dates.enteredPacked = f.enteredPacked;
    dates.enteredDay = f.enteredDay;
    dates.startStep = f.stepId ?? c.pathway.entryStep;
    this.walkDates[i] = undefined;
    try {
      const mayNote = deriveFast(c, row, dates);
      this.placeFast(i, dates, f.asOf, f.stepId, mayNote, row);
    } catch (error) {
      this.errors[i] = internalError(c, error);
    }
    return i;
  }

  /** Per batch slot: the derivation dates of the line in it (see {@link addLine}). */
  private readonly dates: DeriveDates[] = [];

  private datesSpace(i: number): DeriveDates {
    return (this.dates[i] ??= {
      asOfDay: NaN,
      asOfPacked: -1,
      enteredPacked: -1,
      enteredDay: NaN,
      startStep: '',
    });
  }

  /** The fields of the line read last (by the text or the byte reader). */
  private fieldsRead: LineFields | undefined = undefined;

  /** What the line read last by {@link addLine} that was refused as a line throws, else undefined. */
  lineError: unknown = undefined;

  /**
   * A line the reader declined: today's answer when the diagnosis is sure of it, else
   * DECLINED. `bytes` from `byteStart`: the line's bytes, when it is all ASCII.
   */
  private addBadLine(
    reader: LineReader,
    text: string,
    start: number,
    end: number,
    asOf: string,
    line: number,
    bytes?: Uint8Array,
    byteStart?: number,
  ): number {
    const diagnosis = diagnosisFor(this.compiled).diagnose(
      text,
      start,
      end,
      asOf,
      line,
      bytes,
      byteStart,
    );
    this.fieldsRead = reader.fields;
    if (diagnosis === undefined) return DECLINED;
    if (diagnosis.kind === 'line') {
      this.lineError = diagnosis.error;
      return LINE_ERROR;
    }
    const i = this.size++;
    this.generation++;
    this.walkDates[i] = undefined;
    this.errors[i] = diagnosis.error;
    reader.fields.id = diagnosis.id;
    reader.fields.healthCentre = diagnosis.healthCentre;
    return i;
  }

  /**
   * What the line read last by {@link addLine} or {@link addLineBytes} says besides its facts
   * (`id`, `healthCentre`).
   */
  get lineFields(): Readonly<LineFields> | undefined {
    return this.fieldsRead ?? lineReaderFor(this.compiled)?.fields;
  }

  private rowSpace(i: number): unknown[] {
    return (this.rows[i] ??= new Array<unknown>(this.compiled.layout.size).fill(undefined));
  }

  /** Records loaded patient `i`, whose own-context slots are `row`. */
  private place(i: number, loaded: Loaded, row: unknown[]): void {
    if (loaded.kind === 'fast') {
      this.placeFast(i, loaded.dates, loaded.asOf, loaded.stepId, loaded.mayNote, row);
      return;
    }
    const c = this.compiled;
    // The reference's derivation of the walk row, which may throw, runs now so that loading
    // keeps its errors.
    loadReference(c.pathway, c.layout, loaded.prepared, true, this.walkRowSpace(i));
    const stepId = loaded.prepared.validated.currentStep?.id;
    this.startStep[i] = stepId === undefined ? c.entry : (c.stepIndex.get(stepId) ?? c.entry);
    const enteredAt = loaded.prepared.validated.currentStep?.enteredAt;
    this.startDays[i] =
      enteredAt !== undefined ? loaded.asOfDay - isoDay(enteredAt) : daysFromFacts(c, row);
    this.asOf[i] = loaded.prepared.asOf;
    this.asOfDay[i] = loaded.asOfDay;
    this.noteFlags[i] = MAY_NOTE;
    this.errors[i] = undefined;
  }

  /**
   * Records patient `i` loaded by the fast plan: its walk row is built from `dates` when a
   * walk first enters another step (most never leave their start step).
   */
  private placeFast(
    i: number,
    dates: DeriveDates,
    asOf: string,
    stepId: string | undefined,
    mayNote: boolean,
    row: readonly unknown[],
  ): void {
    const c = this.compiled;
    this.walkDates[i] = dates;
    this.startStep[i] = stepId === undefined ? c.entry : (c.stepIndex.get(stepId) ?? c.entry);
    this.startDays[i] =
      dates.enteredPacked >= 0 ? dates.asOfDay - dates.enteredDay : daysFromFacts(c, row);
    this.asOf[i] = asOf;
    this.asOfDay[i] = dates.asOfDay;
    this.noteFlags[i] = mayNote ? MAY_NOTE : NO_NOTES;
    this.errors[i] = undefined;
  }

  /** The slots of patient `i` in the context of a step entered during the walk. */
  walkRow(i: number): unknown[] {
    const dates = this.walkDates[i];
    const walk = this.walkRowSpace(i);
    if (dates !== undefined) {
      this.walkDates[i] = undefined;
      const row = this.rows[i] as unknown[];
      for (let k = 0; k < row.length; k++) walk[k] = row[k];
      this.compiled.plan?.scalarsFor(walk, dates, true);
    }
    return walk;
  }

  private walkRowSpace(i: number): unknown[] {
    return (this.walkRows[i] ??= new Array<unknown>(this.compiled.layout.size).fill(undefined));
  }
}

/** Loads `inputs` into a new batch (each input's own `asOf`, else `asOf`). */
export function loadBatch(
  compiled: PopulationPathway,
  inputs: readonly unknown[],
  asOf?: string,
): PatientBatch {
  const batch = new PatientBatch(compiled, inputs.length);
  for (const input of inputs) batch.add(input, asOf);
  return batch;
}
