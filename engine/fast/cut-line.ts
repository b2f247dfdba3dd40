/**
 * The error `JSON.parse` throws for a line cut short (the commonest bad JSON in a patients
 * file), without `JSON.parse` building every value written before the cut.
 *
 * The words stay `JSON.parse`'s own, on every Node version: nothing here writes a message.
 * `JSON.parse` is given a stand-in text of the same length that it reads into the very state
 * the line leaves it in a little before the cut, followed by the line's own last characters:
 *
 * - the line is checked first to be the start of a JSON text, with every token whole up to
 *   the last one (which may be cut anywhere) and nothing after its root object: so the only
 *   error `JSON.parse` can meet in it lies in its last characters;
 * - the point `T` where the line's own text takes over is the start of the last token that
 *   begins at least {@link KEPT} characters before the line's end: the error, its position
 *   and any characters a message quotes around it (V8 quotes at most 10 either side) are all
 *   in the part kept as written;
 * - before `T`, the stand-in opens the containers open at `T`, each as small as JSON allows
 *   (`{"":` for an object whose value is being read, `[` for a list; the innermost one in the
 *   same place as in the line: after its brace, after a member and its comma, …), then
 *   spaces up to `T`. So the error falls at the same position, and on the same line and
 *   column (a line with a line break before `T` is not stood in for).
 *
 * When any of this does not hold (a short line, a line that is not the start of a JSON text,
 * deep nesting, a line break), it answers undefined and the caller parses the line itself.
 */
import { ESCAPE_CUT, escapeEnd } from './json-escape';

/** Characters before the line's end always kept as written (the error and what is quoted). */
const KEPT = 64;
/** A shorter line costs little to parse: it is parsed as it is. */
const MIN_LENGTH = 4 * KEPT;
/** Deeper nesting is parsed as it is (a patients line is three levels deep). */
const MAX_DEPTH = 32;

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const MINUS = 45;
const PLUS = 43;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_LIST = 91;
const CLOSE_LIST = 93;

/** Container kinds. */
const OBJECT = 1;
const LIST = 2;

/** What the innermost open container reads next. */
const FIRST_KEY = 0; // after `{`: a key or `}`
const KEY = 1; // after a member's comma: a key
const COLON_NEXT = 2; // after a key: `:`
const MEMBER_VALUE = 3; // after `:`: a value
const FIRST_ITEM = 4; // after `[`: a value or `]`
const ITEM = 5; // after an item's comma: a value
const AFTER = 6; // after a value: a comma or the closing bracket
const ROOT = 7; // nothing read yet: the root value

/** The smallest text leaving an innermost container of `kind` in `state`. */
function innermost(kind: number, state: number): string {
  if (kind === LIST) return state === FIRST_ITEM ? '[' : state === ITEM ? '[0,' : '[0';
  switch (state) {
    case FIRST_KEY:
      return '{';
    case KEY:
      return '{"":0,';
    case COLON_NEXT:
      return '{""';
    case MEMBER_VALUE:
      return '{"":';
    default:
      return '{"":0';
  }
}

/** Spaces, cut to the length wanted (a slice costs less than `repeat`). */
let spaces = ' '.repeat(1024);

/**
 * A run of members each written the plain way and followed by its comma: a key without
 * escapes, its colon, a number, `true`, `false`, `null`, a string without escapes or `[]`
 * (how a patients file writes most of a line), matched at native speed. Sticky; given the
 * text up to where it may go.
 */
const PLAIN_MEMBERS =
  // The control characters are named on purpose: JSON refuses them unescaped in a string.
  // eslint-disable-next-line no-control-regex
  /(?:"[^"\\\x00-\x1f]*":(?:-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|true|false|null|"[^"\\\x00-\x1f]*"|\[\]),)*/y;
/** A shorter stretch is scanned without {@link PLAIN_MEMBERS} (a call costs more). */
const PLAIN_RUN = 24;

