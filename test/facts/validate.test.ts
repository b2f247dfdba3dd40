import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateInput } from '../../engine/facts/validate';
import { PathwayError } from '../../engine/errors';
import { factsPathway, INPUT_FACTS, med } from '../fixtures/facts';
import { AS_OF, pathwayErrorOf } from './helpers';

const pathway = factsPathway();
const validate = (input: unknown, asOf = AS_OF) => validateInput(pathway, input, { asOf });
const errorFor = (input: unknown, asOf = AS_OF) => pathwayErrorOf(() => validate(input, asOf));
const factsError = (facts: Record<string, unknown>) => errorFor({ facts });

describe('valid input', () => {
  it('returns the facts exactly as given', () => {
    const facts = {
      age: 40,
      ompsqShort: 55,
      sickLeavePercent: 50,
      redFlags: ['fracture'],
      painMechanism: 'mixed',
      nrsPain: 6.5,
      eq5dIndex: -0.2,
      highDailyLifeImpact: false,
      lastVisit: '2026-03-01',
    };
    expect(validate({ facts })).toEqual({ facts });
  });

  it('drops facts given as null, which means unknown', () => {
    expect(validate({ facts: { age: null, ompsqShort: 10 } }).facts).toEqual({ ompsqShort: 10 });
  });

  it('accepts values on the edges of a range, which is inclusive', () => {
    expect(() => validate({ facts: { age: 0, ompsqShort: 100, eq5dIndex: -0.6 } })).not.toThrow();
    expect(() => validate({ facts: { age: 120, eq5dIndex: 1 } })).not.toThrow();
  });

  it('accepts an empty string list', () => {
    expect(validate({ facts: { redFlags: [] } }).facts).toEqual({ redFlags: [] });
  });

  it('returns medications as clean copies, dropping fields given as null', () => {
    const given = [
      med('N02AB03', { dose: 25, unit: 'ug/h', since: '2026-01-01', name: 'Durogesic' }),
      { atc: 'N02AA05', dose: null, unit: null, since: AS_OF },
    ];
    const { facts } = validate({ facts: { medications: given } });
    expect(facts['medications']).toEqual([given[0], { atc: 'N02AA05', since: AS_OF }]);
    expect((facts['medications'] as unknown[])[0]).not.toBe(given[0]);
  });

  it('returns the current step with its entry date', () => {
    const input = { currentStep: { id: 'treat', enteredAt: '2026-01-01' }, facts: {} };
    expect(validate(input)).toEqual({
      currentStep: { id: 'treat', enteredAt: '2026-01-01' },
      facts: {},
    });
  });

  it('accepts a current step entered on the evaluation date', () => {
    expect(() =>
      validate({ currentStep: { id: 'treat', enteredAt: AS_OF }, facts: {} }),
    ).not.toThrow();
  });

  it('accepts a value for a time-in-step fact, which a caller may give', () => {
    expect(validate({ facts: { weeksInStep: 13 } }).facts).toEqual({ weeksInStep: 13 });
  });

  it('accepts asOf and version in the input', () => {
    expect(() => validate({ facts: {}, asOf: '2026-01-01', version: '1.0.0' })).not.toThrow();
  });
});

describe('UNKNOWN_FACT', () => {
  it('reports a fact the dictionary does not have, with its path and value', () => {
    const error = factsError({ painDuration: 4 });
    expect(error.code).toBe('UNKNOWN_FACT');
    expect(error.issues[0]).toMatchObject({
      code: 'UNKNOWN_FACT',
      path: 'facts.painDuration',
      value: 4,
    });
  });

  it('suggests the closest fact name', () => {
    expect(factsError({ ompsqshort: 60 }).issues[0]?.message).toContain('did you mean ompsqShort?');
    expect(factsError({ ompsq: 60 }).issues[0]?.message).toContain('did you mean ompsqShort?');
    expect(factsError({ nrsPian: 3 }).issues[0]?.message).toContain('did you mean nrsPain?');
  });

  it('suggests nothing for a name unlike any fact', () => {
    expect(factsError({ zzzzzzzz: 1 }).issues[0]?.message).not.toContain('did you mean');
  });

  it('does not let __proto__ through as a fact', () => {
    const facts = JSON.parse('{"__proto__": {"age": 200}}') as Record<string, unknown>;
    expect(factsError(facts).issues[0]).toMatchObject({
      code: 'UNKNOWN_FACT',
      path: 'facts.__proto__',
    });
  });
});

