/**
 * The chronic-pain pathway 1.1.0 written by hand as one function: the ceiling for the
 * benchmark, so it is the fastest plain code we know for this pathway. It reads each fact once
 * into a local, derives what the pathway needs on day numbers, evaluates every condition with
 * Kleene logic as small integers (0 false, 1 unknown, 2 true) and walks with step numbers; it
 * allocates nothing (the answer is written into one reused object, alerts as a bit mask). No
 * validation, no trace, no follow-ups; the benchmark counts its disagreements with the
 * population path on valid inputs.
 */
const F = 0;
const U = 1;
const T = 2;
type K = 0 | 1 | 2;

const and = (a: K, b: K): K => (a < b ? a : b);
const or = (a: K, b: K): K => (a > b ? a : b);
const not = (x: K): K => (T - x) as K;
const ge = (v: unknown, x: number): K =>
  v === undefined || v === null ? U : (v as number) >= x ? T : F;
const gt = (v: unknown, x: number): K =>
  v === undefined || v === null ? U : (v as number) > x ? T : F;
const lt = (v: unknown, x: number): K =>
  v === undefined || v === null ? U : (v as number) < x ? T : F;
const is = (v: unknown): K => (v === undefined || v === null ? U : v === true ? T : F);

/** Step numbers, and the ids they stand for. */
const INTAKE = 0;
const EARLY = 1;
const PCM = 2;
const PC_MMR = 3;
const SPA = 4;
const S_MMR = 5;
const SUBSTANCE = 6;
const FOLLOW_UP = 7;
const RED_FLAG = 8;
const EXIT = 9;
const OTHER = 10;
/** Step ids by number. */
export const STEP_IDS = [
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
] as const;
const STEP_NUMBER = new Map<string, number>(STEP_IDS.map((id, i) => [id, i] as const));

/** Alert ids by bit of {@link HandAnswer.alerts}. */
export const ALERT_IDS = [
  'red-flag',
  'suspected-dependence',
  'opioid-benzodiazepine',
  'opioid-dose-very-high',
  'opioid-review-overdue',
  'opioid-gabapentinoid',
  'opioid-dose-high',
  'long-term-opioid-specialist',
  'no-treatment-plan',
  'benzodiazepine-duration',
  'overdose-risk',
  'anxiety-depression-probable',
  'anxiety-depression-possible',
  'insomnia',
] as const;

/** The answer for one patient; the same object is overwritten by the next call. */
export interface HandAnswer {
  /** Final step number (index into {@link STEP_IDS}; 10: a start step the pathway lacks). */
  step: number;
  /** The start step id when it is none of the pathway's. */
  otherStep: string;
  needsInformation: boolean;
  /** Fired alerts, bit k for {@link ALERT_IDS}[k]. */
  alerts: number;
}

const answer: HandAnswer = { step: INTAKE, otherStep: '', needsInformation: false, alerts: 0 };

/** Day number of a `YYYY-MM-DD` date (days since 1970-01-01), read from its characters. */
function day(d: string): number {
  const y = packedPart(d, 0, 4);
  const m = packedPart(d, 5, 2);
  return civilDay(y, m, packedPart(d, 8, 2));
}

function packedPart(d: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) n = n * 10 + d.charCodeAt(i) - 48;
  return n;
}

/** Days from 1970-01-01 to a civil date (the proleptic Gregorian calendar). */
function civilDay(y0: number, m: number, d: number): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Whether calendar months from `from` to the day `to` are at least `n` (the day clamped at month ends). */
function monthsAtLeast(from: string, to: number, n: number): boolean {
  const total = packedPart(from, 0, 4) * 12 + packedPart(from, 5, 2) - 1 + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const leap = m === 2 && (y % 4 === 0 ? y % 100 !== 0 || y % 400 === 0 : false);
  const last = (MONTH_DAYS[m - 1] as number) + (leap ? 1 : 0);
  const d = packedPart(from, 8, 2);
  return civilDay(y, m, d < last ? d : last) <= to;
}

