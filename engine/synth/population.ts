/**
 * `synthPatients`: a realistic synthetic chronic-pain population, one cohort line per patient
 * (`{ id, healthCentre, currentStep?, facts }`). Pure and seeded: the same seed, count and
 * date always give the same lines. The distributions (per centre in `centres.ts`):
 *
 * - sex (only for a version with a `sex` fact) female with the centre's share;
 * - age Normal(centre mean, sd) clipped to 16–95; pain duration 0.5–3 months for the
 *   non-chronic share, else 3 + Exponential(mean 30) months; red flags in 1.5 %;
 * - ÖMPSQ Normal(centre mean, 15) on 0–100; STarT Back psychosocial 0–5; HADS subscales
 *   Normal(centre mean, 4) on 0–21; ISI Normal(11, 6) on 0–28; PDI, EQ-5D similar;
 * - NRS baseline Normal(6.5, 1.5) on 0–10 in halves and now = baseline − Normal(1, 1.8);
 *   PSEQ baseline Normal(28, 10) and gain Normal(3, 7);
 * - sick leave 100 % in the centre's share, else 0/25/50 %; months Exponential(mean 8);
 * - days since the latest opioid review Exponential(centre mean);
 * - medications: an opioid in the centre's share (oxycodone, morphine, tramadol, codeine,
 *   fentanyl patch, buprenorphine; dose around the centre's MME), a benzodiazepine or Z-drug
 *   with it in the centre's share, gabapentinoids; start dates Exponential(mean 200) days ago;
 *   5 % of doses are free text (no structured dose);
 * - current step: intake 22 %, early intervention 8 %, primary-care management 35 %, MMR1 8 %,
 *   specialist assessment 9 %, specialist MMR 4 %, substance-use care 3 %, follow-up 11 %,
 *   entered Exponential(mean 90) days before the evaluation date;
 * - every recorded measure is missing with probability 1 − completeness of the centre.
 */
import { CENTRES, type Centre } from './centres';
import { fitLine, type LineFit } from './fit';
import { monthSeed } from './months';
import { Draw, daysBefore, prng } from './random';

/** The stream number sex is drawn from (any number no month of a series reaches). */
const SEX_STREAM = 1_000_003;

/** One line of a cohort file. */
export interface CohortLine {
  id: string;
  healthCentre: string;
  currentStep?: { id: string; enteredAt: string };
  facts: Record<string, unknown>;
}

const STEP_MIX = {
  'intake-assessment': 22,
  'early-intervention': 8,
  'primary-care-management': 35,
  'primary-care-mmr': 8,
  'specialist-pain-assessment': 9,
  'specialist-mmr': 4,
  'substance-use-care': 3,
  'follow-up': 11,
} as const;

const OPIOIDS = [
  { atc: 'N02AA05', factor: 1.5, unit: 'mg/day', weight: 35 },
  { atc: 'N02AA01', factor: 1, unit: 'mg/day', weight: 15 },
  { atc: 'N02AX02', factor: 0.2, unit: 'mg/day', weight: 25 },
  { atc: 'N02AJ06', factor: 0.15, unit: 'mg/day', weight: 12 },
  { atc: 'N02AB03', factor: 2.4, unit: 'ug/h', weight: 8 },
  { atc: 'N02AE01', factor: 0, unit: 'mg/day', weight: 5 },
] as const;
const BENZOS = ['N05BA01', 'N05BA04', 'N05CF01', 'N05CD08', 'N03AE01'] as const;
const RED_FLAGS = ['caudaEquina', 'malignancy', 'infection', 'fracture', 'inflammatoryDisease'];

function opioidOf(d: Draw): (typeof OPIOIDS)[number] {
  const key = d.weighted(Object.fromEntries(OPIOIDS.map((o, i) => [String(i), o.weight])));
  return OPIOIDS[Number(key)] as (typeof OPIOIDS)[number];
}

function medications(d: Draw, c: Centre, asOf: string): Record<string, unknown>[] {
  const meds: Record<string, unknown>[] = [];
  const since = (): string => daysBefore(asOf, 1 + d.exponential(200));
  const opioid = d.chance(c.opioid);
  if (opioid) {
    const o = opioidOf(d);
    const mme = Math.max(5, d.normal(c.opioidMme, c.opioidMme * 0.5));
    const dose = o.factor === 0 ? d.pick([2, 4, 8]) : Math.max(1, Math.round(mme / o.factor));
    meds.push(
      d.chance(0.05)
        ? { atc: o.atc, since: since() }
        : { atc: o.atc, dose, unit: o.unit, since: since() },
    );
  }
  if (d.chance(opioid ? c.benzoWithOpioid : c.benzoWithOpioid / 3))
    meds.push({ atc: d.pick(BENZOS), dose: d.pick([5, 7.5, 10]), unit: 'mg/day', since: since() });
  if (d.chance(c.gabapentinoid))
    meds.push({
      atc: d.pick(['N03AX12', 'N03AX16']),
      dose: d.pick([150, 300, 600]),
      unit: 'mg/day',
      since: since(),
    });
  if (d.chance(0.3)) meds.push({ atc: 'M01AE01', dose: 1200, unit: 'mg/day', since: since() });
  return meds;
}

