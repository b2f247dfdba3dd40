/**
 * A structured daily dose from FHIR Dosage: `doseAndRate.doseQuantity` in a mass unit
 * times the number of doses a day from `timing.repeat`, or a patch rate in µg/h. Anything
 * else (free text, as-needed, ranges, tablets without strength, varying timing) gives no
 * dose and a reason; free text is never parsed.
 */
import type { MedicationUnit } from '../facts/medication';
import { isObject, UCUM_SYSTEM } from './codes';

export type DoseRead = { dose: number; unit: MedicationUnit } | { reason: string };

const MG_PER: Readonly<Record<string, number>> = {
  mg: 1,
  g: 1000,
  ug: 0.001,
  mcg: 0.001,
  µg: 0.001,
  μg: 0.001,
};
const UG_PER_HOUR = ['ug/h', 'mcg/h', 'µg/h', 'μg/h'];
const PER_DAY: Readonly<Record<string, number>> = { h: 24, d: 1, wk: 1 / 7 };

function unitOf(quantity: Record<string, unknown>): string | undefined {
  const system = quantity['system'];
  const code = quantity['code'];
  if (typeof code === 'string' && (system === undefined || system === UCUM_SYSTEM)) return code;
  return typeof quantity['unit'] === 'string' ? quantity['unit'] : undefined;
}

function valueOf(quantity: Record<string, unknown>): number | undefined {
  const value = quantity['value'];
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** Doses per day from `timing.repeat`, or a reason why there is no fixed number. */
function dosesPerDay(timing: unknown): number | string {
  const repeat = isObject(timing) ? timing['repeat'] : undefined;
  if (!isObject(repeat)) return 'no timing (how often a day)';
  if (repeat['frequencyMax'] !== undefined || repeat['periodMax'] !== undefined)
    return 'timing varies (a range)';
  if (Array.isArray(repeat['dayOfWeek']) && repeat['dayOfWeek'].length > 0)
    return 'not taken every day';
  const { frequency, period, periodUnit } = repeat;
  if (
    period === undefined &&
    Array.isArray(repeat['timeOfDay']) &&
    repeat['timeOfDay'].length > 0
  ) {
    return frequency === undefined || frequency === repeat['timeOfDay'].length
      ? repeat['timeOfDay'].length
      : 'frequency and times of day disagree';
  }
  if (typeof frequency !== 'number' || !Number.isInteger(frequency) || frequency < 1)
    return 'no frequency in the timing';
  if (typeof period !== 'number' || !(period > 0)) return 'no period in the timing';
  const factor = typeof periodUnit === 'string' ? PER_DAY[periodUnit] : undefined;
  if (factor === undefined) return `timing period unit ${String(periodUnit)} is not h, d or wk`;
  return (frequency * factor) / period;
}

function readOne(dosage: unknown): DoseRead {
  if (!isObject(dosage)) return { reason: 'malformed dosage' };
  const text = typeof dosage['text'] === 'string' ? dosage['text'] : undefined;
  if (dosage['asNeededBoolean'] === true || dosage['asNeededCodeableConcept'] !== undefined) {
    return { reason: 'taken as needed: no fixed daily dose' };
  }
  const rates = dosage['doseAndRate'];
  if (!Array.isArray(rates) || rates.length === 0) {
    return {
      reason:
        text === undefined
          ? 'no structured dose'
          : `dose only as free text (${JSON.stringify(text)}), which is never parsed`,
    };
  }
  if (rates.length > 1) return { reason: 'several dose entries in one dosage' };
  const rate: unknown = rates[0];
  if (!isObject(rate)) return { reason: 'malformed doseAndRate' };
  for (const key of ['rateQuantity', 'doseQuantity'] as const) {
    const quantity = rate[key];
    if (!isObject(quantity)) continue;
    const unit = unitOf(quantity);
    const value = valueOf(quantity);
    if (value === undefined) return { reason: `${key} without a numeric value` };
    if (unit !== undefined && UG_PER_HOUR.includes(unit)) return { dose: value, unit: 'ug/h' };
    if (key === 'rateQuantity') return { reason: `rate unit ${String(unit)} is not µg/h` };
    const mg = unit === undefined ? undefined : MG_PER[unit];
    if (mg === undefined)
      return { reason: `dose unit ${String(unit)} is not a mass (mg) or a patch rate (µg/h)` };
    const perDay = dosesPerDay(dosage['timing']);
    if (typeof perDay === 'string') return { reason: perDay };
    return { dose: value * mg * perDay, unit: 'mg/day' };
  }
  return { reason: 'dose given as a range or ratio' };
}

/** The daily dose over all dosage lines (they add up), or why there is none. */
export function dailyDose(dosages: unknown): DoseRead {
  if (!Array.isArray(dosages) || dosages.length === 0) return { reason: 'no dosage' };
  let total = 0;
  let unit: MedicationUnit | undefined;
  for (const dosage of dosages as unknown[]) {
    const one = readOne(dosage);
    if ('reason' in one) return one;
    if (unit !== undefined && unit !== one.unit) return { reason: 'dosage lines mix mg and µg/h' };
    unit = one.unit;
    total += one.dose;
  }
  if (unit === undefined) return { reason: 'no dosage' };
  return { dose: Math.round(total * 1000) / 1000, unit };
}
