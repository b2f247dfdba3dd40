import { describe, expect, it } from 'vitest';
import {
  atcChoices,
  choiceOf,
  fieldErrors,
  numberOfText,
  patientFields,
  searchAtc,
  truthOf,
  valueOfTruth,
  withFact,
} from '../../editor/src/model/patient-form';
import {
  expectFromResult,
  saveProblems,
  withExpectedAlert,
} from '../../editor/src/model/patient-save';
import { chronicPain, chronicPainScenarios } from './helpers';

describe('the test-patient form generated from the fact dictionary', () => {
  const pathway = chronicPain('1.3.0');
  const fields = patientFields(pathway, 'sv');
  const field = (name: string) => fields.find((f) => f.name === name);

  it('gives each fact the field its type asks for, with label, unit in the interface language and range', () => {
    expect(field('age')).toMatchObject({
      kind: 'number',
      label: 'ålder',
      unit: 'år',
      min: 0,
      max: 120,
      step: 1,
    });
    expect(field('highDailyLifeImpact')?.kind).toBe('boolean');
    expect(field('sex')).toMatchObject({ kind: 'choice', values: ['female', 'male', 'other'] });
    expect(field('sickLeavePercent')).toMatchObject({
      kind: 'choice',
      values: [0, 25, 50, 75, 100],
    });
    expect(field('redFlags')?.kind).toBe('choices');
    expect(field('medications')?.kind).toBe('medications');
    expect(field('opioidMme')?.kind).toBe('derived');
  });

  it('lists the facts to enter first and the derived ones (read-only) last', () => {
    const firstDerived = fields.findIndex((f) => f.kind === 'derived');
    expect(firstDerived).toBeGreaterThan(0);
    expect(fields.slice(firstDerived).every((f) => f.kind === 'derived')).toBe(true);
    expect(fields).toHaveLength(pathway.facts.length);
  });

  it('stores unknown as an absent fact, never as false or 0', () => {
    const input = { facts: { highDailyLifeImpact: true, age: 40 } };
    const unknown = withFact(input, 'highDailyLifeImpact', valueOfTruth('unknown'));
    expect(unknown.facts).toEqual({ age: 40 });
    expect('highDailyLifeImpact' in unknown.facts).toBe(false);
    expect(
      withFact(input, 'highDailyLifeImpact', valueOfTruth('no')).facts.highDailyLifeImpact,
    ).toBe(false);
    expect(truthOf(undefined)).toBe('unknown');
    expect(truthOf(false)).toBe('no');
    expect(numberOfText('')).toBeUndefined();
    expect(numberOfText('7,5')).toBe(7.5);
    // Kept as typed, so the engine refuses it naming the field instead of it vanishing.
    expect(numberOfText('seven')).toBe('seven');
    expect(choiceOf('25', [0, 25, 50])).toBe(25);
    expect(choiceOf('', [0, 25])).toBeUndefined();
  });

  it('offers the medications the pathway knows with name, ATC code and drug class', () => {
    const choices = atcChoices(pathway, 'en');
    const oxycodone = choices.find((c) => c.atc === 'N02AA05');
    expect(oxycodone).toMatchObject({ name: 'oxycodone', classes: ['opioid'] });
    expect(searchAtc(choices, 'oxy').map((c) => c.atc)).toContain('N02AA05');
    expect(searchAtc(choices, 'N02AA05').map((c) => c.atc)).toEqual(['N02AA05']);
    expect(searchAtc(choices, '')).toEqual([]);
  });

  it("places the engine's and the server's errors on the field they name", () => {
    expect(
      fieldErrors([
        { path: 'facts.hadsAnxiety', message: 'above 21' },
        { path: 'facts.medications[0].atc', message: 'not ATC' },
        { path: 'currentStep.id', message: 'no such step' },
        { path: 'scenario.versions[0]', message: 'save the version first' },
        { path: 'scenario.expect.step', message: 'no step' },
        { path: 'asOf', message: 'date' },
      ]),
    ).toEqual({
      hadsAnxiety: 'above 21',
      medications: 'not ATC',
      currentStep: 'no such step',
      versions: 'save the version first',
      expectStep: 'no step',
      asOf: 'date',
    });
  });
});

describe('saving a test patient', () => {
  const base = chronicPainScenarios()[0]!.scenario;

  it('needs a name, a chosen step and a saved version', () => {
    const fresh = { ...base, name: '', expect: {} };
    expect(saveProblems(fresh, false)).toEqual(['name', 'expectStep', 'versions']);
    expect(saveProblems({ ...fresh, name: 'x', expect: { step: 'follow-up' } }, true)).toEqual([]);
    // A patient that expects an input error checks that instead of a step.
    expect(saveProblems({ ...fresh, name: 'x', expect: { error: 'FACT_RANGE' } }, true)).toEqual(
      [],
    );
  });

  it('takes the current answer only when asked, and edits the alert list exactly', () => {
    const result = { step: { id: 'follow-up' }, alerts: [{ id: 'insomnia' }] };
    expect(expectFromResult({ status: 'settled' }, result as never)).toEqual({
      status: 'settled',
      step: 'follow-up',
      alerts: ['insomnia'],
    });
    const on = withExpectedAlert({}, 'insomnia', true);
    expect(on.alerts).toEqual(['insomnia']);
    expect(withExpectedAlert(on, 'insomnia', false).alerts).toEqual([]);
  });
});
