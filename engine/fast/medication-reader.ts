/**
 * Reads a medication list (`[{ "atc": …, "dose": …, "unit": …, "since": …, "name": … }, …]`)
 * straight from a line's characters into the objects `JSON.parse` would make, fields in the
 * order written.
 *
 * Every field a medication may have is read: `atc`, `dose`, `unit`, `since`,
 * `doseIncreasedAt`, `name` and `uncertain` (`{ reason, detail? }`), each also as `null`.
 * A list of the loader's plain records (no `doseIncreasedAt`, no `uncertain`, no `null`) is
 * returned as read, and checked afterwards by the loader's own check, as today. A list with
 * any other record form is what today's route hands to `validateInput`: it is checked and
 * copied by validateInput's own medication check ({@link checkedMedications}), so the reader
 * keeps the very list (fields in validateInput's order, `null` fields dropped) and the
 * uncertain entries, with their reasons, that today's route keeps, and declines when that
 * check finds an issue. Any other field (a misspelling, a hostile key), a repeated field or a
 * value of a type no medication field takes declines, and the reference route words the error.
 */
import { checkedMedications } from '../facts/validate';
import type { Fact } from '../model/types';
import { DECLINE, type Decline, type LineCursor } from './json-cursor';

/** A cursor over a line's characters or its bytes. */
type JsonCursor = LineCursor<unknown>;

const QUOTE = 34;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_LIST = 91;
const CLOSE_LIST = 93;
const NULL_START = 110;

/** Bits of the fields seen in one medication, to refuse a repeated one. */
const ATC = 1;
const DOSE = 2;
const UNIT = 4;
const SINCE = 8;
const NAME = 16;
const INCREASED = 32;
const UNCERTAIN = 64;
const REASON = 128;
const DETAIL = 256;

/**
 * The field whose key is `t[start, end)`, as its bit, or 0 for any other key. Medication keys
 * and the keys of an `uncertain` object share one recogniser; {@link readRecord} takes only
 * the bits allowed where it reads.
 */
function recordField(c: JsonCursor, start: number, end: number): number {
  switch (end - start) {
    case 3:
      return c.matches(start, 'atc') ? ATC : 0;
    case 4:
      if (c.matches(start, 'dose')) return DOSE;
      if (c.matches(start, 'unit')) return UNIT;
      return c.matches(start, 'name') ? NAME : 0;
    case 5:
      return c.matches(start, 'since') ? SINCE : 0;
    case 6:
      if (c.matches(start, 'reason')) return REASON;
      return c.matches(start, 'detail') ? DETAIL : 0;
    case 9:
      return c.matches(start, 'uncertain') ? UNCERTAIN : 0;
    case 15:
      return c.matches(start, 'doseIncreasedAt') ? INCREASED : 0;
    default:
      return 0;
  }
}

/** The fields of a medication record. */
const MEDICATION_FIELDS = ATC | DOSE | UNIT | SINCE | NAME | INCREASED | UNCERTAIN;
/** The fields of an `uncertain` object (`{ reason, detail }`, each text or `null`). */
const UNCERTAINTY_FIELDS = REASON | DETAIL;

const NAMES: Record<number, string> = {
  [ATC]: 'atc',
  [DOSE]: 'dose',
  [UNIT]: 'unit',
  [SINCE]: 'since',
  [NAME]: 'name',
  [INCREASED]: 'doseIncreasedAt',
  [UNCERTAIN]: 'uncertain',
  [REASON]: 'reason',
  [DETAIL]: 'detail',
};

/** Set by {@link readRecord} when a record is not one of the loader's plain records. */
let irregular = false;

/**
 * One object whose keys are among `allowed` (a medication, or its `uncertain` object), or
 * DECLINE. The cursor stands on its opening brace.
 */
