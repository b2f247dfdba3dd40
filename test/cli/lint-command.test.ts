import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { main } from '../../engine/cli/main';
import { memoryIo } from '../../engine/cli/io';
import { parseSchemaPath } from '../../engine/cli/commands/lint';
import { miniPathway } from '../fixtures/pathways';
import { tempDir, writePathway } from '../fixtures/files';

describe('pathway lint', () => {
  it('is clean and exits 0 on a sound pathway', async () => {
    const root = await tempDir();
    await writePathway(root, miniPathway());
    const io = memoryIo(root);
    expect(await main(['lint', '.'], io)).toBe(0);
    expect(io.stdout.at(-1)).toBe('1 file(s) linted: 0 error(s), 0 warning(s)');
  });

  it('reports a threshold outside the fact’s range with file, line and schema path, and exits 1', async () => {
    const root = await tempDir();
    const p = miniPathway();
    const alert = p.alerts[0];
    if (alert === undefined) throw new Error('fixture');
    alert.when = { fact: 'score', operator: 'greaterThanInclusive', value: 150 };
    await writePathway(root, p);
    const io = memoryIo(root);
    expect(await main(['lint', '.'], io)).toBe(1);
    expect(io.stdout.join('\n')).toMatch(
      /mini\/1\.0\.0\.yaml:\d+:\d+: error threshold-out-of-range: alerts\[0\]\.when\.value: /,
    );
  });

  it('reports schema errors as findings instead of stopping', async () => {
    const root = await tempDir();
    const file = await writePathway(root, miniPathway());
    await writeFile(file, 'schemaVersion: 1\nid: mini\n');
    const io = memoryIo(root);
    expect(await main(['lint', '.'], io)).toBe(1);
    expect(io.stdout.join('\n')).toContain('error schema');
  });

  it('reports a frozen version missing from the lock', async () => {
    const root = await tempDir();
    await writePathway(root, miniPathway({ status: 'active' }));
    const io = memoryIo(root);
    expect(await main(['lint', '.'], io)).toBe(1);
    expect(io.stdout.join('\n')).toContain(
      'error frozen-changed: mini/1.0.0.yaml is active but not recorded',
    );
  });

  it('reads schema paths back into segments', () => {
    expect(parseSchemaPath('steps[3].transitions[0].when.all[1].operator')).toEqual([
      'steps',
      3,
      'transitions',
      0,
      'when',
      'all',
      1,
      'operator',
    ]);
  });
});
