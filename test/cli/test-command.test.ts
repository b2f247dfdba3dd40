import { describe, expect, it } from 'vitest';
import { main } from '../../engine/cli/main';
import { memoryIo } from '../../engine/cli/io';
import type { Scenario } from '../../engine/model/types';
import { miniPathway } from '../fixtures/pathways';
import { tempDir, writePathway, writeScenario } from '../fixtures/files';

const chronic: Scenario = {
  name: 'chronic pain goes to treatment',
  pathway: 'mini',
  versions: ['1.0.0'],
  asOf: '2026-01-01',
  input: { facts: { painMonths: 8, flags: [] } },
  expect: { step: 'treat', status: 'settled' },
};

describe('pathway test', () => {
  it('ends with "N passed, N failed" and exits 0 when every scenario passes', async () => {
    const root = await tempDir();
    await writePathway(root, miniPathway());
    await writeScenario(root, 'chronic', chronic);
    const io = memoryIo(root);
    expect(await main(['test', '.'], io)).toBe(0);
    const lines = io.stdout.join('\n').split('\n');
    expect(lines.at(-1)).toBe('1 passed, 0 failed');
    expect(lines.join('\n')).toContain(
      'coverage mini 1.0.0: transitions 1/4 (25 %), alerts 0/2 (0 %)',
    );
  });

  it('reports what differs and exits 1 when a scenario fails', async () => {
    const root = await tempDir();
    await writePathway(root, miniPathway());
    await writeScenario(root, 'wrong', { ...chronic, expect: { step: 'done', alerts: ['old'] } });
    const io = memoryIo(root);
    expect(await main(['test', '.'], io)).toBe(1);
    const text = io.stdout.join('\n');
    expect(text).toContain('step: expected done, got treat');
    expect(text).toContain('alerts: expected [old], got []');
    expect(text.split('\n').at(-1)).toBe('0 passed, 1 failed');
  });

  it('passes a scenario that expects a typed input error', async () => {
    const root = await tempDir();
    await writePathway(root, miniPathway());
    await writeScenario(root, 'bad', {
      ...chronic,
      input: { facts: { score: 500 } },
      expect: { error: 'FACT_RANGE' },
    });
    const io = memoryIo(root);
    expect(await main(['test', '.'], io)).toBe(0);
  });

  it('fails a scenario that names a version the pathway does not have', async () => {
    const root = await tempDir();
    await writePathway(root, miniPathway());
    await writeScenario(root, 'ghost', { ...chronic, versions: ['9.0.0'] });
    const io = memoryIo(root);
    expect(await main(['test', '.'], io)).toBe(1);
    expect(io.stdout.join('\n')).toContain('pathway mini has no version 9.0.0');
  });

  it('applies per-version expectations', async () => {
    const root = await tempDir();
    await writePathway(
      root,
      miniPathway({
        version: '1.0.0',
        status: 'retired',
        effective: { from: '2025-01-01', to: '2026-01-01' },
      }),
    );
    const second = miniPathway({
      version: '2.0.0',
      status: 'active',
      effective: { from: '2026-01-01' },
    });
    second.conditions = [
      {
        name: 'chronic',
        when: { fact: 'painMonths', operator: 'greaterThanInclusive', value: 12 },
      },
    ];
    await writePathway(root, second);
    await writeScenario(root, 'differs', {
      ...chronic,
      versions: ['1.0.0', '2.0.0'],
      expect: { step: 'treat' },
      expectByVersion: { '2.0.0': { step: 'done' } },
    });
    const io = memoryIo(root);
    expect(await main(['test', '.'], io)).toBe(0);
    expect(io.stdout.join('\n').split('\n').at(-1)).toBe('2 passed, 0 failed');
  });
});
