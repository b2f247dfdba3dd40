import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PathwayError } from '../../engine/errors';
import {
  findVersion,
  loadPathwayVersions,
  loadRepository,
  versionsOf,
} from '../../engine/node/repository';
import { miniPathway } from '../fixtures/pathways';
import { tempDir, writePathway, writeTwoVersions } from '../fixtures/files';

describe('a pathways folder', () => {
  it('loads every version of every pathway and finds the one in effect', async () => {
    const root = await tempDir();
    await writeTwoVersions(root);
    await writePathway(root, miniPathway({ id: 'other', version: '0.1.0' }));
    const repo = await loadRepository(root);
    expect([...repo.pathways.keys()]).toEqual(['mini', 'other']);
    expect(findVersion(repo, 'mini', { asOf: '2026-08-01' }).pathway.version).toBe('1.1.0');
    expect(findVersion(repo, 'mini', { asOf: '2026-08-01' }).hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('rejects a file whose name does not match its id and version', async () => {
    const root = await tempDir();
    const file = await writePathway(root, miniPathway({ version: '1.0.0' }));
    await rename(file, join(root, 'mini', '1.0.1.yaml'));
    await expect(loadRepository(root)).rejects.toThrowError(PathwayError);
  });

  it('reports every broken file with its location at once', async () => {
    const root = await tempDir();
    await writePathway(root, miniPathway({ version: '1.0.0' }));
    await writeFile(join(root, 'mini', '1.0.0.yaml'), 'schemaVersion: 1\nid: mini\nversion: [\n');
    await writePathway(root, miniPathway({ id: 'other', version: '1.0.0' }));
    await writeFile(join(root, 'other', '1.0.0.yaml'), 'schemaVersion: 1\nid: other\n');
    try {
      await loadRepository(root);
      expect.unreachable();
    } catch (error) {
      const e = error as PathwayError;
      expect(new Set(e.issues.map((i) => i.file))).toEqual(
        new Set([join(root, 'mini', '1.0.0.yaml'), join(root, 'other', '1.0.0.yaml')]),
      );
    }
  });

  it('answers UNKNOWN_PATHWAY for an id it does not have', async () => {
    const repo = await loadRepository(await tempDir());
    expect(() => findVersion(repo, 'nope', { asOf: '2026-01-01' })).toThrowError(
      /no pathway 'nope'/,
    );
  });
});

describe('one pathway of a pathways folder', () => {
  it('loads the versions the whole folder gives for that id, in the same order', async () => {
    const root = await tempDir();
    await writeTwoVersions(root);
    await writePathway(root, miniPathway({ id: 'other', version: '0.1.0' }));
    const one = await loadPathwayVersions(root, 'mini');
    const all = versionsOf(await loadRepository(root), 'mini');
    expect(one.map((v) => [v.key, v.hash, v.pathway])).toEqual(
      all.map((v) => [v.key, v.hash, v.pathway]),
    );
    expect(one.map((v) => v.pathway.version)).toEqual(['1.0.0', '1.1.0']);
  });

  it('is not stopped by a broken file of another pathway, but is by one of its own', async () => {
    const root = await tempDir();
    await writeTwoVersions(root);
    await writePathway(root, miniPathway({ id: 'other', version: '1.0.0' }));
    await writeFile(join(root, 'other', '1.0.0.yaml'), 'schemaVersion: 1\nid: other\n');
    await expect(loadRepository(root)).rejects.toThrowError(PathwayError);
    expect((await loadPathwayVersions(root, 'mini')).length).toBe(2);
    await writeFile(join(root, 'mini', '1.2.0.yaml'), 'schemaVersion: 1\nid: mini\nversion: [\n');
    await expect(loadPathwayVersions(root, 'mini')).rejects.toThrowError(/1 problem\(s\)/);
  });

  it('answers UNKNOWN_PATHWAY as the whole folder does, and never reads outside its folders', async () => {
    const root = await tempDir();
    await writeTwoVersions(root);
    await writePathway(root, miniPathway({ id: 'other', version: '0.1.0' }));
    const repo = await loadRepository(root);
    for (const id of ['nope', '../mini', 'mini/..', '.', 'mini/scenarios']) {
      const whole = (() => {
        try {
          versionsOf(repo, id);
        } catch (error) {
          return (error as PathwayError).message;
        }
        return 'found';
      })();
      await expect(loadPathwayVersions(root, id)).rejects.toThrowError(whole);
      expect(whole).toMatch(/known: mini, other\)$/);
    }
  });
});
