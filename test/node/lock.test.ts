import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE, checkLock, freeze, readLock } from '../../engine/node/lock';
import { loadRepository } from '../../engine/node/repository';
import { miniPathway } from '../fixtures/pathways';
import { tempDir, writePathway } from '../fixtures/files';

async function repoWith(...statuses: ('draft' | 'active' | 'retired')[]) {
  const root = await tempDir();
  const files: string[] = [];
  for (const [i, status] of statuses.entries())
    files.push(
      await writePathway(
        root,
        miniPathway({
          version: `1.${i}.0`,
          status,
          effective: {
            from: `202${i}-01-01`,
            ...(status === 'retired' ? { to: `202${i + 1}-01-01` } : {}),
          },
        }),
      ),
    );
  return { root, files };
}

describe('the frozen-version lock', () => {
  it('records active and retired versions but not drafts', async () => {
    const { root } = await repoWith('retired', 'active', 'draft');
    const added = await freeze(await loadRepository(root));
    expect(added).toEqual(['mini/1.0.0.yaml', 'mini/1.1.0.yaml']);
    expect(Object.keys(await readLock(root))).toEqual(['mini/1.0.0.yaml', 'mini/1.1.0.yaml']);
  });

  it('reports a frozen file whose content changed', async () => {
    const { root, files } = await repoWith('active');
    await freeze(await loadRepository(root));
    const file = files[0] as string;
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace('Mini pathway', 'Changed pathway'),
    );
    const problems = checkLock(await loadRepository(root), await readLock(root));
    expect(problems).toMatchObject([{ key: 'mini/1.0.0.yaml', problem: 'changed' }]);
  });

  it('never rewrites an existing entry, so freezing again does not hide a change', async () => {
    const { root, files } = await repoWith('active');
    await freeze(await loadRepository(root));
    const before = await readFile(join(root, LOCK_FILE), 'utf8');
    const file = files[0] as string;
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace('Mini pathway', 'Changed pathway'),
    );
    expect(await freeze(await loadRepository(root))).toEqual([]);
    expect(await readFile(join(root, LOCK_FILE), 'utf8')).toBe(before);
  });

  it('reports a frozen version missing from the lock, and a locked file that is gone', async () => {
    const { root } = await repoWith('active');
    await writeFile(join(root, LOCK_FILE), JSON.stringify({ 'mini/0.9.0.yaml': 'sha256:00' }));
    const problems = checkLock(await loadRepository(root), await readLock(root));
    expect(problems.map((p) => p.problem).sort()).toEqual(['missing', 'not-recorded']);
  });
});
