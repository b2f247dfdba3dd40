/**
 * Seeded generator of adversarial chronic-pain evaluation inputs for differential and
 * property tests (moved here from test/fixtures so the benchmark and the CLI can use it):
 * values cluster at the pathway's thresholds (ÖMPSQ 49/50, MME 49.9/50, 8/12 weeks …),
 * any fact may be missing, and medications mix opioids (with and without conversion
 * factors or doses), benzodiazepines, Z-drugs and gabapentinoids.
 */

import { prng } from './random';

export { prng };

const STEPS = [
  'intake-assessment',
  'early-intervention',
  'primary-care-management',
  'primary-care-mmr',
  'specialist-pain-assessment',
  'specialist-mmr',
  'substance-use-care',
  'follow-up',
  'red-flag-investigation',
  'pathway-exit',
];
const RED_FLAGS = [
  'caudaEquina',
  'malignancy',
  'infection',
  'fracture',
  'inflammatoryDisease',
  'progressiveNeurologicalDeficit',
];
const DRUGS: { atc: string; unit: 'mg/day' | 'ug/h'; doses: number[] }[] = [
  { atc: 'N02AA01', unit: 'mg/day', doses: [10, 30, 49.9, 50, 90, 99.9, 100, 120] },
  { atc: 'N02AA05', unit: 'mg/day', doses: [10, 20, 33.3, 40, 60] },
  { atc: 'N02AX02', unit: 'mg/day', doses: [100, 200, 250, 400] },
  { atc: 'N02AB03', unit: 'ug/h', doses: [12, 25, 50] },
  { atc: 'N02AE01', unit: 'mg/day', doses: [5, 10] },
  { atc: 'N02AJ06', unit: 'mg/day', doses: [60, 240] },
  { atc: 'N05BA01', unit: 'mg/day', doses: [5, 10] },
  { atc: 'N05CF01', unit: 'mg/day', doses: [7.5] },
  { atc: 'N03AE01', unit: 'mg/day', doses: [0.5] },
  { atc: 'N03AX16', unit: 'mg/day', doses: [150, 300] },
  { atc: 'M01AE01', unit: 'mg/day', doses: [1200] },
];

/**
 * Ways to make an input invalid, each one a kind of mistake a real extract makes: a misspelt
 * fact, a value out of range or of the wrong type, a malformed ATC code or date, a drug started
 * after the evaluation date, an unknown step, an unexpected field, a derived fact given.
 */
const CORRUPTIONS: ((input: Record<string, unknown>, r: () => number) => void)[] = [
  (input) => {
    (input['facts'] as Record<string, unknown>)['ompsqShrt'] = 50;
  },
  (input) => {
    (input['facts'] as Record<string, unknown>)['age'] = 130;
  },
  (input) => {
    (input['facts'] as Record<string, unknown>)['hadsAnxiety'] = '12';
  },
  (input) => {
    (input['facts'] as Record<string, unknown>)['painDurationMonths'] = -1;
  },
  (input) => {
    (input['facts'] as Record<string, unknown>)['medications'] = [{ atc: 'n02aa05', dose: 10 }];
  },
  (input) => {
    (input['facts'] as Record<string, unknown>)['medications'] = [
      { atc: 'N02AA01', dose: 10, unit: 'mg/day', since: '2099-01-01' },
    ];
  },
  (input) => {
    input['currentStep'] = { id: 'primary-care-managment' };
  },
  (input) => {
    input['patient'] = 'x';
  },
  (input) => {
    (input['facts'] as Record<string, unknown>)['opioidMme'] = 40;
  },
  (input) => {
    input['currentStep'] = { id: 'follow-up', enteredAt: '2026-02-30' };
  },
  (input) => {
    (input['facts'] as Record<string, unknown>)['sickLeavePercent'] = 30;
  },
  (input) => {
    (input['facts'] as Record<string, unknown>)['redFlags'] = ['fracture', 7];
  },
  (input) => {
    (input['facts'] as Record<string, unknown>)['age'] = null;
    (input['facts'] as Record<string, unknown>)['isi'] = undefined;
  },
  (input, r) => {
    input['asOf'] = r() < 0.5 ? '2026-13-01' : null;
  },
  (input) => {
    input['version'] = '9.9.9';
  },
  (input) => {
    (input['facts'] as Record<string, unknown>)['medications'] = [{ atc: 'N02AA05', dose: null }];
  },
];

/** Options of {@link chronicPainPatients}. */
export interface AdversarialOptions {
  /** Share of inputs made invalid (or odd but valid, such as explicit nulls); default 0. */
  invalid?: number;
}

