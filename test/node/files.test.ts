import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyPathwayFile, listPathwayFiles } from '../../engine/node/files';
import { tempDir } from '../fixtures/files';

describe('listPathwayFiles', () => {
  it('finds version files and scenario files, sorted, and ignores layouts, examples and hidden files', async () => {
    const root = await tempDir();
    const files = [
      'b/2.0.0.yaml',
      'b/1.0.0.yaml',
      'b/1.0.0.layout.json',
      'b/scenarios/z.yaml',
      'b/scenarios/a.yaml',
      'b/examples/patient.json',
      'b/notes.yaml',
      'a/1.0.0-rc.1.yaml',
      '.hidden/1.0.0.yaml',
    ];
    for (const f of files) {
      await mkdir(join(root, f, '..'), { recursive: true });
      await writeFile(join(root, f), 'x: 1\n');
    }
    const found = await listPathwayFiles(root);
    expect(found.map((f) => [f.kind, f.path.slice(root.length + 1)])).toEqual([
      ['pathway', 'a/1.0.0-rc.1.yaml'],
      ['pathway', 'b/1.0.0.yaml'],
      ['pathway', 'b/2.0.0.yaml'],
      ['scenario', 'b/scenarios/a.yaml'],
      ['scenario', 'b/scenarios/z.yaml'],
    ]);
  });

  it('accepts a single file and rejects a path that does not exist', async () => {
    const root = await tempDir();
    const file = join(root, '1.2.3.yaml');
    await writeFile(file, 'x: 1\n');
    expect(await listPathwayFiles(file)).toEqual([{ kind: 'pathway', path: file }]);
    await expect(listPathwayFiles(join(root, 'missing'))).rejects.toThrow();
  });

  it('classifies files by their place in the layout', () => {
    expect(classifyPathwayFile('/p/chronic-pain/1.1.0.yaml')).toBe('pathway');
    expect(classifyPathwayFile('/p/chronic-pain/scenarios/red-flag.yaml')).toBe('scenario');
    expect(classifyPathwayFile('/p/chronic-pain/1.1.0.layout.json')).toBeUndefined();
    expect(classifyPathwayFile('/p/chronic-pain/draft.yaml')).toBeUndefined();
  });
});
