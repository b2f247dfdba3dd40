/**
 * The answer text written with the generated trace serialisers is exactly JSON.stringify of
 * the result, for every pathway version on disk, over generated patients (thresholds, unknown
 * values, medication records that could not be read), every language and with the trace off.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePathway } from '../../engine/evaluate/compile';
import { evaluate } from '../../engine/evaluate/evaluate';
import type { EvaluationResult } from '../../engine/evaluate/result';
import { loadRepository } from '../../engine/node/repository';
import { answerJson } from '../../engine/service/answer-json';
import { adversarialPatients } from '../../engine/synth/adversarial';
import { chronicPainPatients } from '../fixtures/chronic-pain-patients';

const repo = await loadRepository(join(process.cwd(), 'pathways'));
const versions = [...repo.pathways.values()].flat();

async function answered(
  compiled: ReturnType<typeof compilePathway>,
  input: unknown,
  options: Parameters<typeof evaluate>[2],
): Promise<EvaluationResult | undefined> {
  try {
    return await evaluate(compiled, input, options);
  } catch {
    return undefined; // a refused input has no answer to write
  }
}

describe('the answer written with generated trace serialisers', () => {
  it.each(versions.map((v) => [`${v.pathway.id} ${v.pathway.version}`, v] as const))(
    'is JSON.stringify of the result, byte for byte (%s)',
    async (_name, version) => {
      const compiled = compilePathway(version.pathway);
      const patients = [
        ...adversarialPatients(version.pathway, 300, 5, { invalid: 0.1 }),
        ...(version.pathway.id === 'chronic-pain' ? chronicPainPatients(300, 9) : []),
      ];
      let compared = 0;
      for (const [k, { input, asOf }] of patients.entries()) {
        const language = (['sv', 'da', 'en'] as const)[k % 3] ?? 'en';
        const result = await answered(compiled, input, { asOf, language, trace: k % 7 !== 0 });
        if (result === undefined) continue;
        compared++;
        expect(answerJson(result, version.pathway)).toBe(JSON.stringify(result));
      }
      expect(compared).toBeGreaterThan(100);
    },
  );

  it('writes a node of another shape as JSON.stringify does', async () => {
    const version = versions.find((v) => v.pathway.id === 'chronic-pain');
    expect(version).toBeDefined();
    if (version === undefined) return;
    const compiled = compilePathway(version.pathway);
    const [patient] = chronicPainPatients(1, 3);
    const result = await evaluate(compiled, patient?.input, { asOf: patient?.asOf ?? '' });
    const first = result.trace[0];
    expect(first).toBeDefined();
    if (first === undefined) return;
    // Another kind of node where the condition has a leaf or group: still the same text.
    first.condition = { kind: 'leaf', fact: 'x', operator: 'equal', expected: 1, result: 'true' };
    first.result = 'true';
    expect(answerJson(result, version.pathway)).toBe(JSON.stringify(result));
    const reordered = { ...result, trace: result.trace, step: result.step };
    expect(answerJson(reordered, version.pathway)).toBe(JSON.stringify(reordered));
  });
});
