/**
 * Batches on the population path: many patients loaded into rows and evaluated into columns
 * give exactly the outcome the reference gives for each of them, including traces and typed errors;
 * reused batches keep nothing from earlier patients; misuse gets a clear error.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePathway } from '../../engine/evaluate/compile';
import { evaluateOutcome } from '../../engine/evaluate/evaluate';
import {
  BatchResults,
  NEEDS_INFORMATION,
  PatientBatch,
  REJECTED,
  compilePopulation,
  evaluateBatch,
  loadBatch,
  outcomeAt,
} from '../../engine/fast/index';
import { findVersion, loadRepository } from '../../engine/node/repository';
import { synthPatients } from '../../engine/synth/index';
import { chronicPainPatients } from '../fixtures/chronic-pain-patients';
import { outcomeAnswer, referenceOutcomeAnswer } from '../fixtures/fast-answers';

const AS_OF = '2026-11-23';
const repo = await loadRepository(join(process.cwd(), 'pathways'));
const { pathway } = findVersion(repo, 'chronic-pain', { version: '1.1.0', asOf: AS_OF });
const compiled = compilePathway(pathway);
const population = compiled.population;

describe('a batch of patients', () => {
  it('answers every patient of a mixed batch exactly as json-rules-engine does, traces included', async () => {
    const patients = chronicPainPatients(1200, 9301, { invalid: 0.05 });
    const batch = new PatientBatch(population, patients.length);
    for (const { input, asOf } of patients) batch.add(input, asOf);
    const results = evaluateBatch(batch, undefined, { trace: true });
    const differences: number[] = [];
    for (const [i, { input, asOf }] of patients.entries()) {
      const expected = await referenceOutcomeAnswer(pathway, input, asOf);
      if (outcomeAnswer(() => outcomeAt(batch, results, i)) !== expected) differences.push(i);
    }
    expect(differences).toEqual([]);
    expect(results.status.filter((s) => s === REJECTED).length).toBeGreaterThan(20);
    expect(results.status.filter((s) => s === NEEDS_INFORMATION).length).toBeGreaterThan(100);
  }, 120_000);

  it('keeps nothing from the patients it held before it was cleared', () => {
    const first = [...synthPatients(300, 1, AS_OF)].map((p) => ({ facts: p.facts }));
    const second = chronicPainPatients(300, 2).map((p) => p.input);
    const batch = loadBatch(population, first, AS_OF);
    const results = evaluateBatch(batch, undefined, { trace: true });
    batch.clear();
    for (const input of second) batch.add(input, AS_OF);
    evaluateBatch(batch, results);
    const fresh = loadBatch(population, second, AS_OF);
    const freshResults = evaluateBatch(fresh);
    for (let i = 0; i < second.length; i++)
      expect(outcomeAnswer(() => outcomeAt(batch, results, i))).toBe(
        outcomeAnswer(() => outcomeAt(fresh, freshResults, i)),
      );
  });

  it('records a trace only when asked for one', () => {
    const input = { facts: { painDurationMonths: 8, redFlags: [] } };
    const batch = loadBatch(population, [input], AS_OF);
    expect(outcomeAt(batch, evaluateBatch(batch), 0).trace).toBeUndefined();
    const traced = outcomeAt(batch, evaluateBatch(batch, undefined, { trace: true }), 0);
    expect(traced.trace?.[0]?.source).toBe('globalTransitions[0]');
    expect(traced).toEqual({
      ...evaluateOutcome(compiled, input, { asOf: AS_OF }),
      trace: traced.trace,
    });
  });

  it('keeps the typed error of a rejected input in its place and answers the others', () => {
    const batch = loadBatch(
      population,
      [{ facts: { age: 40 } }, { facts: { age: 'forty' } }, { facts: { agee: 40 } }],
      AS_OF,
    );
    const results = evaluateBatch(batch);
    expect([...results.status]).toEqual([NEEDS_INFORMATION, REJECTED, REJECTED]);
    expect(outcomeAt(batch, results, 0).missingFacts.length).toBeGreaterThan(0);
    expect(() => outcomeAt(batch, results, 1)).toThrow(
      expect.objectContaining({ code: 'FACT_TYPE' }),
    );
    expect(() => outcomeAt(batch, results, 2)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_FACT' }),
    );
  });

  it('refuses a patient beyond its capacity, too small results and results of another pathway', () => {
    const batch = new PatientBatch(population, 1);
    batch.add({ facts: {} }, AS_OF);
    expect(() => batch.add({ facts: {} }, AS_OF)).toThrow(/batch is full \(1 patients\)/);
    expect(() => evaluateBatch(batch, new BatchResults(population, 0))).toThrow(
      /results hold 0 patients, the batch has 1/,
    );
    const other = compilePopulation(
      findVersion(repo, 'chronic-pain', { version: '1.0.0', asOf: AS_OF }).pathway,
    );
    expect(() => evaluateBatch(batch, new BatchResults(other, 1))).toThrow(
      /another compiled pathway/,
    );
    expect(() => outcomeAt(batch, evaluateBatch(batch), 1)).toThrow(/no patient 1/);
  });

  it('refuses to read results against a batch that changed after they were evaluated', () => {
    const batch = new PatientBatch(population, 2);
    batch.add({ facts: { painDurationMonths: 8, redFlags: [] } }, AS_OF);
    const results = evaluateBatch(batch, new BatchResults(population, 2));
    expect(outcomeAt(batch, results, 0).step).toBe('intake-assessment');
    batch.clear();
    batch.add({ facts: { redFlags: ['fracture'] } }, AS_OF);
    expect(() => outcomeAt(batch, results, 0)).toThrow(
      /not evaluated from this batch as it is now/,
    );
    const other = loadBatch(population, [{ facts: {} }], AS_OF);
    expect(() => outcomeAt(other, results, 0)).toThrow(/not evaluated from this batch/);
    expect(outcomeAt(batch, evaluateBatch(batch, results), 0).step).toBe('red-flag-investigation');
  });
});
