/**
 * What today's route (`JSON.parse`, the line split, `PatientBatch.add`) makes of a line the
 * line reader declined, found in one pass over the line's characters instead: the bad JSON
 * error, the refused key, the unknown line field, or the input's error with every issue, in
 * the order today's route finds them. The words are today's own: the issues come from the
 * same checks (validate.ts's {@link InputCheck}, fed the facts in the object's order), the
 * line errors from the same functions (`parseJsonText`, `splitLine`'s error, `refuseForbiddenKeys`)
 * given the part of the line they are about. A fact the loader's own generated check accepts
 * gives no issue there either, so only the others are handed to the check.
 *
 * It answers only when sure: an escape in a key, a key that is an array index, a repeated
 * line field, nesting near the limit, a refused key below the first two levels, a `version`, a
 * value of another type for `id`, `healthCentre`, `asOf` or `currentStep` — anything that
 * would make today's route take another turn — gives undefined, and the caller takes
 * today's route. So does a line with nothing wrong (a valid line the reader could not read).
 */
import { withoutStackTraces, type PathwayError } from '../errors';
import { InputCheck } from '../facts/validate';
import { packedDate } from '../model/dates';
import { FORBIDDEN_KEYS, parseJsonText, refuseForbiddenKeys } from '../model/input-text';
import { MAX_NESTING } from '../model/nesting';
import { unknownFieldError } from '../service/lines';
import type { PopulationPathway } from './compile';
import { readAsOf } from './as-of';
import { buildFactCheck, buildFactIndex, type FactCheck, type FactIndex } from './facts-reader';
import { escapeEnd } from './json-escape';
import { byteReaderFor, lineReaderFor, type LineReader } from './line-reader';
import { ByteCursor } from './byte-cursor';
import { cutLineError } from './cut-line';
import type { ResumableFactsReader } from './facts-reader';
import { DECLINE, JsonCursor } from './json-cursor';
import { checkedByReader, readMedicationList } from './medication-reader';

/** What today's route says of a bad line. */
export type Diagnosis =
  /** The line itself is refused (what parsing and splitting it throw): no patient. */
  | { kind: 'line'; error: unknown }
  /** The line is a patient whose input `PatientBatch.add` refuses with `error`. */
  | {
      kind: 'input';
      error: PathwayError;
      id: string | number | undefined;
      healthCentre: string | undefined;
    };

const QUOTE = 34;
const BACKSLASH = 92;
const COLON = 58;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_LIST = 91;
const CLOSE_LIST = 93;
const MINUS = 45;

/** Line fields by key length and text; FACTS and the others by bit, to refuse a repeat. */
const ID = 1;
const CENTRE = 2;
const FACTS = 4;
const STEP = 8;
const AS_OF = 16;
const VERSION = 32;
/** The line fields by the length of their names (each length names one field). */
const LINE_FIELDS: readonly (readonly [string, number] | undefined)[] = (() => {
  const fields: [string, number][] = [
    ['id', ID],
    ['healthCentre', CENTRE],
    ['facts', FACTS],
    ['currentStep', STEP],
    ['asOf', AS_OF],
    ['version', VERSION],
  ];
  const byLength: ([string, number] | undefined)[] = [];
  for (const field of fields) byLength[field[0].length] = field;
  return byLength;
})();

/** Not sure: today's route answers. */
class Unsure {
  readonly unsure = true;
}
const UNSURE = new Unsure();

/** The quick route cannot answer this line exactly: read it again by the full one. */
class Retry {
  readonly retry = true;
}
const RETRY = new Retry();

/** The cursor reader of each fact type, by number, as the facts reader reads them. */
const NUMBER = 0;
const BOOLEAN = 1;
const STRING = 2;
const STRINGS = 3;
const MEDICATIONS = 4;
const READ_OF = {
  integer: NUMBER,
  number: NUMBER,
  boolean: BOOLEAN,
  string: STRING,
  date: STRING,
  'string[]': STRINGS,
  medications: MEDICATIONS,
} as const;

