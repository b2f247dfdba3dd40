/**
 * Reading patients files and NDJSON bodies line by line, without holding more than one line
 * in memory: the one line splitter of the batch route and `pathway impact` (what a line
 * holds is read by engine/service/lines.ts). A line longer than the limit is reported (and
 * skipped up to its end) instead of being buffered. Node-only.
 */
import { createReadStream } from 'node:fs';
import { PathwayError } from '../errors';

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

/** One non-blank line of a file, with its 1-based line number. */
export interface FileLine {
  line: number;
  text: string;
}

/** Streams the non-blank lines of `file`. A file that cannot be read is a FILE_READ error. */
export async function* readFileLines(file: string): AsyncGenerator<FileLine> {
  const stream = createReadStream(file);
  const failed = (error: Error): PathwayError => {
    const message = `cannot read ${file}: ${error.message}`;
    return new PathwayError('FILE_READ', message, [{ code: 'FILE_READ', message, file }]);
  };
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (error) => reject(failed(error)));
  });
  try {
    for await (const input of readLines(stream as AsyncIterable<Buffer>, Infinity)) {
      if ('text' in input && input.text.trim() !== '') yield { line: input.line, text: input.text };
    }
  } catch (error) {
    throw error instanceof PathwayError ? error : failed(error as Error);
  } finally {
    stream.destroy();
  }
}
