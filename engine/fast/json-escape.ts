/**
 * A JSON string's escape, read over a line's characters: the one rule the line diagnosis and
 * the cut-line stand-in (engine/fast/cut-line.ts) both need, kept here once. The generated
 * cursors have it too, as source text (value-source.ts), since they are built as code.
 */

/** {@link escapeEnd}'s answer when the line ends inside the escape. */
export const ESCAPE_CUT = -2;

/**
 * Where the escape whose backslash is at `p` in `t` ends (the index after it), -1 when it is
 * not one JSON has (`\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`, `\u` and four hex digits),
 * or {@link ESCAPE_CUT} when `end` comes first.
 */
export function escapeEnd(t: string, p: number, end: number): number {
  if (p + 1 >= end) return ESCAPE_CUT;
  const next = t.charCodeAt(p + 1);
  if (next === 117) {
    for (let k = 2; k < 6; k++) {
      if (p + k >= end) return ESCAPE_CUT;
      if (!isHex(t.charCodeAt(p + k))) return -1;
    }
    return p + 6;
  }
  return next === 34 || // "
    next === 92 || // \
    next === 47 || // /
    next === 98 || // b
    next === 102 || // f
    next === 110 || // n
    next === 114 || // r
    next === 116 // t
    ? p + 2
    : -1;
}

function isHex(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}
