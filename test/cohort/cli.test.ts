/** `pathway cohort` on the command line: files written, summary printed, bad lines and exit codes. */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../engine/cli/io';
import { main } from '../../engine/cli/main';
import { HAND_AS_OF, HAND_NDJSON } from './population';

async function setup(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cohort-cli-'));
  await writeFile(join(dir, 'p.ndjson'), HAND_NDJSON);
  return dir;
}

describe('pathway cohort', () => {
  it('writes cohort.json and cohort.html and prints the bad lines with their numbers', async () => {
    const dir = await setup();
    const io = memoryIo(process.cwd());
    const code = await main(
      [
        'cohort',
        'chronic-pain',
        '--patients',
        join(dir, 'p.ndjson'),
        '--as-of',
        HAND_AS_OF,
        '--by',
        'healthCentre',
        '--out',
        join(dir, 'out'),
        '--workers',
        '0',
      ],
      io,
    );
    expect(code).toBe(0);
    expect(io.stdout.join('')).toMatch(/5 patients evaluated, 2 bad lines/);
    expect(io.stderr.join('\n')).toMatch(/line 6: UNKNOWN_FACT/);
    expect(io.stderr.join('\n')).toMatch(/line 8: not readable/);
    const report = JSON.parse(await readFile(join(dir, 'out', 'cohort.json'), 'utf8'));
    expect(report.pathway.version).toBe('1.1.0');
    expect(Object.keys(report.groups)).toEqual(['vc-a', 'vc-b']);
    expect(await readFile(join(dir, 'out', 'cohort.html'), 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('evaluates on the Stockholm day without --as-of: 23:30 UTC on 31 December is 1 January', async () => {
    const dir = await setup();
    const io = memoryIo(process.cwd(), new Date('2026-12-31T23:30:00Z'));
    const code = await main(
      [
        'cohort',
        'chronic-pain',
        '--patients',
        join(dir, 'p.ndjson'),
        '--out',
        join(dir, 'out'),
        '--workers',
        '0',
      ],
      io,
    );
    expect(code, io.stderr.join('\n')).toBe(0);
    const report = JSON.parse(await readFile(join(dir, 'out', 'cohort.json'), 'utf8'));
    expect(report.asOf).toBe('2027-01-01');
  });

  it('stops with exit code 2 at a bad line when asked to', async () => {
    const dir = await setup();
    const io = memoryIo(process.cwd());
    const code = await main(
      [
        'cohort',
        'chronic-pain',
        '--patients',
        join(dir, 'p.ndjson'),
        '--as-of',
        HAND_AS_OF,
        '--out',
        dir,
        '--workers',
        '0',
        '--fail-on-bad-lines',
      ],
      io,
    );
    expect(code).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/line 6: UNKNOWN_FACT/);
  });

  it('rejects a missing patients file with a clear error', async () => {
    const io = memoryIo(process.cwd());
    const code = await main(
      [
        'cohort',
        'chronic-pain',
        '--patients',
        '/nonexistent/p.ndjson',
        '--as-of',
        HAND_AS_OF,
        '--workers',
        '0',
      ],
      io,
    );
    expect(code).toBe(2);
    expect(io.stderr.join('')).toMatch(/FILE_READ/);
  });

  it('reads the one line format: the same file impact reads, and a line with an unknown field is a bad line', async () => {
    const dir = await setup();
    const file = join(dir, 'lines.ndjson');
    await writeFile(
      file,
      [
        JSON.stringify({ id: 'x1', healthCentre: 'vc-a', facts: { redFlags: ['fracture'] } }),
        JSON.stringify({ id: 'x2', healthCentre: 'vc-a', facts: {}, ward: 3 }),
      ].join('\n'),
    );
    const io = memoryIo(process.cwd());
    const args = ['cohort', 'chronic-pain', '--patients', file, '--as-of', HAND_AS_OF];
    expect(await main([...args, '--out', dir, '--workers', '0'], io)).toBe(0);
    expect(io.stdout.join('')).toMatch(/1 patients evaluated, 1 bad lines/);
    expect(io.stderr.join('\n')).toMatch(/line 2: INVALID_INPUT .*unknown field "ward"/);
    // Grouping is by a patient field of the line format.
    const by = memoryIo(process.cwd());
    expect(await main([...args, '--out', dir, '--by', 'ward'], by)).toBe(2);
    expect(by.stderr.join('')).toContain('expected id or healthCentre');
  });

  it('reads only the named pathway’s folder: a broken file of another pathway does not stop it', async () => {
    const dir = await setup();
    const pathways = join(dir, 'pathways');
    await cp(join(process.cwd(), 'pathways', 'chronic-pain'), join(pathways, 'chronic-pain'), {
      recursive: true,
    });
    await cp(
      join(process.cwd(), 'pathways', 'chronic-pain-dk'),
      join(pathways, 'chronic-pain-dk'),
      {
        recursive: true,
      },
    );
    await writeFile(join(pathways, 'chronic-pain-dk', '1.0.0.yaml'), 'schemaVersion: 1\nid: [\n');
    const args = (id: string): string[] => [
      'cohort',
      id,
      '--patients',
      join(dir, 'p.ndjson'),
      '--as-of',
      HAND_AS_OF,
      '--pathways',
      pathways,
      '--out',
      join(dir, `out-${id}`),
      '--workers',
      '0',
    ];
    const io = memoryIo(process.cwd());
    expect(await main(args('chronic-pain'), io)).toBe(0);
    expect(io.stdout.join('')).toMatch(/chronic-pain 1\.1\.0 on .*5 patients evaluated/);
    const broken = memoryIo(process.cwd());
    expect(await main(args('chronic-pain-dk'), broken)).toBe(2);
    expect(broken.stderr.join('\n')).toMatch(/chronic-pain-dk[/\\]1\.0\.0\.yaml/);
  });
});
