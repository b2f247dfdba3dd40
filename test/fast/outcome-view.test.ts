/**
 * The outcome read back without a trace: missing facts (generated collectors), derived facts
 * and template values (builders per set of known facts and of fired alerts) and the walk's
 * row (built only when the walk moves) give, byte for byte, the reference's outcome less its
 * trace — keys in the same order too, since the answers are compared as JSON text.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePathway } from '../../engine/evaluate/compile';
import { evaluateOutcome } from '../../engine/evaluate/evaluate';
import { referenceOutcome } from '../../engine/reference/evaluate';
import { loadRepository, versionsOf } from '../../engine/node/repository';
import { chronicPainPatients } from '../fixtures/chronic-pain-patients';
import { errorText, outcomeAnswer } from '../fixtures/fast-answers';

const repo = await loadRepository(join(process.cwd(), 'pathways'));
const COUNT = 1500;

describe('an outcome without a trace', () => {
  for (const version of versionsOf(repo, 'chronic-pain')) {
    it(`equals the reference outcome less its trace for ${COUNT} generated patients on chronic-pain ${version.pathway.version}`, async () => {
      const compiled = compilePathway(version.pathway);
      const patients = chronicPainPatients(COUNT, 9300 + version.pathway.version.length);
      const differences: string[] = [];
      let missing = 0;
      let templated = 0;
      for (const [i, { input, asOf }] of patients.entries()) {
        let expected: string;
        try {
          const { trace: _trace, ...rest } = await referenceOutcome(version.pathway, input, asOf);
          expected = JSON.stringify(rest);
        } catch (error) {
          expected = errorText(error);
        }
        const actual = outcomeAnswer(() => evaluateOutcome(compiled, input, { asOf }));
        if (expected !== actual) differences.push(`patient ${i}\n${expected}\n${actual}`);
        if (/"missingFacts":\["/.test(expected)) missing++;
        if (/"templateFacts":\{"/.test(expected)) templated++;
      }
      expect(differences.slice(0, 2)).toEqual([]);
      // The set must reach missing facts and template values, or the comparison proves little.
      expect(missing).toBeGreaterThan(100);
      expect(templated).toBeGreaterThan(100);
    }, 120_000);
  }
});