/** A value of type `kind` at the cursor, `null`, or DECLINE. */
function readTyped(c: JsonCursor, kind: number): unknown {
  switch (kind) {
    case NUMBER:
      return c.num();
    case BOOLEAN:
      return c.bool();
    case STRING:
      return c.str();
    case STRINGS:
      return c.strs();
    default:
      return readMedicationList(c);
  }
}

/** Diagnoses declined lines of one compiled pathway. Synchronous; one per pathway and thread. */
export class LineDiagnosis {
  private readonly c = new JsonCursor();
  private readonly factIndex: FactIndex;
  private readonly factOk: FactCheck;
  private readonly kinds: Uint8Array;
  private readonly names: string[];
  /** When each fact was last seen (a line's generation), to refuse a repeated key. */
  private readonly seen: Float64Array;
  /** Where in the line's fact lists each fact seen is. */
  private readonly places: Int32Array;
  private generation = 0;
  /** The facts of the line, in order: name, index (-1: not in the dictionary), value. */
  private readonly factNames: string[] = [];
  private readonly factIndexes: number[] = [];
  private readonly factValues: unknown[] = [];
  /**
   * The medication list the fast reader read whole in the member it declined on (DECLINE:
   * none), and where it ends in the line: the quick route's {@link member} takes it.
   */
  private handedList: unknown = DECLINE;
  private handedEnd = -1;
  /** Set by {@link string}: the string read last holds an escape. */
  private escaped = false;
  /**
   * The quick route: the `facts` object read by the line reader's own generated facts reader,
   * which accepts a member exactly when the loader's check would (no issue), and hands back
   * each member it declines on; only those are read here. Off: every member read here (the
   * full route, for the few lines the quick one cannot answer: see {@link quickFacts}).
   */
  private quick = true;
  /** The line reader, whose facts reader the quick route reads with. */
  private readonly reader: LineReader | undefined;
  /** Where the fast reader puts what it accepts (never read). */
  private readonly scratch: unknown[];
  /** The byte reader, whose facts reader the quick route reads an ASCII line's bytes with. */
  private readonly byteReader: LineReader<Uint8Array> | undefined;
  private readonly bc = new ByteCursor();
  /**
   * The line's UTF-8 bytes when it is all ASCII and given (see {@link diagnose}), else
   * undefined; character `k` of the line is byte `k + delta`.
   */
  private bytes: Uint8Array | undefined = undefined;
  private delta = 0;

  constructor(private readonly compiled: PopulationPathway) {
    const { pathway, layout } = compiled;
    this.factIndex = buildFactIndex(pathway);
    this.factOk = buildFactCheck(pathway, layout);
    this.kinds = Uint8Array.from(pathway.facts, (fact) => READ_OF[fact.type]);
    this.names = pathway.facts.map((fact) => fact.name);
    this.seen = new Float64Array(pathway.facts.length);
    this.places = new Int32Array(pathway.facts.length);
    this.reader = lineReaderFor(compiled);
    this.byteReader = byteReaderFor(compiled);
    this.scratch = new Array<unknown>(layout.size).fill(undefined);
  }

  /**
   * What today's route says of `text[start, end)` (line number `line`, `asOf` the date of a
   * line without its own), or undefined when not sure or when nothing is wrong. `bytes`, when
   * given, hold the line's UTF-8 encoding from `byteStart`, and the line is all ASCII (byte
   * offsets are character offsets): the quick route then reads the `facts` members with the
   * byte reader's own facts reader over them, and takes over where the byte reader declined
   * inside `facts`, if it just did (the same generated reading as the text reader's, so the
   * same members accepted and declined).
   */
  diagnose(
    text: string,
    start: number,
    end: number,
    asOf: string,
    line: number,
    bytes?: Uint8Array,
    byteStart = 0,
  ): Diagnosis | undefined {
    try {
      this.quick = this.reader !== undefined;
      if (bytes !== undefined && this.byteReader !== undefined) {
        this.bytes = bytes;
        this.delta = byteStart - start;
      }
      let found = this.read(text, start, end, asOf, line);
      if (found instanceof Retry) {
        this.quick = false;
        found = this.read(text, start, end, asOf, line);
        if (found instanceof Retry) return undefined; // the full route never retries
      }
      if (found === false) return notJson(text, start, end, line);
      return found instanceof Unsure ? undefined : found;
    } catch {
      // Nothing here throws on purpose; whatever did, today's route answers.
      return undefined;
    } finally {
      // The hand-over is for this line only, and must not keep its text (a file's chunk).
      forget(this.reader);
      forget(this.byteReader);
      this.bytes = undefined;
      this.handedList = DECLINE;
    }
  }

