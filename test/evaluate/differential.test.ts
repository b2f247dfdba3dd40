/**
 * Differential test: production `evaluate()` (the generated code, put into words by
 * `describe()`) answers exactly as the json-rules-engine reference does — the whole result,
 * step, alerts, missing facts, follow-ups, derived facts, notes, explanation and trace, byte
 * for byte, and the same typed errors — on generated chronic-pain patients with boundary
 * values, unknown facts and invalid inputs, for both versions. The benchmark (`npm run bench`)
 * runs the same comparison on 100 000 patients.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePathway } from '../../engine/evaluate/compile';
import { loadRepository, versionsOf } from '../../engine/node/repository';
import { chronicPainPatients } from '../fixtures/chronic-pain-patients';
import { productionAnswer, referenceAnswer } from '../fixtures/fast-answers';

const repo = await loadRepository(join(process.cwd(), 'pathways'));

describe('production evaluate()', () => {
  for (const version of versionsOf(repo, 'chronic-pain')) {
    it(`answers 3 000 generated patients exactly as json-rules-engine does on chronic-pain ${version.pathway.version}`, async () => {
      const compiled = compilePathway(version.pathway);
      const differences: string[] = [];
      const patients = chronicPainPatients(3000, 20261123 + version.pathway.version.length, {
        invalid: 0.03,
      });
      let settled = 0;
      let errors = 0;
      for (const [i, { input, asOf }] of patients.entries()) {
        const a = await referenceAnswer(version.pathway, input, asOf);
        const b = await productionAnswer(compiled, input, asOf);
        if (a !== b) differences.push(`patient ${i}: ${JSON.stringify(input)}\n${a}\n${b}`);
        if (a.includes('"status":"settled"')) settled++;
        if (a.startsWith('error')) errors++;
      }
      expect(differences.slice(0, 3)).toEqual([]);
      // The generator must exercise both outcomes and errors, or the comparison proves little.
      expect(settled).toBeGreaterThan(300);
      expect(settled).toBeLessThan(2900);
      expect(errors).toBeGreaterThan(25);
    }, 120_000);
  }
});
