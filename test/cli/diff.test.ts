import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../engine/cli/main';
import { memoryIo } from '../../engine/cli/io';
import type { Pathway } from '../../engine/model/types';
import { printPathway } from '../../engine/yaml/print';
import { miniPathway } from '../fixtures/pathways';
import { tempDir, writePathway } from '../fixtures/files';

/** mini 1.1.0 waits 8 weeks in `treat` instead of 12. */
function shorterWait(p: Pathway): Pathway {
  const copy = structuredClone(p);
  const when = copy.steps.find((s) => s.id === 'treat')?.transitions[0]?.when;
  if (when !== undefined && 'all' in when)
    when.all[1] = { fact: 'weeksInStep', operator: 'greaterThanInclusive', value: 8 };
  return copy;
}

async function setup() {
  const root = await tempDir();
  const old = miniPathway({
    version: '1.0.0',
    status: 'retired',
    effective: { from: '2025-01-01', to: '2026-07-01' },
  });
  const now = shorterWait(
    miniPathway({ version: '1.1.0', status: 'active', effective: { from: '2026-07-01' } }),
  );
  const oldFile = await writePathway(root, old);
  const newFile = await writePathway(root, now);
  return { root, oldFile, newFile, io: memoryIo(root) };
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.org',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.org',
    },
  });
}

