import { readFileSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../engine/cli/main';
import { memoryIo } from '../../engine/cli/io';
import { parseScenario } from '../../engine/yaml/parse';
import { tempDir } from '../fixtures/files';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const scenarioDir = join(repoRoot, 'pathways', 'chronic-pain', 'scenarios');
const scenarioCount = readdirSync(scenarioDir).filter((f) => f.endsWith('.yaml')).length;

/** A scenario's patient as one NDJSON line, optionally with some facts changed. */
function patientLine(name: string, facts: Record<string, unknown> = {}): string {
  const scenario = parseScenario(readFileSync(join(scenarioDir, `${name}.yaml`), 'utf8'));
  return JSON.stringify({
    ...scenario.input,
    facts: { ...scenario.input.facts, ...facts },
    asOf: scenario.asOf,
  });
}

interface Report {
  groups: {
    name: string;
    evaluated: number;
    differ: number;
    step: number;
    alerts: number;
    other: number;
    badLines: { line: number; message: string }[];
    rows: {
      who: string;
      line?: number;
      differences: string[];
      alertsAdded: string[];
      old: { step?: string };
      new: { step?: string };
    }[];
  }[];
}

async function impact(...args: string[]): Promise<{ code: number; out: string; report?: Report }> {
  const io = memoryIo(repoRoot);
  const code = await main(['impact', 'chronic-pain@1.0.0', 'chronic-pain@1.1.0', ...args], io);
  const out = io.stdout.join('\n');
  return { code, out, ...(args.includes('json') ? { report: JSON.parse(out) as Report } : {}) };
}

describe('pathway impact', () => {
  it('runs every chronic pain scenario through both versions and counts who lands elsewhere or gets other alerts', async () => {
    const { code, report } = await impact('--format', 'json');
    expect(code).toBe(1);
    const scenarios = report?.groups[0];
    expect(scenarios).toMatchObject({
      name: 'scenarios',
      evaluated: scenarioCount,
      differ: 5,
      step: 3,
      alerts: 2,
      other: 0,
    });
    const byStep = scenarios?.rows.filter((r) => r.differences.includes('step')).map((r) => r.who);
    expect(byStep?.sort()).toEqual([
      'pcm-10-weeks-versions-differ',
      'pcm-11-9-weeks',
      'pcm-8-weeks',
    ]);
    for (const row of scenarios?.rows.filter((r) => r.differences.includes('step')) ?? [])
      expect([row.old.step, row.new.step]).toEqual(['primary-care-management', 'primary-care-mmr']);
    const byAlerts = scenarios?.rows.filter((r) => r.differences.includes('alerts'));
    expect(byAlerts?.map((r) => r.who).sort()).toEqual([
      'alert-opioid-with-gabapentin-version-1-1',
      'alert-opioid-with-pregabalin',
    ]);
    expect(byAlerts?.every((r) => r.alertsAdded.join() === 'opioid-gabapentinoid')).toBe(true);
  });

  it('writes a Markdown table fit for a pull request', async () => {
    const { out } = await impact('--format', 'md');
    expect(out).toContain('### Impact of chronic-pain 1.0.0 → 1.1.0');
    expect(out).toContain(
      `${scenarioCount} evaluated, 5 with a different outcome (3 on a different step, 2 with different alerts, 0 otherwise different)`,
    );
    expect(out).toContain('| who | 1.0.0 | 1.1.0 | alerts |');
    expect(out).toContain(
      '| pcm-10-weeks-versions-differ | primary-care-management | **primary-care-mmr** |  |',
    );
    expect(out).toContain(
      '| alert-opioid-with-pregabalin | primary-care-management | primary-care-management | + opioid-gabapentinoid |',
    );
  });

  it('streams a patients file, lists differing patients by line and counts bad lines with their numbers', async () => {
    const dir = await tempDir();
    const file = join(dir, 'patients.ndjson');
    const lines = [
      patientLine('pcm-10-weeks-versions-differ'),
      patientLine('pcm-10-weeks-versions-differ', { weeksInStep: 4 }),
      '{ not json',
      '',
      JSON.stringify({ facts: { ompsqShrt: 30 }, asOf: '2026-09-01' }),
      patientLine('alert-opioid-with-gabapentin-version-1-1'),
      '[1, 2]',
    ];
    await writeFile(file, `${lines.join('\n')}\n`);
    const { code, report } = await impact('--patients', file, '--format', 'json');
    expect(code).toBe(1);
    const patients = report?.groups[1];
    expect(patients).toMatchObject({ name: file, evaluated: 3, differ: 2, step: 1, alerts: 1 });
    expect(patients?.rows.map((r) => [r.line, r.differences])).toEqual([
      [1, ['step']],
      [6, ['alerts']],
    ]);
    expect(patients?.badLines.map((b) => b.line)).toEqual([3, 5, 7]);
    expect(patients?.badLines[0]?.message).toContain('not valid JSON');
    expect(patients?.badLines[1]?.message).toContain('UNKNOWN_FACT');
  });

  it('reports bad lines in the text report too', async () => {
    const dir = await tempDir();
    const file = join(dir, 'patients.ndjson');
    await writeFile(
      file,
      `${patientLine('pcm-10-weeks-versions-differ', { weeksInStep: 4 })}\nnope\n`,
    );
    const { code, out } = await impact('--patients', file);
    expect(code).toBe(1);
    expect(out).toContain(`Patients (${file}): 1 evaluated, 0 with a different outcome`);
    expect(out).toContain('; 1 bad line');
    expect(out).toContain('error: line 2: not valid JSON');
  });

  it('exits 0 and says so when nobody’s outcome changes', async () => {
    const io = memoryIo(repoRoot);
    expect(
      await main(['impact', 'chronic-pain@1.1.0', 'chronic-pain@1.1.0', '--lang', 'sv'], io),
    ).toBe(0);
    expect(io.stdout.join('\n')).toContain(
      'Ingen hamnar i ett annat steg eller får andra varningar.',
    );
  });

  it('exits 2 when the patients file cannot be read', async () => {
    const io = memoryIo(repoRoot);
    expect(
      await main(
        ['impact', 'chronic-pain@1.0.0', 'chronic-pain@1.1.0', '--patients', 'missing.ndjson'],
        io,
      ),
    ).toBe(2);
    expect(io.stderr.join('\n')).toContain('cannot read');
  });

  it('reads what `pathway synth` writes: no bad lines, every patient evaluated', async () => {
    const synth = memoryIo(repoRoot, '2026-11-23');
    expect(await main(['synth', '--patients', '200', '--seed', '7'], synth)).toBe(0);
    const file = join(await tempDir(), 'synth.ndjson');
    await writeFile(file, synth.stdout.join(''));
    const io = memoryIo(repoRoot, '2026-11-23');
    const code = await main(
      [
        'impact',
        'chronic-pain@1.0.0',
        'chronic-pain@1.1.0',
        '--patients',
        file,
        '--format',
        'json',
      ],
      io,
    );
    const report = JSON.parse(io.stdout.join('\n')) as Report;
    const patients = report.groups[1];
    expect(patients?.badLines).toEqual([]);
    expect(patients?.evaluated).toBe(200);
    expect([0, 1]).toContain(code);
    expect(io.stderr).toEqual([]);
  });

  it('exits 2 and says so on stderr when lines are bad and nobody else changes', async () => {
    const file = join(await tempDir(), 'patients.ndjson');
    await writeFile(
      file,
      `${JSON.stringify({ id: 'p1', healthCentre: 'vc-a', facts: {}, ward: 3 })}\n`,
    );
    const io = memoryIo(repoRoot);
    const code = await main(
      [
        'impact',
        'chronic-pain@1.1.0',
        'chronic-pain@1.1.0',
        '--patients',
        file,
        '--format',
        'json',
      ],
      io,
    );
    expect(code).toBe(2);
    const report = JSON.parse(io.stdout.join('\n')) as Report;
    expect(report.groups[1]?.badLines[0]?.message).toContain('unknown field "ward"');
    expect(io.stderr.join('\n')).toContain('1 bad line(s)');
  });
});
