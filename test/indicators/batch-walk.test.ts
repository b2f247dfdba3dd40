/**
 * Indicators and cohort counts read straight from a batch's result columns (BatchWalk) give
 * exactly what the per-Outcome path gives (`countResult` of `outcomeAt`, `evaluate(facts,
 * outcome)`, `stratum`): the same counts in the same key order, the same memberships with the
 * same missing facts, the same rejected patients. Differential, over the synthetic population
 * and adversarial sets (bad inputs included) for chronic-pain 1.3.0 and chronic-pain-dk 1.0.0,
 * and over the test pathways whose indicators read every outcome term.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countResult, emptyCounts } from '../../engine/cohort/counts';
import { ChunkTally } from '../../engine/cohort/tally';
import { worklistReason, worklistReasonOf } from '../../engine/cohort/worklist';
import {
  BatchResults,
  PatientBatch,
  compilePopulation,
  evaluateBatch,
  outcomeAt,
} from '../../engine/fast/index';
import { BatchWalk } from '../../engine/indicators/batch-walk';
import { compileIndicators } from '../../engine/indicators/evaluate';
import type { Pathway } from '../../engine/model/types';
import { findVersion, loadRepository } from '../../engine/node/repository';
import { adversarialPatients, synthPatients } from '../../engine/synth/index';
import { lineFitOf } from '../../engine/synth/fit';
import { opioidIndicatorPathway, walkIndicatorPathway } from './fixture';

const repo = await loadRepository(join(process.cwd(), 'pathways'));
const chronicPain = findVersion(repo, 'chronic-pain', {
  version: '1.3.0',
  asOf: '2027-06-23',
}).pathway;
const chronicPainDk = findVersion(repo, 'chronic-pain-dk', {
  version: '1.0.0',
  asOf: '2027-06-23',
}).pathway;

interface Patient {
  input: Record<string, unknown>;
  asOf: string;
  group: string;
}

const CODE = { false: 0, unknown: 1, true: 2 } as const;

/**
 * Runs `patients` through one batch (several, when there are more than `size`) both ways and
 * returns the differences found (empty when the two paths agree) and what was compared.
 */
function compare(pathway: Pathway, patients: readonly Patient[], size = 512) {
  const compiled = compilePopulation(pathway);
  const evaluator = compileIndicators(pathway);
  const ids = evaluator.infos.map((i) => i.id);
  const directions = evaluator.infos.map((i) => i.direction);
  const batch = new PatientBatch(compiled, size);
  const results = new BatchResults(compiled, size);
  const walk = new BatchWalk(compiled);
  const truths = new Uint8Array(2 * ids.length);
  const expected = emptyCounts();
  const actual = emptyCounts();
  const tally = new ChunkTally(compiled, ids);
  const differences: string[] = [];
  let rejected = 0;
  let unknown = 0;
  for (let from = 0; from < patients.length; from += size) {
    const part = patients.slice(from, from + size);
    batch.clear();
    for (const p of part) batch.add(p.input, p.asOf);
    evaluateBatch(batch, results);
    part.forEach((p, i) => {
      let outcome;
      try {
        outcome = outcomeAt(batch, results, i);
      } catch (error) {
        rejected++;
        const mine = walk.at(batch, results, i);
        if (mine?.message !== (error as Error).message)
          differences.push(`${from + i}: rejected as ${String(mine?.message)}`);
        return;
      }
      if (walk.at(batch, results, i) !== undefined) differences.push(`${from + i}: rejected`);
      const facts = (p.input['facts'] ?? {}) as Record<string, unknown>;
      const memberships = evaluator.evaluate(facts, outcome);
      const stratum = evaluator.stratum(facts, outcome);
      countResult(expected, p.group, outcome, memberships, stratum);
      tally.countWalk(p.group, walk, results, i);
      evaluator.truthsAt(walk, truths);
      const mine = evaluator.stratumAt(walk);
      if (ids.length > 0) tally.countTruths(p.group, truths, mine);
      if (mine !== stratum) differences.push(`${from + i}: stratum ${mine} ≠ ${stratum}`);
      const at = evaluator.evaluateAt(walk);
      if (JSON.stringify(at) !== JSON.stringify(memberships))
        differences.push(`${from + i}: ${JSON.stringify(at)} ≠ ${JSON.stringify(memberships)}`);
      memberships.forEach((m, k) => {
        if (m.denominator === 'unknown' || m.numerator === 'unknown') unknown++;
        const d = truths[2 * k] as number;
        const n = truths[2 * k + 1] as number;
        if (d !== CODE[m.denominator] || n !== CODE[m.numerator])
          differences.push(`${from + i}: ${m.id} truths ${d},${n}`);
        const direction = directions[k] ?? 'higher-is-better';
        if (worklistReasonOf(d, n, direction) !== worklistReason(m, direction))
          differences.push(`${from + i}: ${m.id} worklist reason`);
      });
    });
  }
  tally.addTo(actual);
  return { differences, expected, actual, rejected, unknown };
}

function synthetic(pathway: Pathway, count: number, seed: number, asOf: string): Patient[] {
  const fit = lineFitOf(pathway);
  return [...synthPatients(count, seed, asOf, undefined, fit)].map((line) => {
    const { id: _id, healthCentre, ...input } = line as unknown as Record<string, unknown>;
    return { input, asOf, group: typeof healthCentre === 'string' ? healthCentre : '(none)' };
  });
}

function adversarial(pathway: Pathway, count: number, seed: number): Patient[] {
  return adversarialPatients(pathway, count, seed, { invalid: 0.1 }).map(({ input, asOf }, i) => ({
    input: input as Record<string, unknown>,
    asOf,
    group: `g${i % 3}`,
  }));
}

describe('indicators and counts from the result columns', () => {
  const cases: [string, Pathway, () => Patient[]][] = [
    [
      'chronic-pain 1.3.0, synthetic',
      chronicPain,
      () => synthetic(chronicPain, 3000, 7, '2027-06-23'),
    ],
    ['chronic-pain 1.3.0, adversarial', chronicPain, () => adversarial(chronicPain, 3000, 11)],
    [
      'chronic-pain-dk 1.0.0, synthetic',
      chronicPainDk,
      () => synthetic(chronicPainDk, 3000, 8, '2027-06-23'),
    ],
    [
      'chronic-pain-dk 1.0.0, adversarial',
      chronicPainDk,
      () => adversarial(chronicPainDk, 3000, 12),
    ],
    [
      'the opioid test pathway (alerts, case mix)',
      opioidIndicatorPathway(),
      () => adversarial(opioidIndicatorPathway(), 2000, 13),
    ],
    [
      'the walk test pathway (steps, status, follow-ups)',
      walkIndicatorPathway(),
      () => adversarial(walkIndicatorPathway(), 2000, 14),
    ],
  ];
  it.each(cases)('agree with the per-Outcome path for %s', (_name, pathway, patients) => {
    const { differences, expected, actual, rejected, unknown } = compare(pathway, patients());
    expect(differences.slice(0, 5)).toEqual([]);
    // Same counts, same keys in the same order (the report lists them in that order).
    expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
    expect(Object.keys(expected.groups).length).toBeGreaterThan(0);
    // The sets are worth comparing: patients in indicators, unknowns, rejected inputs.
    expect(unknown).toBeGreaterThan(0);
    if (_name.includes('adversarial')) expect(rejected).toBeGreaterThan(0);
  });
});
