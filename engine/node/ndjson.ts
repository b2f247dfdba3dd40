/** Reading NDJSON files line by line, without holding the whole file in memory. Node-only. */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { PathwayError } from '../errors';

/** One non-blank line of an NDJSON file, with its 1-based line number. */
export interface NdjsonLine {
  line: number;
  text: string;
}

/** Streams the non-blank lines of `file`. A file that cannot be opened is a FILE_READ error. */
export async function* readNdjsonLines(file: string): AsyncGenerator<NdjsonLine> {
  const stream = createReadStream(file, { encoding: 'utf8' });
  const opened = new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (error) => {
      const message = `cannot read ${file}: ${error.message}`;
      reject(new PathwayError('FILE_READ', message, [{ code: 'FILE_READ', message, file }]));
    });
  });
  await opened;
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const text of lines) {
      line += 1;
      if (text.trim() !== '') yield { line, text };
    }
  } catch (error) {
    const message = `cannot read ${file}: ${(error as Error).message}`;
    throw new PathwayError('FILE_READ', message, [{ code: 'FILE_READ', message, file }]);
  }
}
