/**
 * The population path's derived facts for patients without medications: the empty list's
 * answers are asked once per evaluation date and shared, and must be exactly what the
 * per-patient route derives, whatever the date and in any mix with medicated patients.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePathway } from '../../engine/evaluate/compile';
import { PatientBatch, evaluateBatch, outcomeAt } from '../../engine/fast/index';
import { findVersion, loadRepository } from '../../engine/node/repository';
import { referenceOutcome } from '../../engine/reference/evaluate';
import { chronicPainPatients } from '../fixtures/chronic-pain-patients';

const repo = await loadRepository(join(process.cwd(), 'pathways'));

describe('derived facts on the population path', () => {
  for (const version of ['1.1.0', '1.3.0'])
    it(`give patients with an empty medication list the per-patient route's facts on every date (chronic-pain ${version})`, async () => {
      const { pathway } = findVersion(repo, 'chronic-pain', { version, asOf: '2027-06-23' });
      const population = compilePathway(pathway).population;
      const patients = chronicPainPatients(400, 77, { invalid: 0 });
      // Alternate dates (the shared answers are per date) and empty and non-empty lists.
      const dates = ['2026-11-23', '2027-06-23', '2027-02-28'];
      const batch = new PatientBatch(population, patients.length);
      const inputs = patients.map(({ input }, i) => {
        const facts = { ...(input['facts'] as Record<string, unknown>) };
        if (i % 2 === 0) facts['medications'] = [];
        return { ...input, facts };
      });
      inputs.forEach((input, i) => batch.add(input, dates[i % 3] as string));
      const results = evaluateBatch(batch);
      let empty = 0;
      for (const [i, input] of inputs.entries()) {
        const asOf = dates[i % 3] as string;
        let expected: unknown;
        try {
          expected = (await referenceOutcome(pathway, input, asOf)).derivedFacts;
        } catch {
          continue;
        }
        if (i % 2 === 0) empty++;
        expect(outcomeAt(batch, results, i).derivedFacts, `patient ${i} on ${asOf}`).toEqual(
          expected,
        );
      }
      expect(empty).toBeGreaterThan(150);
    });
});
