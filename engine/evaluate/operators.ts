/**
 * What each pathway operator means for two known values. The semantics are json-rules-engine's
 * built-in operators, written out here so that production evaluation does not load the
 * library; the reference (`engine/reference/`) registers the library's own operators, and
 * the differential tests hold the two to the same answers.
 */
import { boundTruth, isLowerBound, type TruthCode } from '../facts/bound';
import type { Operator as OperatorName } from '../model/types';

type Compare = (factValue: unknown, expected: unknown) => boolean;

/** A value the engine treats as unknown: absent or null. */
export function isUnknown(value: unknown): boolean {
  return value === undefined || value === null;
}

/** json-rules-engine's check that a value reads as a number before an ordering comparison. */
function numeric(value: unknown): boolean {
  return Number.parseFloat(value as string).toString() !== 'NaN';
}

/** Calls `indexOf` the way json-rules-engine does, on whatever it is given (lists and strings). */
function indexOf(list: unknown, item: unknown): number {
  return (list as { indexOf(x: unknown): number }).indexOf(item);
}

const TABLE: Record<OperatorName, Compare> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => indexOf(b, a) > -1,
  notIn: (a, b) => indexOf(b, a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => numeric(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => numeric(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => numeric(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => numeric(a) && (a as number) >= (b as number),
  // `value: true` asks for at least one entry, `value: false` for none.
  notEmpty: (a, b) => Array.isArray(a) && a.length > 0 === (b === true),
};

/** The comparison of each pathway operator on known values. */
export const COMPARISONS: Readonly<Record<OperatorName, Compare>> = TABLE;

/**
 * The Kleene truth (0 false, 1 unknown, 2 true) of one leaf: unknown when either side is
 * unknown; decided by the interval rule when either side is a lower bound (see
 * `engine/facts/bound.ts`); otherwise the operator's comparison. Every production evaluator
 * reaches this function for anything but a plain number or boolean comparison.
 */
export function leafTruth(
  operator: OperatorName,
  factValue: unknown,
  expected: unknown,
): TruthCode {
  if (isUnknown(factValue) || isUnknown(expected)) return 1;
  if (isLowerBound(factValue) || isLowerBound(expected))
    return boundTruth(operator, factValue, expected);
  return COMPARISONS[operator](factValue, expected) ? 2 : 0;
}