function patient(d: Draw, index: number, asOf: string, centres: readonly Centre[]): CohortLine {
  const c = d.weighted(Object.fromEntries(centres.map((x) => [x.id, x.weight])));
  const centre = centres.find((x) => x.id === c) as Centre;
  const facts: Record<string, unknown> = {};
  const measured = (name: string, value: () => unknown): void => {
    if (d.chance(centre.completeness)) facts[name] = value();
  };
  const chronic = d.chance(centre.chronic);
  facts['age'] = Math.round(Math.min(95, Math.max(16, d.normal(centre.age[0], centre.age[1]))));
  measured('painDurationMonths', () =>
    chronic ? Math.min(600, 3 + d.exponential(30)) : d.clipped(1.5, 0.8, 0.5, 2.9, 0.1),
  );
  facts['redFlags'] = d.chance(0.015) ? [d.pick(RED_FLAGS)] : [];
  measured('ompsqShort', () => d.clipped(centre.ompsq, 15, 0, 100));
  measured('startBackPsychosocial', () => d.clipped(centre.ompsq / 20, 1.3, 0, 5));
  measured('hadsAnxiety', () => d.clipped(centre.hads, 4, 0, 21));
  measured('hadsDepression', () => d.clipped(centre.hads - 1, 4, 0, 21));
  const baseline = d.clipped(6.5, 1.5, 1, 10, 0.5);
  measured('nrsPainBaseline', () => baseline);
  measured('nrsPain', () => Math.min(10, Math.max(0, baseline - d.clipped(1, 1.8, -3, 6, 0.5))));
  const pseq = d.clipped(28, 10, 0, 50);
  measured('pseqBaseline', () => pseq);
  measured('pseq', () => Math.min(60, Math.max(0, pseq + d.clipped(3, 7, -15, 25))));
  measured('pdi', () => d.clipped(32, 14, 0, 70));
  measured('isi', () => d.clipped(11, 6, 0, 28));
  measured('eq5dIndex', () => d.clipped(0.6, 0.2, -0.5, 1, 0.01));
  const fullLeave = d.chance(centre.fullSickLeave);
  facts['sickLeavePercent'] = fullLeave ? 100 : d.pick([0, 0, 0, 25, 50]);
  if (facts['sickLeavePercent'] !== 0) facts['sickLeaveMonths'] = d.exponential(8);
  measured('highDailyLifeImpact', () => d.chance(0.6));
  measured('somaticWorkupComplete', () => d.chance(0.75));
  measured('motivatedForActiveRehab', () => d.chance(0.65));
  facts['activeSubstanceUseDisorder'] = d.chance(0.02);
  measured('psychiatricConditionHinderingRehab', () => d.chance(0.06));
  measured('psychiatricIllness', () => d.chance(0.15));
  measured('complexPsychosocial', () => d.chance(centre.hads / 40));
  measured('painMechanismUnclear', () => d.chance(0.1));
  measured('dependenceCriteriaCount', () => Number(d.weighted({ 0: 80, 1: 8, 2: 6, 3: 4, 4: 2 })));
  const meds = medications(d, centre, asOf);
  if (d.chance(centre.completeness + (1 - centre.completeness) / 2)) facts['medications'] = meds;
  if (meds.some((m) => String(m['atc']).startsWith('N02A'))) {
    facts['hasTreatmentPlan'] = d.chance(centre.treatmentPlan);
    measured('daysSinceOpioidReview', () => d.exponential(centre.opioidReviewDays));
  }
  measured('respiratoryRisk', () => d.chance(0.08));
  measured('renalOrHepaticImpairment', () => d.chance(0.05));
  measured('riskyAlcoholUse', () => d.chance(0.07));
  facts['specialistPlanInPlace'] = d.chance(centre.specialistPlan);
  measured('selfManagementAdequate', () => d.chance(0.45));
  facts['declinesPathway'] = d.chance(0.01);
  const step = d.weighted(STEP_MIX);
  const entered = d.exponential(90);
  if (step === 'primary-care-mmr' || step === 'specialist-mmr' || step === 'follow-up')
    facts['rehabProgramCompleted'] = step === 'follow-up' || d.chance(0.3);
  if (step === 'primary-care-mmr') facts['mmr1EffectInsufficient'] = d.chance(0.2);
  if (step === 'specialist-pain-assessment') facts['specialistAssessmentComplete'] = d.chance(0.5);
  if (step === 'follow-up') facts['monthsSinceRehabEnd'] = Math.round((entered / 30.4) * 10) / 10;
  const line: CohortLine = {
    id: `p${String(index + 1).padStart(7, '0')}`,
    healthCentre: centre.id,
    facts,
  };
  if (step !== 'intake-assessment' || d.chance(0.5))
    line.currentStep = { id: step, enteredAt: daysBefore(asOf, entered) };
  return line;
}

/**
 * Generates `count` patients as cohort lines, evaluated on `asOf` (start dates and step entry
 * dates lie before it), from `centres` (default {@link CENTRES}; a drifted month passes its
 * own). Lazy, so any number of patients fits in memory.
 *
 * With `fit` (the version in effect, engine/synth/fit.ts) each line keeps only what that
 * version defines, and sex is drawn (female with the centre's share, else male) for versions
 * that have a `sex` fact. Sex comes from a second stream of its own, so every other value is
 * the same with or without it.
 */
export function* synthPatients(
  count: number,
  seed: number,
  asOf: string,
  centres: readonly Centre[] = CENTRES,
  fit?: LineFit,
): Generator<CohortLine> {
  const d = new Draw(prng(seed));
  const sexes = new Draw(prng(monthSeed(seed, SEX_STREAM)));
  for (let i = 0; i < count; i++) {
    const line = patient(d, i, asOf, centres);
    if (fit === undefined) {
      yield line;
      continue;
    }
    const female = centres.find((c) => c.id === line.healthCentre)?.female ?? 0.5;
    line.facts['sex'] = sexes.chance(female) ? 'female' : 'male';
    yield fitLine(line, fit);
  }
}
