/** `pathway synth`: the same seed gives the same population, and the centres differ as documented. */
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../engine/cli/io';
import { main } from '../../engine/cli/main';
import { CENTRES, synthPatients } from '../../engine/synth/index';

async function synth(args: string[]): Promise<string> {
  const io = memoryIo(process.cwd());
  expect(await main(['synth', ...args], io)).toBe(0);
  return io.stdout.join('');
}

describe('pathway synth', () => {
  it('writes the same NDJSON bytes for the same seed, count and date', async () => {
    const a = await synth(['--patients', '3000', '--seed', '11', '--as-of', '2026-11-23']);
    const b = await synth(['--patients', '3000', '--seed', '11', '--as-of', '2026-11-23']);
    const c = await synth(['--patients', '3000', '--seed', '12', '--as-of', '2026-11-23']);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    const lines = a.trim().split('\n');
    expect(lines).toHaveLength(3000);
    const first = JSON.parse(lines[0] ?? '{}');
    expect(Object.keys(first)).toEqual(expect.arrayContaining(['id', 'healthCentre', 'facts']));
  });

  it('draws every health centre, with more opioid prescribing where the parameters say so', () => {
    const lines = [...synthPatients(20000, 2, '2026-11-23')];
    const byCentre = new Map<string, { n: number; opioid: number }>();
    for (const l of lines) {
      const c = byCentre.get(l.healthCentre) ?? { n: 0, opioid: 0 };
      c.n++;
      const meds = l.facts['medications'];
      if (Array.isArray(meds) && meds.some((m: { atc: string }) => m.atc.startsWith('N02A')))
        c.opioid++;
      byCentre.set(l.healthCentre, c);
    }
    expect([...byCentre.keys()].sort()).toEqual(CENTRES.map((c) => c.id).sort());
    const share = (id: string): number => {
      const c = byCentre.get(id);
      return c === undefined ? 0 : c.opioid / c.n;
    };
    expect(share('vc-bruksorten')).toBeGreaterThan(2 * share('vc-norrmalm'));
  });

  it('produces inputs the engine accepts', async () => {
    const { compilePathway } = await import('../../engine/evaluate/compile');
    const { evaluateOutcome } = await import('../../engine/evaluate/evaluate');
    const { findVersion, loadRepository } = await import('../../engine/node/repository');
    const { join } = await import('node:path');
    const { pathway } = findVersion(
      await loadRepository(join(process.cwd(), 'pathways')),
      'chronic-pain',
      { asOf: '2026-11-23' },
    );
    const compiled = compilePathway(pathway);
    for (const { currentStep, facts } of synthPatients(2000, 9, '2026-11-23'))
      expect(() =>
        evaluateOutcome(compiled, currentStep === undefined ? { facts } : { currentStep, facts }, {
          asOf: '2026-11-23',
        }),
      ).not.toThrow();
  });
});