/** The open containers' kinds while scanning, and at `T`. */
const kinds = new Uint8Array(MAX_DEPTH);
const keptKinds = new Uint8Array(MAX_DEPTH);
/** The state at `T` (set by {@link scan}): how many containers are open, the innermost one's state, `T`. */
let keptDepth = 0;
let keptState = ROOT;
let keptAt = -1;

/**
 * True when `t[start, end)` is the start of a JSON text whose tokens are whole but for the
 * last, with its root still open at the end, and no line break before `T`; `T` and the state
 * there are then kept.
 */
function scan(t: string, start: number, end: number): boolean {
  const from = end - KEPT;
  let depth = 0;
  let state = ROOT;
  let p = start;
  let at = -1;
  for (;;) {
    let ch = p < end ? t.charCodeAt(p) : -1;
    while (ch === 32 || ch === 9 || ch === 10 || ch === 13) {
      // A line break moves the line and column a message may give: parse as written.
      if (ch !== 32 && ch !== 9 && p < from) return false;
      p++;
      ch = p < end ? t.charCodeAt(p) : -1;
    }
    if (ch < 0) return at >= 0 && depth > 0;
    // `T` is the last token start at least KEPT characters before the end.
    if (p <= from) {
      at = p;
      keep(at, depth, state);
    }
    switch (state) {
      case COLON_NEXT:
        if (ch !== COLON) return false;
        p++;
        state = MEMBER_VALUE;
        continue;
      case AFTER: {
        const object = kinds[depth - 1] === OBJECT;
        if (ch === COMMA) {
          p++;
          state = object ? KEY : ITEM;
          if (object) p = plainMembers(t, p, from);
        } else if (ch === (object ? CLOSE_OBJECT : CLOSE_LIST)) {
          p++;
          depth--;
          // The root closed before the line's end: not a line cut short.
          if (depth === 0) return false;
        } else return false;
        continue;
      }
      case FIRST_KEY:
      case KEY: {
        if (state === FIRST_KEY && ch === CLOSE_OBJECT) {
          p++;
          depth--;
          if (depth === 0) return false;
          state = AFTER;
          continue;
        }
        if (ch !== QUOTE) return false;
        const q = stringEnd(t, p, end);
        if (q === CUT) return at >= 0;
        if (q < 0) return false;
        p = q;
        state = COLON_NEXT;
        continue;
      }
      default: {
        // A value: ROOT, MEMBER_VALUE, FIRST_ITEM, ITEM.
        if (state === FIRST_ITEM && ch === CLOSE_LIST) {
          p++;
          depth--;
          if (depth === 0) return false;
          state = AFTER;
          continue;
        }
        if (ch === OPEN_OBJECT) {
          if (depth === MAX_DEPTH) return false;
          kinds[depth++] = OBJECT;
          p++;
          state = FIRST_KEY;
          const q = plainMembers(t, p, from);
          if (q !== p) {
            p = q;
            state = KEY;
          }
          continue;
        }
        if (ch === OPEN_LIST) {
          if (depth === MAX_DEPTH) return false;
          kinds[depth++] = LIST;
          p++;
          state = FIRST_ITEM;
          continue;
        }
        // A root that is no object or list is not a patients line.
        if (state === ROOT) return false;
        let q: number;
        if (ch === QUOTE) q = stringEnd(t, p, end);
        else if (ch === MINUS || (ch >= ZERO && ch <= NINE)) q = numberEnd(t, p, end);
        else if (ch === 116) q = wordEnd(t, p, end, 'true');
        else if (ch === 102) q = wordEnd(t, p, end, 'false');
        else if (ch === 110) q = wordEnd(t, p, end, 'null');
        else return false;
        if (q === CUT) return at >= 0;
        if (q < 0) return false;
        p = q;
        state = AFTER;
      }
    }
  }
}

/** Where the run of {@link PLAIN_MEMBERS} at `p` ends, going no further than `limit`. */
function plainMembers(t: string, p: number, limit: number): number {
  if (limit - p < PLAIN_RUN) return p;
  PLAIN_MEMBERS.lastIndex = 0;
  PLAIN_MEMBERS.test(t.slice(p, limit));
  return p + PLAIN_MEMBERS.lastIndex;
}