function readRecord(c: JsonCursor, allowed: number): Record<string, unknown> | Decline {
  c.p++;
  const item: Record<string, unknown> = {};
  if (c.ws() === CLOSE_OBJECT) {
    c.p++;
    return item;
  }
  let seen = 0;
  for (;;) {
    if (c.ws() !== QUOTE) return DECLINE;
    const start = c.p + 1;
    const end = c.key();
    if (end < 0) return DECLINE;
    const bit = recordField(c, start, end) & allowed;
    if (bit === 0 || (seen & bit) !== 0) return DECLINE;
    seen |= bit;
    let value: unknown;
    if (bit === DOSE) value = c.num();
    else if (bit === UNCERTAIN && c.ws() === OPEN_OBJECT) value = readRecord(c, UNCERTAINTY_FIELDS);
    else value = bit === UNCERTAIN ? c.nothing() : c.str();
    if (value === DECLINE) return DECLINE;
    if (value === null || bit === INCREASED || bit === UNCERTAIN) irregular = true;
    item[NAMES[bit] as string] = value;
    const more = c.next(CLOSE_OBJECT);
    if (more === DECLINE) return DECLINE;
    if (!more) return item;
  }
}

/** The list {@link readMedications} returned last when it checked it itself, else undefined. */
let lastChecked: unknown;

/**
 * True when `list` is the list {@link readMedications} just returned after checking it with
 * validateInput's own check: the loader's check, which knows only the plain records, is then
 * not asked again.
 */
export function checkedByReader(list: unknown): boolean {
  return list === lastChecked && list !== undefined;
}

/**
 * A medication list as `JSON.parse` makes it (fields in the order written), `null`, or
 * DECLINE; {@link irregular} then says whether a record is not one of the loader's plain
 * records. The line diagnosis reads lists this way, to hand them to validateInput's checks.
 */
export function readMedicationList(c: JsonCursor): Record<string, unknown>[] | null | Decline {
  irregular = false;
  const first = c.ws();
  if (first === NULL_START) return c.nothing();
  if (first !== OPEN_LIST) return DECLINE;
  c.p++;
  const list: Record<string, unknown>[] = [];
  if (c.ws() === CLOSE_LIST) {
    c.p++;
    return list;
  }
  for (;;) {
    if (c.ws() !== OPEN_OBJECT) return DECLINE;
    const item = readRecord(c, MEDICATION_FIELDS);
    if (item === DECLINE) return DECLINE;
    list.push(item);
    const more = c.next(CLOSE_LIST);
    if (more === DECLINE) return DECLINE;
    if (!more) return list;
  }
}

/**
 * A medication list, `null`, or DECLINE, for medications fact `fact` on evaluation date
 * `asOf` (the date the loader's check then checks start dates against): the list as read
 * when its records are all plain, else validateInput's checked copy of it.
 */
export function readMedications(
  c: JsonCursor,
  fact: Fact,
  asOf: string,
): Record<string, unknown>[] | null | Decline {
  lastChecked = undefined;
  const list = readMedicationList(c);
  if (list === DECLINE || list === null || !irregular) return list;
  // Today's route checks and copies such a list with validateInput: so does the reader.
  const checked = checkedMedications(fact, list, asOf);
  if (checked === undefined) return DECLINE;
  lastChecked = checked;
  return checked as unknown as Record<string, unknown>[];
}

/** A cursor over a line's UTF-8 bytes, as the byte reader's quick route reads it. */
interface BytesAt {
  t: Uint8Array;
  p: number;
  e: number;
  num(): number | null | Decline;
}

/** `"atc":`, `"dose":`, `"unit":`, `"since":`, `"name":` as bytes, by field bit. */
const KEY_BYTES: Record<number, Uint8Array> = Object.fromEntries(
  [ATC, DOSE, UNIT, SINCE, NAME].map((bit) => [
    bit,
    new TextEncoder().encode(`"${NAMES[bit] as string}":`),
  ]),
);

/** The field bit of the key whose quote is at `p`, when it is one of a plain record's; else 0. */
function plainKey(t: Uint8Array, p: number, e: number): number {
  let bit: number;
  switch (t[p + 1]) {
    case 97:
      bit = ATC;
      break;
    case 100:
      bit = DOSE;
      break;
    case 117:
      bit = UNIT;
      break;
    case 115:
      bit = SINCE;
      break;
    case 110:
      bit = NAME;
      break;
    default:
      return 0;
  }
  const key = KEY_BYTES[bit] as Uint8Array;
  if (p + key.length > e) return 0;
  for (let i = 2; i < key.length; i++) if (t[p + i] !== key[i]) return 0;
  return bit;
}

/**
 * The end (the closing quote) of a string value whose opening quote is at `p` when every
 * byte of it is printable ASCII other than a backslash, else -1.
 */
