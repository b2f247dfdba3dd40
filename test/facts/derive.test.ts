import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveFacts, derivedFactNames, inputsBehind } from '../../engine/facts/derive';
import type { Fact } from '../../engine/model/types';
import { factsPathway, med } from '../fixtures/facts';
import { AS_OF, derive, noteWords, pathwayErrorOf } from './helpers';

const CLASS_FACTS = [
  'onOpioid',
  'onBenzodiazepine',
  'onGabapentinoid',
  'opioidMme',
  'opioidDays',
  'hypnoticDays',
  'anxiolyticDays',
];

describe('drug classes from the medication list', () => {
  it('leaves every drug-class fact unknown when medications are not given', () => {
    const { values } = derive({ age: 40 });
    for (const name of CLASS_FACTS) expect(values).not.toHaveProperty(name);
  });

  it('leaves drug-class facts unknown when medications are null', () => {
    const { values } = derive({ medications: null });
    for (const name of CLASS_FACTS) expect(values).not.toHaveProperty(name);
  });

  it('makes every drug-class fact false or 0 for an empty medication list', () => {
    const { values } = derive({ medications: [] });
    expect(values).toMatchObject({
      onOpioid: false,
      onBenzodiazepine: false,
      onGabapentinoid: false,
      opioidMme: 0,
      opioidDays: 0,
      hypnoticDays: 0,
      anxiolyticDays: 0,
    });
  });

  it('finds an opioid anywhere under N02A', () => {
    expect(derive({ medications: [med('N02AX02')] }).values['onOpioid']).toBe(true);
    expect(derive({ medications: [med('N02BE01')] }).values['onOpioid']).toBe(false);
  });

  it.each([
    ['diazepam', 'N05BA01'],
    ['oxazepam', 'N05BA04'],
    ['midazolam', 'N05CD08'],
    ['nitrazepam', 'N05CD02'],
    ['zopiclone', 'N05CF01'],
    ['zolpidem', 'N05CF02'],
    ['clonazepam', 'N03AE01'],
  ])('counts %s (%s) as a benzodiazepine', (_name, atc) => {
    expect(derive({ medications: [med(atc)] }).values['onBenzodiazepine']).toBe(true);
  });

  it.each([
    ['hydroxyzine', 'N05BB01'],
    ['melatonin', 'N05CH01'],
    ['propiomazine', 'N05CM06'],
    ['gabapentin', 'N03AX12'],
  ])('does not count %s (%s) as a benzodiazepine', (_name, atc) => {
    expect(derive({ medications: [med(atc)] }).values['onBenzodiazepine']).toBe(false);
  });

  it('finds gabapentin and pregabalin by their exact codes', () => {
    expect(derive({ medications: [med('N03AX12')] }).values['onGabapentinoid']).toBe(true);
    expect(derive({ medications: [med('N03AX16')] }).values['onGabapentinoid']).toBe(true);
    expect(derive({ medications: [med('N03AX09')] }).values['onGabapentinoid']).toBe(false);
  });
});

describe('days on a drug class', () => {
  it('counts days from the start date to the evaluation date', () => {
    const { values } = derive({ medications: [med('N02AA05', { since: '2026-01-01' })] });
    expect(values['opioidDays']).toBe(90);
  });

  it('counts from the earliest start among matching drugs', () => {
    const { values } = derive({
      medications: [
        med('N02AA05', { since: '2026-03-01' }),
        med('N02AX02', { since: '2025-12-31' }),
        med('N05BA01', { since: '2020-01-01' }),
      ],
    });
    expect(values['opioidDays']).toBe(91);
  });

  it('is 0 for a drug started on the evaluation date', () => {
    expect(derive({ medications: [med('N02AA01', { since: AS_OF })] }).values['opioidDays']).toBe(
      0,
    );
  });

  it('is 0 when no drug of the class is taken', () => {
    expect(
      derive({ medications: [med('N05BA01', { since: '2026-01-01' })] }).values['opioidDays'],
    ).toBe(0);
  });

  it('splits hypnotics (N05CD, N05CF) from anxiolytics (N05BA, N03AE01)', () => {
    const { values } = derive({
      medications: [
        med('N05CF01', { since: '2026-03-18' }),
        med('N03AE01', { since: '2026-02-01' }),
      ],
    });
    expect(values['hypnoticDays']).toBe(14);
    expect(values['anxiolyticDays']).toBe(59);
  });

  it('is unknown, with a note, when a matching drug has no start date', () => {
    const result = derive({
      medications: [med('N02AA05', { since: '2026-01-01' }), med('N02AX02', { name: 'Tramadol' })],
    });
    expect(result.values).not.toHaveProperty('opioidDays');
    expect(result.values['onOpioid']).toBe(true);
    expect(result.notes).toContainEqual(
      expect.objectContaining({ code: 'since-missing', fact: 'opioidDays', atc: 'N02AX02' }),
    );
    const note = result.notes.find((n) => n.code === 'since-missing');
    expect(noteWords(note, 'en')).toContain('Tramadol (N02AX02) has no start date');
  });

  it('does not need start dates of drugs outside the class', () => {
    const result = derive({
      medications: [med('N05BA01'), med('N02AA05', { since: '2026-03-31' })],
    });
    expect(result.values['opioidDays']).toBe(1);
    expect(result.notes.map((n) => n.fact)).not.toContain('opioidDays');
  });
});