const round = (x: number, k: number): number => Math.round(x * k) / k;

/** The first candidate not false: its target, -2 when it is unknown, -1 when all are false. */
function first(a: K, ta: number, b: K, tb: number, c: K, tc: number): number {
  if (a !== F) return a === U ? -2 : ta;
  if (b !== F) return b === U ? -2 : tb;
  if (c !== F) return c === U ? -2 : tc;
  return -1;
}

interface Med {
  atc: string;
  dose?: number;
  unit?: string;
  since?: string;
}

/** Morphine milligram equivalents per unit dose of the opioids with a factor, else 0. */
function mmeFactor(atc: string, unit: string | undefined): number {
  switch (atc) {
    case 'N02AA01':
      return unit === 'mg/day' ? 1 : NaN;
    case 'N02AA05':
      return unit === 'mg/day' ? 1.5 : NaN;
    case 'N02AA03':
      return unit === 'mg/day' ? 5 : NaN;
    case 'N02AA59':
    case 'N02AJ06':
      return unit === 'mg/day' ? 0.15 : NaN;
    case 'N02AX02':
      return unit === 'mg/day' ? 0.2 : NaN;
    case 'N02AX06':
      return unit === 'mg/day' ? 0.4 : NaN;
    case 'N02AB03':
      return unit === 'ug/h' ? 2.4 : NaN;
    default:
      return 0;
  }
}