  /** The diagnosis, UNSURE, RETRY (quick route only), or false when the line is not JSON. */
  private read(
    text: string,
    start: number,
    end: number,
    fallbackAsOf: string,
    line: number,
  ): Diagnosis | Unsure | Retry | undefined | false {
    const c = this.c;
    c.reset(text, start, end);
    // Blank lines, a byte order mark, a line that is no object: today's route.
    if (c.ws() !== OPEN_OBJECT) return UNSURE;
    // A line cut short, the commonest bad JSON, is known without reading it.
    let last = end - 1;
    while (last > start && isSpace(text.charCodeAt(last))) last--;
    if (text.charCodeAt(last) !== CLOSE_OBJECT) return false;
    c.p++;
    this.unsure = false;
    const g = ++this.generation;
    this.factNames.length = 0;
    this.factIndexes.length = 0;
    this.factValues.length = 0;
    let seen = 0;
    let refused: { parent: string | undefined; key: string } | undefined;
    let unknownField: string | undefined;
    let id: string | number | undefined;
    let healthCentre: string | undefined;
    let ownAsOf: string | undefined;
    let stepId: string | undefined;
    let enteredAt: string | undefined;
    // The date the quick route's reader checks medication start dates against.
    let checkedAsOf: string | undefined;
    if (c.ws() === CLOSE_OBJECT) return UNSURE; // no facts
    for (;;) {
      if (c.ws() !== QUOTE) return false;
      const ks = c.p + 1;
      const ke = this.string();
      if (ke < 0) return false;
      if (this.escaped || startsWithDigit(text, ks, ke)) return UNSURE;
      if (!c.take(COLON)) return false;
      const valueAt = c.p;
      const bit = lineField(text, ks, ke);
      if (bit === 0) {
        const key = text.slice(ks, ke);
        if (FORBIDDEN_KEYS.has(key)) {
          if (refused !== undefined) return UNSURE;
          refused = { parent: undefined, key };
        } else unknownField ??= key;
        if (!this.skip(2)) return this.notSure();
      } else {
        // Another version's line, or a repeated field, takes today's route.
        if ((seen & bit) !== 0 || bit === VERSION) return UNSURE;
        seen |= bit;
        const first = c.ws();
        if (bit === FACTS) {
          if (first !== OPEN_OBJECT) return UNSURE;
          checkedAsOf = ownAsOf ?? fallbackAsOf;
          const facts = this.quick
            ? this.quickFacts(checkedAsOf, this.handOver(text, start, end, valueAt, checkedAsOf))
            : this.facts(g);
          if (facts !== true) return facts;
          if (this.refusedFact !== undefined) {
            if (refused !== undefined) return UNSURE;
            refused = { parent: 'facts', key: this.refusedFact };
          }
        } else if (bit === STEP) {
          const step = this.step();
          if (step === false || step instanceof Unsure) return step;
          stepId = step.id;
          enteredAt = step.enteredAt;
        } else if (bit === ID && first !== QUOTE) {
          if (first !== MINUS && !(first >= 48 && first <= 57)) return UNSURE;
          const value = c.num();
          if (value === DECLINE || value === null) return false;
          id = value;
        } else {
          if (first !== QUOTE) return UNSURE;
          const value = c.str();
          if (value === DECLINE || value === null) return false;
          if (bit === ID) id = value;
          else if (bit === CENTRE) healthCentre = value;
          else ownAsOf = value;
        }
      }
      const more = c.next(CLOSE_OBJECT);
      if (more === DECLINE) return false;
      if (!more) break;
    }
    if (!c.atEnd()) return false;
    // The line is JSON. Today's route: refused keys, then the line's fields, then the input.
    if (refused !== undefined) return refusedKey(refused.parent, refused.key, line);
    if (unknownField !== undefined) {
      const field = unknownField;
      return { kind: 'line', error: withoutStackTraces(() => unknownFieldError(field, line)) };
    }
    if ((seen & FACTS) === 0) return UNSURE;
    const asOf = ownAsOf ?? fallbackAsOf;
    // Packed dates order as the days do; the evaluation date is read once per run (readAsOf).
    const asOfPacked = readAsOf(asOf).packed;
    const enteredPacked = enteredAt === undefined ? 0 : packedDate(enteredAt);
    if (asOfPacked < 0 || enteredPacked < 0) return UNSURE;
    // The line's own date came after its facts: the quick reader checked them against another.
    if (this.quick && asOf !== checkedAsOf) return RETRY;
    if (stepId !== undefined && stepId.length > 200) return UNSURE;
    const error = this.inputError(asOf, stepId, enteredAt, enteredPacked > asOfPacked);
    return error === undefined ? UNSURE : { kind: 'input', error, id, healthCentre };
  }