describe('differences and percentages', () => {
  it('computes a difference exactly (7.3 − 5.3 = 2)', () => {
    expect(derive({ nrsPainBaseline: 7.3, nrsPain: 5.3 }).values['nrsPainReduction']).toBe(2);
  });

  it('removes floating-point noise from a difference (9.2 − 7.2 = 2, not 1.9999999999999991)', () => {
    expect(derive({ nrsPainBaseline: 9.2, nrsPain: 7.2 }).values['nrsPainReduction']).toBe(2);
    expect(derive({ nrsPainBaseline: 4.6, nrsPain: 2.6 }).values['nrsPainReduction']).toBe(2);
  });

  it('gives a negative difference when pain got worse', () => {
    expect(derive({ nrsPainBaseline: 4, nrsPain: 6.5 }).values['nrsPainReduction']).toBe(-2.5);
  });

  it('computes a difference of integers', () => {
    expect(derive({ pseq: 30, pseqBaseline: 23 }).values['pseqGain']).toBe(7);
  });

  it('leaves a difference unknown when one side is unknown', () => {
    expect(derive({ nrsPainBaseline: 7 }).values).not.toHaveProperty('nrsPainReduction');
    expect(derive({ nrsPain: 7, nrsPainBaseline: null }).values).not.toHaveProperty(
      'nrsPainReduction',
    );
  });

  it('computes 30 % of 10 as exactly 30', () => {
    expect(derive({ nrsPainBaseline: 10, nrsPain: 7 }).values['nrsPainReductionPercent']).toBe(30);
  });

  it('computes a percentage of a derived difference exactly (7 → 4.9 is 30 %)', () => {
    const { values } = derive({ nrsPainBaseline: 7, nrsPain: 4.9 });
    expect(values['nrsPainReduction']).toBe(2.1);
    expect(values['nrsPainReductionPercent']).toBe(30);
  });

  it('removes floating-point noise from a percentage (0.07 of 0.7 is 10 %)', () => {
    expect(derive({ nrsPainBaseline: 0.7, nrsPain: 0.63 }).values['nrsPainReductionPercent']).toBe(
      10,
    );
  });

  it('keeps six decimals of a percentage that does not come out even', () => {
    expect(derive({ nrsPainBaseline: 3, nrsPain: 2 }).values['nrsPainReductionPercent']).toBe(
      33.333333,
    );
  });

  it('leaves a percentage unknown when the whole is 0', () => {
    const { values } = derive({ nrsPainBaseline: 0, nrsPain: 0 });
    expect(values['nrsPainReduction']).toBe(0);
    expect(values).not.toHaveProperty('nrsPainReductionPercent');
  });

  it('computes derived facts that read derived facts listed after them', () => {
    const names = factsPathway().facts.map((f) => f.name);
    expect(names.indexOf('nrsPainReductionPercent')).toBeLessThan(
      names.indexOf('nrsPainReduction'),
    );
    expect(derive({ nrsPainBaseline: 8, nrsPain: 4 }).values['nrsPainReductionPercent']).toBe(50);
  });

  it('rejects derived facts that depend on each other in a cycle', () => {
    const facts: Fact[] = [
      { name: 'x', type: 'number', label: { en: 'x' } },
      {
        name: 'a',
        type: 'number',
        label: { en: 'a' },
        derived: { kind: 'difference', minuend: 'b', subtrahend: 'x' },
      },
      {
        name: 'b',
        type: 'number',
        label: { en: 'b' },
        derived: { kind: 'percentOf', part: 'a', whole: 'x' },
      },
    ];
    const pathway = factsPathway({ facts });
    const error = pathwayErrorOf(() =>
      deriveFacts(pathway, { x: 1 }, { asOf: AS_OF, enteredDuringWalk: false }),
    );
    expect(error.code).toBe('SCHEMA');
    expect(error.pathway).toBe('mini');
    expect(error.message).toContain('a → b → a');
    expect(error.issues[0]?.path).toBe('facts[1].derived');
  });

  it('leaves a derived fact unknown when it reads a fact missing from the dictionary', () => {
    const facts: Fact[] = [
      { name: 'x', type: 'number', label: { en: 'x' } },
      {
        name: 'a',
        type: 'number',
        label: { en: 'a' },
        derived: { kind: 'difference', minuend: 'x', subtrahend: 'nope' },
      },
    ];
    const result = deriveFacts(
      factsPathway({ facts }),
      { x: 1 },
      { asOf: AS_OF, enteredDuringWalk: false },
    );
    expect(result.values).toEqual({ x: 1 });
  });
});