describe('FACT_TYPE', () => {
  it.each([
    ['age', '5', 'an integer'],
    ['age', 5.5, 'an integer'],
    ['age', true, 'an integer'],
    ['nrsPain', '6', 'a number'],
    ['nrsPain', Number.NaN, 'a number'],
    ['nrsPain', Number.POSITIVE_INFINITY, 'a number'],
    ['highDailyLifeImpact', 'true', 'true or false'],
    ['highDailyLifeImpact', 1, 'true or false'],
    ['painMechanism', 3, 'a string'],
    ['redFlags', 'fracture', 'a list of strings'],
    ['lastVisit', 20260101, 'a date'],
    ['medications', { atc: 'N02AA05' }, 'a list of'],
  ])('rejects %s = %j without converting it', (name, value, expected) => {
    const error = factsError({ [name]: value });
    expect(error.code).toBe('FACT_TYPE');
    expect(error.issues[0]).toMatchObject({ path: `facts.${name}`, value });
    expect(error.issues[0]?.message).toContain(expected);
  });

  it('names the label of the fact in the message', () => {
    expect(factsError({ ompsqShort: '55' }).message).toContain('ÖMPSQ short form (ompsqShort)');
  });

  it('points at the element of a string list that is not a string', () => {
    const error = factsError({ redFlags: ['fracture', 7] });
    expect(error.issues[0]).toMatchObject({
      code: 'FACT_TYPE',
      path: 'facts.redFlags[1]',
      value: 7,
    });
  });
});

describe('FACT_RANGE', () => {
  it('reports a value above the maximum with the range in the message', () => {
    const error = factsError({ ompsqShort: 101 });
    expect(error.code).toBe('FACT_RANGE');
    expect(error.issues[0]).toMatchObject({ path: 'facts.ompsqShort', value: 101 });
    expect(error.issues[0]?.message).toBe(
      'ÖMPSQ short form (ompsqShort) must be between 0 and 100, got 101',
    );
  });

  it('reports a value below the minimum', () => {
    expect(factsError({ age: -1 }).issues[0]).toMatchObject({
      code: 'FACT_RANGE',
      path: 'facts.age',
      value: -1,
    });
    expect(factsError({ eq5dIndex: -0.61 }).issues[0]?.code).toBe('FACT_RANGE');
  });

  it('reports a value below a minimum without a maximum', () => {
    const error = factsError({ daysSinceOpioidReview: -3 });
    expect(error.issues[0]?.message).toContain('must be at least 0');
  });

  it('checks the range of a given time-in-step value', () => {
    expect(factsError({ weeksInStep: -1 }).issues[0]).toMatchObject({
      code: 'FACT_RANGE',
      path: 'facts.weeksInStep',
    });
  });
});

describe('FACT_VALUE', () => {
  it('reports a number that is not one of the allowed values', () => {
    const error = factsError({ sickLeavePercent: 30 });
    expect(error.code).toBe('FACT_VALUE');
    expect(error.issues[0]).toMatchObject({ path: 'facts.sickLeavePercent', value: 30 });
    expect(error.issues[0]?.message).toContain('0, 25, 50, 75, 100');
  });

  it('reports a string that is not one of the allowed values, with a suggestion', () => {
    const error = factsError({ painMechanism: 'neuropatic' });
    expect(error.issues[0]).toMatchObject({
      code: 'FACT_VALUE',
      path: 'facts.painMechanism',
      value: 'neuropatic',
    });
    expect(error.issues[0]?.message).toContain('did you mean neuropathic?');
  });

  it('points at the list element that is not an allowed value', () => {
    const error = factsError({ redFlags: ['fracture', 'cancer'] });
    expect(error.issues[0]).toMatchObject({
      code: 'FACT_VALUE',
      path: 'facts.redFlags[1]',
      value: 'cancer',
    });
  });
});

describe('DERIVED_FACT_GIVEN', () => {
  it('reports a derived fact given in the input', () => {
    const error = factsError({ onOpioid: true });
    expect(error.code).toBe('DERIVED_FACT_GIVEN');
    expect(error.issues[0]).toMatchObject({ path: 'facts.onOpioid', value: true });
    expect(error.issues[0]?.message).toContain('derived');
  });

  it('reports a derived number given in the input', () => {
    expect(factsError({ opioidMme: 40 }).issues[0]).toMatchObject({
      code: 'DERIVED_FACT_GIVEN',
      path: 'facts.opioidMme',
    });
  });

  it('ignores a derived fact given as null, which only says it is unknown', () => {
    expect(validate({ facts: { onOpioid: null } }).facts).toEqual({});
  });
});

