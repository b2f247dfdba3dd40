/**
 * The top-level fields of one batch line that the evaluation service needs besides what the
 * line reader puts in a batch row: whether the line names its own `asOf` and `version` (which
 * version answers depends on them), and where its `facts` object is, so the audit record's
 * input can be written from the line's own text.
 *
 * Only a line written the way `JSON.stringify` writes is taken — no white space outside
 * strings, no escape in any string, every number as JavaScript prints it — because then the
 * `facts` text *is* `JSON.stringify` of the parsed facts, and the audit record is the same byte
 * for byte. Anything else is declined (undefined) and goes the per-line route. The scan assumes
 * a line the line reader (engine/fast/line-reader.ts) has accepted: one JSON object with known
 * keys, each once.
 */

/** What {@link canonicalLine} found. */
export interface LineText {
  /** `text.slice(factsStart, factsEnd)` is the `facts` object as written. */
  factsStart: number;
  factsEnd: number;
  /** `text.slice(stepStart, stepEnd)` is `currentStep` as written (-1 when there is none). */
  stepStart: number;
  stepEnd: number;
  /** The line's own `asOf` and `version`, when it has them. */
  asOf: string | undefined;
  version: string | undefined;
}

const QUOTE = 34;
const BACKSLASH = 92;
const MINUS = 45;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;
const COMMA = 44;
const COLON = 58;
const CANONICAL_INTEGER = /^-?(?:0|[1-9]\d{0,14})$/;

function isNumberChar(c: number): boolean {
  // digits, '.', 'e', 'E', '+', '-'
  return (c >= 48 && c <= 57) || c === 46 || c === 101 || c === 69 || c === 43 || c === 45;
}

/** Whether JSON.stringify would write the number in `token` as `token` itself. */
function canonicalNumber(token: string): boolean {
  if (token === '-0') return false;
  if (CANONICAL_INTEGER.test(token)) return true;
  const value = Number(token);
  return Number.isFinite(value) && String(value) === token;
}

/**
 * Skips one value starting at `i` (an object, array, string, number or literal), checking that
 * it is written canonically. Returns the index after it, or -1 to decline.
 */
function skipValue(text: string, i: number, end: number): number {
  let depth = 0;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i++;
      for (;;) {
        if (i >= end) return -1;
        const s = text.charCodeAt(i);
        if (s === QUOTE) break;
        if (s === BACKSLASH || s < 32) return -1;
        i++;
      }
      i++;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      depth++;
      i++;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
      i++;
    } else if (c === MINUS || (c >= 48 && c <= 57)) {
      const from = i;
      while (i < end && isNumberChar(text.charCodeAt(i))) i++;
      if (!canonicalNumber(text.slice(from, i))) return -1;
    } else if (c === COMMA || c === COLON) {
      i++;
    } else if (text.startsWith('true', i)) i += 4;
    else if (text.startsWith('false', i)) i += 5;
    else if (text.startsWith('null', i)) i += 4;
    else return -1; // white space, or anything else
    if (depth === 0) return i;
    if (depth < 0) return -1;
  }
  return -1;
}

/** The string value at `i` (no escapes), and the index after it; undefined to decline. */
function stringAt(text: string, i: number, end: number): [string, number] | undefined {
  if (text.charCodeAt(i) !== QUOTE) return undefined;
  const after = skipValue(text, i, end);
  if (after < 0) return undefined;
  return [text.slice(i + 1, after - 1), after];
}

/**
 * The fields of the line `text[start, end)`, or undefined when it is not written as
 * `JSON.stringify` writes (or not an object of string keys, as the line reader accepts).
 */
export function canonicalLine(text: string, start: number, end: number): LineText | undefined {
  if (text.charCodeAt(start) !== OPEN_OBJECT || text.charCodeAt(end - 1) !== CLOSE_OBJECT)
    return undefined;
  const out: LineText = {
    factsStart: -1,
    factsEnd: -1,
    stepStart: -1,
    stepEnd: -1,
    asOf: undefined,
    version: undefined,
  };
  let i = start + 1;
  for (;;) {
    const key = stringAt(text, i, end);
    if (key === undefined || text.charCodeAt(key[1]) !== COLON) return undefined;
    const from = key[1] + 1;
    const after = skipValue(text, from, end);
    if (after < 0) return undefined;
    switch (key[0]) {
      case 'facts':
        out.factsStart = from;
        out.factsEnd = after;
        break;
      case 'currentStep':
        // The audit writes `{ id, enteredAt? }` in that order: a step written otherwise declines.
        if (!text.startsWith('{"id":', from)) return undefined;
        out.stepStart = from;
        out.stepEnd = after;
        break;
      case 'asOf':
        out.asOf = stringAt(text, from, end)?.[0];
        if (out.asOf === undefined) return undefined;
        break;
      case 'version':
        out.version = stringAt(text, from, end)?.[0];
        if (out.version === undefined) return undefined;
        break;
    }
    const c = text.charCodeAt(after);
    if (c === CLOSE_OBJECT && after === end - 1) break;
    if (c !== COMMA) return undefined;
    i = after + 1;
  }
  return out.factsStart < 0 ? undefined : out;
}
