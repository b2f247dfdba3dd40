/** The adversarial generator reads its steps, facts and thresholds from the pathway it is given. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPathwayError } from '../../engine/errors';
import { compilePathway } from '../../engine/evaluate/compile';
import { evaluate } from '../../engine/evaluate/evaluate';
import type { Pathway } from '../../engine/model/types';
import { adversarialPatients } from '../../engine/synth/index';
import { parsePathway } from '../../engine/yaml/parse';
import { miniPathway } from '../fixtures/pathways';

/** Error codes of the inputs the pathway rejects (empty when it accepts them all). */
async function rejections(pathway: Pathway, invalid: number): Promise<string[]> {
  const compiled = compilePathway(pathway);
  const codes: string[] = [];
  for (const { input, asOf } of adversarialPatients(pathway, 400, 5, { invalid }))
    await evaluate(compiled, input, { asOf, trace: false }).catch((error: unknown) => {
      if (!isPathwayError(error)) throw error;
      codes.push(error.code);
    });
  return codes;
}

describe('adversarial patients', () => {
  it('name only the steps and facts of the pathway they are generated for', () => {
    const mini = miniPathway();
    const steps = new Set(mini.steps.map((s) => s.id));
    const facts = new Set(mini.facts.map((f) => f.name));
    const patients = adversarialPatients(mini, 300, 1);
    for (const { input } of patients) {
      const current = input['currentStep'] as { id: string } | undefined;
      if (current !== undefined) expect(steps).toContain(current.id);
      for (const name of Object.keys(input['facts'] as object)) expect(facts).toContain(name);
    }
    const ids = patients.flatMap(({ input }) => {
      const current = input['currentStep'] as { id: string } | undefined;
      return current === undefined ? [] : [current.id];
    });
    expect(new Set(ids)).toEqual(steps);
  });

  it("put numbers at the pathway's thresholds and one step either side, within the fact's range", () => {
    const scores = new Set(
      adversarialPatients(miniPathway(), 300, 2).map(
        ({ input }) => (input['facts'] as Record<string, unknown>)['score'],
      ),
    );
    // The mini pathway's alert fires at score ≥ 50 (range 0–100).
    expect([...scores].sort()).toEqual([0, 100, 49, 50, 51, undefined].sort());
  });

  it('give the same inputs for the same pathway and seed', () => {
    expect(adversarialPatients(miniPathway(), 50, 9)).toEqual(
      adversarialPatients(miniPathway(), 50, 9),
    );
    expect(adversarialPatients(miniPathway(), 50, 9)).not.toEqual(
      adversarialPatients(miniPathway(), 50, 10),
    );
  });

  it('are accepted by the pathway unless asked to be invalid, for the mini and the shipped pathway', async () => {
    const file = join(process.cwd(), 'pathways/chronic-pain/1.1.0.yaml');
    const chronicPain = parsePathway(await readFile(file, 'utf8'), file);
    for (const pathway of [miniPathway(), chronicPain]) {
      expect(await rejections(pathway, 0)).toEqual([]);
      const codes = await rejections(pathway, 0.5);
      expect(codes.length).toBeGreaterThan(100);
      expect(new Set(codes).size).toBeGreaterThan(4);
    }
  });
});
