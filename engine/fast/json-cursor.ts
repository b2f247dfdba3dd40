/**
 * A cursor over one line of JSON text that reads the few shapes a patients line holds —
 * numbers, plain strings, `true`/`false`/`null`, lists of strings — straight from the
 * characters, without building anything it does not return.
 *
 * Every reader answers a value or {@link DECLINE}. It declines on whatever it is not sure
 * of (bad JSON, an escape it would have to decode in a key, a number it cannot convert
 * exactly by the fast rule), never guesses: the caller then takes the reference route
 * (`JSON.parse` and validation), which words the error. So each value it does return is
 * exactly the value `JSON.parse` makes of the same characters.
 */

/** The answer of a reader that is not sure: the line goes the reference route. */
export const DECLINE: unique symbol = Symbol('decline');
/** The type of {@link DECLINE}. */
export type Decline = typeof DECLINE;

const QUOTE = 34;
const BACKSLASH = 92;
const MINUS = 45;
const PLUS = 43;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const COMMA = 44;
const OPEN_LIST = 91;
const CLOSE_LIST = 93;

/**
 * Powers of ten that are exact doubles (10^0 … 10^22): a number whose digits fit in 2^53 times
 * or divided by one of them is rounded once, correctly, which is what `JSON.parse` answers.
 */
export const EXACT_POWERS = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
  1e18, 1e19, 1e20, 1e21, 1e22,
];

/** Digits beyond this many may not fit exactly in a double's 53-bit significand. */
const EXACT_DIGITS = 15;

/**
 * The string whose JSON text (quotes included) is `t[from, to)`, escapes decoded by
 * `JSON.parse` itself, or DECLINE when that text is not a JSON string.
 */
export function decodeString(t: string, from: number, to: number): string | Decline {
  try {
    return JSON.parse(t.slice(from, to)) as string;
  } catch {
    return DECLINE;
  }
}

/**
 * What the line reader, the medication reader and the generated facts reader ask of a
 * cursor: {@link JsonCursor} over a line's characters, or `ByteCursor`
 * (engine/fast/byte-cursor.ts) over its UTF-8 bytes, which answer alike.
 */
export interface LineCursor<T> {
  /** The text or bytes; `p` the next position to read; `e` where the line ends. */
  t: T;
  p: number;
  e: number;
  reset(text: T, start: number, end: number): void;
  ws(): number;
  take(code: number): boolean;
  key(): number;
  matches(at: number, word: string): boolean;
  num(): number | null | Decline;
  bool(): boolean | null | Decline;
  nothing(): null | Decline;
  str(): string | null | Decline;
  strs(): string[] | null | Decline;
  next(close: number): boolean | Decline;
  atEnd(): boolean;
}

/** One line of text being read; reused from line to line. */
export class JsonCursor implements LineCursor<string> {
  /** The text (a whole chunk may be given: only `[at, end)` is read). */
  t = '';
  /** The position of the next character to read. */
  p = 0;
  /** Where the line ends (exclusive). */
  e = 0;

  /** Points the cursor at `text[start, end)`. */
  reset(text: string, start: number, end: number): void {
    this.t = text;
    this.p = start;
    this.e = end;
  }

