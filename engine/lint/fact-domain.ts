/**
 * The values a fact can still take after some comparisons with literals have all held:
 * an interval for numbers (narrowed by the declared range), a set of allowed values
 * (narrowed by `values`, `equal` and `in`) and the values excluded by `notEqual` / `notIn`.
 * An empty domain means the comparisons can never hold together. Only literal comparisons
 * narrow it; `{ fact }` values, dates and list operators are left alone (never a guess).
 */
import type { Fact, LeafCondition } from '../model/types';
import { literalFits } from './fact-types';

type Scalar = string | number | boolean;

/** What a fact can still be. */
export interface Domain {
  readonly low: number;
  readonly lowIncluded: boolean;
  readonly high: number;
  readonly highIncluded: boolean;
  /** The only values left, when some comparison (or the declared `values`) limits them. */
  readonly only: ReadonlySet<Scalar> | undefined;
  readonly excluded: ReadonlySet<Scalar>;
}

/** A fact's domain before any comparison: its declared range and values. */
export function declaredDomain(fact: Fact): Domain {
  const numeric = fact.type === 'integer' || fact.type === 'number';
  const { min, max } = numeric ? (fact.range ?? {}) : {};
  const scalar = fact.type !== 'string[]' && fact.type !== 'medications';
  return {
    low: min ?? -Infinity,
    lowIncluded: true,
    high: max ?? Infinity,
    highIncluded: true,
    only: scalar && fact.values !== undefined ? new Set(fact.values) : undefined,
    excluded: new Set(),
  };
}

function intersect(only: ReadonlySet<Scalar> | undefined, items: readonly Scalar[]): Set<Scalar> {
  return new Set(only === undefined ? items : items.filter((item) => only.has(item)));
}

/** The literal scalars of a leaf, or undefined when it does not compare with literals of the fact's type. */
function literals(fact: Fact, leaf: LeafCondition): Scalar[] | undefined {
  const value: unknown = leaf.value;
  const items: unknown[] = Array.isArray(value) ? value : [value];
  const fits = items.every(
    (item) =>
      (typeof item === 'number' || typeof item === 'string' || typeof item === 'boolean') &&
      literalFits(fact.type, item),
  );
  return fits ? (items as Scalar[]) : undefined;
}

/** `domain` narrowed by `leaf` (a comparison on `fact`); unchanged for what it cannot read. */
export function narrow(domain: Domain, fact: Fact, leaf: LeafCondition): Domain {
  if (fact.type === 'string[]' || fact.type === 'medications' || fact.type === 'date')
    return domain;
  const items = literals(fact, leaf);
  if (items === undefined) return domain;
  const [first] = items;
  const number = typeof first === 'number' ? first : undefined;
  switch (leaf.operator) {
    case 'greaterThan':
    case 'greaterThanInclusive': {
      if (number === undefined || Array.isArray(leaf.value)) return domain;
      const included = leaf.operator === 'greaterThanInclusive';
      const tighter =
        number > domain.low || (number === domain.low && domain.lowIncluded && !included);
      return tighter ? { ...domain, low: number, lowIncluded: included } : domain;
    }
    case 'lessThan':
    case 'lessThanInclusive': {
      if (number === undefined || Array.isArray(leaf.value)) return domain;
      const included = leaf.operator === 'lessThanInclusive';
      const tighter =
        number < domain.high || (number === domain.high && domain.highIncluded && !included);
      return tighter ? { ...domain, high: number, highIncluded: included } : domain;
    }
    case 'equal':
      return Array.isArray(leaf.value)
        ? domain
        : { ...domain, only: intersect(domain.only, items) };
    case 'in':
      return Array.isArray(leaf.value)
        ? { ...domain, only: intersect(domain.only, items) }
        : domain;
    case 'notEqual':
    case 'notIn':
      return { ...domain, excluded: new Set([...domain.excluded, ...items]) };
    default:
      return domain;
  }
}

function withinBounds(domain: Domain, value: Scalar): boolean {
  if (typeof value !== 'number') return true;
  const aboveLow = value > domain.low || (value === domain.low && domain.lowIncluded);
  const belowHigh = value < domain.high || (value === domain.high && domain.highIncluded);
  return aboveLow && belowHigh;
}

/** True when no value of `fact`'s type is left in `domain`. */
export function isEmpty(domain: Domain, fact: Fact): boolean {
  const integer = fact.type === 'integer';
  if (domain.only !== undefined) {
    return ![...domain.only].some(
      (v) =>
        withinBounds(domain, v) &&
        !domain.excluded.has(v) &&
        (!integer || (typeof v === 'number' && Number.isInteger(v))),
    );
  }
  if (fact.type !== 'integer' && fact.type !== 'number') {
    // Booleans: both values excluded leaves none. Strings without `values` are open-ended.
    return fact.type === 'boolean' && domain.excluded.has(true) && domain.excluded.has(false);
  }
  let low = domain.low;
  let high = domain.high;
  if (integer) {
    low = domain.lowIncluded ? Math.ceil(low) : Math.floor(low) + 1;
    high = domain.highIncluded ? Math.floor(high) : Math.ceil(high) - 1;
    if (low > high) return true;
    // A single whole number left, and excluded.
    return low === high && domain.excluded.has(low);
  }
  if (low > high) return true;
  if (low === high) {
    return !domain.lowIncluded || !domain.highIncluded || domain.excluded.has(low);
  }
  return false;
}
