import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../fixtures/files';

const bin = fileURLToPath(new URL('../../bin/pathway.mjs', import.meta.url));
const pathways = fileURLToPath(new URL('../../pathways', import.meta.url));

/** Runs the real `pathway` command; resolves with its exit code and output whatever the code. */
function cli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise) => {
    execFile(
      process.execPath,
      [bin, ...args],
      {
        cwd: options.cwd,
        env: { ...process.env, NO_COLOR: '1', PATHWAY_DEBUG: '', ...options.env },
        timeout: 30_000,
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolvePromise({ code, stdout, stderr });
      },
    );
  });
}

/** One typed line on stderr, exit 2, no stack trace. */
function expectOneTypedLine(
  result: { code: number; stderr: string },
  code: string,
  mentions: RegExp,
): void {
  expect(result.code, result.stderr).toBe(2);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^error ${code}: `));
  expect(lines[0]).toMatch(mentions);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('a failing command prints one typed line and exits 2, never a stack trace', () => {
  it('names a lint path that does not exist', async () => {
    const dir = await tempDir();
    expectOneTypedLine(await cli(['lint', join(dir, 'nope')]), 'FILE_READ', /nope: no such file/);
  });

  it('names a folder given as --patients', async () => {
    const dir = await tempDir();
    const result = await cli([
      'cohort',
      'chronic-pain',
      '--pathways',
      pathways,
      '--patients',
      dir,
      '--workers',
      '0',
    ]);
    expectOneTypedLine(result, 'FILE_READ', /--patients: is a folder, expected a file/);
  });

  it('names an --out folder that cannot be written', async () => {
    const dir = await tempDir();
    const patients = join(dir, 'p.ndjson');
    await writeFile(patients, '{"facts":{}}\n');
    const result = await cli([
      'cohort',
      'chronic-pain',
      '--pathways',
      pathways,
      '--patients',
      patients,
      '--out',
      join(patients, 'out'),
      '--workers',
      '0',
    ]);
    expectOneTypedLine(
      result,
      'FILE_READ',
      /--out: .*p\.ndjson\/out cannot be written \(ENOTDIR\)/,
    );
  });

  it('names a replay file that is not a database', async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, 'audit.sqlite'),
      'this is plain text, not an SQLite database\n'.repeat(4),
    );
    const result = await cli(['replay', '1', '--data-dir', dir]);
    expectOneTypedLine(result, 'FILE_READ', /audit\.sqlite: not an audit database/);
  });

  it.each([
    ['PORT', 'eighty', /PORT: "eighty": expected a port number/],
    ['PORT', '70000', /PORT: "70000": expected a port number/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL: "loud": expected fatal, error/],
    ['HOST', 'no such host.invalid', /HOST: .*expected a host name/],
    ['HOST', 'nohost.invalid', /HOST: cannot listen on nohost\.invalid/],
  ])('names a bad %s=%s before serving', async (name, value, mentions) => {
    const dir = await tempDir();
    const result = await cli(['serve', '--pathways', pathways, '--data-dir', dir, '--port', '0'], {
      env: { [name]: value },
    });
    expectOneTypedLine(result, 'INVALID_PARAM', mentions);
  });

  it('names a DATA_DIR that is a file', async () => {
    const dir = await tempDir();
    const file = join(dir, 'data');
    await writeFile(file, 'x');
    const result = await cli(['serve', '--pathways', pathways, '--port', '0'], {
      env: { DATA_DIR: file },
    });
    expectOneTypedLine(result, 'INVALID_PARAM', /DATA_DIR: .*data: it is a file, not a folder/);
  });

  it('shows the stack only when PATHWAY_DEBUG=1 asks for it', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'empty'));
    const result = await cli(['lint', join(dir, 'nope')], { env: { PATHWAY_DEBUG: '1' } });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toMatch(/^error FILE_READ: /);
    expect(result.stderr).toMatch(/\n\s+at /);
  });
});