describe('medications', () => {
  const medsError = (...medications: unknown[]) => factsError({ medications });

  it('reports a group code where a substance code is needed, with ATC_FORMAT', () => {
    const error = medsError(med('N02AA05'), med('N02A'));
    expect(error.code).toBe('ATC_FORMAT');
    expect(error.issues[0]).toMatchObject({ path: 'facts.medications[1].atc', value: 'N02A' });
  });

  it.each([['n02aa05'], ['N02AA5'], ['oxycodone'], [42]])(
    'reports atc %j with ATC_FORMAT',
    (atc) => {
      expect(medsError({ atc }).issues[0]).toMatchObject({
        code: 'ATC_FORMAT',
        path: 'facts.medications[0].atc',
        value: atc,
      });
    },
  );

  it('reports a missing ATC code', () => {
    const error = medsError({ dose: 10, unit: 'mg/day' });
    expect(error.issues[0]).toMatchObject({ code: 'ATC_FORMAT', path: 'facts.medications[0].atc' });
    expect(error.issues[0]?.message).toContain('required');
  });

  it('reports a medication that is not an object', () => {
    expect(medsError('N02AA05').issues[0]).toMatchObject({
      code: 'FACT_TYPE',
      path: 'facts.medications[0]',
      value: 'N02AA05',
    });
  });

  it('reports an unknown medication field, with a suggestion', () => {
    const error = medsError({ atc: 'N02AA05', dosage: 40 });
    expect(error.issues[0]).toMatchObject({
      code: 'FACT_TYPE',
      path: 'facts.medications[0].dosage',
      value: 40,
    });
    expect(error.issues[0]?.message).toContain('did you mean dose?');
  });

  it('reports a dose that is not a number', () => {
    expect(medsError(med('N02AA05', { dose: '40' } as never)).issues[0]).toMatchObject({
      code: 'FACT_TYPE',
      path: 'facts.medications[0].dose',
      value: '40',
    });
  });

  it('reports a negative dose', () => {
    expect(medsError(med('N02AA05', { dose: -5 })).issues[0]).toMatchObject({
      code: 'FACT_RANGE',
      path: 'facts.medications[0].dose',
      value: -5,
    });
  });

  it('reports a unit other than mg/day or ug/h, suggesting ug/h for µg/h', () => {
    const error = medsError(med('N02AB03', { dose: 25, unit: 'µg/h' }));
    expect(error.issues[0]).toMatchObject({
      code: 'FACT_VALUE',
      path: 'facts.medications[0].unit',
      value: 'µg/h',
    });
    expect(error.issues[0]?.message).toContain('did you mean ug/h?');
  });

  it('reports a start date that is not a date with DATE_FORMAT', () => {
    expect(medsError(med('N02AA05', { since: '2026-02-30' })).issues[0]).toMatchObject({
      code: 'DATE_FORMAT',
      path: 'facts.medications[0].since',
      value: '2026-02-30',
    });
  });

  it('reports a start date after the evaluation date with FACT_RANGE', () => {
    const error = medsError(med('N02AA05', { since: '2026-04-02' }));
    expect(error.issues[0]).toMatchObject({
      code: 'FACT_RANGE',
      path: 'facts.medications[0].since',
      value: '2026-04-02',
    });
    expect(error.issues[0]?.message).toContain(AS_OF);
  });

  it('reports a name that is not a string', () => {
    expect(medsError({ atc: 'N02AA05', name: 5 }).issues[0]).toMatchObject({
      code: 'FACT_TYPE',
      path: 'facts.medications[0].name',
    });
  });
});

