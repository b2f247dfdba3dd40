/**
 * Case-mix strata for indirect standardisation. A pathway's `caseMix` lists the facts that
 * stratify patients; a patient's stratum key joins one label per fact, in `caseMix` order,
 * as `fact:label` separated by `|`: `age:45-64|sex:female`.
 *
 * Labels: for a fact with `bands` (ascending lower bounds, e.g. `[18, 45, 65]`) the band the
 * value falls in — `<18` below the first bound, `18-44` and `45-64` for the bands between
 * (the upper end is the next bound minus one for an integer fact, written `45-<65` for a
 * number fact, whose values need not be whole), and `65+` for the last. For a fact without
 * bands, the value as written (`female`, `true`). The whole key is `unknown` when any stratum
 * fact is unknown, so a patient is never put into a stratum by a guess; a lower bound counts
 * only when every value it allows falls in one band (the last).
 */
import { isLowerBound } from '../facts/bound';
import type { CaseMixFact, Fact } from '../model/types';

/** The key of patients whose stratum cannot be known. */
export const UNKNOWN_STRATUM = 'unknown';

/** The label of band `index` of `bands` (`-1`: below the first bound). */
export function bandLabel(bands: readonly number[], index: number, integer: boolean): string {
  if (index < 0) return `<${bands[0] as number}`;
  const lo = bands[index] as number;
  const next = bands[index + 1];
  if (next === undefined) return `${lo}+`;
  return integer && Number.isInteger(next) ? `${lo}-${next - 1}` : `${lo}-<${next}`;
}

/** The label of `value` in `bands`, or undefined when it is no number or bound that fits one band. */
function bandOf(bands: readonly number[], value: unknown, integer: boolean): string | undefined {
  const last = bands.length - 1;
  if (isLowerBound(value))
    // [n, ∞) fits one band only when it starts in the last one.
    return value.atLeast >= (bands[last] as number) ? bandLabel(bands, last, integer) : undefined;
  if (typeof value !== 'number' || Number.isNaN(value)) return undefined;
  let index = -1;
  while (index < last && value >= (bands[index + 1] as number)) index++;
  return bandLabel(bands, index, integer);
}

/** The label of one stratum fact's value, or undefined when unknown. */
export function stratumLabel(
  entry: CaseMixFact,
  fact: Pick<Fact, 'type'> | undefined,
  value: unknown,
): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (entry.bands !== undefined) return bandOf(entry.bands, value, fact?.type === 'integer');
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * The stratum key of one patient, given how to read a fact's value; {@link UNKNOWN_STRATUM}
 * when any stratum fact is unknown.
 */
export function stratumKey(
  caseMix: readonly CaseMixFact[],
  facts: ReadonlyMap<string, Pick<Fact, 'type'>>,
  valueOf: (fact: string) => unknown,
): string {
  const parts: string[] = [];
  for (const entry of caseMix) {
    const label = stratumLabel(entry, facts.get(entry.fact), valueOf(entry.fact));
    if (label === undefined) return UNKNOWN_STRATUM;
    parts.push(`${entry.fact}:${label}`);
  }
  return parts.join('|');
}
