/**
 * Drift over time for synthetic months: a centre parameter that moves linearly from one value
 * in the first month to another in the last, such as one centre reviewing its opioid users
 * more often month by month (`vc-bruksorten.opioidReviewDays=140:45`).
 */
import { PathwayError } from '../errors';
import { CENTRES, type Centre } from './centres';

/** The centre parameters a drift can move: every number of {@link Centre}. */
export const DRIFT_PARAMETERS = [
  'weight',
  'female',
  'chronic',
  'ompsq',
  'hads',
  'fullSickLeave',
  'opioid',
  'opioidMme',
  'benzoWithOpioid',
  'gabapentinoid',
  'treatmentPlan',
  'opioidReviewDays',
  'specialistPlan',
  'completeness',
] as const;

/** A parameter a drift can move. */
export type DriftParameter = (typeof DRIFT_PARAMETERS)[number];

/** Parameters that are probabilities, so a drift must stay within 0–1. */
const SHARES: ReadonlySet<DriftParameter> = new Set([
  'female',
  'chronic',
  'fullSickLeave',
  'opioid',
  'benzoWithOpioid',
  'gabapentinoid',
  'treatmentPlan',
  'specialistPlan',
  'completeness',
]);

/** One parameter of one centre moving from `from` (first month) to `to` (last month). */
export interface Drift {
  centre: string;
  parameter: DriftParameter;
  from: number;
  to: number;
}

const SPEC = /^([A-Za-z0-9_-]+)\.([A-Za-z]+)=(-?\d+(?:\.\d+)?):(-?\d+(?:\.\d+)?)$/;

/**
 * Reads a drift written `<centre>.<parameter>=<first>:<last>`. Throws INVALID_INPUT naming what
 * is wrong: the form, an unknown centre or parameter, a share outside 0–1 or a negative value.
 */
export function parseDrift(spec: string, centres: readonly Centre[] = CENTRES): Drift {
  const m = SPEC.exec(spec.trim());
  const fail = (why: string): never => {
    throw new PathwayError('INVALID_INPUT', `--drift ${spec}: ${why}`);
  };
  if (m === null)
    return fail(
      'expected <centre>.<parameter>=<first>:<last>, e.g. vc-bruksorten.opioidReviewDays=140:45',
    );
  const [, centre = '', parameter = '', a = '', b = ''] = m;
  if (!centres.some((c) => c.id === centre))
    fail(`unknown centre '${centre}' (one of ${centres.map((c) => c.id).join(', ')})`);
  if (!(DRIFT_PARAMETERS as readonly string[]).includes(parameter))
    fail(`unknown parameter '${parameter}' (one of ${DRIFT_PARAMETERS.join(', ')})`);
  const p = parameter as DriftParameter;
  const from = Number(a);
  const to = Number(b);
  for (const v of [from, to]) {
    if (SHARES.has(p) && (v < 0 || v > 1)) fail(`${p} is a share: expected 0–1, got ${v}`);
    if (v < 0) fail(`${p} cannot be negative, got ${v}`);
  }
  return { centre, parameter: p, from, to };
}

/**
 * The centres of month `month` (0-based) of `months`, each drift moved linearly from its first
 * to its last value (a single month takes the last value).
 */
export function centresInMonth(
  drifts: readonly Drift[],
  month: number,
  months: number,
  base: readonly Centre[] = CENTRES,
): Centre[] {
  const t = months <= 1 ? 1 : month / (months - 1);
  return base.map((centre) => {
    const moved: Centre = { ...centre };
    for (const d of drifts)
      if (d.centre === centre.id) moved[d.parameter] = d.from + (d.to - d.from) * t;
    return moved;
  });
}
