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

import { cursorClass, type TextOf } from './cursor-source';
import { TEXT_ACCESS } from './value-source';

/** The answer of a reader that is not sure: the line goes the reference route. */
export const DECLINE: unique symbol = Symbol('decline');
/** The type of {@link DECLINE}. */
export type Decline = typeof DECLINE;

/**
 * Powers of ten that are exact doubles (10^0 … 10^22): a number whose digits fit in 2^53 times
 * or divided by one of them is rounded once, correctly, which is what `JSON.parse` answers.
 */
export const EXACT_POWERS = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
  1e18, 1e19, 1e20, 1e21, 1e22,
];

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

/** A cursor over one line of text (a whole chunk may be given: only `[p, e)` is read). */
export type JsonCursor = LineCursor<string>;

/**
 * The cursor over a line's characters, generated from the value readers' fragments
 * (engine/fast/cursor-source.ts), as the byte cursor is over its bytes. Reused from line to
 * line.
 */
export const JsonCursor = cursorClass<string>(TEXT_ACCESS, '', false, {
  X: DECLINE,
  P: EXACT_POWERS,
  DS: decodeString as TextOf,
});
