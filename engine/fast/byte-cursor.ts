/**
 * {@link JsonCursor}'s readers over a line's UTF-8 bytes instead of its characters: the same
 * grammar, the same declines, rule for rule (test/fast/byte-reader.test.ts holds them to the
 * string cursor's answers). JSON's structure is ASCII, so each byte below 0x80 is the
 * character of that code; a string value is made only when read ({@link bytesText}), and
 * bytes that are not UTF-8 in it decline.
 */
import { asciiText, bytesText, decodeBytesString } from './byte-text';
import { DECLINE, EXACT_POWERS, type Decline, type LineCursor } from './json-cursor';

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
const EMPTY = new Uint8Array(0);

/** Digits beyond this many may not fit exactly in a double's 53-bit significand. */
const EXACT_DIGITS = 15;

/** One line of bytes being read; reused from line to line. */
export class ByteCursor implements LineCursor<Uint8Array> {
  /** The bytes (a whole chunk may be given: only `[at, end)` is read). */
  t: Uint8Array = EMPTY;
  /** A view of the same bytes, to read four at a time (made again only for other bytes). */
  dv: DataView<ArrayBufferLike> = new DataView(EMPTY.buffer);
  /** The position of the next character to read. */
  p = 0;
  /** Where the line ends (exclusive). */
  e = 0;

  /** Points the cursor at `text[start, end)`. */
  reset(text: Uint8Array, start: number, end: number): void {
    if (text !== this.t) this.dv = new DataView(text.buffer, text.byteOffset, text.byteLength);
    this.t = text;
    this.p = start;
    this.e = end;
  }

  /** Skips JSON whitespace; returns the next character code, or -1 at the end of the line. */
  ws(): number {
    const { t, e } = this;
    let p = this.p;
    while (p < e) {
      const c = t[p] as number;
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
      const c = t[p] as number;
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
   * a slice costs more than a whole short comparison).
   */
  matches(at: number, word: string): boolean {
    const t = this.t;
    if (at + word.length > this.e) return false;
    for (let i = 0; i < word.length; i++)
      if ((t[at + i] as number) !== word.charCodeAt(i)) return false;
    return true;
  }

  /** A `null` literal at the cursor: consumes it and returns true. */
  private nullLiteral(): boolean {
    const { t, p } = this;
    if (
      p + 4 > this.e ||
      (t[p + 1] as number) !== 117 ||
      (t[p + 2] as number) !== 108 ||
      (t[p + 3] as number) !== 108
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
    let c = p < e ? (t[p] as number) : -1;
    if (c === ZERO) {
      p++;
      c = p < e ? (t[p] as number) : -1;
      if (c >= ZERO && c <= NINE) return DECLINE; // a leading zero is not JSON
    } else if (c > ZERO && c <= NINE) {
      do {
        mantissa = mantissa * 10 + (c - ZERO);
        digits++;
        p++;
        c = p < e ? (t[p] as number) : -1;
      } while (c >= ZERO && c <= NINE);
    } else return DECLINE;
    let scale = 0;
    if (c === DOT) {
      p++;
      c = p < e ? (t[p] as number) : -1;
      if (!(c >= ZERO && c <= NINE)) return DECLINE;
      do {
        mantissa = mantissa * 10 + (c - ZERO);
        if (mantissa !== 0) digits++;
        scale--;
        p++;
        c = p < e ? (t[p] as number) : -1;
      } while (c >= ZERO && c <= NINE);
    }
    if (c === 101 || c === 69) {
      p++;
      c = p < e ? (t[p] as number) : -1;
      let exponentNegative = false;
      if (c === MINUS || c === PLUS) {
        exponentNegative = c === MINUS;
        p++;
        c = p < e ? (t[p] as number) : -1;
      }
      if (!(c >= ZERO && c <= NINE)) return DECLINE;
      let exponent = 0;
      do {
        // Capped: a huge exponent goes the exact route below, whatever its digits.
        if (exponent < 10000) exponent = exponent * 10 + (c - ZERO);
        p++;
        c = p < e ? (t[p] as number) : -1;
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
      value = Number(asciiText(t, negative ? start + 1 : start, p));
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
        (t[p + 1] as number) !== 114 ||
        (t[p + 2] as number) !== 117 ||
        (t[p + 3] as number) !== 101
      )
        return DECLINE;
      this.p = p + 4;
      return true;
    }
    if (c === 102) {
      if (
        p + 5 > this.e ||
        (t[p + 1] as number) !== 97 ||
        (t[p + 2] as number) !== 108 ||
        (t[p + 3] as number) !== 115 ||
        (t[p + 4] as number) !== 101
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
    let high = 0;
    while (p < e) {
      const c = t[p] as number;
      high |= c;
      if (c === QUOTE) {
        this.p = p + 1;
        if (escaped) return this.decoded(start - 1, p + 1);
        // Every byte below 0x80: ASCII, made without looking for UTF-8 again.
        return high < 0x80 ? asciiText(t, start, p) : bytesText(t, start, p);
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
    return decodeBytesString(this.t, from, to);
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
