/**
 * Opening a version for the editor reads its bytes from disk every time (so the hash is the
 * one a save compares against) but does not parse the YAML again when the loaded repository
 * was read from the same bytes; changed bytes, or a folder that cannot be loaded, are parsed.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteAuditLog } from '../../engine/audit/log';
import { readVersion } from '../../engine/http/repo';
import { createServiceContext, type LocalServiceContext } from '../../engine/http/service-context';
import { miniFolder } from './helpers';

let ctx: LocalServiceContext | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

async function open(root: string, recheckMs = 60_000): Promise<LocalServiceContext> {
  ctx = createServiceContext({
    pathwaysDir: root,
    audit: new SqliteAuditLog(':memory:'),
    recheckMs,
  });
  return ctx;
}

describe('reading one version for the editor', () => {
  it("answers the repository's document when the file holds the bytes it was loaded from", async () => {
    const root = await miniFolder();
    const c = await open(root);
    const loaded = (await c.repository()).pathways
      .get('mini')
      ?.find((v) => v.key === 'mini/2.0.0.yaml');
    const found = await readVersion(c, 'mini', '2.0.0');
    expect(found.pathway).toBe(loaded?.pathway);
    expect(found.text).toBe(loaded?.text);
  });

  it('parses the file again when its bytes changed since the repository was loaded', async () => {
    const root = await miniFolder();
    const c = await open(root);
    await c.repository();
    const file = join(root, 'mini', '2.0.0.yaml');
    const text = await readFile(file, 'utf8');
    const changed = text.replace(/^(title:\n\s+sv: ).*$/m, '$1Ändrad titel');
    expect(changed).not.toBe(text);
    await writeFile(file, changed);
    // The repository is still the one loaded before the change (rechecked once a minute here).
    const found = await readVersion(c, 'mini', '2.0.0');
    expect(found.text).toBe(changed);
    expect(found.pathway.title.sv).toBe('Ändrad titel');
  });

  it('parses the file itself when another file breaks the repository', async () => {
    const root = await miniFolder();
    await writeFile(join(root, 'mini', '3.0.0.yaml'), 'id: mini\nversion: [not a version\n');
    const c = await open(root);
    await expect(c.repository()).rejects.toThrow();
    const found = await readVersion(c, 'mini', '2.0.0');
    expect(found.pathway.version).toBe('2.0.0');
  });
});
