/**
 * Differential test: the compiled evaluator answers exactly as json-rules-engine does —
 * same step, alerts, missing facts, explanation and trace, byte for byte — on generated
 * chronic-pain patients with boundary values and unknown facts, for both versions.
 * The benchmark (`npm run bench`) runs the same comparison on 100 000 patients.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePathway } from '../../engine/evaluate/compile';
import { evaluate } from '../../engine/evaluate/evaluate';
import { isPathwayError } from '../../engine/errors';
import { loadRepository, versionsOf } from '../../engine/node/repository';
import { chronicPainPatients } from '../fixtures/chronic-pain-patients';

const repo = await loadRepository(join(process.cwd(), 'pathways'));

async function answer(
  compiled: ReturnType<typeof compilePathway>,
  input: unknown,
  asOf: string,
): Promise<string> {
  try {
    return JSON.stringify(await evaluate(compiled, input, { asOf }));
  } catch (error) {
    if (isPathwayError(error)) return `error ${JSON.stringify(error.toJSON())}`;
    throw error;
  }
}

describe('the compiled evaluator', () => {
  for (const version of versionsOf(repo, 'chronic-pain')) {
    it(`answers 3 000 generated patients exactly as json-rules-engine does on chronic-pain ${version.pathway.version}`, async () => {
      const reference = compilePathway(version.pathway);
      const compiled = compilePathway(version.pathway, { evaluator: 'compiled' });
      const differences: string[] = [];
      const patients = chronicPainPatients(3000, 20261123 + version.pathway.version.length);
      let settled = 0;
      for (const [i, { input, asOf }] of patients.entries()) {
        const a = await answer(reference, input, asOf);
        const b = await answer(compiled, input, asOf);
        if (a !== b) differences.push(`patient ${i}: ${JSON.stringify(input)}`);
        if (a.includes('"status":"settled"')) settled++;
      }
      expect(differences.slice(0, 3)).toEqual([]);
      // The generator must exercise both outcomes, or the comparison proves little.
      expect(settled).toBeGreaterThan(300);
      expect(settled).toBeLessThan(2900);
    });
  }
});