  /** Skips JSON whitespace; returns the next character code, or -1 at the end of the line. */
  ws(): number {
    const { t, e } = this;
    let p = this.p;
    while (p < e) {
      const c = t.charCodeAt(p);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) {
        this.p = p;
        return c;
      }
      p++;
    }
    this.p = p;
    return -1;
  }

  /** Consumes `code` after whitespace; false when the next character is something else. */
  take(code: number): boolean {
    if (this.ws() !== code) return false;
    this.p++;
    return true;
  }

  /**
   * Reads a key up to its closing quote (the cursor stands on the opening quote) and the
   * colon after it. Returns where the key's characters end, or -1 for a key with an escape
   * or a control character (declined: such keys are never a dictionary name as written).
   * The key's characters are `t[start, returned)` with start = the quote's position + 1.
   */
  key(): number {
    const { t, e } = this;
    let p = this.p + 1;
    while (p < e) {
      const c = t.charCodeAt(p);
      if (c === QUOTE) {
        this.p = p + 1;
        return this.take(58) ? p : -1;
      }
      if (c === BACKSLASH || c < 32) return -1;
      p++;
    }
    return -1;
  }

  /**
   * True when the text at `at` is `word` (compared a character at a time: a call of
   * `startsWith` costs more than a whole short comparison).
   */
  matches(at: number, word: string): boolean {
    const t = this.t;
    if (at + word.length > this.e) return false;
    for (let i = 0; i < word.length; i++)
      if (t.charCodeAt(at + i) !== word.charCodeAt(i)) return false;
    return true;
  }

  /** A `null` literal at the cursor: consumes it and returns true. */
  private nullLiteral(): boolean {
    const { t, p } = this;
    if (
      p + 4 > this.e ||
      t.charCodeAt(p + 1) !== 117 ||
      t.charCodeAt(p + 2) !== 108 ||
      t.charCodeAt(p + 3) !== 108
    )
      return false;
    this.p = p + 4;
    return true;
  }

  /** A number (JSON's grammar), `null`, or DECLINE. */
  num(): number | null | Decline {
    const c0 = this.ws();
    if (c0 === 110) return this.nullLiteral() ? null : DECLINE;
    const { t, e } = this;
    const start = this.p;
    let p = start;
    let negative = false;
    if (c0 === MINUS) {
      negative = true;
      p++;
    }
    let mantissa = 0;
    let digits = 0;
    let c = p < e ? t.charCodeAt(p) : -1;
    if (c === ZERO) {
      p++;
      c = p < e ? t.charCodeAt(p) : -1;
      if (c >= ZERO && c <= NINE) return DECLINE; // a leading zero is not JSON
    } else if (c > ZERO && c <= NINE) {
      do {
        mantissa = mantissa * 10 + (c - ZERO);
        digits++;
        p++;
        c = p < e ? t.charCodeAt(p) : -1;
      } while (c >= ZERO && c <= NINE);
    } else return DECLINE;
    let scale = 0;
    if (c === DOT) {
      p++;
      c = p < e ? t.charCodeAt(p) : -1;
      if (!(c >= ZERO && c <= NINE)) return DECLINE;
      do {
        mantissa = mantissa * 10 + (c - ZERO);
        if (mantissa !== 0) digits++;
        scale--;
        p++;
        c = p < e ? t.charCodeAt(p) : -1;
      } while (c >= ZERO && c <= NINE);
    }
    if (c === 101 || c === 69) {
      p++;
      c = p < e ? t.charCodeAt(p) : -1;
      let exponentNegative = false;
      if (c === MINUS || c === PLUS) {
        exponentNegative = c === MINUS;
        p++;
        c = p < e ? t.charCodeAt(p) : -1;
      }
      if (!(c >= ZERO && c <= NINE)) return DECLINE;
      let exponent = 0;
      do {
        // Capped: a huge exponent goes the exact route below, whatever its digits.
        if (exponent < 10000) exponent = exponent * 10 + (c - ZERO);
        p++;
        c = p < e ? t.charCodeAt(p) : -1;
      } while (c >= ZERO && c <= NINE);
      scale += exponentNegative ? -exponent : exponent;
    }
    this.p = p;
    let value: number;
    if (digits <= EXACT_DIGITS && scale >= -22 && scale <= 22) {
      value =
        scale < 0
          ? mantissa / (EXACT_POWERS[-scale] as number)
          : mantissa * (EXACT_POWERS[scale] as number);
    } else {
      // The grammar is checked above, so Number() reads exactly what JSON.parse would.
      value = Number(t.slice(negative ? start + 1 : start, p));
    }
    return negative ? -value : value;
  }

  /** `true`, `false`, `null`, or DECLINE. */
  bool(): boolean | null | Decline {
    const c = this.ws();
    const { t, p } = this;
    if (c === 116) {
      if (
        p + 4 > this.e ||
        t.charCodeAt(p + 1) !== 114 ||
        t.charCodeAt(p + 2) !== 117 ||
        t.charCodeAt(p + 3) !== 101
      )
        return DECLINE;
      this.p = p + 4;
      return true;
    }
    if (c === 102) {
      if (
        p + 5 > this.e ||
        t.charCodeAt(p + 1) !== 97 ||
        t.charCodeAt(p + 2) !== 108 ||
        t.charCodeAt(p + 3) !== 115 ||
        t.charCodeAt(p + 4) !== 101
      )
        return DECLINE;
      this.p = p + 5;
      return false;
    }
    if (c === 110) return this.nullLiteral() ? null : DECLINE;
    return DECLINE;
  }

  /** `null` (the only value a derived fact may be given), or DECLINE. */
  nothing(): null | Decline {
    return this.ws() === 110 && this.nullLiteral() ? null : DECLINE;
  }

  /**
   * A string, `null`, or DECLINE. A string with escapes is decoded by `JSON.parse` of its
   * own characters, so `\u00e5` reads exactly as it would in the whole line.
   */
  str(): string | null | Decline {
    const c = this.ws();
    if (c === 110) return this.nullLiteral() ? null : DECLINE;
    if (c !== QUOTE) return DECLINE;
    return this.stringBody();
  }

  /** The string whose opening quote is at the cursor. */
  private stringBody(): string | Decline {
    const { t, e } = this;
    const start = this.p + 1;
    let p = start;
    let escaped = false;
    while (p < e) {
      const c = t.charCodeAt(p);
      if (c === QUOTE) {
        this.p = p + 1;
        if (!escaped) return t.slice(start, p);
        return this.decoded(start - 1, p + 1);
      }
      if (c < 32) return DECLINE;
      if (c === BACKSLASH) {
        escaped = true;
        p += 2;
      } else p++;
    }
    return DECLINE;
  }

  private decoded(from: number, to: number): string | Decline {
    return decodeString(this.t, from, to);
  }

  /** A list of strings, `null`, or DECLINE (an element that is not a string declines). */
  strs(): string[] | null | Decline {
    const c = this.ws();
    if (c === 110) return this.nullLiteral() ? null : DECLINE;
    if (c !== OPEN_LIST) return DECLINE;
    this.p++;
    const list: string[] = [];
    if (this.ws() === CLOSE_LIST) {
      this.p++;
      return list;
    }
    for (;;) {
      if (this.ws() !== QUOTE) return DECLINE;
      const item = this.stringBody();
      if (item === DECLINE) return DECLINE;
      list.push(item);
      const next = this.ws();
      this.p++;
      if (next === CLOSE_LIST) return list;
      if (next !== COMMA) return DECLINE;
    }
  }

  /**
   * After a member of an object or list: consumes `,` (true: another member follows) or the
   * closing `close` (false); DECLINE for anything else.
   */
  next(close: number): boolean | Decline {
    const c = this.ws();
    this.p++;
    if (c === COMMA) return true;
    if (c === close) return false;
    return DECLINE;
  }

  /** True when only whitespace is left on the line. */
  atEnd(): boolean {
    return this.ws() === -1;
  }
}
