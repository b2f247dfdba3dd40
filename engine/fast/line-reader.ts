/**
 * The line reader: one line of a patients file (engine/service/lines.ts's one line format,
 * `{ id?, healthCentre?, currentStep?, facts, asOf?, version? }`) read from its characters
 * straight into a batch row, in one pass, instead of `JSON.parse` building every object and
 * string and the loader then reading them back. The `facts` object is read by code generated
 * from the pathway's dictionary ({@link buildFactsReader}). The same reader reads a line's
 * UTF-8 bytes ({@link byteReaderFor}, over a `ByteCursor`) without decoding the line.
 *
 * It only ever accepts or declines, like the loader it stands in for, and accepts exactly
 * what `JSON.parse` then the loader would accept with the very same slot values: anything
 * else (bad JSON, an unknown or repeated key anywhere, a value of the wrong type, out of
 * range, a step the pathway lacks, another version, a date after the evaluation date, an
 * escape in a key) declines, and the caller takes the reference route, which gives today's
 * answer or today's error, byte for byte.
 */
import type { PopulationPathway } from './compile';
import { readAsOf } from './as-of';
import { isoDay, packedDate } from './dates';
import { buildFactsReader, type ResumableFactsReader } from './facts-reader';
import { ByteCursor } from './byte-cursor';
import { QuickLine } from './quick-line';
import { DECLINE, JsonCursor, type LineCursor } from './json-cursor';
import { AS_OF, CENTRE, FACTS, ID, MEMBER_NAMES, STEP, VERSION } from './line-members';
import { medicationsOk } from './loader';

const QUOTE = 34;
const MINUS = 45;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;

/** What an accepted line says besides its facts (rewritten by every {@link LineReader.read}). */
export interface LineFields {
  /** The patient's `id` as written (a string or a number), else undefined. */
  id: string | number | undefined;
  /** The patient's `healthCentre`, else undefined. */
  healthCentre: string | undefined;
  /** The evaluation date: the line's own `asOf`, else the one the caller gave. */
  asOf: string;
  asOfPacked: number;
  asOfDay: number;
  /** The current step's id, else undefined (the walk starts at the entry step). */
  stepId: string | undefined;
  /** When the current step was entered, packed, or -1 when not given. */
  enteredPacked: number;
  enteredDay: number;
}

/**
 * Where the line read last was declined inside its `facts` object: the hand-over to the line
 * diagnosis (engine/fast/line-diagnosis.ts), which goes on from the member declined on with
 * {@link LineReader.facts} instead of reading the line's start again.
 */
export interface FactsDecline<T = string> {
  /** The line, as given to {@link LineReader.read} (undefined once the hand-over is taken). */
  text: T | undefined;
  start: number;
  end: number;
  /** Where the `facts` value begins (just after its colon); -1: not declined inside `facts`. */
  factsAt: number;
  /** The date the facts were checked against (medication start dates). */
  checkedAsOf: string;
  /** The facts reader's generation then: the keys it read are those it has seen in it. */
  generation: number;
}

/**
 * The line reader of one compiled pathway, over a line's characters (`T` string, the
 * {@link JsonCursor}) or its UTF-8 bytes (`T` Uint8Array, the {@link ByteCursor}): the same
 * reading, the same declines. Synchronous; one per pathway, kind and thread.
 */
export class LineReader<T = string> {
  /** The fields of the line read last (valid only when it was accepted). */
  readonly fields: LineFields = {
    id: undefined,
    healthCentre: undefined,
    asOf: '',
    asOfPacked: -1,
    asOfDay: NaN,
    stepId: undefined,
    enteredPacked: -1,
    enteredDay: NaN,
  };
  /** Set when a line is declined inside `facts` (see {@link FactsDecline}). */
  readonly declined: FactsDecline<T> = {
    text: undefined,
    start: 0,
    end: 0,
    factsAt: -1,
    checkedAsOf: '',
    generation: 0,
  };
  /** The generated facts reader (the diagnosis resumes it after a member it declined on). */
  readonly facts: ResumableFactsReader;
  /** The byte reader's quick route for the usual shape of a line (see {@link QuickLine}). */
  private readonly quick: QuickLine | undefined;
  /** Slots of the given medication lists, re-checked when the line's own date came after them. */
  private readonly medicationSlots: number[];