describe('dates', () => {
  it('reports a date fact that is not a real date with DATE_FORMAT', () => {
    expect(factsError({ lastVisit: '2026/03/01' }).issues[0]).toMatchObject({
      code: 'DATE_FORMAT',
      path: 'facts.lastVisit',
      value: '2026/03/01',
    });
  });

  it('reports a bad step entry date with DATE_FORMAT', () => {
    expect(
      errorFor({ currentStep: { id: 'treat', enteredAt: '2026-13-01' }, facts: {} }).issues,
    ).toEqual([
      expect.objectContaining({
        code: 'DATE_FORMAT',
        path: 'currentStep.enteredAt',
        value: '2026-13-01',
      }),
    ]);
  });

  it('reports a step entered after the evaluation date with FACT_RANGE', () => {
    expect(
      errorFor({ currentStep: { id: 'treat', enteredAt: '2026-05-01' }, facts: {} }).issues[0],
    ).toMatchObject({
      code: 'FACT_RANGE',
      path: 'currentStep.enteredAt',
      value: '2026-05-01',
    });
  });

  it('reports a bad asOf in the input with DATE_FORMAT', () => {
    expect(errorFor({ facts: {}, asOf: '1 April 2026' }).issues[0]).toMatchObject({
      code: 'DATE_FORMAT',
      path: 'asOf',
    });
  });

  it('reports a bad evaluation date in the options with DATE_FORMAT', () => {
    expect(errorFor({ facts: {} }, 'today').issues[0]).toMatchObject({
      code: 'DATE_FORMAT',
      path: 'asOf',
      value: 'today',
    });
  });
});

describe('UNKNOWN_STEP', () => {
  it('reports a step the pathway does not have, with a suggestion', () => {
    const error = errorFor({ currentStep: { id: 'treatment' }, facts: {} });
    expect(error.code).toBe('UNKNOWN_STEP');
    expect(error.issues[0]).toMatchObject({ path: 'currentStep.id', value: 'treatment' });
    expect(error.issues[0]?.message).toContain('did you mean treat?');
  });

  it('reports a step id that is not even kebab-case as an unknown step', () => {
    expect(errorFor({ currentStep: { id: 'Treat' }, facts: {} }).issues).toEqual([
      expect.objectContaining({ code: 'UNKNOWN_STEP', path: 'currentStep.id', value: 'Treat' }),
    ]);
  });
});

describe('INVALID_INPUT', () => {
  it.each([[null], ['facts'], [[]], [42]])('reports input %j that is not an object', (input) => {
    expect(errorFor(input).issues[0]).toMatchObject({
      code: 'INVALID_INPUT',
      path: '',
      value: input,
    });
  });

  it('reports missing facts', () => {
    expect(errorFor({}).issues[0]).toMatchObject({ code: 'INVALID_INPUT', path: 'facts' });
  });

  it('reports facts that are not an object', () => {
    expect(errorFor({ facts: [1] }).issues[0]).toMatchObject({
      code: 'INVALID_INPUT',
      path: 'facts',
      value: [1],
    });
  });

  it('reports an unknown top-level field with a suggestion', () => {
    const error = errorFor({ facts: {}, currentstep: { id: 'treat' } });
    expect(error.issues[0]).toMatchObject({ code: 'INVALID_INPUT', path: 'currentstep' });
    expect(error.issues[0]?.message).toContain('did you mean currentStep?');
  });

  it('reports a patient value put beside facts instead of in it', () => {
    expect(errorFor({ facts: {}, age: 40 }).issues[0]).toMatchObject({
      code: 'INVALID_INPUT',
      path: 'age',
      value: 40,
    });
  });

  it('reports an unknown field in the current step', () => {
    expect(
      errorFor({ facts: {}, currentStep: { id: 'treat', since: '2026-01-01' } }).issues[0],
    ).toMatchObject({
      code: 'INVALID_INPUT',
      path: 'currentStep.since',
    });
  });
});

