import { existsSync, mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../engine/cli/io';
import { main } from '../../engine/cli/main';
import { openResultsStore } from '../../engine/results/store';
import { sampleRun } from '../results/store-fixtures';

const PATHWAYS = resolve('pathways');

/** A store with three monthly chronic-pain runs: 1.1.0, then 1.2.0 twice. */
async function storeWithBreak(
  extra: { pathwayId?: string } = {},
): Promise<{ dir: string; file: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'report-cli-'));
  const file = join(dir, 'results.sqlite');
  const store = await openResultsStore(file);
  await store.append(sampleRun('2026-01-31', { version: '1.1.0' }));
  await store.append(sampleRun('2026-02-28', { version: '1.2.0', shift: 2 }));
  await store.append(sampleRun('2026-03-31', { version: '1.2.0', shift: 4 }));
  if (extra.pathwayId !== undefined)
    await store.append(sampleRun('2026-03-31', { pathwayId: extra.pathwayId }));
  await store.close();
  return { dir, file };
}

async function report(dir: string, ...args: string[]) {
  const io = memoryIo(dir);
  const code = await main(['report', ...args, '--pathways', PATHWAYS], io);
  return { code, out: io.stdout.join(''), err: io.stderr.join('') };
}

describe('pathway report', () => {
  it('writes report.html and report.json, and a what-changed page for the version break linked from the report', async () => {
    const { dir, file } = await storeWithBreak();
    const out = join(dir, 'out');
    const { code, out: said } = await report(dir, file, '--out', out, '--lang', 'sv');
    expect(code).toBe(0);
    expect(said).toContain('3 runs from 2026-01-31 to 2026-03-31');
    const page = 'what-changed-chronic-pain-1.1.0-to-1.2.0.html';
    const diff = await readFile(join(out, page), 'utf8');
    expect(diff).toContain('<html lang="sv">');
    expect(diff).toContain('chronic-pain 1.1.0 → 1.2.0');
    const html = await readFile(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('data-version-break="1.1.0→1.2.0"');
    expect(html).toContain(`href="${page}"`);
    expect(html.match(/<svg data-chart="time-series"/g)).toHaveLength(2);
    const json = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as unknown;
    expect(JSON.stringify(json)).toContain('1.2.0');
  });

  it('links a page saying why when the pathways folder lacks a version of the break, and warns', async () => {
    const { dir, file } = await storeWithBreak();
    const io = memoryIo(dir);
    const empty = mkdtempSync(join(tmpdir(), 'no-pathways-'));
    const code = await main(['report', file, '--out', dir, '--pathways', empty], io);
    expect(code).toBe(0);
    expect(io.stderr.join('')).toMatch(
      /warning: no diff for 1\.1\.0 → 1\.2\.0: no pathway 'chronic-pain'/,
    );
    expect(io.stdout.join('')).toContain('1 without a diff');
    const page = 'what-changed-chronic-pain-1.1.0-to-1.2.0.html';
    expect(await readFile(join(dir, 'report.html'), 'utf8')).toContain(`href="${page}"`);
    expect(await readFile(join(dir, page), 'utf8')).toContain(
      'The changes 1.1.0 → 1.2.0 cannot be shown',
    );
  });

  it('exits 2 with one line naming the file when the store does not exist', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-cli-'));
    const { code, err } = await report(dir, 'missing.sqlite');
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain('missing.sqlite');
    expect(err).toContain('no such file');
    expect(existsSync(join(dir, 'missing.sqlite'))).toBe(false);
  });

  it('exits 2 with one line when the store has no runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-cli-'));
    const file = join(dir, 'empty.sqlite');
    await (await openResultsStore(file)).close();
    const { code, err } = await report(dir, file);
    expect(code).toBe(2);
    expect(err.trim()).toMatch(/^error NOT_FOUND: .*has no runs$/);
  });

  it('names the pathways the store has when --pathway names another, and asks for --pathway when there are several', async () => {
    const { dir, file } = await storeWithBreak({ pathwayId: 'other' });
    const unknown = await report(dir, file, '--pathway', 'nope');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("no runs of pathway 'nope'");
    expect(unknown.err).toContain('chronic-pain, other');
    const several = await report(dir, file);
    expect(several.code).toBe(2);
    expect(several.err).toContain('choose one with --pathway');
    const chosen = await report(dir, file, '--pathway', 'other', '--out', join(dir, 'o'));
    expect(chosen.code).toBe(0);
  });

  it('refuses a minimum cell size that is not a whole number ≥ 1', async () => {
    const { dir, file } = await storeWithBreak();
    expect((await report(dir, file, '--min-cell', '0')).code).toBe(2);
    expect((await report(dir, file, '--min-cell', 'five')).code).toBe(2);
  });
});
