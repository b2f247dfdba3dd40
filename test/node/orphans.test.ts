import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ORPHAN_AFTER_MS, removeOrphanTemps } from '../../engine/node/orphans';
import { tempName, TEMP_FILE } from '../../engine/node/write';
import { tempDir } from '../fixtures/files';

async function aged(file: string, text = 'x'): Promise<void> {
  await writeFile(file, text);
  const old = (Date.now() - ORPHAN_AFTER_MS * 2) / 1000;
  await utimes(file, old, old);
}

describe('removing orphan temporary files at start', () => {
  it('removes old temporary files of atomic writes in the pathway and scenario folders, and nothing else', async () => {
    const root = await tempDir();
    const scenarios = join(root, 'mini', 'scenarios');
    await mkdir(scenarios, { recursive: true });
    const orphans = [
      tempName(join(root, 'frozen.lock.json')),
      tempName(join(root, 'mini', '2.0.0.yaml')),
      tempName(join(scenarios, 'a.yaml')),
    ];
    for (const f of orphans) await aged(f);
    const kept = [
      'notes.tmp',
      '.x.tmp',
      '.2.0.0.yaml.ZZZZZZZZZZZZ.tmp',
      '2.0.0.yaml',
      '.a.yaml.0123456789ab.tmp.bak',
    ];
    for (const name of kept) await aged(join(root, 'mini', name));
    const fresh = tempName(join(root, 'mini', '3.0.0.yaml'));
    await writeFile(fresh, 'a write in progress in another instance');

    const removed = await removeOrphanTemps([root, join(root, 'no-such-folder')]);
    expect(removed.sort()).toEqual([...orphans].sort());
    expect((await readdir(join(root, 'mini'))).sort()).toEqual(
      [...kept, fresh.split('/').pop() ?? '', 'scenarios'].sort(),
    );
  });

  it('names temporary files by the one pattern the sweep recognises', () => {
    expect(tempName('/a/b/2.0.0.yaml').split('/').pop()).toMatch(TEMP_FILE);
  });
});