  /** The refused key found directly in `facts` by {@link facts}, if any. */
  private refusedFact: string | undefined;

  /**
   * Reads the `facts` object (the cursor on its brace) into the line's fact lists: true,
   * UNSURE, or false when it is not JSON. The full route: every member read here.
   */
  private facts(g: number): true | Unsure | false {
    const c = this.c;
    this.refusedFact = undefined;
    c.p++;
    if (c.ws() === CLOSE_OBJECT) {
      c.p++;
      return true;
    }
    for (;;) {
      const member = this.member(g);
      if (member !== true) return member instanceof Retry ? UNSURE : member;
      const more = c.next(CLOSE_OBJECT);
      if (more === DECLINE) return false;
      if (!more) return true;
    }
  }

  /**
   * The quick route's `facts` object (the cursor on its brace), checked against `asOf`: the
   * fast reader reads the members the loader accepts (they give no issue, so they are not
   * listed), and each member it declines on is read here by {@link member}; the reader then
   * goes on after it. A key read twice, one of the times by the fast reader, gives RETRY:
   * `JSON.parse` keeps its first place and last value, which only the full route follows.
   */
  private quickFacts(asOf: string, handedOver: boolean): true | Unsure | Retry | false {
    const c = this.c;
    const fast = this.fastReader();
    const bytes = this.bytes;
    const bc = this.bc;
    const delta = this.delta;
    const day = readAsOf(asOf).day;
    if (Number.isNaN(day)) return RETRY;
    this.refusedFact = undefined;
    let resume = false;
    for (;;) {
      const from = c.p;
      // Handed over: the line reader read the members before the one it declined on.
      if (!handedOver) {
        if (bytes === undefined) {
          if (fast(c, this.scratch, day, asOf, resume)) return true;
        } else {
          bc.reset(bytes, from + delta, c.e + delta);
          if (fast(bc, this.scratch, day, asOf, resume)) {
            c.p = bc.p - delta;
            return true;
          }
        }
      }
      handedOver = false;
      const at = fast.declinedAt() - (bytes === undefined ? 0 : delta);
      // Declined on the object's own brace (no member started): the full route says why.
      if (at < from) return RETRY;
      c.p = at;
      // A medication list the reader read whole is not read again.
      this.handedList = fast.declinedList();
      this.handedEnd = fast.declinedListEnd() - (bytes === undefined ? 0 : delta);
      const member = this.member(-1);
      if (member !== true) return member;
      const more = c.next(CLOSE_OBJECT);
      if (more === DECLINE) return false;
      if (!more) return true;
      resume = true;
    }
  }

