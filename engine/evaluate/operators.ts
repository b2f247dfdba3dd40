/**
 * Operators and their three-valued variants. Comparisons with a known value use
 * json-rules-engine's own operator semantics; this engine adds `notEmpty` and, for every
 * operator, two variants that decide what an unknown operand yields (see `tri-conditions.ts`).
 */
import { Engine, Operator } from 'json-rules-engine';
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

/** A value the engine treats as unknown: absent or null. */
export function isUnknown(value: unknown): boolean {
  return value === undefined || value === null;
}

/**
 * The comparison for each pathway operator on known values. Built-in operators are taken
 * from a json-rules-engine instance, so the reference semantics are the library's own.
 */
function knownComparisons(): Record<OperatorName, Compare> {
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

/** The comparisons, resolved once. */
export const COMPARISONS: Readonly<Record<OperatorName, Compare>> = knownComparisons();

/** Registers both three-valued variants of every operator on an engine. */
export function registerOperators(engine: Engine): void {
  for (const name of OPERATORS) {
    const compare = COMPARISONS[name];
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
