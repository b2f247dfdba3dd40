/**
 * The reference's operators: json-rules-engine's own built-in comparisons (and this engine's
 * `notEmpty`), each registered in two three-valued variants that decide what an unknown
 * operand yields (see `tri-conditions.ts`). Production evaluation writes the same semantics
 * out in `engine/evaluate/operators.ts`; the differential tests compare the two.
 */
import { Engine, Operator } from 'json-rules-engine';
import { isUnknown } from '../evaluate/operators';
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

/** Registers both three-valued variants of every operator on an engine. */
export function registerOperators(engine: Engine): void {
  for (const name of OPERATORS) {
    const compare = LIBRARY_COMPARISONS[name];
    for (const unknownAs of ['F', 'T'] as const) {
      const whenUnknown = unknownAs === 'T';
      engine.addOperator(
        new Operator(variantName(name, unknownAs), (factValue: unknown, expected: unknown) =>
          isUnknown(factValue) || isUnknown(expected) ? whenUnknown : compare(factValue, expected),
        ),
      );
    }
  }
}
