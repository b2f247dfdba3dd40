/**
 * The chronic-pain pathway 1.1.0 written by hand as one function: the practical ceiling for
 * the benchmark. It reads the facts object directly, derives what it needs, and walks with
 * Kleene logic as numbers (0 false, 1 unknown, 2 true). No validation, no trace, no follow-ups;
 * the benchmark counts its disagreements with the population path on valid inputs.
 */
import { monthsBetween } from '../../engine/facts/dates';
import { cleanArithmetic } from '../../engine/facts/rounding';

const F = 0;
const U = 1;
const T = 2;
type K = 0 | 1 | 2;

const and = (...xs: K[]): K => Math.min(...xs) as K;
const or = (...xs: K[]): K => Math.max(...xs) as K;
const not = (x: K): K => (T - x) as K;
const ge = (v: unknown, x: number): K =>
  v === undefined || v === null ? U : (v as number) >= x ? T : F;
const gt = (v: unknown, x: number): K =>
  v === undefined || v === null ? U : (v as number) > x ? T : F;
const lt = (v: unknown, x: number): K =>
  v === undefined || v === null ? U : (v as number) < x ? T : F;
const is = (v: unknown): K => (v === undefined || v === null ? U : v === true ? T : F);

interface Med {
  atc: string;
  dose?: number;
  unit?: string;
  since?: string;
}
const FACTOR: Record<string, [number, string]> = {
  N02AA01: [1, 'mg/day'],
  N02AA05: [1.5, 'mg/day'],
  N02AA03: [5, 'mg/day'],
  N02AA59: [0.15, 'mg/day'],
  N02AJ06: [0.15, 'mg/day'],
  N02AX02: [0.2, 'mg/day'],
  N02AX06: [0.4, 'mg/day'],
  N02AB03: [2.4, 'ug/h'],
};
const day = (d: string): number => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
const round = (x: number, k: number): number => Math.round(x * k) / k;