describe('time in the current step', () => {
  it('counts days, weeks and calendar months from the entry date', () => {
    const { values } = derive({}, { enteredAt: '2026-01-06', asOf: '2026-03-31' });
    expect(values['daysInStep']).toBe(84);
    expect(values['weeksInStep']).toBe(12);
    expect(values['monthsInStep']).toBe(2.806452); // 2 months + 25 of the 31 days 6 Mar–6 Apr
  });

  it('counts 2026-01-15 to 2026-07-15 as 6 months in the step', () => {
    expect(derive({}, { enteredAt: '2026-01-15', asOf: '2026-07-15' }).values['monthsInStep']).toBe(
      6,
    );
  });

  it('rounds weeks to 6 decimals', () => {
    expect(derive({}, { enteredAt: '2026-03-31' }).values['weeksInStep']).toBe(0.142857);
  });

  it('lets a value given in the facts win over the entry date', () => {
    const { values } = derive({ weeksInStep: 3 }, { enteredAt: '2025-01-01' });
    expect(values['weeksInStep']).toBe(3);
    expect(values['daysInStep']).toBe(455);
  });

  it('makes time 0 in a step the walk enters, even over a given value', () => {
    const { values } = derive(
      { weeksInStep: 30 },
      { enteredAt: '2025-01-01', enteredDuringWalk: true },
    );
    expect(values).toMatchObject({ daysInStep: 0, weeksInStep: 0, monthsInStep: 0 });
  });

  it('leaves time unknown without an entry date or a given value', () => {
    const { values } = derive({});
    expect(values).not.toHaveProperty('weeksInStep');
    expect(values).not.toHaveProperty('monthsInStep');
  });
});

