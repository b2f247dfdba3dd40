/**
 * Notes in the generated evaluator's outcome: written from the slots the loader filled (no
 * second derivation), they must be exactly the reference's language-free notes — same codes,
 * parameters and order — for every medication list that gives one, and absent otherwise.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePathway } from '../../engine/evaluate/compile';
import { evaluateOutcome } from '../../engine/evaluate/evaluate';
import { findVersion, loadRepository } from '../../engine/node/repository';
import { referenceOutcome } from '../../engine/reference/evaluate';

const AS_OF = '2026-11-23';
const repo = await loadRepository(join(process.cwd(), 'pathways'));
const { pathway } = findVersion(repo, 'chronic-pain', { version: '1.1.0', asOf: AS_OF });
const compiled = compilePathway(pathway);

const LISTS: Record<string, Record<string, unknown>[]> = {
  'an excluded drug, named by the list': [
    { atc: 'N02AE01', name: 'Temgesic', dose: 5, unit: 'mg/day', since: '2026-01-01' },
  ],
  'an excluded drug listed twice': [
    { atc: 'N02AE01', dose: 5, unit: 'mg/day', since: '2026-01-01' },
    { atc: 'N02AE01', since: '2026-02-01' },
  ],
  'an opioid the table does not know': [{ atc: 'N02AA11', dose: 10, unit: 'mg/day' }],
  'a dose without a unit and another without a dose': [
    { atc: 'N02AA05', dose: 40, since: '2026-01-01' },
    { atc: 'N02AA01', name: 'Dolcontin', since: '2026-03-01' },
  ],
  'a patch dosed in mg/day': [{ atc: 'N02AB03', dose: 25, unit: 'mg/day', since: '2026-05-01' }],
  'drugs without start dates in two classes': [
    { atc: 'N02AX02', name: 'Tramadol', dose: 100, unit: 'mg/day' },
    { atc: 'N05BA01', dose: 5, unit: 'mg/day' },
    { atc: 'N05CF01', dose: 7.5, unit: 'mg/day' },
  ],
  'unknown fields given as null (loaded through the reference)': [
    { atc: 'N02AA05', dose: null, unit: null, since: '2026-01-01', name: null },
  ],
  'nothing to note': [{ atc: 'N02AA01', dose: 30, unit: 'mg/day', since: '2026-01-01' }],
  'an empty list': [],
};

describe('notes in the outcome', () => {
  it.each(Object.entries(LISTS))('are the reference notes for %s', async (_name, medications) => {
    const input = { facts: { medications }, asOf: AS_OF };
    const expected = (await referenceOutcome(pathway, input, AS_OF)).notes;
    expect(evaluateOutcome(compiled, input).notes).toEqual(expected);
  });

  it('carries codes and parameters, never words', () => {
    const input = { facts: { medications: LISTS['a patch dosed in mg/day'] }, asOf: AS_OF };
    expect(evaluateOutcome(compiled, input).notes).toEqual([
      {
        code: 'mme-unit-mismatch',
        fact: 'opioidMme',
        atc: 'N02AB03',
        drug: 'fentanyl (transdermal)',
        table: 'CDC 2022',
        unit: 'mg/day',
        expectedUnit: 'ug/h',
      },
    ]);
  });

  it('writes no notes for the next patient after one who had some', () => {
    const noted = {
      facts: { medications: LISTS['an excluded drug, named by the list'] },
      asOf: AS_OF,
    };
    const plain = { facts: { medications: LISTS['nothing to note'] }, asOf: AS_OF };
    expect(evaluateOutcome(compiled, noted).notes).not.toEqual([]);
    expect(evaluateOutcome(compiled, plain).notes).toEqual([]);
  });
});
