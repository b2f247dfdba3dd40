import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../engine/cli/main';
import { memoryIo } from '../../engine/cli/io';
import type { Pathway } from '../../engine/model/types';
import { printPathway, printScenario } from '../../engine/yaml/print';
import { tempDir, writePathway, writeScenario } from '../fixtures/files';
import { miniPathway } from '../fixtures/pathways';

const scenario = {
  name: 'adult',
  pathway: 'mini',
  versions: ['1.0.0'],
  asOf: '2026-01-31',
  input: { facts: { age: 40 } },
  expect: { step: 'treat' },
};

/** A pathways folder under a fresh project folder: returns both. */
async function project(): Promise<{ cwd: string; root: string }> {
  const cwd = await tempDir();
  const root = join(cwd, 'pathways');
  await mkdir(root);
  return { cwd, root };
}

/** Writes a pathway version as JSON — valid YAML, but not the canonical form. */
async function writeJsonPathway(root: string, pathway: Pathway): Promise<string> {
  await mkdir(join(root, pathway.id), { recursive: true });
  const file = join(root, pathway.id, `${pathway.version}.yaml`);
  await writeFile(file, JSON.stringify(pathway, null, 2));
  return file;
}

async function run(cwd: string, ...args: string[]) {
  const io = memoryIo(cwd);
  const code = await main(['format', ...args], io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('pathway format --check', () => {
  it('exits 0 and counts the files when every file under ./pathways is canonical', async () => {
    const { cwd, root } = await project();
    await writePathway(root, miniPathway());
    await writePathway(root, miniPathway({ version: '1.1.0', status: 'active' }));
    await writeScenario(root, 'adult', scenario);
    const result = await run(cwd, '--check');
    expect(result).toEqual({ code: 0, out: '3 files canonical', err: '' });
  });

  it('lists non-canonical files, exits 1 and writes nothing', async () => {
    const { cwd, root } = await project();
    const file = await writeJsonPathway(root, miniPathway());
    const before = await readFile(file, 'utf8');
    const result = await run(cwd, '--check');
    expect(result.code).toBe(1);
    expect(result.out).toContain('not canonical: pathways/mini/1.0.0.yaml');
    expect(result.out).toContain("1 of 1 file not canonical; run 'pathway format' to fix");
    expect(await readFile(file, 'utf8')).toBe(before);
  });
});

describe('pathway format', () => {
  it('rewrites a draft in canonical form and leaves no temporary file behind', async () => {
    const { cwd, root } = await project();
    const file = await writeJsonPathway(root, miniPathway());
    const result = await run(cwd);
    expect(result.code).toBe(0);
    expect(result.out).toContain('formatted pathways/mini/1.0.0.yaml');
    expect(await readFile(file, 'utf8')).toBe(printPathway(miniPathway()));
    expect(await readdir(join(root, 'mini'))).toEqual(['1.0.0.yaml']);
  });

  it('formats scenario files too', async () => {
    const { cwd, root } = await project();
    await mkdir(join(root, 'mini', 'scenarios'), { recursive: true });
    const file = join(root, 'mini', 'scenarios', 'adult.yaml');
    await writeFile(file, JSON.stringify(scenario));
    expect((await run(cwd)).code).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(printScenario(scenario));
  });

  it('does not touch a file that is already canonical', async () => {
    const { cwd, root } = await project();
    const file = await writePathway(root, miniPathway());
    const before = await stat(file);
    const result = await run(cwd);
    expect(result.out).toBe('formatted 0 files, 1 already canonical');
    // An atomic rewrite would have replaced the file (a new inode).
    expect((await stat(file)).ino).toBe(before.ino);
  });

  it('refuses to rewrite an active or retired version, says it is frozen, and exits 1', async () => {
    const { cwd, root } = await project();
    const active = await writeJsonPathway(root, miniPathway({ status: 'active' }));
    const retired = await writeJsonPathway(
      root,
      miniPathway({ version: '0.9.0', status: 'retired' }),
    );
    const texts = [await readFile(active, 'utf8'), await readFile(retired, 'utf8')];
    const result = await run(cwd);
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      'refusing to rewrite pathways/mini/1.0.0.yaml: version 1.0.0 is active, so the file is frozen',
    );
    expect(result.err).toContain('version 0.9.0 is retired');
    expect([await readFile(active, 'utf8'), await readFile(retired, 'utf8')]).toEqual(texts);
  });

  it('exits 2 with the located error on stderr for a file that does not parse', async () => {
    const { cwd, root } = await project();
    const good = await writeJsonPathway(root, miniPathway({ version: '2.0.0' }));
    await mkdir(join(root, 'mini'), { recursive: true });
    await writeFile(
      join(root, 'mini', '1.0.0.yaml'),
      printPathway(miniPathway()).replace('operator: greaterThan\n', 'operator: greaterThn\n'),
    );
    const result = await run(cwd);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(
      /^error SCHEMA: pathways\/mini\/1\.0\.0\.yaml:\d+:17: alerts\[1\]\.when\.operator: unknown operator 'greaterThn'/,
    );
    // The other files are still formatted.
    expect(await readFile(good, 'utf8')).toBe(printPathway(miniPathway({ version: '2.0.0' })));
  });

  it('takes explicit files and folders relative to the working folder', async () => {
    const { cwd, root } = await project();
    await writeJsonPathway(root, miniPathway());
    const other = await writeJsonPathway(root, miniPathway({ id: 'other' }));
    const result = await run(cwd, 'pathways/mini/1.0.0.yaml');
    expect(result.out).toContain('formatted 1 file, 0 already canonical');
    expect(await readFile(other, 'utf8')).toMatch(/^\{/);
    const check = await run(join(cwd, 'pathways'), 'other', '--check');
    expect(check).toMatchObject({ code: 1, err: '' });
    expect(check.out).toContain('not canonical: other/1.0.0.yaml');
  });

  it('exits 2 when a path does not exist', async () => {
    const { cwd } = await project();
    const result = await run(cwd, 'nowhere');
    expect(result.code).toBe(2);
    expect(result.err).toContain('nowhere: no such file or folder');
  });
});