describe('derived values', () => {
  it('keeps the input facts and drops unknown ones', () => {
    const { values } = derive({ age: 40, painMechanism: null, medications: [] });
    expect(values['age']).toBe(40);
    expect(values).not.toHaveProperty('painMechanism');
    expect(values['medications']).toEqual([]);
  });

  it('replaces a derived value smuggled past validation', () => {
    const pathway = factsPathway();
    const { values } = deriveFacts(
      pathway,
      { onOpioid: true, medications: [] },
      { asOf: AS_OF, enteredDuringWalk: false },
    );
    expect(values['onOpioid']).toBe(false);
  });

  it('refuses a medication list that did not go through validation', () => {
    const error = pathwayErrorOf(() =>
      deriveFacts(
        factsPathway(),
        { medications: [{ atc: 'oxy' }] },
        { asOf: AS_OF, enteredDuringWalk: false },
      ),
    );
    expect(error.code).toBe('INVALID_INPUT');
  });

  it('refuses an evaluation date that is not a date', () => {
    const error = pathwayErrorOf(() =>
      deriveFacts(factsPathway(), {}, { asOf: '2026-02-30', enteredDuringWalk: false }),
    );
    expect(error.code).toBe('DATE_FORMAT');
  });

  it('is deterministic: the same input always gives the same result', () => {
    const medication = fc.record(
      {
        atc: fc.constantFrom(
          'N02AA01',
          'N02AA05',
          'N02AB03',
          'N02AE01',
          'N02AA11',
          'N05BA01',
          'N05CF01',
          'N03AE01',
          'N03AX12',
        ),
        dose: fc.double({ min: 0, max: 500, noNaN: true }),
        unit: fc.constantFrom('mg/day', 'ug/h'),
        since: fc.constantFrom('2024-02-29', '2025-06-30', '2026-01-01', '2026-03-31'),
      },
      { requiredKeys: ['atc'] },
    );
    const facts = fc.record(
      {
        medications: fc.array(medication, { maxLength: 6 }),
        nrsPain: fc.double({ min: 0, max: 10, noNaN: true }),
        nrsPainBaseline: fc.double({ min: 0, max: 10, noNaN: true }),
        pseq: fc.integer({ min: 0, max: 60 }),
        pseqBaseline: fc.integer({ min: 0, max: 60 }),
        weeksInStep: fc.double({ min: 0, max: 500, noNaN: true }),
      },
      { requiredKeys: [] },
    );
    const ctx = fc.record({
      enteredAt: fc.constantFrom('2025-01-01', '2026-02-28'),
      enteredDuringWalk: fc.boolean(),
    });
    fc.assert(
      fc.property(facts, ctx, (input, context) => {
        const first = derive(input, context);
        const second = derive(structuredClone(input), { ...context });
        expect(JSON.stringify(second)).toBe(JSON.stringify(first));
      }),
    );
  });

  it('always gives an MME that is unknown or a non-negative number with at most 1 decimal', () => {
    const medication = fc.record({
      atc: fc.constantFrom('N02AA01', 'N02AA05', 'N02AA59', 'N02AX02', 'N02AX06', 'N02AB03'),
      dose: fc.double({ min: 0, max: 1000, noNaN: true }),
      unit: fc.constantFrom('mg/day', 'ug/h'),
    });
    fc.assert(
      fc.property(fc.array(medication, { maxLength: 5 }), (medications) => {
        const mme = derive({ medications }).values['opioidMme'];
        if (mme === undefined) return true;
        return typeof mme === 'number' && mme >= 0 && Math.round(mme * 10) / 10 === mme;
      }),
    );
  });
});

describe('facts behind an unknown fact', () => {
  const pathway = factsPathway();

  it('names a missing input fact itself', () => {
    expect(inputsBehind(pathway, 'age', {})).toEqual(['age']);
  });

  it('names nothing for a known fact', () => {
    expect(inputsBehind(pathway, 'age', { age: 40 })).toEqual([]);
  });

  it('names the medication list behind a drug-class fact', () => {
    expect(inputsBehind(pathway, 'onOpioid', {})).toEqual(['medications']);
  });

  it('follows derived facts down to the missing inputs, sorted', () => {
    expect(inputsBehind(pathway, 'nrsPainReductionPercent', {})).toEqual([
      'nrsPain',
      'nrsPainBaseline',
    ]);
    expect(inputsBehind(pathway, 'nrsPainReductionPercent', { nrsPain: 3 })).toEqual([
      'nrsPainBaseline',
    ]);
  });

  it('names a time-in-step fact itself, since a caller may give it', () => {
    expect(inputsBehind(pathway, 'weeksInStep', {})).toEqual(['weeksInStep']);
  });

  it('names nothing when the inputs are all present but the fact is still unknown', () => {
    expect(inputsBehind(pathway, 'opioidMme', { medications: [med('N02AA05')] })).toEqual([]);
    expect(
      inputsBehind(pathway, 'nrsPainReductionPercent', { nrsPain: 0, nrsPainBaseline: 0 }),
    ).toEqual([]);
  });

  it('names a fact missing from the dictionary itself', () => {
    expect(inputsBehind(pathway, 'nonsense', {})).toEqual(['nonsense']);
  });

  it('does not loop on a cycle', () => {
    const facts: Fact[] = [
      {
        name: 'a',
        type: 'number',
        label: { en: 'a' },
        derived: { kind: 'difference', minuend: 'b', subtrahend: 'x' },
      },
      {
        name: 'b',
        type: 'number',
        label: { en: 'b' },
        derived: { kind: 'difference', minuend: 'a', subtrahend: 'x' },
      },
    ];
    expect(inputsBehind(factsPathway({ facts }), 'a', {})).toEqual(['x']);
  });
});

describe('derived fact names', () => {
  it('lists the derived facts in dictionary order', () => {
    expect(derivedFactNames(factsPathway())).toEqual([
      ...CLASS_FACTS,
      'nrsPainReductionPercent',
      'nrsPainReduction',
      'pseqGain',
      'daysInStep',
      'weeksInStep',
      'monthsInStep',
    ]);
  });
});