describe('reporting', () => {
  it('reports all problems together, with the first problem’s code', () => {
    const error = errorFor({
      currentStep: { id: 'nowhere' },
      facts: {
        age: 130,
        ompsqshort: 20,
        medications: [
          med('N02AA05', { dose: 40, unit: 'mg/day' }),
          med('N2AA05'),
          med('N02AA01', { since: '2027-01-01' }),
        ],
      },
    });
    expect(error.code).toBe('FACT_RANGE');
    expect(error.issues.map((i) => [i.code, i.path])).toEqual([
      ['FACT_RANGE', 'facts.age'],
      ['UNKNOWN_FACT', 'facts.ompsqshort'],
      ['ATC_FORMAT', 'facts.medications[1].atc'],
      ['FACT_RANGE', 'facts.medications[2].since'],
      ['UNKNOWN_STEP', 'currentStep.id'],
    ]);
    expect(error.message).toMatch(/^5 problems:/);
  });

  it('reports schema problems and fact problems together', () => {
    const error = errorFor({ facts: { age: '40' }, asOf: 'soon' });
    expect(error.issues.map((i) => i.code).sort()).toEqual(['DATE_FORMAT', 'FACT_TYPE']);
  });

  it('names the pathway in every error', () => {
    const error = factsError({ age: 500 });
    expect(error.pathway).toBe('mini');
    expect(error.toJSON()).toMatchObject({ pathway: 'mini', code: 'FACT_RANGE' });
  });

  it('never throws anything but a PathwayError for arbitrary JSON input', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        try {
          validate(input);
        } catch (error) {
          return (
            error instanceof PathwayError && error.pathway === 'mini' && error.issues.length > 0
          );
        }
        return true;
      }),
      { numRuns: 500 },
    );
  });

  it('never throws anything but a PathwayError for arbitrary values of known facts', () => {
    const names = [...INPUT_FACTS.map((f) => f.name), 'onOpioid', 'weeksInStep', 'unknownFact'];
    const medication = fc.dictionary(
      fc.constantFrom('atc', 'dose', 'unit', 'since', 'name', 'x'),
      fc.jsonValue(),
    );
    const value = fc.oneof(fc.jsonValue(), fc.array(medication, { maxLength: 3 }));
    const input = fc.record(
      {
        facts: fc.dictionary(fc.constantFrom(...names), value),
        currentStep: fc.record({
          id: fc.oneof(fc.constantFrom('treat', 'start'), fc.jsonValue()),
          enteredAt: fc.jsonValue(),
        }),
        asOf: fc.oneof(fc.constant('2026-01-01'), fc.jsonValue()),
      },
      { requiredKeys: ['facts'] },
    );
    fc.assert(
      fc.property(input, (candidate) => {
        try {
          validate(candidate);
        } catch (error) {
          return (
            error instanceof PathwayError &&
            error.issues.every((i) => typeof i.message === 'string')
          );
        }
        return true;
      }),
      { numRuns: 1000 },
    );
  });
});

describe('hostile input', () => {
  it('collects 100 000 bad list items and reports the first 100 and how many more', () => {
    const redFlags = Array.from({ length: 100_000 }, () => 1);
    const error = factsError({ redFlags });
    expect(error.code).toBe('FACT_TYPE');
    expect(error.message).toMatch(/^100000 problems:/);
    expect(error.issues).toHaveLength(101);
    expect(error.issues[0]).toMatchObject({ code: 'FACT_TYPE', path: 'facts.redFlags[0]' });
    expect(error.issues[100]?.message).toBe(
      'and 99900 more problems (100000 in all; only the first 100 are listed)',
    );
  });

  it('still says one thing once per field and code among many issues', () => {
    const error = factsError({ redFlags: [1, 'nope', 2], age: 'x', nrsPain: 'y' });
    expect(error.issues.map((i) => i.path)).toEqual([
      'facts.redFlags[0]',
      'facts.redFlags[1]',
      'facts.redFlags[2]',
      'facts.age',
      'facts.nrsPain',
    ]);
  });

  it('answers a 1 MB unknown fact name without a suggestion and without echoing it whole', () => {
    const name = 'ompsqShort'.repeat(100_000);
    const error = factsError({ [name]: 1 });
    expect(error.code).toBe('UNKNOWN_FACT');
    expect(error.issues[0]?.message).toMatch(/^no fact "(ompsqShort)+.*… \(\d+ characters\)$/);
    expect(error.issues[0]?.message).not.toMatch(/did you mean/);
    expect(error.message.length).toBeLessThan(1000);
  });

  it('says a number too large for JSON (1e999) is not a finite number, not null', () => {
    const error = factsError(JSON.parse('{"age": 1e999, "nrsPain": -1e999}') as never);
    expect(error.issues[0]?.message).toBe(
      'age must be an integer, got Infinity (not a finite number)',
    );
    expect(error.issues[1]?.message).toMatch(/got -Infinity \(not a finite number\)$/);
  });

  it('refuses input nesting deeper than 64 levels before any other check, naming the field', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const error = errorFor({ facts: { age: 'x', unknownThing: deep }, ward: 1 });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues).toEqual([
      expect.objectContaining({ code: 'INVALID_INPUT', path: 'facts.unknownThing' }),
    ]);
  });
});
