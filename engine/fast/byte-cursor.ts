/**
 * The line cursor over a line's UTF-8 bytes instead of its characters: the same grammar, the
 * same declines, generated from the same fragments as `JsonCursor`
 * (engine/fast/cursor-source.ts); only the way a character is fetched and a text value is
 * made differ. JSON's structure is ASCII, so each byte below 0x80 is the character of that
 * code; a string value is made only when read (`bytesText`), and bytes that are not UTF-8 in
 * it decline. test/fast/byte-reader.test.ts holds the two cursors' answers equal.
 */
import { asciiText, bytesText, decodeBytesString } from './byte-text';
import { cursorClass, type TextOf } from './cursor-source';
import { DECLINE, EXACT_POWERS, type LineCursor } from './json-cursor';
import { BYTE_ACCESS } from './value-source';

/** A cursor over one line of bytes, with a view of them to read four or eight at a time. */
export interface ByteCursor extends LineCursor<Uint8Array> {
  /** A view of the same bytes (made again only for other bytes). */
  dv: DataView<ArrayBufferLike>;
}

/** The cursor over a line's UTF-8 bytes; reused from line to line. */
export const ByteCursor = cursorClass<Uint8Array>(BYTE_ACCESS, new Uint8Array(0), true, {
  X: DECLINE,
  P: EXACT_POWERS,
  DS: decodeBytesString as TextOf,
  BT: bytesText as TextOf,
  AT: asciiText as TextOf,
}) as new () => ByteCursor;