  constructor(
    private readonly compiled: PopulationPathway,
    private readonly c: LineCursor<T>,
  ) {
    const { pathway, layout } = compiled;
    this.facts = buildFactsReader(pathway, layout, c instanceof ByteCursor ? 'bytes' : 'text');
    if (c instanceof ByteCursor)
      this.quick = new QuickLine(
        compiled,
        c,
        this.facts,
        this.fields,
        this.declined as FactsDecline<unknown> as FactsDecline<Uint8Array>,
      );
    this.medicationSlots = pathway.facts
      .filter((f) => f.type === 'medications' && f.derived === undefined)
      .map((f) => layout.slot(f.name));
  }

  /**
   * Reads `text[start, end)` into `slots` (cleared first) and {@link fields}, with `asOf` the
   * evaluation date of a line without its own. False: declined (slots and fields are then
   * meaningless; take the reference route).
   */
  read(text: T, start: number, end: number, slots: unknown[], asOf: string): boolean {
    this.declined.factsAt = -1;
    if (this.quick !== undefined) {
      const read = this.quick.read(text as Uint8Array, start, end, slots, asOf);
      if (read !== undefined) return read;
    }
    const c = this.c;
    const f = this.fields;
    c.reset(text, start, end);
    slots.fill(undefined);
    f.id = undefined;
    f.healthCentre = undefined;
    f.stepId = undefined;
    f.enteredPacked = -1;
    f.enteredDay = NaN;
    let ownAsOf: string | undefined;
    let version: string | undefined;
    let enteredAt: string | undefined;
    // The date medication start dates were checked against while reading the facts.
    let checkedAsOf = asOf;
    let checkedDay = readAsOf(asOf).day;
    let seen = 0;
    if (!c.take(OPEN_OBJECT)) return false;
    if (c.ws() === CLOSE_OBJECT) return false; // no facts
    for (;;) {
      if (c.ws() !== QUOTE) return false;
      const ks = c.p + 1;
      const ke = c.key();
      if (ke < 0) return false;
      let bit: number;
      switch (ke - ks) {
        case 2:
          bit = ID;
          break;
        case 4:
          bit = AS_OF;
          break;
        case 5:
          bit = FACTS;
          break;
        case 7:
          bit = VERSION;
          break;
        case 11:
          bit = STEP;
          break;
        case 12:
          bit = CENTRE;
          break;
        default:
          return false;
      }
      if ((seen & bit) !== 0 || !c.matches(ks, MEMBER_NAMES[bit] as string)) return false;
      seen |= bit;
      switch (bit) {
        case ID: {
          const first = c.ws();
          const id =
            first === QUOTE
              ? c.str()
              : first === MINUS || (first >= 48 && first <= 57)
                ? c.num()
                : DECLINE;
          if (id === DECLINE || id === null) return false;
          f.id = id;
          break;
        }
        case CENTRE: {
          const centre = c.str();
          if (centre === DECLINE || centre === null) return false;
          f.healthCentre = centre;
          break;
        }
        case AS_OF: {
          const own = c.str();
          if (own === DECLINE || own === null) return false;
          ownAsOf = own;
          // Only a date written before the facts is the one they were checked against.
          if ((seen & FACTS) === 0) {
            checkedAsOf = own;
            checkedDay = readAsOf(own).day;
          }
          break;
        }
        case VERSION: {
          const own = c.str();
          if (own === DECLINE || own === null) return false;
          version = own;
          break;
        }
        case STEP: {
          const step = this.step();
          if (step === DECLINE) return false;
          f.stepId = step.id;
          enteredAt = step.enteredAt;
          break;
        }
        case FACTS: {
          const at = c.p;
          if (!this.facts(c, slots, checkedDay, checkedAsOf)) {
            // The hand-over to the diagnosis (a byte line's, for its all-ASCII text: see
            // PatientBatch.addDeclinedLine).
            this.recordDecline(text, start, end, at, checkedAsOf);
            return false;
          }
          break;
        }
      }
      const more = c.next(CLOSE_OBJECT);
      if (more === DECLINE) return false;
      if (!more) break;
    }
    if (!c.atEnd() || (seen & FACTS) === 0) return false;
    if (version !== undefined && version !== this.compiled.pathway.version) return false;
    const date = readAsOf(ownAsOf ?? asOf);
    if (date.packed < 0) return false;
    f.asOf = date.text;
    f.asOfPacked = date.packed;
    f.asOfDay = date.day;
    if (enteredAt !== undefined) {
      f.enteredPacked = packedDate(enteredAt);
      f.enteredDay = isoDay(enteredAt);
      if (!(f.enteredDay <= date.day)) return false;
    }
    // A line whose own date came after its medications: check their start dates again (a
    // list the medication reader checked with validateInput's check is declined here).
    if (checkedDay !== date.day)
      for (const slot of this.medicationSlots) {
        const list = slots[slot];
        if (list !== undefined && !medicationsOk(list, date.day)) return false;
      }
    return true;
  }

