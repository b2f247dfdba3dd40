/** The fact dictionary as the condition builder shows it. */
import type { Fact, Operator } from '../../../engine/editor';

/** "0–600", "≥ 0", "" — a fact's declared range. */
export function factRangeText(fact: Fact): string {
  const min = fact.range?.min;
  const max = fact.range?.max;
  if (min !== undefined && max !== undefined) return `${min}–${max}`;
  if (min !== undefined) return `≥ ${min}`;
  if (max !== undefined) return `≤ ${max}`;
  return '';
}

/** Operators that make sense for a fact's type, most used first. */
export function operatorsFor(fact: Fact | undefined): Operator[] {
  switch (fact?.type) {
    case 'integer':
    case 'number':
      return [
        'greaterThanInclusive',
        'greaterThan',
        'lessThanInclusive',
        'lessThan',
        'equal',
        'notEqual',
        'in',
        'notIn',
      ];
    case 'boolean':
      return ['equal', 'notEqual'];
    case 'string[]':
    case 'medications':
      return ['contains', 'doesNotContain', 'notEmpty'];
    case 'string':
      return ['equal', 'notEqual', 'in', 'notIn'];
    case 'date':
      return [
        'equal',
        'notEqual',
        'lessThan',
        'lessThanInclusive',
        'greaterThan',
        'greaterThanInclusive',
      ];
    default:
      return [
        'equal',
        'notEqual',
        'greaterThanInclusive',
        'greaterThan',
        'lessThanInclusive',
        'lessThan',
        'in',
        'notIn',
        'contains',
        'doesNotContain',
        'notEmpty',
      ];
  }
}

/** A sensible value for a fact and operator when the author picks them. */
export function defaultValue(
  fact: Fact | undefined,
  operator: Operator,
): string | number | boolean | (string | number)[] {
  if (operator === 'notEmpty') return true;
  if (operator === 'in' || operator === 'notIn') return fact?.values?.slice(0, 1) ?? [];
  switch (fact?.type) {
    case 'integer':
    case 'number':
      return fact.range?.min ?? 0;
    case 'boolean':
      return true;
    case 'string[]':
    case 'string':
      return fact.values?.[0] ?? '';
    default:
      return '';
  }
}
