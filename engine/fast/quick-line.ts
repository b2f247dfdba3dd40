/**
 * The byte reader's quick route for a line of the shape a patients file writes:
 * `{"id":"…","healthCentre":"…","facts":{…},"currentStep":{"id":"…","enteredAt":"…"}}`, its
 * members in any order, each at most once, with no white space between them and plain ASCII
 * text values (no escapes). Such a line is read from its bytes with each top key checked in
 * one comparison, the step id recognised among the pathway's steps without making a string
 * (the step's own id is kept), and the line's `facts` by the line reader's own facts reader.
 *
 * It answers only for that shape. For anything else (an `asOf` or `version` member, white
 * space, an escape, a number id, another step form…) it answers `undefined` before it has
 * kept anything, and the line reader reads the line by its general route, which then gives
 * the answer: so it accepts and declines exactly what the general route does for that shape
 * (test/fast/byte-reader.test.ts and test/fast/quick-line.test.ts hold it to the string route).
 */
import { readAsOf } from './as-of';
import { asciiText } from './byte-text';
import type { ByteCursor } from './byte-cursor';
import type { PopulationPathway } from './compile';
import { isoDay, packedDate } from './dates';
import type { ResumableFactsReader } from './facts-reader';
import { CENTRE, FACTS, ID, MEMBER_NAMES, STEP } from './line-members';
import type { FactsDecline, LineFields } from './line-reader';

const QUOTE = 34;
const COMMA = 44;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;

const encoder = new TextEncoder();
/** A member's key as written, quotes and colon included. */
const written = (name: string): Uint8Array => encoder.encode(`"${name}":`);
const ID_KEY = written(MEMBER_NAMES[ID] as string);
const CENTRE_KEY = written(MEMBER_NAMES[CENTRE] as string);
const FACTS_KEY = written(MEMBER_NAMES[FACTS] as string);
const STEP_KEY = written(MEMBER_NAMES[STEP] as string);
const ENTERED_KEY = written('enteredAt');

/** True when `t` holds `word` at `at`, before `end`. */
function holds(t: Uint8Array, at: number, end: number, word: Uint8Array): boolean {
  if (at + word.length > end) return false;
  for (let i = 0; i < word.length; i++) if (t[at + i] !== word[i]) return false;
  return true;
}

/**
 * Where a string value whose opening quote is at `p` ends (its closing quote) when every byte
 * of it is printable ASCII other than a backslash, else -1.
 */
function plainEnd(t: Uint8Array, p: number, end: number): number {
  if (p >= end || t[p] !== QUOTE) return -1;
  for (let q = p + 1; q < end; q++) {
    const c = t[q] as number;
    if (c === QUOTE) return q;
    if (c < 32 || c >= 0x80 || c === 92) return -1;
  }
  return -1;
}

/** The ASCII text `t[from, to)` made from its codes, a few at a time (an id is rarely repeated). */
function madeText(t: Uint8Array, from: number, to: number): string {
  let text = '';
  let i = from;
  for (; i + 4 <= to; i += 4)
    text += String.fromCharCode(
      t[i] as number,
      t[i + 1] as number,
      t[i + 2] as number,
      t[i + 3] as number,
    );
  for (; i < to; i++) text += String.fromCharCode(t[i] as number);
  return text;
}

/** The quick route of one pathway's byte reader (see the file comment). */
export class QuickLine {
  /** The pathway's step ids as bytes, with the id itself, by their length. */
  private readonly steps = new Map<number, { bytes: Uint8Array; id: string }[]>();
  /** The current step's id of the line read last, and when it was entered (its text). */
  private stepId = '';
  private enteredAt: string | undefined = undefined;

  constructor(
    compiled: PopulationPathway,
    private readonly c: ByteCursor,
    private readonly facts: ResumableFactsReader,
    private readonly fields: LineFields,
    /** The line reader's record of a decline inside `facts`, kept as its general route does. */
    private readonly declined: FactsDecline<Uint8Array>,
  ) {
    for (const id of compiled.stepIndex.keys()) {
      const bytes = encoder.encode(id);
      this.steps.set(bytes.length, [...(this.steps.get(bytes.length) ?? []), { bytes, id }]);
    }
  }

