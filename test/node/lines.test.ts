import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileLines, readLines } from '../../engine/node/lines';
import { tempDir } from '../fixtures/files';

async function collect<T>(lines: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

describe('reading lines', () => {
  it('yields the non-blank lines of a file with their numbers, without line ends', async () => {
    const file = join(await tempDir(), 'p.ndjson');
    await writeFile(file, '{"a":1}\r\n\n  \n{"b":2}');
    expect(await collect(readFileLines(file))).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 4, text: '{"b":2}' },
    ]);
  });

  it('reports a file that cannot be read as FILE_READ', async () => {
    await expect(collect(readFileLines('/nowhere/p.ndjson'))).rejects.toMatchObject({
      code: 'FILE_READ',
    });
  });

  it('reports a line over the limit instead of holding it, and goes on', async () => {
    async function* source(): AsyncGenerator<string> {
      yield 'short\n';
      yield `${'x'.repeat(50)}\nend`;
    }
    expect(await collect(readLines(source(), 10))).toEqual([
      { line: 1, text: 'short' },
      { line: 2, tooLong: true, bytes: 50 },
      { line: 3, text: 'end' },
    ]);
  });
});
