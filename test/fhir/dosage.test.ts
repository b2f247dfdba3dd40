import type { Dosage } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { dailyDose } from '../../engine/fhir/dosage';

const UCUM = 'http://unitsofmeasure.org';

function dose(
  value: number,
  code: string,
  repeat: NonNullable<Dosage['timing']>['repeat'],
): Dosage {
  return {
    timing: { repeat },
    doseAndRate: [{ doseQuantity: { value, system: UCUM, code, unit: code } }],
  };
}

describe('structured daily doses', () => {
  it('multiplies a dose by the number of times a day', () => {
    expect(dailyDose([dose(5, 'mg', { frequency: 1, period: 6, periodUnit: 'h' })])).toEqual({
      dose: 20,
      unit: 'mg/day',
    });
    expect(dailyDose([dose(10, 'mg', { frequency: 3, period: 1, periodUnit: 'd' })])).toEqual({
      dose: 30,
      unit: 'mg/day',
    });
    expect(dailyDose([dose(70, 'mg', { frequency: 1, period: 1, periodUnit: 'wk' })])).toEqual({
      dose: 10,
      unit: 'mg/day',
    });
  });

  it('counts times of day when no period is given, and converts grams and micrograms to mg', () => {
    expect(dailyDose([dose(1, 'g', { timeOfDay: ['08:00:00', '20:00:00'] })])).toEqual({
      dose: 2000,
      unit: 'mg/day',
    });
    expect(dailyDose([dose(500, 'ug', { frequency: 2, period: 1, periodUnit: 'd' })])).toEqual({
      dose: 1,
      unit: 'mg/day',
    });
  });

  it('adds up dosage lines of one drug', () => {
    const morning = dose(10, 'mg', { frequency: 1, period: 1, periodUnit: 'd', when: ['MORN'] });
    const night = dose(20, 'mg', { frequency: 1, period: 1, periodUnit: 'd', when: ['HS'] });
    expect(dailyDose([morning, night])).toEqual({ dose: 30, unit: 'mg/day' });
  });

  it('reads a patch strength in µg/h from a rate or a dose quantity', () => {
    expect(
      dailyDose([{ doseAndRate: [{ rateQuantity: { value: 12, system: UCUM, code: 'ug/h' } }] }]),
    ).toEqual({ dose: 12, unit: 'ug/h' });
    expect(dailyDose([{ doseAndRate: [{ doseQuantity: { value: 50, unit: 'mcg/h' } }] }])).toEqual({
      dose: 50,
      unit: 'ug/h',
    });
  });

  it('gives no dose for free text, as-needed use, ranges, tablets and variable timing', () => {
    const reasons = [
      dailyDose([{ text: '1 tablett 3 gånger dagligen' }]),
      dailyDose([
        { ...dose(5, 'mg', { frequency: 4, period: 1, periodUnit: 'd' }), asNeededBoolean: true },
      ]),
      dailyDose([{ doseAndRate: [{ doseRange: { low: { value: 1 }, high: { value: 2 } } }] }]),
      dailyDose([dose(1, '{tbl}', { frequency: 2, period: 1, periodUnit: 'd' })]),
      dailyDose([dose(5, 'mg', { frequency: 1, frequencyMax: 3, period: 1, periodUnit: 'd' })]),
      dailyDose([dose(5, 'mg', { frequency: 1, period: 1, periodUnit: 'd', dayOfWeek: ['mon'] })]),
      dailyDose([dose(5, 'mg', { frequency: 1, period: 1, periodUnit: 'mo' })]),
      dailyDose([]),
    ];
    for (const r of reasons) expect(r).toHaveProperty('reason');
    expect(reasons[0]).toEqual({
      reason: 'dose only as free text ("1 tablett 3 gånger dagligen"), which is never parsed',
    });
  });

  it('refuses to add mg and µg/h lines', () => {
    const patch: Dosage = {
      doseAndRate: [{ rateQuantity: { value: 12, code: 'ug/h', system: UCUM } }],
    };
    expect(dailyDose([patch, dose(5, 'mg', { frequency: 1, period: 1, periodUnit: 'd' })])).toEqual(
      {
        reason: 'dosage lines mix mg and µg/h',
      },
    );
  });
});