/** Step, status and fired alert ids of one patient. */
export function handwritten(
  input: { currentStep?: { id: string; enteredAt?: string }; facts: Record<string, unknown> },
  asOf: string,
): { step: string; status: string; alerts: string[] } {
  const f = input.facts;
  const meds = f['medications'] as Med[] | undefined | null;
  let onOpioid: boolean | undefined;
  let onBenzo: boolean | undefined;
  let onGaba: boolean | undefined;
  let mme: number | undefined;
  let opioidDays: number | undefined;
  let hypnoticDays: number | undefined;
  let anxiolyticDays: number | undefined;
  const today = day(asOf);
  if (meds !== undefined && meds !== null) {
    onOpioid = onBenzo = onGaba = false;
    let sum = 0;
    let mmeKnown = true;
    let o = Infinity;
    let h = Infinity;
    let a = Infinity;
    let oU = false;
    let hU = false;
    let aU = false;
    for (const m of meds) {
      const c = m.atc;
      const s = m.since === undefined ? NaN : day(m.since);
      if (c.startsWith('N02A')) {
        onOpioid = true;
        const e = FACTOR[c];
        if (e !== undefined) {
          if (m.dose === undefined || m.unit !== e[1]) mmeKnown = false;
          else sum += m.dose * e[0];
        }
        if (Number.isNaN(s)) oU = true;
        else o = Math.min(o, s);
      }
      const hyp = c.startsWith('N05CD') || c.startsWith('N05CF');
      const anx = c.startsWith('N05BA') || c === 'N03AE01';
      if (hyp || anx) onBenzo = true;
      if (hyp && Number.isNaN(s)) hU = true;
      else if (hyp) h = Math.min(h, s);
      if (anx && Number.isNaN(s)) aU = true;
      else if (anx) a = Math.min(a, s);
      if (c === 'N03AX12' || c === 'N03AX16') onGaba = true;
    }
    mme = mmeKnown ? round(sum, 10) : undefined;
    opioidDays = oU ? undefined : o === Infinity ? 0 : today - o;
    hypnoticDays = hU ? undefined : h === Infinity ? 0 : today - h;
    anxiolyticDays = aU ? undefined : a === Infinity ? 0 : today - a;
  }
  const nrs = f['nrsPain'] as number | undefined;
  const nrsBase = f['nrsPainBaseline'] as number | undefined;
  const reduction =
    typeof nrs === 'number' && typeof nrsBase === 'number' ? round(nrsBase - nrs, 1e6) : undefined;
  const reductionPct =
    reduction !== undefined && typeof nrsBase === 'number' && nrsBase > 0
      ? round((100 * reduction) / nrsBase, 1e6)
      : undefined;
  const pseq = f['pseq'] as number | undefined;
  const pseqBase = f['pseqBaseline'] as number | undefined;
  const gain =
    typeof pseq === 'number' && typeof pseqBase === 'number' ? pseq - pseqBase : undefined;
  const entered = input.currentStep?.enteredAt;
  const daysIn = entered === undefined ? undefined : today - day(entered);
  let weeks = f['weeksInStep'] ?? (daysIn === undefined ? undefined : round(daysIn / 7, 1e6));
  let months =
    f['monthsInStep'] ??
    (entered === undefined ? undefined : cleanArithmetic(monthsBetween(entered, asOf)));

  const chronic = (): K => ge(f['painDurationMonths'], 3);
  const atRisk = (): K => or(ge(f['ompsqShort'], 50), ge(f['startBackPsychosocial'], 4));
  const improved = (): K =>
    or(ge(reduction, 2), and(gt(nrsBase, 0), ge(reductionPct, 30)), ge(gain, 7));
  const mmrEligible = (): K =>
    and(
      ge(f['age'], 18),
      chronic(),
      is(f['highDailyLifeImpact']),
      is(f['somaticWorkupComplete']),
      is(f['motivatedForActiveRehab']),
      not(is(f['activeSubstanceUseDisorder'])),
      not(is(f['psychiatricConditionHinderingRehab'])),
    );
  const ltop = (): K =>
    and(
      is(onOpioid),
      gt(opioidDays, 90),
      or(lt(f['age'], 50), is(f['psychiatricIllness']), ge(mme, 50), is(onBenzo)),
    );
  const complex = (): K =>
    or(
      ge(f['hadsAnxiety'], 11),
      ge(f['hadsDepression'], 11),
      is(f['complexPsychosocial']),
      is(f['mmr1EffectInsufficient']),
      and(
        f['sickLeavePercent'] === undefined || f['sickLeavePercent'] === null
          ? U
          : f['sickLeavePercent'] === 100
            ? T
            : F,
        ge(f['sickLeaveMonths'], 6),
      ),
      is(f['painMechanismUnclear']),
      ltop(),
      ge(mme, 90),
    );
  const assessed = (): K => or(is(f['specialistAssessmentComplete']), ge(months, 6));
  const redFlags = f['redFlags'] as unknown[] | undefined | null;
  const globals: [K, string][] = [
    [
      redFlags === undefined || redFlags === null ? U : redFlags.length > 0 ? T : F,
      'red-flag-investigation',
    ],
    [
      or(is(f['activeSubstanceUseDisorder']), ge(f['dependenceCriteriaCount'], 3)),
      'substance-use-care',
    ],
    [is(f['declinesPathway']), 'pathway-exit'],
  ];
  const own = (step: string): [() => K, string][] => {
    switch (step) {
      case 'intake-assessment':
        return [
          [chronic, 'primary-care-management'],
          [atRisk, 'early-intervention'],
          [() => not(atRisk()), 'pathway-exit'],
        ];
      case 'early-intervention':
        return [
          [chronic, 'primary-care-management'],
          [() => and(improved(), not(atRisk())), 'pathway-exit'],
        ];
      case 'primary-care-management':
        return [
          [() => and(complex(), not(is(f['specialistPlanInPlace']))), 'specialist-pain-assessment'],
          [() => and(improved(), is(f['selfManagementAdequate'])), 'pathway-exit'],
          [() => and(ge(weeks, 8), not(improved()), mmrEligible()), 'primary-care-mmr'],
        ];
      case 'primary-care-mmr':
        return [
          [() => and(complex(), not(is(f['specialistPlanInPlace']))), 'specialist-pain-assessment'],
          [() => is(f['rehabProgramCompleted']), 'follow-up'],
        ];
      case 'specialist-pain-assessment':
        return [
          [() => and(assessed(), mmrEligible()), 'specialist-mmr'],
          [assessed, 'primary-care-management'],
        ];
      case 'specialist-mmr':
        return [[() => is(f['rehabProgramCompleted']), 'follow-up']];
      case 'substance-use-care':
        return [
          [
            () =>
              and(
                not(is(f['activeSubstanceUseDisorder'])),
                lt(f['dependenceCriteriaCount'], 3),
                chronic(),
              ),
            'primary-care-management',
          ],
        ];
      case 'follow-up':
        return [
          [
            () => and(ge(f['monthsSinceRehabEnd'], 12), is(f['selfManagementAdequate'])),
            'pathway-exit',
          ],
          [
            () => and(ge(f['monthsSinceRehabEnd'], 12), not(is(f['selfManagementAdequate']))),
            'primary-care-management',
          ],
        ];
      default:
        return [];
    }
  };

  const alerts: string[] = [];
  const fire = (id: string, k: K): void => {
    if (k === T) alerts.push(id);
  };
  fire('red-flag', globals[0]?.[0] ?? U);
  fire(
    'suspected-dependence',
    or(ge(f['dependenceCriteriaCount'], 3), is(f['activeSubstanceUseDisorder'])),
  );
  fire('opioid-benzodiazepine', and(is(onOpioid), is(onBenzo)));
  fire('opioid-dose-very-high', ge(mme, 100));
  fire(
    'opioid-review-overdue',
    and(is(onOpioid), ge(opioidDays, 28), gt(f['daysSinceOpioidReview'], 90)),
  );
  fire('opioid-gabapentinoid', and(is(onOpioid), is(onGaba)));
  fire('opioid-dose-high', and(ge(mme, 50), lt(mme, 100)));
  fire('long-term-opioid-specialist', and(ltop(), not(is(f['specialistPlanInPlace']))));
  fire(
    'no-treatment-plan',
    and(
      or(
        and(is(onOpioid), ge(opioidDays, 28)),
        and(is(onBenzo), or(ge(hypnoticDays, 14), ge(anxiolyticDays, 14))),
      ),
      not(is(f['hasTreatmentPlan'])),
    ),
  );
  fire('benzodiazepine-duration', or(gt(hypnoticDays, 14), gt(anxiolyticDays, 28)));
  fire(
    'overdose-risk',
    and(
      is(onOpioid),
      or(
        gt(f['age'], 65),
        is(f['respiratoryRisk']),
        is(f['renalOrHepaticImpairment']),
        is(f['riskyAlcoholUse']),
        is(f['psychiatricIllness']),
      ),
    ),
  );
  fire('anxiety-depression-probable', or(ge(f['hadsAnxiety'], 11), ge(f['hadsDepression'], 11)));
  fire(
    'anxiety-depression-possible',
    and(
      or(ge(f['hadsAnxiety'], 8), ge(f['hadsDepression'], 8)),
      lt(f['hadsAnxiety'], 11),
      lt(f['hadsDepression'], 11),
    ),
  );
  fire('insomnia', ge(f['isi'], 15));

  let step = input.currentStep?.id ?? 'intake-assessment';
  const visited = [step];
  for (;;) {
    if (step === 'red-flag-investigation' || step === 'pathway-exit')
      return { step, status: 'settled', alerts };
    const candidates: [() => K, string][] = [
      ...globals.filter(([, to]) => to !== step).map(([k, to]): [() => K, string] => [() => k, to]),
      ...own(step),
    ];
    let next: string | undefined;
    for (const [cond, to] of candidates) {
      const k = cond();
      if (k === U) return { step, status: 'needs-information', alerts };
      if (k === T) {
        next = to;
        break;
      }
    }
    if (next === undefined || visited.includes(next)) return { step, status: 'settled', alerts };
    visited.push(next);
    step = next;
    weeks = 0;
    months = 0;
  }
}
