/**
 * Indirect standardisation of a centre's rate for case mix (docs/results-method.md): the
 * centre's observed count O is compared with the count E it would have had if each of its
 * case-mix strata had the regional rate of that stratum,
 * E = Σ_s (regional numerator_s / regional denominator_s) × centre denominator_s.
 * The standardised ratio is O / E and the standardised rate is O / E × the regional crude
 * rate. Patients whose stratum is `unknown` (age or sex missing) are left out of O, of E and
 * of the regional rates, and counted, so the reader sees how many the adjustment could not use.
 * The ratio's 95 % interval treats O as Poisson, by Byar's approximation (Breslow & Day 1987,
 * vol. II, p. 69), which is close to the exact interval already for O of a few.
 */
import type { StratumCounts } from '../../indicators/types';
import { Z95, type Interval } from './wilson';

/** The stratum key of patients whose case-mix facts are missing. */
export const UNKNOWN_STRATUM = 'unknown';

/** A centre's indirectly standardised figures. */
export interface Standardised {
  /** Observed numerator over the known strata. */
  observed: number;
  /** Expected numerator at the regional stratum rates. */
  expected: number;
  /** Decided patients of the known strata (the denominator O is out of). */
  denominator: number;
  /** O / E; null when E is 0. */
  ratio: number | null;
  /** 95 % interval of the ratio; null when E is 0. */
  ratioInterval: Interval | null;
  /** Ratio × regional crude rate over the known strata; null when the ratio is. */
  rate: number | null;
  /** The regional crude rate the standardised rate is scaled by (known strata only). */
  regionalRate: number | null;
  /** Decided patients of the centre left out because their stratum is unknown. */
  excludedUnknown: number;
  /** Of those, patients in the numerator. */
  excludedUnknownNumerator: number;
}

/** Byar's approximate 95 % interval for a Poisson count `o`, divided by `e`. */
function byar(o: number, e: number, z = Z95): Interval {
  const lower = o === 0 ? 0 : (o * Math.pow(1 - 1 / (9 * o) - z / (3 * Math.sqrt(o)), 3)) / e;
  const o1 = o + 1;
  const upper = (o1 * Math.pow(1 - 1 / (9 * o1) + z / (3 * Math.sqrt(o1)), 3)) / e;
  return { lower: Math.max(0, lower), upper };
}

/**
 * Indirectly standardises `centre` against `region` (both per stratum key, decided patients
 * only). A stratum of the centre that the region lacks cannot happen when the region contains
 * the centre; were it so, its patients would count as excluded, never as expected 0.
 */
export function standardise(
  centre: Readonly<Record<string, StratumCounts>>,
  region: Readonly<Record<string, StratumCounts>>,
): Standardised {
  let observed = 0;
  let expected = 0;
  let denominator = 0;
  let excludedUnknown = 0;
  let excludedUnknownNumerator = 0;
  let regionNumerator = 0;
  let regionDenominator = 0;
  for (const [key, r] of Object.entries(region))
    if (key !== UNKNOWN_STRATUM) {
      regionNumerator += r.numerator;
      regionDenominator += r.denominator;
    }
  for (const [key, c] of Object.entries(centre)) {
    const r = region[key];
    if (key === UNKNOWN_STRATUM || r === undefined || r.denominator === 0) {
      excludedUnknown += c.denominator;
      excludedUnknownNumerator += c.numerator;
      continue;
    }
    observed += c.numerator;
    denominator += c.denominator;
    expected += (r.numerator / r.denominator) * c.denominator;
  }
  const regionalRate = regionDenominator > 0 ? regionNumerator / regionDenominator : null;
  const ratio = expected > 0 ? observed / expected : null;
  return {
    observed,
    expected,
    denominator,
    ratio,
    ratioInterval: expected > 0 ? byar(observed, expected) : null,
    rate: ratio !== null && regionalRate !== null ? ratio * regionalRate : null,
    regionalRate,
    excludedUnknown,
    excludedUnknownNumerator,
  };
}
