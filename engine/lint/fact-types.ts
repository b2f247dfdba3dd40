/** What each fact type can be compared with: the type rules behind `operator-type`. */
import { isIsoDate } from '../model/dates';
import type { Fact, Operator } from '../model/types';

/** A fact's declared type. */
export type FactType = Fact['type'];

const ORDERING: ReadonlySet<string> = new Set([
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
]);
const EQUALITY: ReadonlySet<string> = new Set(['equal', 'notEqual']);
const MEMBERSHIP: ReadonlySet<string> = new Set(['in', 'notIn']);
const CONTAINMENT: ReadonlySet<string> = new Set(['contains', 'doesNotContain']);

const SCALAR_TYPES: readonly FactType[] = ['integer', 'number', 'boolean', 'string', 'date'];

/** The fact types each operator can be applied to. */
export const OPERATOR_FACT_TYPES: Readonly<Record<Operator, readonly FactType[]>> = {
  equal: SCALAR_TYPES,
  notEqual: SCALAR_TYPES,
  lessThan: ['integer', 'number', 'date'],
  lessThanInclusive: ['integer', 'number', 'date'],
  greaterThan: ['integer', 'number', 'date'],
  greaterThanInclusive: ['integer', 'number', 'date'],
  in: SCALAR_TYPES,
  notIn: SCALAR_TYPES,
  contains: ['string[]'],
  doesNotContain: ['string[]'],
  notEmpty: ['string[]', 'medications'],
};

/** `<`, `≤`, `>`, `≥`: the operator orders values. */
export const isOrdering = (operator: string): boolean => ORDERING.has(operator);
/** `equal` / `notEqual`. */
export const isEquality = (operator: string): boolean => EQUALITY.has(operator);
/** `in` / `notIn`: the value is a list. */
export const isMembership = (operator: string): boolean => MEMBERSHIP.has(operator);
/** `contains` / `doesNotContain`: the fact is a list. */
export const isContainment = (operator: string): boolean => CONTAINMENT.has(operator);

/** `integer` and `number` compare with each other. */
export const isNumericType = (type: FactType): boolean => type === 'integer' || type === 'number';

/**
 * Whether a literal can be a value of a fact of this type (for `string[]`, one element):
 * the check behind `value type doesn't fit`.
 */
export function literalFits(type: FactType, value: unknown): boolean {
  switch (type) {
    case 'integer':
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
    case 'string[]':
      return typeof value === 'string';
    case 'date':
      return isIsoDate(value);
    case 'medications':
      return false;
  }
}

/** What a literal for this type looks like, for messages. */
export function expectedLiteral(type: FactType): string {
  switch (type) {
    case 'integer':
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'string':
    case 'string[]':
      return 'a string';
    case 'date':
      return 'a date as YYYY-MM-DD';
    case 'medications':
      return 'nothing (medications cannot be compared)';
  }
}

/** Whether two facts' values can be compared with each other by `equal`, `lessThan` and so on. */
export function typesComparable(a: FactType, b: FactType): boolean {
  return a === b || (isNumericType(a) && isNumericType(b));
}
