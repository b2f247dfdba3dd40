/**
 * Parsed pathway files kept by content (engine/node/parsed-versions.ts): the same pathway and
 * hash as parsing, answered from the store for the same text, never for a broken file, and
 * parsed again when an entry is damaged or the folder cannot be written.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { PathwayError } from '../../engine/errors';
import { contentHash } from '../../engine/model/hash';
import { ParsedVersions } from '../../engine/node/parsed-versions';
import { parsePathway } from '../../engine/yaml/parse';
import { tempDir } from '../fixtures/files';

const file = join(process.cwd(), 'pathways', 'chronic-pain', '1.1.0.yaml');
const text = await readFile(file, 'utf8');

describe('parsed pathway files kept by content', () => {
  it('answer what parsing answers, and keep it under the text’s SHA-256', async () => {
    const store = new ParsedVersions(join(await tempDir(), 'parsed'));
    const first = store.parse(text, file);
    expect(first).toEqual({ pathway: parsePathway(text, file), hash: contentHash(text) });
    const entries = await readdir(store.dir);
    expect(entries).toEqual([`${contentHash(text).slice('sha256:'.length)}.v8`]);
    expect(store.parse(text, file)).toEqual(first);
  });

  it('answer from the store for the same text, not for another', async () => {
    const store = new ParsedVersions(join(await tempDir(), 'parsed'));
    store.parse(text, file);
    const [entry = ''] = await readdir(store.dir);
    const other = { pathway: { id: 'stored' }, hash: 'sha256:stored' };
    await writeFile(join(store.dir, entry), serialize(other));
    expect(store.parse(text, file)).toEqual(other);
    expect(store.parse(`${text}\n`, file).pathway.id).toBe('chronic-pain');
  });

  it('keep nothing for a broken file, whose error is parsing’s own', async () => {
    const store = new ParsedVersions(join(await tempDir(), 'parsed'));
    const broken = text.replace('version: 1.1.0', 'version: [');
    const expected = (() => {
      try {
        parsePathway(broken, file);
      } catch (error) {
        return error as PathwayError;
      }
      throw new Error('expected the broken file to be refused');
    })();
    expect(() => store.parse(broken, file)).toThrowError(expected.message);
    expect(() => store.parse(broken, file)).toThrowError(PathwayError);
    await expect(readdir(store.dir)).rejects.toThrowError(/ENOENT/);
  });

  it('parse again when an entry is damaged, and replace it', async () => {
    const store = new ParsedVersions(join(await tempDir(), 'parsed'));
    store.parse(text, file);
    const [entry = ''] = await readdir(store.dir);
    await writeFile(join(store.dir, entry), 'not a serialised value');
    expect(store.parse(text, file).pathway).toEqual(parsePathway(text, file));
    expect(store.parse(text, file).hash).toBe(contentHash(text));
  });

  it('parse as if there were none when the folder cannot be written', async () => {
    const blocker = join(await tempDir(), 'a-file');
    await writeFile(blocker, '');
    const store = new ParsedVersions(join(blocker, 'parsed'));
    expect(store.parse(text, file).pathway).toEqual(parsePathway(text, file));
  });
});