function keep(p: number, depth: number, state: number): void {
  keptAt = p;
  keptDepth = depth;
  keptState = state;
  for (let i = 0; i < depth; i++) keptKinds[i] = kinds[i] as number;
}

/** A token's end: the line ends inside it, after a part that may begin a token. */
const CUT = -2;

/**
 * Where the string whose quote is at `p` ends (after its closing quote), CUT, or -1 when it is
 * not a JSON string (a control character, an escape JSON does not have).
 */
function stringEnd(t: string, p: number, end: number): number {
  for (p++; p < end;) {
    const code = t.charCodeAt(p);
    if (code === QUOTE) return p + 1;
    if (code < 32) return -1;
    if (code !== BACKSLASH) {
      p++;
      continue;
    }
    p = escapeEnd(t, p, end);
    if (p < 0) return p === ESCAPE_CUT ? CUT : -1;
  }
  return CUT;
}

/** Where the number at `p` ends, CUT, or -1 when it is not a JSON number (`01`, `1.`, `1e+x`). */
function numberEnd(t: string, p: number, end: number): number {
  if (t.charCodeAt(p) === MINUS) p++;
  if (p >= end) return CUT;
  let ch = t.charCodeAt(p);
  if (ch === ZERO) {
    p++;
    if (p < end && isDigit(t.charCodeAt(p))) return -1;
  } else if (isDigit(ch)) while (p < end && isDigit(t.charCodeAt(p))) p++;
  else return -1;
  if (p >= end) return CUT;
  ch = t.charCodeAt(p);
  if (ch === DOT) {
    p++;
    if (p >= end) return CUT;
    if (!isDigit(t.charCodeAt(p))) return -1;
    while (p < end && isDigit(t.charCodeAt(p))) p++;
    if (p >= end) return CUT;
    ch = t.charCodeAt(p);
  }
  if (ch === 101 || ch === 69) {
    p++;
    if (p < end && (t.charCodeAt(p) === PLUS || t.charCodeAt(p) === MINUS)) p++;
    if (p >= end) return CUT;
    if (!isDigit(t.charCodeAt(p))) return -1;
    while (p < end && isDigit(t.charCodeAt(p))) p++;
    if (p >= end) return CUT;
  }
  return p;
}

/** Where `word` (true, false, null) at `p` ends, CUT, or -1. */
function wordEnd(t: string, p: number, end: number, word: string): number {
  for (let i = 0; i < word.length; i++, p++) {
    if (p >= end) return CUT;
    if (t.charCodeAt(p) !== word.charCodeAt(i)) return -1;
  }
  return p;
}

function isDigit(code: number): boolean {
  return code >= ZERO && code <= NINE;
}

/**
 * The stand-in for `t[start, end)` (see the file comment), or undefined when the line is to
 * be parsed as it is.
 */
export function standIn(t: string, start: number, end: number): string | undefined {
  if (end - start < MIN_LENGTH || !scan(t, start, end)) return undefined;
  const at = keptAt;
  let head = '';
  for (let i = 0; i + 1 < keptDepth; i++) head += keptKinds[i] === OBJECT ? '{"":' : '[';
  if (keptDepth > 0) head += innermost(keptKinds[keptDepth - 1] as number, keptState);
  const gap = at - start - head.length;
  if (gap < 0) return undefined;
  if (gap > spaces.length) spaces = ' '.repeat(gap);
  return head + spaces.slice(0, gap) + t.slice(at, end);
}

/**
 * What `JSON.parse` throws for `t[start, end)`, a line that does not end with its closing
 * brace, read from its {@link standIn}; undefined when the line is to be parsed as it is.
 * Call it with stack capture off, as for any error kept and answered.
 */
export function cutLineError(t: string, start: number, end: number): unknown {
  const text = standIn(t, start, end);
  if (text === undefined) return undefined;
  try {
    JSON.parse(text);
  } catch (error) {
    return error;
  }
  return undefined;
}