  /**
   * True when the line reader just declined this very line inside its `facts` object, whose
   * value begins at `valueAt`, having checked it against `asOf`: the quick route then goes on
   * from the member it declined on. The hand-over is taken once.
   */
  private handOver(
    text: string,
    start: number,
    end: number,
    valueAt: number,
    asOf: string,
  ): boolean {
    if (this.bytes !== undefined) {
      const reader = this.byteReader as LineReader<Uint8Array>;
      const d = reader.declined;
      const delta = this.delta;
      if (
        d.factsAt !== valueAt + delta ||
        d.start !== start + delta ||
        d.end !== end + delta ||
        d.checkedAsOf !== asOf ||
        d.generation !== reader.facts.generation() ||
        d.text !== this.bytes
      )
        return false;
      d.factsAt = -1;
      return true;
    }
    const reader = this.reader as LineReader;
    const d = reader.declined;
    if (
      d.factsAt !== valueAt ||
      d.start !== start ||
      d.end !== end ||
      d.checkedAsOf !== asOf ||
      d.generation !== reader.facts.generation() ||
      d.text !== text
    )
      return false;
    d.factsAt = -1;
    return true;
  }

  /** The facts reader of the quick route: the byte reader's over an ASCII line's bytes. */
  private fastReader(): ResumableFactsReader {
    return ((this.bytes === undefined ? this.reader : this.byteReader) as LineReader<unknown>)
      .facts;
  }

  /**
   * One member of `facts` at the cursor, into the line's fact lists: true, UNSURE, RETRY or
   * false when it is not JSON. `g` is the line's generation on the full route, -1 on the
   * quick one (a known key is then marked in the fast reader's own record of keys read).
   */
  private member(g: number): true | Unsure | Retry | false {
    const c = this.c;
    const t = c.t;
    // Only for the member the fast reader just declined on.
    const handed = this.handedList;
    this.handedList = DECLINE;
    if (c.ws() !== QUOTE) return false;
    const ks = c.p + 1;
    const ke = this.string();
    if (ke < 0) return false;
    if (this.escaped || startsWithDigit(t, ks, ke)) return UNSURE;
    if (!c.take(COLON)) return false;
    const f = this.factIndex(t, ks);
    let value: unknown;
    if (f >= 0 && ke - ks === (this.names[f] as string).length) {
      const at = c.p;
      if (
        g < 0 &&
        handed !== DECLINE &&
        this.kinds[f] === MEDICATIONS &&
        !checkedByReader(handed)
      ) {
        value = handed;
        c.p = this.handedEnd;
      } else value = readTyped(c, this.kinds[f] as number);
      if (value === DECLINE) {
        c.p = at;
        value = this.value();
        if (value === UNSURE || value === DECLINE)
          return value === UNSURE ? UNSURE : this.notSure();
      }
      if (g < 0) {
        const fast = this.fastReader();
        const generation = fast.generation();
        if (fast.seen[f] === generation) return RETRY;
        fast.seen[f] = generation;
        this.push(this.names[f] as string, f, value);
      } else if (this.seen[f] === g) {
        // A repeated key keeps its first place and its last value, as in JSON.parse.
        this.factValues[this.places[f] as number] = value;
      } else {
        this.seen[f] = g;
        this.places[f] = this.factNames.length;
        this.push(this.names[f] as string, f, value);
      }
    } else {
      const key = t.slice(ks, ke);
      if (FORBIDDEN_KEYS.has(key)) {
        if (this.refusedFact !== undefined) return UNSURE;
        this.refusedFact = key;
        if (!this.skip(3)) return this.notSure();
      } else {
        value = this.value();
        if (value === UNSURE || value === DECLINE)
          return value === UNSURE ? UNSURE : this.notSure();
        const place = this.factNames.indexOf(key);
        if (place >= 0) this.factValues[place] = value;
        else this.push(key, -1, value);
      }
    }
    return true;
  }

  private push(name: string, f: number, value: unknown): void {
    this.factNames.push(name);
    this.factIndexes.push(f);
    this.factValues.push(value);
  }

