/**
 * Splitting a byte stream into lines without holding more than one line in memory. A line
 * longer than the limit is reported (and skipped up to its end) instead of being buffered.
 */

/** One line of input: its text, or the fact that it was too long. */
export type InputLine =
  { line: number; text: string } | { line: number; tooLong: true; bytes: number };

const NEWLINE = 0x0a;

/** Yields the lines of `source` (numbered from 1), each decoded as UTF-8 without its line break. */
export async function* readLines(
  source: AsyncIterable<Buffer | string>,
  maxLineBytes: number,
): AsyncGenerator<InputLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let skipping = false;
  let line = 0;
  const finish = (): InputLine => {
    line += 1;
    if (skipping) {
      const out: InputLine = { line, tooLong: true, bytes: size };
      parts = [];
      size = 0;
      skipping = false;
      return out;
    }
    let text = Buffer.concat(parts, size).toString('utf8');
    if (text.endsWith('\r')) text = text.slice(0, -1);
    parts = [];
    size = 0;
    return { line, text };
  };
  const take = (chunk: Buffer): void => {
    size += chunk.length;
    if (skipping) return;
    if (size > maxLineBytes) {
      skipping = true;
      parts = [];
      return;
    }
    parts.push(chunk);
  };
  for await (const raw of source) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
    let start = 0;
    for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, start)) {
      take(chunk.subarray(start, at));
      yield finish();
      start = at + 1;
    }
    if (start < chunk.length) take(Buffer.from(chunk.subarray(start)));
  }
  if (size > 0 || skipping) yield finish();
}
