/**
 * json-rules-engine is the reference oracle only: production code (everything in engine/
 * outside engine/reference/, and the editor) never loads it, and the public API does not
 * export the reference.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sources(path)));
    else if (/\.tsx?$/.test(entry.name)) out.push(path);
  }
  return out;
}

describe('the reference boundary', () => {
  it('imports json-rules-engine and engine/reference only from engine/reference', async () => {
    const root = process.cwd();
    const offenders: string[] = [];
    for (const file of [
      ...(await sources(join(root, 'engine'))),
      ...(await sources(join(root, 'editor', 'src'))),
    ]) {
      const name = relative(root, file);
      if (name.startsWith(join('engine', 'reference'))) continue;
      const text = await readFile(file, 'utf8');
      if (/from '(json-rules-engine|[./]*reference\/[^']*)'/.test(text)) offenders.push(name);
    }
    expect(offenders).toEqual([]);
  });
});