  /**
   * Reads `t[start, end)` into `slots` and the fields, with `asOf` the evaluation date: true
   * (accepted), false (declined, as the general route declines it) or undefined (not of the
   * quick shape: read it by the general route).
   */
  read(
    t: Uint8Array,
    start: number,
    end: number,
    slots: unknown[],
    asOf: string,
  ): boolean | undefined {
    const date = readAsOf(asOf);
    const asOfText = date.text;
    const asOfPacked = date.packed;
    const asOfDay = date.day;
    if (asOfPacked < 0 || t[start] !== OPEN_OBJECT) return undefined;
    let p = start + 1;
    let seen = 0;
    let id: string | undefined;
    let centre: string | undefined;
    let factsRead = false;
    this.enteredAt = undefined;
    for (;;) {
      if (p + 2 > end || t[p] !== QUOTE) return undefined;
      switch (t[p + 1]) {
        case 105: {
          if ((seen & ID) !== 0 || !holds(t, p, end, ID_KEY)) return undefined;
          seen |= ID;
          p += ID_KEY.length;
          const close = plainEnd(t, p, end);
          if (close < 0) return undefined;
          id = madeText(t, p + 1, close);
          p = close + 1;
          break;
        }
        case 104: {
          if ((seen & CENTRE) !== 0 || !holds(t, p, end, CENTRE_KEY)) return undefined;
          seen |= CENTRE;
          p += CENTRE_KEY.length;
          const close = plainEnd(t, p, end);
          if (close < 0) return undefined;
          centre = asciiText(t, p + 1, close);
          p = close + 1;
          break;
        }
        case 102: {
          if ((seen & FACTS) !== 0 || !holds(t, p, end, FACTS_KEY)) return undefined;
          seen |= FACTS;
          if (!factsRead) {
            slots.fill(undefined);
            factsRead = true;
          }
          const c = this.c;
          c.reset(t, p + FACTS_KEY.length, end);
          // The general route reads these facts with this reader and this date too, and
          // declines the line when it does: so may this route.
          if (!this.facts(c, slots, asOfDay, asOfText)) {
            const d = this.declined;
            d.text = t;
            d.start = start;
            d.end = end;
            d.factsAt = p + FACTS_KEY.length;
            d.checkedAsOf = asOf;
            d.generation = this.facts.generation();
            return false;
          }
          p = c.p;
          break;
        }
        case 99: {
          if ((seen & STEP) !== 0 || !holds(t, p, end, STEP_KEY)) return undefined;
          seen |= STEP;
          p = this.step(t, p + STEP_KEY.length, end);
          if (p < 0) return undefined;
          break;
        }
        default:
          return undefined;
      }
      const next = p < end ? t[p] : -1;
      p++;
      if (next === CLOSE_OBJECT) break;
      if (next !== COMMA) return undefined;
    }
    // Only white space may follow (a CR before the line's end, say).
    for (; p < end; p++) {
      const c = t[p];
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return undefined;
    }
    if ((seen & FACTS) === 0) return undefined;
    const f = this.fields;
    f.id = id;
    f.healthCentre = centre;
    f.asOf = asOfText;
    f.asOfPacked = asOfPacked;
    f.asOfDay = asOfDay;
    f.stepId = (seen & STEP) === 0 ? undefined : this.stepId;
    f.enteredPacked = -1;
    f.enteredDay = NaN;
    const enteredAt = this.enteredAt;
    if (enteredAt !== undefined) {
      f.enteredPacked = packedDate(enteredAt);
      f.enteredDay = isoDay(enteredAt);
      if (!(f.enteredDay <= asOfDay)) return false;
    }
    return true;
  }

  /**
   * `{"id":"…"}` or `{"id":"…","enteredAt":"…"}` at `p`, with a step of the pathway; returns
   * where it ends, or -1 for anything else.
   */
  private step(t: Uint8Array, p: number, end: number): number {
    if (p >= end || t[p] !== OPEN_OBJECT || !holds(t, p + 1, end, ID_KEY)) return -1;
    p += 1 + ID_KEY.length;
    const close = plainEnd(t, p, end);
    if (close < 0) return -1;
    const id = this.stepOf(t, p + 1, close);
    if (id === undefined) return -1;
    this.stepId = id;
    p = close + 1;
    if (p < end && t[p] === COMMA) {
      if (!holds(t, p + 1, end, ENTERED_KEY)) return -1;
      p += 1 + ENTERED_KEY.length;
      const dateEnd = plainEnd(t, p, end);
      if (dateEnd < 0) return -1;
      this.enteredAt = asciiText(t, p + 1, dateEnd);
      p = dateEnd + 1;
    }
    return p < end && t[p] === CLOSE_OBJECT ? p + 1 : -1;
  }

  /** The id of the pathway's step written `t[from, to)`, or undefined. */
  private stepOf(t: Uint8Array, from: number, to: number): string | undefined {
    const candidates = this.steps.get(to - from);
    if (candidates === undefined) return undefined;
    for (const { bytes, id } of candidates) {
      let i = 0;
      while (i < bytes.length && t[from + i] === bytes[i]) i++;
      if (i === bytes.length) return id;
    }
    return undefined;
  }
}