  private recordDecline(
    text: T,
    start: number,
    end: number,
    factsAt: number,
    checkedAsOf: string,
  ): void {
    const d = this.declined;
    d.text = text;
    d.start = start;
    d.end = end;
    d.factsAt = factsAt;
    d.checkedAsOf = checkedAsOf;
    d.generation = this.facts.generation();
  }

  /** `currentStep`: `{ id, enteredAt? }` with a step of the pathway, or DECLINE. */
  private step(): { id: string; enteredAt: string | undefined } | typeof DECLINE {
    const c = this.c;
    if (!c.take(OPEN_OBJECT)) return DECLINE;
    let id: string | undefined;
    let enteredAt: string | undefined;
    if (c.ws() === CLOSE_OBJECT) return DECLINE;
    for (;;) {
      if (c.ws() !== QUOTE) return DECLINE;
      const ks = c.p + 1;
      const ke = c.key();
      if (ke < 0) return DECLINE;
      if (ke - ks === 2 && c.matches(ks, 'id') && id === undefined) {
        const value = c.str();
        if (value === DECLINE || value === null || !this.compiled.stepIndex.has(value))
          return DECLINE;
        id = value;
      } else if (ke - ks === 9 && c.matches(ks, 'enteredAt') && enteredAt === undefined) {
        const value = c.str();
        if (value === DECLINE || value === null) return DECLINE;
        enteredAt = value;
      } else return DECLINE;
      const more = c.next(CLOSE_OBJECT);
      if (more === DECLINE) return DECLINE;
      if (!more) break;
    }
    return id === undefined ? DECLINE : { id, enteredAt };
  }
}

const readers = new WeakMap<PopulationPathway, LineReader>();
const byteReaders = new WeakMap<PopulationPathway, LineReader<Uint8Array>>();

/** The line reader of `compiled`, generated on first use; undefined when the fast plan cannot follow the pathway. */
export function lineReaderFor(compiled: PopulationPathway): LineReader | undefined {
  if (compiled.plan === undefined) return undefined;
  let reader = readers.get(compiled);
  if (reader === undefined) {
    reader = new LineReader(compiled, new JsonCursor());
    readers.set(compiled, reader);
  }
  return reader;
}

/**
 * The byte reader of `compiled` (the line reader over a line's UTF-8 bytes), generated on
 * first use; undefined when the fast plan cannot follow the pathway.
 */
export function byteReaderFor(compiled: PopulationPathway): LineReader<Uint8Array> | undefined {
  if (compiled.plan === undefined) return undefined;
  let reader = byteReaders.get(compiled);
  if (reader === undefined) {
    reader = new LineReader(compiled, new ByteCursor());
    byteReaders.set(compiled, reader);
  }
  return reader;
}