function plainEnd(t: Uint8Array, p: number, e: number): number {
  if (t[p] !== QUOTE) return -1;
  for (let q = p + 1; q < e; q++) {
    const c = t[q] as number;
    if (c === QUOTE) return q;
    if (c < 32 || c >= 0x80 || c === 92) return -1;
  }
  return -1;
}

/** The quick route's record fields, in the order written (field bits, four bits apart). */
let order = 0;
let atc: unknown;
let dose: unknown;
let unit: unknown;
let since: unknown;
let name: unknown;

/**
 * One plain record read from its bytes (the cursor on its brace): keys among `atc`, `dose`,
 * `unit`, `since`, `name`, each once, no white space, text values of printable ASCII without
 * escapes, the dose a number. Returns where it ends, or -1 for anything else (the list is
 * then read by {@link readMedications}, which gives the answer).
 */
function plainRecord(
  c: BytesAt,
  p: number,
  text: (b: Uint8Array, from: number, to: number) => string,
): number {
  const { t, e } = c;
  order = 0;
  let seen = 0;
  p++;
  for (;;) {
    const bit = plainKey(t, p, e);
    if (bit === 0 || (seen & bit) !== 0) return -1;
    seen |= bit;
    order = (order << 4) | bit;
    p += (KEY_BYTES[bit] as Uint8Array).length;
    if (bit === DOSE) {
      c.p = p;
      const value = c.num();
      if (value === null || value === DECLINE) return -1;
      dose = value;
      p = c.p;
    } else {
      const close = plainEnd(t, p, e);
      if (close < 0) return -1;
      const value = text(t, p + 1, close);
      if (bit === ATC) atc = value;
      else if (bit === UNIT) unit = value;
      else if (bit === SINCE) since = value;
      else name = value;
      p = close + 1;
    }
    const next = p < e ? t[p] : -1;
    p++;
    if (next === CLOSE_OBJECT) return p;
    if (next !== 44) return -1;
  }
}

/** The order codes of the records written most often, made as one object literal each. */
const ATC_DOSE_UNIT_SINCE = (((((ATC << 4) | DOSE) << 4) | UNIT) << 4) | SINCE;
const ATC_SINCE = (ATC << 4) | SINCE;

/** The record just read by {@link plainRecord}, its keys in the order written. */
function madeRecord(): Record<string, unknown> {
  if (order === ATC_DOSE_UNIT_SINCE) return { atc, dose, unit, since };
  if (order === ATC_SINCE) return { atc, since };
  const item: Record<string, unknown> = {};
  const fields: number[] = [];
  for (let rest = order; rest !== 0; rest >>>= 4) fields.unshift(rest & 15);
  for (const bit of fields)
    item[NAMES[bit] as string] =
      bit === ATC ? atc : bit === DOSE ? dose : bit === UNIT ? unit : bit === SINCE ? since : name;
  return item;
}

/**
 * {@link readMedications} over a line's bytes, with a quick route for a list of the loader's
 * plain records written without white space (what a patients file holds): read from the
 * bytes, each record made in one object literal, the list returned as read — exactly what
 * {@link readMedications} returns for such a list. Anything else is read by
 * {@link readMedications} from the list's start. `text` makes an ASCII value's string.
 */
export function readMedicationsBytes(
  c: BytesAt & JsonCursor,
  fact: Fact,
  asOf: string,
  text: (b: Uint8Array, from: number, to: number) => string,
): Record<string, unknown>[] | null | Decline {
  const { t, e } = c;
  const from = c.p;
  let p = from;
  if (p < e && t[p] === OPEN_LIST) {
    p++;
    const list: Record<string, unknown>[] = [];
    if (p < e && t[p] === CLOSE_LIST) {
      c.p = p + 1;
      lastChecked = undefined;
      return list;
    }
    for (;;) {
      if (p >= e || t[p] !== OPEN_OBJECT) break;
      p = plainRecord(c, p, text);
      if (p < 0) break;
      list.push(madeRecord());
      const next = p < e ? t[p] : -1;
      p++;
      if (next === CLOSE_LIST) {
        c.p = p;
        lastChecked = undefined;
        return list;
      }
      if (next !== 44) break;
    }
  }
  c.p = from;
  return readMedications(c, fact, asOf);
}