/** Step, status and fired alerts of one patient, written into one reused {@link HandAnswer}. */
export function handwritten(
  input: { currentStep?: { id: string; enteredAt?: string }; facts: Record<string, unknown> },
  asOf: string,
): HandAnswer {
  const f = input.facts;
  // Each fact read once, in one pass over the object's keys: reading every name instead would
  // miss V8's inline caches on each new object shape (the generated loader does the same).
  let activeSubstanceUseDisorder: unknown;
  let age: unknown;
  let complexPsychosocial: unknown;
  let daysSinceOpioidReview: unknown;
  let declinesPathway: unknown;
  let dependenceCriteriaCount: unknown;
  let hadsAnxiety: unknown;
  let hadsDepression: unknown;
  let hasTreatmentPlan: unknown;
  let highDailyLifeImpact: unknown;
  let isi: unknown;
  let medications: Med[] | undefined | null;
  let mmr1EffectInsufficient: unknown;
  let monthsInStep: unknown;
  let monthsSinceRehabEnd: unknown;
  let motivatedForActiveRehab: unknown;
  let nrsPain: unknown;
  let nrsPainBaseline: unknown;
  let ompsqShort: unknown;
  let painDurationMonths: unknown;
  let painMechanismUnclear: unknown;
  let pseq: unknown;
  let pseqBaseline: unknown;
  let psychiatricConditionHinderingRehab: unknown;
  let psychiatricIllness: unknown;
  let redFlags: unknown[] | undefined | null;
  let rehabProgramCompleted: unknown;
  let renalOrHepaticImpairment: unknown;
  let respiratoryRisk: unknown;
  let riskyAlcoholUse: unknown;
  let selfManagementAdequate: unknown;
  let sickLeaveMonths: unknown;
  let sickLeavePercent: unknown;
  let somaticWorkupComplete: unknown;
  let specialistAssessmentComplete: unknown;
  let specialistPlanInPlace: unknown;
  let startBackPsychosocial: unknown;
  let weeksInStep: unknown;
  for (const key in f) {
    const v = f[key];
    switch (key) {
      case 'activeSubstanceUseDisorder':
        activeSubstanceUseDisorder = v;
        break;
      case 'age':
        age = v;
        break;
      case 'complexPsychosocial':
        complexPsychosocial = v;
        break;
      case 'daysSinceOpioidReview':
        daysSinceOpioidReview = v;
        break;
      case 'declinesPathway':
        declinesPathway = v;
        break;
      case 'dependenceCriteriaCount':
        dependenceCriteriaCount = v;
        break;
      case 'hadsAnxiety':
        hadsAnxiety = v;
        break;
      case 'hadsDepression':
        hadsDepression = v;
        break;
      case 'hasTreatmentPlan':
        hasTreatmentPlan = v;
        break;
      case 'highDailyLifeImpact':
        highDailyLifeImpact = v;
        break;
      case 'isi':
        isi = v;
        break;
      case 'medications':
        medications = v as Med[] | null;
        break;
      case 'mmr1EffectInsufficient':
        mmr1EffectInsufficient = v;
        break;
      case 'monthsInStep':
        monthsInStep = v;
        break;
      case 'monthsSinceRehabEnd':
        monthsSinceRehabEnd = v;
        break;
      case 'motivatedForActiveRehab':
        motivatedForActiveRehab = v;
        break;
      case 'nrsPain':
        nrsPain = v;
        break;
      case 'nrsPainBaseline':
        nrsPainBaseline = v;
        break;
      case 'ompsqShort':
        ompsqShort = v;
        break;
      case 'painDurationMonths':
        painDurationMonths = v;
        break;
      case 'painMechanismUnclear':
        painMechanismUnclear = v;
        break;
      case 'pseq':
        pseq = v;
        break;
      case 'pseqBaseline':
        pseqBaseline = v;
        break;
      case 'psychiatricConditionHinderingRehab':
        psychiatricConditionHinderingRehab = v;
        break;
      case 'psychiatricIllness':
        psychiatricIllness = v;
        break;
      case 'redFlags':
        redFlags = v as unknown[] | null;
        break;
      case 'rehabProgramCompleted':
        rehabProgramCompleted = v;
        break;
      case 'renalOrHepaticImpairment':
        renalOrHepaticImpairment = v;
        break;
      case 'respiratoryRisk':
        respiratoryRisk = v;
        break;
      case 'riskyAlcoholUse':
        riskyAlcoholUse = v;
        break;
      case 'selfManagementAdequate':
        selfManagementAdequate = v;
        break;
      case 'sickLeaveMonths':
        sickLeaveMonths = v;
        break;
      case 'sickLeavePercent':
        sickLeavePercent = v;
        break;
      case 'somaticWorkupComplete':
        somaticWorkupComplete = v;
        break;
      case 'specialistAssessmentComplete':
        specialistAssessmentComplete = v;
        break;
      case 'specialistPlanInPlace':
        specialistPlanInPlace = v;
        break;
      case 'startBackPsychosocial':
        startBackPsychosocial = v;
        break;
      case 'weeksInStep':
        weeksInStep = v;
        break;
    }
  }
  const today = day(asOf);
  let onOpioid: K = U;
  let onBenzo: K = U;
  let onGaba: K = U;
  let mme: number | undefined;
  let opioidDays: number | undefined;
  let hypnoticDays: number | undefined;
  let anxiolyticDays: number | undefined;
  if (medications !== undefined && medications !== null) {
    onOpioid = onBenzo = onGaba = F;
    let sum = 0;
    let mmeKnown = true;
    let o = Infinity;
    let h = Infinity;
    let a = Infinity;
    let oU = false;
    let hU = false;
    let aU = false;
    for (let i = 0; i < medications.length; i++) {
      const m = medications[i] as Med;
      const c = m.atc;
      const s = m.since === undefined ? NaN : day(m.since);
      const c0 = c.charCodeAt(0);
      if (c0 === 78 && c.startsWith('N02A')) {
        onOpioid = T;
        const factor = mmeFactor(c, m.unit);
        if (factor !== 0) {
          if (m.dose === undefined || Number.isNaN(factor)) mmeKnown = false;
          else sum += m.dose * factor;
        }
        if (s !== s) oU = true;
        else if (s < o) o = s;
      }
      const hyp = c.startsWith('N05CD') || c.startsWith('N05CF');
      const anx = c.startsWith('N05BA') || c === 'N03AE01';
      if (hyp || anx) onBenzo = T;
      if (hyp) {
        if (s !== s) hU = true;
        else if (s < h) h = s;
      }
      if (anx) {
        if (s !== s) aU = true;
        else if (s < a) a = s;
      }
      if (c === 'N03AX12' || c === 'N03AX16') onGaba = T;
    }
    mme = mmeKnown ? round(sum, 10) : undefined;
    opioidDays = oU ? undefined : o === Infinity ? 0 : today - o;
    hypnoticDays = hU ? undefined : h === Infinity ? 0 : today - h;
    anxiolyticDays = aU ? undefined : a === Infinity ? 0 : today - a;
  }
  const reduction =
    typeof nrsPain === 'number' && typeof nrsPainBaseline === 'number'
      ? round(nrsPainBaseline - nrsPain, 1e6)
      : undefined;
  const reductionPct =
    reduction !== undefined && typeof nrsPainBaseline === 'number' && nrsPainBaseline > 0
      ? round((100 * reduction) / nrsPainBaseline, 1e6)
      : undefined;
  const gain =
    typeof pseq === 'number' && typeof pseqBaseline === 'number' ? pseq - pseqBaseline : undefined;
  const asud = is(activeSubstanceUseDisorder);
  const psychiatric = is(psychiatricIllness);
  const specialistPlan = is(specialistPlanInPlace);
  const selfManagement = is(selfManagementAdequate);
  const rehabDone = is(rehabProgramCompleted);
  const sinceRehab = ge(monthsSinceRehabEnd, 12);

  // Time in the start step: a given value wins over the entry date.
  const entered = input.currentStep?.enteredAt;
  const weeks8: K =
    weeksInStep !== undefined && weeksInStep !== null
      ? ge(weeksInStep, 8)
      : entered === undefined
        ? U
        : round((today - day(entered)) / 7, 1e6) >= 8
          ? T
          : F;
  const months6: K =
    monthsInStep !== undefined && monthsInStep !== null
      ? ge(monthsInStep, 6)
      : entered === undefined
        ? U
        : monthsAtLeast(entered, today, 6)
          ? T
          : F;

  const chronic = ge(painDurationMonths, 3);
  const atRisk = or(ge(ompsqShort, 50), ge(startBackPsychosocial, 4));
  const improved = or(
    or(ge(reduction, 2), and(gt(nrsPainBaseline, 0), ge(reductionPct, 30))),
    ge(gain, 7),
  );
  const mmrEligible = and(
    and(and(ge(age, 18), chronic), and(is(highDailyLifeImpact), is(somaticWorkupComplete))),
    and(is(motivatedForActiveRehab), and(not(asud), not(is(psychiatricConditionHinderingRehab)))),
  );
  const ltop = and(
    and(onOpioid, gt(opioidDays, 90)),
    or(or(lt(age, 50), psychiatric), or(ge(mme, 50), onBenzo)),
  );
  const sickLeaveFull: K =
    sickLeavePercent === undefined || sickLeavePercent === null
      ? U
      : sickLeavePercent === 100
        ? T
        : F;
  const complex = or(
    or(
      or(ge(hadsAnxiety, 11), ge(hadsDepression, 11)),
      or(is(complexPsychosocial), is(mmr1EffectInsufficient)),
    ),
    or(
      or(and(sickLeaveFull, ge(sickLeaveMonths, 6)), is(painMechanismUnclear)),
      or(ltop, ge(mme, 90)),
    ),
  );
  const escalate = and(complex, not(specialistPlan));
  const assessedDone = is(specialistAssessmentComplete);
  const gRed: K = redFlags === undefined || redFlags === null ? U : redFlags.length > 0 ? T : F;
  const gSubstance = or(asud, ge(dependenceCriteriaCount, 3));
  const gExit = is(declinesPathway);

  let alerts = 0;
  if (gRed === T) alerts |= 1 << 0;
  if (or(ge(dependenceCriteriaCount, 3), asud) === T) alerts |= 1 << 1;
  if (and(onOpioid, onBenzo) === T) alerts |= 1 << 2;
  if (ge(mme, 100) === T) alerts |= 1 << 3;
  if (and(and(onOpioid, ge(opioidDays, 28)), gt(daysSinceOpioidReview, 90)) === T) alerts |= 1 << 4;
  if (and(onOpioid, onGaba) === T) alerts |= 1 << 5;
  if (and(ge(mme, 50), lt(mme, 100)) === T) alerts |= 1 << 6;
  if (and(ltop, not(specialistPlan)) === T) alerts |= 1 << 7;
  const longUse = or(
    and(onOpioid, ge(opioidDays, 28)),
    and(onBenzo, or(ge(hypnoticDays, 14), ge(anxiolyticDays, 14))),
  );
  if (and(longUse, not(is(hasTreatmentPlan))) === T) alerts |= 1 << 8;
  if (or(gt(hypnoticDays, 14), gt(anxiolyticDays, 28)) === T) alerts |= 1 << 9;
  const risk = or(
    or(gt(age, 65), is(respiratoryRisk)),
    or(or(is(renalOrHepaticImpairment), is(riskyAlcoholUse)), psychiatric),
  );
  if (and(onOpioid, risk) === T) alerts |= 1 << 10;
  if (or(ge(hadsAnxiety, 11), ge(hadsDepression, 11)) === T) alerts |= 1 << 11;
  if (
    and(
      or(ge(hadsAnxiety, 8), ge(hadsDepression, 8)),
      and(lt(hadsAnxiety, 11), lt(hadsDepression, 11)),
    ) === T
  )
    alerts |= 1 << 12;
  if (ge(isi, 15) === T) alerts |= 1 << 13;
  answer.alerts = alerts;
  answer.needsInformation = false;

  const startId = input.currentStep?.id;
  let step = startId === undefined ? INTAKE : (STEP_NUMBER.get(startId) ?? OTHER);
  answer.otherStep = step === OTHER ? (startId as string) : '';
  let visited = 1 << step;
  // In a step entered during the walk, the time in step is 0.
  let w8 = weeks8;
  let m6 = months6;
  for (;;) {
    answer.step = step;
    if (step === RED_FLAG || step === EXIT) return answer;
    let next = first(
      step === RED_FLAG ? F : gRed,
      RED_FLAG,
      step === SUBSTANCE ? F : gSubstance,
      SUBSTANCE,
      gExit,
      EXIT,
    );
    if (next === -1) {
      const assessed = or(assessedDone, m6);
      switch (step) {
        case INTAKE:
          next = first(chronic, PCM, atRisk, EARLY, not(atRisk), EXIT);
          break;
        case EARLY:
          next = first(chronic, PCM, and(improved, not(atRisk)), EXIT, F, 0);
          break;
        case PCM:
          next = first(
            escalate,
            SPA,
            and(improved, selfManagement),
            EXIT,
            and(and(w8, not(improved)), mmrEligible),
            PC_MMR,
          );
          break;
        case PC_MMR:
          next = first(escalate, SPA, rehabDone, FOLLOW_UP, F, 0);
          break;
        case SPA:
          next = first(and(assessed, mmrEligible), S_MMR, assessed, PCM, F, 0);
          break;
        case S_MMR:
          next = first(rehabDone, FOLLOW_UP, F, 0, F, 0);
          break;
        case SUBSTANCE:
          next = first(
            and(and(not(asud), lt(dependenceCriteriaCount, 3)), chronic),
            PCM,
            F,
            0,
            F,
            0,
          );
          break;
        case FOLLOW_UP:
          next = first(
            and(sinceRehab, selfManagement),
            EXIT,
            and(sinceRehab, not(selfManagement)),
            PCM,
            F,
            0,
          );
          break;
        default:
          next = -1;
      }
    }
    if (next === -2) {
      answer.needsInformation = true;
      return answer;
    }
    if (next === -1 || (visited & (1 << next)) !== 0) return answer;
    visited |= 1 << next;
    step = next;
    w8 = F;
    m6 = F;
  }
}
