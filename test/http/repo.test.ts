/**
 * The editor API reads the pathways folder under the one input rule: a file that is not
 * UTF-8 is a typed error naming the file (never repaired into U+FFFD), a BOM is dropped
 * (and the hash a read gives is the one a save compares against), and a forbidden key in a
 * layout file is refused naming the file.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isPathwayError } from '../../engine/errors';
import { readIfExists } from '../../engine/http/repo';
import { contentHash } from '../../engine/model/hash';
import { tempDir } from '../fixtures/files';
import { errorOf, service, type TestService } from './helpers';

let svc: TestService | undefined;
afterEach(async () => {
  await svc?.app.close();
  svc = undefined;
});

/** `text` with the byte 0xff put in place of its first `~`. */
function withBadByte(text: string): Buffer {
  const bytes = Buffer.from(text);
  bytes[bytes.indexOf('~'.charCodeAt(0))] = 0xff;
  return bytes;
}

describe('readIfExists', () => {
  it('throws FILE_READ naming the file, line and column for bytes that are not UTF-8', async () => {
    const dir = await tempDir();
    const file = join(dir, 'x.yaml');
    await writeFile(file, withBadByte('a: 1\nb: "~"\n'));
    const error: unknown = await readIfExists(file).catch((e: unknown) => e);
    expect(isPathwayError(error)).toBe(true);
    if (!isPathwayError(error)) return;
    expect(error.code).toBe('FILE_READ');
    expect(error.message).toContain(`${file}:2:5`);
    expect(error.issues[0]).toMatchObject({ file, line: 2, column: 5 });
  });

  it('drops a leading BOM and answers null for a file that does not exist', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'bom.yaml'), '\uFEFFa: 1\n');
    expect(await readIfExists(join(dir, 'bom.yaml'))).toBe('a: 1\n');
    expect(await readIfExists(join(dir, 'none.yaml'))).toBeNull();
  });
});

describe('the editor API reads files strictly', () => {
  it('answers 500 FILE_READ naming the version file when it is not UTF-8', async () => {
    svc = await service();
    const file = join(svc.root, 'mini', '2.0.0.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(file, withBadByte(text.replace(/^title:\n(\s+)sv: .*$/m, 'title:\n$1sv: "~"')));
    const { status, body } = await svc.call({
      method: 'GET',
      url: '/api/pathways/mini/versions/2.0.0',
    });
    expect(status).toBe(500);
    expect(errorOf(body).code).toBe('FILE_READ');
    expect(errorOf(body).message).toMatch(
      /pathways\/mini\/2\.0\.0\.yaml:\d+:\d+: .*not valid UTF-8/,
    );
    expect(errorOf(body).message).not.toContain(svc.root);
  });

  it('gives the hash of the text without its BOM, and a save with that hash succeeds', async () => {
    svc = await service();
    const file = join(svc.root, 'mini', '2.0.0.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(file, `\uFEFF${text}`);
    const read = await svc.call({ method: 'GET', url: '/api/pathways/mini/versions/2.0.0' });
    expect(read.status).toBe(200);
    const loaded = read.body as { text: string; hash: string; pathway: unknown };
    expect(loaded.text).toBe(text);
    expect(loaded.hash).toBe(contentHash(text));
    const saved = await svc.call({
      method: 'PUT',
      url: '/api/pathways/mini/versions/2.0.0',
      payload: { pathway: loaded.pathway, baseHash: loaded.hash },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'answers 500 FILE_READ naming the layout file when it holds a %s key',
    async (key) => {
      svc = await service();
      await writeFile(
        join(svc.root, 'mini', '2.0.0.layout.json'),
        `{"schemaVersion":1,"nodes":{"start":{"x":1,"y":2,"${key}":{"x":1}}}}`,
      );
      const { status, body } = await svc.call({
        method: 'GET',
        url: '/api/pathways/mini/versions/2.0.0',
      });
      expect(status).toBe(500);
      expect(errorOf(body).code).toBe('FILE_READ');
      expect(errorOf(body).message).toContain('pathways/mini/2.0.0.layout.json');
      expect(errorOf(body).issues[0]?.path).toBe(`nodes.start.${key}`);
    },
  );

  it('still lays out afresh (layout null) when the layout file is not JSON', async () => {
    svc = await service();
    await writeFile(join(svc.root, 'mini', '2.0.0.layout.json'), '{"schemaVersion":');
    const { status, body } = await svc.call({
      method: 'GET',
      url: '/api/pathways/mini/versions/2.0.0',
    });
    expect(status).toBe(200);
    expect((body as { layout: unknown }).layout).toBeNull();
  });

  it('answers FILE_READ naming the scenario file when a scenario is not UTF-8', async () => {
    svc = await service();
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(svc.root, 'mini', 'scenarios'), { recursive: true });
    await writeFile(
      join(svc.root, 'mini', 'scenarios', 'broken.yaml'),
      withBadByte('name: "~"\npathway: mini\n'),
    );
    const { status, body } = await svc.call({ method: 'GET', url: '/api/pathways/mini/scenarios' });
    expect(status).toBe(500);
    expect(errorOf(body).code).toBe('FILE_READ');
    expect(errorOf(body).message).toContain('pathways/mini/scenarios/broken.yaml:1:8');
  });
});