/** Generates `count` inputs with evaluation dates in 2025–2026 (so both versions are in play). */
export function chronicPainPatients(
  count: number,
  seed: number,
  options: AdversarialOptions = {},
): { input: Record<string, unknown>; asOf: string }[] {
  const r = prng(seed);
  const invalid = options.invalid ?? 0;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const maybe = (p = 0.85): boolean => r() < p;
  const date = (daysBefore: number, asOf: string): string =>
    new Date(Date.parse(`${asOf}T00:00:00Z`) - daysBefore * 86_400_000).toISOString().slice(0, 10);
  const out: { input: Record<string, unknown>; asOf: string }[] = [];
  for (let i = 0; i < count; i++) {
    const asOf = date(Math.floor(r() * 600), '2026-11-30');
    const facts: Record<string, unknown> = {};
    const set = (name: string, value: () => unknown, p?: number): void => {
      if (maybe(p)) facts[name] = value();
    };
    set('age', () => pick([17, 18, 30, 49, 50, 65, 66, 80]));
    set('painDurationMonths', () => pick([1, 2.9, 3, 8, 24]));
    set('redFlags', () => (maybe(0.95) ? [] : [pick(RED_FLAGS)]));
    set('ompsqShort', () => pick([20, 49, 50, 70]));
    set('startBackPsychosocial', () => pick([0, 3, 4, 5]));
    set('hadsAnxiety', () => pick([3, 7, 8, 10, 11, 15]));
    set('hadsDepression', () => pick([3, 7, 8, 10, 11, 15]));
    set('nrsPain', () => pick([2, 4, 5.5, 7, 9]));
    set('nrsPainBaseline', () => pick([0, 3, 6, 7.5, 9]));
    set('pseq', () => pick([10, 25, 32, 40]));
    set('pseqBaseline', () => pick([10, 25, 33]));
    set('isi', () => pick([5, 14, 15, 22]));
    set('sickLeavePercent', () => pick([0, 25, 50, 100]));
    set('sickLeaveMonths', () => pick([0, 5.9, 6, 12]));
    for (const flag of [
      'highDailyLifeImpact',
      'somaticWorkupComplete',
      'motivatedForActiveRehab',
      'activeSubstanceUseDisorder',
      'psychiatricConditionHinderingRehab',
      'psychiatricIllness',
      'complexPsychosocial',
      'painMechanismUnclear',
      'hasTreatmentPlan',
      'respiratoryRisk',
      'renalOrHepaticImpairment',
      'riskyAlcoholUse',
      'mmr1EffectInsufficient',
      'specialistAssessmentComplete',
      'specialistPlanInPlace',
      'rehabProgramCompleted',
      'selfManagementAdequate',
      'declinesPathway',
    ]) {
      set(
        flag,
        () =>
          r() < (flag === 'declinesPathway' || flag === 'activeSubstanceUseDisorder' ? 0.05 : 0.5),
      );
    }
    set('dependenceCriteriaCount', () => pick([0, 0, 0, 1, 2, 2, 3, 4]));
    set('daysSinceOpioidReview', () => pick([10, 90, 91, 200]));
    set('monthsSinceRehabEnd', () => pick([3, 11.9, 12, 18]));
    set('medications', () =>
      Array.from({ length: Math.floor(r() * 4) }, () => {
        const drug = pick(DRUGS);
        return {
          atc: drug.atc,
          ...(maybe(0.9) ? { dose: pick(drug.doses), unit: drug.unit } : {}),
          ...(maybe(0.95)
            ? { since: date(pick([5, 13, 14, 15, 27, 28, 29, 90, 91, 400]), asOf) }
            : {}),
        };
      }),
    );
    const input: Record<string, unknown> = { facts };
    if (maybe(0.8)) {
      const enteredDays = pick([0, 41, 56, 83, 84, 85, 182, 183, 200]);
      input.currentStep = {
        id: pick(STEPS),
        ...(maybe(0.7) ? { enteredAt: date(enteredDays, asOf) } : {}),
      };
      if (!maybe(0.7)) facts.weeksInStep = pick([0, 7.9, 8, 11.9, 12, 20]);
      if (!maybe(0.8)) facts.monthsInStep = pick([0, 5.9, 6, 9]);
    }
    if (invalid > 0 && r() < invalid)
      (CORRUPTIONS[Math.floor(r() * CORRUPTIONS.length)] ?? (() => undefined))(input, r);
    out.push({ input, asOf });
  }
  return out;
}
