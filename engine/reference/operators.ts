/**
 * The reference's operators: json-rules-engine's own built-in comparisons (and this engine's
 * `notEmpty`), each registered in two three-valued variants that decide what an unknown
 * operand yields (see `tri-conditions.ts`). Production evaluation writes the same semantics
 * out in `engine/evaluate/operators.ts`; the differential tests compare the two.
 */
import { Engine, Operator } from 'json-rules-engine';
import { isUnknown } from '../evaluate/operators';
import { isLowerBound } from '../facts/bound';
import { OPERATORS } from '../model/schema';
import type { Operator as OperatorName } from '../model/types';

/** How an unknown operand is read in one of the two runs: as false or as true. */
export type UnknownAs = 'F' | 'T';

/** The registered name of an operator's variant, e.g. `greaterThanInclusive~F`. */
export function variantName(operator: string, unknownAs: UnknownAs): string {
  return `${operator}~${unknownAs}`;
}

/** Splits a variant name back into the pathway's operator. */
export function baseOperator(name: string): string {
  const at = name.lastIndexOf('~');
  return at < 0 ? name : name.slice(0, at);
}

type Compare = (factValue: unknown, expected: unknown) => boolean;

/** Operators json-rules-engine does not ship. */
const EXTRA_OPERATORS: Partial<Record<OperatorName, Compare>> = {
  // `value: true` asks for at least one entry, `value: false` for none.
  notEmpty: (factValue, expected) =>
    Array.isArray(factValue) && factValue.length > 0 === (expected === true),
};

/** The library's comparison for each pathway operator on known values. */
function libraryComparisons(): Record<OperatorName, Compare> {
  const probe = new Engine();
  const operators = (
    probe as unknown as { operators: { get(name: string): { evaluate: Compare } | undefined } }
  ).operators;
  const table = {} as Record<OperatorName, Compare>;
  for (const name of OPERATORS) {
    const extra = EXTRA_OPERATORS[name];
    if (extra !== undefined) {
      table[name] = extra;
      continue;
    }
    const builtIn = operators.get(name);
    if (builtIn === undefined) throw new Error(`json-rules-engine has no operator '${name}'`);
    table[name] = (a, b) => builtIn.evaluate(a, b);
  }
  return table;
}

/** The library's comparisons, resolved once. */
export const LIBRARY_COMPARISONS: Readonly<Record<OperatorName, Compare>> = libraryComparisons();

/** Orderings: a comparison with them is monotone in each operand. */
const ORDERINGS: ReadonlySet<OperatorName> = new Set([
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
]);

/** The ends of a value as the reference sees it: a lower bound spans [atLeast, MAX_VALUE]. */
function ends(value: unknown): readonly unknown[] {
  return isLowerBound(value) ? [value.atLeast, Number.MAX_VALUE] : [value];
}

/**
 * The reference's three-valued answer for one leaf (undefined: unknown). A lower bound is
 * decided the library's own way: an ordering is monotone, so it holds throughout the bound
 * exactly when the library gives the same answer at both ends; equality with a bound is only
 * decided (false) for a number below it; anything else with a bound is unknown.
 */
export function referenceLeaf(
  operator: OperatorName,
  factValue: unknown,
  expected: unknown,
): boolean | undefined {
  if (isUnknown(factValue) || isUnknown(expected)) return undefined;
  const compare = LIBRARY_COMPARISONS[operator];
  if (!isLowerBound(factValue) && !isLowerBound(expected)) return compare(factValue, expected);
  if (ORDERINGS.has(operator)) {
    const answers = new Set(
      ends(factValue).flatMap((a) => ends(expected).map((b) => compare(a, b))),
    );
    return answers.size === 1 ? answers.has(true) : undefined;
  }
  if (operator === 'equal' || operator === 'notEqual') {
    const [bound, other] = isLowerBound(factValue) ? [factValue, expected] : [expected, factValue];
    if (isLowerBound(bound) && typeof other === 'number' && other < bound.atLeast)
      return operator === 'notEqual';
  }
  return undefined;
}

/** Registers both three-valued variants of every operator on an engine. */
export function registerOperators(engine: Engine): void {
  for (const name of OPERATORS) {
    for (const unknownAs of ['F', 'T'] as const) {
      const whenUnknown = unknownAs === 'T';
      engine.addOperator(
        new Operator(
          variantName(name, unknownAs),
          (factValue: unknown, expected: unknown) =>
            referenceLeaf(name, factValue, expected) ?? whenUnknown,
        ),
      );
    }
  }
}
