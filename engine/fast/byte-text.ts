/**
 * Text out of a line's UTF-8 bytes, for the byte reader: only the values it keeps are ever
 * turned into strings. A value whose bytes are all ASCII is made from its character codes
 * (short ones kept in a small table, since the values a patients file repeats — centres,
 * units, codes, dates — would otherwise be made anew on every line); any other value is
 * decoded as strict UTF-8, and bytes that are not UTF-8 decline, because the file route
 * would have replaced them and the string route then words what follows.
 */
import { DECLINE, type Decline } from './json-cursor';

/** Strict UTF-8: a value that is not UTF-8 declines rather than read as replacement characters. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Values this long or shorter are looked up in {@link table} before being made. */
const SHORT = 24;
const TABLE_BITS = 11;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
/** Short ASCII values made lately, by a hash of their bytes. */
const table: (string | undefined)[] = new Array<string | undefined>(1 << TABLE_BITS).fill(
  undefined,
);

/** The ASCII text `b[from, to)` made from its character codes. */
function made(b: Uint8Array, from: number, to: number): string {
  let text = '';
  for (let i = from; i < to; i++) text += String.fromCharCode(b[i] as number);
  return text;
}

/** The ASCII text `b[from, to)` (every byte below 0x80: the caller has checked). */
export function asciiText(b: Uint8Array, from: number, to: number): string {
  const length = to - from;
  if (length > SHORT) return made(b, from, to);
  let hash = length;
  for (let i = from; i < to; i++) hash = (Math.imul(hash, 31) + (b[i] as number)) | 0;
  const at = (hash ^ (hash >>> TABLE_BITS)) & TABLE_MASK;
  const known = table[at];
  if (known !== undefined && known.length === length) {
    let same = true;
    for (let i = 0; i < length; i++)
      if (known.charCodeAt(i) !== b[from + i]) {
        same = false;
        break;
      }
    if (same) return known;
  }
  const text = made(b, from, to);
  table[at] = text;
  return text;
}

/**
 * The text of a JSON string's characters `b[from, to)` without escapes (the quotes not
 * included), or DECLINE when its bytes are not UTF-8.
 */
export function bytesText(b: Uint8Array, from: number, to: number): string | Decline {
  for (let i = from; i < to; i++)
    if ((b[i] as number) >= 0x80) {
      try {
        return utf8.decode(b.subarray(from, to));
      } catch {
        return DECLINE;
      }
    }
  return asciiText(b, from, to);
}

/**
 * The string whose JSON text (quotes included) is `b[from, to)`, escapes decoded by
 * `JSON.parse` itself as the string route does, or DECLINE.
 */
export function decodeBytesString(b: Uint8Array, from: number, to: number): string | Decline {
  const text = bytesText(b, from, to);
  if (text === DECLINE) return DECLINE;
  try {
    return JSON.parse(text) as string;
  } catch {
    return DECLINE;
  }
}