  /** `currentStep`: `{ id, enteredAt? }` with text values, UNSURE, or false (not JSON). */
  private step(): { id: string; enteredAt: string | undefined } | Unsure | false {
    const c = this.c;
    if (c.ws() !== OPEN_OBJECT) return UNSURE;
    c.p++;
    let id: string | undefined;
    let enteredAt: string | undefined;
    if (c.ws() === CLOSE_OBJECT) return UNSURE;
    for (;;) {
      if (c.ws() !== QUOTE) return false;
      const ks = c.p + 1;
      const ke = this.string();
      if (ke < 0) return false;
      if (!c.take(COLON)) return false;
      const isId = !this.escaped && ke - ks === 2 && c.matches(ks, 'id');
      const isEntered = !this.escaped && ke - ks === 9 && c.matches(ks, 'enteredAt');
      if (
        (!isId && !isEntered) ||
        (isId && id !== undefined) ||
        (isEntered && enteredAt !== undefined)
      )
        return UNSURE;
      if (c.ws() !== QUOTE) return UNSURE;
      const value = c.str();
      if (value === DECLINE || value === null) return false;
      if (isId) id = value;
      else enteredAt = value;
      const more = c.next(CLOSE_OBJECT);
      if (more === DECLINE) return false;
      if (!more) break;
    }
    return id === undefined ? UNSURE : { id, enteredAt };
  }

  /**
   * The input's error: validate.ts's check fed the facts in the object's order (those the
   * loader's check accepts cannot give an issue and are passed over), then the step
   * (`enteredLate`: its `enteredAt` lies after `asOf`).
   */
  private inputError(
    asOf: string,
    stepId: string | undefined,
    enteredAt: string | undefined,
    enteredLate: boolean,
  ): PathwayError | undefined {
    const check = new InputCheck(this.compiled.pathway, asOf);
    const day = readAsOf(asOf).day;
    const { factNames, factIndexes, factValues, factOk } = this;
    for (let k = 0; k < factNames.length; k++) {
      const value = factValues[k];
      if (value === null) continue;
      const f = factIndexes[k] as number;
      if (f >= 0 && factOk(f, value, day)) continue;
      check.fact(factNames[k] as string, value);
    }
    // A step of the pathway entered by the date gives no issue: the check is not asked.
    if (
      stepId !== undefined &&
      (!this.compiled.stepIndex.has(stepId) || (enteredAt !== undefined && enteredLate))
    )
      check.step(enteredAt === undefined ? { id: stepId } : { id: stepId, enteredAt });
    return withoutStackTraces(() => check.error());
  }

  /**
   * Any JSON value at the cursor, as `JSON.parse` makes it: scalars read in place, a list or
   * object parsed from its own characters once they are known to be JSON. DECLINE: not JSON.
   */
  private value(): unknown {
    const c = this.c;
    const first = c.ws();
    if (first === OPEN_OBJECT || first === OPEN_LIST) {
      const from = c.p;
      if (!this.skip(3)) return this.unsure ? UNSURE : DECLINE;
      return JSON.parse(c.t.slice(from, c.p)) as unknown;
    }
    if (first === QUOTE) return c.str();
    if (first === 116 || first === 102) return c.bool();
    if (first === 110) return c.nothing();
    return c.num();
  }

  /** Set when {@link skip} stopped for a reason other than bad JSON. */
  private unsure = false;

  /** After {@link skip} or {@link value} failed: UNSURE when it was not sure, else false. */
  private notSure(): Unsure | false {
    const unsure = this.unsure;
    this.unsure = false;
    return unsure ? UNSURE : false;
  }

