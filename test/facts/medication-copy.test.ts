/**
 * validateInput's copy of a medication list: the fields of each copy in one order, whatever
 * the order they were written in (the line reader's copies and today's route's must serialise
 * alike), and no list at all once any entry has an issue.
 */
import { describe, expect, it } from 'vitest';
import { checkedMedications, validateInput } from '../../engine/facts/validate';
import { factsPathway } from '../fixtures/facts';
import { AS_OF, pathwayErrorOf } from './helpers';

const pathway = factsPathway();
const medications = pathway.facts.find((fact) => fact.name === 'medications');

describe('medication copies', () => {
  it('keeps the fields in one order, whatever order they were written in', () => {
    const given = [
      {
        uncertain: { reason: 'status-unknown' },
        name: 'Oxynorm',
        doseIncreasedAt: '2026-02-01',
        since: '2026-01-01',
        unit: 'mg/day',
        dose: 20,
        atc: 'N02AA05',
      },
      { since: '2026-01-01', dose: null, atc: 'N02AA05' },
    ];
    const { facts } = validateInput(pathway, { facts: { medications: given } }, { asOf: AS_OF });
    expect(JSON.stringify(facts['medications'])).toBe(
      '[{"atc":"N02AA05","dose":20,"unit":"mg/day","since":"2026-01-01","doseIncreasedAt":"2026-02-01","name":"Oxynorm","uncertain":{"reason":"status-unknown"}},{"atc":"N02AA05","since":"2026-01-01"}]',
    );
  });

  it('gives no copy when any entry has an issue, before or after the good ones', () => {
    if (medications === undefined) throw new Error('the fixture has no medications fact');
    const good = { atc: 'N02AA05', dose: 10, unit: 'mg/day' };
    const bad = { atc: 'N02AA5', dose: -1 };
    expect(checkedMedications(medications, [good, good], AS_OF)).toHaveLength(2);
    expect(checkedMedications(medications, [bad, good], AS_OF)).toBeUndefined();
    expect(checkedMedications(medications, [good, bad], AS_OF)).toBeUndefined();
    const error = pathwayErrorOf(() =>
      validateInput(pathway, { facts: { medications: [bad, good] } }, { asOf: AS_OF }),
    );
    expect(error.issues.map((issue) => issue.path)).toEqual([
      'facts.medications[0].atc',
      'facts.medications[0].dose',
    ]);
  });
});
