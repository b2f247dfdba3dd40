/**
 * Differential test of the population path: `evaluateFast` answers exactly as `evaluate()` on
 * json-rules-engine — step, status, path, taken transitions, alerts, undecided alerts, missing
 * facts, follow-up statuses, the trace, and the same typed errors for invalid input — on
 * seeded generated patients with boundary values, unknown facts and invalid inputs, for both
 * chronic-pain versions. `npm run bench` runs the same comparison on 100 000 patients.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePathway } from '../../engine/evaluate/compile';
import { compilePopulation, evaluateFast } from '../../engine/fast/index';
import { loadRepository, versionsOf } from '../../engine/node/repository';
import { chronicPainPatients } from '../fixtures/chronic-pain-patients';
import { fastAnswer, referenceAnswer } from '../fixtures/fast-answers';

const repo = await loadRepository(join(process.cwd(), 'pathways'));
const COUNT = 2500;

describe('the population path', () => {
  for (const version of versionsOf(repo, 'chronic-pain')) {
    it(`answers ${COUNT} generated patients, some invalid, exactly as json-rules-engine does on chronic-pain ${version.pathway.version}`, async () => {
      const ref = compilePathway(version.pathway);
      const population = compilePopulation(version.pathway);
      const patients = chronicPainPatients(COUNT, 7100 + version.pathway.version.length, {
        invalid: 0.04,
      });
      const differences: string[] = [];
      let errors = 0;
      let settled = 0;
      for (const [i, { input, asOf }] of patients.entries()) {
        const a = await referenceAnswer(ref, input, asOf);
        const b = fastAnswer(() => evaluateFast(population, input, asOf, { trace: true }));
        if (a !== b) differences.push(`patient ${i}: ${JSON.stringify(input)}\n${a}\n${b}`);
        if (a.startsWith('error')) errors++;
        if (a.includes('"status":"settled"')) settled++;
      }
      expect(differences.slice(0, 2)).toEqual([]);
      // The generator must exercise errors and both outcomes, or the comparison proves little.
      expect(errors).toBeGreaterThan(25);
      expect(settled).toBeGreaterThan(250);
      expect(settled).toBeLessThan(COUNT - 250);
    });
  }

  it('derives the path taken as trace source keys', () => {
    const version = versionsOf(repo, 'chronic-pain').at(-1);
    if (version === undefined) throw new Error('no chronic-pain version');
    const result = evaluateFast(
      compilePopulation(version.pathway),
      {
        facts: {
          painDurationMonths: 8,
          redFlags: [],
          activeSubstanceUseDisorder: false,
          dependenceCriteriaCount: 0,
          declinesPathway: false,
        },
      },
      '2026-11-23',
    );
    expect(result.path.slice(0, 2)).toEqual(['intake-assessment', 'primary-care-management']);
    expect(result.taken[0]).toBe('steps.intake-assessment.transitions[0]');
  });
});