  /**
   * Skips the JSON value at the cursor, `depth` being its level (the line is level 1). False
   * when it is not JSON, or (with {@link unsure} set) when it holds what today's route would
   * refuse in its own words: a refused key, an escaped key, nesting past the limit.
   */
  private skip(depth: number): boolean {
    const c = this.c;
    const first = c.ws();
    if (first === OPEN_OBJECT || first === OPEN_LIST) {
      if (depth >= MAX_NESTING) {
        this.unsure = true;
        return false;
      }
      c.p++;
      const close = first === OPEN_OBJECT ? CLOSE_OBJECT : CLOSE_LIST;
      if (c.ws() === close) {
        c.p++;
        return true;
      }
      for (;;) {
        if (first === OPEN_OBJECT) {
          if (c.ws() !== QUOTE) return false;
          const ks = c.p + 1;
          const ke = this.string();
          if (ke < 0) return false;
          if (this.escaped || FORBIDDEN_KEYS.has(c.t.slice(ks, ke))) {
            this.unsure = true;
            return false;
          }
          if (!c.take(COLON)) return false;
        }
        if (!this.skip(depth + 1)) return false;
        const more = c.next(close);
        if (more === DECLINE) return false;
        if (!more) return true;
      }
    }
    if (first === QUOTE) return this.string() >= 0;
    if (first === 116 || first === 102) return c.bool() !== DECLINE;
    if (first === 110) return c.nothing() !== DECLINE;
    return c.num() !== DECLINE;
  }

  /**
   * Reads the string whose opening quote is at the cursor, checking its escapes as JSON's
   * grammar has them; returns where its characters end (the closing quote) and sets
   * {@link escaped}, or -1 when it is not a JSON string.
   */
  private string(): number {
    const c = this.c;
    const { t, e } = c;
    let p = c.p + 1;
    this.escaped = false;
    while (p < e) {
      const code = t.charCodeAt(p);
      if (code === QUOTE) {
        c.p = p + 1;
        return p;
      }
      if (code < 32) return -1;
      if (code === BACKSLASH) {
        this.escaped = true;
        // An escape cut short by the line's end is not a string either.
        p = escapeEnd(t, p, e);
        if (p < 0) return -1;
      } else p++;
    }
    return -1;
  }
}

/** Drops `reader`'s hand-over: it is for one line only, and must not keep the line. */
function forget(reader: LineReader<unknown> | undefined): void {
  if (reader === undefined) return;
  reader.declined.factsAt = -1;
  reader.declined.text = undefined;
}

/**
 * Today's error for a line that is not JSON: `JSON.parse`'s own. A line cut short is given to
 * `JSON.parse` as a stand-in of the same length that fails the same way (engine/fast/cut-line.ts),
 * so that the values written before the cut are not built.
 */
function notJson(text: string, start: number, end: number, line: number): Diagnosis | undefined {
  const cut = withoutStackTraces(() => cutLineError(text, start, end));
  if (cut !== undefined) return { kind: 'line', error: cut };
  try {
    withoutStackTraces(() => parseJsonText(text.slice(start, end), { line }));
  } catch (error) {
    return { kind: 'line', error };
  }
  return undefined; // it is JSON after all: today's route
}

/** Today's error for the one refused key of a line, at the top or in `parent`. */
function refusedKey(parent: string | undefined, key: string, line: number): Diagnosis | undefined {
  // The refusal's own words, from an object holding just that key where the line holds it.
  const holder = { [key]: 0 };
  try {
    withoutStackTraces(() =>
      refuseForbiddenKeys(parent === undefined ? holder : { [parent]: holder }, { line }),
    );
  } catch (error) {
    return { kind: 'line', error };
  }
  return undefined;
}

/** The bit of the line field `t[ks, ke)` names, or 0 for another key. */
function lineField(t: string, ks: number, ke: number): number {
  const field = LINE_FIELDS[ke - ks];
  if (field === undefined) return 0;
  const name = field[0];
  for (let i = 0; i < name.length; i++) if (t.charCodeAt(ks + i) !== name.charCodeAt(i)) return 0;
  return field[1];
}

/** A key an object's own order puts first (an array index) starts with a digit. */
function startsWithDigit(t: string, ks: number, ke: number): boolean {
  const code = t.charCodeAt(ks);
  return ke > ks && code >= 48 && code <= 57;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

const diagnoses = new WeakMap<PopulationPathway, LineDiagnosis>();

/** The line diagnosis of `compiled`, made on first use. */
export function diagnosisFor(compiled: PopulationPathway): LineDiagnosis {
  let diagnosis = diagnoses.get(compiled);
  if (diagnosis === undefined) {
    diagnosis = new LineDiagnosis(compiled);
    diagnoses.set(compiled, diagnosis);
  }
  return diagnosis;
}
