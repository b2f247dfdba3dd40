/**
 * Incomplete values. A derived sum or day count that leaves out something it could not read
 * (an opioid without a conversion factor, a drug coded in a system nobody maps, a list that
 * was only partly sent) is not the whole value: it is a lower bound. It is carried as
 * `{ atLeast: n }` (plain JSON, so results, traces and scenario files can hold it), never as
 * the bare number, so no reader can take a partial sum for the whole.
 *
 * Comparisons treat it as the interval [n, ∞) in three-valued logic: `≥ x` is true once the
 * bound reaches x and unknown below; `< x` is false once the bound reaches x and unknown
 * below; anything the interval does not decide is unknown.
 */

/** A value known only to be at least `atLeast`. */
export interface LowerBound {
  readonly atLeast: number;
}

/** The lower bound `atLeast` (frozen: one value must always mean the same). */
export function lowerBound(atLeast: number): LowerBound {
  return Object.freeze({ atLeast });
}

/** True for a {@link LowerBound}: a plain object whose only key is a finite `atLeast`. */
export function isLowerBound(value: unknown): value is LowerBound {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return (
    keys.length === 1 &&
    keys[0] === 'atLeast' &&
    Number.isFinite((value as { atLeast: unknown }).atLeast)
  );
}

/** Kleene truth as the evaluators return it: 0 false, 1 unknown, 2 true. */
export type TruthCode = 0 | 1 | 2;

const F: TruthCode = 0;
const U: TruthCode = 1;
const T: TruthCode = 2;

/** A number or bound as the interval [lo, hi]; undefined for anything else. */
function interval(value: unknown): readonly [number, number] | undefined {
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : [value, value];
  if (isLowerBound(value)) return [value.atLeast, Infinity];
  return undefined;
}

/**
 * The truth of `left operator right` when at least one side is a {@link LowerBound}:
 * true when it holds for every value the bound allows, false when for none, else unknown.
 * Operators that are not orderings or equality, and non-numeric partners, are unknown.
 */
export function boundTruth(operator: string, left: unknown, right: unknown): TruthCode {
  const a = interval(left);
  const b = interval(right);
  if (a === undefined || b === undefined) return U;
  const [alo, ahi] = a;
  const [blo, bhi] = b;
  switch (operator) {
    case 'greaterThanInclusive':
      return alo >= bhi ? T : ahi < blo ? F : U;
    case 'greaterThan':
      return alo > bhi ? T : ahi <= blo ? F : U;
    case 'lessThanInclusive':
      return ahi <= blo ? T : alo > bhi ? F : U;
    case 'lessThan':
      return ahi < blo ? T : alo >= bhi ? F : U;
    case 'equal':
      return ahi < blo || bhi < alo ? F : U;
    case 'notEqual':
      return ahi < blo || bhi < alo ? T : U;
    default:
      return U;
  }
}
