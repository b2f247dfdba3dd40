/**
 * Differential test of the language-free outcome: `evaluateOutcome` (a batch of one on the
 * generated code) gives exactly the outcome the json-rules-engine reference gives — step,
 * status, path, taken transitions, alerts, undecided alerts with their missing facts, missing
 * facts, follow-ups with due dates, derived facts, notes, template values, the trace, and the
 * same typed errors for invalid input — on seeded generated patients with boundary values,
 * unknown facts and invalid inputs, for both chronic-pain versions.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePathway } from '../../engine/evaluate/compile';
import { evaluateOutcome } from '../../engine/evaluate/evaluate';
import { loadRepository, versionsOf } from '../../engine/node/repository';
import { chronicPainPatients } from '../fixtures/chronic-pain-patients';
import { outcomeAnswer, referenceOutcomeAnswer } from '../fixtures/fast-answers';

const repo = await loadRepository(join(process.cwd(), 'pathways'));
const COUNT = 2500;

describe('the population path', () => {
  for (const version of versionsOf(repo, 'chronic-pain')) {
    it(`answers ${COUNT} generated patients, some invalid, exactly as json-rules-engine does on chronic-pain ${version.pathway.version}`, async () => {
      const compiled = compilePathway(version.pathway);
      const patients = chronicPainPatients(COUNT, 7100 + version.pathway.version.length, {
        invalid: 0.04,
      });
      const differences: string[] = [];
      let errors = 0;
      let settled = 0;
      for (const [i, { input, asOf }] of patients.entries()) {
        const a = await referenceOutcomeAnswer(version.pathway, input, asOf);
        const b = outcomeAnswer(() => evaluateOutcome(compiled, input, { asOf, trace: true }));
        if (a !== b) differences.push(`patient ${i}: ${JSON.stringify(input)}\n${a}\n${b}`);
        if (a.startsWith('error')) errors++;
        if (a.includes('"status":"settled"')) settled++;
      }
      expect(differences.slice(0, 2)).toEqual([]);
      // The generator must exercise errors and both outcomes, or the comparison proves little.
      expect(errors).toBeGreaterThan(25);
      expect(settled).toBeGreaterThan(250);
      expect(settled).toBeLessThan(COUNT - 250);
    }, 120_000);
  }

  it('derives the path taken as trace source keys', () => {
    const version = versionsOf(repo, 'chronic-pain').at(-1);
    if (version === undefined) throw new Error('no chronic-pain version');
    const result = evaluateOutcome(
      compilePathway(version.pathway),
      {
        facts: {
          age: 52,
          painDurationMonths: 8,
          redFlags: [],
          activeSubstanceUseDisorder: false,
          dependenceCriteriaCount: 0,
          declinesPathway: false,
        },
      },
      { asOf: '2026-11-23' },
    );
    expect(result.path.slice(0, 2)).toEqual(['intake-assessment', 'primary-care-management']);
    expect(result.taken[0]?.key).toBe('steps.intake-assessment.transitions[0]');
    expect(result.trace).toBeUndefined();
  });
});
