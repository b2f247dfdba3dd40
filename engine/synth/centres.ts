/**
 * The synthetic health centres. Each has a deliberately different case mix, prescribing
 * habit and data completeness, so that a cohort report has real variation to show. The
 * figures are invented for demonstration, loosely shaped after what the Swedish and Danish
 * audits describe (long-term opioid and benzodiazepine use, uneven follow-up, data gaps).
 */

/** One health centre's parameters. */
export interface Centre {
  id: string;
  /** Relative share of the population. */
  weight: number;
  /** Share of women (drawn only when the pathway version has a `sex` fact). */
  female: number;
  /** Mean and standard deviation of age in years. */
  age: [number, number];
  /** Share with chronic pain (≥ 3 months) on arrival. */
  chronic: number;
  /** Mean ÖMPSQ short form score. */
  ompsq: number;
  /** Mean HADS subscale score. */
  hads: number;
  /** Share on full-time sick leave. */
  fullSickLeave: number;
  /** Share prescribed an opioid, and the mean oral morphine equivalent dose (MME/day) wanted. */
  opioid: number;
  opioidMme: number;
  /** Share of opioid patients also on a benzodiazepine or Z-drug. */
  benzoWithOpioid: number;
  /** Share on a gabapentinoid. */
  gabapentinoid: number;
  /** Share of opioid patients with a written treatment plan. */
  treatmentPlan: number;
  /** Mean days since an opioid user's latest opioid review (Exponential). */
  opioidReviewDays: number;
  /** Share of patients with a specialist plan. */
  specialistPlan: number;
  /** Probability that a recorded measure is actually filled in. */
  completeness: number;
}

/** The centres `pathway synth` draws from. */
export const CENTRES: readonly Centre[] = [
  {
    id: 'vc-norrmalm',
    weight: 30,
    female: 0.55,
    age: [44, 14],
    chronic: 0.6,
    ompsq: 42,
    hads: 6,
    fullSickLeave: 0.08,
    opioid: 0.1,
    opioidMme: 25,
    benzoWithOpioid: 0.1,
    gabapentinoid: 0.06,
    treatmentPlan: 0.85,
    opioidReviewDays: 60,
    specialistPlan: 0.25,
    completeness: 0.96,
  },
  {
    id: 'vc-bruksorten',
    weight: 20,
    female: 0.6,
    age: [58, 13],
    chronic: 0.8,
    ompsq: 52,
    hads: 8,
    fullSickLeave: 0.2,
    opioid: 0.38,
    opioidMme: 70,
    benzoWithOpioid: 0.3,
    gabapentinoid: 0.15,
    treatmentPlan: 0.4,
    opioidReviewDays: 140,
    specialistPlan: 0.1,
    completeness: 0.88,
  },
  {
    id: 'vc-skargarden',
    weight: 10,
    female: 0.57,
    age: [67, 12],
    chronic: 0.85,
    ompsq: 47,
    hads: 7,
    fullSickLeave: 0.05,
    opioid: 0.3,
    opioidMme: 40,
    benzoWithOpioid: 0.22,
    gabapentinoid: 0.12,
    treatmentPlan: 0.55,
    opioidReviewDays: 140,
    specialistPlan: 0.08,
    completeness: 0.7,
  },
  {
    id: 'vc-centrum',
    weight: 25,
    female: 0.58,
    age: [49, 15],
    chronic: 0.75,
    ompsq: 55,
    hads: 10,
    fullSickLeave: 0.25,
    opioid: 0.2,
    opioidMme: 45,
    benzoWithOpioid: 0.2,
    gabapentinoid: 0.1,
    treatmentPlan: 0.7,
    opioidReviewDays: 60,
    specialistPlan: 0.2,
    completeness: 0.9,
  },
  {
    id: 'vc-universitet',
    weight: 15,
    female: 0.52,
    age: [31, 10],
    chronic: 0.45,
    ompsq: 40,
    hads: 7,
    fullSickLeave: 0.04,
    opioid: 0.06,
    opioidMme: 20,
    benzoWithOpioid: 0.05,
    gabapentinoid: 0.04,
    treatmentPlan: 0.8,
    opioidReviewDays: 60,
    specialistPlan: 0.15,
    completeness: 0.93,
  },
];
