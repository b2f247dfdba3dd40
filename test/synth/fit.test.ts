/** `pathway synth --pathway`: lines fitted to the version in effect on their date. */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../engine/cli/io';
import { main } from '../../engine/cli/main';
import { fitLine, type LineFit } from '../../engine/synth/fit';

const SEX_FACT = `facts:
  - name: sex
    type: string
    values:
      - female
      - male
      - other
    label:
      sv: kön
      da: køn
      en: sex
    source:
      kind: record
  - name: age
`;

let root = '';

beforeAll(async () => {
  // A copy of the shipped pathways whose 1.2.0 has a sex fact (as a newer version would).
  root = await mkdtemp(join(tmpdir(), 'synth-fit-'));
  await cp(
    join(process.cwd(), 'pathways', 'chronic-pain'),
    join(root, 'with-sex', 'chronic-pain'),
    {
      recursive: true,
    },
  );
  const file = join(root, 'with-sex', 'chronic-pain', '1.2.0.yaml');
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.replace('facts:\n  - name: age\n', SEX_FACT));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function synth(args: string[]): Promise<string> {
  const io = memoryIo(process.cwd());
  const code = await main(['synth', '--patients', '400', '--seed', '4', ...args], io);
  expect(code, io.stderr.join('')).toBe(0);
  return io.stdout.join('');
}

describe('pathway synth --pathway', () => {
  it('writes the same bytes as without it when the version in effect has every fact', async () => {
    const plain = await synth(['--as-of', '2026-12-20']);
    expect(await synth(['--as-of', '2026-12-20', '--pathway', 'chronic-pain'])).toBe(plain);
  });

  it('draws sex for a version with a sex fact, leaving every other value as it was', async () => {
    const plain = (await synth(['--as-of', '2026-12-20'])).trim().split('\n');
    const fitted = (
      await synth([
        '--as-of',
        '2026-12-20',
        '--pathway',
        'chronic-pain',
        '--pathways',
        join(root, 'with-sex'),
      ])
    )
      .trim()
      .split('\n');
    const sexes = new Set<unknown>();
    fitted.forEach((text, i) => {
      const line = JSON.parse(text) as { facts: Record<string, unknown> };
      sexes.add(line.facts['sex']);
      delete line.facts['sex'];
      expect(line).toEqual(JSON.parse(plain[i] ?? '{}'));
    });
    expect([...sexes].sort()).toEqual(['female', 'male']);
  });
});

describe('fitLine', () => {
  it('leaves out facts, values and a current step the version does not have', () => {
    const fit: LineFit = {
      facts: new Map<string, readonly unknown[] | undefined>([
        ['age', undefined],
        ['sex', ['female', 'male']],
      ]),
      steps: new Set(['intake-assessment']),
    };
    const line = fitLine(
      {
        id: 'p1',
        healthCentre: 'vc-a',
        currentStep: { id: 'gone', enteredAt: '2026-01-01' },
        facts: { age: 40, sex: 'x', retired: 3 },
      },
      fit,
    );
    expect(line).toEqual({ id: 'p1', healthCentre: 'vc-a', facts: { age: 40 } });
  });
});