describe('pathway diff', () => {
  it('compares two versions named <id>@<version>, prints the changed threshold and exits 1', async () => {
    const { io } = await setup();
    expect(await main(['diff', 'mini@1.0.0', 'mini@1.1.0', '--pathways', '.'], io)).toBe(1);
    const text = io.stdout.join('\n');
    expect(text).toContain('mini 1.0.0 → 1.1.0: 5 changes');
    expect(text).toContain('~ treat → done (transition 1)');
    expect(text).toContain('condition: weeksInStep ≥ 12 → ≥ 8');
  });

  it('compares two files and says "no clinical change" with exit 0 when they mean the same', async () => {
    const { io, newFile } = await setup();
    expect(await main(['diff', newFile, 'mini@1.1.0', '--pathways', '.', '--lang', 'sv'], io)).toBe(
      0,
    );
    expect(io.stdout.join('\n')).toBe('mini 1.1.0 → 1.1.0: ingen klinisk ändring');
  });

  it('ignores a moved box in the layout file: layout is not part of the document', async () => {
    const { root, newFile, io } = await setup();
    const other = join(root, 'copy');
    await mkdir(join(other, 'mini'), { recursive: true });
    const copied = join(other, 'mini', '1.1.0.yaml');
    await writeFile(
      copied,
      printPathway(
        shorterWait(
          miniPathway({ version: '1.1.0', status: 'active', effective: { from: '2026-07-01' } }),
        ),
      ),
    );
    await writeFile(
      join(root, 'mini', '1.1.0.layout.json'),
      JSON.stringify({ nodes: { treat: { x: 0, y: 0 } } }),
    );
    await writeFile(
      join(other, 'mini', '1.1.0.layout.json'),
      JSON.stringify({ nodes: { treat: { x: 400, y: 90 } } }),
    );
    expect(await main(['diff', newFile, copied], io)).toBe(0);
  });

  it('prints JSON entries the editor can mark its canvas from', async () => {
    const { io } = await setup();
    await main(['diff', 'mini@1.0.0', 'mini@1.1.0', '--pathways', '.', '--format', 'json'], io);
    const json = JSON.parse(io.stdout.join('')) as {
      entries: {
        kind: string;
        stepId?: string;
        oldIndex?: number;
        newIndex?: number;
        to?: string;
      }[];
    };
    expect(json.entries.find((e) => e.kind === 'transition-changed')).toMatchObject({
      stepId: 'treat',
      oldIndex: 0,
      newIndex: 0,
      to: 'done',
    });
  });

  it('prints Markdown for a pull request with --format md', async () => {
    const { io } = await setup();
    await main(['diff', 'mini@1.0.0', 'mini@1.1.0', '--pathways', '.', '--format', 'md'], io);
    expect(io.stdout.join('\n')).toMatch(/^### mini 1\.0\.0 → 1\.1\.0: 5 changes/);
  });

  it('reads a side from git as <git-ref>:<path>', async () => {
    const { root, oldFile, io } = await setup();
    git(root, 'init', '-q');
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', 'first');
    await writeFile(
      oldFile,
      printPathway(
        shorterWait(
          miniPathway({
            version: '1.0.0',
            status: 'retired',
            effective: { from: '2025-01-01', to: '2026-07-01' },
          }),
        ),
      ),
    );
    expect(await main(['diff', 'HEAD:mini/1.0.0.yaml', 'mini/1.0.0.yaml'], io)).toBe(1);
    expect(io.stdout.join('\n')).toContain('mini 1.0.0 → 1.0.0: 1 change');
  });

  it('exits 2 with the reason on stderr for a side that is neither a file, a version nor a git path', async () => {
    const { io } = await setup();
    expect(await main(['diff', 'no-such-file.yaml', 'mini@1.1.0', '--pathways', '.'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain(
      "'no-such-file.yaml' is neither a file, <id>@<version> nor <git-ref>:<path>",
    );
  });

  it('exits 2 for an unknown version, a bad format and a missing side', async () => {
    const { io } = await setup();
    expect(await main(['diff', 'mini@1.0.0', 'mini@9.9.9', '--pathways', '.'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('pathway mini has no version 9.9.9');
    expect(
      await main(['diff', 'mini@1.0.0', 'mini@1.1.0', '--format', 'html'], memoryIo(io.cwd)),
    ).toBe(2);
    expect(await main(['diff', 'mini@1.0.0'], memoryIo(io.cwd))).toBe(2);
  });
});

describe('pathway diff for git', () => {
  it('runs as an external diff driver with git’s seven arguments and always exits 0', async () => {
    const { oldFile, newFile, io } = await setup();
    const args = [
      'diff',
      '--git-driver',
      'mini/1.0.0.yaml',
      oldFile,
      'abc',
      '100644',
      newFile,
      'def',
      '100644',
    ];
    expect(await main(args, io)).toBe(0);
    const text = io.stdout.join('\n');
    expect(text).toContain('diff --pathway a/mini/1.0.0.yaml b/mini/1.0.0.yaml');
    expect(text).toContain('condition: weeksInStep ≥ 12 → ≥ 8');
  });

  it('lists a new pathway file as added lines when git passes /dev/null for the old side', async () => {
    const { newFile, io } = await setup();
    const args = [
      'diff',
      '--git-driver',
      'mini/1.1.0.yaml',
      '/dev/null',
      '0',
      '0',
      newFile,
      'def',
      '100644',
    ];
    expect(await main(args, io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('+ pathway mini 1.1.0');
  });

  it('falls back to a line diff for files that are not pathways', async () => {
    const { root, io } = await setup();
    const a = join(root, 'a.yaml');
    const b = join(root, 'b.yaml');
    await writeFile(a, 'name: one\n');
    await writeFile(b, 'name: two\n');
    expect(
      await main(['diff', '--git-driver', 'x.yaml', a, '1', '100644', b, '2', '100644'], io),
    ).toBe(0);
    expect(io.stdout.join('\n')).toContain('+name: two');
  });

  it('exits 2 when the driver gets the wrong number of arguments', async () => {
    const { io } = await setup();
    expect(await main(['diff', '--git-driver', 'one', 'two'], io)).toBe(2);
  });

  it('prints the clinical listing of a file with --textconv, and other files as they are', async () => {
    const { root, newFile, io } = await setup();
    expect(await main(['diff', '--textconv', newFile], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain(
      'step treat transition 1 → done: done and weeksInStep ≥ 8',
    );
    const other = join(root, 'notes.yaml');
    await writeFile(other, 'just: text\n');
    const io2 = memoryIo(root);
    expect(await main(['diff', '--textconv', other], io2)).toBe(0);
    expect(io2.stdout.join('\n')).toBe('just: text');
  });
});
