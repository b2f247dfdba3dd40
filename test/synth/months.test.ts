/** `pathway synth --months`: monthly populations with a drift over time. */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../engine/cli/io';
import { main } from '../../engine/cli/main';
import {
  centresInMonth,
  parseDrift,
  synthMonths,
  synthPatients,
  type CohortLine,
} from '../../engine/synth/index';

/** Share of a centre's opioid users whose latest review is at most 90 days old (of those known). */
function reviewedShare(lines: Iterable<CohortLine>, centre: string): number {
  let users = 0;
  let reviewed = 0;
  for (const l of lines) {
    const days = l.facts['daysSinceOpioidReview'];
    if (l.healthCentre !== centre || typeof days !== 'number') continue;
    users++;
    if (days <= 90) reviewed++;
  }
  return reviewed / users;
}

describe('synthMonths', () => {
  it('ends on the as-of date and steps back a month at a time, clamping to the month end', () => {
    const months = synthMonths(4, '2026-05-31', 1);
    expect(months.map((m) => m.asOf)).toEqual([
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
    ]);
    expect(months.map((m) => m.month)).toEqual([1, 2, 3, 4]);
  });

  it('gives each month its own seed and the last month the given seed', () => {
    const months = synthMonths(12, '2026-11-23', 42);
    expect(months[11]?.seed).toBe(42);
    expect(new Set(months.map((m) => m.seed)).size).toBe(12);
    expect(synthMonths(12, '2026-11-23', 42)).toEqual(months);
  });

  it('moves a drifted parameter linearly from the first month to the last, and no other', () => {
    const drift = parseDrift('vc-bruksorten.opioidReviewDays=140:40');
    const first = centresInMonth([drift], 0, 11);
    const middle = centresInMonth([drift], 5, 11);
    const last = centresInMonth([drift], 10, 11);
    const of = (cs: typeof first, id: string) => cs.find((c) => c.id === id);
    expect(of(first, 'vc-bruksorten')?.opioidReviewDays).toBe(140);
    expect(of(middle, 'vc-bruksorten')?.opioidReviewDays).toBe(90);
    expect(of(last, 'vc-bruksorten')?.opioidReviewDays).toBe(40);
    expect(of(last, 'vc-norrmalm')).toEqual(of(first, 'vc-norrmalm'));
  });

  it('makes one centre review its opioid users more often month by month', () => {
    const drift = parseDrift('vc-bruksorten.opioidReviewDays=140:45');
    const months = synthMonths(12, '2026-11-23', 3, [drift]);
    const share = (i: number): number => {
      const m = months[i];
      if (m === undefined) throw new Error('no month');
      return reviewedShare(synthPatients(20000, m.seed, m.asOf, m.centres), 'vc-bruksorten');
    };
    // 1 − e^(−90/140) ≈ 0.47 in the first month, 1 − e^(−90/45) ≈ 0.86 in the last.
    expect(share(0)).toBeGreaterThan(0.4);
    expect(share(0)).toBeLessThan(0.55);
    expect(share(11)).toBeGreaterThan(0.8);
    expect(share(5)).toBeGreaterThan(share(0));
    expect(share(11)).toBeGreaterThan(share(5));
  });
});

describe('parseDrift', () => {
  it.each([
    ['vc-nowhere.opioid=0.1:0.2', /unknown centre 'vc-nowhere'/],
    ['vc-centrum.colour=1:2', /unknown parameter 'colour'/],
    ['vc-centrum.opioid=0.1:1.4', /opioid is a share: expected 0–1/],
    ['vc-centrum.opioid 0.1 0.2', /expected <centre>\.<parameter>=<first>:<last>/],
  ])('refuses %s naming the problem', (spec, message) => {
    expect(() => parseDrift(spec)).toThrow(message);
  });
});

describe('pathway synth --months', () => {
  it('writes one file per month named by its as-of date, the same bytes for the same seed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'synth-months-'));
    try {
      const args = ['synth', '--patients', '200', '--seed', '5', '--as-of', '2026-11-23'];
      const drift = ['--months', '3', '--drift', 'vc-centrum.opioid=0.2:0.6'];
      const io = memoryIo(dir);
      expect(await main([...args, ...drift, '--out', 'a'], io)).toBe(0);
      expect(await main([...args, ...drift, '--out', 'b'], memoryIo(dir))).toBe(0);
      const files = (await readdir(join(dir, 'a'))).sort();
      expect(files).toEqual(['2026-09-23.ndjson', '2026-10-23.ndjson', '2026-11-23.ndjson']);
      for (const f of files)
        expect(await readFile(join(dir, 'a', f), 'utf8')).toBe(
          await readFile(join(dir, 'b', f), 'utf8'),
        );
      const lines = (await readFile(join(dir, 'a', files[0] ?? ''), 'utf8')).trim().split('\n');
      expect(lines).toHaveLength(200);
      expect(io.stdout.join('')).toContain('3 months of 200 patients');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('writes one month to stdout with --month, the last one as plain synth writes it', async () => {
    const run = async (extra: string[]): Promise<string> => {
      const io = memoryIo(process.cwd());
      expect(
        await main(
          ['synth', '--patients', '300', '--seed', '9', '--as-of', '2026-11-23', ...extra],
          io,
        ),
      ).toBe(0);
      return io.stdout.join('');
    };
    const plain = await run([]);
    expect(await run(['--months', '12', '--month', '12'])).toBe(plain);
    expect(await run(['--months', '12', '--month', '1'])).not.toBe(plain);
  });

  it('refuses --drift without --months and --months without --out or --month (exit 2)', async () => {
    const io = memoryIo(process.cwd());
    expect(
      await main(['synth', '--patients', '5', '--drift', 'vc-centrum.opioid=0.1:0.2'], io),
    ).toBe(2);
    expect(io.stderr.join('')).toContain('--drift, --out and --month need --months');
    const io2 = memoryIo(process.cwd());
    expect(await main(['synth', '--patients', '5', '--months', '3'], io2)).toBe(2);
    expect(io2.stderr.join('')).toContain('--months needs --out DIR');
  });
});
