import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../engine/cli/main';
import { memoryIo } from '../../engine/cli/io';
import { tempDir, writePathway, writeTwoVersions } from '../fixtures/files';
import { miniPathway } from '../fixtures/pathways';

async function setup() {
  const root = await tempDir();
  await writeTwoVersions(root);
  const input = join(root, 'patient.json');
  await writeFile(input, JSON.stringify({ facts: { painMonths: 8, flags: [], score: 70 } }));
  return { root, input, io: memoryIo(root, '2026-11-23') };
}

describe('pathway evaluate', () => {
  it('prints the result object as JSON with --json and exits 0', async () => {
    const { input, io } = await setup();
    const code = await main(
      ['evaluate', 'mini', '--input', input, '--pathways', '.', '--json'],
      io,
    );
    expect(code).toBe(0);
    const result = JSON.parse(io.stdout.join('')) as {
      pathway: unknown;
      step: { id: string };
      asOf: string;
      alerts: { id: string }[];
    };
    expect(result.pathway).toEqual({ id: 'mini', version: '1.1.0' });
    expect(result.asOf).toBe('2026-11-23');
    expect(result.step.id).toBe('treat');
    expect(result.alerts.map((a) => a.id)).toEqual(['high-score']);
  });

  it('uses the version in effect on --as-of, or the one --version names', async () => {
    const { input, io } = await setup();
    await main(
      ['evaluate', 'mini', '-i', input, '--pathways', '.', '--json', '--as-of', '2026-06-30'],
      io,
    );
    expect(JSON.parse(io.stdout.join('')).pathway.version).toBe('1.0.0');
    const io2 = memoryIo(io.cwd);
    await main(
      ['evaluate', 'mini', '-i', input, '--pathways', '.', '--json', '--version', '1.0.0'],
      io2,
    );
    expect(JSON.parse(io2.stdout.join('')).pathway.version).toBe('1.0.0');
  });

  it('prints a readable summary with the explanation by default, in the language asked for', async () => {
    const { input, io } = await setup();
    await main(['evaluate', 'mini', '-i', input, '--pathways', '.', '--lang', 'sv'], io);
    const text = io.stdout.join('\n');
    expect(text).toContain('step:    treat (Steg treat, specialist-care)');
    expect(text).toContain('Gick vidare till ”Steg treat”');
  });

  it('accepts a pathway file instead of an id', async () => {
    const { root, input, io } = await setup();
    expect(
      await main(['evaluate', join(root, 'mini', '1.0.0.yaml'), '-i', input, '--json'], io),
    ).toBe(0);
    expect(JSON.parse(io.stdout.join('')).pathway.version).toBe('1.0.0');
  });

  it('exits 2 with the error code and field on stderr for an unknown fact', async () => {
    const { root, io } = await setup();
    const bad = join(root, 'bad.json');
    await writeFile(bad, JSON.stringify({ facts: { scor: 70 } }));
    expect(await main(['evaluate', 'mini', '-i', bad, '--pathways', '.'], io)).toBe(2);
    expect(io.stderr.join('')).toMatch(/UNKNOWN_FACT.*facts\.scor/);
    expect(io.stdout).toEqual([]);
  });

  it('exits 2 for malformed JSON, an unknown pathway and a missing --input', async () => {
    const { root, io } = await setup();
    const broken = join(root, 'broken.json');
    await writeFile(broken, '{ "facts": ');
    expect(await main(['evaluate', 'mini', '-i', broken, '--pathways', '.'], io)).toBe(2);
    expect(await main(['evaluate', 'nope', '-i', broken, '--pathways', '.'], memoryIo(root))).toBe(
      2,
    );
    const io3 = memoryIo(root);
    expect(await main(['evaluate', 'mini'], io3)).toBe(2);
    expect(io3.stderr.join('')).toContain("required option '-i, --input <file>' not specified");
  });

  it('exits 2 for a date that is not a date', async () => {
    const { input, io } = await setup();
    expect(
      await main(
        ['evaluate', 'mini', '-i', input, '--pathways', '.', '--as-of', '2026-02-30x'],
        io,
      ),
    ).toBe(2);
  });

  it('exits 2 naming --as-of for 2026-02-30 instead of rolling it over to 2 March', async () => {
    const { input, io } = await setup();
    expect(
      await main(['evaluate', 'mini', '-i', input, '--pathways', '.', '--as-of', '2026-02-30'], io),
    ).toBe(2);
    expect(io.stderr.join('')).toMatch(/--as-of.*2026-02-30/);
    expect(io.stdout).toEqual([]);
  });

  it("refuses with CONFLICTING_INPUT when --as-of and the input's asOf disagree, instead of picking one", async () => {
    const { root, io } = await setup();
    const dated = join(root, 'dated.json');
    await writeFile(dated, JSON.stringify({ facts: { painMonths: 8 }, asOf: '2026-06-30' }));
    const args = ['evaluate', 'mini', '-i', dated, '--pathways', '.', '--json'];
    expect(await main([...args, '--as-of', '2026-11-01'], io)).toBe(2);
    expect(io.stderr.join('')).toMatch(/CONFLICTING_INPUT.*--as-of 2026-11-01 disagrees/);
    expect(io.stdout).toEqual([]);
    // The same date twice is one question, and the input's date picks the version.
    const same = memoryIo(root);
    expect(await main([...args, '--as-of', '2026-06-30'], same)).toBe(0);
    expect(JSON.parse(same.stdout.join(''))).toMatchObject({
      asOf: '2026-06-30',
      pathway: { version: '1.0.0' },
    });
    const versions = memoryIo(root);
    const pinned = join(root, 'pinned.json');
    await writeFile(pinned, JSON.stringify({ facts: {}, version: '1.0.0' }));
    expect(
      await main(
        ['evaluate', 'mini', '-i', pinned, '--pathways', '.', '--version', '1.1.0'],
        versions,
      ),
    ).toBe(2);
    expect(versions.stderr.join('')).toContain('CONFLICTING_INPUT');
  });

  it('evaluates a named file as an explicit version on the date asked, and notes that it is not in effect', async () => {
    const { root, input, io } = await setup();
    const code = await main(
      [
        'evaluate',
        join(root, 'mini', '1.0.0.yaml'),
        '-i',
        input,
        '--json',
        '--as-of',
        '2026-11-01',
      ],
      io,
    );
    expect(code).toBe(0);
    expect(JSON.parse(io.stdout.join(''))).toMatchObject({
      asOf: '2026-11-01',
      pathway: { version: '1.0.0' },
    });
    expect(io.stderr.join('')).toContain('mini 1.0.0 is not in effect on 2026-11-01');
    // The version in effect says nothing.
    const quiet = memoryIo(root);
    await main(['evaluate', join(root, 'mini', '1.1.0.yaml'), '-i', input, '--json'], quiet);
    expect(quiet.stderr).toEqual([]);
  });

  it("defaults asOf to today in the pathway's time zone: 23:30 UTC on 6 December is 7 December in Stockholm", async () => {
    const root = await tempDir();
    const active = {
      version: '1.1.0',
      status: 'active',
      effective: { from: '2026-07-01' },
    } as const;
    await writePathway(root, miniPathway({ ...active, timeZone: 'Europe/Stockholm' }));
    await writePathway(root, miniPathway({ ...active, id: 'utc-mini', timeZone: 'UTC' }));
    await writePathway(root, miniPathway({ ...active, id: 'plain-mini' }));
    const input = join(root, 'patient.json');
    await writeFile(input, JSON.stringify({ facts: { painMonths: 8, flags: [], score: 70 } }));
    const asOfOf = async (id: string): Promise<string> => {
      const io = memoryIo(root, new Date('2026-12-06T23:30:00Z'));
      expect(await main(['evaluate', id, '-i', input, '--pathways', '.', '--json'], io)).toBe(0);
      return (JSON.parse(io.stdout.join('')) as { asOf: string }).asOf;
    };
    expect(await asOfOf('mini')).toBe('2026-12-07');
    expect(await asOfOf('utc-mini')).toBe('2026-12-06');
    // Without a declared zone the day is the Stockholm one (the default zone).
    expect(await asOfOf('plain-mini')).toBe('2026-12-07');
  });
});
