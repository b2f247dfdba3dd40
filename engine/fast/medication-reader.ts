/**
 * Reads a medication list (`[{ "atc": …, "dose": …, "unit": …, "since": …, "name": … }, …]`)
 * straight from a line's characters into the objects `JSON.parse` would make, fields in the
 * order written. Only the fields the generated loader accepts are read; any other field
 * (`doseIncreasedAt`, `uncertain`, a misspelling, a hostile key), a repeated field or a `null`
 * field declines, and the reference route words the error. What the values must be (an ATC
 * code, a dose ≥ 0, a known unit, a start date) is checked afterwards by the loader's own
 * check, not here.
 */
import { DECLINE, type Decline, type JsonCursor } from './json-cursor';

const QUOTE = 34;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_LIST = 91;
const CLOSE_LIST = 93;

/** Bits of the fields seen in one medication, to refuse a repeated one. */
const ATC = 1;
const DOSE = 2;
const UNIT = 4;
const SINCE = 8;
const NAME = 16;

/** One medication object, or DECLINE. The cursor stands on its opening brace. */
function readMedication(c: JsonCursor): Record<string, unknown> | Decline {
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
    let bit: number;
    let name: string;
    switch (end - start) {
      case 3:
        bit = ATC;
        name = 'atc';
        break;
      case 4:
        if (c.matches(start, 'dose')) [bit, name] = [DOSE, 'dose'];
        else if (c.matches(start, 'unit')) [bit, name] = [UNIT, 'unit'];
        else if (c.matches(start, 'name')) [bit, name] = [NAME, 'name'];
        else return DECLINE;
        break;
      case 5:
        bit = SINCE;
        name = 'since';
        break;
      default:
        return DECLINE;
    }
    if (!c.matches(start, name) || (seen & bit) !== 0) return DECLINE;
    seen |= bit;
    const value = bit === DOSE ? c.num() : c.str();
    if (value === DECLINE || value === null) return DECLINE;
    item[name] = value;
    const more = c.next(CLOSE_OBJECT);
    if (more === DECLINE) return DECLINE;
    if (!more) return item;
  }
}

/** A medication list, `null`, or DECLINE. */
export function readMedications(c: JsonCursor): Record<string, unknown>[] | null | Decline {
  const first = c.ws();
  if (first === 110) return c.nothing();
  if (first !== OPEN_LIST) return DECLINE;
  c.p++;
  const list: Record<string, unknown>[] = [];
  if (c.ws() === CLOSE_LIST) {
    c.p++;
    return list;
  }
  for (;;) {
    if (c.ws() !== OPEN_OBJECT) return DECLINE;
    const item = readMedication(c);
    if (item === DECLINE) return DECLINE;
    list.push(item);
    const more = c.next(CLOSE_LIST);
    if (more === DECLINE) return DECLINE;
    if (!more) return list;
  }
}
